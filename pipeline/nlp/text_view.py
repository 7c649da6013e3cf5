"""The text view the gazetteer and organization matchers search: the repaired text (letter
spacing already removed by text/repair.py) with the segmenter's token boundaries as sets and
sorted lists, and a per-document cache. Built once per document and shared by places and
organizations.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from zhfacts.nlp.analysis import Analysis, Tokens


@dataclass
class TextView:
    """doc.text with its token boundaries; its offsets are the document's."""

    text: str
    starts: set[int]
    ends: set[int]
    token_starts: list[int]  # of the tokens in text order
    token_ends: list[int]
    cache: dict[str, Any] = field(default_factory=dict)  # per-document results other stages reuse
    tokens: Tokens | None = None  # the document's tokens, when the view was built from them
    words: list[str] | None = None  # the tokens' texts, once asked for

    def token_texts(self) -> list[str]:
        """The tokens' texts in text order, worked out on the first call: the segmenter's own
        strings where it kept them (Tokens.word_texts), else slices of the text."""
        if self.words is None:
            self.words = self.tokens.word_texts(self.text) if self.tokens is not None else [
                self.text[s:e] for s, e in zip(self.token_starts, self.token_ends, strict=True)]
        return self.words

    def token_index(self, pos: int) -> int:
        """Index in token_starts of the token holding offset pos, or -1."""
        i = bisect_right(self.token_starts, pos) - 1
        return i if i >= 0 and self.token_ends[i] > pos else -1

    def token_at(self, pos: int) -> tuple[int, int] | None:
        # token_index inlined: the organization matchers ask ~200K times per million characters
        i = bisect_right(self.token_starts, pos) - 1
        return (self.token_starts[i], self.token_ends[i]) if i >= 0 and self.token_ends[i] > pos else None

    def spans_from(self, index: int) -> Iterator[tuple[int, int]]:
        """(start, end) of the tokens from the one at index on, for a walk that stops early."""
        for i in range(index, len(self.token_starts)):
            yield self.token_starts[i], self.token_ends[i]

    def token_before(self, pos: int) -> str:
        """The token that ends at `pos` ('' at the start or when none ends there)."""
        if pos not in self.ends:  # the set answers the common case without a bisection
            return ""
        i = bisect_right(self.token_starts, pos - 1) - 1
        return self.text[self.token_starts[i]:pos]

    def token_after(self, pos: int) -> str:
        """The token that starts at `pos` ('' when none starts there)."""
        if pos not in self.starts:
            return ""
        i = bisect_right(self.token_starts, pos) - 1
        return self.text[pos:self.token_ends[i]]

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
    tokens = doc.tokens
    word_starts, word_ends = tokens.word_starts, tokens.word_ends
    return TextView(doc.text, set(word_starts), set(word_ends), word_starts, word_ends, tokens=tokens)
