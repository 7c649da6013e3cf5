"""Places: provinces, cities, county-level districts and development zones named in the text.

Names are looked up at the start of every jieba token in one index of the gazetteer
(rules/places/gazetteer.tsv: full names, short forms, former names) and the zone rules; a match
counts only where it stands as a word (its ends fall on jieba token boundaries) and its context
supports a place (rules/places/context.yaml). The index and the rules are loaded once per
process.

Two passes over a document: the first collects every candidate and counts the provinces that
unambiguous mentions name; the second resolves ambiguous names (江北区 of Chongqing or of
Ningbo) by the document's dominant province, recording the choice in the hit's note, and
accepts a short form only where the document supports it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from zhfacts.extract.gazetteer import SHORT_FORMS, Unit, short_form
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.text_view import TextView, is_cjk, text_view
from zhfacts.rules import load_tsv, load_yaml, require, rules_cache
from zhfacts.text.article import Hit
from zhfacts.text.repair import repair_rules

GAZETTEER = "places/gazetteer.tsv"
CONTEXT = "places/context.yaml"
ZONES = "places/zones.yaml"
LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "county": 2}
COUNTY_LEVELS = ("district", "county")
RULE_OF_FORM = {"full": "place.full_name", "short": "place.short_form", "former": "place.former_name"}



# -- the gazetteer -------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One surface form of a unit: how the text may write it."""

    unit: Unit
    form: str  # full | short | former


@dataclass(frozen=True)
class Reading:
    """What the entries of a name say, worked out once per name instead of once per mention:
    the preferred entries and the forms, units and provinces the document logic tests."""

    best: tuple[Entry, ...]  # preferred_entries
    forms: frozenset[str]  # of all the entries
    adcodes: frozenset[str]  # of the best entries
    provinces: frozenset[str]  # of the best entries

    @classmethod
    def of(cls, entries: tuple[Entry, ...]) -> Reading:
        best = tuple(preferred_entries(entries))
        return cls(best, frozenset(e.form for e in entries), frozenset(e.unit.adcode for e in best),
                   frozenset(e.unit.province for e in best))

    @property
    def form(self) -> str:
        """The form of the best entries (full, former or short)."""
        return self.best[0].form


@dataclass(frozen=True)
class PlaceRules:
    common_word_shorts: frozenset[str]
    product_heads: tuple[str, ...]
    slogan_followers: tuple[str, ...]  # 工业富县|战略: a two-character county ending a slogan
    not_product_words: tuple[str, ...]  # 人口, 面积: words that open with a product head's character
    route_joiners: tuple[str, ...]  # 云龙|至|永平高速公路: the far end of a road is a place
    road_heads: tuple[str, ...]  # ... before one of these
    single_char_followers: frozenset[str]
    generic_full_names: frozenset[str]
    list_separators: tuple[str, ...]
    list_aside: re.Pattern[str]  # 晋江(第5位)、南安: a list item's bracketed rank or figure
    list_item_followers: tuple[str, ...]  # 等, 两: what may close a whole list item besides a separator
    clause_bounds: frozenset[str]  # punctuation that bounds a clause (，。；：)
    sentence_ends: str  # 。！？ and the line break: a sentence's parent names count before its places
    sentence_reach: int  # how far back in its sentence a short form's city or province is looked for
    title_openers: frozenset[str]  # 《 before a short form: the title of the county's paper
    offices_after_level: tuple[str, ...]  # 潼南|区委: offices glued to a level character
    function_chars_after_level: frozenset[str]  # 淮安|区以: function words glued to a level character
    history_markers: tuple[str, ...]  # 原|长垣县: a former name looked back on, which dates no text
    zone_words: tuple[str, ...]
    zone_pattern: re.Pattern[str]
    named_zones: dict[str, str]
    rule_ids: frozenset[str]


@dataclass(frozen=True)
class SurfaceIndex:
    """Every name to look for, by its first characters: the names that may start at a position
    are found with one dict lookup (an Aho-Corasick automaton over the whole text costs several
    times more: most of its matches do not start at a token and are dropped)."""

    key_chars: int  # how many first characters make the key (every name has at least as many)
    by_key: dict[str, tuple[str, ...]]  # longest names first

    @classmethod
    def of(cls, names: list[str]) -> SurfaceIndex:
        key_chars = min(2, *map(len, names))
        by_key: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):
            by_key.setdefault(name[:key_chars], []).append(name)
        return cls(key_chars, {k: tuple(v) for k, v in by_key.items()})

    def starting_at(self, text: str, starts: list[int]) -> list[tuple[int, str]]:
        """(start, name) of every name written at one of the positions, in the order of the end
        of the name, then longest first."""
        n, by_key = self.key_chars, self.by_key
        found = []
        for start in [s for s in starts if text[s:s + n] in by_key]:  # one in ten token starts
            for name in by_key[text[start:start + n]]:
                if text.startswith(name, start):
                    found.append((start, name))
        return sorted(found, key=lambda m: (m[0] + len(m[1]), m[0]))


@dataclass(frozen=True)
class Gazetteer:
    units: tuple[Unit, ...]
    entries: dict[str, tuple[Entry, ...]]
    names: SurfaceIndex  # the entries' names and the named zones
    by_adcode: dict[str, Unit]
    rules: PlaceRules
    formers: dict[str, tuple[Unit, ...]]  # adcode -> the unit's former names (rules/places/name_changes.tsv)
    readings: dict[str, Reading] = field(default_factory=dict)  # filled as names are met

    def reading(self, name: str) -> Reading:
        """The reading of a name's entries (worked out on first use: most names never occur)."""
        found = self.readings.get(name)
        if found is None:
            found = self.readings[name] = Reading.of(self.entries[name])
        return found


@rules_cache
def place_rules() -> PlaceRules:
    ctx, zones = load_yaml(CONTEXT), load_yaml(ZONES)
    return PlaceRules(
        common_word_shorts=frozenset(require(ctx, "common_word_shorts", CONTEXT)),
        product_heads=tuple(sorted(require(ctx, "product_heads", CONTEXT), key=len, reverse=True)),
        slogan_followers=tuple(require(ctx, "slogan_followers", CONTEXT)),
        not_product_words=tuple(require(ctx, "not_product_words", CONTEXT)),
        route_joiners=tuple(require(ctx, "route_joiners", CONTEXT)),
        road_heads=tuple(require(ctx, "road_heads", CONTEXT)),
        single_char_followers=frozenset(require(ctx, "single_char_followers", CONTEXT)),
        generic_full_names=frozenset(require(ctx, "generic_full_names", CONTEXT)),
        list_separators=tuple(require(ctx, "list_separators", CONTEXT)),
        list_aside=re.compile(require(ctx, "list_aside", CONTEXT)),
        list_item_followers=tuple(require(ctx, "list_item_followers", CONTEXT)),
        clause_bounds=frozenset(require(ctx, "clause_bounds", CONTEXT)),
        sentence_ends=str(require(ctx, "sentence_ends", CONTEXT)),
        sentence_reach=int(require(ctx, "sentence_reach", CONTEXT)),
        title_openers=frozenset(require(ctx, "title_openers", CONTEXT)),
        offices_after_level=tuple(require(ctx, "offices_after_level", CONTEXT)),
        function_chars_after_level=frozenset(require(ctx, "function_chars_after_level", CONTEXT)),
        history_markers=tuple(require(ctx, "history_markers", CONTEXT)),
        zone_words=tuple(sorted(require(zones, "zone_words", ZONES), key=len, reverse=True)),
        zone_pattern=re.compile("|".join(map(re.escape, sorted(require(zones, "zone_words", ZONES), key=len,
                                                                 reverse=True)))),
        named_zones=dict(require(zones, "named_zones", ZONES)),
        rule_ids=frozenset(require(ctx, "rules", CONTEXT)),
    )


@rules_cache
def gazetteer() -> Gazetteer:
    """The gazetteer and its index, built once per process."""
    units = tuple(Unit(**row) for row in load_tsv(GAZETTEER))
    entries: dict[str, list[Entry]] = {}
    for unit in units:
        if unit.current:
            entries.setdefault(unit.name, []).append(Entry(unit, "former"))
            continue
        entries.setdefault(unit.name, []).append(Entry(unit, "full"))
        for form in filter(None, [unit.short, *unit.other_forms.split("|")]):
            entries.setdefault(form, []).append(Entry(unit, "short"))
    rules = place_rules()
    names = SurfaceIndex.of([*entries, *rules.named_zones])
    by_adcode = {u.adcode: u for u in units if not u.current}
    formers: dict[str, list[Unit]] = {}
    for unit in units:
        if unit.current:
            formers.setdefault(unit.adcode, []).append(unit)
    return Gazetteer(units, {k: tuple(v) for k, v in entries.items()}, names, by_adcode, rules,
                     {k: tuple(v) for k, v in formers.items()})


def lookup_place(name: str) -> dict[str, Any] | None:
    """The gazetteer row (canonical, adcode, level, parent, province) for a full, short or former
    name; None when the name is unknown or names several units (江北区, 朝阳)."""
    found = gazetteer().entries.get(name.strip())
    if not found:
        return None
    best = preferred_entries(found)
    units = {e.unit.adcode for e in best}
    if len(units) != 1:
        return None
    entry = best[0]
    row = entry.unit.row()
    if entry.form == "former":
        row["former_name"] = entry.unit.name
    return row


def is_county_level(hit: Hit) -> bool:
    """True for a district or county hit (市辖区, 县, 自治县, 县级市, 旗): the units claims are about."""
    return hit.get("level") in COUNTY_LEVELS


def preferred_entries(entries: tuple[Entry, ...] | list[Entry]) -> list[Entry]:
    """Current full names before former names before short forms (潼南区 the unit, not a former name)."""
    order = {"full": 0, "former": 1, "short": 2}
    best = min(order[e.form] for e in entries)
    return [e for e in entries if order[e.form] == best]


# -- candidates ----------------------------------------------------------------------------
@dataclass
class Candidate:
    start: int  # offsets in the document text
    end: int
    surface: str
    reading: Reading | None  # None for a named zone
    zone_end: int = 0  # > end when a zone word follows (潼南|高新区)
    named_zone: str = ""  # province of a named zone (两江新区)

    @property
    def span_end(self) -> int:
        return max(self.end, self.zone_end)


def raw_candidates(view: TextView, gaz: Gazetteer) -> list[Candidate]:
    """Every gazetteer or zone name in the text that stands as a word."""
    found = []
    for start, surface in gaz.names.starting_at(view.text, view.token_starts):
        end = start + len(surface)
        if surface in gaz.rules.named_zones:
            found.append(Candidate(start, end, surface, None, end, gaz.rules.named_zones[surface]))
            continue
        cand = Candidate(start, end, surface, gaz.reading(surface))
        if surface in gaz.rules.generic_full_names:
            entries = tuple(e for e in gaz.entries[surface] if parent_before(view, start, e.unit)
                            or listed_with_sibling(view, start, found, e.unit, gaz))
            if not entries:
                continue
            cand.reading = Reading.of(entries)
        cand.zone_end = zone_end(view, cand, gaz)
        if cand.zone_end or stands_as_word(view, cand, gaz.rules):
            found.append(cand)
    return found


def listed_with_sibling(view: TextView, start: int, found: list[Candidate], unit: Unit, gaz: Gazetteer) -> bool:
    """长安区、莲湖区、新城区: a generic name listed right after a district or county of the same
    city is that city's."""
    if not found or found[-1].reading is None:
        return False
    prev = found[-1]
    sep = view.text[prev.end:start]
    if sep not in gaz.rules.list_separators:
        return False
    return any(e.form == "full" and e.unit.parent_adcode == unit.parent_adcode and same_tier(e.unit, unit)
               for e in prev.reading.best)


def same_tier(a: Unit, b: Unit) -> bool:
    """Of one level, a city's districts and counties counting as one (武都区、康县、文县)."""
    return a.level == b.level or a.level in COUNTY_LEVELS and b.level in COUNTY_LEVELS


def zone_end(view: TextView, cand: Candidate, gaz: Gazetteer) -> int:
    """End of a zone name made of this place name and a zone word (潼南高新区), else 0."""
    if cand.start not in view.starts:
        return 0
    match = gaz.rules.zone_pattern.match(view.text, cand.end)
    if match is None or match.end() not in view.ends:
        return 0
    if any(e.form in ("full", "former") for e in gaz.entries.get(cand.surface + match.group(), ())):
        return 0  # 浦东新区 is a district, not a zone; 龙华新区 the former name of one
    return match.end()


def stands_as_word(view: TextView, cand: Candidate, rules: PlaceRules) -> bool:
    if not view.aligned(cand.start, cand.end) and not level_glued_to_office(view, cand, rules):
        return False
    assert cand.reading is not None
    forms = cand.reading.forms
    if len(cand.surface) == 2 and forms & {"full", "former"} and not forms & {"short"}:
        # 和县 in 区和县: a one-character stem must be one token of its own
        token = view.token_at(cand.start)
        return token == (cand.start, cand.end) and not ends_slogan(view, cand, rules)
    if "short" in forms and not forms & {"full", "former"}:
        return not followed_by_other_word(view, cand.end, rules) or road_end(view, cand, rules)
    return True


def level_glued_to_office(view: TextView, cand: Candidate, rules: PlaceRules) -> bool:
    """某某新|区政府, 某某|区以: a full name whose level character jieba glued to the office or the function
    word after it (the name starts a token, its last character starts the next, an office or a function
    word of one character making that token follows the level)."""
    assert cand.reading is not None
    if not (cand.start in view.starts and cand.end - 1 in view.starts and cand.reading.forms & {"full"}
            and len(cand.surface) > 2):
        return False
    glued = view.token_at(cand.end - 1)
    return view.text.startswith(rules.offices_after_level, cand.end) or glued == (cand.end - 1, cand.end + 1) and \
        view.text[cand.end] in rules.function_chars_after_level


def ends_slogan(view: TextView, cand: Candidate, rules: PlaceRules) -> bool:
    """工业富县, 科教兴县: a county's two characters glued to a word before them that end a quoted
    four-character slogan or come before a slogan's noun (实施工业富县战略)."""
    text, start, end = view.text, cand.start, cand.end
    before = view.token_before(start)
    if len(before) < 2 or not all(map(is_cjk, before)) or before in gazetteer().entries:
        return False  # 陕西|富县, 延安市|富县: the county after its province or city
    marks = repair_rules()  # the opening and closing marks every stage reads quotes by
    opened = start - len(before) > 0 and text[start - len(before) - 1] in marks.opening
    quoted = opened and end < len(text) and text[end] in marks.closing
    return (quoted and len(before) == 2) or text.startswith(rules.slogan_followers, end)


def road_end(view: TextView, cand: Candidate, rules: PlaceRules) -> bool:
    """云龙至永平高速公路: the far end of a road named by its two ends is a place before the road's head."""
    text, start = view.text, cand.start
    joiner = next((j for j in rules.route_joiners if text.endswith(j, 0, start)), "")
    before = start - len(joiner) - 1
    return bool(joiner) and before >= 0 and is_cjk(text[before]) and text.startswith(rules.road_heads, cand.end)


def followed_by_other_word(view: TextView, end: int, rules: PlaceRules) -> bool:
    """荣昌|猪, 新民|康科技: the short form is the first part of another word (not before a word
    that only opens with a product's character: 涟水|人口 is its population, 涟水|面积 its area, 某旗|
    人民政府 its government, whatever token jieba made of the word)."""
    after = view.token_after(end)
    if view.text.startswith(rules.product_heads, end) and not view.text.startswith(rules.not_product_words, end):
        return True
    return len(after) == 1 and is_cjk(after) and after not in rules.single_char_followers


def non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then leftmost; a candidate overlapping a kept one is dropped."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.span_end - c.start), c.start)):
        covered = range(cand.start, cand.span_end)
        if not taken.isdisjoint(covered):
            continue
        kept.append(cand)
        taken.update(covered)
    return sorted(kept, key=lambda c: c.start)


# -- context: dominant province and support ------------------------------------------------
@dataclass
class DocContext:
    dominant_province: str
    home_city: str  # the one city the document's full district names and city names are in, if one
    mentioned_units: set[str]  # adcodes named by a full or former name
    mentioned_names: set[str]  # every surface of an accepted province or city


def document_context(cands: list[Candidate]) -> DocContext:
    """Votes for provinces from unambiguous mentions: full names count 2, short forms 1, a short form
    that is a word as often (common_word_shorts: 突破500亿元|大关) none."""
    common_words = place_rules().common_word_shorts
    votes: Counter[str] = Counter()
    mentioned: set[str] = set()
    names: set[str] = set()
    cities: set[str] = set()
    for cand in cands:
        reading = cand.reading
        if reading is None:
            if cand.named_zone:
                votes[cand.named_zone] += 1
            continue
        short = reading.form == "short"
        if not short:
            mentioned.update(reading.adcodes)
            if len(reading.adcodes) == 1:
                unit = reading.best[0].unit
                cities.add(unit.adcode if unit.level == "city" else unit.parent_adcode if unit.level in (
                    "district", "county") else "")
        if len(reading.provinces) == 1 and not (short and (len(reading.adcodes) > 1 or cand.surface in common_words)):
            (province,) = reading.provinces
            votes[province] += 1 if short else 2
        if reading.best[0].unit.level in ("province", "city") and len(reading.adcodes) == 1:
            names.add(cand.surface)
    dominant = votes.most_common(1)[0][0] if votes else ""
    cities.discard("")
    return DocContext(dominant, next(iter(cities)) if len(cities) == 1 else "", mentioned, names)


def resolve(cand: Candidate, ctx: DocContext) -> tuple[Entry | None, str]:
    """The entry a candidate stands for, and a note when a choice was made."""
    assert cand.reading is not None
    best = cand.reading.best
    if len(cand.reading.adcodes) == 1:
        return best[0], ""
    in_province = [e for e in best if e.unit.province == ctx.dominant_province]
    if len({e.unit.adcode for e in in_province}) == 1:
        entry = in_province[0]
        return entry, (f"{cand.surface} read as {entry.unit.parent or entry.unit.province}'s: "
                       f"document's dominant province {ctx.dominant_province}")
    pool = in_province or best
    top = min(LEVEL_RANK[e.unit.level] for e in pool)
    highest = [e for e in pool if LEVEL_RANK[e.unit.level] == top]
    if len({e.unit.adcode for e in highest}) == 1:
        return highest[0], f"{cand.surface} read as the {highest[0].unit.level} of that name"
    return None, ""


def supported(view: TextView, cand: Candidate, unit: Unit, ctx: DocContext, accepted: list[tuple[int, int]],
              rules: PlaceRules) -> bool:
    """The document backs a short form: the unit's full name elsewhere, its parent right before
    it (桂林资源), a neighbouring place in a list (渝北、江北), or its parent earlier in its sentence when it
    stands in a list (陕西入围的12个县中……还有府谷、靖边)."""
    if unit.adcode in ctx.mentioned_units or parent_before(view, cand.start, unit):
        return True
    return in_place_list(view, cand, accepted, rules) or listed_after_parent(view, cand, unit, ctx, accepted, rules)


def listed_after_parent(view: TextView, cand: Candidate, unit: Unit, ctx: DocContext, accepted: list[tuple[int, int]],
                        rules: PlaceRules) -> bool:
    """A list item (a list separator beside it) whose city, or province outside the document's own, is an
    accepted place earlier in its sentence (context.yaml sentence_reach): 陕西入围的12个县中……还有府谷、靖边.
    Accepted places only: 上海南站 holds no 海南; in the document's province only the city counts (a page about
    上杭县 names 福建 everywhere, which says nothing of 宁德's 古田)."""
    text = view.text
    right = bracket_end(text, cand.span_end, rules)
    if not (text.endswith(rules.list_separators, 0, cand.start) or text.startswith(rules.list_separators, right)):
        return False
    reach = max(0, cand.start - rules.sentence_reach)
    floor = max(reach, *(text.rfind(c, reach, cand.start) + 1 for c in rules.sentence_ends))
    names = parent_names(unit.parent, unit.province, unit.province != ctx.dominant_province)
    return any(floor <= start and end <= cand.start and text[start:end] in names for start, end in accepted)


def parent_before(view: TextView, start: int, unit: Unit, cities_only: bool = False) -> bool:
    """The unit's city or province (full or short) written right before it: 桂林资源, 阳泉市城区."""
    with_province = not cities_only or unit.parent == unit.province
    return view.text.endswith(parent_names(unit.parent, unit.province, with_province), max(0, start - 10), start)


@rules_cache
def parent_names(parent: str, province: str, with_province: bool) -> tuple[str, ...]:
    """The parent's full and short names, and the province's when asked for."""
    names = {parent, short_of(parent)}
    if with_province:
        names |= {province, short_of(province)}
    return tuple(names - {""})


def short_of(name: str) -> str:
    found = gazetteer().entries.get(name, ())
    return next((e.unit.short for e in found if e.form == "full" and e.unit.short), "")


def in_place_list(view: TextView, cand: Candidate, accepted: list[tuple[int, int]], rules: PlaceRules,
                  whole_items: bool = False) -> bool:
    """A place accepted right before or after it across one separator (渝北、江北), each item with
    an aside in brackets or not (晋江(第5位)、南安(第27位)); with whole_items, a short form glued to the word
    before it counts by the place after it only when that place is an item of its own (专项合作、连江县人民政府…
    lists no 合作; 长寿与涪陵签署… does: the first item opens the clause)."""
    text = view.text
    right = bracket_end(text, cand.span_end, rules)
    needs_whole_item = whole_items and glued_before(text, cand.start, rules)
    for sep in rules.list_separators:
        before = cand.start - len(sep)
        if text.startswith(sep, before) and any(bracket_end(text, end, rules) == before for _, end in accepted):
            return True
        if text.startswith(sep, right) and any(start == right + len(sep) and (
                not needs_whole_item or closes_item(text, end, rules)) for start, end in accepted):
            return True
    return False


def glued_before(text: str, start: int, rules: PlaceRules) -> bool:
    """A Chinese character other than a list separator right before start (专项|合作)."""
    return start > 0 and is_cjk(text[start - 1]) and not text.endswith(rules.list_separators, 0, start)


def closes_item(text: str, end: int, rules: PlaceRules) -> bool:
    """A list item ends at end: an aside in brackets, a separator, 等 or a numeral follows, or no Chinese
    character."""
    return bracket_end(text, end, rules) > end or end >= len(text) or not is_cjk(text[end]) or text.startswith(
        (*rules.list_separators, *rules.list_item_followers), end)


def bracket_end(text: str, pos: int, rules: PlaceRules) -> int:
    """Where a list item's aside opening at pos ends (晋江|(第5位)), else pos."""
    aside = rules.list_aside.match(text, pos)
    return aside.end() if aside else pos


def named_in_full_and_bounded(view: TextView, cand: Candidate, unit: Unit, ctx: DocContext,
                              rules: PlaceRules) -> bool:
    """作为深圳“第一区”的南山，……; ，南山规上工业……; 《平原时讯》: a short form that is also a word
    counts once the document names the unit in full, where it stands at a clause's edge or opens a
    title (a name, not part of a phrase such as 健康长寿的)."""
    if unit.adcode not in ctx.mentioned_units:
        return False
    text = view.text
    before = text[cand.start - 1] if cand.start > 0 else "\n"
    after = text[cand.end] if cand.end < len(text) else "\n"
    bounds = rules.clause_bounds
    return before in bounds or before in rules.title_openers or before == "\n" or after in bounds or after == "\n"


def acceptable(view: TextView, cand: Candidate, entry: Entry, ctx: DocContext, accepted: list[tuple[int, int]],
               rules: PlaceRules) -> bool:
    unit = entry.unit
    if entry.form != "short":
        # 兴县 in 文旅兴县: a one-character stem is a word as often as a county
        return len(cand.surface) > 2 or unit.province == ctx.dominant_province or parent_before(
            view, cand.start, unit) or in_place_list(view, cand, accepted, rules)
    if unit.level in ("province", "city") and cand.surface not in rules.common_word_shorts:
        return True
    if cand.surface in rules.common_word_shorts:
        return (parent_before(view, cand.start, unit, cities_only=True)
                or in_place_list(view, cand, accepted, rules, whole_items=True)
                or named_in_full_and_bounded(view, cand, unit, ctx, rules))
    if unit.province != ctx.dominant_province or (ctx.home_city and unit.parent_adcode != ctx.home_city):
        # 古田 in a page about 上杭县 (龙岩市) is a place of 上杭, not 宁德市's 古田县
        return supported(view, cand, unit, ctx, accepted, rules)
    return True


# -- hits ----------------------------------------------------------------------------------
def find_places(doc: Analysis) -> list[Hit]:
    """Places named in the document's text, in repaired-text coordinates."""
    gaz = gazetteer()
    view = text_view(doc)
    cands = non_overlapping(raw_candidates(view, gaz))
    ctx = document_context(cands)
    hits: list[Hit] = []
    accepted: list[tuple[int, int]] = []
    pending = []
    zones: list[tuple[Candidate, Entry | None]] = []
    for cand in cands:
        entry, note = resolve(cand, ctx) if cand.reading else (None, "")
        if cand.zone_end:
            zones.append((cand, entry))
        elif entry is not None:
            pending.append((cand, entry, note))
        elif cand.reading.form != "short":
            hits.append(ambiguous_hit(cand))
    # rounds until none is added, so that a short form in a list can lean on a place accepted after it
    chosen: list[tuple[Candidate, Entry, str]] = []
    while pending:
        rest = []
        for cand, entry, note in pending:
            if acceptable(view, cand, entry, ctx, accepted, gaz.rules):
                chosen.append((cand, entry, note))
                accepted.append((cand.start, cand.end))
            else:
                rest.append((cand, entry, note))
        if len(rest) == len(pending):
            break
        pending = rest
    names_then = names_of_the_time(view.text, chosen, doc.article.pub_date, gaz)
    hits.extend(place_hit(cand, entry, note, names_then.get(entry.unit.adcode)) for cand, entry, note in chosen)
    hits.extend(zone_hit(view, cand, entry, ctx, names_then) for cand, entry in zones)
    rules = place_rules()
    return sorted((with_glued_level(view.text, hit, rules) for hit in hits), key=lambda h: (h.start, h.end))


def with_glued_level(text: str, hit: Hit, rules: PlaceRules) -> Hit:
    """潼南|区委, 利津|县委书记: a short form followed by its own level character and an office is
    the full name, which the segmenter cut through."""
    canonical = hit.get("canonical")
    if hit.rule != "place.short_form" or not canonical or len(canonical) != hit.end - hit.start + 1:
        return hit
    if canonical != text[hit.start:hit.end + 1] or not text.startswith(rules.offices_after_level, hit.end + 1):
        return hit
    return Hit(hit.start, hit.end + 1, "place.full_name", hit.fields)


def names_of_the_time(text: str, chosen: list[tuple[Candidate, Entry, str]], pub_date: date | None,
                      gaz: Gazetteer) -> dict[str, Unit]:
    """adcode -> the former name a document's mentions of a renamed unit take: the name the unit
    had when the text was written (to the year: a change's month is not known). A former name written
    in full dates the text (长垣县 for 长垣市, renamed in 2019) where the publication date does not say
    otherwise, unless the document writes the current name too (长垣市(原长垣县)) or the name follows 原
    (history); with short forms only (长垣), a publication date before the change does. A former name
    the current one only extends (沙县 of 沙县区) is the everyday short form: dated as one. A merged
    unit's former name (万盛区, now part of 綦江区) is another place: it keeps its own name
    (Unit.canonical) and names no other mention."""
    current = {entry.unit.adcode for _, entry, _ in chosen if entry.form == "full"}
    before_change = (lambda former: former.changed.isdigit() and pub_date.year < int(former.changed)) \
        if pub_date is not None else (lambda former: True)
    then: dict[str, Unit] = {}
    for cand, entry, _ in chosen:
        unit = entry.unit
        if entry.form == "former" and renamed_in_full(unit, gaz) and unit.adcode not in current and \
                before_change(unit) and not text.endswith(gaz.rules.history_markers, 0, cand.start):
            then.setdefault(unit.adcode, unit)
    if pub_date is None:
        return then
    for cand, entry, _ in chosen:
        code = entry.unit.adcode
        if code in current or code in then or entry.form == "full" or entry.unit.change == "merged":
            continue
        former = former_written_short(cand.surface, code, gaz)
        if former is not None and before_change(former):
            then[code] = former  # 长垣 in a page of 2018: 长垣县
    return then


def renamed_in_full(former: Unit, gaz: Gazetteer) -> bool:
    """A renamed unit's former name that is not merely the current name's stem (沙县 of 沙县区)."""
    now = gaz.by_adcode.get(former.adcode)
    return former.change == "renamed" and not (now is not None and now.name.startswith(former.name))


def former_written_short(surface: str, code: str, gaz: Gazetteer) -> Unit | None:
    """The renamed former name a short form stands for: itself (沙县), or the former name whose short
    form it is by the gazetteer's own rules (长垣 of 长垣县, 黔江 of 黔江土家族苗族自治县)."""
    rules = load_yaml(SHORT_FORMS)
    for former in gaz.formers.get(code, ()):
        if former.change == "renamed" and surface in (former.name, short_form(former.name, rules)):
            return former
    return None


def place_hit(cand: Candidate, entry: Entry, note: str, named_then: Unit | None = None) -> Hit:
    """The record of a place; a renamed unit under its name of the time (names_of_the_time), with the
    current unit's code: a district's records join on adcode across the rename (on the name they do not)."""
    unit = entry.unit
    rule = RULE_OF_FORM[entry.form]
    canonical = unit.canonical
    if entry.form == "former":
        when = f" in {unit.changed}" if unit.changed else ""
        note = "; ".join(filter(None, [f"former name of {unit.current} ({unit.change or 'renamed'}{when})", note]))
    if named_then is not None and unit.change != "merged":
        canonical = named_then.name
        if entry.form == "short":
            note = "; ".join(filter(None, [f"named as before {named_then.changed}: now {named_then.current}", note]))
    return Hit(cand.start, cand.end, rule, {"canonical": canonical, "adcode": unit.adcode,
                                            "level": unit.level, "parent": unit.parent or None,
                                            "note": note or None})


def zone_hit(view: TextView, cand: Candidate, entry: Entry | None, ctx: DocContext,
             names_then: dict[str, Unit]) -> Hit:
    """A zone; its parent is the place its name starts with when the document backs that reading,
    under the name the document gives that place (names_of_the_time)."""
    surface = view.text[cand.start:cand.span_end]
    parent = cand.named_zone or None
    if entry is not None and (entry.form != "short" or entry.unit.province == ctx.dominant_province
                              or supported(view, cand, entry.unit, ctx, [], place_rules())):
        then = names_then.get(entry.unit.adcode)
        parent = then.name if then is not None and entry.unit.change != "merged" else entry.unit.canonical
    return Hit(cand.start, cand.span_end, "place.zone", {"canonical": surface, "adcode": None, "level": "zone",
                                          "parent": parent, "note": "development zone: no adcode"})


def ambiguous_hit(cand: Candidate) -> Hit:
    """A full name several units share, with nothing in the document to choose between them."""
    assert cand.reading is not None
    unit = cand.reading.best[0].unit
    codes = ", ".join(sorted(cand.reading.adcodes))
    return Hit(cand.start, cand.end, "place.full_name", {"canonical": unit.canonical, "adcode": None,
                                                         "level": unit.level, "parent": None,
                                                         "note": f"ambiguous: {codes}"})
