"""The rules of district claims (rules/claims.yaml) and of metric naming (rules/metrics.yaml),
loaded once per rules folder, and the constants the claims stage shares."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from zhfacts.extract.orgs.government import government_rules
from zhfacts.extract.places import place_rules
from zhfacts.extract.quantities import place_count_units
from zhfacts.extract.scanning import words_pattern
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.text.sentences import clause_delimiters as text_clause_delimiters
from zhfacts.text.sentences import item_delimiters as text_item_delimiters

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


def _after_any(words: list[str]) -> str:
    """Lookbehinds, one per word, each as an alternative (|(?<=分别为)|(?<=依次为))."""
    return "".join(f"|(?<={re.escape(word)})" for word in words)


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
        # only where a word starts matters here: the trie finds the same starts in fewer tries
        return cls(re.compile(words_pattern(unique) or "(?!)"), by_first_char)

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
    never_claimed_units: frozenset[str]
    slogan_count: re.Pattern[str]
    slogan_nouns: tuple[str, ...]
    page_district_mentions: int
    title_district_share_num: int  # 2 of 2/3: the title's district's share of a page's mentions
    title_district_share_den: int
    streak_words: tuple[str, ...]
    unit_price_after: re.Pattern[str]
    range_class_after: re.Pattern[str]  # 5亿元~10亿元|的企业: a class's bound
    attendance_after: re.Pattern[str]  # 200余人出席推介会: an event's audience
    attendance_before: re.Pattern[str]  # 应到代表131名: a session's roll
    attendance_lookback: int  # how far before a figure the roll's words may start
    pool_before: re.Pattern[str]  # 在|全国700多个市辖区中脱颖而出: the pool of a ranking
    pool_after: re.Pattern[str]
    pool_rank_after: re.Pattern[str]  # 52个|同类县第8名
    project_investment_words: tuple[str, ...]  # 投资|1亿元的某某项目: one project's figure, with ...
    project_investment_after: re.Pattern[str]  # ... 的 after the sum
    project_paragraph_cue: re.Pattern[str]  # 某公司|总投资50亿元建设某某项目 opening its paragraph
    project_paragraph_enders: re.Pattern[str]  # 今年以来, 此次: a sentence of the county's again
    item_openers: re.Pattern[str]  # 三是: an enumeration's next item, the report's again
    project_batch_after: re.Pattern[str]  # 45亿元|的7个项目: a batch's total, not one project's
    project_batch_not_before: re.Pattern[str]  # 平均|投资2亿元的10个项目: an average, no batch's total
    project_named_after: re.Pattern[str]  # 3.2亿元的|某某物流园建设项目: a project named in the sum's clause
    project_name_kinds: frozenset[str]  # a capacity inside a project's name: 20万吨|粮食仓储物流项目
    project_name_count_units: frozenset[str]
    project_name_after: re.Pattern[str]
    project_name_word_tags: frozenset[str]  # of the words between the capacity and 项目
    comparison_objects: tuple[str, ...]  # 高出乙区15亿元: 乙区 is what the figure is compared with
    multiple_base_before: tuple[str, ...]  # 是 of 是乙县的2.8倍: the base of a multiple follows
    multiple_base_after: str  # 的 of 是乙县的2.8倍
    clause_delimiters: frozenset[str]
    item_delimiters: frozenset[str]
    pronouns: tuple[tuple[str, str, bool], ...]  # (word, rule id, suffix must match)
    wide_scope_words: tuple[str, ...]
    wide_scope_not: tuple[str, ...]  # 国内税收收入: the indicator's word, no scope
    wide_rank_list: re.Pattern[str]  # 全国|投资潜力百强县排名|第69位: the list a rank is taken in
    company_subject_words: tuple[str, ...]
    section_carry_openers: tuple[str, ...]  # an indented paragraph opening so stays in its section
    visitor_after: tuple[str, ...]  # 乙县|考察团: a visiting party, no section's district
    neighbour_clause_open: re.Pattern[str]  # 东与|…接壤, 西接|…: the clause names neighbours
    neighbour_after: tuple[str, ...]  # 接壤, 毗邻 after a district in its clause
    page_pronoun_rivals: tuple[str, ...]  # 自治区…，全区: the pronoun may mean them
    location_words: tuple[str, ...]  # 某开发区位于|乙县: where a zone lies
    topic_words: frozenset[str]  # 从|全市看: the scope is the clause's topic
    distinction_after_wide: re.Pattern[str]  # 全国|首台: the pool of a distinction, no subject
    project_batch_words: tuple[str, ...]  # 甲县重点项目总投资: a batch, the district's
    project_batch_endings: tuple[str, ...]  # 甲县产业项目总投资: a kind of projects, the district's
    project_one_words: tuple[str, ...]  # 生产, 基地: a word of one plant in the name
    company_subject_not: tuple[str, ...]  # 该行业: opens with 该行, names no company
    all_companies_words: tuple[str, ...]  # 企业所得税: all the district's companies, unless one is named before
    statistical_class_before: re.Pattern[str]  # 规模以上工业|企业: a class of the district's companies
    company_class_words: frozenset[str]  # 企业, 公司: before their count (企业74家) no subject
    company_count_units: frozenset[str]
    company_count_links: frozenset[str]
    blocking_org_types: frozenset[str]
    mention_reach: int  # how far after a company its clause is read for 等, a project or a partner
    example_word: re.Pattern[str]  # 甲公司、乙公司等9家企业: the 等 that makes the companies examples
    example_counts: tuple[str, ...]  # 等一批: words that count the examples before 等
    project_heads: tuple[str, ...]  # 某公司年产3万吨电池项目: the word that ends a project's name
    project_name_max_chars: int
    partner_words: tuple[str, ...]  # 甲公司与乙县签约: the company is the district's partner
    partner_adverbs: tuple[str, ...]  # 甲公司分别与乙县签约: words between a company and its partner word
    signing_words: tuple[str, ...]
    property_cues: re.Pattern[str]  # any of the cues
    not_property_before: tuple[str, ...]  # before a cue, these make it another word (比|重达)
    capacity_words: tuple[str, ...]  # right before a figure: a plant's or project's capacity (年产3万吨)
    capacity_lookback: int  # how far before the figure a capacity word may start
    capacity_name_kinds: frozenset[str]  # figures that, before a project's name, are its capacity
    capacity_name_after: re.Pattern[str]  # 300万吨|重质碳酸钙超细微粉项目
    speech_verbs: tuple[str, ...]
    reporting_frame_ends: tuple[str, ...]  # 记者从某局了解到，: the sentence is read from the frame's end
    modifier_max_chars: int  # 排在第12位的某区: at most this between the figure and 的
    modifier_link: str  # 的
    company_speaker_words: tuple[str, ...]
    locative_words: tuple[str, ...]
    clause_openers: tuple[str, ...]
    company_frames: tuple[str, ...]
    demonstratives: tuple[str, ...]
    threshold_words: tuple[str, ...]
    class_range_units: frozenset[str]  # 岁 of 0-6岁儿童: a range naming whom a figure counts
    class_range_not_nouns: tuple[str, ...]  # 之间 of 18-35岁之间: no noun after the range
    joined_bound: re.Pattern[str]  # 2亿元|及500万美元以上: a figure sharing the bound after it
    level_nouns: tuple[str, ...]
    bound_predicates: tuple[str, ...]  # 增长5%以上的有……: the bound names who passed it
    list_separators: frozenset[str]
    enumeration_marks: frozenset[str]
    enumeration_openers: frozenset[str]
    list_all_words: tuple[str, ...]
    list_respective_words: tuple[str, ...]
    list_shared_kinds: frozenset[str]
    list_total_words: tuple[str, ...]
    list_tie_words: tuple[str, ...]  # 并列: one rank held by every district of the list
    list_order_words: tuple[str, ...]  # 前十强依次是: a list in order, each its own position
    lender_words: tuple[str, ...]  # 某银行向甲县投放: a bank lending to a district
    recipient_words: tuple[str, ...]  # 在, 向, 为 before the district a bank lends to
    lending_words: tuple[str, ...]  # 贷款, 授信: the bank lends, not earns
    list_zone_item: re.Pattern[str]
    joint_body_words: tuple[str, ...]  # 人民政府 of 甲区人民政府和乙县人民政府: a joint subject
    project_list_close: re.Pattern[str]  # 等12个项目: closes a list of projects
    venue_after: re.Pattern[str]  # 越秀|国际会议中心: a venue's name, no section's district
    outside_after: tuple[str, ...]  # 山西省|域外: a region something is outside of, no subject
    table_count_columns: frozenset[str]  # 年末数: a measure column's name that adds nothing to the row's label
    table_place_endings: tuple[str, ...]  # 某某镇: a table row of a place, no indicator of the district's
    bullet_marks: str  # ◆: a list line's mark, no word of its clause
    top_pool_after: re.Pattern[str]  # 前100名|分布在: a top N as the pool counted
    zone_item: re.Pattern[str]  # 市开发区, 高新区: a zone without a place's name (not 万盛|经开区: no ideograph before)
    zone_item_openers: tuple[str, ...]  # 分别为: opens a respective list's first item, a zone after it too
    rank_holder_links: re.Pattern[str]  # 第一名|为|某县: the district after holds the rank
    rank_holder_reach: int  # characters the holder's marker may span
    township_after: re.Pattern[str]  # 某区|慈城镇: a township named after its district
    township_cut_not_tags: frozenset[str]  # 为|城镇: a preposition before a whole word opens no township
    township_end: re.Pattern[str]  # 镇, 乡, 街道: where a township's name may end (the organizations' suffixes)
    decline_before: re.Pattern[str]  # a decline word right before a figure (下降了2.3%)
    modality_cues: re.Pattern[str]  # any modality cue; the group named tells which
    not_cues: re.Pattern[str]  # words that hold a cue but state a fact (计划总投资)
    future_only: frozenset[str]  # 将达到: a forecast cue that keeps an earlier target
    heading_max_chars: int
    title_stops: frozenset[str]  # a line with one is a sentence, no title
    caption: re.Pattern[str]  # 图1:…, 表2 …: a caption sets no period
    caption_label: re.Pattern[str]  # a caption's label ending right before a position (图1:)
    caption_lookback: int  # how far before the position the label may start
    member_aside_words: tuple[str, ...]  # (包含甲县、乙县): a bracket listing the subject's members
    heading_punctuation: frozenset[str]  # a title or heading with one of these is prose
    headline_list_word: str  # 某县等5县区: a headline listing more places than it names
    speaker_punctuation: str  # between a speaker phrase and its quote (说：“……”)
    counted_parts: re.Pattern[str]  # 五个方面, 八项工作：: a count of a text's parts
    gap_words: tuple[str, ...]  # 两者差值: a gap between two subjects
    markup_line: re.Pattern[str]  # <!--enpproperty …-->: leaked markup
    project_subject_words: tuple[str, ...]  # 该项目: a project's figures
    project_total_words: tuple[str, ...]  # 项目总投资: the project just named, unless projects were counted
    project_named_links: tuple[str, ...]  # 某某项目由某公司投资建设: the named project is the subject
    project_stage_words: tuple[str, ...]  # 建成后: the project just named, unless projects were counted
    project_investor_after: re.Pattern[str]  # 由某公司投资: an investor builds it
    project_count_noun: str
    project_count_units: frozenset[str]  # 6个项目……，项目总投资: a batch counted before
    project_count_gap: int
    project_count_links: tuple[str, ...]
    counted_divisions: tuple[str, ...]  # 三个行政区, 五个县: a count of districts is no one's
    not_divisions: tuple[str, ...]  # 区域, 县域: words that only start like one
    division_pool_before: tuple[str, ...]  # 在|全省137个县: the group is a rank's pool
    division_group_openers: frozenset[str]  # 其余|24个县: what may open a clause before its group
    district_list_closers: tuple[str, ...]  # 从江、麻江|等|3个县: a list's count, no group
    division_pool_after: re.Pattern[str]  # 88个县|中: the group is a rank's pool
    divisions_before_count: tuple[str, ...]  # 强县|11个, 主城区|4个: a count of the kind before it
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
    list_conjunctions: str  # 和 of 甲、乙和丙分别…: before the last listed name
    generic_measures: frozenset[str]
    comparison_only: frozenset[str]
    instrumental: tuple[str, ...]
    qualifier_chars: str
    topic: re.Pattern[str]
    trailing_aside: re.Pattern[str]  # 地区生产总值(GDP): a bracketed gloss ending the phrase
    parallel_heads: tuple[str, ...]  # 播种面积, 产量: measures a run of parallel items shares
    parallel_name_max_chars: int
    parallel_lookback: int  # how many figures back the item before is looked for
    respective: re.Pattern[str]  # 分别: a run of figures pairs with names in order
    paired_names: dict[str, tuple[str, ...]]  # 城乡居民 -> 城镇居民, 农村居民
    reached_words: tuple[str, ...]  # 提高到, 降至: a level reached, not a rate
    after_duration_words: tuple[str, ...]  # 三年内: the end of a duration's phrase
    run_in_heading: re.Pattern[str]
    change_connector: re.Pattern[str]  # 由第9位上升到第4位: one measure, a former and a new figure
    after_change: re.Pattern[str]  # a figure right after a change connector (…上升到|第4位)


def _project_named_after(nouns: list[str], stops: list[str], reach: int, delimiters: frozenset[str]) -> re.Pattern[str]:
    """A project noun within reach characters of the clause, none of the stops before it (某某物流园建设|项目;
    not 专项资金支持重点|项目)."""
    stop_chars = re.escape("".join(sorted(delimiters)) + "\n")
    not_stop = f"(?!{'|'.join(map(re.escape, stops))})" if stops else ""
    return re.compile(f"(?:{not_stop}[^{stop_chars}]){{0,{reach}}}?(?:{'|'.join(map(re.escape, nouns))})")


def _joined_bound(joiners: list[str], bounds: list[str], reach: int, delimiters: frozenset[str]) -> re.Pattern[str]:
    """Right after a figure: a joiner, the next figure (a numeral first, no clause delimiter), its
    threshold word (not 、省级以上: a category's bound with no figure)."""
    stops, numeral = re.escape("".join(sorted(delimiters))), "[0-9零一二三四五六七八九十两百千万]"
    return re.compile(f"(?:{'|'.join(map(re.escape, joiners))}){numeral}[^{stops}]{{0,{reach}}}?"
                      f"(?:{'|'.join(map(re.escape, _longest_first(bounds)))})")


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@rules_cache
def claim_rules() -> ClaimRules:
    d = load_yaml(CLAIMS_RULES)

    def get(key: str) -> Any:
        return require(d, key, CLAIMS_RULES)

    pronouns = tuple((w, p["id"], bool(p["suffix"])) for p in get("pronouns") for w in p["words"])
    clause_delimiters, item_delimiters = frozenset(text_clause_delimiters()), frozenset(text_item_delimiters())
    mentions = get("org_mentions")
    return ClaimRules(
        confidence={k: float(v) for k, v in get("confidence").items()},
        never_claimed_kinds=frozenset(get("never_claimed_kinds")),
        never_claimed_units=frozenset(get("never_claimed_units")) | place_count_units(),
        slogan_count=re.compile(get("slogan_count")),
        slogan_nouns=_longest_first(get("slogan_nouns")),
        page_district_mentions=int(get("page_district_mentions")),
        title_district_share_num=int(get("title_district_share_num")),
        title_district_share_den=int(get("title_district_share_den")),
        streak_words=tuple(get("streak_words")),
        unit_price_after=re.compile(get("unit_price_after")),
        range_class_after=re.compile(get("range_class_after")),
        attendance_after=re.compile(get("attendance_after")),
        attendance_before=re.compile(get("attendance_before")),
        attendance_lookback=int(get("attendance_lookback_chars")),
        pool_before=re.compile(get("pool_before")),
        pool_after=re.compile(get("pool_after")),
        pool_rank_after=re.compile(get("pool_rank_after")),
        project_investment_words=tuple(get("project_investment_words")),
        project_investment_after=re.compile(get("project_investment_after")),
        project_paragraph_cue=re.compile(get("project_paragraph_cue")),
        project_paragraph_enders=re.compile(get("project_paragraph_enders")),
        item_openers=re.compile(get("item_openers")),
        project_batch_after=re.compile(get("project_batch_after")),
        project_batch_not_before=re.compile(get("project_batch_not_before")),
        project_name_kinds=frozenset(get("project_name_kinds")),
        project_name_count_units=frozenset(get("project_name_count_units")),
        project_name_after=re.compile(get("project_name_after")),
        project_name_word_tags=frozenset(get("project_name_word_tags")),
        project_named_after=_project_named_after(get("project_nouns"), get("project_noun_stops"),
                                                 int(get("project_noun_reach")), clause_delimiters | item_delimiters),
        comparison_objects=tuple(get("comparison_objects")),
        multiple_base_before=tuple(get("multiple_base_before")),
        multiple_base_after=str(get("multiple_base_after")),
        clause_delimiters=clause_delimiters,
        item_delimiters=item_delimiters,
        pronouns=tuple(sorted(pronouns, key=lambda p: len(p[0]), reverse=True)),
        wide_scope_words=_longest_first(get("wide_scope_words")),
        wide_scope_not=tuple(get("wide_scope_not")),
        wide_rank_list=re.compile(get("wide_rank_list")),
        company_subject_words=_longest_first(get("company_subject_words")),
        company_subject_not=tuple(get("company_subject_not")),
        all_companies_words=tuple(get("all_companies_words")),
        statistical_class_before=re.compile(get("statistical_class_before")),
        company_class_words=frozenset(get("company_class_words")),
        company_count_units=frozenset(get("company_count_units")),
        company_count_links=frozenset(get("company_count_links")),
        section_carry_openers=tuple(get("section_carry_openers")),
        visitor_after=_longest_first(get("visitor_after")),
        neighbour_clause_open=re.compile(get("neighbour_clause_open")),
        neighbour_after=tuple(get("neighbour_after")),
        page_pronoun_rivals=tuple(get("page_pronoun_rivals")),
        location_words=_longest_first(get("location_words")),
        topic_words=frozenset(get("topic_words")),
        distinction_after_wide=re.compile(get("distinction_after_wide")),
        project_batch_words=tuple(get("project_batch_words")),
        project_batch_endings=tuple(get("project_batch_endings")),
        project_one_words=tuple(get("project_one_words")),
        blocking_org_types=frozenset(get("blocking_org_types")),
        mention_reach=int(mentions["reach_chars"]),
        example_word=re.compile(mentions["example_word"]),
        example_counts=_longest_first(mentions["example_counts"]),
        project_heads=_longest_first(mentions["project_heads"]),
        project_name_max_chars=int(mentions["project_name_max_chars"]),
        partner_words=_longest_first(mentions["partner_words"]),
        partner_adverbs=_longest_first(mentions["partner_adverbs"]),
        signing_words=tuple(mentions["signing_words"]),
        property_cues=_any_of(get("property_cues")),
        not_property_before=tuple(get("not_property_before")),
        capacity_words=_longest_first(get("capacity_words")),
        capacity_lookback=int(get("capacity_lookback_chars")),
        capacity_name_kinds=frozenset(get("capacity_name_kinds")),
        capacity_name_after=re.compile(get("capacity_name_after")),
        speech_verbs=_longest_first(get("speech_verbs")),
        company_speaker_words=tuple(get("company_speaker_words")),
        reporting_frame_ends=_longest_first(get("reporting_frame_ends")),
        modifier_max_chars=get("modifier_max_chars"),
        modifier_link=get("modifier_link"),
        locative_words=_longest_first(get("locative_words")),
        clause_openers=_longest_first(get("clause_openers")),
        company_frames=_longest_first(get("company_frames")),
        demonstratives=_longest_first(get("demonstratives")),
        threshold_words=tuple(get("threshold_words")),
        class_range_units=frozenset(get("class_range_units")),
        class_range_not_nouns=tuple(get("class_range_not_nouns")),
        joined_bound=_joined_bound(get("bound_joiners"), get("threshold_words"), int(get("bound_join_max_chars")),
                                   clause_delimiters),
        level_nouns=tuple(get("level_nouns")),
        bound_predicates=_longest_first(get("bound_predicates")),
        list_separators=frozenset(get("list_separators")),
        enumeration_marks=frozenset(get("enumeration_marks")),
        enumeration_openers=frozenset(get("enumeration_openers")),
        list_all_words=tuple(get("list_all_words")),
        list_respective_words=tuple(get("list_respective_words")),
        list_shared_kinds=frozenset(get("list_shared_kinds")),
        list_total_words=tuple(get("list_total_words")),
        list_tie_words=tuple(get("list_tie_words")),
        list_order_words=tuple(get("list_order_words")),
        lender_words=tuple(get("lender_words")),
        recipient_words=tuple(get("recipient_words")),
        lending_words=tuple(get("lending_words")),
        list_zone_item=re.compile(get("list_zone_item")),
        joint_body_words=_longest_first(get("joint_body_words")),
        project_list_close=re.compile(get("project_list_close")),
        venue_after=re.compile(get("venue_after")),
        outside_after=tuple(get("outside_after")),
        table_count_columns=frozenset(get("table_count_columns")),
        table_place_endings=tuple(get("table_place_endings")),
        bullet_marks=str(get("bullet_marks")),
        top_pool_after=re.compile(get("top_pool_after")),
        zone_item_openers=tuple(get("zone_item_openers")),
        zone_item=re.compile(f"(?:(?<![\u3400-\u9fff]){_after_any(get('zone_item_openers'))})"
                             f"(?:{'|'.join(map(re.escape, get('zone_item_levels')))})?"
                             f"(?:{'|'.join(map(re.escape, place_rules().zone_words))})"),
        rank_holder_links=re.compile(get("rank_holder_links")),
        rank_holder_reach=int(get("rank_holder_reach")),
        township_after=re.compile(get("township_after")),
        township_cut_not_tags=frozenset(get("township_cut_not_tags")),
        township_end=re.compile("|".join(map(re.escape, government_rules().township_suffixes))),
        decline_before=re.compile(
            f"(?:(?:{_any_of(get('decline_words')).pattern})[{re.escape(get('decline_gap_chars'))}]*"
            f"|(?:{_any_of(get('decline_size_words')).pattern})[{re.escape(get('decline_size_gap_chars'))}]*)$"),
        modality_cues=_modality_pattern(get("modality")),
        not_cues=re.compile("|".join([*get("modality").get("not_cue_patterns", []),
                                      _any_of(get("modality")["not_cues"]).pattern])),
        future_only=frozenset(get("modality").get("future_only", [])),
        heading_max_chars=int(get("heading_max_chars")),
        title_stops=frozenset(get("title_stops")),
        caption=re.compile(get("caption_pattern")),
        caption_label=re.compile(f"(?:{get('caption_pattern')})\\s*[:：]?\\s*$"),
        caption_lookback=int(get("caption_lookback_chars")),
        member_aside_words=tuple(get("member_aside_words")),
        heading_punctuation=frozenset(get("heading_punctuation")),
        headline_list_word=str(get("headline_list_word")),
        speaker_punctuation=get("speaker_punctuation"),
        counted_parts=re.compile(get("counted_parts")),
        gap_words=tuple(get("gap_words")),
        markup_line=re.compile(get("markup_line")),
        project_subject_words=_longest_first(get("project_subject_words")),
        project_total_words=_longest_first(get("project_total_words")),
        project_named_links=tuple(get("project_named_links")),
        project_stage_words=_longest_first(get("project_stage_words")),
        project_investor_after=re.compile(get("project_investor_after")),
        project_count_noun=str(get("project_count_noun")),
        project_count_units=frozenset(get("project_count_units")),
        project_count_gap=int(get("project_count_gap")),
        project_count_links=tuple(get("project_count_links")),
        counted_divisions=_longest_first(get("counted_divisions")),
        not_divisions=tuple(get("not_divisions")),
        division_pool_before=tuple(get("division_pool_before")),
        division_group_openers=frozenset(get("division_group_openers")),
        district_list_closers=tuple(get("district_list_closers")),
        division_pool_after=re.compile(get("division_pool_after")),
        divisions_before_count=_longest_first(get("divisions_before_count")),
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
                                   *get("company_subject_words"), *get("project_subject_words"),
                                   *get("project_total_words"), *get("project_named_links"),
                                   *get("project_stage_words"), *get("speech_verbs")]),
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
        list_conjunctions=str(get("list_conjunctions")),
        generic_measures=frozenset(get("generic_measures")),
        comparison_only=frozenset(get("comparison_only")),
        instrumental=tuple(get("instrumental")),
        qualifier_chars=get("qualifier_chars"),
        topic=re.compile(get("topic_pattern")),
        run_in_heading=re.compile(get("run_in_heading")),
        change_connector=re.compile(get("change_connector")),
        after_change=re.compile(f"(?:{get('change_connector')})\\s*$"),
        trailing_aside=re.compile(get("trailing_aside_pattern")),
        parallel_heads=_longest_first(get("parallel_heads")),
        parallel_name_max_chars=int(get("parallel_name_max_chars")),
        parallel_lookback=int(get("parallel_lookback")),
        respective=_any_of(get("respective_words")),
        paired_names={str(k): tuple(v) for k, v in get("paired_names").items()},
        reached_words=_longest_first(get("reached_words")),
        after_duration_words=_longest_first(get("after_duration_words")),
    )
