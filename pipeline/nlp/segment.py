"""Segmentation: jieba (or rjieba) tokens for the core, and the cut function the spaCy
adapter's tokenizer uses (nlp/spacy_components.py).

The user dictionary rules/lexicon/userdict.txt is loaded into a segmenter of its own once per
rules folder, never per document; two-character county names the dictionary cuts apart before an
office word (沁|县政府) are cut again whole (rules/lexicon/county_names.yaml). Nothing here imports
spaCy: the core runs without it.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, compress

from zhfacts.nlp.analysis import Tokens
from zhfacts.nlp.lexicon import dictionary_entries
from zhfacts.rules import load_tsv, load_yaml, rule_path, rules_cache

BACKENDS = ("jieba", "rjieba")
# rjieba is jieba's algorithm and dictionary in Rust: on the bundled and benchmark corpora it gives
# the same tokens and records as jieba at ~10x the speed (measured by bench/segmenters.py).
DEFAULT_BACKEND = "rjieba"
USER_DICT = "lexicon/userdict.txt"
COUNTY_NAMES = "lexicon/county_names.yaml"
GAZETTEER = "places/gazetteer.tsv"
COUNTY_LEVELS = ("county", "district")
# every rules file the segmenter reads: what a saved spaCy tokenizer carries with it
SEGMENTER_FILES = (USER_DICT, COUNTY_NAMES, GAZETTEER)
Cut = Callable[[str], Iterable[str]]
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


@rules_cache
def load_segmenter(backend: str = DEFAULT_BACKEND) -> Cut:
    """The cut function of a backend, with the user dictionary loaded (once per process)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown segmenter backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    started = time.perf_counter()
    words = user_words()
    if backend == "jieba":  # imported only here: importing jieba alone takes ~0.3 s
        import jieba

        jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG level to stderr
        tokenizer = jieba.Tokenizer()  # its own, not jieba's global one: each rules folder has its words
        tokenizer.initialize()
        for word, freq, tag in words:
            tokenizer.add_word(word, freq, tag)
        cut = tokenizer.cut
    else:
        import rjieba

        segmenter = rjieba.Jieba()
        for word, freq, tag in words:
            segmenter.add_word(word, freq, tag)
        cut = segmenter.cut
    log.info("%s loaded with %d user words in %.2fs", backend, len(words), time.perf_counter() - started)
    return with_county_names_whole(cut, glued_counties())


@dataclass(frozen=True)
class GluedCounties:
    """Two-character county names and the office words jieba glues their level to (沁|县政府)."""

    names: frozenset[str]
    office_words: frozenset[str]
    pattern: re.Pattern[str]  # a name followed by an office word: most texts have none


@rules_cache
def glued_counties() -> GluedCounties:
    """The county-level names of the gazetteer (current and former) of two characters whose stem
    is not a common word of its own (rules/lexicon/county_names.yaml)."""
    rules = load_yaml(COUNTY_NAMES)
    frequency = dictionary_entries()[0]
    names = frozenset(row["name"] for row in load_tsv(GAZETTEER)
                      if row["level"] in COUNTY_LEVELS and len(row["name"]) == 2
                      and int(frequency.get(row["name"][0], 0)) <= rules["max_stem_frequency"])
    office_words = frozenset(rules["office_words"])
    alternatives = "|".join(sorted(office_words, key=len, reverse=True))
    pattern = re.compile(f"(?:{'|'.join(sorted(names))})(?:{alternatives})")
    return GluedCounties(names, office_words, pattern)


def with_county_names_whole(cut: Cut, glued: GluedCounties) -> Cut:
    """The cut, with 沁|县政府 cut again as 沁县|政府 (the words of a text without such a name are
    the backend's, untouched)."""

    def cut_words(text: str) -> Iterable[str]:
        words = cut(text)
        if glued.pattern.search(text) is None:
            return words
        return county_names_whole(list(words), glued)

    return cut_words


def county_names_whole(words: list[str], glued: GluedCounties) -> list[str]:
    """The words with a one-character stem and the level glued to an office word cut again
    (沁, 县政府 -> 沁县, 政府); the characters are the same, in the same order."""
    out: list[str] = []
    for word in words:
        if out and len(out[-1]) == 1 and out[-1] + word[:1] in glued.names and word[1:] in glued.office_words:
            out[-1] += word[0]
            word = word[1:]
        out.append(word)
    return out


def tokenize(text: str, backend: str = DEFAULT_BACKEND) -> Tokens:
    """The text's tokens, as the spaCy adapter's tokenizer (nlp/spacy_components.py) makes them, without a Doc."""
    words = [w for w in load_segmenter(backend)(text) if w]
    if "".join(words) == text:
        return _tokens_of_complete_cut(words)
    return Tokens.from_words(*_aligned(words, text))


def _tokens_of_complete_cut(words: list[str]) -> Tokens:
    """Tokens.from_words(*_from_complete_cut(words)) without a Python step per word (a tenth
    of a run): offsets are running sums of the lengths, and only the few white space words
    (paragraph breaks) are looked at one by one."""
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]] if ends else []
    blank = list(compress(range(len(words)), map(str.isspace, words)))
    if not blank:
        return Tokens(starts, ends, starts.copy(), ends.copy(), words)  # words: the cut, kept for word_texts()
    all_starts: list[int] = []
    all_ends: list[int] = []
    done = 0  # words before this index are placed
    for first, last in _runs(blank):
        all_starts += starts[done:first]
        all_ends += ends[done:first]
        gap_start, gap_end = starts[first], ends[last]
        if first > 0 and words[first][0] == " ":  # one plain space after a word is its trailing space
            gap_start += 1
        if gap_start < gap_end:
            all_starts.append(gap_start)
            all_ends.append(gap_end)
        done = last + 1
    all_starts += starts[done:]
    all_ends += ends[done:]
    is_word = [True] * len(words)
    for i in blank:
        is_word[i] = False
    return Tokens(all_starts, all_ends, list(compress(starts, is_word)), list(compress(ends, is_word)), words)


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive indices."""
    first = prev = indices[0]
    for i in indices[1:]:
        if i != prev + 1:
            yield first, prev
            first = i
        prev = i
    yield first, prev


def words_and_spaces(words: Iterable[str], text: str) -> tuple[list[str], list[bool]]:
    """spaCy's `get_words_and_spaces` in linear time (spaCy's slices the rest of the text for
    every word, quadratic on a 1 MB line): white space between words becomes a token, except
    one plain space after a word, which becomes that word's trailing space."""
    words = [w for w in words if w]
    if "".join(words) == text:
        return _from_complete_cut(words)
    return _aligned(words, text)


def _from_complete_cut(words: list[str]) -> tuple[list[str], list[bool]]:
    """The fast path: the words are the whole text (jieba and rjieba keep every character)."""
    out_words: list[str] = []
    spaces: list[bool] = []
    gap = ""
    for word in words:
        if word.isspace():
            gap += word
            continue
        if gap:
            _place_gap(gap, out_words, spaces)
            gap = ""
        out_words.append(word)
        spaces.append(False)
    if gap:
        _place_gap(gap, out_words, spaces)
    return out_words, spaces


def _place_gap(gap: str, out_words: list[str], spaces: list[bool]) -> None:
    if out_words and gap[0] == " " and not out_words[-1].isspace():
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        out_words.append(gap)
        spaces.append(False)


def _aligned(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    out_words: list[str] = []
    spaces: list[bool] = []
    pos, n = 0, len(text)
    for word in words:
        if word.isspace():
            continue
        start = pos if text.startswith(word, pos) else text.find(word, pos)
        if start < 0:
            raise ValueError(f"segmenter returned {word[:20]!r}, which is not in the text at offset {pos}")
        if start > pos:
            gap = text[pos:start]
            if gap.strip():
                raise ValueError(f"segmenter skipped {gap[:20]!r} at offset {pos}")
            out_words.append(gap)
            spaces.append(False)
        out_words.append(word)
        pos = start + len(word)
        trailing = pos < n and text[pos] == " "
        spaces.append(trailing)
        pos += trailing
    if pos < n:
        out_words.append(text[pos:])
        spaces.append(False)
    return out_words, spaces
