"""One document as the claims stage reads it (Context): the districts, organizations, figures
and times found before, the markers of what the text is about, and the geometry of clauses,
quotes, headings and periods, all sorted once per document and searched by bisection."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from zhfacts.claims.rules import CLOSE_QUOTE, CLOSE_QUOTES, DISTRICT_LEVELS, OPEN_QUOTE, START, ClaimRules, claim_rules
from zhfacts.extract.orgs.names import is_township, view_tokens
from zhfacts.extract.orgs.pos import tag_of
from zhfacts.extract.orgs.rules import org_rules
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.text_view import text_view
from zhfacts.text.article import Article, Hit
from zhfacts.text.sentences import Paragraph


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
    township_of: Hit | None = None  # a township's district (某县|双江镇): named, though no marker of its own


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
    base_metrics: dict[tuple[int, int, int], str] = field(default_factory=dict)  # metrics.base_metric's answers

    @cached_property
    def orgs_by_start(self) -> tuple[list[Hit], list[int]]:
        ordered = sorted(self.organizations, key=START)
        return ordered, [o.start for o in ordered]

    @cached_property
    def places_by_start(self) -> tuple[list[Hit], list[int]]:
        ordered = sorted(self.places, key=START)
        return ordered, [p.start for p in ordered]

    def place_at(self, start: int, end: int, districts_only: bool = False) -> bool:
        """Does a place name (a district's, with districts_only) overlap [start, end)? (Names nest
        a few deep at most: 河北景县.)"""
        ordered, starts = self.places_by_start
        i = bisect_left(starts, end)
        return any(p.end > start and (not districts_only or is_district(p)) for p in ordered[max(0, i - 4):i])

    def place_starting(self, start: int) -> Hit | None:
        """The longest place name starting at start, if any."""
        ordered, starts = self.places_by_start
        i, j = bisect_left(starts, start), bisect_right(starts, start)
        return max(ordered[i:j], key=lambda p: p.end, default=None)

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
    def headline(self) -> list[tuple[int, int]]:
        """The page's leading short lines that are not blank, title and site chrome among them (朗读 / 总投资162亿!某县
        16个项目集中签约 / 发布时间…), up to the first line of running text: one with clause punctuation or longer than
        a heading. In repaired offsets; none when the page opens with running text."""
        raw, rules, offsets = self.article.raw, self.rules, self.article.offsets
        lines, start = [], 0
        for line in raw.split("\n"):
            stripped = line.strip()
            if len(stripped) > rules.heading_max_chars or any(c in rules.heading_punctuation for c in stripped):
                break
            if stripped:
                lines.append((bisect_left(offsets, start), bisect_left(offsets, start + len(line))))
            start += len(line) + 1
        return lines

    @cached_property
    def document_subject(self) -> Hit | None:
        """The district a bulletin or work report is about (its figures' default subject)."""
        return document_subject(self)

    @cached_property
    def only_district(self) -> Marker | None:
        """The first mention of the one district a page names, when the page is about it (a
        county's signing or news page): named in its title, its lead paragraph or its byline,
        or again and again (`page_district_mentions`; a page's chrome may hide its title). A
        province's page that names a county once in passing has none."""
        districts = [m for m in self.markers if m.kind == "district"]
        if len({m.district.get("canonical") for m in districts}) > 1:
            districts = self._title_district_mentions(districts)
        if not districts:
            return None
        first = districts[0]
        paragraphs = self.article.paragraphs
        lead_end = paragraphs[1].end if len(paragraphs) > 1 else self.title[1]
        about = first.end <= lead_end or _in_byline(self, first) or len(districts) >= self.rules.page_district_mentions
        return first if about or self._speaks_as(first) else None

    def _speaks_as(self, district: Marker) -> bool:
        """A page whose site chrome hides its title (看某某工业经济发展 under 首页, 登录 …) is the district's own
        page when that title, a paragraph of at most heading_max_chars without a full stop, names it before
        the page first says 我县 of a district of its level (not 我县考察团赴某县, 会上某市作发言。我市……)."""
        own = [m for m in self.markers if m.rule == OWN_PRONOUN and m.pronoun_suffix
               and district.district.get("canonical", "").endswith(m.pronoun_suffix)]
        if not own or own[0].start < district.end:
            return False
        para = self.article.paragraphs[self.article.paragraph_index(district.start)]
        line = self.text[para.start:para.end].strip()
        return len(line) <= self.rules.heading_max_chars and not any(c in self.rules.title_stops for c in line)

    def _title_district_mentions(self, districts: list[Marker]) -> list[Marker]:
        """A page naming several districts is about the one its title names alone when that one has most of
        the page's mentions (claims.yaml title_district_share_*): a visitor, partner or peer is named less (甲区与乙县
        共同主办…: the page of 甲区's signing). Its mentions; none otherwise."""
        start, end = self.title
        in_title = {m.district.get("canonical") for m in districts if start <= m.start < end}
        if len(in_title) != 1:
            return []
        name = in_title.pop()
        own = [m for m in districts if m.district.get("canonical") == name]
        num, den = self.rules.title_district_share_num, self.rules.title_district_share_den
        return own if len(own) * den >= len(districts) * num else []

    @cached_property
    def heading_periods(self) -> list[str | None]:
        return heading_periods(self)

    @cached_property
    def heading_modalities(self) -> list[str]:
        return heading_modalities(self)

    @cached_property
    def head_and_foot(self) -> tuple[int, int]:
        """Where the page's first lines end and its last lines start, in repaired offsets
        (bylines, source and issuer lines are there)."""
        raw, n = self.article.raw, self.rules.byline_lines
        lines = raw.splitlines(keepends=True)
        head_raw = sum(len(line) for line in _through_nonblank(lines, n))
        foot = _through_nonblank(lines[::-1], n)
        foot_raw = len(raw) - sum(len(line) for line in foot) if len(foot) < len(lines) else len(raw)
        offsets = self.article.offsets
        return bisect_left(offsets, head_raw), bisect_left(offsets, max(foot_raw, head_raw))

    @cached_property
    def markup_lines(self) -> tuple[list[int], list[int]]:
        """The starts and ends of the lines that hold leaked markup (<!--enpproperty …-->), found
        once per document."""
        text, starts, ends = self.text, [], []
        for m in self.rules.markup_line.finditer(text):
            if ends and m.start() < ends[-1]:
                continue  # another match on a line already taken
            end = text.find("\n", m.end())
            starts.append(text.rfind("\n", 0, m.start()) + 1)
            ends.append(len(text) if end == -1 else end)
        return starts, ends

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
    sentences = ctx.article.sentences
    districts = [m for m in ctx.markers if m.kind == "district"  # not one it is compared with
                 and not compared_with(ctx, m, sentences[ctx.article.sentence_index(m.start)][0])]
    if not districts:  # 某开发区位于某县济河街道。……全县……: the county its townships are named with
        townships = {m.township_of.get("canonical"): m.township_of for m in _own_townships(ctx)}
        return next(iter(townships.values())) if len(townships) == 1 else None
    in_title = {m.district.get("canonical"): m.district for m in districts if m.end <= ctx.title[1]}
    in_byline = {m.district.get("canonical"): m.district for m in districts if _in_byline(ctx, m)}
    named = {m.district.get("canonical"): m.district for m in districts}
    for candidates in (in_title, in_byline, named):
        if len(candidates) == 1:
            return next(iter(candidates.values()))
    return None


def after_location_word(ctx: Context, pos: int) -> bool:
    """位于|乙县: a place right after a location word (claims.yaml location_words) is where something lies."""
    return ctx.text.endswith(ctx.rules.location_words, 0, pos)


def _own_townships(ctx: Context) -> list[Marker]:
    """Townships named with their county as their sentence's subject or where a thing lies (位于某县济河街道), on a
    page that never says 我县 (the writer's county, which a visited or neighbouring county's township is not)."""
    if any(m.rule == OWN_PRONOUN for m in ctx.markers):
        return []
    sentences = ctx.article.sentences
    return [m for m in ctx.markers if m.township_of is not None and (
        after_location_word(ctx, m.start)
        or ctx.text[clause_start(ctx, m.start, sentences[ctx.article.sentence_index(m.start)][0]):m.start].strip() in (
            "", *ctx.rules.clause_openers))]


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
    # the page's own lines: repair may have joined a short issuer line to the paragraph after it
    raw_head = [line for line in ctx.article.raw.lstrip().splitlines() if line.strip()][:rules.byline_lines]
    lines = (rules.issuer_date.sub("", line).strip() for line in raw_head)
    return any(len(line) <= rules.byline_max_chars and line.endswith(rules.document_issuers) for line in lines)


def _through_nonblank(lines: list[str], n: int) -> list[str]:
    """The lines up to and including the n-th that is not blank (a page may put a blank line
    between every two)."""
    seen = 0
    for i, line in enumerate(lines):
        seen += bool(line.strip())
        if seen == n:
            return lines[:i + 1]
    return lines


def _is_heading_sentence(ctx: Context, start: int, end: int) -> bool:
    para = ctx.paragraph_at.get(start)
    return para is not None and para.end == end and not any(
        c in ctx.rules.heading_punctuation for c in ctx.text[start:end])


def township_after(ctx: Context, end: int) -> int:
    """The end of a township's name right after a district ending at end (claims.yaml township_after, then the
    organizations' township test on its words: 双江|镇, 慈|城镇; not 实施|乡村, 特色小镇, 中心镇), else 0."""
    township = ctx.rules.township_after.match(ctx.text, end)
    if township is None:
        return 0
    view = text_view(ctx.doc)
    if township.start() not in view.starts or township.end() not in view.ends:
        return 0  # 某区|实施乡|村振兴: cut inside a word
    parts = [view.text[a:b] for a, b in view_tokens(view, township.start(), township.end())]
    if len(parts) > 1 and len(parts[0]) == 1:
        if len(parts[1]) > 1 and tag_of(parts[0]) in ctx.rules.township_cut_not_tags:
            return 0  # 为|城镇登记失业人员: a preposition before a whole word, no township's first character
        parts = [parts[0] + parts[1], *parts[2:]]  # 慈|城镇, 于|寨|镇: jieba split the name's first character off
    return township.end() if is_township(parts, org_rules()) else 0


GENERIC_ZONE = "claims.block.zone.generic"  # 高新区, 县工业集中区: a zone named by its kind alone
TOWNSHIP = "claims.block.township"
DIVISION_GROUP = "claims.block.division_group"  # 67个县: a group of districts, no one of them


def townships_named(ctx: Context) -> list[Marker]:
    """Townships named anywhere (增长较快的是狮岭镇、花东镇: 狮岭|镇), by the same tests as a township after its
    district (township_after), the name starting and ending at token edges: they own the figures they stand
    nearest to."""
    found = []
    for end_word in ctx.rules.township_end.finditer(ctx.text):
        for start in (end_word.start() - 2, end_word.start() - 3):
            if start >= 0 and township_after(ctx, start) == end_word.end():
                found.append(Marker(start, end_word.end(), "zone", TOWNSHIP, name=ctx.text[start:end_word.end()]))
                break
    return found


def collect_markers(ctx: Context) -> list[Marker]:
    """Districts, zones, cities, pronouns, wide-scope words and company subjects, in order."""
    text, rules = ctx.text, ctx.rules
    found = rules.marker_words.occurrences(text)
    markers: list[Marker] = []
    prefixes = address_prefixes(ctx.places, text)
    zone_districts = districts_named_with_zones(ctx.places, text)
    inside_zone_names = {district.start for district, _ in zone_districts.values()}
    in_body_names = places_in_body_names(ctx)
    for place in ctx.places:
        level = place.get("level")
        if place.start in prefixes or place.start in inside_zone_names or place.start in in_body_names:
            continue  # 四川省眉山市仁寿县: the province and city only address the county; 某某沁源新能源有限公司
        if rules.venue_after.match(text, place.end):
            continue  # 在广州越秀国际会议中心举办: a venue's name says where, no subject, section or page
        if level in DISTRICT_LEVELS:  # is_district(place)
            # the marker takes in its address (成都武侯区和西安雁塔区 is a list of two subjects)
            start = _address_start(place.start, prefixes)
            township = township_after(ctx, place.end)
            if township:  # 某区双江镇位居第31位: the township is the subject, its figures (and paragraph) its own
                name = text[place.start:township]
                markers.append(Marker(start, township, "zone", TOWNSHIP, name=name, township_of=place))
                continue
            markers.append(Marker(start, place.end, "district", "claims.sentence.district", place))
        elif place.start in zone_districts:  # 杭州高新区(滨江): the zone is run as the district
            district, end = zone_districts[place.start]
            markers.append(Marker(place.start, end, "district", "claims.sentence.district", district))
        elif level == "zone":
            markers.append(Marker(place.start, place.end, "zone", "claims.block.zone", name=place.get("canonical")))
        elif level in ("city", "province") and not text.startswith(rules.outside_after, place.end):
            markers.append(Marker(place.start, place.end, "wide", "claims.block.city", name=place.get("canonical")))
    markers.extend(organization_marker(ctx, org) for org in ctx.organizations
                   if org.get("type") in rules.blocking_org_types)
    markers.extend(townships_named(ctx))  # nested in a district's own (某区|双江镇) they give way to it
    for zone in rules.zone_item.finditer(text):  # 。县工业集中区新增规上企业2家: a zone without a place's name
        markers.append(Marker(zone.start(), zone.end(), "zone", GENERIC_ZONE, name=zone.group()))
    for word, rule_id, needs_suffix in rules.pronouns:
        for start in found.get(word, ()):
            markers.append(Marker(start, start + len(word), "pronoun", rule_id,
                                  pronoun_suffix=word[-1] if needs_suffix else None))
    for word in rules.wide_scope_words:
        for start in found.get(word, ()):
            if not text.startswith(rules.wide_scope_not, start):
                markers.append(Marker(start, start + len(word), "wide", "claims.block.wide_scope"))
    for word in rules.company_subject_words:
        for start in found.get(word, ()):
            if text.startswith(rules.company_subject_not, start) or text.startswith(
                    rules.all_companies_words, start) and not body_named_before(ctx, start):
                continue
            markers.append(Marker(start, start + len(word), "company", COMPANY_WORD))
    for word in rules.project_subject_words:
        for start in found.get(word, ()):
            markers.append(Marker(start, start + len(word), "company", "claims.block.project"))
    for word in rules.project_named_links:
        for start in found.get(word, ()):
            markers.append(Marker(start, start + len(word), "company", "claims.block.project"))
    for word in (*rules.project_total_words, *rules.project_stage_words):
        for start in found.get(word, ()):
            if not counted_projects_before(ctx, start):
                markers.append(Marker(start, start + len(word), "company", "claims.block.project"))
    markers.extend(company_speaker_markers(ctx, found))
    for q in ctx.quantities:  # 67个县同比增速高于全省水平: a group of districts as a subject, no one district
        division = division_counted(ctx, q)
        if division and not closes_district_list(ctx, q.start) and not rank_pool(ctx, q.start, q.end + len(division)):
            markers.append(Marker(q.start, q.end + len(division), "wide", DIVISION_GROUP))
    in_figure = bytearray(len(text) + 1)
    for q in ctx.quantities:
        in_figure[q.start:q.end] = b"\x01" * (q.end - q.start)
    markers = [m for m in markers if not (in_figure[m.start] and in_figure[m.end - 1])]
    return _drop_nested(markers)


def body_named_before(ctx: Context, pos: int) -> bool:
    """A company, research body or university named before pos in its sentence."""
    floor = ctx.article.sentence_span(pos)[0]
    return any(floor <= org.start < pos and org.get("type") in ctx.rules.blocking_org_types
               for org in ctx.organizations)


def closes_district_list(ctx: Context, count_start: int) -> bool:
    """从江、岑巩、麻江3个县, 从江、岑巩、麻江等3个县: a count of the districts just listed (等 at most between)."""
    closer = next((w for w in ctx.rules.district_list_closers if ctx.text.endswith(w, 0, count_start)), "")
    end = count_start - len(closer)
    return ctx.place_at(end - 1, end, districts_only=True)


def rank_pool(ctx: Context, start: int, end: int) -> bool:
    """在全省137个县(市、区)的排名, 在88个县中: a group of divisions where a rank is taken."""
    rules = ctx.rules
    return ctx.text.endswith(rules.division_pool_before, 0, start) or rules.division_pool_after.match(
        ctx.text, end) is not None


def division_counted(ctx: Context, quantity: Hit) -> str:
    """The kind of division a count counts (三个行政区, 88个县, 以上五个县(区)), else '': a count of districts is a fact
    about the list, never one district's figure; a longer word that only opens like one (县域, 县级) is none."""
    text, rules, end = ctx.text, ctx.rules, quantity.end
    if quantity.get("unit") not in rules.division_classifiers:
        return ""
    division = next((d for d in rules.counted_divisions if text.startswith(d, end)), "")  # longest first
    word = max((w for w in rules.not_divisions if text.startswith(w, end)), key=len, default="")
    return division if len(division) > len(word) else ""


def counted_projects_before(ctx: Context, pos: int) -> bool:
    """6个项目集中签约，项目总投资4.85亿元; 签约项目10个，项目总投资42亿元: a project's total at pos after a
    count of projects in its sentence names the counted batch, no one project."""
    rules = ctx.rules
    sentence_start = ctx.article.sentences[ctx.article.sentence_index(pos)][0]
    lo, hi = bisect_left(ctx.quantity_starts, sentence_start), bisect_left(ctx.quantity_starts, pos)
    return any(q.get("unit") in rules.project_count_units and _counts_projects(ctx, q, sentence_start, pos)
               for q in ctx.quantities[lo:hi])


def _counts_projects(ctx: Context, count: Hit, floor: int, limit: int) -> bool:
    """The count has the project noun within the gap after it (6个|项目), with no clause delimiter
    between, or right before it, a linking word at most between, and ends its clause (项目|10个，)."""
    rules, noun = ctx.rules, ctx.rules.project_count_noun
    reach = rules.project_count_gap + len(noun)
    after = ctx.text[count.end:min(limit, count.end + reach)]
    before = ctx.text[max(floor, count.start - reach):count.start]
    at = after.find(noun)
    if at >= 0 and not any(c in rules.clause_delimiters for c in after[:at]):
        return True
    at = before.rfind(noun)
    after_count = ctx.text[count.end:count.end + 1]
    return at >= 0 and before[at + len(noun):] in ("", *rules.project_count_links) and (
        not after_count or after_count in rules.clause_delimiters)  # 签约项目共10个，: not 项目建设6个厂房


def places_in_body_names(ctx: Context) -> set[int]:
    """Starts of the places inside a company's, research body's or university's name (由某某商南新能源
    有限公司投资11亿元): words of the name, no marker. (A page that names its district only so has none:
    measured on the tune pages, letting such names set a section's district made more false claims, from
    the companies' own figures, than it found.)"""
    bodies = [org for org in ctx.organizations if org.get("type") in ctx.rules.blocking_org_types]
    if not bodies:
        return set()
    starts = [org.start for org in bodies]
    inside = set()
    for place in ctx.places:
        i = bisect_right(starts, place.start) - 1
        if i >= 0 and place.end <= bodies[i].end:
            inside.add(place.start)
    return inside


# A company word as a clause subject (企业, 该公司: claims.yaml company_subject_words).
COMPANY_WORD = "claims.block.company_subject"
# The writer's own district (我县): rules/claims.yaml pronouns.
OWN_PRONOUN = "claims.pronoun.own"
# Markers of companies named beside a figure: never the subject of a clause.
EXAMPLE, PARTNER = "claims.mention.example", "claims.mention.partner"
MENTIONS = frozenset((EXAMPLE, PARTNER))
# A project as the subject (该项目, 某公司年产3万吨电池项目): it blocks only where it opens its clause.
PROJECT = "claims.block.project"
# A company, research body or university as a subject; with the mentions and projects above, every
# marker made of an organization the document names.
BODY = "claims.block.company"
ORG_MARKER_RULES = MENTIONS | {PROJECT, BODY}


def organization_marker(ctx: Context, org: Hit) -> Marker:
    """A company, research body or university as a marker: a blocker where it is the subject
    of a clause (某公司实现产值8亿元), or a mention that never is: an example before 等 (甲公司、
    乙公司等9家企业投产), the district's partner in a signing (甲公司与乙县签约); a company that
    opens a project's name (某公司年产3万吨电池项目) is the project."""
    text = ctx.text
    limit = min(len(text), org.end + ctx.rules.mention_reach)
    stop = _first_in(ctx.clause_stops, org.end, limit)
    end = limit if stop == -1 else stop
    newline = text.find("\n", org.end, end)
    end = end if newline == -1 else newline
    examples = _examples_close(ctx, org.end, end)
    if examples != -1 and not _names_companies(ctx, examples, end):
        return Marker(org.start, org.end, "company", EXAMPLE)
    if _is_partner(ctx, org.end, end):
        return Marker(org.start, org.end, "company", PARTNER)
    head_end = _project_head_end(ctx, org.end, end)
    if head_end:
        return Marker(org.start, head_end, "company", PROJECT)
    return Marker(org.start, org.end, "company", BODY)


def _examples_close(ctx: Context, start: int, end: int) -> int:
    """Where the 等 ends that closes a list the company (ending at start) is in (甲公司、乙公司等9家
    企业, 某公司年产30万吨……等重点项目), or -1: no figure before it but a capacity, and no other
    body or place in the company's own item (某研究院已转化甲大学、乙大学等: the universities are
    the list, not the institute) unless a capacity says the item names a plant (某公司年产3万吨
    电池材料等)."""
    text = ctx.text
    found = ctx.rules.example_word.search(text, start, end)
    if found is None or not _only_capacities(ctx, start, found.start()):
        return -1
    item_stop = _first_in(ctx.item_stops, start, found.start())
    own_end = found.start() if item_stop == -1 else item_stop
    if any(w in text[start:own_end] for w in ctx.rules.capacity_words):
        return found.end()
    _, place_starts = ctx.places_by_start
    if bisect_left(place_starts, start) != bisect_left(place_starts, own_end):
        return -1
    _, org_starts = ctx.orgs_by_start
    if bisect_left(org_starts, start) != bisect_left(org_starts, own_end):
        return -1
    return found.end()


def _names_companies(ctx: Context, pos: int, end: int) -> bool:
    """甲、乙等龙头企业生产线……: what 等 closes names companies without counting them (等9家企业,
    等一批企业 count them)."""
    text, rules = ctx.text, ctx.rules
    i = bisect_left(ctx.quantity_starts, pos)
    if (i < len(ctx.quantities) and ctx.quantities[i].start <= pos + 1) or text.startswith(rules.example_counts, pos):
        return False
    return any(w in text[pos:end] for w in rules.company_subject_words)


def _only_capacities(ctx: Context, start: int, end: int) -> bool:
    """Is every figure in [start, end) a capacity (年产30万吨), a part of a name?"""
    i = bisect_left(ctx.quantity_starts, start)
    while i < len(ctx.quantities) and ctx.quantities[i].start < end:
        q = ctx.quantities[i]
        if not ctx.text.endswith(ctx.rules.capacity_words, max(start, q.start - ctx.rules.capacity_lookback), q.start):
            return False
        i += 1
    return True


def _project_head_end(ctx: Context, start: int, end: int) -> int:
    """Where the project whose name the company opens ends (某公司年产3万吨电池项目, 某公司的
    光刻胶项目), or 0: its head within reach, in the same list item, no figure but a capacity
    before it."""
    text, rules = ctx.text, ctx.rules
    reach = min(end, start + rules.project_name_max_chars + max(map(len, rules.project_heads), default=0))
    heads = [(at, len(h)) for h in rules.project_heads if (at := text.find(h, start, reach)) != -1]
    if not heads:
        return 0
    at, length = min(heads)
    if _first_in(ctx.item_stops, start, at) != -1 or not _only_capacities(ctx, start, at):
        return 0
    return at + length


def _is_partner(ctx: Context, start: int, end: int) -> bool:
    """甲公司与乙县签约, 甲公司、乙公司分别与县政府签订协议: after the company (and the companies
    listed with it) a partner word, then one district, a pronoun for one or a government body,
    and a signing word in the clause."""
    text, rules = ctx.text, ctx.rules
    if not any(w in text[start:end] for w in rules.signing_words):
        return False
    pos = _after_listed_orgs(ctx, start, end)
    pos += len(_first_word(text, pos, rules.partner_adverbs))
    word = _first_word(text, pos, rules.partner_words)
    if not word:
        return False
    after = pos + len(word)
    ordered, starts = ctx.places_by_start
    districts = {p.get("canonical") for p in ordered[bisect_left(starts, after):bisect_left(starts, end)]
                 if is_district(p)}
    if len(districts) > 1:
        return False  # 分别与甲县、乙县签约: the districts' total, no one's
    orgs, org_starts = ctx.orgs_by_start
    return (bool(districts)
            or any(o.get("type") == "government" for o in orgs[bisect_left(org_starts, after):
                                                                 bisect_left(org_starts, end)])
            or any(text.startswith(w, after) for w, _, _ in rules.pronouns))


def _after_listed_orgs(ctx: Context, pos: int, end: int) -> int:
    """Past the companies listed right after pos (、乙公司和丙公司; not 与县政府, the partner)."""
    orgs, starts = ctx.orgs_by_start
    while pos + 1 < end and ctx.text[pos] in ctx.rules.list_separators:
        i = bisect_left(starts, pos + 1)
        if i == len(orgs) or orgs[i].start != pos + 1 or orgs[i].get("type") not in ctx.rules.blocking_org_types:
            break
        pos = orgs[i].end
    return pos


def _first_word(text: str, pos: int, words: tuple[str, ...]) -> str:
    """The first of words that text has at pos, or ""."""
    return next((w for w in words if text.startswith(w, pos)), "")


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


def compared_with(ctx: Context, marker: Marker, floor: int) -> bool:
    """高出紧随其后的乙区8亿元, 超出第二名乙县9亿元, 与比拼对象乙县比: a district after a comparison word in its clause,
    with no figure between them, is what a figure is measured against, not whose it is (低于全市
    2.6个百分点乙县实现……: past the figure, a lost delimiter, 乙县 opens a clause of its own)."""
    if multiple_base(ctx, marker):
        return True
    start = clause_start(ctx, marker.start, floor)
    clause = ctx.text[start:marker.start]
    word_end = max((clause.rfind(w) + len(w) for w in ctx.rules.comparison_objects if w in clause), default=-1)
    if word_end < 0:
        return False
    i = bisect_left(ctx.quantity_starts, start + word_end)
    if i < len(ctx.quantities) and ctx.quantities[i].end == marker.start and ctx.quantities[i].get("unit") == "rank":
        i += 1  # 超出第二名乙县: the rank names the district compared with
    return i >= len(ctx.quantities) or ctx.quantities[i].start >= marker.start


def multiple_base(ctx: Context, marker: Marker) -> bool:
    """甲县经济总量是乙县的2.8倍: 乙县 between 是 and 的 right before a multiple is what it is taken of."""
    text, rules = ctx.text, ctx.rules
    after = marker.end + len(rules.multiple_base_after)
    if not text.endswith(rules.multiple_base_before, 0, marker.start) or not text.startswith(
            rules.multiple_base_after, marker.end):
        return False
    i = bisect_left(ctx.quantity_starts, after)
    return i < len(ctx.quantities) and ctx.quantities[i].start == after and ctx.quantities[i].get("kind") == "multiple"


def clause_start(ctx: Context, pos: int, floor: int, items: bool = False) -> int:
    """Start of the clause holding pos (of the list item too, with items=True): just after
    the last delimiter before pos, but not before floor."""
    if pos <= floor:
        return pos
    stop = _last_in(ctx.clause_stops, floor, pos)
    if items:
        stop = max(stop, _last_in(ctx.item_stops, floor, pos))
    return floor if stop == -1 else stop + 1


def heading_periods(ctx: Context) -> list[str | None]:
    """For each paragraph, the period of the nearest heading (or the title) above it that
    names one: computed in one pass, so carrying a period costs nothing per figure."""
    periods: list[str | None] = []
    current = None
    for index, para in enumerate(ctx.article.paragraphs):
        periods.append(current)
        # a report's opening paragraph sets its year (2024年，全县……) like a heading
        opening = index == 1 and ctx.document_subject is not None
        if index == 0 or opening or is_heading(ctx, para) and not ctx.rules.caption.match(ctx.text, para.start):
            current = _last_period(ctx, para.start, para.end) or current  # 图1:2019-2023年……: a caption sets none
    return periods


def heading_modalities(ctx: Context) -> list[str]:
    """For each paragraph, the modality its heading sets for figures whose sentence names
    none: 二、2024年主要目标 (or 预期目标, 主要预期指标) makes a target of what follows, until the
    next heading."""
    modalities: list[str] = []
    current = "actual"
    for para in ctx.article.paragraphs:
        if is_heading(ctx, para):
            heading = ctx.rules.not_cues.sub("", ctx.text[para.start:para.end])
            cues = list(ctx.rules.modality_cues.finditer(heading))
            current = (cues[-1].lastgroup or "actual") if cues else "actual"
        modalities.append(current)
    return modalities


def is_heading(ctx: Context, para: Paragraph) -> bool:
    """A short paragraph without sentence punctuation (一、工业经济, 2024年主要指标)."""
    text = ctx.text[para.start:para.end].strip()
    return 0 < len(text) <= ctx.rules.heading_max_chars and not any(c in ctx.rules.heading_punctuation for c in text)


def _last_period(ctx: Context, start: int, end: int) -> str | None:
    for i in reversed(times_within(ctx, start, end)):
        time = ctx.times[i]
        normalized = time.get("normalized")
        if _comparison_before(ctx, start, time.start):
            continue  # 较去年: a base, not a period
        if normalized and len(str(normalized)) != 10:  # not a day (2025-08-05)
            return str(normalized)
    return None


def _comparison_before(ctx: Context, start: int, pos: int) -> str:
    """The comparison word right before pos (比 of 比上年, 较 of 较2022年), or ""."""
    return next((w for w in ctx.rules.comparison_words if ctx.text.endswith(w, start, pos)), "")
