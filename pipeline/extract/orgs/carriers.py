"""The carriers' and banks' branches named place + brand (重庆移动, 渝北联通, 万州区电信, 重庆农行), from
the gazetteer's places, the brands of rules/organizations/carriers.yaml and the banks' known short
names: one pass per brand finds them, where ~18,000 rows of knowledge data would cost start-up. The
brand alone is a common word or another rule's short name; with a place before it, it names the
branch, unless it opens a compound (重庆|移动支付) or is a verb of motion (向|广东|移动)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from zhfacts.extract.orgs.candidates import OrgCandidate, previous_token, token_text
from zhfacts.extract.orgs.pos import dictionary_entries
from zhfacts.extract.orgs.rules import OrgRules, org_rules
from zhfacts.extract.orgs.short_names import known_start_ok, with_place_prefix
from zhfacts.extract.places import gazetteer, place_rules
from zhfacts.nlp.text_view import TextView
from zhfacts.rules import load_yaml, require, rules_cache

CARRIERS = "organizations/carriers.yaml"
CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True)
class CarrierRules:
    brands: dict[str, str]  # brand -> the carrier's registered name
    bank_brands: dict[str, str]  # a bank's known short name (农行) -> the bank's name
    bank_branch_heads: dict[str, str]  # a place's level -> the head of a bank branch's canonical (分行)
    places: dict[str, str]  # a place as written -> its full name (the form itself when two units share it)
    place_levels: dict[str, str]  # a place as written -> the highest level of the units written so
    longest_place: int
    canonical_suffix: str
    compounds: tuple[str, ...]
    motion_words: frozenset[str]
    heads: tuple[str, ...]  # 公司 heads after the brand (渝北移动|分公司), longest first
    level_chars: str  # 市|电信|分公司: a level standing for the document's place, before a head only
    list_words: frozenset[str]  # 、 和 与 及 between the places of a list
    verb_joiners: dict[str, tuple[str, ...]]  # 联通 after 与 between two places: the verb "connect"
    demonstratives: str  # 我县, 该区: a place by a demonstrative and a level


@rules_cache
def carrier_rules() -> CarrierRules:
    d = load_yaml(CARRIERS)
    banks = bank_brands(int(require(d, "bank_brand_max_chars", CARRIERS)))
    places, levels = carrier_places(tuple(require(d, "levels", CARRIERS)),
                                    frozenset(require(d, "name_tags", CARRIERS)),
                                    (*require(d, "brands", CARRIERS), *banks))
    heads = tuple(sorted(require(d, "heads", CARRIERS), key=len, reverse=True))
    return CarrierRules(dict(require(d, "brands", CARRIERS)), banks, dict(require(d, "bank_branch_heads", CARRIERS)),
                        places, levels, max(map(len, places), default=0),
                        require(d, "canonical_suffix", CARRIERS), tuple(require(d, "compounds", CARRIERS)),
                        frozenset(require(d, "motion_words", CARRIERS)), heads,
                        "".join(require(d, "level_chars", CARRIERS)), frozenset(require(d, "list_words", CARRIERS)),
                        {b: tuple(w) for b, w in require(d, "verb_joiners", CARRIERS).items()},
                        "".join(require(d, "demonstratives", CARRIERS)))


def bank_brands(max_chars: int) -> dict[str, str]:
    """The banks' short names of the known names (农行, 建行, 农发行) -> the bank's name: a company's
    name of at most max_chars whose canonical holds a bank's word (industry_words.yaml
    branch_owner_words), and no place's name."""
    rules = org_rules()
    return {name: canonical for name, (type_, canonical, _) in rules.known.items()
            if type_ == "company" and len(name) <= max_chars and name not in gazetteer().entries
            and any(word in canonical for word in rules.branch_owner_words)}


def carrier_places(levels: tuple[str, ...], name_tags: frozenset[str],
                   brands: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Every way the gazetteer writes a unit of these levels, full or short, -> the unit's full name
    (the form itself when several units are written so: 江北), and -> the highest level of the units
    written so, in the order of `levels` (长沙 is the city before its county). Left out: a short form
    that is a common word (新建, 江南), and a form that jieba's dictionary knows, with a brand after it,
    as a word of running text (南北|移动 l; 重庆电信 nz stays)."""
    common = place_rules().common_word_shorts
    freqs, tags = dictionary_entries()
    fulls: dict[str, set[str]] = defaultdict(set)
    unit_levels: dict[str, set[str]] = defaultdict(set)
    for unit in gazetteer().units:
        if unit.current or unit.level not in levels:
            continue
        for form in filter(None, [unit.name, unit.short, *unit.other_forms.split("|")]):
            if len(form) >= 2 and form not in common and CJK_NAME.fullmatch(form) and \
                    not any(form + b in freqs and tags.get(form + b) not in name_tags for b in brands):
                fulls[form].add(unit.name)
                unit_levels[form].add(unit.level)
    places = {form: next(iter(names)) if len(names) == 1 else form for form, names in fulls.items()}
    return places, {form: min(found, key=levels.index) for form, found in unit_levels.items()}


def carrier_candidates(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """Each brand at a token end with a place of carrier_places right before it (the longest), the
    name starting where a known name may (known_start_ok; a place before the place opens it too:
    重庆市|渝北区|移动) and taking a company head after it (渝北移动|分公司). With a head, a level
    alone stands for the document's place (市|电信|分公司, 该县|联通公司 -> 县联通公司); before a bank's
    brand it does with no head (县|农行)."""
    params, text, found = carrier_rules(), view.text, []
    for brand, owner in (*params.brands.items(), *params.bank_brands.items()):
        bank = brand in params.bank_brands
        pos = text.find(brand)
        while pos != -1:
            end = pos + len(brand)
            head = "" if bank else next((h for h in params.heads
                                         if text.startswith(h, end) and end + len(h) in view.ends), "")
            place = next((text[pos - n:pos] for n in range(min(params.longest_place, pos), 1, -1)
                          if text[pos - n:pos] in params.places and pos - n in view.starts), "")
            if place and (head or end in view.ends) and brand_is_name(view, pos - len(place), end, brand, params):
                start = pos - len(place)
                placed = with_place_prefix(view, start, rules)
                start = placed if placed is not None else start
                if placed is not None or known_start_ok(view, start, rules):
                    canonical = owner + params.places[place] + (
                        params.bank_branch_heads.get(params.place_levels.get(place, ""), "") if bank
                        else params.canonical_suffix)
                    found.append(OrgCandidate(start, end + len(head), "org.knowledge", "company", canonical=canonical))
            elif (head or bank) and level_before(view, pos, rules, params):  # 市电信分公司, 县农行
                found.append(OrgCandidate(pos - 1, end + len(head), "org.knowledge", "company"))
            pos = text.find(brand, pos + 1)
    return found


def level_before(view: TextView, pos: int, rules: OrgRules, params: CarrierRules) -> bool:
    """A level character right before pos that stands for the document's place: a token of its own
    (市|电信) or after a demonstrative (该县, 我市)."""
    if pos < 1 or view.text[pos - 1] not in params.level_chars:
        return False
    if pos - 1 in view.starts:
        return True
    span = previous_token(view, pos)
    return bool(span) and span[1] - span[0] == 2 and view.text[span[0]] in rules.demonstratives


def brand_is_name(view: TextView, start: int, end: int, brand: str, params: CarrierRules) -> bool:
    """The brand is no word of running text: no compound goes on after it (移动|支付), no word of
    motion stands before the place or the list of places it ends (向|广东、福建移动), and it is no
    verb linking two places (成都与|重庆联通, 我县与重庆联通的公路)."""
    if view.text.startswith(params.compounds, end):
        return False
    span = previous_token(view, start)
    while span and (token_text(view, span) in params.places or token_text(view, span) in params.list_words):
        span = previous_token(view, span[0])  # 向|广东、|福建移动: back over the list's places
    if span and token_text(view, span) in params.motion_words:
        return False
    joiner = previous_token(view, start)
    if joiner and token_text(view, joiner) in params.verb_joiners.get(brand, ()):
        before = previous_token(view, joiner[0])
        return not (before and (token_text(view, before) in params.places or is_pronoun_place(view, before, params)))
    return True


def is_pronoun_place(view: TextView, span: tuple[int, int], params: CarrierRules) -> bool:
    """我县, 该区, 本市: a place by a demonstrative and a level."""
    word = token_text(view, span)
    return len(word) == 2 and word[1] in params.level_chars and word[0] in params.demonstratives
