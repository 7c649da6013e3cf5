"""Short names: a proper name plus an industry word (宇树科技), items of a list of companies,
well-known short names and photo credits."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from zhfacts.extract.orgs.candidates import (
    OrgCandidate,
    date_unit_before,
    glued_preposition,
    is_boundary_token,
    is_numeral,
    is_place,
    is_proper_place,
    previous_token,
    starts_word,
    stop_prefix,
    token_text,
)
from zhfacts.extract.orgs.government import government_rules
from zhfacts.extract.orgs.media import media_rules
from zhfacts.extract.orgs.names import (
    composed_of,
    ending_word,
    ends_name,
    gazetteer_names,
    is_park_head,
    known_prefixes,
    view_tokens,
)
from zhfacts.extract.orgs.pos import (
    dictionary_tags,
    is_person,
    is_verb,
    never_starts_name,
    tag_of,
)
from zhfacts.extract.orgs.rules import (
    BOUNDARIES,
    CLOSE_PARENS,
    OPEN_PARENS,
    TOKEN_CACHE_SIZE,
    OrgRules,
    matches,
    word_freq,
)
from zhfacts.extract.places import gazetteer, place_rules
from zhfacts.nlp.text_view import TextView, is_cjk
from zhfacts.rules import load_yaml, require, rules_cache

ADVERB_TAGS = frozenset({"d"})
ITEM_END_TAGS = frozenset({"d", "p", "c"})  # adverbs, prepositions, conjunctions
PAIR_JOINERS = ("和", "与", "及", "以及")  # as split_last_pair joins a list's last two items

# A stem of numerals and 个 only names a count or a slogan's programme (五个一工程, 十百千工程), no company.
COUNT_STEM = re.compile("[一二三四五六七八九十百千万两零〇个]+$")


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def is_proper_piece(piece: str, rules: OrgRules) -> bool:
    """A piece of a proper name: unknown to jieba's dictionary or rare there, not a stop word,
    place or field term."""
    if not piece or not all(is_cjk(c) for c in piece) or piece in rules.stop_tokens:
        return False
    if piece in rules.generic_terms or piece in rules.generic_names or is_place(piece) or is_numeral(piece):
        return False
    if len(piece) > 1 and word_freq(piece) and never_starts_name(piece, rules.leading_tags):
        return False  # 已有|天龙石墨: a verb or adverb is no piece of a name
    if len(piece) > 1 and piece.endswith(rules.place_like_endings):
        return False
    return len(piece) == 1 or word_freq(piece) < rules.max_piece_word_freq


def proper_stem_start(view: TextView, end: int, rules: OrgRules, max_chars: int = 4) -> int:
    """Start of the run of proper pieces that ends at `end` (end itself when there is none)."""
    pos = end
    token = view.token_at(end - 1) if end > 0 else None
    if token and token[0] < end < token[1]:  # the industry word starts inside a token (爱玛车|业)
        if word_freq(token_text(view, token)) or not is_proper_piece(view.text[token[0]:end], rules):
            return end  # 房地产 is a word, not 房 + 地产
        pos = token[0]
    while pos > 0:
        span = previous_token(view, pos)
        if span is None:
            break
        piece = token_text(view, span)
        glued = stop_prefix(piece, rules) or int(len(piece) == 2 and glued_preposition(view, span, end, rules))
        if glued and end - span[0] - glued <= max_chars:
            return span[0] + glued
        if end - span[0] > max_chars or not (is_proper_piece(piece, rules) or split_char(view, span, pos, end, rules)):
            break
        if date_unit_before(view, pos, rules):
            break  # 某年3|月|某某集团: a date's unit, no piece of the name
        pos = span[0]
    return pos


def split_char(view: TextView, span: tuple[int, int], pos: int, end: int, rules: OrgRules) -> bool:
    """云|大|科技: a character that is a field term alone (云) opens a name jieba split into single
    characters when a single character of the name follows it."""
    return span[1] - span[0] == 1 and pos + 1 == end and view.token_at(pos) == (pos, end) and \
        view.text[span[0]] in rules.generic_terms and is_proper_piece(view.text[pos], rules)


def stem_is_proper(stem: str, rules: OrgRules) -> bool:
    if stem[-1:] in rules.inner_conjunctions or stem[-1:] in rules.joining_conjunctions:
        return False  # 茶及|饮料: two things joined, no name
    if len(stem) < rules.min_stem_chars or stem in rules.generic_terms or is_place(stem) or COUNT_STEM.match(stem):
        return False
    if stem.startswith(rules.generic_prefixes) or ends_with_common_verb(stem, rules):
        return False
    if composed_of(stem, rules.domain_or_category_words):
        return False  # 知名企业|集团: kinds of companies, no name
    return word_freq(stem) < rules.max_stem_word_freq


def common_piece_in_stem(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """类|海外|环境, 园区|建设|攻坚|工程: a stem of several tokens whose words of two characters or more
    are mostly common is a phrase of running text (a slogan, a kind), no trade name; a trade name holds
    as many rare words (华夏|瑞丰) or is made of single characters jieba split (希尔|安, 云|大, 中|惟)."""
    words = [token_text(view, span) for span in view_tokens(view, start, end)]
    longer = [w for w in words if len(w) > 1]
    common = sum(word_freq(w) >= rules.max_piece_word_freq for w in longer)
    return len(words) > 1 and common * 2 > len(longer)


def trade_proper_noun(stem: str, rules: OrgRules) -> bool:
    """A stem jieba's dictionary tags a proper noun (industry_words.yaml trade_name_tags: 宏达, 振华, 恒源 nz)
    rarer than max_piece_word_freq is a trade name though more common than a stem may be (宏达|科技,
    振华|包装); a place (ns) or a person (nr) by that tag is not."""
    return len(stem) >= rules.min_stem_chars and dictionary_tags().get(stem) in rules.trade_name_tags and \
        word_freq(stem) < rules.max_piece_word_freq and stem_is_proper_but_freq(stem, rules) and \
        stem not in rules.known  # 国资委|控股: a known body, no trade name


def stem_is_proper_but_freq(stem: str, rules: OrgRules) -> bool:
    """stem_is_proper's tests but its frequency's."""
    return not (stem[-1:] in rules.inner_conjunctions or stem[-1:] in rules.joining_conjunctions or
                stem in rules.generic_terms or is_place(stem) or COUNT_STEM.match(stem) or
                stem.startswith(rules.generic_prefixes) or ends_with_common_verb(stem, rules) or
                composed_of(stem, rules.domain_or_category_words))


def ends_with_common_verb(stem: str, rules: OrgRules) -> bool:
    """大力发展, 加快建设: the stem closes with a common two-character verb, a phrase before a field."""
    verb = stem[-2:]
    return (len(stem) > 2 and dictionary_tags().get(verb) in rules.stem_verb_tags
            and word_freq(verb) >= rules.max_piece_word_freq)


def with_place_prefix(view: TextView, start: int, rules: OrgRules) -> int | None:
    """The name's start once a place written before it is included (重庆|平伟汽车), or None when
    what stands before it is neither a boundary nor a place."""
    if start not in view.starts:  # 以|海辰储能: a stop word glued to the name
        return start if starts_word(view, start, rules) else None
    span = previous_token(view, start)
    before = token_text(view, span) if span else ""
    if is_boundary_token(before, rules):
        return start
    if is_place(before):
        outer = previous_token(view, span[0])
        if is_boundary_token(token_text(view, outer) if outer else "", rules):
            return span[0]
    return None


def pattern_short_names(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """宇树科技, 同辉气体, 平创半导体: a proper name of 2-4 characters and one industry word."""
    found = []
    for end, word in matches(view, rules, "pattern"):
        word_start = end - len(word)
        if end not in view.ends:
            continue
        follower = view.token_after(end)
        if field_follower(follower, rules) and follower != rules.project_word or closes_field_list(view, end, rules):
            continue
        if follower in rules.measured_followers:
            continue  # 富硒食品增长较快: a product measured, no company
        stem_start = proper_stem_start(view, word_start, rules)
        if follower in rules.field_followers and not before_project(view, stem_start, word_start):
            continue
        stem = view.text[stem_start:word_start]
        if not (stem_is_proper(stem, rules) or trade_proper_noun(stem, rules)):
            continue
        if common_piece_in_stem(view, stem_start, word_start, rules):
            continue
        if view.text.endswith(rules.legal_forms, 0, word_start):
            continue  # 安徽海螺集团|控股的: the name ended with its legal form
        start = with_place_prefix(view, stem_start, rules)
        if start is not None:
            found.append(OrgCandidate(start, with_industry_run(view, end, rules), "org.short_name.pattern", "company"))
    return found


def closes_field_list(view: TextView, end: int, rules: OrgRules) -> bool:
    """医药、环保、特医食品|等领域: a list closer (等) right after the word and a field's word after it
    (lists.yaml gap_field_words), or a count of a field's kind (等6条县域重点产业链): the items are fields,
    not companies."""
    closer = next((c for c in rules.list_closers if view.text.startswith(c, end)), "")
    if not closer:
        return False
    after = end + len(closer)
    if view.text.startswith(rules.gap_field_words, after):
        return True
    return rules.counted_fields.match(view.text, after) is not None


def with_industry_run(view: TextView, end: int, rules: OrgRules) -> int:
    """海辰储能|科技, 某某医疗|科技: a name's tail words (industry_words.yaml name_tail_words) right after
    the first pattern word are the name's too, unless a field's word follows (某某储能|科技|创新) or a
    relation (某某科技|控股的: 控股 is no tail word)."""
    while (word := view.token_after(end)) in rules.name_tail_words and not field_follower(
            view.token_after(end + len(word)), rules):
        end += len(word)
    return end


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def field_follower(token: str, rules: OrgRules) -> bool:
    """A token after an industry word that makes it a field phrase (industry_words.yaml field_followers),
    or one jieba glued that opens with such a word of two characters or more (生物|技术开发, 智能|专用车)
    or ends as a field does (电子|信息产业), unless the token is a head (某某食品|产业园|项目: the company's park)."""
    return token in rules.field_followers or len(token) > 2 and token not in rules.heads and (
        any(token[:n] in rules.field_followers for n in range(2, len(token)))
        or token.endswith(rules.field_follower_endings))


def before_project(view: TextView, stem_start: int, word_start: int) -> bool:
    """达利|食品|项目: a trade name of one token and an industry word right before 项目 name the
    company whose project it is; with more words between (信诚|硅胶|电子项目) the words name the
    project's product."""
    return view.token_at(stem_start) == (stem_start, word_start)


def bracketed_before_project(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """京东(某某)冷链配送中心|项目: a proper word after a boundary, then its local company's name in
    brackets, then the project's words up to 项目 with no punctuation, names the company."""
    found = []
    for paren in OPEN_PARENS:
        for pos in occurrences(view.text, paren):
            close = min((i for c in CLOSE_PARENS if (i := view.text.find(c, pos + 1, pos + 8)) > 0), default=-1)
            inner = view.text[pos + 1:close]
            if close < 0 or len(inner) < 2 or not all(is_cjk(c) for c in inner) or is_numeral(inner[0]):
                continue
            rest = view.text[close + 1:close + 1 + rules.max_project_chars + 2]
            at = rest.find(rules.project_word)
            if at < 2 or not all(is_cjk(c) for c in rest[:at]):
                continue
            span = previous_token(view, pos)
            if span is None or not 2 <= span[1] - span[0] <= 4:
                continue
            word = token_text(view, span)
            before = previous_token(view, span[0])
            if list_item_ok(word, rules) and not word.endswith(rules.head_words) and (
                    before is None or is_boundary_token(token_text(view, before), rules)):
                found.append(OrgCandidate(span[0], span[1], "org.short_name.pattern", "company"))
    return found


def list_short_names(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """Items of company lists: 'A、B、C等…企业', '以A、B为代表的…企业', 'A、B、C 3家企业', 'A和B两家公司'
    and '企业包括A、B、C'."""
    found = []
    for closer in rules.list_closers:
        for start in occurrences(view.text, closer):
            cue = closing_cue(view, start + len(closer), rules)
            if closer in rules.company_closers or cue is not None:
                end = start - 1 if closer != "等" and view.text[start - 1:start] == "等" else start  # 甲、乙等|为代表的
                items = after_frame_opener(view, items_before(view, end, rules), rules.frame_openers.get(closer))
                if closer in rules.company_closers:  # 以白酒酿造|为龙头的: an activity or a place leads, no company
                    items = [(a, b) for a, b in items if not ends_with_activity(view, a, b, rules)]
                if cue in rules.placed_cues:  # 张三、李四等投资者: people; 某市某某、某省某某等投资者: companies
                    items = [(a, b) for a, b in items if placed_company(view, a, b, rules)]
                if items and (view.text.endswith(rules.role_words, 0, items[0][0]) or any(
                        titled_item(view.text[a:b], rules) for a, b in items)):
                    items = []  # 副会长|张某、李某等会员企业董事长: a title in the list makes it one of people
                if cue in rules.modifier_cues and all(common_words_only(view, a, b, rules) for a, b in items):
                    items = []  # 生鲜、日用品等|超市: goods in common words, no shops
                found += accept_items(view, items, closer not in rules.company_closers and cue in rules.weak_cues,
                                      rules)
    for match in rules.count_closing_pattern.finditer(view.text):
        if "、" in view.text[max(0, match.start() - 3 * rules.max_item_chars):match.start()]:
            items = items_before(view, match.start(), rules)
            if len(items) >= 2:  # the 、 may stand in an earlier clause: one name before its count is no list
                found += accept_items(view, items, False, rules)
        elif view.text.startswith(rules.pair_counts, match.start()):  # 甲乙和丙丁|两家公司: a pair, no 、
            found += accept_items(view, pair_before(view, match.start(), rules), False, rules)
    for cue in rules.opening_cues:
        for start in occurrences(view.text, cue):
            items = [(a, b) for a, b in items_after(view, start + len(cue), rules)
                     if ends_with_industry(view.text[a:b], rules) or not holds_common_verb(view, a, b, rules)]
            found += accept_items(view, items, len(items) == 1, rules)  # 帮助企业为|员工办理社保: one item
            # is no list, a company only with an industry word (重点企业为某某科技)
    return found + framed_companies(view, rules) + industry_pairs(view, rules)


def titled_item(item: str, rules: OrgRules) -> bool:
    """A list item that holds a person's title (轮值会长张某), not a company's name that happens to
    (华科长江电子 holds 科长 and ends with an industry word)."""
    return any(role in item for role in rules.role_words) and not ends_with_industry(item, rules)


def placed_company(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """A name of the knowledge data opens the item, or a place (a whole token) with words after it
    that name no people or capital (宝鸡|鼎盛, 宝鸡|石油; not 温州|商人, 上海|社会资本, 宝鸡|籍: lists.yaml
    placed_not_company_endings)."""
    if known_prefixes(view, start, rules):
        return True
    span = view.token_at(start)
    return span is not None and span[0] == start and span[1] < end and is_proper_place(
        token_text(view, span)) and not view.text.endswith(rules.placed_not_company_endings, start, end)


def industry_pairs(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """来到|鑫泰管业、振华包装，: two 、-neighbours that each end with an industry word after a rare trade
    name (industry_words, wider than the words that end a short name alone) are companies of one list,
    with no cue (listed_beside then reads the rest of the list); 机械制造、食品加工 are fields: their
    words before the industry word are common."""
    found, text, words = [], view.text, rules.industry_words
    fields = field_or_trade_words(rules)
    for sep in occurrences(text, "、"):
        n = 2 if text[sep - 2:sep] in words else 3 if text[sep - 3:sep] in words else 0
        if not n or text[sep - n - 2:sep - n] in fields:
            continue  # the left item ends with no industry word, or a field's (电子|信息): asked first
        if not (traded_chars(text, sep, -1, rules) and traded_chars(text, sep, 1, rules)):
            continue  # asked first, on characters: most lists are of fields (电子信息、生物医药)
        if list_of_fields_after(view, sep, rules):
            continue  # 晶硅光伏、绿电能源、生态环保等领域: the list says its items are fields
        pair = [list_neighbour(view, sep, -1, rules), list_neighbour(view, sep, 1, rules)]
        if all(item is not None and traded_item(view, *item, rules) for item in pair):
            found += [OrgCandidate(*item, "org.short_name.list", "company") for item in pair]
    return found


def item_of_field_list(view: TextView, end: int, rules: OrgRules) -> bool:
    """A short name that is an item of a list of fields (晶硅光伏、绿电能源和生态环保等领域): a field."""
    return closes_field_list(view, end, rules) or list_of_fields_after(view, end, rules)


def list_of_fields_after(view: TextView, sep: int, rules: OrgRules) -> bool:
    """The list through the joiner at sep (、, or 和/及/与 before the last item) closes with 等 and a field's word
    (…、生态环保等领域): its items, each at most lists.yaml max_item_chars long, lead to the closer."""
    pos = sep
    while (joiner := next((j for j in FIELD_LIST_JOINERS if view.text.startswith(j, pos)), "")):
        end = pos + len(joiner)
        while end < len(view.text) and end - pos <= rules.max_item_chars and view.text[end] not in rules.item_stops:
            end += 1
        if closes_field_list(view, end, rules):
            return True
        pos = end
    return False


FIELD_LIST_JOINERS = ("、", *PAIR_JOINERS)  # 、 between a list's items, 和 or 及 before the last


@rules_cache
def field_or_trade_words(rules: OrgRules) -> frozenset[str]:
    """Domain, category and industry words: a stem made of them is a field, no trade name."""
    return rules.domain_or_category_words | rules.industry_words


def traded_chars(text: str, sep: int, step: int, rules: OrgRules) -> bool:
    """The characters of the item beside the 、 at sep, up to the next stop, may be a trade name and an
    industry word: they end with an industry word and what stands before it within reach is no field's
    or kind's words alone (电子|信息, 生物|医药 are fields)."""
    if step == 1:
        end = next((i for i in range(sep + 1, min(len(text), sep + rules.max_item_chars + 2))
                    if text[i] in rules.item_stops), -1)
        start = sep + 1
    else:
        end = sep
        start = next((i + 1 for i in range(sep - 1, max(-1, sep - rules.max_item_chars - 2), -1)
                      if text[i] in rules.item_stops), max(0, sep - rules.max_item_chars - 1))
    word = next((text[end - n:end] for n in (3, 2) if end - n > start and text[end - n:end] in rules.industry_words),
                "") if end > 0 else ""
    return bool(word) and not composed_of(text[start:end - len(word)], field_or_trade_words(rules))


def traded_item(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """The item is a trade name of proper pieces (rarer than max_piece_word_freq: the pair vouches for
    each other) and one industry word (鑫泰|管业, 振华|包装)."""
    item = view.text[start:end]
    word = next((item[-n:] for n in range(len(item) - 2, 1, -1) if item[-n:] in rules.industry_words), "")
    stem = item[:len(item) - len(word)]
    pieces = view_tokens(view, start, end - len(word))
    return bool(word) and len(stem) >= rules.min_stem_chars and bool(pieces) and pieces[-1][1] == end - len(
        word) and not composed_of(stem, field_or_trade_words(rules)) and all(
        is_proper_piece(view.text[a:b], rules) for a, b in pieces)


def framed_companies(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """像|某某脚手架|这样的企业, 为|某某|授信: the words between a frame's opener and closer (lists.yaml like_frame_*)
    name a company when a rare word of a name opens them and they are no kind or field; the document's
    other mentions of those words at token edges name it too (为|某某脚手架|争取…)."""
    found = []
    for closer in rules.like_frame_closers:
        for end in occurrences(view.text, closer):
            start = next((end - n for n in range(2, rules.max_item_chars + 1) if end - n - 1 >= 0 and
                          view.text.startswith(rules.like_frame_openers, end - n - 1) and end - n in view.starts), None)
            if start is None or end not in view.ends or end + len(closer) not in view.ends:
                continue  # 这样的企业|家: a person's frame
            item = view.text[start:end]
            first = view.token_at(start)
            if list_item_ok(item, rules) and first is not None and len(token_text(view, first)) > 1 and \
                    is_proper_piece(token_text(view, first), rules) and not common_words_only(view, start, end, rules):
                found += [OrgCandidate(at, at + len(item), "org.short_name.frame", "company") for at in occurrences(
                    view.text, item) if starts_word(view, at, rules) and at + len(item) in view.ends]
    return found


def common_words_only(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """Every token of [start, end) is a word of jieba's dictionary with no proper-noun tag: a kind
    (种养|大户, 个体户, 春耕|备耕), no trade name (a trade name such as 某海鑫 is no word of it)."""
    tokens = [token_text(view, span) for span in view_tokens(view, start, end)]
    return bool(tokens) and all(word_freq(t) and tag_of(t) not in rules.proper_tags for t in tokens)


def ends_with_activity(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """The item's last token is an activity or a place by jieba's tag (lists.yaml activity_tags:
    白酒|酿造, 项目|建设, 省会|城市), as a trade name's last word is not (世纪|阳光, 丰源|集团)."""
    spans = [span for span in view_tokens(view, start, end) if span[1] <= end]
    return bool(spans) and spans[-1][1] == end and tag_of(token_text(view, spans[-1])) in rules.activity_tags


def after_frame_opener(view: TextView, items: list[tuple[int, int]], opener: str | None) -> list[tuple[int, int]]:
    """The first item starts after the last opening word of its closer's frame (以|某某新材料为龙头的), where
    the opener starts a token (嘉以科技 holds no 以 of a frame)."""
    if opener and items:
        cut = view.text.rfind(opener, items[0][0], items[0][1])
        if cut >= 0 and cut in view.starts and items[0][1] - cut - len(opener) >= 2:
            items = [(cut + len(opener), items[0][1]), *items[1:]]
    return items


def holds_common_verb(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """A common verb among the tokens inside [start, end): a slogan's or a clause's words (“银企对接促发展”,
    员工办理社保), no trade name."""
    return any(is_verb(token) and word_freq(token) >= rules.max_piece_word_freq
               for token in (token_text(view, span) for span in view_tokens(view, start, end)
                             if start <= span[0] and span[1] <= end))


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where word occurs in text, left to right and not overlapping (re.finditer of the word
    without building a pattern per word)."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + max(len(word), 1))


def closing_cue(view: TextView, pos: int, rules: OrgRules) -> str | None:
    """The cue noun within reach after a closer ending at pos (等200多家相关企业 -> 企业), if no clause
    ends first and the cue ends a word (企业|家 is no cue: 为代表的一批优秀企业家)."""
    tail = view.text[pos:pos + rules.max_gap_chars + 6]
    offset = 0
    while (match := rules.closing_cue_pattern.match(tail, offset)) is not None:
        if any(w in tail[:match.start("cue")] for w in rules.gap_stop_words):
            return None
        cue_end = pos + match.end("cue")
        if cue_end in view.ends and not (match.group("cue") in rules.modifier_cues and (
                noun_at(view, cue_end, rules) or holds_common_verb(view, pos, pos + match.start("cue"), rules))):
            return match.group("cue")
        offset = match.start("cue") + 1  # 外国企业: 国企 ends inside a word, 企业 after it is the cue
    return None


def noun_at(view: TextView, pos: int, rules: OrgRules) -> bool:
    """A common noun or verbal noun (lists.yaml activity_noun_tags) opens at pos (超市|商品, 银行|服务)."""
    span = view.token_at(pos)
    return span is not None and span[0] == pos and tag_of(token_text(view, span)) in rules.activity_noun_tags


def items_before(view: TextView, pos: int, rules: OrgRules) -> list[tuple[int, int]]:
    """The 、-separated items that end at pos, the first one cut at its last stop word (县政府与|甲等企业:
    the partner before 与 is no item), the last one split at a joiner (pair_before reads a pair alone)."""
    clause_start = max(view.text.rfind(c, 0, pos) for c in rules.list_ends) + 1  # 0 when none
    spans, end = [], pos
    for part in reversed(view.text[clause_start:pos].split("、")):
        start = end - len(part)
        closed = max((at + len(closer) for closer in rules.list_closers if (at := part.rfind(closer)) >= 0
                      and start + at in view.starts and start + at + len(closer) in view.ends), default=0)
        spans.append((start + closed, end))  # a closer of whole tokens (not 等 of 优等光电, 中科等离子)
        if closed:
            break  # …、乙等项目的有|丙公司、丁公司等企业: another list closed there, this one opens after it
        end = start - 1
    spans.reverse()
    if spans:
        spans[0] = (first_item_start(view, *spans[0], rules), spans[0][1])
        spans[-1:] = split_last_pair(view, *spans[-1], rules)
    return spans


def pair_before(view: TextView, pos: int, rules: OrgRules) -> list[tuple[int, int]]:
    """甲乙和丙丁|两家公司: the two items joined by the clause's last 和/与/及 before pos, the first cut
    at its last stop word; none when the clause holds no such word."""
    clause_start = max(view.text.rfind(c, 0, pos) for c in rules.list_ends) + 1
    for span in reversed(view_tokens(view, clause_start, pos)):
        if token_text(view, span) in PAIR_JOINERS:
            pair = [(first_item_start(view, clause_start, span[0], rules), span[0]), (span[1], pos)]
            if any(is_numeral(view.text[a:b]) or is_numeral(token_text(view, view.token_at(a) or (a, a)))
                   for a, b in pair):
                return []  # 一家食品和一家服装两家企业: counted kinds, no names
            return pair
    return []


def items_after(view: TextView, pos: int, rules: OrgRules) -> list[tuple[int, int]]:
    if view.text[pos:pos + 1] in ("：", ":"):
        pos += 1  # 企业有：A、B
    found = [i for c in (*rules.list_ends, "等") if (i := view.text.find(c, pos)) >= 0]
    end = min(found, default=len(view.text))
    spans, start = [], pos
    for part in view.text[pos:end].split("、"):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    if spans:
        spans[-1:] = split_last_pair(view, *spans[-1], rules)
    return spans


def first_item_start(view: TextView, start: int, end: int, rules: OrgRules) -> int:
    """吸引集聚了中石化川维 -> 中石化川维: the item begins after its last stop word or verb; the
    item's own last token is no such (高巨|创新, 合力|传动: names end with such words)."""
    pos = start
    for span in view.spans_from(max(0, view.token_index(start))):
        if span[1] >= end:
            break
        text = token_text(view, span)
        if span[0] >= start and (is_boundary_token(text, rules) or never_starts_name(text, rules.leading_tags)
                                 ) and not is_numeral(text):  # 三一重工 is a name
            pos = span[1]
    span = view.token_at(pos)
    if span is not None and span[0] == pos and span[1] <= end:  # 有宇培、…: jieba glued a stop word on
        glued = stop_prefix(token_text(view, span), rules)
        pos += glued if glued < span[1] - pos else 0
    return pos


def split_last_pair(view: TextView, start: int, end: int, rules: OrgRules) -> list[tuple[int, int]]:
    """'协友兴和伊洛美克': a last item joined by 和/与/及 as a token of its own is two items. The item
    ends before an adverb (…、南京银行|分别|与10家企业签约)."""
    for span in view.spans_from(max(0, view.token_index(start))):
        if span[0] >= end:
            break
        if span[0] > start and never_starts_name(token_text(view, span), ADVERB_TAGS) and not (
                span[1] - span[0] == 1 and is_place(view.text[start:span[0]])):
            end = span[0]  # …、宁波|均|胜等: a character of the name after its place, no adverb (a place
            break  # alone is no item)
    for span in view.spans_from(max(0, view.token_index(start))):
        if span[0] >= end:
            break
        if span[0] > start and token_text(view, span) in PAIR_JOINERS:
            return [(start, span[0]), (span[1], end)]
    return [(start, end)]


def accept_items(view: TextView, spans: list[tuple[int, int]], weak_cue: bool,
                 rules: OrgRules) -> list[OrgCandidate]:
    spans = [strip_phase(view, *strip_country(view, s, e, rules), rules) for s, e in spans]
    items = [(s, e) for s, e in spans if list_item_ok(view.text[s:e], rules) and starts_word(view, s, rules)
             and ends_name(view, e, rules)  # 江南|信安等: 等 glued to the last item
             and not activity_item(view, s, e, rules)]  # 直播|带货、社区|团购: activities
    named = len(items) + sum(view.text.endswith(rules.legal_forms, s, e) for s, e in spans if (s, e) not in items)
    if named < 2 and len(spans) >= 2 or not items or named * 2 < len(spans):
        return []  # most items are no names (fields, places, projects): a list of something else
    if weak_cue and sum(ends_with_industry(view.text[s:e], rules) for s, e in items) * 2 < len(items):
        return []
    if weak_cue and sum(common_words_only(view, s, e, rules) for s, e in items) * 2 > len(items):
        return []  # 生态|观光|现代|农业、绿色|有机|农业等项目: most items are kinds of projects in common words
    return [OrgCandidate(s, e, "org.short_name.list", "company") for s, e in items]


def activity_item(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """A common noun, then a verb or verbal noun last (直播|带货, 专家|评审): an activity, no company's name (宜昌|兴发
    opens with a place, 高巨|创新 with a rarer word: names)."""
    spans = [span for span in view_tokens(view, start, end) if span[1] <= end]
    last = token_text(view, spans[-1]) if spans else ""
    if len(spans) < 2 or spans[-1][1] != end or tag_of(last) not in rules.activity_verb_tags or \
            last in rules.domain_or_category_words:
        return False  # 某某|创新: a field's word ends a company's name as an industry word does
    first = token_text(view, spans[0])
    return tag_of(first) in rules.activity_noun_tags and word_freq(first) >= rules.max_piece_word_freq


def listed_beside(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """甲乙动漫、丙丁生物科技、戊己科技等…: the 、-neighbours of a company that end with an industry
    word are companies of the same list, going outwards until one is not."""
    taken = {(c.start, c.end) for c in chosen}
    spans = [(c.start, c.end) for c in chosen]
    found = []
    for cand in chosen:
        if cand.type != "company":
            continue
        for step in (1, -1):
            edge = cand.end if step == 1 else cand.start - 1
            while 0 <= edge < len(view.text) and view.text[edge] == "、":
                item = list_neighbour(view, edge, step, rules) or parallel_legal_item(view, edge, step, cand, rules)
                if item is None or item in taken or any(s < item[1] and item[0] < e for s, e in spans):
                    break
                found.append(OrgCandidate(*item, "org.short_name.list", "company"))
                taken.add(item)
                spans.append(item)
                edge = item[1] if step == 1 else item[0] - 1
    return found


def listed_registered_starts(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """…纺织科技有限公司、某州百家|某纺织有限责任公司: after a 、 that closes a registered name, the next
    registered name is the whole item, however its words are tagged (百家 a numeral, 给 a preposition):
    a company whose walk stopped inside the item starts right after the 、, when nothing else stands
    there and the item is CJK alone and no longer than a name."""
    spans = [(c.start, c.end) for c in chosen]
    out = []
    for cand in chosen:
        start = registered_item_start(view, cand, rules)
        if start is not None and not any(s < cand.start and start < e for s, e in spans):
            cand = replace(cand, start=start)
        out.append(cand)
    return out


def registered_item_start(view: TextView, cand: OrgCandidate, rules: OrgRules) -> int | None:
    text = view.text
    if cand.type != "company" or not text.endswith(rules.legal_forms, cand.start, cand.end):
        return None
    sep = cand.start - 1
    while sep >= 0 and cand.end - sep <= rules.max_name_chars and is_cjk(text[sep]):
        sep -= 1
    if sep < 0 or sep == cand.start - 1 or text[sep] != "、" or sep + 1 not in view.starts:
        return None
    if not text.endswith(rules.legal_forms, 0, sep):
        return None
    gap = [token_text(view, span) for span in view_tokens(view, sep + 1, cand.start)]
    return sep + 1 if all(name_piece_of_item(token, rules) for token in gap) else None


def name_piece_of_item(token: str, rules: OrgRules) -> bool:
    """A token the walk left of a registered name stopped at that may still be the name's own: a place,
    a numeral word (百家), a single character or a rare word; not a stop word, a common verb, a person
    or a head (以及新成立的|…, 总经理某某代表|…, 某某中心共同出资成立|…)."""
    if token in rules.stop_tokens or is_person(token) or token.endswith(rules.head_words):
        return False
    if len(token) > 1 and (tag_of(token) == "r" or token in rules.category_words
                           or rules.count_or_span.fullmatch(token)):
        return False  # 我市, 全资, 两家, 全年: a pronoun's place, a kind, a count or a time span
    return is_place(token) or is_numeral(token) or tag_of(token) == "m" or len(token) == 1 or \
        word_freq(token) < rules.max_piece_word_freq


def parallel_legal_item(view: TextView, sep: int, step: int, cand: OrgCandidate,
                        rules: OrgRules) -> tuple[int, int] | None:
    """甲乙无纺布公司、和谐公司: beside a company that ends with a legal form, an item that is a word
    and the same legal form is a company too, however common the word (和谐): two to four characters
    of CJK that are no place, kind, field or industry words."""
    form = next((f for f in rules.legal_forms if view.text.endswith(f, cand.start, cand.end)), "")
    if not form:
        return None
    if step == 1:
        start = sep + 1
        found = view.text.find(form, start + 2, start + 4 + len(form))
        end = found + len(form) if found >= 0 else -1
    else:
        end = sep
        if not view.text.endswith(form, 0, end):
            return None
        starts = (end - len(form) - n for n in (2, 3, 4))
        start = next((at for at in starts if at in view.starts and opens_item(view, at, rules)), -1)
    stem = view.text[start:end - len(form)] if start >= 0 and end > 0 else ""
    if not 2 <= len(stem) <= 4 or not all(map(is_cjk, stem)) or start not in view.starts or end not in view.ends:
        return None
    first = token_text(view, view.token_at(start))
    if end - len(form) not in view.ends or is_numeral(first[:1]) or \
            len(first) == 1 and tag_of(first)[:1] in rules.leading_tags:
        return None  # 组织了|子公司: the stem runs into a token holding the form; 了 (ul), 两家 (m) open no name
    if is_place(stem) or stem in rules.stop_tokens or composed_of(
            stem, rules.domain_or_category_words | rules.industry_words) or stem.endswith(rules.place_like_endings):
        return None
    return start, end


def opens_item(view: TextView, start: int, rules: OrgRules) -> bool:
    """A list's first item may open at start: the text or a delimiter, a stop word or a word that
    never opens a name stands before it (组织了|和谐公司、…)."""
    before = view.token_before(start)
    return not before or before in rules.item_stops or is_boundary_token(before, rules) or never_starts_name(
        before, rules.leading_tags)


def listed_runs(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """甲、乙、丙、丁: in a 、-list with two companies found or more, whose other items all read as
    names (list_item_ok, token-aligned, no field or kind words), those items are companies too,
    though common words (a ranking's 百度、小米). One item that is no name (大数据, 北京) shows a
    mixed list: nothing is added."""
    text = view.text
    listed = [c for c in chosen if c.type == "company" and (text[c.end:c.end + 1] == "、" or
                                                             c.start and text[c.start - 1] == "、")]
    if len(listed) < 2:
        return []
    company_ends = {c.end: c.start for c in chosen if c.type == "company"}
    spans = [(c.start, c.end) for c in chosen]
    found, seen = [], set()
    for cand in listed:
        if cand.start in seen:
            continue
        items = list_items(view, cand.start, rules)
        seen.update(company_ends.get(b, a) for a, b in items)
        if items and items[0][1] not in company_ends:  # 包括|甲、…: the first item after the clause's words
            items[0] = (first_item_start(view, *items[0], rules), items[0][1])
        rest = [(a, b) for a, b in items if company_ends.get(b, -1) < a]
        if len(items) - len(rest) < 2 or any(a < end and start < b for start, end in rest for a, b in spans):
            continue
        if rest and all(run_item_ok(view, start, end, rules) for start, end in rest):
            found += [OrgCandidate(start, end, "org.short_name.list", "company") for start, end in rest]
    return found


def run_item_ok(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    item = view.text[start:end]
    return start in view.starts and end in view.ends and list_item_ok(item, rules, common_ok=True) and \
        not composed_of(item, rules.industry_words | rules.domain_or_category_words | rules.generic_terms) and \
        not holds_common_verb(view, start, end, rules)  # 丙、丁均|获得|奖励: the last item ran into its clause


def list_items(view: TextView, start: int, rules: OrgRules) -> list[tuple[int, int]]:
    """The items of the 、-list the item at start belongs to, as spans between its delimiters: the
    first one after a stop character, the last one before one (a list that runs on into its clause
    has no last item here)."""
    stops, text = rules.item_stops, view.text
    left, low = start, max(0, start - rules.max_item_chars)
    while left > low and text[left - 1] not in stops:
        left -= 1
    while left > 0 and text[left - 1] == "、":  # the items before, back to the list's opening stop
        item_start = left - 1
        while item_start > 0 and text[item_start - 1] not in stops:
            item_start -= 1
        if item_start == 0 or left - 1 - item_start > rules.max_item_chars:
            break
        left = item_start
    items, pos = [], left
    while pos < len(text):
        end = pos
        while end < len(text) and text[end] not in stops:
            end += 1
        if end - pos > rules.max_item_chars:
            break
        items.append((pos, end))
        if text[end:end + 1] != "、":
            break
        pos = end + 1
    return items


def list_neighbour(view: TextView, sep: int, step: int, rules: OrgRules) -> tuple[int, int] | None:
    """The item beside the 、 at sep, if it is a short company name: token-aligned, list-like, and
    ending with an industry word."""
    stops = rules.item_stops
    reach = rules.max_item_chars * (1 if step == 1 else 2)  # a first item may carry the clause's opening words
    pos = sep + step
    while 0 <= pos < len(view.text) and view.text[pos] not in stops and abs(pos - sep) <= reach:
        pos += step
    start, end = (sep + 1, pos) if step == 1 else (pos + 1, sep)
    if step == -1 and view.text[start - 1:start] not in (*stops, "") and start > 0:
        return None  # the item runs on past its reach: no short name
    if step == -1:
        start = first_item_start(view, start, end, rules)  # 先后来到|祥云包装、…
    cut = False
    if step == 1 and view.text[end:end + 1] not in (*stops, ""):
        end, cut = last_item_end(view, start, end, rules), True  # 甲科技、乙陶瓷|分别|与…签约
        if end is None:
            return None
    item = view.text[start:end]
    if not starts_word(view, start, rules) or end not in view.ends or not list_item_ok(item, rules):
        return None
    # 丙、丁|分别|被评为: a clean end, unless the item is a person (王某某|分别|作了发言)
    cut_at_adverb = cut and tag_of(view.token_after(end)) in ADVERB_TAGS and not (
        start in view.starts and end in view.ends and is_person(item))
    if ends_with_industry(item, rules) or (not cut or cut_at_adverb) and 2 <= len(item) <= 4 and stem_is_proper(
            item, rules) and all(
            is_proper_piece(view.text[a:b], rules) for a, b in view_tokens(view, start, end)):
        return start, end  # 拓远科技, or a proper word alone (威立雅、台铃): a company beside a company
    return None


def last_item_end(view: TextView, start: int, reach: int, rules: OrgRules) -> int | None:
    """End of a list's last item that the clause goes on after with no punctuation: the start of
    the first token within reach that is an adverb, preposition or conjunction (分别, 与; not a verb,
    which may name the project the item opens: 五金智能|制造…项目, nor 的)."""
    for span in view_tokens(view, start, reach):
        token = token_text(view, span)
        if span[0] > start and never_starts_name(token, ITEM_END_TAGS) and (
                len(token) > 1 or tag_of(token) not in ADVERB_TAGS or is_verb(view.token_after(span[1]))):
            return span[0]  # a one-character adverb ends the item before a verb only (巡返|特|玻|分别)
    return None


def strip_country(view: TextView, start: int, end: int, rules: OrgRules) -> tuple[int, int]:
    for country in rules.countries:
        if view.text.startswith(country, start) and end - start - len(country) >= 2:
            return start + len(country), end
    return start, end


def strip_phase(view: TextView, start: int, end: int, rules: OrgRules) -> tuple[int, int]:
    """某某印刷|二期: a project's phase after a list item (lists.yaml project_phases; lists of projects hold
    them) is the project's, not the company's name."""
    for phase in rules.project_phases:
        if view.text.endswith(phase, start, end) and end - len(phase) - start >= 2 and end - len(phase) in view.ends:
            return start, end - len(phase)
    return start, end


def list_item_ok(item: str, rules: OrgRules, common_ok: bool = False) -> bool:
    """The item may be a company's short name: CJK, not a generic, field, kind or place word;
    rare in jieba's dictionary unless common_ok (an item of a list of companies: 百度)."""
    if not 2 <= len(item) <= rules.max_item_chars or not all(is_cjk(c) for c in item):
        return False
    if item in rules.generic_names or item in rules.generic_terms or is_place(item):
        return False
    if item in rules.closing_cues or composed_of(item, rules.domain_or_category_words | rules.generic_names):
        return False  # 数字经济、智能制造等重点项目: fields; 紧盯央企、上市公司、行业龙头企业: kinds of companies
    if item.endswith(rules.item_not_name_endings) or len(item) == 2 and item.startswith(rules.degree_adverbs):
        return False  # …领域; 更好、更强: a comparison
    if item.endswith(rules.place_like_endings):
        return False  # 创新创业产业园, 安置小区: a place in the list, no company
    if titled_item(item, rules):
        return False  # 县委书记张强: a person by title
    return common_ok or word_freq(item) < rules.max_piece_word_freq


def ends_with_industry(item: str, rules: OrgRules) -> bool:
    """The item ends with an industry word and has more before it."""
    return any(item[-n:] in rules.industry_words for n in range(1, len(item)))


def known_short_names(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """Names of the knowledge data (工信部, 北京工业大学, 新华网) standing as words: at token edges,
    after a boundary, and not followed by a place that continues a longer name (中国电子|重庆…基地)."""
    found = []
    for end, name in matches(view, rules, "known"):
        start = end - len(name)
        type_, full, rule = rules.known[name]
        if type_ == "government" and rules.document_number_after.match(view.text, end):
            continue  # 工信厅科函〔2023〕12号: a document's number, issued by another office than the name says
        if any(name.endswith(w[0]) and view.text.startswith(w[1:], end) for w in rules.known_glued_words):
            continue  # 国土资源部|门: the land departments
        if type_ == "government":
            start = with_state_prefix(view, start, name, rules)
        elif type_ == "company":
            placed = with_place_prefix(view, start, rules)  # 与|江苏|恒瑞医药: the place is named with it when
            if placed is not None and full.startswith(view.text[placed:start]):  # its registered name opens so,
                start = placed  # not 某县|中粮集团 (中粮集团有限公司): there the place says where it stands
        if end not in view.ends and type_ == "company" and known_start_ok(view, start, rules):
            glued = glued_trade_end(view, end, rules)  # 中国|电|建新|能源: jieba cut the name into its trade
            numbered = glued_numbered_end(view, end, rules) if glued is None else None  # 中|铁一局
            if glued is not None or numbered is not None:
                found.append(OrgCandidate(start, glued or numbered, "org.short_name.pattern", "company",
                                          extras={"numbered": True} if numbered else {}))
            continue
        if end not in view.ends and not word_resumes_at(view, end, rules) or not known_start_ok(view, start, rules) or \
                place_banks_sector(view, end, name):
            continue
        if type_ == "company" and view.token_after(end) in place_features():
            continue  # 鑫海|小区: a place called after the company
        # 中国电子|重庆…示范基地: a place right after opens a longer name; the known name still
        # signals a company for the parks and branches named with it, but is no mention alone
        inside = type_ == "company" and is_proper_place(view.token_after(end))
        piece = view.token_after(end)
        if type_ == "company" and not inside and branch_piece(piece, rules):
            stop = numbered_units_end(view, end + len(piece), rules)
            found.append(OrgCandidate(start, stop, "org.short_name.pattern", "company",
                                      extras={"numbered": True} if stop > end + len(piece) else {}))
            continue  # 中车|恒通: a group's short name opens its subsidiary's
        stop = numbered_units_end(view, end, rules) if type_ == "company" else end
        trade = known_company_trade_end(view, end, rules) if type_ == "company" and not inside and stop == end else None
        if trade is not None:
            found.append(OrgCandidate(start, trade, "org.short_name.pattern", "company"))
            continue  # 北京碧水源|生态环境: the company's own trade words name one of its companies
        if stop > end:
            found.append(OrgCandidate(start, stop, "org.short_name.pattern", "company", extras={"numbered": True}))
            continue  # 中建|三局, 中交|二航局, 中建五局|三公司: a group's numbered bureau or company
        found.append(OrgCandidate(start, end, rule, type_, canonical=full, extras={"inside_name": inside}))
    return found


@rules_cache
def place_features() -> frozenset[str]:
    """Words after a company's usual name that make it a place called after it (boundaries.yaml
    place_features)."""
    return frozenset(require(load_yaml(BOUNDARIES), "place_features", BOUNDARIES))


@rules_cache
def bank_sector_words() -> frozenset[str]:
    """Words after a place and 银行 that make it the place's banking sector (boundaries.yaml
    bank_sector_words)."""
    return frozenset(require(load_yaml(BOUNDARIES), "bank_sector_words", BOUNDARIES))


def place_banks_sector(view: TextView, end: int, name: str) -> bool:
    """某省|银行|机构, 某省|银行|网点: a place and 银行 before a banking-sector word (the next token) are
    the place's banks counted together, not the bank named after the place (某省银行|业务 is the bank's)."""
    return name.endswith("银行") and view.token_after(end) in bank_sector_words() and is_place(name[:-2])


def known_company_trade_end(view: TextView, end: int, rules: OrgRules) -> int | None:
    """北京碧水源|生态环境, 某集团|新材料: industry words right after a known company's usual name, ending
    as a short name does and with no field phrase after them (industry_run), name one of its companies
    as the page writes it when a delimiter or a stop word (负责人, 、) follows: their end, else None."""
    if end not in view.starts or end >= len(view.text):
        return None
    stop = industry_run(view, view.token_index(end), rules)
    after = view.token_after(stop) if stop is not None else ""
    if stop is None or after in PAIR_JOINERS:
        return None  # 某某电气|氢能源|及燃料电池基地: a project's words go on
    return stop if not after or after in rules.item_stops or is_boundary_token(after, rules) else None


def glued_trade_end(view: TextView, end: int, rules: OrgRules) -> int | None:
    """中国电建|新能源 cut 中国|电|建新|能源: a known company's usual name that ends inside a token, with
    industry words from there to a token end and a delimiter or stop word after them, names one of its
    companies as the page writes it: their end, else None (no word of the name is glued to a phrase)."""
    for stop in range(end + 2, min(end + 7, len(view.text)) + 1):
        if stop in view.ends and composed_of(view.text[end:stop], rules.industry_words):
            after = view.token_after(stop)
            return stop if not after or after in rules.item_stops or is_boundary_token(after, rules) else None
    return None


def glued_numbered_end(view: TextView, end: int, rules: OrgRules) -> int | None:
    """中|铁一局: a group's numbered unit that jieba glued to the last character of the group's short name,
    ending at a token edge: the units' end, else None."""
    unit = rules.numbered_unit.match(view.text, end)
    return numbered_units_end(view, unit.end(), rules) if unit and unit.end() in view.ends else None


def numbered_units_end(view: TextView, end: int, rules: OrgRules) -> int:
    """The end of the numbered units at token edges right after end (三局, 五局|三公司), else end."""
    while (unit := rules.numbered_unit.match(view.text, end)) and unit.end() in view.ends:
        end = unit.end()
    return end


def with_state_prefix(view: TextView, start: int, name: str, rules: OrgRules) -> int:
    """国家|工信部, 国家科技部: a State Council body's short name written after 国家 is named with it."""
    for prefix in rules.state_prefixes:
        if not name.startswith(prefix) and view.text.startswith(prefix, start - len(prefix)) and \
                start - len(prefix) in view.starts:
            return start - len(prefix)
    return start


def branch_piece(piece: str, rules: OrgRules) -> bool:
    """A rare two-character proper word right after a known company's short name names one of its
    companies (中车|恒通新能源客车): rarer in jieba's dictionary than a stem may be. A word unknown to
    the dictionary that opens with a verb is an act (中国移动|援青|干部: 援 + 青海's short form)."""
    return len(piece) == 2 and all(is_cjk(c) for c in piece) and is_proper_piece(piece, rules) and \
        word_freq(piece) < rules.max_stem_word_freq and piece not in rules.industry_words and not (
            not word_freq(piece) and dictionary_tags().get(piece[0]) in rules.branch_piece_verb_tags)


def word_resumes_at(view: TextView, end: int, rules: OrgRules) -> bool:
    """工信|部下|属: jieba glued a known name's last character to the next word's first; the characters
    from end to a later token's end make a word of its dictionary (下属), so the text reads 工信部|下属;
    or the glued token is no word of it and its rest is a stop word (中国|信通|院在|此次: 在)."""
    i = view.token_index(end)
    if i < 0:
        return False
    glued = view.token_starts[i] < end < view.token_ends[i]
    if glued and view.text[end:view.token_ends[i]] in rules.stop_tokens and not word_freq(
            view.text[view.token_starts[i]:view.token_ends[i]]):
        return True
    for stop in view.token_ends[i:i + 2]:
        if stop - end >= 2 and word_freq(view.text[end:stop]) >= rules.resumed_word_min_freq:
            return True
    return False


def known_start_ok(view: TextView, start: int, rules: OrgRules) -> bool:
    """A known name starts at a token start after a boundary or an ordinary word (配套|京东方,
    日经|国务院), not after a place or a proper piece that would make it part of a longer name."""
    if with_place_prefix(view, start, rules) == start:
        return True
    if start not in view.starts:
        return False
    if date_unit_before(view, start, rules):
        return True  # 3月|保利发展
    span = previous_token(view, start)
    before = token_text(view, span) if span else ""
    return bool(before) and word_freq(before) > 0 and not is_place(before) and (
        ending_word(before, rules) or not is_proper_piece(before, rules))  # 认真落实|党中央



def photo_credits(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """雷键摄(中经视觉), (某某网发 张三 摄): the agency or issuer in a photo credit is a media organization;
    a place, a person or a common noun that supplied the photo (某某区供图, 受访者供图, 本报记者供图,
    景区供图) is none."""
    found = []
    media = media_rules()
    for match in media.photo_credit.finditer(view.text):
        group = next(key for key, value in match.groupdict().items() if value)
        name = match.group(group)
        known_type = rules.known.get(name, ("other",))[0]
        if group == "issuer" and (not name.endswith(media.issuer_heads) or known_type != "other"):
            continue  # (张三发 李四 摄): a person sent it; (国家电网发 …): the known name says what it is
        if not (is_place(name) or name in media.photo_credit_not_names or name.startswith(media.source_name_stops)
                or word_freq(name) and tag_of(name) in rules.common_noun_tags):
            found.append(OrgCandidate(match.start(group), match.end(group), "org.media.credit", "other"))
    return found


def registered_names(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """江苏科利科技, 广州诚越电子科技, 江苏南通城欣市政工程: a company written as it is registered but
    without its legal form (places, a rare trade name, industry words), after a boundary or a verb.
    The place and the industry words together make it a company, even where a project's name
    follows (…的某某超达涂料年产3万吨…项目)."""
    found = []
    count = len(view.token_starts)
    entries, commons = gazetteer().entries, place_rules().common_word_shorts
    tokens = view.token_texts()
    places = [i for i, t in enumerate(tokens)  # places_token, inlined: asked of every token
              if t in entries and t not in commons or len(t) >= 4 and places_token(t, rules)]
    resume = 0
    for i in places:
        start = view.token_starts[i]
        if i < resume or not opens_registered(view, start, rules):
            continue
        j = i + 1
        while j < count and view.token_starts[j] == view.token_ends[j - 1] and places_token(
                token_text(view, (view.token_starts[j], view.token_ends[j])), rules):
            j += 1  # 江苏|南通|…
        end = trade_name_and_industry(view, j, rules)
        if end is None or view.text.startswith(rules.legal_forms, end) or park_after(view, end, rules):
            continue  # …科技|有限公司: the full name's head names it (its places from the largest)
        found.append(OrgCandidate(start, end, "org.short_name.registered", "company"))
        resume = view.token_index(end - 1) + 1
    return found


def invested_project_companies(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """投资24亿元的|某某数科|压缩空气储能项目: right after an investment's amount and 的 (lists.yaml
    invested_project_cue), a rare trade name and an industry word with the project's own words after
    them name the company whose project it is, short as it is written. Read on characters: jieba
    often cuts an unknown trade name into the industry word (某|澳新|能源)."""
    found = []
    for match in rules.invested_project_cue.finditer(view.text):
        if view.text.endswith(rules.legal_forms, 0, match.start()):
            continue  # 某某有限公司投资1亿元的|某某建材项目: the investor is named before; the words name its project
        end = trade_name_before_project(view, match.end(), rules)
        if end is not None:
            found.append(OrgCandidate(match.end(), end, "org.short_name.project", "company"))
    return found


def capacity_companies(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """某某承业|年产80万千瓦防爆电机生产项目: a rare trade name right before a project's yearly capacity
    (lists.yaml capacity_project_cue), the project closing the clause, is the company whose project it
    is; places without a level before it are part of its name (河南|某某), a county is the project's
    place (某县|某某|年加工…项目)."""
    found, levels = [], government_rules().level_chars
    for match in rules.capacity_project_cue.finditer(view.text):
        cue = match.start()
        if cue not in view.starts or not project_closes_clause(view.text, match.end(), rules):
            continue
        stem_start = proper_stem_start(view, cue, rules, rules.max_trade_name_chars)
        if stem_start < cue and view.text[stem_start] in levels and opens_after_place(
                view, stem_start):
            stem_start += 1  # 长乐|区恒申: jieba glued the county's level to the trade name
        stem = view.text[stem_start:cue]
        if len(stem) < rules.min_stem_chars or not trade_name_ok(stem, rules) or not is_proper_piece(
                token_text(view, view.token_at(cue - 1)), rules) or capacity_not_name(stem, rules):
            continue
        start = stem_start
        while (span := previous_token(view, start)) and places_token(piece := token_text(view, span), rules) \
                and piece[-1] not in levels:
            start = span[0]  # 河南|某某: the province in the company's name
        if start == stem_start and not opens_registered(view, start, rules) and not opens_after_place(view, start):
            continue
        found.append(OrgCandidate(start, cue, "org.short_name.capacity", "company"))
    return found


def capacity_not_name(stem: str, rules: OrgRules) -> bool:
    """新上, 续建, 二期, 龙河镇, 浙商, 木业 before 年产: a project's verb, phase or place, merchants, a trade alone."""
    return stem.startswith(rules.capacity_not_names) or stem.endswith(rules.capacity_not_name_endings) or \
        stem in rules.pattern_words


def project_closes_clause(text: str, pos: int, rules: OrgRules) -> bool:
    """项目 before the clause ends, at most capacity_project_chars after pos."""
    clause = text[pos:pos + rules.capacity_project_chars]
    cut = min((k for k in map(clause.find, rules.list_ends) if k >= 0), default=len(clause))
    return rules.project_word in clause[:cut]


def opens_after_place(view: TextView, start: int) -> bool:
    """某县|某某: a name may open right after a place (the county the project is in)."""
    before = previous_token(view, start)
    return before is not None and is_proper_place(token_text(view, before))


def apposed_companies(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """高新技术企业|某某电子科技, 龙头企业|某某食品: a company's short name in apposition right after a
    category noun (a token ending with one of lists.yaml apposition_cues): a rare trade name and
    industry words, as a registered name has them after its place; the category is no name."""
    found = []
    for start, _ in matches(view, rules, "apposition"):  # from the shared pass over the text
        if start not in view.ends or not is_proper_piece(view.token_after(start), rules):
            continue  # most cues stand before common words: asked first, cached
        listed = apposed_list(view, start, rules) if "、" in view.text[start:start + rules.max_item_chars + 1] else []
        end = trade_name_and_industry(view, view.token_index(start), rules) if not listed else None
        found += listed or ([OrgCandidate(start, end, "org.short_name.apposition", "company")] if end else [])
    return found


def apposed_list(view: TextView, start: int, rules: OrgRules) -> list[OrgCandidate]:
    """骨干企业|甲乙纺织、丙丁餐具、戊己体育等: a 、-list in apposition right after a category noun names
    companies, though no cue follows its 等, when most items open with a rare proper piece (a trade
    name; 数字化、智能化改造 after 企业 opens with none) and none holds a common verb."""
    items = items_after(view, start, rules)
    if len(items) < 2 or any(holds_common_verb(view, a, b, rules) for a, b in items):
        return []
    if sum(is_person(view.text[a:b].strip()) for a, b in items) * 2 >= len(items):
        return []  # 辖区企业|刘洋、陈静等财务人员: people, no companies
    proper = sum(a in view.starts and is_proper_piece(token_text(view, view.token_at(a)), rules) for a, b in items)
    return accept_items(view, items, False, rules) if proper * 2 > len(items) else []


def trade_name_before_project(view: TextView, pos: int, rules: OrgRules) -> int | None:
    """End of the shortest rare trade name and industry word at pos (lists.yaml project_company_words;
    科技 after them too: 某某电子|科技), when the project's words follow; None when there is none."""
    for n in range(rules.min_stem_chars, rules.max_trade_name_chars + 1):
        stem = view.text[pos:pos + n]
        if len(stem) < n or not all(is_cjk(c) for c in stem) or not trade_name_ok(stem, rules) or \
                any(c in rules.stop_tokens for c in stem):
            return None
        word = max((w for w in rules.project_company_words if view.text.startswith(w, pos + n)
                    and pos + n + len(w) in view.ends), key=len, default="")
        if not word:
            continue
        end = pos + n + len(word)
        while view.token_after(end) in rules.last_industry_words:
            end += len(view.token_after(end))  # 某某电子|科技: the name's last industry word
        return end if project_words_after(view, end, rules) and not park_project(view, end, rules) else None
    return None


def park_after(view: TextView, end: int, rules: OrgRules) -> bool:
    """某省某市|某某智能装备|产业园|生产车间: a park named with its operator right after the name, no project of
    it (lists.yaml park_project_after): the places and words name the park, a zone, no company."""
    park = view.token_after(end)
    return is_park_head(park, rules) and not rules.park_project_after.match(view.text, end + len(park))


def park_project(view: TextView, end: int, rules: OrgRules) -> bool:
    """某某食品|产业园|项目: the industry word is the park's field, its project a park's (the park's
    operator is read where parks are, organizations.park_project_operator)."""
    park = view.token_after(end)
    head = rules.heads.get(park)
    return head is not None and head.kind == "park" and view.token_after(end + len(park)) == rules.project_word


def project_words_after(view: TextView, end: int, rules: OrgRules) -> bool:
    """The project's own words follow the name (…数科|压缩空气储能, …新能源|产业基地): a word of a name's
    text, no boundary, legal form or other head of a full name (those name the company in full)."""
    after = view.token_after(end)
    return bool(after) and after not in rules.legal_forms and not is_boundary_token(after, rules) and (
        after in rules.project_heads or not after.startswith(rules.head_words))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def places_token(token: str, rules: OrgRules) -> bool:
    """A token that is places only (江苏, 福建厦门), not an ordinary word (asked of every token:
    cached by its text)."""
    return is_proper_place(token) or len(token) >= 4 and composed_of(token, gazetteer_names()) and word_freq(
        token) < rules.max_piece_word_freq


def opens_registered(view: TextView, start: int, rules: OrgRules) -> bool:
    """What stands before the place lets a name open there: nothing, a boundary, or a word that never
    opens a name (的, 与, 引进)."""
    before = view.token_before(start)
    return not before or is_boundary_token(before, rules) or never_starts_name(before, rules.leading_tags)


def trade_name_and_industry(view: TextView, index: int, rules: OrgRules) -> int | None:
    """End of the trade name (the shortest that is rare and proper, up to max_trade_name_chars) and the
    industry words after it, from the token at index; None when there is none."""
    if index >= len(view.token_starts) or view.token_starts[index] != view.token_ends[index - 1]:
        return None
    stem_start = pos = view.token_starts[index]
    k = index
    while k < len(view.token_starts) and view.token_starts[k] == pos:
        piece = token_text(view, (pos, view.token_ends[k]))
        if not is_proper_piece(piece, rules) or piece.endswith(rules.head_words):
            return None  # 龙岩市|统计局…: a body's name, no trade name
        if k == index and stop_prefix(piece, rules):
            return None  # 某区|的禧龙|…: a stop word jieba glued on parts the place from the trade name
        pos, k = view.token_ends[k], k + 1
        if pos - stem_start > rules.max_trade_name_chars:
            return None
        stem = view.text[stem_start:pos]
        if len(stem) >= rules.min_stem_chars and trade_name_ok(stem, rules):
            end = industry_run(view, k, rules)
            if end is not None:
                return end
    return None


def trade_name_ok(stem: str, rules: OrgRules) -> bool:
    if stem in rules.generic_terms or stem.startswith(rules.generic_prefixes) or is_place(stem):
        return False
    return word_freq(stem) < rules.max_piece_word_freq and not ends_with_common_verb(stem, rules)


def industry_run(view: TextView, index: int, rules: OrgRules) -> int | None:
    """End of the industry words from the token at index (科技, 电子|科技, 环保|科技), the first of them
    with up to max_industry_prefix_chars of nouns before it (市政工程, 市政|工程); None when no industry
    word follows, when the last ends neither with a word that ends short names (pattern_words) nor as
    one noun with its industry word (市政工程), when it is a verb's (…|发展: running text), when a legal
    form comes (海螺|集团: a full name's), or when the words go on as a field phrase (…科技|创新)."""
    spans = list(itertools.islice(view.spans_from(index), 8)) if index < len(view.token_starts) else []
    pos, last = (spans[0][0] if spans else -1), ""
    for n, (start, end) in enumerate(spans):
        token = token_text(view, (start, end))
        if start != pos or token in rules.legal_forms:
            break
        if composed_of(token, rules.industry_words) or not last and industry_suffix(token, rules):
            pos, last = end, token  # 科技, 市政工程
            if token.endswith(tuple(rules.last_industry_words)):
                break  # 电子科技|智能终端: 科技 closes a name, what follows is a product
            continue
        nxt = spans[n + 1] if n + 1 < len(spans) else None
        if not last and pos == spans[0][0] and industry_prefix(token, rules) and nxt and nxt[0] == end and \
                composed_of(token_text(view, nxt), rules.industry_words):
            pos = end  # 市政|工程: the next token is the industry word
            continue
        break
    follower = view.token_after(pos)
    if last and view.text.startswith(rules.officer_titles, pos):
        return pos  # 鹏翔|包装|总经理: an officer's title says the words name a company
    if not last or not (last.endswith(tuple(rules.pattern_words)) or industry_suffix(last, rules)):
        return None  # 吴兴区|营商|环境: a phrase's noun; a name ends with a word that ends short names
    if tag_of(last) in rules.stem_verb_tags or field_follower(follower, rules) and \
            follower not in rules.project_heads:  # …电子科技|项目 is the company's project
        return None
    return pos


def industry_prefix(token: str, rules: OrgRules) -> bool:
    """A noun of at most max_industry_prefix_chars that may stand before a name's industry word (市政)."""
    return len(token) <= rules.max_industry_prefix_chars and all(is_cjk(c) for c in token) and (
        tag_of(token) in ("n", "nz", "") or not word_freq(token))


def industry_suffix(token: str, rules: OrgRules) -> bool:
    """The token ends with an industry word after a noun of at most max_industry_prefix_chars (市政工程)."""
    return any(token[-n:] in rules.industry_words and industry_prefix(token[:-n], rules)
               for n in range(2, len(token) - 1))
