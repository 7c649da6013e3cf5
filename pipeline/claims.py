"""District claims: which county-level district each figure is asserted for, and what it measures.

The document is read in order, sentence by sentence, keeping the district in scope (the
section's district). For each quantity the nearest evidence wins, strongest first:
a speaker's district for a quote, a district named earlier in the sentence (`sentence`),
a pronoun such as 全区/该区/当地 (`pronoun`), several districts sharing one figure
(`list`), a district named later in the same clause, the section's district (`section`,
also the district of a bulletin or work report as a whole), and a title's district for the
title's figures (`title`). A province or city written before its district (四川省眉山市仁寿县)
is its address, not a subject. Subjects that are not districts (a development zone, the
city, the nation, a company) and property cues (重达, 直径) stop the search: such figures are
not claims. Each claim also gets its sign (a decline is negative), its modality (actual,
target, forecast), its period (the sentence's, else carried from the paragraph or heading)
and its metric. All words are in rules/claims.yaml; how metrics are phrased is in
rules/metrics.yaml, their keys come from rules/indicators.yaml (pipeline/metric_keys.py).

What a figure's attribution looks up (markers, figures, times, clause delimiters, quotes) is
sorted once per document and found by bisection, so the work per figure stays the same
however long the document is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Any

from zhfacts.metric_keys import Description, describe, is_generic, vocabulary
from zhfacts.nlp.analysis import Analysis
from zhfacts.records.build import record_id
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.text.article import Article, Hit
from zhfacts.text.sentences import Paragraph

CLAIMS_RULES = "claims.yaml"
METRIC_RULES = "metrics.yaml"
DISTRICT_LEVELS = ("district", "county")
START = attrgetter("start")
OPEN_QUOTES, CLOSE_QUOTES = "“「『", "”」』"


def _char_class(chars: frozenset[str] | str) -> re.Pattern[str]:
    """A pattern matching any one of the single characters given (none, if none is)."""
    singles = sorted(c for c in chars if len(c) == 1)
    return re.compile("[" + "".join(map(re.escape, singles)) + "]" if singles else "(?!)")


OPEN_QUOTE, CLOSE_QUOTE = _char_class(OPEN_QUOTES), _char_class(CLOSE_QUOTES)


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of the words (none, if there are none)."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


@dataclass(frozen=True)
class WordIndex:
    """Many words looked up in one pass over a text instead of one str.find pass per word."""

    any_word: re.Pattern[str]
    by_first_char: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, words: Iterable[str]) -> WordIndex:
        unique = tuple(dict.fromkeys(w for w in words if w))
        by_first_char: dict[str, tuple[str, ...]] = {}
        for word in unique:
            by_first_char[word[0]] = (*by_first_char.get(word[0], ()), word)
        return cls(_any_of(unique), by_first_char)

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """The starts of each word found in text, left to right (words not found have no
        entry); like repeated str.find, an occurrence that overlaps the word's previous one
        is not counted. The pattern finds where some word starts; every word with that
        first character is tried there, as words may share a start or overlap (该企业, 企业)."""
        found: dict[str, list[int]] = {}
        pos = 0
        while match := self.any_word.search(text, pos):
            pos = match.start()
            for word in self.by_first_char[text[pos]]:
                if text.startswith(word, pos):
                    starts = found.setdefault(word, [])
                    if not starts or pos >= starts[-1] + len(word):
                        starts.append(pos)
            pos += 1
        return found


@dataclass(frozen=True)
class ClaimRules:
    confidence: dict[str, float]
    never_claimed_kinds: frozenset[str]
    clause_delimiters: frozenset[str]
    item_delimiters: frozenset[str]
    pronouns: tuple[tuple[str, str, bool], ...]  # (word, rule id, suffix must match)
    wide_scope_words: tuple[str, ...]
    company_subject_words: tuple[str, ...]
    blocking_org_types: frozenset[str]
    property_cues: re.Pattern[str]  # any of the cues
    not_property_before: tuple[str, ...]  # before a cue, these make it another word (比|重达)
    capacity_words: tuple[str, ...]  # right before a figure: a plant's or project's capacity (年产3万吨)
    speech_verbs: tuple[str, ...]
    company_speaker_words: tuple[str, ...]
    locative_words: tuple[str, ...]
    clause_openers: tuple[str, ...]
    company_frames: tuple[str, ...]
    demonstratives: tuple[str, ...]
    threshold_words: tuple[str, ...]
    level_nouns: tuple[str, ...]
    bound_predicates: tuple[str, ...]  # 增长5%以上的有……: the bound names who passed it
    list_separators: frozenset[str]
    list_all_words: tuple[str, ...]
    list_respective_words: tuple[str, ...]
    list_shared_kinds: frozenset[str]
    list_total_words: tuple[str, ...]
    list_tie_words: tuple[str, ...]  # 并列: one rank held by every district of the list
    list_zone_item: re.Pattern[str]
    decline_before: re.Pattern[str]  # a decline word right before a figure (下降了2.3%)
    modality_cues: re.Pattern[str]  # any modality cue; the group named tells which
    not_cues: re.Pattern[str]  # words that hold a cue but state a fact (计划总投资)
    heading_max_chars: int
    counted_divisions: tuple[str, ...]  # 三个行政区, 五个县: a count of districts is no one's
    not_divisions: tuple[str, ...]  # 区域, 县域: words that only start like one
    division_classifiers: frozenset[str]  # 个: how districts are counted (76名县直单位干部 counts people)
    document_titles: tuple[str, ...]
    document_openings: tuple[str, ...]  # words of a report's first lines (我代表……向大会报告政府工作)
    document_issuers: tuple[str, ...]  # a first line that is only an issuer (某县统计局)
    issuer_date: re.Pattern[str]  # the date an issuer line may end with (某县统计局 2024年3月20日)
    byline_words: tuple[str, ...]
    byline_lines: int
    byline_max_chars: int
    comparison_words: tuple[str, ...]
    clause_stop: re.Pattern[str]  # a clause delimiter
    item_stop: re.Pattern[str]  # an item delimiter that is not a clause delimiter
    marker_words: WordIndex  # pronouns, wide-scope and company subject words, speech verbs


@dataclass(frozen=True)
class MetricRules:
    strip_leading: tuple[str, ...]
    strip_trailing: tuple[str, ...]
    growth_words: dict[str, str]
    growth_order: tuple[str, ...]  # the growth words, longest first
    rank_suffix: str
    noun_stop_words: frozenset[str]
    max_metric_chars: int
    conjunctions: frozenset[str]
    generic_measures: frozenset[str]
    comparison_only: frozenset[str]
    instrumental: tuple[str, ...]
    qualifier_chars: str
    topic: re.Pattern[str]
    run_in_heading: re.Pattern[str]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@rules_cache
def claim_rules() -> ClaimRules:
    d = load_yaml(CLAIMS_RULES)

    def get(key: str) -> Any:
        return require(d, key, CLAIMS_RULES)

    pronouns = tuple((w, p["id"], bool(p["suffix"])) for p in get("pronouns") for w in p["words"])
    clause_delimiters, item_delimiters = frozenset(get("clause_delimiters")), frozenset(get("item_delimiters"))
    return ClaimRules(
        confidence={k: float(v) for k, v in get("confidence").items()},
        never_claimed_kinds=frozenset(get("never_claimed_kinds")),
        clause_delimiters=clause_delimiters,
        item_delimiters=item_delimiters,
        pronouns=tuple(sorted(pronouns, key=lambda p: len(p[0]), reverse=True)),
        wide_scope_words=_longest_first(get("wide_scope_words")),
        company_subject_words=_longest_first(get("company_subject_words")),
        blocking_org_types=frozenset(get("blocking_org_types")),
        property_cues=_any_of(get("property_cues")),
        not_property_before=tuple(get("not_property_before")),
        capacity_words=_longest_first(get("capacity_words")),
        speech_verbs=_longest_first(get("speech_verbs")),
        company_speaker_words=tuple(get("company_speaker_words")),
        locative_words=_longest_first(get("locative_words")),
        clause_openers=_longest_first(get("clause_openers")),
        company_frames=_longest_first(get("company_frames")),
        demonstratives=_longest_first(get("demonstratives")),
        threshold_words=tuple(get("threshold_words")),
        level_nouns=tuple(get("level_nouns")),
        bound_predicates=_longest_first(get("bound_predicates")),
        list_separators=frozenset(get("list_separators")),
        list_all_words=tuple(get("list_all_words")),
        list_respective_words=tuple(get("list_respective_words")),
        list_shared_kinds=frozenset(get("list_shared_kinds")),
        list_total_words=tuple(get("list_total_words")),
        list_tie_words=tuple(get("list_tie_words")),
        list_zone_item=re.compile(get("list_zone_item")),
        decline_before=re.compile(f"(?:{_any_of(get('decline_words')).pattern})[{re.escape(get('decline_gap_chars'))}]*$"),
        modality_cues=_modality_pattern(get("modality")),
        not_cues=_any_of(get("modality")["not_cues"]),
        heading_max_chars=int(get("heading_max_chars")),
        counted_divisions=_longest_first(get("counted_divisions")),
        not_divisions=tuple(get("not_divisions")),
        division_classifiers=frozenset(get("division_classifiers")),
        document_titles=tuple(get("document_titles")),
        document_openings=tuple(get("document_openings")),
        document_issuers=tuple(get("document_issuers")),
        issuer_date=re.compile(get("issuer_date")),
        byline_words=tuple(get("byline_words")),
        byline_lines=int(get("byline_lines")),
        byline_max_chars=int(get("byline_max_chars")),
        comparison_words=_longest_first(get("comparison_words")),
        clause_stop=_char_class(clause_delimiters),
        item_stop=_char_class(item_delimiters - clause_delimiters),
        marker_words=WordIndex.of([*(w for w, _, _ in pronouns), *get("wide_scope_words"),
                                   *get("company_subject_words"), *get("speech_verbs")]),
    )


def _modality_pattern(rules: dict[str, Any]) -> re.Pattern[str]:
    """One pattern for every modality cue, a named group per modality (target, forecast,
    actual); longer words first so that 预期目标 is read before 预期."""
    groups = []
    for name in ("target", "forecast", "actual"):
        words = [re.escape(w) for w in _longest_first(list(rules[name]))]
        if name == "target":
            words = list(rules.get("target_patterns", [])) + words
        groups.append(f"(?P<{name}>{'|'.join(words) or '(?!)'})")
    return re.compile("|".join(groups))


@rules_cache
def metric_rules() -> MetricRules:
    d = load_yaml(METRIC_RULES)

    def get(key: str) -> Any:
        return require(d, key, METRIC_RULES)

    return MetricRules(
        strip_leading=_longest_first(get("strip_leading")),
        strip_trailing=_longest_first(get("strip_trailing")),
        growth_words=dict(get("growth_words")),
        growth_order=_longest_first(list(get("growth_words"))),
        rank_suffix=get("rank_suffix"),
        noun_stop_words=frozenset(get("noun_stop_words")),
        max_metric_chars=int(get("max_metric_chars")),
        conjunctions=frozenset(get("conjunctions")),
        generic_measures=frozenset(get("generic_measures")),
        comparison_only=frozenset(get("comparison_only")),
        instrumental=tuple(get("instrumental")),
        qualifier_chars=get("qualifier_chars"),
        topic=re.compile(get("topic_pattern")),
        run_in_heading=re.compile(get("run_in_heading")),
    )


# -- markers: what the text says a figure is about ------------------------------------------
@dataclass(slots=True)  # not frozen: a document makes thousands, and frozen __init__ is 5x slower
class Marker:
    """A span that tells whose figure follows: a district, a pronoun for the district in
    scope, or a blocker (zone, city, nation, company) in subject position. Never changed
    once made."""

    start: int
    end: int
    kind: str  # district | pronoun | zone | wide | company
    rule: str
    district: Hit | None = None
    pronoun_suffix: str | None = None  # last char a pronoun requires of its district
    name: str | None = None  # a place's canonical name (合肥 -> 合肥市)


@dataclass
class Scope:
    """The district a section is about, and the zone or city that has become the subject
    since (their figures are nobody's district claim; a pronoun 全区 may mean them)."""

    district: Hit | None = None
    blocker: str | None = None  # the last character of the zone or city that is the subject
    blocked_at: int = -1  # where that subject was named


@dataclass
class Attribution:
    districts: list[Hit]
    how: str
    rule: str
    speaker: str | None = None


@dataclass
class Context:
    """One document as find_claims reads it. Everything looked up per figure or marker is
    kept here as positions sorted once per document and searched by bisection, so that the
    work per figure does not grow with the document's length."""

    doc: Analysis
    article: Article
    rules: ClaimRules
    text: str = ""  # the repaired text
    places: list[Hit] = field(default_factory=list)
    organizations: list[Hit] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    marker_starts: list[int] = field(default_factory=list)
    quantities: list[Hit] = field(default_factory=list)  # sorted by start
    quantity_starts: list[int] = field(default_factory=list)
    times: list[Hit] = field(default_factory=list)  # in the Doc's order
    time_order: list[int] = field(default_factory=list)  # indices into times, sorted by start
    time_starts: list[int] = field(default_factory=list)  # the starts of time_order
    paragraph_at: dict[int, Paragraph] = field(default_factory=dict)  # by start
    ranks: list[Hit] = field(default_factory=list)  # rank figures (全市第八)
    subjects: dict[tuple[int, str, int], bool] = field(default_factory=dict)  # in_subject_position's answers
    rank_units: dict[str, bool] = field(default_factory=dict)  # pronoun -> does a rank figure name it

    @cached_property
    def document_district(self) -> Hit | None:
        """The one district a report is about, if any (only pronouns ask)."""
        return document_district(self)

    @cached_property
    def title(self) -> tuple[int, int]:
        """The title: the page's first line, in repaired offsets (repair may have joined it to
        the lines after it)."""
        raw = self.article.raw
        first = len(raw) - len(raw.lstrip())
        line_end = raw.find("\n", first)
        line_end = len(raw) if line_end == -1 else line_end
        end = bisect_left(self.article.offsets, line_end)
        para = self.article.paragraphs[0] if self.article.paragraphs else None
        start = para.start if para else 0
        return start, min(end, para.end) if para else end

    @cached_property
    def document_subject(self) -> Hit | None:
        """The district a bulletin or work report is about (its figures' default subject)."""
        return document_subject(self)

    @cached_property
    def heading_periods(self) -> list[str | None]:
        return heading_periods(self)

    @cached_property
    def head_and_foot(self) -> tuple[int, int]:
        """Where the page's first lines end and its last lines start, in repaired offsets
        (bylines, source and issuer lines are there)."""
        raw, n = self.article.raw, self.rules.byline_lines
        lines = raw.splitlines(keepends=True)
        head_raw = sum(len(line) for line in lines[:n])
        foot_raw = len(raw) - sum(len(line) for line in lines[-n:]) if len(lines) > n else len(raw)
        offsets = self.article.offsets
        return bisect_left(offsets, head_raw), bisect_left(offsets, max(foot_raw, head_raw))

    @cached_property
    def clause_stops(self) -> list[int]:
        """Where the clause delimiters are."""
        return _positions(self.rules.clause_stop, self.text)

    @cached_property
    def item_stops(self) -> list[int]:
        """Where the item delimiters that do not end a clause are."""
        return _positions(self.rules.item_stop, self.text)

    @cached_property
    def open_quotes(self) -> list[int]:
        return _positions(OPEN_QUOTE, self.text)

    @cached_property
    def close_quotes(self) -> list[int]:
        return _positions(CLOSE_QUOTE, self.text)


def document_context(doc: Analysis) -> Context:
    """The document's Context: the hits of the earlier stages, markers collected, the figures
    and times sorted by start."""
    article = doc.article
    ctx = Context(doc, article, claim_rules(), article.text, doc.found("places"), doc.found("organizations"))
    found = doc.found("quantities")
    ctx.quantities = sorted(found, key=START)
    ctx.quantity_starts = [q.start for q in ctx.quantities]
    ctx.ranks = [q for q in found if q.get("kind") == "rank"]
    ctx.times = doc.found("times")
    time_starts = [t.start for t in ctx.times]
    ctx.time_order = sorted(range(len(ctx.times)), key=time_starts.__getitem__)
    ctx.time_starts = [time_starts[i] for i in ctx.time_order]
    ctx.paragraph_at = {p.start: p for p in article.paragraphs}  # the last, as Article.paragraph_index
    ctx.markers = collect_markers(ctx)
    ctx.marker_starts = [m.start for m in ctx.markers]
    return ctx


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _last_in(positions: list[int], start: int, end: int) -> int:
    """The last of the sorted positions in [start, end), or -1."""
    i = bisect_left(positions, end) - 1
    return positions[i] if i >= 0 and positions[i] >= start else -1


def _first_in(positions: list[int], start: int, end: int) -> int:
    """The first of the sorted positions in [start, end), or -1."""
    i = bisect_left(positions, start)
    return positions[i] if i < len(positions) and positions[i] < end else -1


def times_within(ctx: Context, start: int, end: int) -> list[int]:
    """Indices (into ctx.times) of the times inside [start, end), in order of start (ties
    in the Doc's order)."""
    if not ctx.times:
        return []
    lo = bisect_left(ctx.time_starts, start)
    hi = bisect_right(ctx.time_starts, end, lo)
    return [i for i in ctx.time_order[lo:hi] if ctx.times[i].end <= end]


def markers_in(ctx: Context, start: int, end: int) -> list[Marker]:
    """Markers that lie within [start, end), found by bisection on the sorted starts."""
    lo = bisect_left(ctx.marker_starts, start)
    hi = bisect_left(ctx.marker_starts, end, lo)
    return [m for m in ctx.markers[lo:hi] if m.end <= end] if lo < hi else []


def is_district(hit: Hit) -> bool:
    return hit.get("level") in DISTRICT_LEVELS


def find_claims(doc: Analysis) -> list[Hit]:
    """Claims for every quantity of the document asserted about a county-level district."""
    ctx = document_context(doc)
    if not any(m.kind == "district" for m in ctx.markers):
        return []  # every claim is some district marker's: named, in scope or the document's
    article, quantities = ctx.article, ctx.quantities
    claims: list[Hit] = []
    scope = Scope()
    q_index = 0
    for s_index, (s_start, s_end) in enumerate(article.sentences):
        para = ctx.paragraph_at.get(s_start)  # only a sentence that starts a paragraph can open a section
        if para is not None and _opens_section(ctx, s_index, para):
            scope = heading_scope(ctx, s_index)
        in_sentence = []
        while q_index < len(quantities) and quantities[q_index].start < s_end:
            if quantities[q_index].start >= s_start:
                in_sentence.append(quantities[q_index])
            q_index += 1
        for quantity in in_sentence:
            attribution = attribute(ctx, quantity, (s_start, s_end), scope, in_sentence)
            if attribution:
                claims.extend(make_claims(ctx, quantity, attribution, (s_start, s_end)))
        scope = advance_scope(ctx, scope, s_start, s_end)
    return distinct_rank_keys(claims)


def distinct_rank_keys(claims: list[Hit]) -> list[Hit]:
    """Two ranks of one district in one sentence never share a key: when the vocabulary
    gives them the same one (two indices it does not know), each key takes its own metric."""
    by_key: dict[tuple[int, str, str], list[int]] = {}
    for i, claim in enumerate(claims):
        if claim.get("unit") == "rank" and claim.get("metric_key"):
            by_key.setdefault((claim.get("sentence_start"), claim.get("district"), claim.get("metric_key")),
                              []).append(i)
    for indices in by_key.values():
        if len(indices) > 1 and len({claims[i].get("metric") for i in indices}) == len(indices):
            for i in indices:
                claim = claims[i]
                key = f"{claim.get('metric_key')}·{claim.get('metric')}"
                claims[i] = Hit(claim.start, claim.end, claim.rule, {**claim.fields, "metric_key": key})
    return claims


def document_district(ctx: Context) -> Hit | None:
    """The district a whole document is about: the only district its title names, else the
    only one its byline or source line names (大足网讯, 来源：某县人民政府, 某区统计局), else
    the only district it names at all (a county's work report says 全县 after its title)."""
    districts = [m for m in ctx.markers if m.kind == "district"]
    if not districts:
        return None
    in_title = {m.district.get("canonical"): m.district for m in districts if m.end <= ctx.title[1]}
    in_byline = {m.district.get("canonical"): m.district for m in districts if _in_byline(ctx, m)}
    named = {m.district.get("canonical"): m.district for m in districts}
    for candidates in (in_title, in_byline, named):
        if len(candidates) == 1:
            return next(iter(candidates.values()))
    return None


def _in_byline(ctx: Context, marker: Marker) -> bool:
    """Is the district named in a byline, source or issuer line at the head or foot of the
    page (大足网讯（记者 某某）, 来源：某县融媒体中心, 某区统计局 2024年3月20日)?"""
    head_end, foot_start = ctx.head_and_foot
    if head_end <= marker.start < foot_start:
        return False
    text, words, limit = ctx.text, ctx.rules.byline_words, ctx.rules.byline_max_chars
    if text.startswith(words, marker.end):
        return True  # the district run into the byline word: 大足网讯, 荣昌区融媒体中心
    line_start = text.rfind("\n", max(0, marker.start - limit), marker.start) + 1
    line_end = text.find("\n", marker.end, marker.end + limit + 1)
    if (line_start == 0 and marker.start > limit) or (line_end == -1 and marker.end + limit < len(text)):
        return False  # a line longer than a byline
    line = text[line_start:len(text) if line_end == -1 else line_end]
    after = marker.end - line_start  # 来源：某县融媒体中心, 某区统计局 2024年3月20日: the word after it
    return len(line) <= limit and (line.startswith(words) or any(line.find(w, after) != -1 for w in words))


def document_subject(ctx: Context) -> Hit | None:
    """The district every figure of the document is about unless a sentence says otherwise:
    that of a district's statistical bulletin, work report or economic-operation report
    (the title says which kind of document it is)."""
    start, end = ctx.title
    if not (any(w in ctx.text[start:end] for w in ctx.rules.document_titles) or _opens_as_report(ctx)):
        return None
    return ctx.document_district


def _opens_as_report(ctx: Context) -> bool:
    """A page whose title was lost: its first lines still say what it is, by a report's
    opening words (我代表某县人民政府，向大会报告政府工作) or by a line that is nothing but
    its issuer (某县统计局, as a bulletin opens)."""
    rules = ctx.rules
    head = ctx.text[:ctx.head_and_foot[0]]
    if any(w in head for w in rules.document_openings):
        return True
    lines = (rules.issuer_date.sub("", line).strip() for line in head.splitlines())
    return any(len(line) <= rules.byline_max_chars and line.endswith(rules.document_issuers) for line in lines)


def heading_scope(ctx: Context, s_index: int) -> Scope:
    """The scope a section opens with: the district its heading names (西安市雁塔区⏎排在榜单
    第二位), else none. The document's title is no section heading: its district is found
    through the document's district."""
    if s_index < 2:
        return Scope()
    prev_start, prev_end = ctx.article.sentences[s_index - 1]
    if not _is_heading_sentence(ctx, prev_start, prev_end):
        return Scope()
    return advance_scope(ctx, Scope(), prev_start, prev_end)


def _is_heading_sentence(ctx: Context, start: int, end: int) -> bool:
    para = ctx.paragraph_at.get(start)
    return para is not None and para.end == end and not any(c in "，。；" for c in ctx.text[start:end])


def _opens_section(ctx: Context, s_index: int, para: Paragraph) -> bool:
    """A sentence that starts a paragraph (para) opens a section if the paragraph is
    indented or the sentence follows a heading."""
    if para.indented:
        return True
    if s_index == 0:
        return True
    prev_start, prev_end = ctx.article.sentences[s_index - 1]
    prev_para = ctx.paragraph_at.get(prev_start)
    is_heading = prev_para is not None and prev_para.end == prev_end and not any(
        c in "，。；" for c in ctx.text[prev_start:prev_end])
    return is_heading


def collect_markers(ctx: Context) -> list[Marker]:
    """Districts, zones, cities, pronouns, wide-scope words and company subjects, in order."""
    text, rules = ctx.text, ctx.rules
    found = rules.marker_words.occurrences(text)
    markers: list[Marker] = []
    prefixes = address_prefixes(ctx.places, text)
    zone_districts = districts_named_with_zones(ctx.places, text)
    inside_zone_names = {district.start for district, _ in zone_districts.values()}
    for place in ctx.places:
        level = place.get("level")
        if place.start in prefixes or place.start in inside_zone_names:
            continue  # 四川省眉山市仁寿县: the province and city only address the county
        if level in DISTRICT_LEVELS:  # is_district(place)
            # the marker takes in its address (成都武侯区和西安雁塔区 is a list of two subjects)
            start = _address_start(place.start, prefixes)
            markers.append(Marker(start, place.end, "district", "claims.sentence.district", place))
        elif place.start in zone_districts:  # 杭州高新区(滨江): the zone is run as the district
            district, end = zone_districts[place.start]
            markers.append(Marker(place.start, end, "district", "claims.sentence.district", district))
        elif level == "zone":
            markers.append(Marker(place.start, place.end, "zone", "claims.block.zone", name=place.get("canonical")))
        elif level in ("city", "province"):
            markers.append(Marker(place.start, place.end, "wide", "claims.block.city", name=place.get("canonical")))
    for org in ctx.organizations:
        if org.get("type") in rules.blocking_org_types:
            markers.append(Marker(org.start, org.end, "company", "claims.block.company"))
    for word, rule_id, needs_suffix in rules.pronouns:
        for start in found.get(word, ()):
            markers.append(Marker(start, start + len(word), "pronoun", rule_id,
                                  pronoun_suffix=word[-1] if needs_suffix else None))
    for word in rules.wide_scope_words:
        for start in found.get(word, ()):
            markers.append(Marker(start, start + len(word), "wide", "claims.block.wide_scope"))
    for word in rules.company_subject_words:
        for start in found.get(word, ()):
            markers.append(Marker(start, start + len(word), "company", "claims.block.company_subject"))
    markers.extend(company_speaker_markers(ctx, found))
    in_figure = bytearray(len(text) + 1)
    for q in ctx.quantities:
        in_figure[q.start:q.end] = b"\x01" * (q.end - q.start)
    markers = [m for m in markers if not (in_figure[m.start] and in_figure[m.end - 1])]
    return _drop_nested(markers)


def address_prefixes(places: list[Hit], text: str) -> dict[int, int]:
    """The provinces and cities written right before a place of theirs, as an address
    (成都市双流区, 浙江省安吉县, 四川省眉山市仁寿县): they are no wide-scope subject. Maps each
    such prefix's start to the start of the place it addresses."""
    ordered = sorted(places, key=START)
    prefixes: dict[int, int] = {}
    for i in range(len(ordered) - 2, -1, -1):
        place, after = ordered[i], ordered[i + 1]
        if place.get("level") not in ("province", "city"):
            continue
        adjacent = not text[place.end:after.start].strip()
        if adjacent and (is_district(after) or after.start in prefixes) and _inside(after, place):
            prefixes[place.start] = after.start
    return prefixes


def _address_start(start: int, prefixes: dict[int, int]) -> int:
    """Where the address of a district starting at start begins (四川省 of 四川省眉山市仁寿县)."""
    addressed_by = {target: prefix for prefix, target in prefixes.items()}
    while start in addressed_by:
        start = addressed_by[start]
    return start


ZONE_DISTRICT = re.compile(r"\s*[（(]\s*$")


def districts_named_with_zones(places: list[Hit], text: str) -> dict[int, tuple[Hit, int]]:
    """杭州高新区(滨江), 西部科学城(璧山区): a zone written with the district that runs it in
    brackets right after it. Maps the zone's start to the district and the bracket's end."""
    ordered = sorted(places, key=START)
    found: dict[int, tuple[Hit, int]] = {}
    for zone, district in zip(ordered, ordered[1:], strict=False):
        if zone.get("level") != "zone" or not is_district(district):
            continue
        close = re.match(r"\s*[)）]", text[district.end:district.end + 3])
        if ZONE_DISTRICT.match(text[zone.end:district.start]) and close:
            found[zone.start] = (district, district.end + close.end())
    return found


def _inside(place: Hit, region: Hit) -> bool:
    """Is the place within the region (by the place's parent, province or adcode prefix)?"""
    name = region.get("canonical")
    if name in (place.get("parent"), place.get("province")):
        return True
    code, region_code = str(place.get("adcode") or ""), str(region.get("adcode") or "")
    level_digits = 2 if region.get("level") == "province" else 4
    return bool(code and region_code) and code[:level_digits] == region_code[:level_digits]


def company_speaker_markers(ctx: Context, found: dict[str, list[int]]) -> list[Marker]:
    """Speaker phrases without a district whose speaker is a company's (公司负责人表示，...);
    found: where each speech verb occurs."""
    text, rules = ctx.text, ctx.rules
    if not any(verb in found for verb in rules.speech_verbs):
        return []
    districts = sorted((p.start, p.end) for p in ctx.places if is_district(p))
    district_starts = [s for s, _ in districts]
    markers = []
    for verb in rules.speech_verbs:
        for pos in found.get(verb, ()):
            end = pos + len(verb)
            if end < len(text) and text[end] not in rules.clause_delimiters and text[end] not in CLOSE_QUOTES:
                continue
            start = clause_start(ctx, pos, 0)
            phrase = text[start:pos]
            named = districts[bisect_left(district_starts, start):bisect_left(district_starts, pos)]
            if any(w in phrase for w in rules.company_speaker_words) and not any(e <= pos for _, e in named):
                markers.append(Marker(start, end, "company", "claims.block.company_speaker"))
    return markers


NESTING_PRIORITY = {"district": 0, "pronoun": 1, "zone": 2, "wide": 3, "company": 4}


def _drop_nested(markers: list[Marker]) -> list[Marker]:
    """Keep the longest of overlapping markers (重庆高新区 over 重庆, 该公司 over 公司), but
    keep a district inside an organization: 江津区委组织部 names 江津区."""
    markers.sort(key=lambda m: (m.start, m.start - m.end, NESTING_PRIORITY[m.kind]))
    kept: list[Marker] = []
    for m in markers:
        if kept and m.start < kept[-1].end:
            inner_district = m.kind == "district" and kept[-1].kind == "company"
            if not inner_district:
                continue
        kept.append(m)
    return sorted(kept, key=attrgetter("start", "end"))


# -- attribution --------------------------------------------------------------------------
def clause_start(ctx: Context, pos: int, floor: int, items: bool = False) -> int:
    """Start of the clause holding pos (of the list item too, with items=True): just after
    the last delimiter before pos, but not before floor."""
    if pos <= floor:
        return pos
    stop = _last_in(ctx.clause_stops, floor, pos)
    if items:
        stop = max(stop, _last_in(ctx.item_stops, floor, pos))
    return floor if stop == -1 else stop + 1


def clause_end(ctx: Context, pos: int, ceiling: int) -> int:
    """The first clause delimiter from pos on, or ceiling."""
    if pos >= ceiling:
        return pos
    stop = _first_in(ctx.clause_stops, pos, ceiling)
    return ceiling if stop == -1 else stop


def in_subject_position(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """Does the marker open its clause (after openers and time words), as a subject does?
    Every figure after the marker asks again: the answer is kept per marker and sentence."""
    key = (marker.start, marker.kind, sentence_start)
    answer = ctx.subjects.get(key)
    if answer is None:
        answer = ctx.subjects[key] = _opens_clause(ctx, marker, sentence_start)
    return answer


def _opens_clause(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    start = clause_start(ctx, marker.start, sentence_start)
    prefix = ctx.text[start:marker.start]
    for i in sorted(times_within(ctx, start, marker.start)):  # in the Doc's order
        time = ctx.times[i]
        prefix = prefix.replace(ctx.text[time.start:time.end], "")
    prefix = prefix.strip().lstrip("“‘「（(")
    if not prefix:
        return True  # the marker opens its clause
    if marker.kind == "company":
        frame = _first_prefix(prefix, ctx.rules.company_frames)
        if frame:
            prefix = prefix[len(frame):]  # 走进重庆某公司展厅，…: what follows is the company's
    if prefix.startswith("位于") and "的" in prefix:
        prefix = prefix[prefix.rindex("的") + 1:]  # 位于鄞州区的宁波某公司: a modifier, not a subject
    if marker.kind == "company" and (prefix.endswith("的") or prefix.startswith(ctx.rules.demonstratives)):
        return True  # 3月份签约的某科技有限公司…, 这家为车企配套的零部件企业…: a modified company subject
    while prefix and (opener := _first_prefix(prefix, ctx.rules.clause_openers)):
        prefix = prefix[len(opener):].lstrip()
    return not prefix


def _first_prefix(text: str, words: tuple[str, ...]) -> str | None:
    """The first of words that text starts with (one C-level test rules out most texts)."""
    if text.startswith(words):
        for word in words:
            if text.startswith(word):
                return word
    return None


def _first_suffix(text: str, words: tuple[str, ...]) -> str | None:
    """The first of words that text ends with."""
    if text.endswith(words):
        for word in words:
            if text.endswith(word):
                return word
    return None


def has_property_cue(ctx: Context, quantity: Hit, sentence_start: int) -> bool:
    if ctx.text.endswith(ctx.rules.capacity_words, max(sentence_start, quantity.start - 8), quantity.start):
        return True  # 宏优年产3万吨金属制品项目, 年水泥产能3.7亿吨: what a plant can make
    start = clause_start(ctx, quantity.start, sentence_start)
    for cue in ctx.rules.property_cues.finditer(ctx.text, start, quantity.start):
        if not ctx.text.endswith(ctx.rules.not_property_before, start, cue.start()):
            return True  # 重达3吨; but 比重达45% is a share
    return False


def attribute(ctx: Context, quantity: Hit, sentence: tuple[int, int], scope: Scope,
              in_sentence: list[Hit]) -> Attribution | None:
    """Whose figure is this? None when it is not a district's claim."""
    if quantity.get("kind") in ctx.rules.never_claimed_kinds or has_property_cue(ctx, quantity, sentence[0]):
        return None
    if is_threshold(ctx, quantity) or counts_divisions(ctx, quantity) or wide_aside(ctx, quantity, sentence):
        return None
    quote_speaker = speaker_of_quote(ctx, quantity)
    if quote_speaker is not None:
        return quote_speaker or None
    found = attribute_in_sentence(ctx, quantity, sentence, scope, in_sentence)
    if found is not None:
        return found or None
    later = district_later_in_clause(ctx, quantity, sentence)
    if later:
        listed = [m for m in district_list(ctx, later, sentence) if m.kind == "district"]
        if len(listed) > 1 and listed[0] is later and (
                quantity.get("kind") in ctx.rules.list_shared_kinds or shared_rank(ctx, quantity, "")):
            # 增速超过6%的有甲、乙、丙3个区; 排名前3位的是甲、乙和丙: a rate or top N each one's
            return Attribution([m.district for m in listed], "list", "claims.list.shared")
        return Attribution([later.district], "sentence", "claims.sentence.after")
    if scope.district is not None and scope.blocker is None:
        return Attribution([scope.district], "section", "claims.section")
    headline = headline_attribution(ctx, quantity)
    blocked = scope.blocker is not None and scope.blocked_at >= ctx.article.paragraphs[
        ctx.article.paragraph_index(quantity.start)].start  # 全市…… blocks to its paragraph's end
    if headline is None and not blocked and ctx.document_subject is not None:
        return Attribution([ctx.document_subject], "section", "claims.document")  # 统计公报: 全年实现……
    return headline


def headline_attribution(ctx: Context, quantity: Hit) -> Attribution | None:
    """总投资274亿元 某某科学城璧山片区21个项目集中开工: a figure of the title is a claim of the
    one district the title names, wherever the figure stands in it."""
    start, end = ctx.title
    if quantity.end > end or any(c in "，。；" for c in ctx.text[start:end]):
        return None
    named = {m.district.get("canonical"): m.district for m in markers_in(ctx, start, end) if m.kind == "district"}
    if len(named) != 1:
        return None
    return Attribution(list(named.values()), "title", "claims.title")


def wide_aside(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """占全市GDP（16297.6亿元）比重超四分之一: a figure in brackets right after a phrase about
    the whole city or province is that unit's, whoever the sentence is about."""
    lead = ctx.text[max(sentence[0], quantity.start - 4):quantity.start].rstrip()
    if not lead.endswith(("（", "(")):
        return False
    bracket = quantity.start - (len(ctx.text[max(sentence[0], quantity.start - 4):quantity.start]) - len(lead)) - 1
    start = clause_start(ctx, bracket, sentence[0])
    return any(m.kind == "wide" or (m.kind == "pronoun" and ctx.text[m.start:m.end] in ctx.rules.wide_scope_words
                                    and not resolve_pronoun(ctx, m, Scope()))  # 全市 of a county-level city is its own
               for m in markers_in(ctx, start, bracket))


def counts_divisions(ctx: Context, quantity: Hit) -> bool:
    """三个行政区分别实现……, 以上五个县(区): a count of districts is a fact about the list,
    never one district's figure."""
    text, rules = ctx.text, ctx.rules
    return (quantity.get("unit") in rules.division_classifiers
            and text.startswith(rules.counted_divisions, quantity.end)
            and not text.startswith(rules.not_divisions, quantity.end))


def is_threshold(ctx: Context, quantity: Hit) -> bool:
    """10亿元以上项目11个, 超10亿元的项目: a bound in a category's name, not a figure of its own."""
    text = ctx.text
    surface = text[quantity.start:quantity.end].rstrip()
    bound = surface.endswith(ctx.rules.threshold_words) or (
        quantity.get("kind") == "money" and quantity.get("approx") == "lower")  # 超10亿元的项目
    if not bound:
        return False
    follows = text[quantity.end:quantity.end + 1]
    ends_clause = not follows or follows.isspace() or follows in ctx.rules.clause_delimiters
    return not ends_clause and not text.startswith(ctx.rules.level_nouns + ctx.rules.bound_predicates, quantity.end)


def attribute_in_sentence(ctx: Context, quantity: Hit, sentence: tuple[int, int], scope: Scope,
                          in_sentence: list[Hit]) -> Attribution | bool | None:
    """Walk back from the figure to the sentence start. The nearest subject decides: a
    district or pronoun attributes, a zone, city, nation or company blocks (False). With
    no subject, the nearest district named in another role (在万州区) attributes; None
    when the sentence says nothing."""
    before = markers_in(ctx, sentence[0], quantity.start)
    fallback: Marker | None = None
    for marker in reversed(before):
        if marker.kind == "district":
            if in_subject_position(ctx, marker, sentence[0]):
                return district_attribution(ctx, marker, quantity, sentence, in_sentence)
            fallback = fallback or marker
        elif marker.kind == "pronoun":
            resolved = resolve_pronoun(ctx, marker, advance_scope(ctx, scope, sentence[0], marker.start))
            if resolved:
                return pronoun_attribution(ctx, marker, resolved, sentence)
            if resolved is False and in_subject_position(ctx, marker, sentence[0]):
                return False
        elif marker.rule == "claims.block.company_speaker" or in_subject_position(ctx, marker, sentence[0]):
            return False
    if fallback is not None:
        return district_attribution(ctx, fallback, quantity, sentence, in_sentence)
    return None


def pronoun_attribution(ctx: Context, marker: Marker, district: Hit, sentence: tuple[int, int]) -> Attribution:
    """A pronoun after a district official's words (崇州市科技局副局长王芳介绍，全市……) is the
    speaker's claim; otherwise the pronoun's."""
    named = [m for m in markers_in(ctx, sentence[0], marker.start) if m.kind == "district"
             and m.district is district]
    speaker = speaker_phrase(ctx, named[-1], sentence) if named else None
    if speaker:
        return Attribution([district], "speaker", "claims.speaker.district", speaker)
    return Attribution([district], "pronoun", marker.rule)


def resolve_pronoun(ctx: Context, marker: Marker, scope: Scope) -> Hit | bool | None:
    """The district a pronoun refers to. False when it means something else: the zone or
    city that is the current subject (全区 after 高新区), or the whole city (全市 in a
    district's section). None when it says nothing here."""
    word = ctx.text[marker.start:marker.end]
    widens = word in ctx.rules.wide_scope_words
    suffix = marker.pronoun_suffix
    if scope.blocker is not None and (suffix is None or scope.blocker == suffix):
        return False
    if widens and _ranks_within(ctx, word):
        return False  # 居全市第一: 全市 is the unit its districts are ranked in
    # 全市 means a county-level city only in a document about that city; elsewhere the city
    district = ctx.document_district if widens or scope.district is None else scope.district
    if district is None:
        return False if widens else None
    if suffix and not district.get("canonical", "").endswith(suffix):
        return False if widens else None
    return district


def _ranks_within(ctx: Context, word: str) -> bool:
    """Does a rank figure of the document name the word (居全市第一)? Kept per word."""
    if word not in ctx.rank_units:
        ctx.rank_units[word] = any(word in ctx.text[q.start:q.end] for q in ctx.ranks)
    return ctx.rank_units[word]


def district_attribution(ctx: Context, marker: Marker, quantity: Hit, sentence: tuple[int, int],
                         in_sentence: list[Hit]) -> Attribution:
    speaker = speaker_phrase(ctx, marker, sentence)
    listed = district_list(ctx, marker, sentence)
    if len(listed) > 1:
        between = ctx.text[listed[-1].end:quantity.start]
        joined = joined_figures(ctx, quantity, in_sentence)
        if any(w in between for w in ctx.rules.list_respective_words) or len(joined) == len(listed):
            found = respective(ctx, listed, quantity, joined)
            if found:
                return found
        if any(w in between for w in ctx.rules.list_total_words):
            return Attribution([], "list", "claims.list.total")  # 三县合计实现……: the list's total, no one's
        shared_rate = (quantity.get("kind") in ctx.rules.list_shared_kinds or shared_rank(ctx, quantity, between)
                       ) and in_subject_position(ctx, listed[0], sentence[0])  # 甲区和乙区增速超过7%: each one's
        if (any(w in between for w in ctx.rules.list_all_words) or shared_rate) and len(joined) == 1:
            return Attribution([m.district for m in listed if m.kind == "district"], "list", "claims.list.shared")
    if speaker:
        return Attribution([marker.district], "speaker", "claims.speaker.district", speaker)
    return Attribution([marker.district], "sentence", marker.rule)


def shared_rank(ctx: Context, quantity: Hit, between: str) -> bool:
    """甲、乙和丙增速位列全市前3位; 甲区和乙区并列全市第一: a top-N rank, or a rank the list
    ties for, is each listed district's."""
    if quantity.get("kind") != "rank":
        return False
    return quantity.get("approx") == "upper" or any(w in between for w in ctx.rules.list_tie_words)


def district_list(ctx: Context, marker: Marker, sentence: tuple[int, int]) -> list[Marker]:
    """The run of district markers joined only by list separators (甲区、乙区和丙区)."""
    districts = [m for m in markers_in(ctx, sentence[0], sentence[1]) if m.kind in ("district", "zone")]
    i = districts.index(marker)
    first = last = i
    while first > 0 and _joined_by_separators(ctx, districts[first - 1], districts[first]):
        first -= 1
    while last + 1 < len(districts) and _joined_by_separators(ctx, districts[last], districts[last + 1]):
        last += 1
    return districts[first:last + 1]


PARENTHETICAL = re.compile(r"^\s*[（(][^（()）]{0,12}[)）]")


def _joined_by_separators(ctx: Context, a: Marker, b: Marker) -> bool:
    """Two list items: only separators between them, after a note on the first (綦江(不含万盛)、),
    or around a development zone named in the list (南川、万盛经开区、璧山)."""
    gap = PARENTHETICAL.sub("", ctx.text[a.end:b.start])
    gap = ctx.rules.list_zone_item.sub("", gap)
    return bool(gap) and all(c in ctx.rules.list_separators for c in gap)


def respective(ctx: Context, listed: list[Marker], quantity: Hit, in_sentence: list[Hit]) -> Attribution | None:
    """甲区、乙区增速分别为7.1%和6.5%: the n-th figure of the clause is the n-th district's."""
    sentence_end = max(q.end for q in in_sentence)
    end = clause_end(ctx, quantity.end, sentence_end)
    start = clause_start(ctx, quantity.start, listed[-1].end)
    group = [q for q in in_sentence if start <= q.start and q.end <= end and q.start >= listed[-1].end]
    if len(group) != len(listed):
        return None
    item = listed[group.index(quantity)]
    return Attribution([item.district] if item.kind == "district" else [], "list", "claims.list.respective")


def joined_figures(ctx: Context, quantity: Hit, in_sentence: list[Hit]) -> list[Hit]:
    """The figures joined to this one by 和/、/及 only (居全市第一和第二)."""
    group = [quantity]
    ordered = sorted(in_sentence, key=lambda q: q.start)
    i = ordered.index(quantity)
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(ordered):
            a, b = (ordered[j], group[0]) if step < 0 else (group[-1], ordered[j])
            gap = ctx.text[a.end:b.start]
            if not gap or not all(c in ctx.rules.list_separators and c not in "，," for c in gap):
                break
            group.insert(0, ordered[j]) if step < 0 else group.append(ordered[j])
            j += step
    return group


def speaker_phrase(ctx: Context, marker: Marker, sentence: tuple[int, int]) -> str | None:
    """'大足区科技局副局长卿勇' when the marker's clause is a speaker phrase ending in a speech verb."""
    end = clause_end(ctx, marker.end, sentence[1])
    clause = ctx.text[marker.start:end].rstrip()
    verb = _first_suffix(clause, ctx.rules.speech_verbs)
    if not verb:
        return None
    return clause[: -len(verb)].strip() or None


def speaker_of_quote(ctx: Context, quantity: Hit) -> Attribution | bool | None:
    """For a figure inside “...”: the speaker's district (speaker attribution), False when
    the speaker is a company's, None when there is no quote or no telling speaker."""
    text = ctx.text
    open_at = _last_in(ctx.open_quotes, 0, quantity.start)
    if open_at == -1 or _last_in(ctx.close_quotes, open_at, quantity.start) != -1:
        return None  # no quote is open at the figure
    para = ctx.article.paragraphs[ctx.article.paragraph_index(quantity.start)]
    if open_at < para.start:
        return None  # a quote left open in an earlier paragraph
    close_at = _first_in(ctx.close_quotes, quantity.end, para.end)
    if close_at == -1:
        return None
    phrase = _speaker_after(ctx, close_at + 1, para.end) or _speaker_before(ctx, open_at, para.start)
    if phrase is None:
        return None
    start, end = phrase
    districts = [m for m in markers_in(ctx, start, end) if m.kind == "district"]
    speaker = text[start:end].strip().rstrip("：:，,")
    if districts:
        return Attribution([districts[0].district], "speaker", "claims.speaker.quote", speaker)
    if any(w in speaker for w in ctx.rules.company_speaker_words):
        return False
    return None


def _speaker_after(ctx: Context, start: int, limit: int) -> tuple[int, int] | None:
    end = clause_end(ctx, start, limit)
    clause = ctx.text[start:end].rstrip()
    verb = _first_suffix(clause, ctx.rules.speech_verbs)
    return (start, start + len(clause) - len(verb)) if verb else None


def _speaker_before(ctx: Context, open_at: int, limit: int) -> tuple[int, int] | None:
    text = ctx.text
    head = text[limit:open_at].rstrip().rstrip("：:，,")
    verb = _first_suffix(head, ctx.rules.speech_verbs)
    if not verb:
        return None
    end = limit + len(head) - len(verb)
    return clause_start(ctx, end, limit), end


def district_later_in_clause(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> Marker | None:
    """首批27家配套企业集中签约入驻江津: a district after the figure, in the same clause,
    with no other subject between."""
    end = clause_end(ctx, quantity.end, sentence[1])
    for marker in markers_in(ctx, quantity.end, end):
        if marker.rule != "claims.block.company_subject":
            return marker if marker.kind == "district" else None
    return None


def advance_scope(ctx: Context, scope: Scope, s_start: int, s_end: int) -> Scope:
    """After a sentence: its last district becomes the scope; a zone or the city as a
    subject blocks the section until a district is named again."""
    previous: Marker | None = None
    for marker in markers_in(ctx, s_start, s_end):
        if marker.kind == "district":
            listed = previous is not None and previous.kind == "district" and _joined_by_separators(
                ctx, previous, marker)
            # 渝北、长寿和潼南……: a list names no one district that the section is about
            scope = Scope() if listed else Scope(marker.district)
        elif marker.kind == "pronoun":
            resolved = resolve_pronoun(ctx, marker, scope)
            if resolved and scope.district is None:
                scope = Scope(resolved)  # 全县实现……: the section is the county's
            elif resolved is False and in_subject_position(ctx, marker, s_start):
                scope = Scope(scope.district, ctx.text[marker.end - 1], marker.start)  # 我市GDP增长5%: the city's
        elif marker.kind in ("zone", "wide") and in_subject_position(ctx, marker, s_start):
            name = marker.name or ctx.text[marker.start:marker.end]
            scope = Scope(scope.district, name[-1], marker.start)
        previous = marker
    return scope


# -- records ------------------------------------------------------------------------------
def make_claims(ctx: Context, quantity: Hit, attribution: Attribution, sentence: tuple[int, int]) -> list[Hit]:
    metric = metric_of(ctx, quantity, sentence)
    description = claim_metric(ctx, quantity, metric, sentence)
    key = description.key
    if description.named_before and is_generic(metric, ctx.text[quantity.start:quantity.end]):
        metric = named_metric(description.named_before, metric, quantity)  # 增速超过7% -> GDP增速
    confidence = ctx.rules.confidence[attribution.how]
    figure = {k: quantity.get(k) for k in ("value", "value_min", "value_max", "approx", "unit")}
    if is_decline(ctx, quantity, sentence):
        figure.update({k: -abs(figure[k]) for k in ("value", "value_min", "value_max") if figure[k] is not None})
    figure["period"] = own_period(ctx, quantity, sentence) or carried_period(ctx, quantity, sentence)
    figure["modality"] = modality_of(ctx, quantity, sentence)
    quantity_id = record_id(ctx.article, quantity, "quantities")
    claims = []
    for district in attribution.districts:
        fields = {
            "district": district.get("canonical"),
            "adcode": district.get("adcode"),
            "metric": metric,
            "metric_key": key,
            **figure,
            "quantity_id": quantity_id,
            "attribution": attribution.how,
            "speaker": attribution.speaker,
            "confidence": confidence,
            "key": district.get("canonical"),
            "sentence_start": sentence[0],  # not a record field: distinct_rank_keys groups by it
        }
        claims.append(Hit(quantity.start, quantity.end, attribution.rule, fields))
    return claims


def is_decline(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """Is the figure the size of a fall (下降2.3%, 减少了1.5亿元)? A figure printed with its
    minus sign already carries it."""
    if (quantity.get("value") or 0) < 0 or (quantity.get("value_min") or 0) < 0:
        return False
    start = clause_start(ctx, quantity.start, sentence[0], items=True)
    return ctx.rules.decline_before.search(ctx.text, start, quantity.start) is not None


def modality_of(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str:
    """actual | target | forecast: the last cue between the sentence's start and the figure
    (力争增长7% target, 预计将达到500家 forecast, everything reported as done actual)."""
    rules = ctx.rules
    before = rules.not_cues.sub(lambda m: "\x00" * len(m.group()), ctx.text[sentence[0]:quantity.start])
    cues = list(rules.modality_cues.finditer(before))
    return (cues[-1].lastgroup if cues else None) or "actual"


def own_period(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str | None:
    """The period named for the figure in its sentence: the last time before it, passing over
    a comparison base (比上年增长6.5%, 较去年同期: 上年 is what the figure is compared with)."""
    for i in reversed(times_within(ctx, sentence[0], quantity.start)):
        time = ctx.times[i]
        normalized = time.get("normalized")
        if normalized and not _comparison_before(ctx, sentence[0], time.start):
            return str(normalized)
    return None


def carried_period(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str | None:
    """A period that the text set before the figure and that still holds: the last period
    named earlier in the paragraph (2024年，……。全年新增……), else in the heading or title the
    paragraph sits under. Only periods (2024, 2024-H1, 2024-01..2024-06) carry; a day is an
    event's date, not the period of what follows."""
    para_index = ctx.article.paragraph_index(quantity.start)
    para = ctx.article.paragraphs[para_index]
    return _last_period(ctx, para.start, sentence[0]) or ctx.heading_periods[para_index]


def heading_periods(ctx: Context) -> list[str | None]:
    """For each paragraph, the period of the nearest heading (or the title) above it that
    names one: computed in one pass, so carrying a period costs nothing per figure."""
    periods: list[str | None] = []
    current = None
    for index, para in enumerate(ctx.article.paragraphs):
        periods.append(current)
        # a report's opening paragraph sets its year (2024年，全县……) like a heading
        opening = index == 1 and ctx.document_subject is not None
        if index == 0 or opening or is_heading(ctx, para):
            current = _last_period(ctx, para.start, para.end) or current
    return periods


def is_heading(ctx: Context, para: Paragraph) -> bool:
    """A short paragraph without sentence punctuation (一、工业经济, 2024年主要指标)."""
    text = ctx.text[para.start:para.end].strip()
    return 0 < len(text) <= ctx.rules.heading_max_chars and not any(c in "，。；,;" for c in text)


def _last_period(ctx: Context, start: int, end: int) -> str | None:
    for i in reversed(times_within(ctx, start, end)):
        time = ctx.times[i]
        normalized = time.get("normalized")
        if _comparison_before(ctx, start, time.start):
            continue  # 较去年: a base, not a period
        if normalized and len(str(normalized)) != 10:  # not a day (2025-08-05)
            return str(normalized)
    return None


def metric_of(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str | None:
    """What the figure measures: its own phrase (subject, verb, the noun after it), completed
    from the figure before it in the sentence or the sentence's topic (从经济总量看) when the
    phrase names no measure (同比增长6.8%, 总数达到98家), plus 增速 or 排名 for rates and ranks."""
    rules = metric_rules()
    base = base_metric(ctx, quantity, sentence, rules)
    if not base:
        return None
    before = ctx.text[clause_start(ctx, quantity.start, sentence[0], items=True):quantity.start]
    growth = _growth_suffix(_strip_right_qualifiers(before), rules)
    if quantity.get("kind") == "percent" and growth and not base.endswith(growth):
        base += growth
    elif quantity.get("kind") == "rank" and not base.endswith(rules.rank_suffix):
        base += rules.rank_suffix
    return base[-rules.max_metric_chars:]


def base_metric(ctx: Context, quantity: Hit, sentence: tuple[int, int], rules: MetricRules) -> str:
    """The measure's name without a rate or rank suffix."""
    start = clause_start(ctx, quantity.start, sentence[0], items=True)
    if quantity.start >= ctx.title[1]:
        start = max(start, ctx.title[1])  # a title repair joined to the first line is not part of its phrase
    start = max([start] + [m.end for m in markers_in(ctx, start, quantity.start) if m.kind in ("district", "pronoun")])
    start = _after_run_in_heading(ctx, start, rules)
    in_sentence = [q for q in ctx.quantities[bisect_left(ctx.quantity_starts, sentence[0]):
                                             bisect_left(ctx.quantity_starts, quantity.start)]
                   if q.end <= quantity.start]
    previous = [q for q in in_sentence if q.start >= start]
    if previous and _only_conjunctions(ctx.text[previous[-1].end:quantity.start], rules):
        return base_metric(ctx, previous[-1], sentence, rules)  # 分别为7.1%和6.5%: one measure for both
    start = max([start] + [q.end for q in previous])
    raw_phrase = _without_times(ctx, start, quantity.start)
    if raw_phrase.endswith(rules.instrumental):
        phrase = ""  # 甲区以3100亿元领跑: the words around say how it ranks, not what it measures
    else:
        phrase = _strip(raw_phrase, rules)
        phrase = ("" if phrase in rules.comparison_only else phrase) + _noun_after(ctx, quantity, sentence[1], rules)
    if phrase and phrase not in rules.generic_measures:
        return phrase
    inherited = base_metric(ctx, in_sentence[-1], sentence, rules) if in_sentence else sentence_topic(ctx, sentence)
    return (inherited or "") + phrase if inherited or phrase else ""


def _after_run_in_heading(ctx: Context, start: int, rules: MetricRules) -> int:
    """财政收入 全年财政总收入……: a phrase that opens its paragraph starts after the run-in heading."""
    if start not in ctx.paragraph_at:
        return start
    match = rules.run_in_heading.match(ctx.text, start)
    return match.end() if match else start


def sentence_topic(ctx: Context, sentence: tuple[int, int]) -> str:
    """从经济总量看，……: the measure a sentence's figures are about."""
    match = metric_rules().topic.match(ctx.text, sentence[0], sentence[1])
    return match.group("topic") if match else ""


def _strip_right_qualifiers(before: str) -> str:
    return before.rstrip().rstrip(metric_rules().qualifier_chars)


def _only_conjunctions(gap: str, rules: MetricRules) -> bool:
    return all(c.isspace() or c in rules.conjunctions for c in gap)


def _without_times(ctx: Context, start: int, end: int) -> str:
    text = ctx.text
    pieces, pos = [], start
    for i in times_within(ctx, start, end):
        time = ctx.times[i]
        base = _comparison_before(ctx, pos, time.start)  # 比上年下降: 比 goes with its base
        pieces.append(text[pos:time.start - len(base)])
        pos = time.end
    pieces.append(text[pos:end])
    return "".join(pieces).strip().strip("“”‘’「」（）()")


def _comparison_before(ctx: Context, start: int, pos: int) -> str:
    """The comparison word right before pos (比 of 比上年, 较 of 较2022年), or ""."""
    return next((w for w in ctx.rules.comparison_words if ctx.text.endswith(w, start, pos)), "")


def _growth_suffix(before: str, rules: MetricRules) -> str | None:
    word = _first_suffix(before.rstrip(), rules.growth_order)
    return rules.growth_words[word] if word else None


def _strip(phrase: str, rules: MetricRules) -> str:
    changed = True
    while phrase and changed:
        changed = False
        phrase = phrase.strip()
        if phrase.startswith(rules.strip_leading):  # most phrases start with none of them
            for word in rules.strip_leading:
                if phrase.startswith(word) and len(phrase) > len(word):
                    phrase, changed = phrase[len(word):], True
                    break
        trailing = _first_suffix(phrase, rules.strip_trailing)
        if trailing:
            phrase, changed = phrase[: -len(trailing)], True
    return phrase.strip()


def _noun_after(ctx: Context, quantity: Hit, limit: int, rules: MetricRules) -> str:
    """The noun a count's classifier attaches to, read token by token up to a stop word."""
    end = min(clause_end(ctx, quantity.end, limit), len(ctx.text))
    if quantity.end <= ctx.title[1]:
        end = min(end, ctx.title[1])  # a title's figure: the lines repair joined to it are not its noun
    if end <= quantity.end:
        return ""  # 增长6.8%，…: the clause ends with the figure (char_span would give None)
    words = []
    for token in ctx.doc.tokens_within(quantity.end, end):
        if token.is_space or token.is_punct or token.text in rules.noun_stop_words or len(words) >= 3:
            break
        words.append(token.text)
    return "".join(words)


def claim_metric(ctx: Context, quantity: Hit, metric: str | None, sentence: tuple[int, int]) -> Description:
    """The metric vocabulary's key (pipeline/metric_keys.py), read from the metric phrase,
    the figure's clause and, when those name no indicator, the text before it in its
    paragraph and the one before."""
    text = ctx.text
    clause = text[clause_start(ctx, quantity.start, sentence[0]):quantity.start]
    index = ctx.article.paragraph_index(quantity.start)
    floor = ctx.article.paragraphs[max(0, index - 1)].start
    lookback = text[max(floor, quantity.start - vocabulary().lookback_chars):quantity.start]
    return describe(metric, quantity.fields, text[quantity.start:quantity.end], clause, lookback,
                    text[sentence[0]:quantity.start], follows_growth_rate(ctx, quantity, sentence))


def follows_growth_rate(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """Is the figure before this one in its sentence a growth rate (增长6.5%)?"""
    i = bisect_left(ctx.quantity_starts, quantity.start) - 1
    if i < 0 or ctx.quantities[i].start < sentence[0] or ctx.quantities[i].get("kind") != "percent":
        return False
    previous = ctx.quantities[i]
    before = ctx.text[clause_start(ctx, previous.start, sentence[0], items=True):previous.start]
    return _growth_suffix(_strip_right_qualifiers(before), metric_rules()) is not None


def named_metric(name: str, metric: str | None, quantity: Hit) -> str:
    """A generic metric completed by the indicator named before it (增速 -> GDP增速)."""
    rules = metric_rules()
    metric = metric or ""
    if quantity.get("kind") == "rank" and not metric.endswith(rules.rank_suffix):
        metric += rules.rank_suffix
    elif quantity.get("unit") in vocabulary().score_units and not metric:
        metric = "得分"
    return (name + metric)[-rules.max_metric_chars:]
