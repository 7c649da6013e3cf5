"""Paragraphs and sentences of the repaired text: the units a record's `sentence` and the
claims' scopes are read in, and the punctuation of clauses and lists the stages share. Sentence
ends, closing quotes, clause and item delimiters are the ones rules/repair.yaml defines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhfacts.rules import load_yaml, require, rules_cache

RULES_FILE = "repair.yaml"
# A run of text without sentence punctuation is cut into pieces of at most this many characters
# (at a pause where there is one), so that the stages that work per sentence stay linear.
MAX_SENTENCE_PIECE = 2000
# Round brackets in either width: asides and parenthesised places (甲区(12亿元), 某某(重庆)公司).
OPEN_PARENS, CLOSE_PARENS = "(（", ")）"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the repaired text; `indented` marks a line that opened with white
    space in the raw text (newspaper layouts start a new section that way)."""

    start: int
    end: int
    indented: bool = False


@rules_cache
def sentence_boundary() -> re.Pattern[str]:
    """A sentence end and the closing quotes or brackets that stay with it."""
    data = load_yaml(RULES_FILE)
    return re.compile(f"[{re.escape(require(data, 'sentence_end', RULES_FILE))}]"
                      f"[{re.escape(require(data, 'closing', RULES_FILE))}]*")


@rules_cache
def clause_delimiters() -> str:
    """The characters that separate clauses (，。；：！？ in either width)."""
    return require(load_yaml(RULES_FILE), "clause_delimiters", RULES_FILE)


@rules_cache
def item_delimiters() -> str:
    """The characters that separate the items of a list (、)."""
    return require(load_yaml(RULES_FILE), "item_delimiters", RULES_FILE)


@rules_cache
def sentence_pauses() -> str:
    """Where an overlong run without sentence ends may be cut (a clause pause or a space)."""
    return require(load_yaml(RULES_FILE), "sentence_pauses", RULES_FILE)


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs, pos = [], 0
    for piece in text.split("\n"):
        body = piece.strip()
        if body:
            lead = len(piece) - len(piece.lstrip())
            start = pos + lead
            paragraphs.append(Paragraph(start, start + len(body), indented=lead > 0))
        pos += len(piece) + 1
    return paragraphs


def split_sentences(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Sentences end at 。！？； (closing quotes kept with them) and at paragraph ends."""
    boundary = sentence_boundary()
    sentences = []
    for para in paragraphs:
        start = para.start
        for match in boundary.finditer(text, para.start, para.end):
            _add_sentence(sentences, text, start, match.end())
            start = match.end()
        _add_sentence(sentences, text, start, para.end)
    return sentences


def _add_sentence(sentences: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_PIECE:  # text without sentence punctuation: pieces, at a pause if any
        cut = _pause_before(text, start, start + MAX_SENTENCE_PIECE)
        _add_sentence(sentences, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append((start, end))


def _pause_before(text: str, start: int, limit: int) -> int:
    """Where to cut an overlong sentence: after the last clause pause or space in the second
    half of [start, limit), else after the last character that is not a digit or letter,
    else at limit."""
    window = text[start + MAX_SENTENCE_PIECE // 2:limit]
    for chars in (sentence_pauses(), None):
        cut = max((i for i, c in enumerate(window) if (c in chars if chars else not c.isalnum())), default=-1)
        if cut >= 0:
            return limit - len(window) + cut + 1
    return limit
