"""The repaired article every extractor reads, and the Hit every extractor returns.

An `Article` holds the raw text as decoded, the repaired text the extractors search, and
`offsets`, which maps each repaired character back to its raw index. Extractors work in
repaired coordinates only; `Article.provenance` turns a repaired span into the contract's
provenance fields (raw start/end, surface text, sentence), so no extractor does offset
arithmetic of its own.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from zhfacts.text.sentences import Paragraph, split_paragraphs, split_sentences

NEWLINES = "\r\n"
DROP_NEWLINES = {ord(c): None for c in NEWLINES}
# A record's `sentence` is its whole sentence, or, in a sentence longer than this, the
# SENTENCE_WINDOW characters on each side of the record.
MAX_SENTENCE_CHARS = 1000
SENTENCE_WINDOW = 300


@dataclass(frozen=True, slots=True)
class Hit:
    """One extracted span in repaired-text coordinates, before it becomes a record.

    `fields` holds the table-specific values (value, unit, canonical, ...); `rule` is the id
    of the rule in rules/ that produced the span.
    """

    start: int
    end: int
    rule: str
    fields: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)


@dataclass
class Article:
    doc_id: str
    raw: str
    text: str
    offsets: list[int]
    sentences: list[tuple[int, int]]
    paragraphs: list[Paragraph]
    sha256: str
    pub_date: date | None = None
    pub_date_source: str | None = None
    warnings: list[str] = field(default_factory=list)
    glosses: dict[int, int] = field(default_factory=dict)  # raw start -> raw end of a pinyin gloss repair removed
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text):
            raise ValueError("offset map and repaired text differ in length")
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    @classmethod
    def from_text(cls, text: str, doc_id: str = "text") -> Article:
        """An article whose raw and repaired text are the same (no repair, identity map)."""
        paragraphs = split_paragraphs(text)
        return cls(
            doc_id=doc_id,
            raw=text,
            text=text,
            offsets=list(range(len(text))),
            sentences=split_sentences(text, paragraphs),
            paragraphs=paragraphs,
            sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        )

    # -- coordinates -------------------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the repaired span [start, end)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside the text (length {len(self.text)})")
        raw_end = self.offsets[end - 1] + 1
        return self.offsets[start], self.glosses.get(raw_end, raw_end)  # 集團(tuán): its reading goes with it

    def surface(self, start: int, end: int) -> str:
        """What a reader sees for the span: the raw characters without PDF line breaks."""
        return self._raw_surface(*self.raw_span(start, end))

    def _raw_surface(self, raw_start: int, raw_end: int) -> str:
        piece = self.raw[raw_start:raw_end]
        return piece.translate(DROP_NEWLINES) if "\n" in piece or "\r" in piece else piece

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[self.sentence_index(pos)]

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, pos) - 1)

    # -- records -----------------------------------------------------------------------
    def record_id(self, start: int, end: int, rule: str, kind: str, key: str = "") -> str:
        """The `id` provenance() gives the span, without the rest of its fields."""
        return stable_id(self.sha256, kind, *self.raw_span(start, end), rule, key)

    def provenance(self, start: int, end: int, rule: str, kind: str, key: str = "") -> dict[str, Any]:
        """The contract's identity and provenance fields for a repaired span.

        The id hashes the document's sha256, the record kind, the raw span, the rule and an
        optional key (a claim's district), so it is the same on any machine and any run."""
        text = self.text
        if not 0 <= start < end <= len(text):  # raw_span() and sentence_span() inline: once per record
            raise ValueError(f"span {start}:{end} outside the text (length {len(text)})")
        raw_start, raw_end = self.offsets[start], self.offsets[end - 1] + 1
        raw_end = self.glosses.get(raw_end, raw_end)
        if self.sentences:
            s_start, s_end = self.sentences[max(0, bisect_right(self._sentence_starts, start) - 1)]
        else:
            s_start, s_end = 0, len(text)
        if s_end - s_start > MAX_SENTENCE_CHARS:  # a run-on line without punctuation: a window, not megabytes
            s_start, s_end = max(s_start, start - SENTENCE_WINDOW), min(s_end, end + SENTENCE_WINDOW)
        return {
            "doc_id": self.doc_id,
            "id": stable_id(self.sha256, kind, raw_start, raw_end, rule, key),
            "start": raw_start,
            "end": raw_end,
            "text": self._raw_surface(raw_start, raw_end),  # surface() without mapping the span again
            "sentence": text[s_start:s_end].strip(),
            "rule": rule,
        }


def stable_id(sha256: str, kind: str, start: int, end: int, rule: str, key: str = "") -> str:
    digest = hashlib.sha1(f"{sha256}|{kind}|{start}|{end}|{rule}|{key}".encode()).hexdigest()
    return f"{kind[0]}{digest[:15]}"
