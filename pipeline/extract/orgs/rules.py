"""The rules of organization names (rules/organizations/), loaded once per rules folder, and the
tests of a token or a piece of a name that the finders share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import ahocorasick_rs

from zhfacts.extract.orgs.pos import (
    dictionary_entries,
)
from zhfacts.nlp.text_view import TextView
from zhfacts.rules import load_tsv, load_yaml, require, rules_cache
from zhfacts.text.sentences import CLOSE_PARENS, OPEN_PARENS, clause_delimiters, item_delimiters

HEADS = "organizations/heads.tsv"


BOUNDARIES = "organizations/boundaries.yaml"


GENERIC = "organizations/generic.yaml"


INDUSTRY = "organizations/industry_words.yaml"


LISTS = "organizations/lists.yaml"


KNOWN = "organizations/known_names.tsv"


KNOWLEDGE = "organizations/knowledge.tsv"


RULES = "organizations/rules.yaml"



TITLE_QUOTES = {"“": "”", "「": "」", "《": "》", "‘": "’", '"': '"'}


NAME_TEXT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z]+")


OPENING_QUOTE = re.compile("|".join(map(re.escape, TITLE_QUOTES)))


NUMERAL = re.compile(r"^[0-9０-９.%一二三四五六七八九十百千万亿两几多首第余]+[个家项批所座名位类大]?$")


# The tests of a token or name (is it a boundary, a proper piece ...) depend on nothing but it and
# the rules, and documents repeat their tokens: they are cached, on this many arguments each.
TOKEN_CACHE_SIZE = 1 << 16


COMPOSED_WORD_CHARS = 6  # the longest word composed_of looks for


PRIORITY = {"org.alias": 0, "org.alias.defined": 0, "org.alias.abbreviated": 0, "org.suffix": 1, "org.known": 2,
            "org.short_name.list": 3,
            "org.short_name.frame": 3,
            "org.short_name.pattern": 4,
            "org.short_name.registered": 3,
            "org.media.credit": 1, "org.knowledge": 2, "org.government.pattern": 1, "org.media.byline": 5,
            "org.media.site": 5, "org.media.dateline": 5, "org.media.title": 5, "org.media.account": 5,
            "org.media.repeated": 5}


@dataclass(frozen=True)
class Head:
    text: str
    type: str
    kind: str
    place_only: bool


@dataclass(frozen=True, eq=False)  # hashed by identity (one per process): the token tests cache on it
class OrgRules:
    heads: dict[str, Head]
    head_words: tuple[str, ...]  # the heads' words, for str.endswith
    longest_head: int  # the characters of the longest head
    long_head_words: tuple[str, ...]  # those of two characters or more
    legal_forms: tuple[str, ...]  # the heads of kind legal (heads.tsv), longest first
    stop_tokens: frozenset[str]
    demonstratives: frozenset[str]
    inner_conjunctions: frozenset[str]
    joining_conjunctions: frozenset[str]
    cas_prefixes: tuple[str, ...]
    parent_heads: tuple[str, ...]
    level_parent_heads: frozenset[str]  # 自治区|党委|统战部: a parent only after a level word
    peer_heads: tuple[str, ...]  # 政府, 人大: bodies beside a party committee, never under it
    countries: tuple[str, ...]
    max_name_chars: int
    role_words: tuple[str, ...]
    trailing_particles: frozenset[str]
    event_words: frozenset[str]  # 招商会: ends like a head (商会), names an event
    known_glued_words: tuple[str, ...]  # 部门: a known name's last character opens it (国土资源部|门)
    trade_name_numerals: frozenset[str]  # 万 of 南通|万|维新…有限公司: a trade name's first character
    head_followers: frozenset[str]  # 贷款 of 某某|银行贷款: a name may end inside such a token
    result_complements: frozenset[str]
    orphan_char_max_freq: int
    generic_names: frozenset[str]
    category_words: frozenset[str]
    kind_adjectives: frozenset[str]  # 科技型: the category words ending with generic.yaml kind_adjective_ending
    member_kinds: frozenset[str]  # 异地 of 某市现有|异地|商会: an association's kind by its members
    rank_words: tuple[str, ...]  # 市级: a rank before category words makes an institution a kind
    domain_words: frozenset[str]
    domain_or_category_words: frozenset[str]
    generic_terms: frozenset[str]
    generic_prefixes: tuple[str, ...]
    industry_words: frozenset[str]
    longest_industry_word: int  # characters of the longest industry word
    pattern_words: frozenset[str]
    quoted_company_cues: tuple[str, ...]  # 上市 after «某某旅游»: a company quoted
    officer_titles: tuple[str, ...]  # 某某包装|总经理: the words before name a company
    quoted_cue_adverbs: tuple[str, ...]  # 成功 of «某某旅游»成功上市
    name_tail_words: frozenset[str]  # 科技 of 某某医疗|科技
    field_followers: frozenset[str]
    measured_followers: frozenset[str]  # 增长: a product's growth, no company's name before it
    field_follower_endings: tuple[str, ...]  # 信息产业 after 电子: a glued field
    place_like_endings: tuple[str, ...]
    min_stem_chars: int
    min_trade_name_prefix_chars: int  # 某某兴庆 of 某某兴庆特种合金有限公司
    max_stem_word_freq: int
    trade_name_tags: frozenset[str]  # 宏达 nz: a proper noun's tag makes a commoner stem a trade name
    max_piece_word_freq: int
    stem_verb_tags: frozenset[str]
    max_trade_name_chars: int  # a registered name's trade name (江苏|科利|科技)
    max_industry_prefix_chars: int  # words before its last industry word (城欣|市政工程)
    last_industry_words: frozenset[str]  # industry words that close a registered name (…电子科技)
    branch_owner_words: tuple[str, ...]  # 银行: a company whose canonical holds one is a bank with branches
    branch_heads: tuple[str, ...]  # 支行, 分行: a branch a company names after its own name or its place
    closing_cues: tuple[str, ...]
    list_closers: tuple[str, ...]  # 等, 为代表的: a list of companies ends there, its cue follows
    company_closers: frozenset[str]  # 为龙头的: the items are companies whatever cue follows
    frame_openers: dict[str, str]  # 为代表的 -> 以: the first item starts after the frame's opening word
    activity_tags: frozenset[str]  # 酿造 vn, 城市 ns: an item of a company closer ending so is no company
    closing_cue_pattern: re.Pattern[str]
    count_closing_pattern: re.Pattern[str]
    pair_counts: tuple[str, ...]  # 两 of 甲和乙两家公司: a pair with no 、
    like_frame_openers: tuple[str, ...]  # 像 of 像某某这样的企业
    like_frame_closers: tuple[str, ...]  # 这样的企业
    weak_cues: frozenset[str]
    modifier_cues: frozenset[str]  # 超市 of 超市|商品: a cue only with no noun after it and no verb before it
    placed_cues: frozenset[str]  # 投资者: items of people too, a place or a known name opens a company
    placed_not_company_endings: tuple[str, ...]  # 商人 of 温州商人: people, no company
    activity_noun_tags: frozenset[str]  # 直播 (vn) of 直播|带货: an activity's noun before its verb
    activity_verb_tags: frozenset[str]  # 带货 (v), 评审 (vn): an activity's verb ending a list item
    opening_cues: tuple[str, ...]
    max_gap_chars: int
    max_item_chars: int
    max_quoted_gap_chars: int  # “甲公司”的…项目，“乙”的…: the next quoted company's reach
    item_not_name_endings: tuple[str, ...]  # list items ending so are no company (…领域, 直属单位)
    degree_adverbs: tuple[str, ...]  # 更 of 更强: a comparison, no name
    gap_stop_words: tuple[str, ...]  # field words and others: between 等 and a cue, another phrase's cue
    gap_field_words: tuple[str, ...]  # 领域: right after 等, a list of fields
    counted_fields: re.Pattern[str]  # 等|6条县域重点|产业链: a count of fields
    project_heads: tuple[str, ...]
    named_park_heads: tuple[str, ...]  # 园区 of 中新|某某湖园区: with a proper word right before it
    park_after_short_name: re.Pattern[str]  # 某某化工|园区: a short name opening a park's name
    park_not_before: tuple[str, ...]  # 某某银行开发区|营业部: the zone is an outlet's place, no park's name
    university_heads: tuple[str, ...]  # 大学: the schools listed after one of its schools are its
    school_heads: frozenset[str]  # 学院 of 某某大学园艺学院、农学院
    school_field_joiners: tuple[str, ...]  # 与 of 食品科学与工程学院
    numbered_unit_numerals: str  # the numerals of a group's numbered unit (三 of 三局)
    numbered_unit_words: tuple[str, ...]  # 局, 公司: what a group's numbered unit ends with, longest first
    numbered_unit: re.Pattern[str]  # 三局, 二航局 right after a group's short name (中建三局)
    max_project_chars: int
    project_word: str  # 项目 after a short name: the company's project
    invested_project_cue: re.Pattern[str]  # 投资24亿元的: a project's company's short name follows
    capacity_project_cue: re.Pattern[str]  # 年产 right after a company's short name, in a project's name
    capacity_project_chars: int
    capacity_not_names: tuple[str, ...]  # 新上, 续建 before 年产: a project's verb
    capacity_not_name_endings: tuple[str, ...]  # 二期, 某某镇, 浙商 before 年产: no company
    park_project_after: re.Pattern[str]  # (某区)建设项目 after a park: the park names a project
    count_or_span: re.Pattern[str]  # 两家, 全年: a count or a time span, no part of a name
    project_phases: tuple[str, ...]  # 二期 of 某某印刷二期 in a list of projects
    apposition_cues: tuple[str, ...]  # 龙头企业 of 龙头企业|某某食品: a short name in apposition follows
    project_company_words: frozenset[str]  # 数科 of 某某数科|压缩空气储能: the short name's industry word
    known: dict[str, tuple[str, str, str]]  # name -> (type, canonical, rule id)
    leading_tags: frozenset[str]
    single_char_tags: frozenset[str]
    particle_tags: frozenset[str]  # 的 (uj): never half of a split name
    cut_place_word_tags: frozenset[str]  # 南麓 (f) of 湖|南麓: a word a place was cut into
    verbal_noun_tags: frozenset[str]  # 启动 (vn) before a place ends a name
    adjective_tags: frozenset[str]  # 落实 (a) before a full place opens no name
    common_word_min_freq: int
    common_noun_tags: frozenset[str]  # 项目 (n) before the place that opens a registered name is no part of it
    name_token_tags: frozenset[str]  # 香港理工大学 (nt): jieba knows the whole name
    name_opening_tags: frozenset[str]  # 共青团 (nt), 附属 (b): may open a name jieba knows whole
    abbreviated_types: frozenset[str]  # university, research: 融研院 abbreviates a body named in full
    abbreviation_word_tags: frozenset[str]  # j: a word jieba lists as an abbreviation (广工大)
    university_abbreviation_tags: frozenset[str]  # nt: an organization's word, an abbreviation if it ends so
    university_abbreviation_end: str  # 大: how a university's abbreviation ends (浙工大)
    min_abbreviation_chars: int
    max_abbreviation_chars: int
    descriptor_not_name_tags: frozenset[str]  # 现有 (b): alone before a head, no name
    legal_name_char_tags: frozenset[str]
    business_word_tags: frozenset[str]
    min_chars_after_trim: int
    anchoring_types: frozenset[str]
    min_anchor_chars: int
    body_prefixes: tuple[str, ...]
    date_words: frozenset[str]
    parenthesised_countries: frozenset[str]
    parenthesised_words: frozenset[str]  # (集团) inside a registered name
    national_prefixes: frozenset[str]
    state_prefixes: tuple[str, ...]  # 国家 of 国家工信部
    association_heads: frozenset[str]
    walk_stop_tags: frozenset[str]  # v, d: a common word so tagged ends a body's name on the walk left
    head_verb_min_freq: int  # 作为 of 某某项目作为|公司: a verb this common before a head names no business
    registered_name_ending_tags: frozenset[str]  # c: also in a registered name's walk
    level_body_ending_tags: dict[str, int]  # i: 4 of 某地全面落实|省委: before a level's own body only
    registered_name_fillers: frozenset[str]  # 综合 of 某省农业综合开发有限公司
    name_ending_tags: dict[str, int]  # c: 只是 of 饲料加工厂只是|天之虹公司 ends any name; z: 认真落实 (4 chars)
    compound_adverb_tags: frozenset[str]  # 充分 of 充分发挥: a dictionary word of an adverb and a verb
    compound_verb_tags: frozenset[str]  # 发挥 of 充分发挥
    glued_preposition_tags: frozenset[str]  # 由|动科动…: a preposition glued to a name's first character
    glued_preposition_frame_words: tuple[str, ...]  # 为 of 以…为: the frame in which it is cut at a boundary too
    glued_locatives: frozenset[str]  # 以南 of 以南|邮…为例: a direction word glued the same way inside the frame
    glued_locative_keeping_tags: frozenset[str]  # 长江|以南: a noun before it keeps the locative the sentence's
    glued_preposition_frame_chars: int
    split_function_word_min_freq: int  # 其|中华鑫: 其中 cut apart, 中 glued to the name
    resumed_word_min_freq: int  # 下属 of 工信|部下|属: the text's next word after a known name
    branch_piece_verb_tags: frozenset[str]  # 中国移动|援青: an act after a company, no company of its
    country_name: str  # 中国: a name opening with it is a full name of its own (工信部|中国…研究院)
    place_tags: frozenset[str]  # ns: a place by jieba's dictionary (中关村), for a body's field word after it
    residence_prefixes: frozenset[str]  # 驻 of 驻区|银行: stationed in the district, before a kind
    org_name_tags: frozenset[str]  # nt: jieba's dictionary holds the token as an organization's name
    walk_noun_tags: frozenset[str]  # n: after a verb, a field of the name (回收|利用|研究所)
    place_chain_openers: tuple[str, ...]  # 县, 区: a county-level place opens a chain of places
    level_needs_proper_heads: tuple[str, ...]  # 孵化器: a level alone names none
    place_chain_endings: tuple[str, ...]  # 村 of 某县某镇某村|某某农业公司: the chain says where it is
    place_chain_heads: tuple[str, ...]  # 合作社: besides companies, heads whose names leave such a chain out
    parenthesis_not_name: tuple[str, ...]
    max_trailing_parenthesis_chars: int
    department_head: str  # 某某有限公司科技与创新部: a company's department named with it
    max_department_chars: int
    committee_heads: tuple[str, ...]  # 专业委员会 after 某某协会: the association's committee, named with it
    company_sites: tuple[str, ...]  # 总部 before 及: a company's site ends its name
    field_named_heads: frozenset[str]  # 全国重点实验室: a field alone names it
    byline_labels: tuple[str, ...]  # 编辑 of 编辑:某某某|某州经济网: a person's name follows
    site_openers: tuple[str, ...]  # 据 of 据|南通网: a news site follows
    document_number_after: re.Pattern[str]  # 科函〔2023〕 after 工信厅: a document's number
    founding_verbs: frozenset[str]  # 成立: a stop word's verb that names no business inside a name
    acting_verbs: frozenset[str]  # 听取, 用于: stop words an official or a deal does, no business either
    department_titles: tuple[str, ...]  # 经理 after 某某有限公司生产部: the department is the title's
    ordinal: re.Pattern[str]  # 第一, 第十四: an ordinal token, a word of a name's grammar
    bare_ordinal: re.Pattern[str]  # 二 of 某某二医院: an ordinal right before a head only
    proper_tags: frozenset[str]  # jieba's tags of proper nouns (ns, nz, ...)
    institution_parks: tuple[str, ...]  # 科技园 after an institution's name: its park
    bracket_heads: tuple[str, ...]  # 中心 right after a bracketed place inside a name
    bracket_research_words: tuple[str, ...]  # 转化 before the bracket: a research body
    body_endings: tuple[str, ...]  # 中心 before 与: a body's name ended there
    hyphens: frozenset[str]  # 某某大学-某县研究院: one name across the hyphen
    hyphen_parents: tuple[str, ...]  # 大学 before the hyphen
    works_kind_tags: frozenset[str]  # 旧|厂: a character that makes a works token a kind
    automaton: WordSets  # heads, pattern words, known names and apposition cues: one pass over the text finds them all
    rule_ids: frozenset[str]
    list_ends: tuple[str, ...]  # the clause ends (and line break) that end a list of 、-separated items
    item_stops: str  # where a listed item ends: a list or clause delimiter, a line break, 等, a bracket, a quote
    speech_punctuation: frozenset[str]  # a quote holding one of these is speech, not a title


@dataclass(frozen=True)
class WordSets:
    """Several named word sets under one Aho-Corasick automaton (ahocorasick_rs: a Rust scan, 7x
    faster here than pyahocorasick's, which searched the root's ~900 children at every character)."""

    words: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]  # the sets each word belongs to, by the word's index
    automaton: Any

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(index of the word, end) of every match, overlapping ones too, by end and, at one end,
        longest first."""
        try:
            found = self.automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate (a caller's own text): one character all the same
            found = self.automaton.find_matches_as_indexes(LONE_SURROGATE.sub("\ufffd", text), overlapping=True)
        return [(index, end) for index, _, end in found]


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def automaton_of(*word_sets: tuple[str, frozenset[str] | dict]) -> WordSets:
    """One automaton over several word sets."""
    kinds: dict[str, list[str]] = {}
    for name, words in word_sets:
        for word in filter(None, words):  # an empty word matches nothing (ahocorasick_rs rejects it)
            kinds.setdefault(word, []).append(name)
    words = tuple(kinds)
    return WordSets(words, tuple(tuple(kinds[w]) for w in words), ahocorasick_rs.AhoCorasick(words))


def matches(view: TextView, rules: OrgRules, kind: str) -> list[tuple[int, str]]:
    """(end, word) of every match of one word set, from the shared pass kept in the view."""
    found = view.cache.get("org.matches")
    if found is None:
        found = {}
        sets = rules.automaton
        for index, end in sets.matches(view.text):
            word = sets.words[index]
            for name in sets.names[index]:
                found.setdefault(name, []).append((end, word))
        view.cache["org.matches"] = found
    return found.get(kind, [])


def cue_pattern(cues: list[str], max_gap: int, stops: str) -> re.Pattern[str]:
    """Up to max_gap characters of one list item (none of stops), then a cue noun (200多家相关|企业)."""
    alternatives = "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
    return re.compile(f"[^{re.escape(stops)}]{{0,{max_gap}}}?(?P<cue>{alternatives})")


def count_pattern(classifiers: list[str], cues: list[str]) -> re.Pattern[str]:
    """A count closing a list (、凯普顿医药|6家企业): number, classifier, then a strong cue."""
    if not classifiers:
        return re.compile("(?!)")
    counters = "|".join(map(re.escape, classifiers))
    alternatives = "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
    number = "[0-9０-９一二三四五六七八九十两]+[余多]?"
    return re.compile(f"(?<=[\u3400-\u9fff])(?<!等){number}(?:{counters})(?:{alternatives})")


def numbered_unit_pattern(units: list[str], numerals: str) -> re.Pattern[str]:
    """A number of one to three numerals then one of units (三局, 十一局, 二航局, 38所)."""
    if not units:
        return re.compile("(?!)")
    alternatives = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    return re.compile(f"[{re.escape(numerals)}]{{1,3}}(?:{alternatives})")


def with_casings(words: list[str]) -> frozenset[str]:
    """The words, and a Latin word also in upper and title case (reserved: RESERVED, Reserved)."""
    return frozenset(words) | frozenset(v for w in words if w.isascii() for v in (w.upper(), w.title()))


@rules_cache
def org_rules() -> OrgRules:
    """Every organizations rules file, parsed and compiled once per process."""
    bounds, generic, industry, lists = load_yaml(BOUNDARIES), load_yaml(GENERIC), load_yaml(INDUSTRY), load_yaml(LISTS)
    heads = {r["head"]: Head(r["head"], r["type"], r["kind"], r["place_only"] == "yes") for r in load_tsv(HEADS)}
    known = {r["name"]: (r["type"], r["canonical"], "org.knowledge") for r in load_tsv(KNOWLEDGE)}
    known.update({r["name"]: (r["type"], r["full_name"], "org.known") for r in load_tsv(KNOWN)})  # curated wins
    words = list(require(industry, "industry_words", INDUSTRY))
    member_kinds = frozenset(require(generic, "member_kind_words", GENERIC))
    category = frozenset(require(generic, "category_words", GENERIC)) | member_kinds
    domain = frozenset(require(generic, "domain_words", GENERIC))
    clause_ends = clause_delimiters() + "\n"
    return OrgRules(
        heads=heads,
        head_words=tuple(heads),
        longest_head=max(map(len, heads)),
        long_head_words=tuple(h for h in heads if len(h) > 1),
        legal_forms=tuple(sorted((h for h, head in heads.items() if head.kind == "legal"), key=len, reverse=True)),
        stop_tokens=with_casings([*require(bounds, "stop_tokens", BOUNDARIES),
                                  *require(bounds, "acting_verbs", BOUNDARIES)]),
        demonstratives=frozenset(require(bounds, "demonstratives", BOUNDARIES)),
        inner_conjunctions=frozenset(require(bounds, "inner_conjunctions", BOUNDARIES)),
        joining_conjunctions=frozenset(require(bounds, "joining_conjunctions", BOUNDARIES)),
        cas_prefixes=tuple(require(bounds, "cas_prefixes", BOUNDARIES)),
        parent_heads=tuple(require(bounds, "parent_heads", BOUNDARIES)),
        level_parent_heads=frozenset(require(bounds, "level_parent_heads", BOUNDARIES)),
        peer_heads=tuple(require(bounds, "peer_heads", BOUNDARIES)),
        countries=tuple(sorted(require(bounds, "countries", BOUNDARIES), key=len, reverse=True)),
        max_name_chars=int(require(bounds, "max_name_chars", BOUNDARIES)),
        role_words=tuple(require(bounds, "role_words", BOUNDARIES)),
        trailing_particles=frozenset(require(bounds, "trailing_particles", BOUNDARIES)),
        event_words=frozenset(require(bounds, "event_words", BOUNDARIES)),
        known_glued_words=tuple(require(bounds, "known_glued_words", BOUNDARIES)),
        head_followers=frozenset(require(bounds, "head_followers", BOUNDARIES)),
        trade_name_numerals=frozenset(require(bounds, "trade_name_numerals", BOUNDARIES)),
        result_complements=frozenset(require(bounds, "result_complements", BOUNDARIES)),
        orphan_char_max_freq=int(require(bounds, "orphan_char_max_freq", BOUNDARIES)),
        generic_names=frozenset(require(generic, "generic_names", GENERIC)),
        category_words=category,
        member_kinds=member_kinds,
        kind_adjectives=frozenset(w for w in category if w.endswith(str(require(generic, "kind_adjective_ending",
                                                                                 GENERIC)))),
        rank_words=tuple(require(generic, "rank_words", GENERIC)),
        domain_words=domain,
        domain_or_category_words=domain | category,
        generic_terms=frozenset(require(generic, "generic_terms", GENERIC)),
        generic_prefixes=tuple(t for t in require(generic, "generic_terms", GENERIC) if len(t) >= 2),
        industry_words=frozenset(words),
        longest_industry_word=max(map(len, words), default=0),
        pattern_words=frozenset(require(industry, "pattern_words", INDUSTRY)),
        quoted_company_cues=tuple(require(industry, "quoted_company_cues", INDUSTRY)),
        officer_titles=tuple(require(industry, "officer_titles", INDUSTRY)),
        quoted_cue_adverbs=tuple(require(industry, "quoted_cue_adverbs", INDUSTRY)),
        name_tail_words=frozenset(require(industry, "name_tail_words", INDUSTRY)),
        field_followers=frozenset(require(industry, "field_followers", INDUSTRY)),
        measured_followers=frozenset(require(industry, "measured_followers", INDUSTRY)),
        field_follower_endings=tuple(require(industry, "field_follower_endings", INDUSTRY)),
        place_like_endings=tuple(require(industry, "place_like_endings", INDUSTRY)),
        min_stem_chars=int(require(industry, "min_stem_chars", INDUSTRY)),
        min_trade_name_prefix_chars=int(require(industry, "min_trade_name_prefix_chars", INDUSTRY)),
        max_stem_word_freq=int(require(industry, "max_stem_word_freq", INDUSTRY)),
        trade_name_tags=frozenset(require(industry, "trade_name_tags", INDUSTRY)),
        max_piece_word_freq=int(require(industry, "max_piece_word_freq", INDUSTRY)),
        stem_verb_tags=frozenset(require(industry, "stem_verb_tags", INDUSTRY)),
        max_trade_name_chars=int(require(industry, "max_trade_name_chars", INDUSTRY)),
        max_industry_prefix_chars=int(require(industry, "max_industry_prefix_chars", INDUSTRY)),
        last_industry_words=frozenset(require(industry, "last_industry_words", INDUSTRY)),
        branch_owner_words=tuple(require(industry, "branch_owner_words", INDUSTRY)),
        branch_heads=tuple(require(industry, "branch_heads", INDUSTRY)),
        closing_cues=tuple(sorted(require(lists, "closing_cues", LISTS), key=len, reverse=True)),
        closing_cue_pattern=cue_pattern(require(lists, "closing_cues", LISTS),
                                        int(require(lists, "max_gap_chars", LISTS)), clause_ends + item_delimiters()),
        list_closers=tuple(require(lists, "closers", LISTS)),
        company_closers=frozenset(require(lists, "company_closers", LISTS)),
        frame_openers=dict(require(lists, "frame_openers", LISTS)),
        activity_tags=frozenset(require(lists, "activity_tags", LISTS)),
        weak_cues=frozenset(require(lists, "weak_cues", LISTS)),
        modifier_cues=frozenset(require(lists, "modifier_cues", LISTS)),
        placed_cues=frozenset(require(lists, "placed_cues", LISTS)),
        placed_not_company_endings=tuple(require(lists, "placed_not_company_endings", LISTS)),
        activity_noun_tags=frozenset(require(lists, "activity_noun_tags", LISTS)),
        activity_verb_tags=frozenset(require(lists, "activity_verb_tags", LISTS)),
        count_closing_pattern=count_pattern(require(lists, "count_classifiers", LISTS),
                                            [c for c in require(lists, "closing_cues", LISTS)
                                             if c not in require(lists, "weak_cues", LISTS)]),
        opening_cues=tuple(require(lists, "opening_cues", LISTS)),
        pair_counts=tuple(require(lists, "pair_counts", LISTS)),
        like_frame_openers=tuple(require(lists, "like_frame_openers", LISTS)),
        like_frame_closers=tuple(require(lists, "like_frame_closers", LISTS)),
        max_gap_chars=int(require(lists, "max_gap_chars", LISTS)),
        max_item_chars=int(require(lists, "max_item_chars", LISTS)),
        max_quoted_gap_chars=int(require(lists, "max_quoted_gap_chars", LISTS)),
        item_not_name_endings=tuple(require(lists, "item_not_name_endings", LISTS)),
        degree_adverbs=tuple(require(lists, "degree_adverbs", LISTS)),
        gap_stop_words=tuple(require(lists, "gap_field_words", LISTS) + require(lists, "gap_stop_words", LISTS)),
        gap_field_words=tuple(require(lists, "gap_field_words", LISTS)),
        counted_fields=re.compile(require(lists, "counted_fields", LISTS) + "(?:" + "|".join(
            map(re.escape, require(industry, "field_follower_endings", INDUSTRY))) + ")(?![\u4e00-\u9fff])"),
        project_heads=tuple(require(lists, "project_heads", LISTS)),
        named_park_heads=tuple(require(lists, "named_park_heads", LISTS)),
        park_after_short_name=re.compile(str(require(lists, "park_after_short_name", LISTS))),
        park_not_before=tuple(require(lists, "park_not_before", LISTS)),
        university_heads=tuple(require(bounds, "university_heads", BOUNDARIES)),
        school_heads=frozenset(require(bounds, "school_heads", BOUNDARIES)),
        school_field_joiners=tuple(require(bounds, "school_field_joiners", BOUNDARIES)),
        numbered_unit_numerals=str(require(lists, "numbered_unit_numerals", LISTS)),
        numbered_unit_words=tuple(sorted(require(lists, "numbered_units", LISTS), key=len, reverse=True)),
        numbered_unit=numbered_unit_pattern(require(lists, "numbered_units", LISTS),
                                            str(require(lists, "numbered_unit_numerals", LISTS))),
        max_project_chars=int(require(lists, "max_project_chars", LISTS)),
        project_word=str(require(lists, "project_word", LISTS)),
        invested_project_cue=re.compile(str(require(lists, "invested_project_cue", LISTS))),
        capacity_project_cue=re.compile(str(require(lists, "capacity_project_cue", LISTS))),
        capacity_project_chars=int(require(lists, "capacity_project_chars", LISTS)),
        capacity_not_names=tuple(require(lists, "capacity_not_names", LISTS)),
        capacity_not_name_endings=tuple(require(lists, "capacity_not_name_endings", LISTS)),
        park_project_after=re.compile(str(require(lists, "park_project_after", LISTS))),
        count_or_span=re.compile(str(require(lists, "count_or_span", LISTS))),
        project_phases=tuple(require(lists, "project_phases", LISTS)),
        apposition_cues=tuple(require(lists, "apposition_cues", LISTS)),
        project_company_words=frozenset(require(industry, "pattern_words", INDUSTRY)) | frozenset(
            require(lists, "project_company_words", LISTS)),
        known=known,
        leading_tags=frozenset(require(bounds, "leading_tags", BOUNDARIES)),
        single_char_tags=frozenset(require(bounds, "single_char_tags", BOUNDARIES)),
        particle_tags=frozenset(require(bounds, "particle_tags", BOUNDARIES)),
        cut_place_word_tags=frozenset(require(bounds, "cut_place_word_tags", BOUNDARIES)),
        verbal_noun_tags=frozenset(require(bounds, "verbal_noun_tags", BOUNDARIES)),
        adjective_tags=frozenset(require(bounds, "adjective_tags", BOUNDARIES)),
        common_word_min_freq=int(require(bounds, "common_word_min_freq", BOUNDARIES)),
        common_noun_tags=frozenset(require(bounds, "common_noun_tags", BOUNDARIES)),
        name_token_tags=frozenset(require(bounds, "name_token_tags", BOUNDARIES)),
        name_opening_tags=frozenset(require(bounds, "name_opening_tags", BOUNDARIES)),
        abbreviated_types=frozenset(require(bounds, "abbreviated_types", BOUNDARIES)),
        abbreviation_word_tags=frozenset(require(bounds, "abbreviation_word_tags", BOUNDARIES)),
        university_abbreviation_tags=frozenset(require(bounds, "university_abbreviation_tags", BOUNDARIES)),
        university_abbreviation_end=str(require(bounds, "university_abbreviation_end", BOUNDARIES)),
        min_abbreviation_chars=int(require(bounds, "min_abbreviation_chars", BOUNDARIES)),
        max_abbreviation_chars=int(require(bounds, "max_abbreviation_chars", BOUNDARIES)),
        descriptor_not_name_tags=frozenset(require(bounds, "descriptor_not_name_tags", BOUNDARIES)),
        legal_name_char_tags=frozenset(require(bounds, "legal_name_char_tags", BOUNDARIES)),
        business_word_tags=frozenset(require(bounds, "business_word_tags", BOUNDARIES)),
        min_chars_after_trim=int(require(bounds, "min_chars_after_trim", BOUNDARIES)),
        anchoring_types=frozenset(require(bounds, "anchoring_types", BOUNDARIES)),
        min_anchor_chars=int(require(bounds, "min_anchor_chars", BOUNDARIES)),
        body_prefixes=tuple(require(bounds, "body_prefixes", BOUNDARIES)),
        date_words=frozenset(require(bounds, "date_words", BOUNDARIES)),
        parenthesised_countries=frozenset(require(bounds, "parenthesised_countries", BOUNDARIES)),
        parenthesised_words=frozenset(require(bounds, "parenthesised_words", BOUNDARIES)),
        national_prefixes=frozenset(require(bounds, "national_prefixes", BOUNDARIES)),
        state_prefixes=tuple(require(bounds, "state_prefixes", BOUNDARIES)),
        association_heads=frozenset(require(bounds, "association_heads", BOUNDARIES)),
        walk_stop_tags=frozenset(require(bounds, "walk_stop_tags", BOUNDARIES)),
        head_verb_min_freq=int(require(bounds, "head_verb_min_freq", BOUNDARIES)),
        registered_name_ending_tags=frozenset(require(bounds, "registered_name_ending_tags", BOUNDARIES)),
        level_body_ending_tags=dict(require(bounds, "level_body_ending_tags", BOUNDARIES)),
        registered_name_fillers=frozenset(require(bounds, "registered_name_fillers", BOUNDARIES)),
        name_ending_tags={str(k): int(v) for k, v in require(bounds, "name_ending_tags", BOUNDARIES).items()},
        compound_adverb_tags=frozenset(require(bounds, "compound_adverb_tags", BOUNDARIES)),
        compound_verb_tags=frozenset(require(bounds, "compound_verb_tags", BOUNDARIES)),
        glued_preposition_tags=frozenset(require(bounds, "glued_preposition_tags", BOUNDARIES)),
        glued_preposition_frame_words=tuple(require(bounds, "glued_preposition_frame_words", BOUNDARIES)),
        glued_locatives=frozenset(require(bounds, "glued_locatives", BOUNDARIES)),
        glued_locative_keeping_tags=frozenset(require(bounds, "glued_locative_keeping_tags", BOUNDARIES)),
        glued_preposition_frame_chars=int(require(bounds, "glued_preposition_frame_chars", BOUNDARIES)),
        split_function_word_min_freq=int(require(bounds, "split_function_word_min_freq", BOUNDARIES)),
        resumed_word_min_freq=int(require(bounds, "resumed_word_min_freq", BOUNDARIES)),
        branch_piece_verb_tags=frozenset(require(bounds, "branch_piece_verb_tags", BOUNDARIES)),
        country_name=str(require(bounds, "country_name", BOUNDARIES)),
        place_tags=frozenset(require(bounds, "place_tags", BOUNDARIES)),
        residence_prefixes=frozenset(require(bounds, "residence_prefixes", BOUNDARIES)),
        org_name_tags=frozenset(require(bounds, "org_name_tags", BOUNDARIES)),
        walk_noun_tags=frozenset(require(bounds, "walk_noun_tags", BOUNDARIES)),
        place_chain_openers=tuple(require(bounds, "place_chain_openers", BOUNDARIES)),
        level_needs_proper_heads=tuple(require(bounds, "level_needs_proper_heads", BOUNDARIES)),
        place_chain_endings=tuple(require(bounds, "place_chain_endings", BOUNDARIES)),
        place_chain_heads=tuple(require(bounds, "place_chain_heads", BOUNDARIES)),
        parenthesis_not_name=tuple(require(bounds, "parenthesis_not_name", BOUNDARIES)),
        max_trailing_parenthesis_chars=int(require(bounds, "max_trailing_parenthesis_chars", BOUNDARIES)),
        department_head=str(require(bounds, "department_head", BOUNDARIES)),
        max_department_chars=int(require(bounds, "max_department_chars", BOUNDARIES)),
        committee_heads=tuple(require(bounds, "committee_heads", BOUNDARIES)),
        company_sites=tuple(require(bounds, "company_sites", BOUNDARIES)),
        field_named_heads=frozenset(require(bounds, "field_named_heads", BOUNDARIES)),
        byline_labels=tuple(require(bounds, "byline_labels", BOUNDARIES)),
        site_openers=tuple(require(bounds, "site_openers", BOUNDARIES)),
        document_number_after=re.compile(str(require(bounds, "document_number_after", BOUNDARIES))),
        founding_verbs=frozenset(require(bounds, "founding_verbs", BOUNDARIES)),
        acting_verbs=frozenset(require(bounds, "acting_verbs", BOUNDARIES)),
        department_titles=tuple(require(bounds, "department_titles", BOUNDARIES)),
        ordinal=re.compile(str(require(bounds, "ordinal_pattern", BOUNDARIES))),
        bare_ordinal=re.compile(str(require(bounds, "bare_ordinal_pattern", BOUNDARIES))),
        proper_tags=frozenset(require(bounds, "proper_tags", BOUNDARIES)),
        institution_parks=tuple(require(bounds, "institution_parks", BOUNDARIES)),
        bracket_heads=tuple(require(bounds, "bracket_heads", BOUNDARIES)),
        bracket_research_words=tuple(require(bounds, "bracket_research_words", BOUNDARIES)),
        body_endings=tuple(require(bounds, "body_endings_before_conjunction", BOUNDARIES)),
        hyphens=frozenset(require(bounds, "hyphens", BOUNDARIES)),
        hyphen_parents=tuple(require(bounds, "hyphen_parents", BOUNDARIES)),
        works_kind_tags=frozenset(require(bounds, "leading_tags", BOUNDARIES)) | frozenset(
            require(bounds, "works_kind_tags", BOUNDARIES)),
        automaton=automaton_of(("head", frozenset(heads)), ("pattern", frozenset(require(industry, "pattern_words",
                                                                                         INDUSTRY))),
                               ("known", frozenset(known)),
                               ("apposition", frozenset(require(lists, "apposition_cues", LISTS)))),
        rule_ids=frozenset(require(load_yaml(RULES), "rules", RULES)),
        list_ends=tuple(clause_ends),
        item_stops=item_delimiters() + clause_delimiters() + "\n等" + OPEN_PARENS + CLOSE_PARENS + "“”",
        speech_punctuation=frozenset(clause_delimiters()),
    )


def jieba_dictionary() -> dict[str, str]:
    """word -> frequency (as written) of jieba's own dictionary file, read once per process with
    the tags (pipeline/extract/orgs/pos.py)."""
    return dictionary_entries()[0]


def word_freq(word: str) -> int:
    """How often jieba's dictionary counts the word (0 for a word it does not know)."""
    return int(jieba_dictionary().get(word, 0))
