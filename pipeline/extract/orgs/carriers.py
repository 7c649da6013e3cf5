"""The carriers' branches named place + brand (重庆移动, 渝北联通: knowledge rows of the build's
`carrier_brands`), read as names only where the brand is no word of running text: not the first
word of a compound (重庆|移动|互联网, 重庆|移动|支付) nor a verb of motion (台风|向|广东|移动)."""

from __future__ import annotations

from zhfacts.extract.orgs.candidates import previous_token, token_text
from zhfacts.nlp.text_view import TextView
from zhfacts.rules import load_yaml, require, rules_cache

BUILD_RULES = "organizations/build.yaml"


@rules_cache
def carrier_words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """(brands, words a brand opens a compound with, words before a brand used as a verb)."""
    d = load_yaml(BUILD_RULES)
    return (tuple(require(d, "carrier_brands", BUILD_RULES)),
            frozenset(require(d, "carrier_compounds", BUILD_RULES)),
            frozenset(require(d, "carrier_motion_words", BUILD_RULES)))


def carrier_mention_ok(view: TextView, start: int, end: int, name: str) -> bool:
    """A name ending with a carrier's brand names the branch unless the word after it continues the
    brand (移动|支付) or the word before it makes the brand a verb (向|广东移动)."""
    brands, compounds, motion = carrier_words()
    if not name.endswith(brands):
        return True
    if any(view.text.startswith(word, end) for word in compounds):
        return False
    span = previous_token(view, start)
    return not (span and token_text(view, span) in motion)
