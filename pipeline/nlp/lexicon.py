"""jieba's own dictionary file (words, frequencies, tags), read once per process, for the stages
that weigh a token by it: the segmenter's county-name fix here in nlp/ and the organizations'
part-of-speech tests (extract/orgs/pos.py)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path


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
