"""The text view the gazetteer and organization matchers search: the repaired text without
the spaces a PDF put between CJK letters, with the segmenter's token boundaries, and a map
back to repaired offsets. Built once per document and shared by places and organizations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from zhfacts.nlp.analysis import Analysis

# spaces a PDF put between the letters of a name (泳 锋 新 材 料 公 司), dropped in the text view:
# one or two spaces between CJK letters. The pattern starts with a space, not with the look-behind,
# so that `re` skips ahead to the spaces instead of trying the look-behind at every character.
LETTER_SPACING = re.compile(r"[ \t\u3000\u00a0](?<=[\u3400-\u4dbf\u4e00-\u9fff].)[ \t\u3000\u00a0]?"
                            r"(?=[\u3400-\u4dbf\u4e00-\u9fff])")


@dataclass
class TextView:
    """doc.text without the spaces a PDF put between CJK letters, with token boundaries.

    `to_doc[i]` is the doc offset of view character i; spans found in the view map back with
    `doc_span`. Token boundaries come from the spaCy Doc (segmented by jieba)."""

    text: str
    to_doc: list[int] | None  # None: the view is the doc text itself
    starts: set[int]
    ends: set[int]
    token_starts: list[int]  # of the tokens in text order
    token_ends: list[int]
    cache: dict[str, Any] = field(default_factory=dict)  # per-document results other stages reuse

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        if self.to_doc is None:
            return start, end
        return self.to_doc[start], self.to_doc[end - 1] + 1

    def view_pos(self, doc_pos: int) -> int:
        """The view offset of a doc offset (of the next kept character when it was dropped)."""
        return doc_pos if self.to_doc is None else bisect_left(self.to_doc, doc_pos)

    def token_index(self, pos: int) -> int:
        """Index in token_starts of the token holding view offset pos, or -1."""
        i = bisect_right(self.token_starts, pos) - 1
        return i if i >= 0 and self.token_ends[i] > pos else -1

    def token_at(self, pos: int) -> tuple[int, int] | None:
        i = self.token_index(pos)
        return (self.token_starts[i], self.token_ends[i]) if i >= 0 else None

    def spans_from(self, index: int) -> Iterator[tuple[int, int]]:
        """(start, end) of the tokens from the one at index on, for a walk that stops early."""
        for i in range(index, len(self.token_starts)):
            yield self.token_starts[i], self.token_ends[i]

    def token_before(self, pos: int) -> str:
        """The token that ends at `pos` ('' at the start or when none ends there)."""
        span = self.token_at(pos - 1)
        return self.text[span[0]:span[1]] if span and span[1] == pos else ""

    def token_after(self, pos: int) -> str:
        span = self.token_at(pos)
        return self.text[span[0]:span[1]] if span and span[0] == pos else ""

    def aligned(self, start: int, end: int) -> bool:
        return start in self.starts and end in self.ends


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def text_view(doc: Analysis) -> TextView:
    """The view of a document, built once and kept in its cache."""
    cached = doc.cache.get("text_view")
    if cached is not None:  # a document's text never changes
        return cached
    view = build_view(doc)
    doc.cache["text_view"] = view
    return view


def build_view(doc: Analysis) -> TextView:
    """The view's text and token boundaries, shifted past the dropped spaces in one vectorised
    pass (a Python loop per token would cost as much as the extractors themselves)."""
    text = doc.text
    word_starts, word_ends = doc.tokens.word_starts, doc.tokens.word_ends
    gaps = [(m.start(), m.end()) for m in LETTER_SPACING.finditer(text)]
    if not gaps:
        return TextView(text, None, set(word_starts), set(word_ends), word_starts, word_ends)
    dropped = np.array([i for a, b in gaps for i in range(a, b)], dtype=np.int64)
    starts, ends = np.array(word_starts, dtype=np.int64), np.array(word_ends, dtype=np.int64)
    start_list = (starts - np.searchsorted(dropped, starts)).tolist()
    end_list = (ends - np.searchsorted(dropped, ends)).tolist()
    to_doc = kept_positions(len(text), gaps)
    view_text = LETTER_SPACING.sub("", text)
    return TextView(view_text, to_doc, set(start_list), set(end_list), start_list, end_list)


def kept_positions(length: int, gaps: list[tuple[int, int]]) -> list[int]:
    """The positions 0 .. length-1 outside the gaps (sorted, not overlapping)."""
    kept: list[int] = []
    start = 0
    for gap_start, gap_end in gaps:
        kept.extend(range(start, gap_start))
        start = gap_end
    kept.extend(range(start, length))
    return kept
