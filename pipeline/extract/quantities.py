"""Quantities: every figure that measures something, with value, unit, kind and approximation.

Two steps with one small type between them, as in Recognizers-Text: regular expressions
built once from rules/quantities/*.yaml find candidate spans on characters (a numeral, a
scale word, a unit; a range; 百分之X; a rank), then each candidate is resolved (value with
Decimal, unit, kind, approx) and checked against the exclusions (calendar years, idioms,
slogans, identifiers, the article 一家). Overlapping candidates keep the longest.

`extract_quantities(text)` works on a plain string; `find_quantities(doc)` is the pipeline's
entry point. Offsets are repaired-text offsets (`doc.text`); spans include qualifier words
(超过8亿元, 近1400家, 100多种, 3年以上).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from zhfacts.extract.numbers import (
    decimal_points,
    fold,
    has_adjacent_digits,
    has_scale,
    is_bare_scale,
    is_chinese,
    numeral_pattern,
    numeral_rules,
    parse_number,
    scale_chars,
    space_pattern,
    zeros,
)
from zhfacts.extract.scanning import Scanner, words_pattern
from zhfacts.nlp.analysis import Analysis
from zhfacts.rules import RulesError, load_tsv, load_yaml, require, rules_cache, rules_dir
from zhfacts.text.article import Hit
from zhfacts.text.sentences import CLOSE_PARENS, OPEN_PARENS, clause_delimiters, item_delimiters, sentence_boundary
from zhfacts.text.tables import Table, find_tables, table_rules

UNITS_FILE = "quantities/units.yaml"
QUALIFIERS_FILE = "quantities/qualifiers.yaml"
EXCLUSIONS_FILE = "quantities/exclusions.yaml"
PATTERNS_FILE = "quantities/patterns.yaml"
GAZETTEER = "places/gazetteer.tsv"  # its names that open with a numeral are no figures
RANGE_HEAD_CHARS = 24  # how far back the first end of a range is looked for


@dataclass(frozen=True)
class Unit:
    word: str
    unit: str
    kind: str
    rules: dict[str, str]
    factor: Decimal = Decimal(1)
    not_before: frozenset[str] = frozenset()
    min_chinese_chars: int = 0
    latin: bool = False
    half: bool = False
    label_after_arabic: bool = False
    place_count: bool = False  # 13地入围: places, counted only with a cue of rankings after them
    scaled_only: bool = False  # 55亿度 is electricity; 40度 a temperature or an angle


@dataclass(frozen=True)
class Qualifier:
    word: str
    approx: str
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    bare_scale_only: bool = False
    connector: bool = False
    not_kinds: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()

    def fits(self, kind: str, numeral: str) -> bool:
        if self.bare_scale_only and not is_bare_scale(numeral):
            return False
        return kind not in self.not_kinds and (not self.kinds or kind in self.kinds)


@dataclass(frozen=True)
class Grammar:
    units: dict[str, Unit]
    unit_fold: dict[int, str]
    before: tuple[Qualifier, ...]
    between: dict[str, str]
    after: tuple[Qualifier, ...]
    connectors: tuple[str, ...]
    numeral: Scanner
    tail: re.Pattern[str]
    range_rest: re.Pattern[str]
    range_head: re.Pattern[str]
    negative: tuple[str, ...]
    percent_words: Scanner
    percent_factors: dict[str, Decimal]
    ordinal: Scanner
    top: Scanner
    coordinated: re.Pattern[str]
    coordinated_item: re.Pattern[str]  # one ordinal of a coordinated chain: 、28, 和第五
    ordinal_range: re.Pattern[str]  # 第4名|到第10名, 第3|至5位: the upper end of a range of positions
    paired_rank: re.Pattern[str]  # 与青岛第四；: a coordinator, another scope and an ordinal closing the clause
    title_end: re.Pattern[str]  # 某县跻身全国第6  11月21日: a headline's line ends after the rank
    standing_rank: Scanner  # 排名46位。: a verb of standing, then a count of 位/名 closing the clause
    ranking_words: re.Pattern[str]  # 上榜, 百强: a sentence holding one ranks places (bracketed positions)
    place_count_cue: re.Pattern[str]  # 入围, 上榜 after a count of places in its clause (13地入围)
    sentence_end: re.Pattern[str]  # a sentence's end punctuation (with its closing quotes) or a line break
    listed_rank: Scanner  # 宜都市(50名): a ranking's position in brackets after a place's level
    moved_rank: re.Pattern[str]  # 由2018年的54位前进到…: the rank a move started from
    rank_list_frame: re.Pattern[str]  # 排名是：…, 排名分别为…: a ranking's list of positions follows
    rank_list_item: re.Pattern[str]  # 温岭15位, 17: one item of that list
    rank_list_separators: str  # between its items
    rank_list_not_after: tuple[str, ...]  # 得分|排名为: scores ranked, no positions
    first_place: Scanner
    doubling: Scanner
    index_value: Scanner  # 竞争力指数为81.75: an index's value with no unit
    symbol: Scanner
    bare_scale_money: Scanner
    bare_scale_money_close: Scanner | None  # 投资8000万: 万 needs its cue right before
    spoken_scale_money: Scanner  # 1.2个亿
    blocked: tuple[Scanner, ...]
    half: dict[str, Any]
    label_not_before: str
    scale_chars: str
    patterns: dict[str, Any]
    exclusions: dict[str, Any]
    calendar_after: re.Pattern[str]
    checks: Checks

    @cached_property
    def before_by_last(self) -> dict[str, tuple[Qualifier, ...]]:
        """The `before` qualifiers by their last character, longest first as in `before`."""
        return _index(self.before, lambda q: q.word[-1])

    @cached_property
    def after_by_first(self) -> dict[str, tuple[Qualifier, ...]]:
        """The `after` qualifiers by their first character, longest first as in `after`."""
        return _index(self.after, lambda q: q.word[0])

    def unit(self, matched: str) -> Unit:
        """The unit a matched word stands for (個百分點 -> 个百分点)."""
        return self.units["".join(matched.split()).translate(self.unit_fold)]

    @cached_property
    def ids(self) -> dict[str, str]:
        p = self.patterns
        return {
            "percent_words": p["percent_words"]["id"],
            "ordinal": p["ranks"]["ordinal"]["id"],
            "scoped": p["ranks"]["scoped"]["id"],
            "first_place": p["ranks"]["first_place"]["id"],
            "top": p["ranks"]["top"]["id"],
            "bare": p["ranks"]["bare"]["id"],
            "doubling": p["doubling"]["id"],
            "index": p["index_values"]["id"],
            "symbol": p["currency_symbols"]["id"],
            "bare_scale_money": p["bare_scale_money"]["id"],
            "spoken_scale_money": p["spoken_scale_money"]["id"],
            "shared_unit": p["shared_unit"]["id"],
        }


@dataclass(frozen=True)
class Checks:
    """exclusions.yaml `checks` and `calendar` as sets and tuples, for the per-figure checks."""
    zero_alone: frozenset[str]
    lone_financial: frozenset[str]
    ordinal_prefixes: tuple[str, ...]
    vague_before: tuple[str, ...]
    window_words: tuple[str, ...]
    window_kinds: frozenset[str]
    indefinite_numerals: frozenset[str]
    indefinite_kinds: frozenset[str]
    calendar_unit: str
    year_min: int
    year_max: int

    @staticmethod
    def of(excl: dict[str, Any]) -> Checks:
        checks, calendar = excl["checks"], excl["calendar"]
        return Checks(
            zero_alone=frozenset(checks["zero_alone"]["numerals"]),
            lone_financial=frozenset(checks["lone_financial"]["numerals"]),
            ordinal_prefixes=tuple(checks["ordinal_prefix"]["words"]),
            vague_before=tuple(checks["vague_before"]["words"]),
            window_words=tuple(checks["time_window"]["words"]),
            window_kinds=frozenset(checks["time_window"]["kinds"]),
            indefinite_numerals=frozenset(checks["indefinite_one"]["numerals"]),
            indefinite_kinds=frozenset(checks["indefinite_one"]["kinds"]),
            calendar_unit=calendar["unit"], year_min=calendar["year_min"], year_max=calendar["year_max"])


def _index(qualifiers: tuple[Qualifier, ...], key: Callable[[Qualifier], str]) -> dict[str, tuple[Qualifier, ...]]:
    index: dict[str, list[Qualifier]] = {}
    for q in qualifiers:
        index.setdefault(key(q), []).append(q)
    return {k: tuple(v) for k, v in index.items()}


# -- loading -------------------------------------------------------------------------------
def _load_units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for category in require(load_yaml(UNITS_FILE), "categories", UNITS_FILE):
        kind, rules = category["kind"], dict(category["rules"])
        for word, opts in category["units"].items():
            opts = opts or {}
            word = str(word)
            if word in units:
                raise RulesError(f"{rules_dir() / UNITS_FILE}: unit {word!r} listed twice")
            units[word] = Unit(
                word=word, unit=str(opts.get("unit", word)), kind=kind, rules=rules,
                factor=Decimal(str(opts.get("factor", 1))),
                not_before=frozenset(opts.get("not_before", "")),
                min_chinese_chars=int(opts.get("min_chinese_chars", 0)),
                latin=bool(opts.get("latin", False)), half=bool(opts.get("half", False)),
                label_after_arabic=bool(opts.get("label_after_arabic", False)),
                place_count=bool(opts.get("place_count", False)),
                scaled_only=bool(opts.get("scaled_only", False)))
    return units


def _qualifiers(section: dict[str, Any]) -> tuple[Qualifier, ...]:
    out = []
    for approx, words in section.items():
        for word, opts in words.items():
            opts = opts or {}
            out.append(Qualifier(
                word=str(word), approx=approx,
                not_after=frozenset(opts.get("not_after", "")), not_before=frozenset(opts.get("not_before", "")),
                bare_scale_only=bool(opts.get("bare_scale_only", False)),
                connector=bool(opts.get("connector", False)),
                not_kinds=frozenset(opts.get("not_kinds", ())), kinds=frozenset(opts.get("kinds", ()))))
    return tuple(sorted(out, key=lambda q: -len(q.word)))


def _words(words: list[str]) -> str:
    return words_pattern(words)


def _unit_alternation(units: dict[str, Unit], variants: dict[str, str]) -> str:
    """Unit words, longest first; each character also matches its traditional forms, and a
    letter-spaced PDF line may put one space between the characters (个 百 分 点)."""
    forms: dict[str, str] = {}
    for variant, canonical in variants.items():
        forms[canonical] = forms.get(canonical, canonical) + variant
    parts = []
    for word in sorted(units, key=lambda w: (-len(w), w)):
        gap = "" if units[word].latin else "[ \\t\\u3000]?"
        chars = gap.join(f"[{re.escape(forms[c])}]" if c in forms else re.escape(c) for c in word)
        parts.append(chars + ("(?![A-Za-z])" if units[word].latin else ""))
    return "|".join(parts)


def _spaced(word: str) -> str:
    """百分之 allowing white space between its characters and any variant of each."""
    r = numeral_rules()
    sp = space_pattern()
    return sp.join(f"[{re.escape(r.chars_of([r.variants.get(c, c)]))}]" for c in word)


@rules_cache
def grammar() -> Grammar:
    """Every rule of rules/quantities/, compiled once per process."""
    units = _load_units()
    qual = load_yaml(QUALIFIERS_FILE)
    excl = load_yaml(EXCLUSIONS_FILE)
    pats = load_yaml(PATTERNS_FILE)
    r = numeral_rules()
    percent_prefixes = {str(k): Decimal(str(v)) for k, v in pats["percent_words"]["prefixes"].items()}
    numeral = numeral_pattern([*units, *percent_prefixes])
    sp = space_pattern()
    unit_variants = {str(k): str(v) for k, v in load_yaml(UNITS_FILE).get("variants", {}).items()}
    unit_alt = _unit_alternation(units, unit_variants)
    # 0.6元/度: a unit that needs a scale is no rate's denominator
    per_alt = _unit_alternation({w: u for w, u in units.items() if not u.scaled_only}, unit_variants)
    between = {c: approx for approx, chars in require(qual, "between", QUALIFIERS_FILE).items() for c in chars}
    between_class = "".join(between)
    scale_class = re.escape(r.chars_of(r.scales))
    digit_class = re.escape(r.chars_of(r.digits)) + "0-9"
    gloss = f"(?:(?<=[{scale_class}]){pats['scale_gloss']})?" if pats.get("scale_gloss") else ""
    tail = (f"{gloss}(?:{sp}(?P<mid>[{between_class}])(?:{sp}(?P<mscale>[{scale_class}]++))?)?"
            f"{sp}(?P<unit>{unit_alt})(?:/(?P<per>{per_alt}))?")
    connectors = _words(pats["ranges"]["connectors"])
    range_rest = f"(?:{sp}(?P<aunit>{unit_alt}))?{sp}(?P<conn>{connectors}){sp}(?P<num>{numeral}){tail}"
    prefixes = "|".join(f"(?P<p{i}>{_spaced(w)})" for i, w in enumerate(percent_prefixes))
    numeral_class = digit_class + re.escape(r.chars_of(r.small_units)) + scale_class
    percent_words = f"(?<![{numeral_class}])(?:{prefixes}){sp}(?P<num>{numeral})"
    ranks = pats["ranks"]
    ordinal = (f"{re.escape(ranks['ordinal']['prefix'])}{sp}(?P<num>{numeral})"
               f"(?:{sp}(?P<pos>{_words(ranks['ordinal']['position_words'])}))?")
    positions = _words(ranks["ordinal"]["position_words"])
    coordinators = re.escape(ranks["scoped"]["coordinators"])
    not_scope = re.escape(clause_delimiters() + item_delimiters() + ranks["ordinal"]["prefix"])
    paired_scope = f"[^\\s\\d{not_scope}]{{1,{int(ranks['scoped']['paired_scope_chars'])}}}?"
    bare_rank = ranks["bare"]
    gap_stops = re.escape(clause_delimiters() + item_delimiters() + bare_rank["gap_stop_chars"])
    rank_gap = (f"(?:(?!{_words(bare_rank['gap_stop_words'])})(?:[ \\t\\u3000]|[^\\s\\d{gap_stops}]))"
                f"{{0,{int(bare_rank['max_gap_chars'])}}}?")
    standing_rank = (f"(?<![{re.escape(bare_rank['verb_not_after'])}])(?:{_words(bare_rank['verbs'])}){rank_gap}"
                     f"(?P<num>{numeral}){sp}(?P<pos>{positions})(?=[{re.escape(bare_rank['followers'])}]|\\Z)")
    place_count_cue = (f"[^{re.escape(clause_delimiters())}\\n]{{0,{int(bare_rank['place_count_window'])}}}?"
                       f"(?:{_words(bare_rank['place_count_cues'])})")
    delimiters, max_gap = re.escape(clause_delimiters() + item_delimiters()), int(bare_rank['max_gap_chars'])
    moved_gap = f"[^{delimiters}\\n]{{0,{max_gap}}}?"
    # no other figure before the rank reached, a year at most (由2018年的全省53位前进到2019年的第16位)
    reached_gap = f"(?:(?:19|20)[0-9]{{2}}年|[^0-9{delimiters}\\n]){{0,{max_gap}}}?"
    moved_rank = (f"(?:{_words(bare_rank['moved_openers'])}){moved_gap}"
                  f"(?<![0-9.])(?P<num>{numeral}){sp}(?P<pos>{positions})"
                  f"(?=(?:{_words(bare_rank['moves'])})了?(?:{_words(bare_rank['moved_ends'])})?{reached_gap}"
                  f"{re.escape(ranks['ordinal']['prefix'])}{sp}{numeral}{sp}{positions})")
    listed_rank = (f"(?<=[{re.escape(bare_rank['place_levels'])}])[{re.escape(OPEN_PARENS)}](?P<num>{numeral})"
                   f"(?:{sp}(?P<pos>{positions}))?[{re.escape(CLOSE_PARENS)}]")
    fp = ranks["first_place"]
    stops = clause_delimiters() + item_delimiters() + "." + fp["scope_stop_chars"]
    scope_chars = f"[^\\s\\d{re.escape(stops)}]"
    # 居某市各县(市、区)首位: a bracketed gloss of the scope's level counts as one of its characters
    gloss = f"[{re.escape(OPEN_PARENS)}][{re.escape(fp['level_gloss_chars'])}]{{1,6}}[{re.escape(CLOSE_PARENS)}]"
    first_place = (f"(?:{_words(fp['verbs'])})(?P<scope>(?:{scope_chars}|{gloss}){{0,{int(fp['max_scope_chars'])}}}?)"
                   f"(?P<word>{_words(list(fp['words']))})")
    dbl = pats["doubling"]
    doubling = (f"{re.escape(dbl['word_before'])}(?:{re.escape(dbl['optional_between'])})?"
                f"(?P<num>[{re.escape(r.chars_of(r.digits))}]){re.escape(dbl['word_after'])}")
    symbols = pats["currency_symbols"]["symbols"]
    symbol = (f"(?P<sym>{_words(list(symbols))}){sp}(?P<num>[0-9]++(?:,[0-9]{{3}}(?![0-9]))*+(?:\\.[0-9]++)?+)"
              f"(?P<scale>{sp}[{scale_class}]++)?")
    bare = pats["bare_scale_money"]
    round_amount = ""
    if bare.get("round_amounts"):  # 产值突破千亿: a round amount in words, not a class (千亿级)
        round_amount = (f"|(?<![0-9.{re.escape(r.chars_of(r.digits))}])(?P<round>{_words(bare['round_amounts'])})"
                        f"(?![0-9{scale_class}{re.escape(bare.get('round_not_before', ''))}])")
    bare_money = (f"(?:{_words(bare['cue_words'])})[^{re.escape(bare['clause_stops'])}0-9]{{0,{int(bare['window'])}}}?"
                  f"(?:(?<![0-9.])(?P<num>[0-9]++(?:\\.[0-9]++)?+){sp}(?P<scale>{_words(bare['scales'])})"
                  f"(?![0-9{scale_class}]){round_amount})")
    blocked = [re.compile(_words([w for entry in excl["set_phrases"] for w in entry["words"]])),
               *numeral_place_names(excl["place_names"])]
    blocked += [re.compile(p["regex"]) for p in excl["patterns"]]
    return Grammar(
        units=units,
        unit_fold={ord(k): v for k, v in unit_variants.items()},
        before=_qualifiers(require(qual, "before", QUALIFIERS_FILE)),
        between=between,
        after=_qualifiers(require(qual, "after", QUALIFIERS_FILE)),
        connectors=tuple(require(qual, "connectors", QUALIFIERS_FILE)),
        # each maximal numeral run is found once; what follows it is matched in place, so
        # the search stays linear on a megabyte of digits
        numeral=Scanner.of(re.compile(f"(?<![0-9.])(?:{numeral})")),
        tail=re.compile(tail),
        range_rest=re.compile(range_rest),
        range_head=re.compile(f"(?<![0-9.])(?:{numeral})(?:{sp}(?:{unit_alt}))?{sp}(?:{connectors}){sp}$"),
        negative=tuple(r.negative),
        percent_words=Scanner.of(re.compile(percent_words)),
        percent_factors=percent_prefixes,
        ordinal=Scanner.of(re.compile(ordinal)),
        top=Scanner.of(re.compile(f"(?<![0-9零一二三四五六七八九十])({re.escape(ranks['top']['prefix'])})"
                                  f"{sp}(?P<num>{numeral}){sp}(?:{_words(ranks['top']['position_words'])})")),
        coordinated=re.compile(f"(?:[{coordinators}]{sp}{re.escape(ranks['ordinal']['prefix'])}?{sp}(?:{numeral}))++"),
        coordinated_item=re.compile(f"[{coordinators}]{sp}(?P<prefix>{re.escape(ranks['ordinal']['prefix'])})?{sp}"
                                    f"(?P<num>{numeral})"),
        title_end=re.compile(ranks["scoped"]["title_end"]),
        ordinal_range=re.compile(f"{sp}(?:{connectors}){sp}{re.escape(ranks['ordinal']['prefix'])}?{sp}(?P<num>{numeral})"
                                 f"{sp}(?P<pos>{positions})"),
        paired_rank=re.compile(f"[{coordinators}]{paired_scope}{re.escape(ranks['ordinal']['prefix'])}{sp}"
                               f"(?:{numeral})(?:{sp}(?:{positions}))?(?=[{re.escape(ranks['scoped']['followers'])}]|\\Z)"),
        standing_rank=Scanner.of(re.compile(standing_rank)),
        ranking_words=re.compile(_words(bare_rank["ranking_words"])),
        place_count_cue=re.compile(place_count_cue),
        sentence_end=re.compile(f"{sentence_boundary().pattern}|\\n"),
        listed_rank=Scanner.of(re.compile(listed_rank)),
        moved_rank=re.compile(moved_rank),
        rank_list_frame=re.compile(f"(?:{_words(bare_rank['list_frames'])})(?!否)[：:]?\\s*"),
        rank_list_not_after=tuple(bare_rank["list_frame_not_after"]),
        rank_list_item=re.compile(
            f"[^\\s\\d{re.escape(clause_delimiters() + item_delimiters() + bare_rank['list_item_stop_chars'])}]"
            f"{{0,{int(bare_rank['list_item_chars'])}}}?"
            f"(?<![0-9.])(?P<num>[0-9]{{1,3}})(?![0-9.])(?:{sp}(?P<pos>{positions}))?"
            f"(?=[{re.escape(bare_rank['list_separators'] + clause_delimiters())}]|$)", re.MULTILINE),
        rank_list_separators=bare_rank["list_separators"],
        first_place=Scanner.of(re.compile(first_place)),
        doubling=Scanner.of(re.compile(doubling)),
        index_value=Scanner.of(re.compile(
            f"(?:{_words(pats['index_values']['words'])})(?P<num>-?[0-9]++(?:\\.[0-9]++)?+)"
            f"(?![{re.escape(pats['index_values']['not_before'])}])")),
        symbol=Scanner.of(re.compile(symbol)),
        bare_scale_money=Scanner.of(re.compile(bare_money)),
        bare_scale_money_close=_bare_money_close(bare, sp, scale_class),
        spoken_scale_money=_spoken_money(pats["spoken_scale_money"], r.chars_of([*r.digits, *r.small_units]), sp),
        blocked=tuple(Scanner.of(p) for p in blocked),
        half=dict(require(load_yaml(UNITS_FILE), "half", UNITS_FILE)),
        label_not_before=str(load_yaml(UNITS_FILE).get("label_not_before", "")),
        scale_chars=r.chars_of(r.scales),
        patterns=pats,
        exclusions=excl,
        calendar_after=re.compile(excl["calendar"]["followed_by"]),
        checks=Checks.of(excl),
    )


def _bare_money_close(bare: dict[str, Any], sp: str, scale_class: str) -> Scanner | None:
    """bare_scale_money's close_scales (万): the amount right after its cue word (投资8000万)."""
    if not bare.get("close_scales"):
        return None
    return Scanner.of(re.compile(
        f"(?:{_words(bare['cue_words'])})[^{re.escape(bare['clause_stops'])}0-9]{{0,{int(bare['close_window'])}}}?"
        f"(?<![0-9.])(?P<num>[0-9]++(?:\\.[0-9]++)?+){sp}(?P<scale>{_words(bare['close_scales'])})"
        f"(?![0-9{scale_class}])"))


def _spoken_money(spoken: dict[str, Any], digits: str, sp: str) -> Scanner:
    """1.2个亿, 两个亿, 1个多亿: a number, the classifier (and 多) and a scale, not before a unit
    (3个亿元以上)."""
    chinese = re.escape(digits)
    return Scanner.of(re.compile(
        f"(?<![0-9.{chinese}])(?P<num>[0-9]++(?:\\.[0-9]++)?+|[{chinese}]++){sp}"
        f"{re.escape(spoken['classifier'])}{sp}(?P<more>{_words(spoken['more'])})?{sp}"
        f"(?P<scale>{_words(spoken['scales'])})"
        f"(?![{re.escape(spoken['not_before'])}])"))


def rule_ids() -> set[str]:
    """Every rule id a quantity record can carry (all defined in rules/quantities/)."""
    g = grammar()
    return {rule for u in g.units.values() for rule in u.rules.values()} | set(g.ids.values()) | {table_rules().id}


def exclusion_ids() -> set[str]:
    """The ids of exclusions.yaml: what drops a candidate, for tests and logs."""
    excl = grammar().exclusions
    ids = {entry["id"] for entry in excl["set_phrases"]} | {entry["id"] for entry in excl["patterns"]}
    ids |= {excl["calendar"]["id"], excl["place_names"]["id"]}
    return ids | {check["id"] for check in excl["checks"].values()}


def numeral_place_names(cfg: dict[str, Any]) -> list[re.Pattern[str]]:
    """The gazetteer's full names and short forms that open with a numeral (三门峡市, 三台县, 七台河), of
    at least min_chars characters, each kind before what may follow it: the numeral names the place, it
    counts nothing (exclusions.yaml place_names)."""
    numerals, least = cfg["numerals"], int(cfg["min_chars"])
    rows = load_tsv(GAZETTEER)
    full = {row["name"] for row in rows}
    short = {form for row in rows for form in (row["short"], *row["other_forms"].split("|"))} - full
    patterns = []
    for names, not_before in ((full, cfg["full_name_not_before"]), (short, cfg["short_form_not_before"])):
        kept = sorted(n for n in names if len(n) >= least and n[0] in numerals)
        if kept:
            patterns.append(re.compile(f"(?:{_words(kept)})(?!{not_before})"))
    return patterns


# -- entry points --------------------------------------------------------------------------
def find_quantities(doc: Analysis) -> list[Hit]:
    """The quantities of a document, in repaired-text character offsets."""
    return extract_quantities(doc.text)


def outside_names(quantities: list[Hit], names: list[Hit]) -> list[Hit]:
    """The quantities that are no word of an organization's name: 三只松鼠, 三棵树涂料股份有限公司 name a
    company; their numeral and classifier measure nothing (GOLD_FORMAT: names containing numbers are
    no quantities). Read once the organizations are found: a name they did not find keeps its numeral."""
    spans = [(n.start, n.end) for n in names]  # a few a document

    def inside(q: Hit) -> bool:
        return any(start <= q.start and q.end <= end for start, end in spans)

    return [q for q in quantities if not inside(q)]


def place_count_units() -> frozenset[str]:
    """The units that count places (units.yaml place_count: 13地, 7县): no one district's figure."""
    return frozenset(u.unit for u in grammar().units.values() if u.place_count)


def extract_quantities(text: str) -> list[Hit]:
    """The quantities of a string, without spaCy."""
    g = grammar()
    numerals = list(g.numeral.finditer(text))
    candidates = [*_figures(text, numerals, g), *_ranges(text, numerals, g), *_percent_words(text, g),
                  *_ordinals(text, g), *_bare_ranks(text, g), *_tops(text, g), *_first_places(text, g),
                  *_doublings(text, g), *_index_values(text, g),
                  *_symbols(text, g), *_bare_scale_money(text, g), *_spoken_scale_money(text, g)]
    tables = find_tables(text)
    if tables:
        candidates = [h for h in candidates if not _in_row_label(tables, h)] + list(_table_cells(text, tables))
    if not candidates:
        return []
    blocked = _blocked_spans(text, g)
    kept = [h for h in candidates if not any(_overlaps(spans, h.start, h.end) for spans in blocked)]
    found = _points_listed(text, _longest_first(kept), g)
    shared = list(_shared_units(text, numerals, found, g))
    return _longest_first(found + shared) if shared else found


ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _shared_units(text: str, numerals: list[re.Match[str]], found: list[Hit], g: Grammar) -> Iterator[Hit]:
    """分别增长6.2、0.8和2.4个百分点: the bare numbers listed before a figure take its unit and
    scale (rules/quantities/patterns.yaml `shared_unit`)."""
    cfg = g.patterns["shared_unit"]
    separators = sorted(cfg["separators"], key=len, reverse=True)
    bare: dict[int, re.Match[str]] | None = None  # built for the first figure a separator precedes
    covered = bytearray()
    numeral_at = {n.start(): n for n in numerals}
    for hit in found:
        n = numeral_at.get(hit.start)
        digits = ARABIC.match(n.group()) if n is not None else None
        if digits is None or hit.get("kind") in ("rank", "duration"):
            continue
        if _item_end_before(text, n.start(), separators) is None:
            continue  # nothing listed before it (the common case)
        if bare is None:
            bare = {m.end(): m for m in numerals if ARABIC.fullmatch(m.group())}
            covered = bytearray(len(text) + 1)
            for h in found:
                covered[h.start:h.end] = b"\x01" * (h.end - h.start)
        scale = n.group()[digits.end():]  # 3.5亿元: the scale may be read as part of the numeral
        if scale and not all(c in g.scale_chars for c in scale):
            continue
        tail = g.tail.match(text, n.end())
        if tail is None or tail["mid"] or tail["per"]:
            continue
        items = _listed_before(text, n.start(), bare, covered, separators)
        if not items:
            continue
        if not _list_shares_unit(text, items[0].start(), [m.group() for m in [*items, digits]], cfg):
            continue
        unit = g.unit(tail["unit"])
        for item in items:
            value = parse_number(item.group() + scale + (tail["mscale"] or ""))
            if value is not None:
                yield _quantity(item.start(), item.end(), cfg["id"], unit.kind, hit.get("unit"),
                                value=value * unit.factor)


def _list_shares_unit(text: str, first: int, numbers: list[str], cfg: dict[str, Any]) -> bool:
    """A list opening at first shares its last figure's unit after a cue word (分别) in the cue window before it,
    or when every number has a decimal point (a list of integers may be numbered points)."""
    cue = text[max(0, first - int(cfg["cue_window"])):first]
    return any(w in cue for w in cfg["cue_words"]) or all("." in n for n in numbers)


def _points_listed(text: str, found: list[Hit], g: Grammar) -> list[Hit]:
    """分别高于全省、全市1.2个和0.8个百分点: a number and the classifier listed before a figure in
    percentage points (patterns.yaml `shared_unit` `classifier`) is in points too, not a count."""
    cfg = g.patterns["shared_unit"]
    classifier = cfg["classifier"]
    separators = sorted(cfg["separators"], key=len, reverse=True)
    counts = {h.end: i for i, h in enumerate(found)
              if h.get("unit") == classifier and h.get("value") is not None and not h.get("approx")}
    if not counts:
        return found
    out = list(found)
    for hit in found:
        if hit.get("unit") != "pp" or classifier not in text[hit.start:hit.end]:
            continue
        items, pos = [], hit.start
        while (item_end := _item_end_before(text, pos, separators)) is not None:
            i = counts.get(item_end)
            if i is None:
                break
            items.insert(0, i)
            pos = found[i].start
        listed = [text[found[i].start:found[i].end] for i in items] + [text[hit.start:hit.end]]
        if items and _list_shares_unit(text, pos, listed, cfg):
            for i in items:
                item = found[i]
                out[i] = _quantity(item.start, item.end, cfg["id"], hit.get("kind"), "pp",
                                   value=Decimal(str(item.get("value"))))
    return out


LIST_SPACE = " \t\u3000"  # a converted page may space a list (6.7、8.4、12.3 和14个百分点)


def _item_end_before(text: str, pos: int, separators: list[str]) -> int | None:
    """Where the list item before pos ends, when only a separator and spaces stand between."""
    while pos and text[pos - 1] in LIST_SPACE:
        pos -= 1
    sep = next((s for s in separators if text.endswith(s, 0, pos)), None)
    if sep is None:
        return None
    pos -= len(sep)
    while pos and text[pos - 1] in LIST_SPACE:
        pos -= 1
    return pos


def _listed_before(text: str, pos: int, bare: dict[int, re.Match[str]], covered: bytearray,
                   separators: list[str]) -> list[re.Match[str]]:
    """The bare numbers joined to the figure at pos by list separators only, in order."""
    items: list[re.Match[str]] = []
    while True:
        item_end = _item_end_before(text, pos, separators)
        item = bare.get(item_end) if item_end is not None else None
        if item is None or covered[item.start()]:
            return items
        items.insert(0, item)
        pos = item.start()


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """The longest of overlapping hits, the first where they start; a rank before a count of the same
    span (排名46位: the rank, not 46 people)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.get("kind") != "rank"))
    out: list[Hit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            out.append(hit)
            last_end = hit.end
    return out


def _blocked_spans(text: str, g: Grammar) -> list[tuple[list[int], list[int]]]:
    """(starts, ends) of each exclusion pattern's matches; within one pattern they are sorted."""
    out = []
    for pattern in g.blocked:
        spans = [m.span() for m in pattern.finditer(text)]
        if spans:
            out.append(([s for s, _ in spans], [e for _, e in spans]))
    return out


def _overlaps(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, ends = spans
    i = bisect_right(ends, start)  # first match ending after `start`
    return i < len(starts) and starts[i] < end


# -- resolution helpers --------------------------------------------------------------------
def _quantity(start: int, end: int, rule: str, kind: str, unit: str, value: Decimal | None = None,
              value_min: Decimal | None = None, value_max: Decimal | None = None, approx: str | None = None) -> Hit:
    return Hit(start, end, rule, {"value": _float(value), "value_min": _float(value_min),
                                  "value_max": _float(value_max), "approx": approx, "unit": unit, "kind": kind})


def _float(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


def _qualifier_before(text: str, pos: int, kind: str, numeral: str, g: Grammar) -> tuple[int, str | None]:
    """Start of the qualifier word before `pos` (超过 / 近 / 至少有) and its approx."""
    for connector in ("", *g.connectors):
        if not text.endswith(connector, 0, pos):
            continue
        at = pos - len(connector)
        if at <= 0:
            continue  # no room for a word
        for q in g.before_by_last.get(text[at - 1], ()):  # only words that can end at `at`
            if connector and not q.connector:
                continue
            start = at - len(q.word)
            if not text.endswith(q.word, 0, at) or (start and text[start - 1] in q.not_after):
                continue
            if q.fits(kind, numeral):
                return start, q.approx
    return pos, None


def _qualifier_after(text: str, pos: int, kind: str, numeral: str, g: Grammar) -> tuple[int, str | None]:
    for q in g.after_by_first.get(text[pos:pos + 1], ()):  # only words that can start at `pos`
        if text.startswith(q.word, pos):
            following = text[pos + len(q.word):pos + len(q.word) + 1]
            if following and following in q.not_before:
                continue
            if q.fits(kind, numeral):
                return pos + len(q.word), q.approx
    return pos, None


def _vague_before(text: str, pos: int, numeral: str, g: Grammar) -> bool:
    """数十亿元, 几百家: a vague word before a Chinese numeral that opens with a unit."""
    first = fold(numeral)[:1]
    if not first or first in numeral_rules().digits or first.isdigit():
        return False
    return text.endswith(g.checks.vague_before, 0, pos)


def _in_time_window(text: str, pos: int, unit: Unit, g: Grammar) -> bool:
    """近三年来, 过去一年, 未来3-5年: a duration naming a time window."""
    if unit.kind not in g.checks.window_kinds:
        return False
    head = g.range_head.search(text, max(0, pos - RANGE_HEAD_CHARS), pos)  # the 3- of 未来3-5年
    if head:
        pos = head.start()
    return text.endswith(g.checks.window_words, 0, pos)


def _is_identifier(text: str, pos: int) -> bool:
    """B12, G20: a number right after one Latin letter (GDP 100亿元 keeps its space)."""
    before = text[pos - 1:pos]
    return bool(before) and before.isascii() and before.isalpha() and not (
        pos >= 2 and text[pos - 2].isascii() and text[pos - 2].isalpha())


def _is_calendar_year(numeral: str, unit: Unit, text: str, end: int, g: Grammar) -> bool:
    checks = g.checks
    if unit.word != checks.calendar_unit:
        return False
    digits = fold(numeral)
    if digits.isdigit() and len(digits) == 4 and checks.year_min <= int(digits) <= checks.year_max:
        return True
    return g.calendar_after.match(text, end) is not None


def _numeral_ok(text: str, start: int, numeral: str, g: Grammar) -> bool:
    """Checks every numeral passes, whatever its unit (exclusions.yaml `checks`)."""
    checks = g.checks
    if fold(numeral) in checks.zero_alone or has_adjacent_digits(numeral):
        return False
    if numeral.strip() in checks.lone_financial:
        return False
    if text.endswith(checks.ordinal_prefixes, 0, start):
        return False
    return not _is_identifier(text, start) and not _vague_before(text, start, numeral, g)


def _unit_ok(unit: Unit, numeral: str, text: str, end: int, g: Grammar) -> bool:
    """The unit word is not the start of a longer word, and the numeral suits it."""
    following = text[end:end + 1]
    if following and following in unit.not_before:
        return False
    if following == unit.word[-1]:
        return False  # 一个个, 一块块: reduplicated classifier
    if unit.label_after_arabic and not is_chinese(numeral) and _is_word_char(following, g):
        return False  # 1类新药: a class label
    return not (is_chinese(numeral) and len(fold(numeral)) < unit.min_chinese_chars)


def _is_word_char(c: str, g: Grammar) -> bool:
    return bool(c) and ("\u4e00" <= c <= "\u9fff" or c.isalpha()) and c not in g.label_not_before


def _with_half(text: str, end: int, unit: Unit, numeral: str, g: Grammar) -> bool:
    """一吨半: the half word right after the unit, ending the figure, after a whole number."""
    word = g.half["word"]
    if not unit.half or not text.startswith(word, end):
        return False
    after = text[end + len(word):end + len(word) + 1]
    return (not after or after in g.half["followers"]) and not any(p in numeral for p in decimal_points())


def _unit_name(unit: Unit, per: Unit | None) -> str:
    return f"{unit.unit}/{per.unit}" if per else unit.unit


# -- candidates ----------------------------------------------------------------------------
def _sign_before(text: str, pos: int, g: Grammar) -> int | None:
    """Start of a sign right before `pos` (负3.9%, 增长-3.5%), not a range dash (1-7)."""
    if not text.endswith(g.negative, 0, pos):
        return None  # the common case, in one call
    for sign in g.negative:
        if text.endswith(sign, 0, pos):
            at = pos - len(sign)
            before = text[at - 1:at]
            if not (before and (before.isascii() and before.isalnum() or before in "%.")):
                return at
    return None


def _without_leading_zero(numeral: str, start: int) -> tuple[str, int]:
    """3年零4个月: the second figure is 4个月, its 零 joins the two."""
    if len(numeral) > 1 and numeral[0] in zeros() and numeral[1] not in decimal_points():
        stripped = numeral.lstrip(zeros())
        return stripped, start + len(numeral) - len(stripped)
    return numeral, start


def _lacks_context(numeral: str, qualified: bool, text: str, unit_end: int) -> bool:
    """百米, 千年, 万人 (a lone scale character needs a qualifier: 上万人); 百亿元级 (a class)."""
    if not is_bare_scale(numeral):
        return False
    r = numeral_rules()
    return (len(fold(numeral)) < r.bare_min_chars and not qualified) or text.startswith(r.bare_class_word, unit_end)


def _is_indefinite(numeral: str, unit: Unit, approx: str | None, scaled: bool, g: Grammar) -> bool:
    """一家集研发于一体的企业: 一 + classifier is the article "a"."""
    checks = g.checks
    return (unit.kind in checks.indefinite_kinds and fold(numeral) in checks.indefinite_numerals
            and approx is None and not scaled)


def _figures(text: str, numerals: list[re.Match[str]], g: Grammar) -> Iterator[Hit]:
    """Number (+ 多/余 + scale) + unit: 168家, 8.4万套, 100多种, 超过8亿元, 3年以上."""
    for n in numerals:
        m = g.tail.match(text, n.end())
        if m is None:
            continue
        unit = g.unit(m["unit"])
        per = g.unit(m["per"]) if m["per"] else None
        numeral, num_start = _without_leading_zero(n.group(), n.start())
        end = m.end()
        if not _numeral_ok(text, num_start, numeral, g) or not _unit_ok(unit, numeral, text, end, g):
            continue
        if _in_time_window(text, num_start, unit, g) or _is_calendar_year(numeral, unit, text, m.end("unit"), g):
            continue
        raw = numeral + (m["mscale"] or "")
        if unit.scaled_only and not has_scale(raw):
            continue
        if unit.place_count and (has_scale(raw) or g.place_count_cue.match(text, end) is None):
            continue  # 13地入围 counts places in a ranking; 一城两区 is a slogan, 千亿县 a class of counties
        value = parse_number(raw)
        if value is None:
            continue
        if _with_half(text, end, unit, numeral, g):
            value += Decimal(str(g.half["value"]))
            end += len(g.half["word"])
        sign = _sign_before(text, num_start, g)
        value *= unit.factor * (-1 if sign is not None else 1)
        first = num_start if sign is None else sign
        start, approx = _qualifier_before(text, first, unit.kind, numeral, g)
        if approx is None and m["mid"]:
            approx = g.between[m["mid"]]
        if approx is None:
            end, approx = _qualifier_after(text, end, unit.kind, numeral, g)
        if _lacks_context(numeral, start != first, text, m.end()):
            continue
        if _is_indefinite(numeral, unit, approx, bool(m["mscale"]), g):
            continue
        rule = unit.rules["scaled" if has_scale(raw) else "plain"]
        yield _quantity(start, end, rule, unit.kind, _unit_name(unit, per), value=value, approx=approx)


def _range_low(a: str, b: str, high: Decimal | None) -> Decimal | None:
    """The low end: 3至5万元 reads 3万 (the high end's scale), unless that is not below it
    (8000至1.2万元 is 8000)."""
    if high is None:
        return None
    folded = fold(b)
    scale = folded[len(folded.rstrip(scale_chars())):]  # the run of scale words ending b
    options = [a + scale] if scale and not has_scale(a) else []
    for option in [*options, a]:
        value = parse_number(option)
        if value is not None and value < high:
            return value
    return None


def _ranges(text: str, numerals: list[re.Match[str]], g: Grammar) -> Iterator[Hit]:
    """5至50微米, 20万至100万元, 4.5吨至49吨, 两到三年, 3~5年: value None, min and max."""
    for n in numerals:
        m = g.range_rest.match(text, n.end())
        if m is None:
            continue
        a, b, unit = n.group(), m["num"], g.unit(m["unit"])
        per = g.unit(m["per"]) if m["per"] else None
        if (m["aunit"] and g.unit(m["aunit"]).unit != unit.unit) or unit.place_count:
            continue  # mixed units; 1-3区: places are counted one number at a time, in rankings
        end = m.end()
        if not (_numeral_ok(text, n.start(), a, g) and not has_adjacent_digits(b)
                and _unit_ok(unit, b, text, end, g)):
            continue
        if _is_calendar_year(a, unit, text, end, g) or _is_calendar_year(b, unit, text, end, g):
            continue
        if _in_time_window(text, n.start(), unit, g):
            continue
        if unit.scaled_only and not has_scale(b + (m["mscale"] or "")):
            continue
        high = parse_number(b + (m["mscale"] or ""))
        low = _range_low(a, b + (m["mscale"] or ""), high)
        if high is None or low is None:
            continue
        sign = _sign_before(text, n.start(), g)
        first = n.start() if sign is None else sign
        low, high = low * unit.factor * (-1 if sign is not None else 1), high * unit.factor
        start, approx = _qualifier_before(text, first, unit.kind, a, g)
        if approx is None:
            end, approx = _qualifier_after(text, end, unit.kind, b, g)
        yield _quantity(start, end, unit.rules["range"], unit.kind, _unit_name(unit, per),
                        value_min=low, value_max=high, approx=approx)


def _percent_words(text: str, g: Grammar) -> Iterator[Hit]:
    """百分之四十 -> 40 %, 千分之五 -> 0.5 %."""
    factors = list(g.percent_factors.values())
    for m in g.percent_words.finditer(text):
        factor = next(factors[i] for i in range(len(factors)) if m[f"p{i}"])
        value = parse_number(m["num"])
        if value is None or has_adjacent_digits(m["num"]):
            continue
        start, approx = _qualifier_before(text, m.start(), "percent", m["num"], g)
        end = m.end()
        if approx is None:
            end, approx = _qualifier_after(text, end, "percent", m["num"], g)
        yield _quantity(start, end, g.ids["percent_words"], "percent", "%", value=value * factor, approx=approx)


def _ordinals(text: str, g: Grammar) -> Iterator[Hit]:
    """第2位, 第十名; 全市第八、 渝西第二； (第N closing a clause after a word)."""
    scoped = g.patterns["ranks"]["scoped"]
    followers = set(scoped["followers"])
    positions = tuple(g.patterns["ranks"]["ordinal"]["position_words"])
    coordinators = scoped["coordinators"]
    previous_end = -2
    priorities = tuple(g.patterns["ranks"]["ordinal"]["priority_before"])
    for m in g.ordinal.finditer(text):
        start, end = m.start(), m.end()
        if start < previous_end or text.endswith(priorities, 0, start):
            continue  # inside a range read before (第4名到|第10名); 把安全放在|第一位: a priority, no rank
        value = _rank_value(m["num"])
        upper = g.ordinal_range.match(text, end)
        high = _rank_value(upper["num"]) if upper else None
        if upper is not None and value is not None and high is not None and value < high and (
                not m["pos"] or m["pos"] == upper["pos"]):
            previous_end = upper.end()  # 第4名到第10名, 第3至5位: one range of positions
            yield _quantity(start, upper.end(), g.ids["ordinal"], "rank", "rank", value_min=value, value_max=high)
            continue
        # 分列第四、第五，: the second of two coordinated ranks (the first one kept), not a point
        coordinated = previous_end == start - 1 and text[start - 1] in coordinators
        if m["pos"]:
            rule = g.ids["ordinal"]
        else:
            # 第一和第二； share what follows the chain; 第二、三产业 is not a rank
            chain = _chain_after(text, end, m["num"], g)
            following = text[chain.end():chain.end() + 1] if chain else text[end:end + 1]
            shares_position = chain is not None and text.startswith(positions, chain.end())  # 第一、第二、第三位
            if following and following not in followers and not shares_position and \
                    g.paired_rank.match(text, end) is None and \
                    not g.title_end.match(text, chain.end() if chain else end):  # 烟台第二与青岛第四
                continue  # 第二期, 第一动力, 第一季度: an ordinal before a noun
            opening = start == 0 or text[start - 1] in scoped["clause_openers"]
            if opening and not coordinated and following and following in scoped["enumeration_followers"]:
                continue  # 第一，……: enumerating points
            rule = g.ids["scoped"]
        if value is None:
            continue
        scope = next((w for w in scoped["scopes"] if text.endswith(w, 0, start)), "")
        previous_end = end
        yield _quantity(start - len(scope), end, rule, "rank", "rank", value=value)
        if not m["pos"] and shares_position and not coordinated:  # each chain read once, from its first
            yield from _listed_after_ordinal(text, end, chain.end(), g)
        elif m["pos"]:
            yield from _positions_after_ordinal(text, end, m["pos"], coordinators, g)


def _chain_after(text: str, end: int, numeral: str, g: Grammar) -> re.Match[str] | None:
    """The ordinals coordinated after one (第一和第二, 第6、28和79位). A numeral without 第 after a
    coordinator that also closes an item (、) joins the chain only in the ordinal's own script:
    第二、三产业 is one chain, 排第一、1项第二 an ordinal closing its item, then a count (第一和1000名
    goes on as one phrase)."""
    chain = g.coordinated.match(text, end)
    first = g.coordinated_item.match(text, end) if chain else None
    if first is not None and not first["prefix"] and first["num"][:1].isdigit() != numeral[:1].isdigit() and \
            text[end] in g.patterns["ranks"]["scoped"]["followers"]:
        return None
    return chain


def _rank_value(numeral: str) -> Decimal | None:
    """A position: a whole number above zero, not part of a longer run of digits."""
    value = parse_number(numeral)
    if value is None or value <= 0 or value != value.to_integral_value() or has_adjacent_digits(numeral):
        return None
    return value


def _positions_after_ordinal(text: str, end: int, word: str, coordinators: str, g: Grammar) -> Iterator[Hit]:
    """分别居全省第21位、43位和50位。: numbers after coordinators that each repeat the ordinal's position word
    are positions too where the chain closes its clause or opens a bracket (43名观众 goes on with a noun: a count)."""
    followers = g.patterns["ranks"]["bare"]["followers"] + OPEN_PARENS
    chain: list[Hit] = []
    while end < len(text) and text[end] in coordinators:
        n = g.numeral.pattern.match(text, end + 1)
        value = _rank_value(n.group()) if n is not None else None
        if n is None or value is None or has_scale(n.group()) or not text.startswith(word, n.end()):
            return
        end = n.end() + len(word)
        chain.append(_quantity(n.start(), end, g.ids["bare"], "rank", "rank", value=value))
    if end >= len(text) or text[end] in followers:
        yield from chain


def _listed_after_ordinal(text: str, start: int, end: int, g: Grammar) -> Iterator[Hit]:
    """分别位列第6、28和79位: the numbers of a chain after an ordinal, written without 第, share its
    position word (the last one carries it) where the clause ends after it, as a scoped ordinal's
    does (第一和1000名观众: a count); those with 第 are ordinals of their own."""
    word = next((p for p in g.patterns["ranks"]["ordinal"]["position_words"] if text.startswith(p, end)), None)
    after = text[end + len(word):end + len(word) + 1] if word else ""
    if word is None or after and after not in g.patterns["ranks"]["bare"]["followers"]:
        return
    for item in g.coordinated_item.finditer(text, start, end):
        value = _rank_value(item["num"])
        if item["prefix"] or value is None or has_scale(item["num"]):
            continue
        item_end = item.end() + (len(word) if item.end() == end else 0)
        yield _quantity(item.start("num"), item_end, g.ids["bare"], "rank", "rank", value=value)


def _ranked_lists(text: str, g: Grammar) -> Iterator[Hit]:
    """去年排名是：温岭15位，临海60位; 排名分别为12、17、41、95: the positions of a ranking's list after its frame
    (patterns.yaml ranks.bare list_frames), to its sentence's end; bare numbers only in a list of bare numbers."""
    for frame in g.rank_list_frame.finditer(text):
        if text.endswith(g.rank_list_not_after, 0, frame.start()):
            continue  # 得分排名为：甲县96: scores ranked
        items, pos = [], frame.end()
        while (item := g.rank_list_item.match(text, pos)) is not None:
            items.append(item)
            after = text[item.end():item.end() + 1]
            if not after or after not in g.rank_list_separators:
                break  # the list ends at its sentence's or clause's end
            pos = item.end() + 1
        bare = all(item["pos"] is None for item in items)
        for item in items:
            value = _rank_value(item["num"])
            if value is not None and (item["pos"] or bare and len(items) > 1):
                yield _quantity(item.start("num"), item.end(), g.ids["bare"], "rank", "rank", value=value)


def _bare_ranks(text: str, g: Grammar) -> Iterator[Hit]:
    """排名46位。, 宜都市(50名) in a sentence of rankings: ranks written without 第 (patterns.yaml
    ranks.bare); the count of 位 or 名 with the same span gives way to them (_longest_first)."""
    yield from _ranked_lists(text, g)
    for m in itertools.chain(g.standing_rank.finditer(text), g.moved_rank.finditer(text)):
        value = _rank_value(m["num"])
        if value is not None:
            yield _quantity(m.start("num"), m.end("pos"), g.ids["bare"], "rank", "rank", value=value)
    ranking = None
    bare: dict[int, list[tuple[re.Match[str], Decimal]]] = {}  # bracketed numbers with no position word, by sentence
    digits = int(g.patterns["ranks"]["bare"]["bracket_digits"])
    for m in g.listed_rank.finditer(text):
        value = _rank_value(m["num"])
        ranking = ranking or RankingSentences.of(text, g)  # read once, for the first bracket only
        if value is None or not ranking.holds(m.start()):
            continue
        if m["pos"]:
            yield _quantity(m.start("num"), m.end("pos"), g.ids["bare"], "rank", "rank", value=value)
        elif m["num"].isascii() and m["num"].isdigit() and len(m["num"]) <= digits:  # not 百强县(2022): a year
            bare.setdefault(ranking.index(m.start()), []).append((m, value))
    for listed in bare.values():
        values = [value for _, value in listed]
        if len(values) > 1 and all(a < b for a, b in itertools.pairwise(values)):
            yield from (_quantity(m.start("num"), m.end("num"), g.ids["bare"], "rank", "rank", value=value)
                        for m, value in listed)



@dataclass(frozen=True)
class RankingSentences:
    """The sentences of a text that hold a word of rankings (上榜, 百强): one scan for the words, and
    the sentence ends only where there is one."""

    ends: list[int]  # where each sentence ends (its punctuation's end, or a line break), in order
    with_words: frozenset[int]  # the indices of the sentences holding a word of rankings

    @classmethod
    def of(cls, text: str, g: Grammar) -> RankingSentences:
        words = [m.start() for m in g.ranking_words.finditer(text)]
        if not words:
            return cls([], frozenset())
        ends = [m.end() for m in g.sentence_end.finditer(text)]
        return cls(ends, frozenset(bisect_right(ends, pos) for pos in words))

    def holds(self, pos: int) -> bool:
        """Whether the sentence holding offset pos holds a word of rankings."""
        return bisect_right(self.ends, pos) in self.with_words

    def index(self, pos: int) -> int:
        """The index of the sentence holding offset pos."""
        return bisect_right(self.ends, pos)


def _tops(text: str, g: Grammar) -> Iterator[Hit]:
    """位列前3位, 前10名中, 前十强: within the top N (rank N, approx upper)."""
    for m in g.top.finditer(text):
        value = parse_number(m["num"])
        if value is None or value <= 1 or value != value.to_integral_value() or has_adjacent_digits(m["num"]):
            continue
        scopes = g.patterns["ranks"]["scoped"]["scopes"]  # 全市前3位 keeps its scope, as 全市第3位 does
        scope = next((w for w in scopes if text.endswith(w, 0, m.start())), "")
        yield _quantity(m.start() - len(scope), m.end(), g.ids["top"], "rank", "rank", value=value, approx="upper")


def _first_places(text: str, g: Grammar) -> Iterator[Hit]:
    """稳居渝西首位, 位居全省首位 -> rank 1."""
    words = g.patterns["ranks"]["first_place"]["words"]
    for m in g.first_place.finditer(text):
        yield _quantity(m.start("scope"), m.end(), g.ids["first_place"], "rank", "rank",
                        value=Decimal(words[m["word"]]))


def _doublings(text: str, g: Grammar) -> Iterator[Hit]:
    """翻一番 = 2 x, 翻两番 = 4 x."""
    for m in g.doubling.finditer(text):
        n = parse_number(m["num"])
        if n:
            yield _quantity(m.start(), m.end(), g.ids["doubling"], "multiple", "x", value=Decimal(2) ** int(n))


def _index_values(text: str, g: Grammar) -> Iterator[Hit]:
    """竞争力指数为81.75: an index's value, written with no unit (patterns.yaml index_values)."""
    for m in g.index_value.finditer(text):
        value = parse_number(m["num"].lstrip("-"))
        if value is not None:
            yield _quantity(m.start("num"), m.end("num"), g.ids["index"], "measure", "指数",
                            value=-value if m["num"].startswith("-") else value)


def _symbols(text: str, g: Grammar) -> Iterator[Hit]:
    """￥300, $20, US$1.5亿."""
    symbols = g.patterns["currency_symbols"]["symbols"]
    for m in g.symbol.finditer(text):
        value = parse_number(m["num"] + (m["scale"] or ""))
        if value is not None:
            rule = g.ids["symbol"]
            yield _quantity(m.start(), m.end(), rule, "money", symbols[m["sym"]], value=value)


def _bare_scale_money(text: str, g: Grammar) -> Iterator[Hit]:
    """生产总值56.7亿, GDP突破2000亿大关, 产值突破千亿: an amount in 亿 (or a round amount in words) after
    a money indicator is yuan."""
    for m in g.bare_scale_money.finditer(text):
        if m.groupdict().get("round"):  # 产值突破千亿: the amount in words (round_amounts may be unset)
            value, start, end = parse_number(m["round"]), m.start("round"), m.end("round")
        else:
            value, start, end = parse_number(m["num"] + m["scale"]), m.start("num"), m.end("scale")
        if value is not None:
            yield _quantity(start, end, g.ids["bare_scale_money"], "money", "CNY", value=value)
    if g.bare_scale_money_close is not None:
        for m in g.bare_scale_money_close.finditer(text):
            value = parse_number(m["num"] + m["scale"])
            if value is not None:
                yield _quantity(m.start("num"), m.end("scale"), g.ids["bare_scale_money"], "money", "CNY", value=value)


def _spoken_scale_money(text: str, g: Grammar) -> Iterator[Hit]:
    """年产值可达1.2个亿: the spoken 个亿 is 亿元 (rules/quantities/patterns.yaml spoken_scale_money)."""
    for m in g.spoken_scale_money.finditer(text):
        value = parse_number(m["num"] + m["scale"])
        if value is not None:
            yield _quantity(m.start("num"), m.end("scale"), g.ids["spoken_scale_money"], "money", "CNY", value=value,
                            approx="lower" if m["more"] else None)


def _in_row_label(tables: list[Table], hit: Hit) -> bool:
    """Is the figure inside a table row's label (0-17岁 | 22.52 |, 其中:0-15岁(含不满16周岁))? It names the row."""
    return any(label[0] <= hit.start and hit.end <= label[1] for table in tables for label, _ in table.rows)


def _table_cells(text: str, tables: list[Table]) -> Iterator[Hit]:
    """The bare numbers of a flattened table in their column's unit (text/tables.py):
    1054.21 under (亿元) is 105421000000 CNY, -2.1 under (%) is -2.1 %. A table with a column
    whose unit the unit rules do not know gives nothing. Each hit carries `table_cell`
    (table, row, column) for claims; it is no record field."""
    rule = table_rules().id
    for table in tables:
        units = [u for u in (column_unit(column.unit) for column in table.columns) if u is not None]
        if len(units) != len(table.columns):
            continue
        for r, (_, cells) in enumerate(table.rows):
            for c, ((start, end), (factor, name, kind)) in enumerate(zip(cells, units, strict=True)):
                number = text[start:end].replace("−", "-").replace(",", "")
                if not number.lstrip("-")[:1].isdigit():
                    continue  # an empty cell (—)
                value = Decimal(number) * factor
                hit = _quantity(start, end, rule, kind, name, value=value)
                hit.fields["table_cell"] = (table, r, c)
                yield hit


@rules_cache
def column_unit(unit: str) -> tuple[Decimal, str, str] | None:
    """(factor, unit, kind) of a table column's printed unit: (亿元) is (1e8, CNY, money), (%) is
    (1, %, percent); None when the unit rules read no single figure in 1 + the unit."""
    hits = extract_quantities("1" + unit)
    if len(hits) != 1 or (hits[0].start, hits[0].end) != (0, 1 + len(unit)) or hits[0].get("value") is None:
        return None
    return Decimal(str(hits[0].get("value"))), hits[0].get("unit"), hits[0].get("kind")
