"""Part-of-speech tags of single tokens, for where an organization's name may start.

A name never starts with a verb, a preposition or conjunction, an adverb, a pronoun, a time word or
a person's name followed by a verb (李博|签订|温州理工学院…). The tag of a word jieba's dictionary
knows is the one its dictionary file gives (read once, with the frequencies); an unknown token (a
name jieba's HMM found) is tagged by rjieba's `tag` alone, cached. Tagging tokens one by one costs
nothing per document: only the few tokens at the left edge of a candidate are asked.
"""

from __future__ import annotations

from functools import lru_cache

from zhfacts.nlp.lexicon import dictionary_entries, dictionary_tags

TOKEN_CACHE_SIZE = 1 << 16
__all__ = ["dictionary_entries", "dictionary_tags", "never_starts_name", "tag_of"]


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
