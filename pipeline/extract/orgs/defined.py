"""Short names a text defines for a body it names in full: 某某集团有限公司(以下简称“某某集团”). The
short name in the brackets and its later mentions are that body's, with its type and canonical
name, whatever its kind (a company, an institute, a bureau)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from zhfacts.extract.orgs.candidates import OrgCandidate, is_place
from zhfacts.extract.orgs.government import government_rules
from zhfacts.extract.orgs.rules import BOUNDARIES, CLOSE_PARENS, OPEN_PARENS, TITLE_QUOTES, OrgRules
from zhfacts.extract.orgs.short_names import occurrences
from zhfacts.nlp.text_view import TextView
from zhfacts.rules import load_yaml, require, rules_cache

RULE = "org.alias.defined"
ABBREVIATED = "org.alias.abbreviated"


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


@rules_cache
def bracketed_pattern() -> re.Pattern[str]:
    """A bracket that holds only a short name (某某委员会(某经信委))."""
    longest = int(require(load_yaml(BOUNDARIES), "max_defined_name_chars", BOUNDARIES))
    return re.compile(f"[{re.escape(OPEN_PARENS)}](?P<short>[\u3400-\u4dbf\u4e00-\u9fff]{{2,{longest}}})"
                      f"[{re.escape(CLOSE_PARENS)}]")


@rules_cache
def not_names() -> frozenset[str]:
    """Words a marker may define that name no body (boundaries.yaml defined_name_not_names): a
    contract's parties and a text's words for itself (甲方, 本公司, 发行人)."""
    return frozenset(require(load_yaml(BOUNDARIES), "defined_name_not_names", BOUNDARIES))


def names_a_body(short: str, rules: OrgRules) -> bool:
    """Whether a short name a marker defines names a body: not a generic noun (公司, 企业), a head
    word (集团, 管委会), a zone's kind (开发区), a pronoun before a head (该公司), a place, or a
    party's or self-reference word (甲方, 本行)."""
    if short in not_names() or short in rules.generic_names or short in rules.heads or is_place(short):
        return False
    if short in government_rules().zone_endings:
        return False
    return not (short[0] in rules.demonstratives and short[1:] in rules.heads)


def definition_at(view: TextView, cand: OrgCandidate, is_word: Callable[[str], bool],
                  names_body: Callable[[str], bool]) -> re.Match[str] | None:
    """The definition right after a candidate: a marker's (以下简称“某某”) of a short name that
    names a body (`names_body`), or a bracket that holds only an abbreviation of the name, its
    characters in order (市经信委 of 重庆市经济和信息化委员会), that is no place or word of its own."""
    match = definition_pattern().match(view.text, cand.end)
    if match is not None:
        return match if names_body(match.group("short")) else None
    match = bracketed_pattern().match(view.text, cand.end)
    if match is None:
        return None
    short = match.group("short")
    return match if abbreviates(short, view.text[cand.start:cand.end]) and not is_word(short) else None


def abbreviates(short: str, name: str) -> bool:
    """The short name's characters appear in the name, in order (市经信委 of 重庆市经济和信息化委员会)."""
    rest = iter(name)
    return len(short) < len(name) and all(ch in rest for ch in short)


def abbreviated_mentions(view: TextView, chosen: list[OrgCandidate], canonical_of: Callable[[OrgCandidate], str],
                         is_word: Callable[[str], bool], is_common: Callable[[str], bool],
                         rules: OrgRules) -> list[OrgCandidate]:
    """融研院 where the document names 某某产教融合研究院, 宝文院 where it names 宝鸡文理学院: a word of one to
    three tokens that is no word of its own (`is_word`), of min_ to max_abbreviation_chars characters,
    whose characters stand in order in the body's name (abbreviates), the first before its head, the
    last the head's last (研究院, 学院) or a two-character head's first (大学), for the universities and
    research bodies the document names in full (boundaries.yaml abbreviated_types); none of its tokens a
    common word (`is_common`: 科技|创新 is running text). The longest at each start; not where another
    candidate stands."""
    fulls = [(c, view.text[c.start:c.end]) for c in chosen if c.type in rules.abbreviated_types and c.head is not None
             and c.end - c.start - len(c.head.text) >= 2]
    if not fulls:
        return []
    taken = sorted((c.start, c.end) for c in chosen)
    firsts = {ch for c, name in fulls for ch in name[:len(name) - len(c.head.text)]}
    lasts = {ch for c, _ in fulls for ch in head_ends(c.head.text)}
    found: list[OrgCandidate] = []
    for i, start in enumerate(view.token_starts):
        if view.text[start] not in firsts or found and start < found[-1].end:
            continue  # no body's opening character; or inside the abbreviation found last (宝文理院: not 文理院)
        longest = None
        for j in range(i, min(i + 3, len(view.token_starts))):
            end = view.token_ends[j]
            if end - start > rules.max_abbreviation_chars:
                break
            short = view.text[start:end]
            if short[-1] not in lasts or end - start < rules.min_abbreviation_chars or is_word(short) or overlaps(
                    taken, start, end) or any(is_common(token) for token in view.token_texts()[i:j + 1]):
                continue  # 科技|创新: words of running text, no abbreviation
            body = next((c for c, name in fulls if short[-1] in head_ends(c.head.text) and abbreviates(short, name)
                         and short[0] in name[:len(name) - len(c.head.text)]), None)
            if body is not None:
                longest = OrgCandidate(start, end, ABBREVIATED, body.type, canonical=canonical_of(body),
                                       extras=dict(body.extras))
        if longest is not None:
            found.append(longest)
    return found


def head_ends(head: str) -> str:
    """The characters an abbreviation of a name with this head ends with: its last (院 of 研究院), and a
    two-character head's first (大 of 大学: 广工大)."""
    return head[-1] + (head[0] if len(head) == 2 else "")


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of the sorted list overlaps start..end."""
    i = bisect_left(spans, (end, end))
    return any(s < end and e > start for s, e in spans[max(0, i - 8):i])


def defined_short_names(view: TextView, chosen: list[OrgCandidate], canonical_of: Callable[[OrgCandidate], str],
                        is_word: Callable[[str], bool], names_body: Callable[[str], bool]) -> list[OrgCandidate]:
    """The chosen candidates with the short names the text defines after them: a candidate of the
    same span as a mention takes the body's canonical name and type; a mention no candidate
    touches is added; one that overlaps another candidate is left to it. `is_word` tells a place or
    an ordinary word, which a bare bracket never defines; `names_body` a short name a marker
    defines that names a body (see names_a_body: not 公司, 甲方, 开发区)."""
    if not any(bracket in view.text for bracket in OPEN_PARENS):
        return chosen  # the common case: no bracket, nothing defined
    mentions: dict[tuple[int, int], OrgCandidate] = {}
    for cand in chosen:
        if view.text[cand.end:cand.end + 1] not in OPEN_PARENS:
            continue
        match = definition_at(view, cand, is_word, names_body)
        if match is None:
            continue
        short, start = match.group("short"), match.start("short")
        # the short name is the document's: a title or a lead may use it before the body's full name
        for pos in (start, *(p for p in occurrences(view.text, short) if p < cand.start or p >= match.end())):
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
