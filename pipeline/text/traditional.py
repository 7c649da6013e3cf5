"""Traditional Chinese read through a Simplified view, so that the rules (written in
Simplified characters) and the gazetteer match it.

OpenCC's t2s conversion (its maintained dictionaries) gives the view. It is used only when the
text is Traditional: enough of its Chinese characters change, a share that Simplified text,
where t2s changes almost nothing, never reaches. The view has the text's length, character for
character, so every offset into it is an offset into the text: records still point into the
raw text and carry its own (Traditional) characters.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

TRADITIONAL_SHARE = 0.05  # of Chinese characters changed by t2s, at and above which the text is Traditional
SAMPLE_CHARS = 4000  # characters looked at to decide
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")  # counted by runs: a list of every character costs 3x


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified_view(text: str) -> str | None:
    """The text in Simplified characters, one for one, when it is Traditional; else None."""
    sample = text[:SAMPLE_CHARS]
    han = sum(map(len, HAN_RUN.findall(sample)))
    if not han:
        return None
    converted = _converter().convert(sample)
    if converted == sample:  # Simplified text, nearly always: no character by character count
        return None
    if len(converted) != len(sample):
        converted = _one_for_one(sample)
    changed = sum(a != b for a, b in zip(sample, converted, strict=True))
    if changed < TRADITIONAL_SHARE * han:
        return None
    view = _converter().convert(text)
    return view if len(view) == len(text) else _one_for_one(text)


def _one_for_one(text: str) -> str:
    """Character by character, where a phrase conversion would change the length."""
    convert = _converter().convert
    return "".join(c2 if len(c2 := convert(c)) == 1 else c for c in text)
