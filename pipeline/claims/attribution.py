"""Which district a figure is asserted for: the marker that governs it (in its clause, its
sentence, a list, the section or the whole document), and the speakers and companies that
block it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from zhfacts.claims.context import (
    BODY,
    COMPANY_WORD,
    DIVISION_GROUP,
    GENERIC_ZONE,
    MENTIONS,
    ORG_MARKER_RULES,
    OWN_PRONOUN,
    PROJECT,
    TOWNSHIP,
    Attribution,
    Context,
    Marker,
    Scope,
    _first_in,
    _is_heading_sentence,
    _last_in,
    after_location_word,
    clause_start,
    compared_with,
    division_counted,
    markers_in,
    multiple_base,
    times_within,
)
from zhfacts.claims.metric_keys import vocabulary
from zhfacts.claims.metrics import clause_end, first_suffix
from zhfacts.extract.orgs.pos import tag_of
from zhfacts.extract.places import place_rules
from zhfacts.nlp.text_view import text_view
from zhfacts.text.article import Hit
from zhfacts.text.sentences import CLOSE_PARENS, OPEN_PARENS, Paragraph

LIST_BLOCK = "、"  # the blocker a list of districts sets: no pronoun's suffix, so it blocks only the page's attribution
PROJECT_BLOCK = "项"  # the blocker a company's project paragraph sets: no pronoun's suffix either

def opens_section(ctx: Context, s_index: int, para: Paragraph) -> bool:
    """A sentence that starts a paragraph (para) opens a section if it follows a heading, or if the
    paragraph is indented and does not refer back to a paragraph about one district."""
    if s_index == 0 or _is_heading_sentence(ctx, *ctx.article.sentences[s_index - 1]):
        return True
    return para.indented and not refers_back(ctx, para)


def refers_back(ctx: Context, para: Paragraph) -> bool:
    """此次集中开工项目包括……, 其中……: a paragraph that opens with a word for what the paragraph
    before reported (its event, its total) goes on with that paragraph's district, when that paragraph
    names one district only (a visitor or a partner named beside it makes the reference unclear). So
    does one whose subject is a pronoun for a district (1-10月全区完成……) on a page of several districts
    (on a page of one, the pronoun is that district's anyway)."""
    opener = ctx.text[para.start:para.end].lstrip().startswith(ctx.rules.section_carry_openers)
    pronoun = None if opener or ctx.document_district is not None else opening_pronoun(ctx, para)
    if not opener and pronoun is None:
        return False
    index = ctx.article.paragraph_index(para.start)
    if index == 0:
        return False
    before = ctx.article.paragraphs[index - 1]
    named = [m for m in markers_in(ctx, before.start, before.end) if m.kind == "district" and m.district is not None
             and could_be_section(ctx, m, ctx.article.sentence_span(m.start)[0])]
    if len({m.district.get("canonical") for m in named}) != 1:
        return False
    if pronoun is None:
        return True
    # 全区 after 某区努力……: the subject of the paragraph before (could_be_section has left out a visiting
    # party and a district compared with), of the pronoun's level (not a 区 for 全县)
    subject = named[0]
    return in_subject_position(ctx, subject, ctx.article.sentence_span(subject.start)[0]) and \
        subject.district.get("canonical", "").endswith(pronoun.pronoun_suffix or "")


def opening_pronoun(ctx: Context, para: Paragraph) -> Marker | None:
    """The pronoun for a district that is the first marker of the paragraph's first sentence, in subject
    position (1-10月全区完成……); None when there is none."""
    body = ctx.text[para.start:para.end]
    sentence_start, sentence_end = ctx.article.sentence_span(para.start + len(body) - len(body.lstrip()))
    first = next(iter(markers_in(ctx, sentence_start, sentence_end)), None)
    if first is None or first.kind != "pronoun" or first.pronoun_suffix is None:
        return None
    return first if in_subject_position(ctx, first, sentence_start) else None


def could_be_section(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """A district that may become the section's (advance_scope): not a member in an aside (某市县域地区(包含
    甲县、乙县)), not one named in passing in another district's report, not what a figure is compared with
    (超出第二名乙县9亿元), not where a body is (总部位于甲区的某公司), not a visiting party (乙县考察团)."""
    return not (in_member_aside(ctx, marker, sentence_start) or passing_in_report(ctx, marker, sentence_start)
                or compared_with(ctx, marker, sentence_start) or locates_a_body(ctx, marker, sentence_start)
                or ctx.text.startswith(ctx.rules.visitor_after, marker.end)  # 乙县考察团: a visiting party
                or on_a_route(ctx, marker) or named_as_neighbour(ctx, marker, sentence_start))


def named_as_neighbour(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """东与黄陂区接壤，西接云梦县、安陆市: a district in a clause that opens with a direction and a bordering word, or
    with a bordering word after it, is a neighbour of the page's county."""
    if ctx.text.endswith("的", 0, marker.start):
        return False  # 北与河南省交界的大悟县: the district the clause describes
    start = clause_start(ctx, marker.start, sentence_start)
    if ctx.rules.neighbour_clause_open.match(ctx.text[start:marker.start].lstrip()) is not None:
        return True
    end = clause_end(ctx, marker.end, ctx.article.sentence_span(marker.start)[1])
    return any(word in ctx.text[marker.end:end] for word in ctx.rules.neighbour_after) and not in_subject_position(
        ctx, marker, sentence_start)  # 大悟县北与信阳市交界: the subject borders, it is no neighbour


def on_a_route(ctx: Context, marker: Marker) -> bool:
    """云龙至泸水高速, 衡阳至衡南县公路: either end of a road named by its two places (places/context.yaml
    route_joiners, road_heads: not 到, 调研组到云龙县高速公路建设现场 is a visit)."""
    text, rules = ctx.text, place_rules()
    before = next((j for j in rules.route_joiners if text.endswith(j, 0, marker.start)), "")
    if before and text.startswith(rules.road_heads, marker.end):
        joiner = marker.start - len(before)
        return ctx.place_at(joiner - 1, joiner)
    after = next((j for j in rules.route_joiners if text.startswith(j, marker.end)), "")
    far = ctx.place_starting(marker.end + len(after)) if after else None
    return far is not None and text.startswith(rules.road_heads, far.end)


def where_subject_lies(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """某某经济开发区位于乙县合力镇: a district after a location word (claims.yaml location_words) in a sentence
    whose subject is a zone or a body is where that subject lies."""
    if not after_location_word(ctx, marker.start):
        return False
    return any(m.kind in ("zone", "company") and in_subject_position(ctx, m, sentence_start)
               for m in markers_in(ctx, sentence_start, marker.start))


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


def in_subject_position(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """Does the marker open its clause (after openers and time words), as a subject does?
    Every figure after the marker asks again: the answer is kept per marker and sentence."""
    key = (marker.start, marker.kind, sentence_start)
    answer = ctx.subjects.get(key)
    if answer is None:
        answer = ctx.subjects[key] = _opens_clause(ctx, marker, sentence_start)
    return answer


def _names_one_project(ctx: Context, start: int, pos: int, plant_word_needed: bool = True) -> bool:
    """A project's name opening its clause (a district at most before it) up to the project word at pos: one
    project (某某综合开发利用项目总投资6.8亿元, 兴文县某某电池片生产项目总投资20亿元) where the name holds a word of one
    plant or site (claims.yaml project_one_words) and no word of a batch (project_batch_words,
    project_batch_endings: 重点项目, 今年签约项目, 产业项目); a name without one (城建项目, 中央预算内投资项目) names no
    one project, unless plant_word_needed is False (某某项目由某公司投资建设: a link that only one project takes)."""
    rules = ctx.rules
    before = markers_in(ctx, start, pos)
    if len(before) > 1 or before and (before[0].kind != "district" or ctx.text[start:before[0].start].strip()):
        return False
    name = ctx.text[before[0].end if before else start:pos].strip()
    if not name or name.endswith(rules.project_batch_endings) or any(w in name for w in rules.project_batch_words):
        return False
    return not plant_word_needed or any(word in name for word in rules.project_one_words)


def _opens_clause(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    if marker.rule in MENTIONS:
        return False  # 甲公司、乙公司等9家企业投产: named beside the figure, not its subject
    if marker.kind == "district" and after_figure(ctx, marker.start):
        return True  # 低于全市增速4.7个百分点乙县实现……: the delimiter a page lost
    start = clause_start(ctx, marker.start, sentence_start)
    prefix = ctx.text[start:marker.start]
    for i in sorted(times_within(ctx, start, marker.start)):  # in the Doc's order
        time = ctx.times[i]
        prefix = prefix.replace(ctx.text[time.start:time.end], "")
    prefix = prefix.strip().lstrip("“‘「（(" + ctx.rules.bullet_marks)
    if marker.kind == "district":
        prefix = prefix.removesuffix(_rank_right_before(ctx, marker.start))  # 第二位|乙县增长7.5%
    if (marker.kind == "wide" or ctx.text[marker.start:marker.end] in ctx.rules.wide_scope_words) and \
            ctx.rules.distinction_after_wide.match(ctx.text, marker.end):
        return False  # 全国首台某仪器获批上市, 全市第一家: the pool the thing is first in
    if marker.rule == PROJECT and ctx.text.startswith(ctx.rules.project_total_words, marker.start) and \
            _names_one_project(ctx, start, marker.start):
        return True  # 兴文县某某生产项目总投资20亿元: the project, which the district's name opens
    if marker.rule == PROJECT and ctx.text.startswith(ctx.rules.project_named_links, marker.start) and \
            _names_one_project(ctx, start, marker.start, plant_word_needed=False) and (
            ctx.text[marker.end - 1] != "由" or ctx.rules.project_investor_after.match(ctx.text, marker.end - 1)):
        return True  # 某某综合回收项目由某公司投资建设: the project named is the subject
    if not prefix:
        return True  # the marker opens its clause
    if marker.kind == "company":
        frame = _first_prefix(prefix, ctx.rules.company_frames)
        if frame:
            prefix = prefix[len(frame):]  # 走进重庆某公司展厅，…: what follows is the company's
    if prefix.startswith("位于") and "的" in prefix:
        prefix = prefix[prefix.rindex("的") + 1:]  # 位于鄞州区的宁波某公司: a modifier, not a subject
    # 3月份签约的某科技有限公司…, 这家为车企配套的零部件企业…: a modified company subject; but
    # 甲县签订总投资10亿元的某公司……项目: a project after a district's verb is its object
    if marker.kind == "company" and (prefix.endswith("的") or prefix.startswith(ctx.rules.demonstratives)) and (
            marker.rule != PROJECT or not _names_district(ctx, start, marker.start)):
        return True
    while prefix and (opener := _first_prefix(prefix, ctx.rules.clause_openers)):
        prefix = prefix[len(opener):].lstrip()
    return not prefix


def _rank_right_before(ctx: Context, pos: int) -> str:
    """The text of a rank ending at pos (第二位 of 第二位乙县), or ""."""
    i = bisect_left(ctx.quantity_starts, pos) - 1
    rank = ctx.quantities[i] if i >= 0 else None
    return ctx.text[rank.start:pos] if rank is not None and rank.end == pos and rank.get("unit") == "rank" else ""


def _names_district(ctx: Context, start: int, end: int) -> bool:
    return any(m.kind in ("district", "pronoun") for m in markers_in(ctx, start, end))


# Figures after which a district name can only start a new clause (a count's classifier may
# take a district as its noun's modifier: 3个某县项目).
CLAUSE_ENDING_KINDS = ("percent", "pp", "money")


def after_figure(ctx: Context, pos: int) -> bool:
    """Does a rate or an amount end right before pos?"""
    i = bisect_right(ctx.quantity_starts, pos) - 1
    while i >= 0 and ctx.quantities[i].end > pos:
        i -= 1
    if i < 0:
        return False
    figure = ctx.quantities[i]
    return figure.get("kind") in CLAUSE_ENDING_KINDS and not ctx.text[figure.end:pos].strip()


def _first_prefix(text: str, words: tuple[str, ...]) -> str | None:
    """The first of words that text starts with (one C-level test rules out most texts)."""
    if text.startswith(words):
        for word in words:
            if text.startswith(word):
                return word
    return None


def has_property_cue(ctx: Context, quantity: Hit, sentence_start: int) -> bool:
    rules = ctx.rules
    if ctx.text.endswith(rules.capacity_words, max(sentence_start, quantity.start - rules.capacity_lookback),
                         quantity.start):
        return True  # 宏优年产3万吨金属制品项目, 年水泥产能3.7亿吨: what a plant can make
    if quantity.get("kind") in rules.capacity_name_kinds and rules.capacity_name_after.match(ctx.text, quantity.end):
        return True  # 300万吨重质碳酸钙超细微粉项目: the plant's capacity, in its name
    start = clause_start(ctx, quantity.start, sentence_start)
    for cue in ctx.rules.property_cues.finditer(ctx.text, start, quantity.start):
        if not ctx.text.endswith(ctx.rules.not_property_before, start, cue.start()):
            return True  # 重达3吨; but 比重达45% is a share
    return False


def attribute(ctx: Context, quantity: Hit, sentence: tuple[int, int], scope: Scope,
              in_sentence: list[Hit]) -> Attribution | None:
    """Whose figure is this? None when it is not a district's claim."""
    if quantity.get("kind") in ctx.rules.never_claimed_kinds or quantity.get("unit") in ctx.rules.never_claimed_units:
        return None
    if ctx.rules.slogan_count.fullmatch(ctx.text, quantity.start, quantity.end) and ctx.text.startswith(
            ctx.rules.slogan_nouns, quantity.end):
        return None
    if ctx.text.endswith(ctx.rules.streak_words, 0, quantity.start):
        return None
    if quantity.get("kind") == "money" and (ctx.rules.unit_price_after.match(ctx.text, quantity.end) or
                                            one_projects_figure(ctx, quantity)):
        return None
    if in_project_name(ctx, quantity):
        return None  # 签订了20万吨粮食仓储物流项目: the project's capacity
    if has_property_cue(ctx, quantity, sentence[0]) or ctx.rules.attendance_after.match(ctx.text, quantity.end):
        return None  # 重达5吨; 200余人出席推介会: a thing's property, an event's audience
    if session_roll(ctx, quantity, sentence[0]):
        return None  # 应到代表131名，实到代表122名: who attends a congress
    if is_threshold(ctx, quantity) or counts_divisions(ctx, quantity) or wide_aside(ctx, quantity, sentence):
        return None
    if ranking_pool(ctx, quantity, sentence) or top_as_pool(ctx, quantity, sentence):
        return None
    if zone_item(ctx, quantity, sentence):
        return None  # 分别为：甲县34个、市开发区14个: the zone's
    if counts_parts(ctx, quantity) or is_gap(ctx, quantity, sentence) or on_markup_line(ctx, quantity):
        return None
    quote_speaker = speaker_of_quote(ctx, quantity)
    if quote_speaker is not None:
        return quote_speaker or None
    modified = district_modified_by(ctx, quantity, sentence)
    if modified is not None:
        return Attribution([modified.district], "sentence", "claims.sentence.modified")
    read = (after_reporting_frame(ctx, sentence[0], quantity.start), sentence[1])
    if read[0] != sentence[0]:  # 记者从璧山区统计局获悉，全区……: the source's district is the section's
        scope = advance_scope(ctx, scope, sentence[0], read[0])
    holder = rank_holder_after(ctx, quantity)
    if holder is not None:
        if len([m for m in district_list(ctx, holder, sentence) if m.kind == "district"]) > 1:
            return None  # 前十名分别为甲县、乙县…: the list holds the positions, no one district
        return Attribution([holder.district], "sentence", "claims.sentence.after")
    found = attribute_in_sentence(ctx, quantity, read, scope, in_sentence)
    if found is not None:
        return found or None
    later = district_later_in_clause(ctx, quantity, sentence)
    if later:
        listed = [m for m in district_list(ctx, later, sentence) if m.kind == "district"]
        if len(listed) > 1 and quantity.get("kind") == "rank" and any(
                w in ctx.text[quantity.end:later.start] for w in ctx.rules.list_order_words):
            return None  # 前十强依次是甲市、乙市……: each holds its own position (a rate passed is each one's)
        if len(listed) > 1 and top_rank(quantity):
            return None  # 排在前5名的分别是甲、乙……: a top N the list shares, no one's position
        if len(listed) > 1 and listed[0] is later and quantity.get("kind") in ctx.rules.list_shared_kinds:
            # 增速超过6%的有甲、乙、丙3个区: a rate each one's
            return Attribution([m.district for m in listed], "list", "claims.list.shared")
        return Attribution([later.district], "sentence", "claims.sentence.after")
    if scope.district is not None and scope.blocker is None:
        return Attribution([scope.district], "section", "claims.section")
    headline = headline_attribution(ctx, quantity)
    blocked = scope.blocker is not None and scope.blocked_at >= ctx.article.paragraphs[
        ctx.article.paragraph_index(quantity.start)].start  # 全市…… blocks to its paragraph's end
    if headline is None and not blocked and ctx.document_subject is not None:
        return Attribution([ctx.document_subject], "section", "claims.document")  # 统计公报: 全年实现……
    page = ctx.only_district
    if headline is None and not blocked and page is not None and page.start < quantity.start and not _names_others(
            ctx, sentence):
        # 本次签约项目共计22个 on a page about one district: its figure, unless a company or
        # another body the sentence names may be the one it is about
        return Attribution([page.district], "section", "claims.page")
    return headline


def _names_others(ctx: Context, sentence: tuple[int, int]) -> bool:
    """The sentence names a body or a scope other than a district that may be what it is about: a
    body anywhere; the city, the province or the nation as its clause's subject or topic (全市GDP…,
    从全市看，…), not in another role (规模稳居全市中心城区第一, 入选全国百强: where a rank is taken)."""
    return any(m.kind != "district" and (m.kind not in ("wide", "pronoun") or in_subject_position(ctx, m, sentence[0])
                                         or opens_topic(ctx, m, sentence[0])) and not in_project_list(ctx, m, sentence)
               and not statistical_class(ctx, m) and not means_the_page(ctx, m) for m in markers_in(ctx, *sentence))


def means_the_page(ctx: Context, pronoun: Marker) -> bool:
    """全区 on a page about one district (a 区): the page's district, no other subject, unless a word before it in
    its sentence may be what it means (自治区, 园区: claims.yaml page_pronoun_rivals)."""
    page, suffix = ctx.only_district, pronoun.pronoun_suffix
    if pronoun.kind != "pronoun" or page is None or suffix is None or \
            ctx.text[pronoun.start:pronoun.end] in ctx.rules.wide_scope_words or \
            not page.district.get("canonical", "").endswith(suffix):
        return False
    before = ctx.text[ctx.article.sentence_span(pronoun.start)[0]:pronoun.start]
    return not any(word in before for word in ctx.rules.page_pronoun_rivals)


CLASS_REACH = 16  # characters a statistical class and its fields may take before the company word


def statistical_class(ctx: Context, marker: Marker) -> bool:
    """规模以上工业|企业, 限上批发零售|企业: a company word naming a statistical class of the district's companies."""
    rules = ctx.rules
    return marker.rule == COMPANY_WORD and ctx.text[marker.start:marker.end] in rules.company_class_words and \
        rules.statistical_class_before.search(ctx.text, max(0, marker.start - CLASS_REACH), marker.start) is not None



def in_project_list(ctx: Context, marker: Marker, sentence: tuple[int, int]) -> bool:
    """共签约某某科技人工智能展示窗、某某产业园等12个项目: a body named in a list of projects closed by 等 and
    their count (claims.yaml project_list_close) is a project's party, not what the sentence is about."""
    end = clause_end(ctx, marker.end, sentence[1])
    return ctx.rules.project_list_close.search(ctx.text, marker.end, end) is not None


def opens_topic(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """从全市看, 放眼全国, 纵观全市, 据全市统计: the scope is the topic of its clause (claims.yaml topic_words
    right before it, after the clause's openers)."""
    prefix = ctx.text[clause_start(ctx, marker.start, sentence_start):marker.start].strip()
    while prefix and (opener := _first_prefix(prefix, ctx.rules.clause_openers)):
        prefix = prefix[len(opener):].lstrip()
    return prefix in ctx.rules.topic_words


def headline_attribution(ctx: Context, quantity: Hit) -> Attribution | None:
    """总投资274亿元 某某科学城璧山片区21个项目集中开工: a figure of the title is a claim of the
    one district the title names, wherever the figure stands in it; so is a figure of a headline line under the
    page's site chrome (朗读 / 总投资162亿！某县16个项目集中签约) or printed in two lines (总投资超182亿元 /
    某区签约32个项目) when its line and the lines beside it name one district and no body, zone or city
    (某县融媒体中心 / 某某集团年营收突破50亿元 is the company's), and list no others (某县等5县区)."""
    start, end = ctx.title
    if quantity.end <= end and not any(c in ctx.rules.heading_punctuation for c in ctx.text[start:end]):
        return _one_district_named(ctx, [(start, end)])
    lines = ctx.headline
    at = next((i for i, (a, b) in enumerate(lines) if a <= quantity.start and quantity.end <= b), None)
    if at is None:
        return None
    own = markers_in(ctx, *lines[at])
    near = lines[max(0, at - 1):at + 2] if all(m.kind == "district" for m in own) else [lines[at]]
    if any(ctx.rules.headline_list_word in ctx.text[a:b] for a, b in near):
        return None  # (a line naming a body leans on no line beside it: 某县融媒体中心 / 某某集团年营收…)
    return _one_district_named(ctx, near)


def _one_district_named(ctx: Context, spans: list[tuple[int, int]]) -> Attribution | None:
    named = {m.district.get("canonical"): m.district for a, b in spans for m in markers_in(ctx, a, b)
             if m.kind == "district"}
    return Attribution(list(named.values()), "title", "claims.title") if len(named) == 1 else None


def wide_aside(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """占全市GDP（16297.6亿元）比重超四分之一: a figure in brackets right after a phrase about
    the whole city or province is that unit's, whoever the sentence is about."""
    lead = ctx.text[max(sentence[0], quantity.start - 4):quantity.start].rstrip()
    if not lead.endswith(tuple(OPEN_PARENS)):
        return False
    bracket = quantity.start - (len(ctx.text[max(sentence[0], quantity.start - 4):quantity.start]) - len(lead)) - 1
    start = clause_start(ctx, bracket, sentence[0])
    before = markers_in(ctx, start, bracket)
    if before and before[-1].kind == "district" and not ctx.text[before[-1].end:bracket].strip():
        return False  # 对全市贡献率分别为甲县(23.9%)、乙区(16.9%): the bracket is the district's
    return any(m.kind == "wide" or (m.kind == "pronoun" and ctx.text[m.start:m.end] in ctx.rules.wide_scope_words
                                    and not resolve_pronoun(ctx, m, Scope()))  # 全市 of a county-level city is its own
               for m in before)


def counts_divisions(ctx: Context, quantity: Hit) -> bool:
    """三个行政区分别实现……, 以上五个县(区), 361个县级市, 县域经济发展强县11个: a count of districts."""
    if quantity.get("unit") not in ctx.rules.division_classifiers:
        return False
    return bool(division_counted(ctx, quantity)) or counted_after_division(ctx, quantity)


def counted_after_division(ctx: Context, quantity: Hit) -> bool:
    """县域经济发展强县11个，其中城市主城区4个：…: a count right after a kind of division, closing its clause,
    counts that kind; after a district's name or a pronoun for one (某县11个, 全县11个) it is the district's."""
    text, rules = ctx.text, ctx.rules
    if not text.endswith(rules.divisions_before_count, 0, quantity.start):
        return False
    follows = text[quantity.end:quantity.end + 1]
    if follows and not follows.isspace() and follows not in rules.clause_delimiters:
        return False
    floor = ctx.article.sentence_span(quantity.start)[0]
    return not any(m.end == quantity.start for m in markers_in(ctx, floor, quantity.start))


def ranking_pool(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """在全国700多个市辖区中脱颖而出, 位于52个同类县第8名: the count a rank is taken among."""
    rules, text = ctx.rules, ctx.text
    if quantity.get("kind") != "count":
        return False  # 从第9位跃进至第四位: a rank before a rank is a move
    if rules.pool_rank_after.match(text, quantity.end):
        return True
    start = clause_start(ctx, quantity.start, sentence[0])
    return rules.pool_before.search(text, start, quantity.start) is not None and rules.pool_after.match(
        text, quantity.end) is not None


def counts_parts(ctx: Context, quantity: Hit) -> bool:
    """从五个方面回顾, 重点做好八项工作: a count of a text's parts is what it is about."""
    return quantity.get("kind") == "count" and ctx.rules.counted_parts.match(ctx.text, quantity.end) is not None


def on_markup_line(ctx: Context, quantity: Hit) -> bool:
    """--> 2023-02-11 170亿元 7 7 某报 content_1.html /enpproperty-->: metadata a page leaked."""
    starts, ends = ctx.markup_lines
    i = bisect_right(starts, quantity.start) - 1
    return i >= 0 and quantity.end <= ends[i]


def is_gap(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """两者差值达到90亿元, 这一差距较上年的70亿元, 高出紧随其后的乙区8亿元: the gap between two
    subjects, by a gap word or by a compared district before the figure in its clause."""
    start = clause_start(ctx, quantity.start, sentence[0])
    clause = ctx.text[start:quantity.start]
    return any(w in clause for w in ctx.rules.gap_words) or any(
        m.kind == "district" and compared_with(ctx, m, sentence[0]) and not multiple_base(ctx, m)
        for m in markers_in(ctx, start, quantity.start))  # 是乙县的2.8倍: a multiple of it, no gap


def one_projects_figure(ctx: Context, quantity: Hit) -> bool:
    """投资1亿元的某某项目, 签订1亿元的某某项目: a sum modifying what follows, one project's figure (投资45亿元的7个
    项目 is the batch's)."""
    rules, text = ctx.rules, ctx.text
    after = rules.project_investment_after.match(text, quantity.end)
    if after is None or batch_total(ctx, quantity):
        return False
    return text.endswith(rules.project_investment_words, 0, quantity.start) or \
        rules.project_named_after.match(text, after.end()) is not None


def batch_total(ctx: Context, quantity: Hit) -> bool:
    """总投资45亿元的7个项目: a sum before a count of projects totals the batch, unless its clause makes it an
    average or one company's (平均投资2亿元的10个项目, 某某公司投资3亿元的2个项目)."""
    rules = ctx.rules
    if rules.project_batch_after.match(ctx.text, quantity.end) is None:
        return False
    start = clause_start(ctx, quantity.start, ctx.article.sentence_span(quantity.start)[0])
    return rules.project_batch_not_before.search(ctx.text, start, quantity.start) is None


def in_project_name(ctx: Context, quantity: Hit) -> bool:
    """乌木溪6000头种猪场项目, 20万吨粮食仓储物流项目: a capacity inside one project's name (project_name_*): the words
    up to 项目 are a name's, no verb among them (4.2万亩耕地|纳入…项目 is the district's)."""
    rules = ctx.rules
    if quantity.get("kind") not in rules.project_name_kinds or quantity.get("unit") in rules.project_name_count_units:
        return False
    after = rules.project_name_after.match(ctx.text, quantity.end)
    if after is None or not after["name"]:
        return False  # 造林5.6万亩|项目资金…: 项目 opens a new subject
    view, pos, end = text_view(ctx.doc), quantity.end, after.end("name")
    while pos < end:
        token = view.token_at(pos)
        if token is None or token[0] != pos or tag_of(ctx.text[pos:token[1]]) not in rules.project_name_word_tags:
            return False
        pos = token[1]
    return pos == end


def session_roll(ctx: Context, quantity: Hit, sentence_start: int) -> bool:
    """本次大会应到代表131名: the figure right after a session's roll words (claims.yaml attendance_before)."""
    rules = ctx.rules
    start = max(sentence_start, quantity.start - rules.attendance_lookback)
    return rules.attendance_before.search(ctx.text, start, quantity.start) is not None


def top_as_pool(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """第十九届百强县前100名分布在14个省区中: a top N that no district or pronoun of its sentence holds, followed
    by a word of the pool it counts."""
    if not top_rank(quantity) or ctx.rules.top_pool_after.match(ctx.text, quantity.end) is None:
        return False
    return not any(m.kind in ("district", "pronoun") for m in markers_in(ctx, sentence[0], quantity.start))


def zone_item(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """分别为：甲县34个、市开发区14个, 分别为高新区1176家、甲区266家: a list item that a zone with no place's
    name opens (after the list's opener, for the first item), the zone's figure."""
    start = clause_start(ctx, quantity.start, sentence[0], items=True)
    item = ctx.text[start:quantity.start].strip()
    after_opener = max((k + len(w) for w in ctx.rules.zone_item_openers if (k := item.find(w)) >= 0), default=0)
    return ctx.rules.zone_item.fullmatch(item, after_opener) is not None


def is_threshold(ctx: Context, quantity: Hit) -> bool:
    """10亿元以上项目11个, 超10亿元的项目, 5亿元~10亿元的企业, 0-6岁儿童: a bound in a category's name, not a
    figure of its own."""
    text = ctx.text
    surface = text[quantity.start:quantity.end].rstrip()
    end = quantity.end
    ranged_class = quantity.get("unit") in ctx.rules.class_range_units and quantity.get("value_min") is not None \
        and not text.startswith(ctx.rules.class_range_not_nouns, end)
    bound = surface.endswith(ctx.rules.threshold_words) or ranged_class or quantity.get("kind") == "money" and (
        quantity.get("approx") == "lower" or quantity.get("value_min") is not None  # 超10亿元的项目
        and ctx.rules.range_class_after.match(ctx.text, end) is not None)  # 5亿元~10亿元的企业, not 3亿元~5亿元用于
    if not bound:
        joined = ctx.rules.joined_bound.match(text, end)  # 其中2亿元及500万美元以上项目: one bound for both
        if joined is None or not _opens_clause_alone(ctx, quantity):
            return False  # 完成投资120亿元和3000万元以上…: the first figure has its own predicate
        end = joined.end()
    follows = text[end:end + 1]
    ends_clause = not follows or follows.isspace() or follows in ctx.rules.clause_delimiters
    level = next((w for w in ctx.rules.level_nouns if text.startswith(w, end)), "")
    if level and ctx.rules.range_class_after.match(text, end + len(level)):
        return True  # 产值突破10亿元大关的企业达5家: the milestone still names a class
    return not ends_clause and not level and not text.startswith(ctx.rules.bound_predicates, end)


def _opens_clause_alone(ctx: Context, quantity: Hit) -> bool:
    """Nothing but a clause opener (其中) before the figure in its clause."""
    start = clause_start(ctx, quantity.start, 0)
    prefix = ctx.text[start:quantity.start].strip()
    return not prefix or prefix in ctx.rules.clause_openers


def attribute_in_sentence(ctx: Context, quantity: Hit, sentence: tuple[int, int], scope: Scope,
                          in_sentence: list[Hit]) -> Attribution | bool | None:
    """Walk back from the figure to the sentence start. The nearest subject decides: a
    district or pronoun attributes, a zone, city, nation or company blocks (False). With
    no subject, the nearest district named in another role (在万州区) attributes; None
    when the sentence says nothing."""
    before = markers_in(ctx, sentence[0], quantity.start)
    bracketed = _bracket_after_district(ctx, before, quantity)
    if bracketed is not None:
        return Attribution([bracketed.district], "sentence", "claims.sentence.bracket")
    if before and before[-1].rule == TOWNSHIP and townships_figure(ctx, before[-1], quantity, sentence):
        return False  # 其中某某街道引进项目12个; 增长较快的是狮岭镇、花东镇，同比分别增长9.9%、7.7%
    fallback: Marker | None = None
    nearest = True  # only the district nearest the figure can head the figure's list item
    for marker in reversed(before):
        if marker.kind == "district" and in_member_aside(ctx, marker, sentence[0]):
            continue
        if marker.kind == "district":
            if in_subject_position(ctx, marker, sentence[0]) or (
                    nearest and heads_item_of(ctx, marker, quantity, sentence)):
                return district_attribution(ctx, marker, quantity, sentence, in_sentence)
            nearest = False
            if not compared_with(ctx, marker, sentence[0]):
                fallback = fallback or marker
        elif marker.kind == "pronoun":
            if share_of(ctx, marker, sentence[0]):
                continue  # 占全县的比重达70%: the whole the share is taken of, not the subject
            own = marker.rule == OWN_PRONOUN  # 我县: not a district this sentence names in passing
            in_scope = scope if own else advance_scope(ctx, scope, sentence[0], marker.start)
            resolved = resolve_pronoun(ctx, marker, in_scope)
            if resolved:
                return pronoun_attribution(ctx, marker, resolved, sentence)
            if (resolved is False or own) and in_subject_position(ctx, marker, sentence[0]):
                return False
        elif marker.rule == COMPANY_WORD and counted_companies(ctx, marker):
            continue  # 产值超10亿元的企业74家: the companies counted, no company's own figure
        elif marker.rule == GENERIC_ZONE and not zone_reaches(ctx, marker, quantity, sentence):
            continue  # 高新区加快建设，全区规上工业增加值增长8.5%: the zone's clause has no figure of its own
        elif marker.kind == "wide" and quantity.get("kind") == "rank" and ctx.rules.wide_rank_list.match(
                ctx.text, marker.start, quantity.start):
            continue  # 全国投资潜力百强县排名第69位: where the rank is taken, no subject
        elif marker.rule == DIVISION_GROUP and opens_figures_clause(ctx, marker, quantity, sentence[0]):
            return False  # 其余24个县在22000元-25000元之间: the group's
        elif marker.rule == "claims.block.company_speaker" or in_subject_position(ctx, marker, sentence[0]):
            if fallback is not None and lends_to(ctx, marker, fallback, sentence[1]):
                return district_attribution(ctx, fallback, quantity, sentence, in_sentence)
            return False
    if fallback is not None:
        return district_attribution(ctx, fallback, quantity, sentence, in_sentence)
    return None


def opens_figures_clause(ctx: Context, group: Marker, quantity: Hit, floor: int) -> bool:
    """其余24个县在…之间, 51个县同比增速超过5%: a group of divisions opening the figure's clause, an opener at most
    before it (not 向对口帮扶的3个县投入…, 比渝东北11个区县平均高…: an object or what is compared)."""
    start = clause_start(ctx, quantity.start, floor)
    return group.start >= start and ctx.text[start:group.start].strip() in ("", *ctx.rules.division_group_openers)


def share_of(ctx: Context, pronoun: Marker, floor: int) -> bool:
    """占全县的比重: a pronoun right after a share word names the whole a share is taken of (as metrics reads it)."""
    return vocabulary().share.search(ctx.text, max(floor, pronoun.start - 1), pronoun.start) is not None


def zone_reaches(ctx: Context, zone: Marker, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """Does a zone named by its kind alone (高新区, 县工业集中区), as its clause's subject, own the figure? In its own
    clause; after it, only where its clause holds a figure of its own, as a list item does (经开区5个，投资总额8.7亿元;
    not 高新区加快建设，全区规上工业增加值增长8.5%)."""
    if not in_subject_position(ctx, zone, sentence[0]):
        return False
    return zone.start >= clause_start(ctx, quantity.start, sentence[0]) or heads_figures(ctx, zone, sentence)


def heads_figures(ctx: Context, zone: Marker, sentence: tuple[int, int]) -> bool:
    """Does a figure follow the zone in its own clause (经开区5个)?"""
    end = clause_end(ctx, zone.end, sentence[1])
    i = bisect_left(ctx.quantity_starts, zone.end)
    return i < len(ctx.quantities) and ctx.quantities[i].start < end


def townships_figure(ctx: Context, township: Marker, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """The township nearest before the figure owns it: as its clause's subject (从镇街看，某镇增长9.5%), or as the
    list the figure's clause takes in turn (增长较快的是甲镇、乙镇，同比分别增长9.9%、7.7%); not where it is an
    object or a place (某县依托甲镇、乙镇等重点镇，新增市场主体3200户; 在甲镇建成农田1.5万亩)."""
    start = clause_start(ctx, quantity.start, sentence[0])
    if township.start >= start:
        return in_subject_position(ctx, township, sentence[0])
    return any(w in ctx.text[start:quantity.start] for w in ctx.rules.list_respective_words)


def lends_to(ctx: Context, lender: Marker, district: Marker, sentence_end: int) -> bool:
    """某银行在甲县发放贷款10亿元, 某分行向甲县投放资金4.99亿元: a bank (claims.yaml lender_words) as the subject, a
    district right after a word of recipients (recipient_words) in its clause and a word of lending (lending_words)
    after the district in its sentence: the money lent is the district's (the annotators claim it); the bank's own
    revenue there (某银行在甲县实现营业收入2亿元) stays the bank's."""
    rules = ctx.rules
    if not ctx.text[lender.start:lender.end].endswith(rules.lender_words) or district.start < lender.end:
        return False
    between = ctx.text[lender.end:district.start]
    if not between.endswith(rules.recipient_words) or any(c in rules.clause_delimiters for c in between):
        return False
    return any(word in ctx.text[district.end:sentence_end] for word in rules.lending_words)


def counted_companies(ctx: Context, marker: Marker) -> bool:
    """企业74家, 销售企业达到64家: a class word (企业, 公司; not 该公司) with a count of companies right after
    it (a linking word at most between them) that ends its clause or list item: the word names what is
    counted, no subject (该公司有3个生产基地 is the company's)."""
    if ctx.text[marker.start:marker.end] not in ctx.rules.company_class_words:
        return False
    i = bisect_left(ctx.quantity_starts, marker.end)
    if i == len(ctx.quantities):
        return False
    count = ctx.quantities[i]
    between, after = ctx.text[marker.end:count.start], ctx.text[count.end:count.end + 1]
    return count.get("unit") in ctx.rules.company_count_units and (
        not between or between in ctx.rules.company_count_links) and (
        not after or after.isspace() or after in ctx.rules.clause_delimiters or after in ctx.rules.list_separators)


def in_member_aside(ctx: Context, marker: Marker, floor: int) -> bool:
    """某市县域地区(包含甲县、乙县)实现……: a district in a bracket that lists the members of
    the sentence's subject."""
    gap = ctx.text[floor:marker.start]
    opened = max(gap.rfind(c) for c in OPEN_PARENS)
    if opened == -1 or any(c in CLOSE_PARENS for c in gap[opened:]):
        return False
    return gap[opened + 1:].lstrip().startswith(ctx.rules.member_aside_words)


def _bracket_after_district(ctx: Context, before: list[Marker], quantity: Hit) -> Marker | None:
    """甲区(607.87亿元 同比增长5.4%)、乙区(281.72亿元 5.6%): a figure inside brackets that open
    right after a district is that district's, wherever the district stands in its clause."""
    districts = [m for m in before if m.kind == "district"]
    if not districts:
        return None
    marker = districts[-1]
    gap = ctx.text[marker.end:quantity.start]
    opened = gap.lstrip()
    if not opened.startswith(tuple(OPEN_PARENS)) or any(c in CLOSE_PARENS for c in opened):
        return None
    return marker


def heads_item_of(ctx: Context, marker: Marker, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """依次为：甲区876亿元、乙县415亿元: a district that opens its list item, with the figure in
    the same item, is the item's subject (but 甲区、乙区增速…: a list of districts shares it)."""
    if clause_start(ctx, marker.start, sentence[0], items=True) != marker.start:
        return False
    if len(district_list(ctx, marker, sentence)) > 1:
        return False
    gap = ctx.text[marker.end:quantity.start]
    return "\n" not in gap and not ctx.rules.clause_stop.search(gap) and not ctx.rules.item_stop.search(gap)


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
        if top_rank(quantity) and not any(w in between for w in ctx.rules.list_all_words):
            return Attribution([], "list", "claims.list.top")  # 甲区、乙区和丙区包揽前3名: a top N they share
            # (甲区、乙区均进入前10名: each one's, below)
        shared_rate = (quantity.get("kind") in ctx.rules.list_shared_kinds or shared_rank(ctx, quantity, between)
                       ) and in_subject_position(ctx, listed[0], sentence[0])  # 甲区和乙区增速超过7%: each one's
        shared_item = between in ("", "的") and enumerated(ctx, listed[0], in_sentence)  # 乙区、丙区(的)8家
        if (any(w in between for w in ctx.rules.list_all_words) or shared_rate or shared_item) and len(joined) == 1:
            return Attribution([m.district for m in listed if m.kind == "district"], "list", "claims.list.shared")
    if speaker:
        return Attribution([marker.district], "speaker", "claims.speaker.district", speaker)
    return Attribution([marker.district], "sentence", marker.rule)


def enumerated(ctx: Context, first: Marker, in_sentence: list[Hit]) -> bool:
    """依次为：甲区13个，乙区5个，丙区、丁区0个: the list is one item of an enumeration of
    districts and their figures (after its colon, or right after another item's figure), so
    the figure glued to it is each one's, not a total."""
    text, mark = ctx.text, first.start - 1
    while mark >= 0 and text[mark].isspace():
        mark -= 1
    if mark < 0 or text[mark] not in ctx.rules.enumeration_marks:
        return False
    return text[mark] in ctx.rules.enumeration_openers or any(q.end == mark for q in in_sentence)


def shared_rank(ctx: Context, quantity: Hit, between: str) -> bool:
    """甲区和乙区并列全市第一: a rank the list ties for is each listed district's."""
    return quantity.get("kind") == "rank" and any(w in between for w in ctx.rules.list_tie_words)


def top_rank(quantity: Hit) -> bool:
    """前3名, 前十强, 第4名到第10名: a top N or a range of positions, which a list of districts shares as a group
    (most annotators give it to none of them; one alone in it, 某区跻身前10名, holds it)."""
    ranged = quantity.get("approx") == "upper" or quantity.get("value_min") is not None
    return quantity.get("kind") == "rank" and ranged


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
    """Two list items: only separators between them, after a note on the first (綦江(不含万盛)、), around a
    development zone named in the list (南川、万盛经开区、璧山), or after the first one's body (甲区人民政府和乙县)."""
    gap = PARENTHETICAL.sub("", ctx.text[a.end:b.start])
    gap = ctx.rules.list_zone_item.sub("", gap)
    body = next((w for w in ctx.rules.joint_body_words if gap.startswith(w)), "")
    gap = gap[len(body):]  # 甲区人民政府和乙县…: the two bodies as one subject
    return bool(gap) and all(c in ctx.rules.list_separators for c in gap)


def respective(ctx: Context, listed: list[Marker], quantity: Hit, in_sentence: list[Hit]) -> Attribution | None:
    """甲区、乙区增速分别为7.1%和6.5%: the n-th figure of the clause is the n-th district's."""
    sentence_end = max(q.end for q in in_sentence)
    end = clause_end(ctx, quantity.end, sentence_end)
    after_list = listed[-1].end
    aside = PARENTHETICAL.match(ctx.text, after_list)
    if aside:
        after_list = aside.end()  # 甲县(318亿元)和乙县(280亿元)分列第四、第五: the last one's own figure
    start = clause_start(ctx, quantity.start, after_list)
    group = [q for q in in_sentence if start <= q.start and q.end <= end and q.start >= after_list]
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
            if not gap or not all(c in ctx.rules.list_separators and c not in ctx.rules.clause_delimiters for c in gap):
                break
            group.insert(0, ordered[j]) if step < 0 else group.append(ordered[j])
            j += step
    return group


def speaker_phrase(ctx: Context, marker: Marker, sentence: tuple[int, int]) -> str | None:
    """'大足区科技局副局长卿勇' when the marker's clause is a speaker phrase ending in a speech verb."""
    end = clause_end(ctx, marker.end, sentence[1])
    clause = ctx.text[marker.start:end].rstrip()
    verb = first_suffix(clause, ctx.rules.speech_verbs)
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
    speaker = text[start:end].strip().rstrip(ctx.rules.speaker_punctuation)
    if districts:
        return Attribution([districts[0].district], "speaker", "claims.speaker.quote", speaker)
    if any(w in speaker for w in ctx.rules.company_speaker_words):
        return False
    return None


def _speaker_after(ctx: Context, start: int, limit: int) -> tuple[int, int] | None:
    end = clause_end(ctx, start, limit)
    clause = ctx.text[start:end].rstrip()
    verb = first_suffix(clause, ctx.rules.speech_verbs)
    return (start, start + len(clause) - len(verb)) if verb else None


def _speaker_before(ctx: Context, open_at: int, limit: int) -> tuple[int, int] | None:
    text = ctx.text
    head = text[limit:open_at].rstrip().rstrip(ctx.rules.speaker_punctuation)
    verb = first_suffix(head, ctx.rules.speech_verbs)
    if not verb:
        return None
    end = limit + len(head) - len(verb)
    return clause_start(ctx, end, limit), end


def after_reporting_frame(ctx: Context, sentence_start: int, pos: int) -> int:
    """Where the sentence is read from for a figure at pos: after a reporting frame that is its
    first clause (记者从某区科技局了解到，现在全区……), else its start."""
    first_clause_end = clause_end(ctx, sentence_start, pos)
    if first_clause_end >= pos:
        return sentence_start
    if first_suffix(ctx.text[sentence_start:first_clause_end].rstrip(), ctx.rules.reporting_frame_ends) is None:
        return sentence_start
    return first_clause_end + 1


def district_modified_by(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> Marker | None:
    """排在第12位的某市甲区，排在第75位的乙区: the district right after the phrase the figure
    ends, with only its city or province between, when the district ends its clause or list item;
    a rank's district written right after it (超出第二名乙县9亿元)."""
    end = clause_end(ctx, quantity.end, sentence[1])
    rules = ctx.rules
    if quantity.get("unit") == "rank":
        named = next((m for m in markers_in(ctx, quantity.end, end) if m.start == quantity.end), None)
        if named is not None and named.kind == "district":
            return named
    link = ctx.text.find(rules.modifier_link, quantity.end, min(end, quantity.end + rules.modifier_max_chars + len(
        rules.modifier_link)))
    if link == -1:
        return None
    phrase_end = link + len(rules.modifier_link)
    for marker in markers_in(ctx, phrase_end, end):
        if marker.kind == "district":
            after = ctx.text[marker.end:marker.end + 1]
            ends_item = not after or after in rules.list_separators or marker.end == end
            if not ends_item or not _only_markers_between(ctx, phrase_end, marker.start):
                return None
            listed = [m for m in district_list(ctx, marker, sentence) if m.kind == "district"]
            return marker if len(listed) == 1 else None  # 增速达到8%的甲区、乙区和丙区: the list's (claims.list.shared)
        if marker.kind != "wide":
            return None  # 排名第一的某公司: another subject
    return None


def _only_markers_between(ctx: Context, start: int, end: int) -> bool:
    """Nothing but markers (places) and white space from start to end."""
    covered = start
    for marker in markers_in(ctx, start, end):
        if ctx.text[covered:marker.start].strip():
            return False
        covered = marker.end
    return not ctx.text[covered:end].strip()


def rank_holder_after(ctx: Context, quantity: Hit) -> Marker | None:
    """西部地区第一名为某省甲县: a rank, then 为 or 是 and a district right after (its address may open it),
    names who holds the rank, whatever the sentence named before."""
    if quantity.get("kind") != "rank":
        return None
    link = ctx.rules.rank_holder_links.match(ctx.text, quantity.end)
    if link is None:
        return None
    after = markers_in(ctx, link.end(), link.end() + ctx.rules.rank_holder_reach)
    first = after[0] if after else None
    if first is None or first.kind != "district" or first.start != link.end():
        return None
    opens_name = any(org.start <= first.start and org.end > first.end for org in ctx.organizations)
    return None if opens_name else first  # 第一名为某区人民医院: the hospital's



def district_later_in_clause(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> Marker | None:
    """首批27家配套企业集中签约入驻江津: a district after the figure, in the same clause,
    with no other subject between."""
    end = clause_end(ctx, quantity.end, sentence[1])
    for marker in markers_in(ctx, quantity.end, end):
        if marker.rule != COMPANY_WORD and marker.rule not in MENTIONS:
            return marker if marker.kind == "district" else None
    return None


def advance_scope(ctx: Context, scope: Scope, s_start: int, s_end: int) -> Scope:
    """After a sentence: its last district becomes the scope; a zone or the city as a
    subject blocks the section until a district is named again."""
    previous: Marker | None = None
    for marker in markers_in(ctx, s_start, s_end):
        if marker.kind == "district" and not could_be_section(ctx, marker, s_start):
            continue
        located = marker.district if marker.kind == "district" else marker.township_of
        if located is not None and scope.blocker is not None and where_subject_lies(ctx, marker, s_start):
            # 某经济开发区位于乙县合力镇…，现已建成2.35平方公里: the zone stays the subject, 全县 means 乙县 (named
            # alone or with its township: 位于乙县城关镇)
            scope = Scope(located, scope.blocker, scope.blocked_at)
            previous = marker
            continue
        if marker.kind == "district":
            listed = previous is not None and previous.kind == "district" and _joined_by_separators(
                ctx, previous, marker)
            # 渝北、长寿和潼南……: a list names no one district that the section is about; on a page that is no
            # district's own report, the rest of its paragraph is the list's (联盟区域内共有景区28家), no page's
            blocked = LIST_BLOCK if ctx.document_subject is None else None
            scope = Scope(None, blocked, marker.start) if listed else Scope(marker.district)
        elif marker.kind == "pronoun" and not share_of(ctx, marker, s_start):
            resolved = resolve_pronoun(ctx, marker, scope)
            if resolved and scope.district is None:
                scope = Scope(resolved)  # 全县实现……: the section is the county's
            elif resolved is False and in_subject_position(ctx, marker, s_start):
                scope = Scope(scope.district, ctx.text[marker.end - 1], marker.start)  # 我市GDP增长5%: the city's
        elif marker.rule == BODY and opens_project_paragraph(ctx, marker, s_start):
            scope = Scope(scope.district, PROJECT_BLOCK, marker.start)  # 某公司总投资50亿元建设某项目。项目建成后……
        elif marker.rule == GENERIC_ZONE:
            if in_subject_position(ctx, marker, s_start) and heads_figures(ctx, marker, (s_start, s_end)):
                # 经开区5个，投资总额8.7亿元。分产业看……: the zone's, to its paragraph's end, as a named zone's
                scope = Scope(scope.district, (marker.name or "")[-1:] or None, marker.start)
        elif marker.kind in ("zone", "wide") and in_subject_position(ctx, marker, s_start) and not on_a_route(
                ctx, marker):  # 衡阳至衡南县公路: a road's end, no subject
            name = marker.name or ctx.text[marker.start:marker.end]
            scope = Scope(scope.district, name[-1], marker.start)
        previous = marker
    return scope


def reopened_scope(ctx: Context, scope: Scope, sentence_start: int) -> Scope:
    """The scope a sentence's opening gives back: a word of the whole event or 今年以来 (此次, 会上) ends a company's
    project paragraph, as the paragraph's end does, and an enumeration's next item (三是) a zone the item before made
    the subject (经开区建成…): the sentence's figures are the section's again."""
    if scope.blocker is None or scope.blocker == LIST_BLOCK:
        return scope
    if scope.blocker == PROJECT_BLOCK and (ctx.rules.project_paragraph_enders.match(ctx.text, sentence_start) or
                                           ctx.article.paragraph_index(sentence_start) !=
                                           ctx.article.paragraph_index(scope.blocked_at)):
        return Scope(scope.district)  # the project's paragraph ends there
    if ctx.rules.item_openers.match(ctx.text, sentence_start) and _blocked_by_zone(ctx, scope):
        return Scope(scope.district)
    return scope


def _blocked_by_zone(ctx: Context, scope: Scope) -> bool:
    """Is the scope's subject a zone (经开区, 某某高新区), not a city, a province or the nation?"""
    i = bisect_left(ctx.marker_starts, scope.blocked_at)
    return i < len(ctx.markers) and ctx.markers[i].start == scope.blocked_at and ctx.markers[i].kind == "zone"


def opens_project_paragraph(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """某某股份有限公司总投资50亿元建设某某项目: a company opening its paragraph's first sentence by investing in a
    project; the paragraph goes on about the project."""
    paragraph = ctx.article.paragraphs[ctx.article.paragraph_index(sentence_start)]
    return not ctx.text[paragraph.start:sentence_start].strip() and in_subject_position(
        ctx, marker, sentence_start) and ctx.rules.project_paragraph_cue.match(ctx.text, marker.end) is not None


def locates_a_body(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """总部位于上海市闵行区的某某公司: a district out of subject position that modifies a company, research
    body or university named right after it (的 between)."""
    link = ctx.rules.modifier_link
    if not ctx.text.startswith(link, marker.end) or in_subject_position(ctx, marker, sentence_start):
        return False
    at = marker.end + len(link)
    i = bisect_left(ctx.marker_starts, at)
    return i < len(ctx.markers) and ctx.markers[i].start == at and ctx.markers[i].rule in ORG_MARKER_RULES


def passing_in_report(ctx: Context, marker: Marker, sentence_start: int) -> bool:
    """选派干部到沈阳皇姑驻点: in a district's own report another district named in passing
    (not its clause's subject) is no section's subject; the report's district stays in scope."""
    subject = ctx.document_subject
    if subject is None or marker.district is None or marker.district.get("canonical") == subject.get("canonical"):
        return False
    return not in_subject_position(ctx, marker, sentence_start)
