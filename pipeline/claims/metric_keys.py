"""Metric keys: the canonical key of what a district claim measures (claims.metric_key).

The vocabulary (rules/indicators.yaml) lists statistical indicators by their bulletin names
with the names news pages use, each a stock, a flow or a rate. A claim's key is its
indicator and the measure the figure gives of it: the level (地区生产总值), new additions
(新增高新技术企业数, stock indicators only), the growth rate (地区生产总值增速), a share
(战略性新兴产业产值占比), a change in percentage points, a score, or a rank with the unit it
is ranked in (地区生产总值增速排名@全市). So a total and the year's additions never share a
key, nor do a district's 全省 and 全市 ranks.

The indicator is the longest one the claim's metric phrase names; when the phrase names
none (增速超过7%, 总数达到98家), the last one named before the figure in its clause, then
in its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from zhfacts.extract.scanning import words_pattern
from zhfacts.rules import load_yaml, require, rules_cache

RULES_FILE = "indicators.yaml"
ORDINAL_HEADS = ("第", "前", "首位")


@dataclass(frozen=True)
class Indicator:
    label: str
    type: str  # stock | flow | rate
    kinds: frozenset[str]


@dataclass(frozen=True)
class Vocabulary:
    measures: dict[str, str]
    by_alias: dict[str, Indicator]
    any_alias: re.Pattern[str]  # longest alias first
    new_or_level: re.Pattern[str]  # a word of either; group `new` when it is a new-additions word
    growth: re.Pattern[str]
    share: re.Pattern[str]
    rank_scope: re.Pattern[str]  # a standing verb and the scope after it, at the end of a text
    rank_verb: re.Pattern[str]
    rank_frame: re.Pattern[str]  # 在全省……中: a scope set for the sentence's ranks
    rank_carried: re.Pattern[str]  # a scoped rank earlier in the sentence (居全市第1位，乙区居第2位)
    score_units: frozenset[str]
    level_words: frozenset[str]
    ranked_level: re.Pattern[str]  # 总量 of 增长6.0%，总量位居全市第二: the level is ranked
    gap: re.Pattern[str]  # a comparison with a wider unit at the end of a clause (低于全市增速)
    clause_mark: re.Pattern[str]  # what ends a clause, to read the clauses before a figure one by one
    respective: re.Pattern[str]  # 分别: figures that pair with several subjects in order
    scope_names: tuple[tuple[re.Pattern[str], str], ...]  # 襄阳市 -> 全市
    level_change: re.Pattern[str]  # 比上年末增加: the figure is how far the level moved
    rank_move: re.Pattern[str]  # 前移, 上升: a rank figure that is a move in places
    place_units: frozenset[str]  # 位, 名: what places in a ranking are counted in
    lookback_chars: int
    generic: re.Pattern[str]  # generic words, to tell whether a phrase names anything
    owned_measure: re.Pattern[str]  # 利润, 资产负债率: a measure of the bodies a count indicator names


def _alternation(words: list[str]) -> str:
    return words_pattern(words) or "(?!)"  # the 538 indicator names: one try per first character


@rules_cache
def vocabulary() -> Vocabulary:
    d = load_yaml(RULES_FILE)

    def get(key: str) -> Any:
        return require(d, key, RULES_FILE)

    by_alias: dict[str, Indicator] = {}
    for entry in get("indicators"):
        indicator = Indicator(entry["label"], entry["type"], frozenset(entry["kinds"]))
        for alias in entry["aliases"]:
            by_alias.setdefault(alias, indicator)  # the first indicator listing an alias keeps it
    stop = re.escape(get("rank_scope_stop"))
    scope = f"(?:{_alternation(get('rank_verbs'))})(?P<scope>[^{stop}0-9]{{1,{int(get('rank_scope_max_chars'))}}})$"
    return Vocabulary(
        measures=dict(get("measures")),
        by_alias=by_alias,
        any_alias=re.compile(_alternation(list(by_alias))),
        new_or_level=re.compile(f"(?P<new>{_alternation(get('new_words'))})|{_alternation(get('level_words'))}"),
        growth=re.compile(_alternation(get("growth_words"))),
        share=re.compile(_alternation(get("share_words"))),
        rank_scope=re.compile(scope),
        rank_verb=re.compile(_alternation(get("rank_verbs"))),
        rank_frame=re.compile(get("rank_frame_pattern")),
        rank_carried=re.compile(get("rank_carried_pattern")),
        score_units=frozenset(get("score_units")),
        level_words=frozenset(get("level_words")),
        ranked_level=re.compile(_alternation(get("ranked_level_words"))),
        gap=re.compile(get("gap_pattern")),
        clause_mark=re.compile(f"[{re.escape(get('clause_marks'))}]"),
        respective=re.compile(_alternation(get("respective_words"))),
        scope_names=tuple((re.compile(e["pattern"]), e["scope"]) for e in get("scope_names")),
        level_change=re.compile(get("level_change_pattern")),
        rank_move=re.compile(get("rank_move_pattern")),
        place_units=frozenset(get("place_units")),
        lookback_chars=int(get("lookback_chars")),
        generic=re.compile(_alternation(get("generic_words"))),
        owned_measure=re.compile(_alternation(get("owned_measure_words"))),
    )


# The measures every indicator has, and those only some have (new additions of a stock); a
# scoped rank's or gap's key is made from the text (排名@全省, 增速差@全市) and is not listed.
COMMON_MEASURES = ("level", "growth", "share", "change", "share_change", "rank", "rank_change", "score")


@rules_cache
def all_keys() -> tuple[str, ...]:
    """Every key the vocabulary can give but the scoped ranks, for a reviewer to choose from."""
    vocab = vocabulary()
    keys: list[str] = []
    for indicator in dict.fromkeys(vocab.by_alias.values()):
        measures = COMMON_MEASURES + (("new",) if indicator.type == "stock" else ())
        keys += [vocab.measures[m].format(label=indicator.label) for m in measures if m in vocab.measures]
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class Description:
    key: str | None
    named_before: str | None  # the indicator's name as the text wrote it, when read before the phrase


def metric_key(metric: str | None, figure: dict[str, Any], surface: str, clause: str, lookback: str) -> str | None:
    """The key of a claim: metric is its metric phrase, figure its quantity's fields (kind,
    unit), surface the figure as printed, clause the text of its clause before it and
    lookback the text before it in its paragraph and the one before."""
    return describe(metric, figure, surface, clause, lookback).key


def describe(metric: str | None, figure: dict[str, Any], surface: str, clause: str, lookback: str,
             sentence: str = "", after_growth: bool = False) -> Description:
    """The key, and the indicator's own words when the metric phrase does not name it.
    sentence is the figure's sentence before it (在全省……评价中 sets a rank's scope);
    after_growth says the figure before it was a growth rate (增长6.5%，提高0.5个百分点: the
    points are the growth rate's change)."""
    vocab = vocabulary()
    kind, unit = figure.get("kind"), figure.get("unit")
    metric, clause, lookback = (_QUOTES.sub("", t or "") for t in (metric, clause, lookback))  # 专精特新“小巨人”企业
    if kind == "count" and unit in vocab.place_units and vocab.rank_move.search(clause):
        kind = "rank"  # 较一季度前移2位: places moved
    metric = metric or ""
    needs_level_kind = kind not in ("percent", "pp", "rank") and unit not in vocab.score_units
    level_kind = kind if needs_level_kind else None
    named_before = None
    if kind != "count" and _owned_measure(metric, vocab):  # 投资超亿元的企业12家 still counts the companies
        return Description(None, None)  # 规模以上工业企业利润: a measure the vocabulary does not know
    indicator = _indicator_in(metric, level_kind, vocab)
    share_first = vocab.share.match(metric) is not None and kind in ("percent", "pp")
    if indicator is None and share_first and lookback.endswith(clause) and not vocab.respective.search(clause):
        # 非公有制经济增加值完成38.2亿元，占生产总值的比重为52.7%: the subject before the clause
        indicator, named_before = _subject_before(lookback[:len(lookback) - len(clause)], vocab)
    if indicator is None:
        shares = list(vocab.share.finditer(clause)) if vocab.share.search(metric) else []
        own = clause[:shares[-1].start()] if shares else clause  # 占规上工业增加值的比重: the denominator is not it
        indicator, named_before = _last_indicator_in(own, level_kind, vocab)
    gap = _gap_scope(clause, vocab) if kind == "pp" else ""
    if indicator is None and (kind == "rank" or gap or is_generic(metric, surface, clause)):
        indicator, named_before = _last_indicator_in(lookback, level_kind, vocab)  # 增速超过7%: named before
    label = indicator.label if indicator else ""
    growth_named = vocab.growth.search(vocab.any_alias.sub("", metric)) is not None  # not 自然增长率 itself
    if kind == "rank":
        # 总量列全市第6位, 增长6.0%，总量位居全市第二: the level is ranked, though the phrase left 总量 out
        ranks_growth = growth_named or after_growth and not vocab.new_or_level.search(metric) and not \
            vocab.ranked_level.search(clause)
        if label and ranks_growth and indicator and indicator.type != "rate":
            label += "增速"  # 增长6.2%，居全市第2位: the growth rate is ranked
        scope = rank_scope(surface, clause, vocab) or _framed_scope(sentence, vocab) or _carried_scope(sentence, vocab)
        scope = _unit_of_scope(scope, vocab)
        if vocab.rank_move.search(clause):  # 居全市第3位，较一季度前移2位: how far the rank moved
            return Description(vocab.measures["rank_change"].format(label=label), named_before)
        template = vocab.measures["rank_scoped"] if scope else vocab.measures["rank"]
        return Description(template.format(label=label, scope=scope), named_before)
    if unit in vocab.score_units:
        return Description(vocab.measures["score"].format(label=label or "综合评价"), named_before)
    if indicator is None:
        return Description(None, None)
    if kind == "pp" and indicator.type != "rate" and (growth_named or after_growth or gap):
        label += "增速"  # 增速较一季度提升0.5个百分点: the growth rate changed
    if gap:
        return Description(vocab.measures["gap_scoped"].format(label=label, scope=gap), named_before)
    return Description(vocab.measures[_measure(indicator, kind, metric, clause, vocab)].format(label=label),
                       named_before)


def _unit_of_scope(scope: str, vocab: Vocabulary) -> str:
    """居襄阳市第2位: a scope named by its place is the unit it is (全市)."""
    for pattern, unit in vocab.scope_names:
        if pattern.search(scope):
            return unit
    return scope


def _gap_scope(clause: str, vocab: Vocabulary) -> str:
    """低于全市增速3.4个百分点, 高于全省平均1.2个百分点: the wider unit a figure's gap is to."""
    m = vocab.gap.search(clause)
    return m.group("scope") if m else ""


def _carried_scope(sentence: str, vocab: Vocabulary) -> str:
    """甲区增速居全市第1位，乙区居第2位: a rank that names no scope keeps that of the last rank
    before it in its sentence."""
    found = list(vocab.rank_carried.finditer(sentence))
    return found[-1].group("scope") if found else ""


def _framed_scope(sentence: str, vocab: Vocabulary) -> str:
    """在全省县域经济综合评价中，……位列第3: the scope a sentence's frame sets for its ranks."""
    found = list(vocab.rank_frame.finditer(sentence))
    return found[-1].group("scope") if found else ""


def is_generic(metric: str | None, surface: str = "", clause: str = "") -> bool:
    """Does the metric phrase name nothing of its own (增速, 总数达到, 新增, 位居全国排名)?
    Measure words, rank verbs and the rank's scope are not names."""
    vocab = vocabulary()
    rest = metric or ""
    scope = rank_scope(surface, clause, vocab) if surface else ""
    if scope:
        rest = rest.replace(scope, "")
    for pattern in (vocab.generic, vocab.new_or_level, vocab.growth, vocab.share, vocab.rank_verb):
        rest = pattern.sub("", rest)
    return len(rest) < 2


def _measure(indicator: Indicator, kind: str | None, metric: str, clause: str, vocab: Vocabulary) -> str:
    if kind == "pp":
        shared = vocab.share.search(metric) and indicator.type != "rate"
        return "share_change" if shared else "change"  # 三产占比提高0.1个百分点: the share moved
    if kind == "percent":
        if vocab.share.search(metric) and indicator.type != "rate":
            return "share"
        if indicator.type == "rate" and not vocab.growth.search(vocab.any_alias.sub("", metric)):
            return "level"  # 城镇化率58.6%, 人口自然增长率3.2‰ (增长 is part of its name)
        return "growth"
    if vocab.level_change.search(clause):
        # 常住人口比上年末增加0.3万人, 播种面积比上年减少40公顷: the level moved by the figure
        return "new" if indicator.type == "stock" else "change"
    if indicator.type == "stock":
        said = _says_new(clause, vocab)
        if said is None:
            said = _says_new(metric, vocab)  # the clause may only say 35家; the phrase was inherited
        if said:
            return "new"  # 新增高新技术企业35家; but 新增……，总数达到500家 is the level
    return "level"


def _says_new(text: str, vocab: Vocabulary) -> bool | None:
    """Does the last new-or-level word of text name additions (True), a total (False), or
    does text have none (None)?"""
    words = list(vocab.new_or_level.finditer(text))
    return bool(words[-1].group("new")) if words else None


def _indicator_in(text: str, kind: str | None, vocab: Vocabulary) -> Indicator | None:
    """The indicator a metric phrase is about: its head, the alias ending last (Chinese noun
    phrases end in their head: 重点企业实现产值 is an 产值), the longest of those; before a
    share word only (战略性新兴产业产值占规上工业产值比重 is the first one's share)."""
    share = vocab.share.search(text)
    if share and share.start() == 0:
        return None  # 占生产总值的比重: the share's indicator is the subject named before it
    if share:
        text = text[:share.start()]
    found: list[tuple[int, int, Indicator]] = []  # (start, end, indicator) of every alias that suits
    pos = 0
    while (m := vocab.any_alias.search(text, pos)) is not None:  # the longest alias at every start
        if kind is None or kind in vocab.by_alias[m.group()].kinds:
            found.append((m.start(), m.end(), vocab.by_alias[m.group()]))
        pos = m.start() + 1
    if not found:
        return None
    best = max(found, key=lambda f: (f[1], f[1] - f[0]))
    for start, end, indicator in found:
        # 固定资产投资总额: 投资总额 ends last but only adds a level word to the indicator it overlaps
        if start < best[0] < end < best[1] and text[end:best[1]] in vocab.level_words:
            return indicator
    return best[2]


def _owned_measure(metric: str, vocab: Vocabulary) -> bool:
    """Does the phrase measure something of the bodies a count indicator names (规模以上工业企业|利润,
    新增企业|增加值), so that their number is not what the figure gives?"""
    if vocab.owned_measure.search(metric) is None:
        return False  # the common case, asked of every claim: no alias scan
    last = next(reversed([*vocab.any_alias.finditer(metric)]), None)
    return last is not None and "count" in vocab.by_alias[last.group()].kinds and \
        vocab.owned_measure.search(metric, last.end()) is not None


def _subject_before(text: str, vocab: Vocabulary) -> tuple[Indicator | None, str | None]:
    """The indicator the clauses before a share are about: the nearest clause that names one,
    past clauses that only continue it (同比增长59.5%), but not past one whose subject the
    vocabulary does not know (女性人口22.61万人，占总人口的48.7%: no key rather than a wrong one)."""
    for piece in reversed(vocab.clause_mark.split(text)):
        if vocab.share.match(piece.strip()):
            continue  # 占一般公共预算收入比重为65.2%: a share before names its denominator
        found = _last_indicator_in(piece, None, vocab)
        if found[0] is not None:
            return found
        head = _DIGITS.split(piece, 1)[0]
        if head.strip() and not is_generic(head):
            return None, None
    return None, None


_DIGITS = re.compile(r"[0-9]")
_QUOTES = re.compile("[“”‘’「」『』\"]")


def _last_indicator_in(text: str, kind: str | None, vocab: Vocabulary) -> tuple[Indicator | None, str | None]:
    """The indicator named last in text (the nearest before the figure) that suits its kind,
    and the words that name it."""
    found: tuple[Indicator | None, str | None] = (None, None)
    for m in vocab.any_alias.finditer(text):
        indicator = vocab.by_alias[m.group()]
        if kind is None or kind in indicator.kinds:
            found = (indicator, m.group())
    return found


def rank_scope(surface: str, clause: str, vocab: Vocabulary | None = None) -> str:
    """The unit a rank is read in: written into the rank (全市第6位) or between a standing
    verb and it (位居主城都市区第2名); "" when the text names none."""
    vocab = vocab or vocabulary()
    for head in ORDINAL_HEADS:
        at = surface.find(head)
        if at > 0:
            return surface[:at]
    m = vocab.rank_scope.search(clause.rstrip())
    return m.group("scope") if m else ""
