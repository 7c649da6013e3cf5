"""Short names a text defines for a body it names in full: 某某集团有限公司(以下简称“某某集团”). The
short name in the brackets and its later mentions are that body's, with its type and canonical
name, whatever its kind (a company, an institute, a bureau)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from zhfacts.extract.orgs.candidates import OrgCandidate
from zhfacts.extract.orgs.rules import BOUNDARIES, CLOSE_PARENS, OPEN_PARENS, TITLE_QUOTES
from zhfacts.extract.orgs.short_names import occurrences
from zhfacts.nlp.text_view import TextView
from zhfacts.rules import load_yaml, require, rules_cache

RULE = "org.alias.defined"


@rules_cache
def definition_pattern() -> re.Pattern[str]:
    """An opening bracket, a marker of boundaries.yaml defined_name_markers, a colon or quotes at
    will, the short name, and the closing bracket."""
    bounds = load_yaml(BOUNDARIES)
    markers = sorted(require(bounds, "defined_name_markers", BOUNDARIES), key=len, reverse=True)
    longest = int(require(bounds, "max_defined_name_chars", BOUNDARIES))
    quotes = re.escape("".join(TITLE_QUOTES) + "".join(TITLE_QUOTES.values()))
    return re.compile(f"[{re.escape(OPEN_PARENS)}]\\s*(?:{'|'.join(map(re.escape, markers))})[：:]?\\s*[{quotes}]?"
                      f"(?P<short>[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]{{2,{longest}}})[{quotes}]?\\s*"
                      f"[{re.escape(CLOSE_PARENS)}]")


def defined_short_names(view: TextView, chosen: list[OrgCandidate],
                        canonical_of: Callable[[OrgCandidate], str]) -> list[OrgCandidate]:
    """The chosen candidates with the short names the text defines after them: a candidate of the
    same span as a mention takes the body's canonical name and type; a mention no candidate
    touches is added; one that overlaps another candidate is left to it."""
    if not any(marker in view.text for marker in ("简称", "下称")):
        return chosen  # the common case: nothing defined
    pattern = definition_pattern()
    mentions: dict[tuple[int, int], OrgCandidate] = {}
    for cand in chosen:
        match = pattern.match(view.text, cand.end)
        if match is None:
            continue
        short, start = match.group("short"), match.start("short")
        for pos in (start, *(p for p in occurrences(view.text, short) if p >= match.end())):
            end = pos + len(short)
            if pos == start or pos in view.starts and end in view.ends:
                mentions.setdefault((pos, end), OrgCandidate(pos, end, RULE, cand.type, canonical=canonical_of(cand),
                                                             extras=cand.extras))
    if not mentions:
        return chosen
    by_span = {(c.start, c.end): c for c in chosen}
    out = [c for c in chosen if (c.start, c.end) not in mentions]
    starts = [c.start for c in out]
    for span, mention in mentions.items():
        i = bisect_left(starts, span[1])  # the candidates that start before the mention ends
        if span in by_span or not any(c.end > span[0] for c in out[max(0, i - 8):i]):
            out.insert(i, mention)
            starts.insert(i, span[0])
    return out
