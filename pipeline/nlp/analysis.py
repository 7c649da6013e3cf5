"""The document as every extractor reads it: the repaired article, its tokens, and the hits of
the stages run so far. The core builds it straight from the segmenter, without spaCy; the spaCy
adapter (zhfacts.nlp.spacy_components) builds the same object from a spaCy Doc.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import not_
from typing import Any

from zhfacts.text.article import Article, Hit


@lru_cache(maxsize=65536)  # bounded: keyed by token text, which a long-lived worker meets without end
def is_punct(text: str) -> bool:
    """spaCy's lexical `is_punct`: every character is Unicode punctuation."""
    return all(unicodedata.category(c).startswith("P") for c in text)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def is_punct(self) -> bool:
        return is_punct(self.text)


@dataclass(frozen=True)
class Tokens:
    """The segmenter's tokens as parallel lists of offsets into the repaired text. A white
    space run between words is a token of its own, except one plain space after a word (the
    word's trailing space), exactly as in a spaCy Doc made from the same words."""

    starts: list[int]
    ends: list[int]
    word_starts: list[int]  # of the tokens that are not white space
    word_ends: list[int]
    # the segmenter's words where they make up the whole text (white space ones too): word_texts() reads them
    cut: list[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_words(cls, words: list[str], spaces: list[bool]) -> Tokens:
        starts, ends, word_starts, word_ends = [], [], [], []
        pos = 0
        for word, trailing in zip(words, spaces, strict=True):
            end = pos + len(word)
            starts.append(pos)
            ends.append(end)
            if not word.isspace():
                word_starts.append(pos)
                word_ends.append(end)
            pos = end + trailing
        return cls(starts, ends, word_starts, word_ends)

    def word_texts(self, text: str) -> list[str]:
        """The texts of the tokens that are not white space, in order: the segmenter's own strings
        where it cut the whole text (slicing them again from the text costs 0.06 CPU s per million
        characters), else slices of the text."""
        if self.cut is None:
            return [text[s:e] for s, e in zip(self.word_starts, self.word_ends, strict=True)]
        if len(self.cut) == len(self.word_starts):
            return self.cut  # no white space word
        return list(compress(self.cut, map(not_, map(str.isspace, self.cut))))


@dataclass
class Analysis:
    """One document through the extractors: `hits[table]` holds what each stage found (in
    repaired-text coordinates), `cache` per-document results one stage builds for others
    (the text view)."""

    article: Article
    tokens: Tokens
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def found(self, table: str) -> list[Hit]:
        return self.hits.get(table) or []

    def tokens_within(self, start: int, end: int) -> Iterator[Token]:
        """The tokens wholly inside [start, end), in order (spaCy's char_span 'contract')."""
        text, starts, ends = self.article.text, self.tokens.starts, self.tokens.ends
        for i in range(bisect_left(starts, start), len(starts)):
            if ends[i] > end:
                return
            yield Token(text[starts[i]:ends[i]], starts[i], ends[i])
