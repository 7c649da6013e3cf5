"""Part-of-speech tags of single tokens, for where an organization's name may start.

A name never starts with a verb, a preposition or conjunction, an adverb, a pronoun, a time word or
a person's name followed by a verb (李博|签订|温州理工学院…). The tag of a word jieba's dictionary
knows is the one its dictionary file gives (read once, with the frequencies); an unknown token (a
name jieba's HMM found) is tagged by rjieba's `tag` alone, cached. Tagging tokens one by one costs
nothing per document: only the few tokens at the left edge of a candidate are asked.
"""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from pathlib import Path

TOKEN_CACHE_SIZE = 1 << 16


@cache
def dictionary_entries() -> tuple[dict[str, str], dict[str, str]]:
    """(word -> frequency as written, word -> tag) of jieba's own dictionary file, read once per
    process. The file is read directly: importing and initialising jieba costs more than a second
    and rjieba, the default segmenter, never needs it. Lines are `word freq tag`; a word listed
    twice keeps its last entry, as in jieba."""
    spec = importlib.util.find_spec("jieba")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed: its dictionary is needed")
    path = Path(spec.submodule_search_locations[0]) / "dict.txt"
    fields = path.read_text(encoding="utf-8").split()
    words, freqs = fields[0::3], fields[1::3]
    if len(fields) % 3 or not all(map(str.isdigit, freqs)):
        raise ValueError(f"{path}: expected lines of a word, its frequency and its tag")
    return dict(zip(words, freqs, strict=True)), dict(zip(words, fields[2::3], strict=True))


def dictionary_tags() -> dict[str, str]:
    """word -> tag of jieba's dictionary file."""
    return dictionary_entries()[1]


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def tag_of(token: str) -> str:
    """jieba's tag of a token: from the dictionary, else rjieba's tag of the token alone ('' when
    rjieba is missing or splits it)."""
    tag = dictionary_tags().get(token)
    if tag is not None:
        return tag
    try:
        import rjieba
    except ImportError:
        return ""
    tagged = rjieba.tag(token)
    return tagged[0][1] if len(tagged) == 1 else ""


def never_starts_name(token: str, tags: frozenset[str]) -> bool:
    """A word of jieba's dictionary with one of these tags (rules/organizations/boundaries.yaml
    `leading_tags`) cannot open a name: prepositions, conjunctions, adverbs, particles, pronouns,
    time words, verbs. Unknown tokens never count: the HMM's guesses for them are unreliable
    (中船, 智翔 would come out as verbs)."""
    return dictionary_tags().get(token) in tags


def is_person(token: str) -> bool:
    """A person's name as jieba tags it (nr); only trusted before a verb, since jieba also tags
    unknown company names nr (宇树)."""
    return 2 <= len(token) <= 3 and tag_of(token) == "nr"


def is_verb(token: str) -> bool:
    return tag_of(token) == "v"
