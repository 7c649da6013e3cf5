"""Segmentation: a spaCy blank `zh` pipeline whose tokenizer is jieba (or rjieba).

The tokenizer is registered as `zhfacts.ChineseTokenizer.v1`, so the whole pipeline is built
from one config. The user dictionary in rules/lexicon/ is loaded into the segmenter once
per process (spaCy serializes its config but not jieba's dictionary), never per document.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from pipeline.rules import rule_path

BACKENDS = ("jieba", "rjieba")
USER_DICT = "lexicon/userdict.txt"
log = logging.getLogger(__name__)


def user_words() -> list[tuple[str, int | None, str | None]]:
    """(word, frequency, tag) rows of the user dictionary, in jieba's file format."""
    rows = []
    with rule_path(USER_DICT).open(encoding="utf-8") as f:
        for line in f:
            parts = line.split("#", 1)[0].split()
            if parts:
                freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                tag = parts[2] if len(parts) > 2 else None
                rows.append((parts[0], freq, tag))
    return rows


@cache
def load_segmenter(backend: str = "jieba") -> Callable[[str], Iterator[str]]:
    """The cut function of a backend, with the user dictionary loaded (once per process)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown segmenter backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    started = time.perf_counter()
    words = user_words()
    if backend == "jieba":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        for word, freq, tag in words:
            jieba.add_word(word, freq, tag)
        cut = jieba.cut
    else:
        import rjieba

        segmenter = rjieba.Jieba()
        for word, freq, tag in words:
            segmenter.add_word(word, freq, tag)
        cut = segmenter.cut
    log.info("%s loaded with %d user words in %.2fs", backend, len(words), time.perf_counter() - started)
    return cut


class ChineseTokenizer:
    """spaCy tokenizer over jieba or rjieba; white space becomes spaCy's whitespace tokens."""

    def __init__(self, vocab: Vocab, backend: str = "jieba") -> None:
        self.vocab = vocab
        self.backend = backend
        self.cut = load_segmenter(backend)

    def __call__(self, text: str) -> Doc:
        words = [w for w in self.cut(text) if w]
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> ChineseTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> ChineseTokenizer:
        return self


@spacy.registry.tokenizers("zhfacts.ChineseTokenizer.v1")
def create_tokenizer(backend: str = "jieba") -> Callable[[Language], ChineseTokenizer]:
    def make(nlp: Language) -> ChineseTokenizer:
        return ChineseTokenizer(nlp.vocab, backend)

    return make


def blank_zh(backend: str = "jieba") -> Language:
    """A blank spaCy `zh` pipeline that segments with our tokenizer and user dictionary."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "zhfacts.ChineseTokenizer.v1", "backend": backend}}}
    return spacy.blank("zh", config=config)
