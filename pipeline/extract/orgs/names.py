"""Full names found by their heads (研究院, 有限公司, 科技局): the words before a head that
belong to the name, read over the tokens until a boundary."""

from __future__ import annotations

from functools import lru_cache

from zhfacts.extract.orgs.candidates import (
    OrgCandidate,
    date_unit_before,
    demonstrative_after_place,
    glued_preposition,
    is_boundary_token,
    is_name_text,
    is_numeral,
    is_place,
    is_proper_place,
    previous_token,
    split_function_word,
    stop_prefix,
    token_text,
)
from zhfacts.extract.orgs.government import government_rules
from zhfacts.extract.orgs.media import media_rules
from zhfacts.extract.orgs.pos import (
    dictionary_tags,
    is_person,
    is_verb,
    never_starts_name,
    tag_of,
)
from zhfacts.extract.orgs.rules import (
    CLOSE_PARENS,
    COMPOSED_WORD_CHARS,
    OPEN_PARENS,
    TOKEN_CACHE_SIZE,
    OrgRules,
    matches,
    org_rules,
    word_freq,
)
from zhfacts.extract.places import gazetteer
from zhfacts.nlp.text_view import TextView, is_cjk
from zhfacts.rules import rules_cache


def head_candidates(view: TextView, rules: OrgRules, place_ends: dict[int, int]) -> list[OrgCandidate]:
    """The longest head ending at each token end, with the name it closes."""
    longest: dict[int, str] = {}
    for end, head in matches(view, rules, "head"):
        if ends_name(view, end, rules) and len(head) > len(longest.get(end, "")):
            longest[end] = head
    found = []
    for end, text in sorted(longest.items()):
        head = rules.heads[text]
        head_start = end - len(text)
        if head.kind == "works" and generic_head_token(view, head_start, rules):
            continue  # 数字|工厂: a kind of works, no name to walk
        token = view.token_at(end - 1)
        if token is not None and token[1] == end and (
                token_text(view, token) in rules.stop_tokens or token_text(view, token) in rules.event_words):
            continue  # 某某药业|母公司: a word of relation between two names that ends like a head; 招商会: an event
        start = expand_left(view, head_start, end, rules, head.kind == "legal", place_ends)
        if text in rules.association_heads and found and found[-1].end == head_start and \
                found[-1].head.kind == "park":
            start = found[-1].start  # 某某区特色产业园|促进会: a park's association is named with the park
        if head.type == "research" and start < head_start:
            start = group_unit_start(view, start, rules, place_ends)  # 某某集团有限公司|第九研究院
        start = known_name_across(view, start, head_start, rules)
        start = trim_leading(view, start, head_start, end, rules)
        start = known_name_start(view, start, head_start, end, rules)
        if head.type == "company":
            start = located_known_company(view, start, head_start, end, rules)
        if head.type == "company" or text.endswith(rules.place_chain_heads):
            start = after_place_chain(view, start, head_start, rules)
        if head.kind == "legal":
            start = at_larger_place(view, start, head_start, place_ends)
        if head.type == "government":
            start = place_start(view, start, head_start, place_ends)
        if text in rules.association_heads:
            start = with_prefix_token(view, start, rules.national_prefixes)
        if start < head_start:
            joined = view.text[start:end]  # 某某大学-某县研究院: canonical 某某大学某县研究院
            canonical = "" if rules.hyphens.isdisjoint(joined) else "".join(c for c in joined if c not in rules.hyphens)
            found.append(OrgCandidate(start, end, f"org.suffix.{head.type}", head.type, head=head,
                                      head_start=head_start, canonical=canonical))
    return found


def group_unit_start(view: TextView, start: int, rules: OrgRules, place_ends: dict[int, int]) -> int:
    """某某集团有限公司|第九研究院, 某某科工集团|第二研究院: a research unit numbered by an ordinal right
    after a group's full name is the group's, named with it: the group's start (its name read as the
    legal form's walk reads it), else start."""
    ordinal = rules.ordinal.match(view.text, start)
    form = next((f for f in rules.legal_forms if view.text.endswith(f, 0, start) and start - len(f) in view.starts),
                "") if ordinal else ""
    if not form:
        return start
    group = expand_left(view, start - len(form), start, rules, True, place_ends)
    return group if group < start - len(form) else start


def bracketed_place_names(view: TextView, rules: OrgRules, place_ends: dict[int, int]) -> list[OrgCandidate]:
    """某某医学工程转化(某区)中心: a bare head word (boundaries.yaml bracket_heads) right after a
    bracketed place names a body whose place sits inside its name; its words before the bracket are
    read by the walk left, and must hold a proper word."""
    if not any(c in view.text for c in CLOSE_PARENS):
        return []
    found = []
    for close in CLOSE_PARENS:
        for word in rules.bracket_heads:
            pos = view.text.find(close + word)
            while pos >= 0:
                end = pos + 1 + len(word)
                opened = parenthesised_place_start(view, pos + 1) if end in view.ends else None
                if opened is not None and opened in view.starts:
                    start = trim_leading(view, expand_left(view, opened, end, rules, False, place_ends), opened, end,
                                         rules)
                    words = view.text[start:opened]
                    if start < opened and any(proper_word(p, rules) for p in descriptor_parts(view, start, opened)):
                        type_ = "research" if any(w in words for w in rules.bracket_research_words) else "other"
                        found.append(OrgCandidate(start, end, f"org.suffix.{type_}", type_))
                pos = view.text.find(close + word, pos + 1)
    return found


def generic_head_token(view: TextView, head_start: int, rules: OrgRules) -> bool:
    """The token that holds the head is a generic name (工厂 of 数字|工厂) or a verb, pronoun or
    adjective and the head (建厂, 该厂, 全厂, 旧厂): a kind or an act, no name's end."""
    span = view.token_at(head_start)
    if span is None:
        return False
    token = view.text[span[0]:span[1]]
    return token in rules.generic_names or len(token) == 2 and span[1] == head_start + 1 and \
        tag_of(token[0]) in rules.works_kind_tags


def known_name_across(view: TextView, start: int, head_start: int, rules: OrgRules) -> int:
    """工业和|信息化部赛迪研究院: a name of the knowledge data that the walk cut at a stop word inside
    it (和) opens the name at its own start."""
    span = known_cover(view, rules).get(start)
    return span[0] if span is not None and span[1] <= head_start and span[0] in view.starts else start


def known_cover(view: TextView, rules: OrgRules) -> dict[int, tuple[int, int]]:
    """Each position strictly inside a name of the knowledge data -> that name's span (the longest),
    once per document."""
    cover = view.cache.get("org.known_cover")
    if cover is None:
        cover = {}
        for end, name in matches(view, rules, "known"):
            for pos in range(end - len(name) + 1, end):
                if pos not in cover or cover[pos][1] - cover[pos][0] < len(name):
                    cover[pos] = (end - len(name), end)
        view.cache["org.known_cover"] = cover
    return cover


def known_name_start(view: TextView, start: int, head_start: int, end: int, rules: OrgRules) -> int:
    """正文|黄淮学院, 希望借助|黄淮学院, 人民政府做好|成都理工大学医学院: a university, research body or
    government body of the knowledge data inside the name starts it, unless what stands before it is
    a place or another body (北京|…, 某集团|…) that a name may open with."""
    pos = start + 1
    while pos <= head_start:
        names = [n for n in known_prefixes(view, pos, rules) if pos + len(n) <= end
                 and rules.known[n][0] in rules.anchoring_types and len(n) >= rules.min_anchor_chars]
        if names and pos in view.starts and not opens_with_body(view.text[start:pos], rules):
            return pos
        pos += 1
    return start


def located_known_company(view: TextView, start: int, head_start: int, end: int, rules: OrgRules) -> int:
    """某县|中粮集团: a company of the knowledge data after places only is named without them when its
    registered name does not open with them (中粮集团有限公司): they say where it stands. 江苏|恒瑞医药
    keeps its place (江苏恒瑞医药股份有限公司)."""
    if end not in known_ends(view, rules):
        return start  # the common case: no name of the knowledge data ends the candidate
    for pos in range(start + 1, head_start):
        for name in known_prefixes(view, pos, rules):
            type_, canonical, _ = rules.known[name]
            if pos + len(name) == end and type_ == "company" and pos in view.starts and not canonical.startswith(
                    view.text[start:pos]) and composed_of(view.text[start:pos], gazetteer_names()):
                return pos
    return start


PLACE_LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "county": 2}  # the gazetteer's levels, largest first


def at_larger_place(view: TextView, start: int, head_start: int, place_ends: dict[int, int]) -> int:
    """某市某区|某省某某科技有限公司: a registered name opens with its places from the largest down; a
    larger place after a smaller one opens the name there, the places before it say where the company
    is (a place of several levels counts as its largest)."""
    previous = None
    for end in sorted(e for e in place_ends if start < e <= head_start and place_ends[e] >= start):
        units = [entry.unit for entry in gazetteer().entries.get(view.text[place_ends[end]:end], ())]
        rank = min((PLACE_LEVEL_RANK.get(u.level, 3) for u in units), default=None)
        if rank is None:
            continue
        if previous is not None and rank < previous:
            return place_ends[end]
        previous = rank
    return start


def after_place_chain(view: TextView, start: int, head_start: int, rules: OrgRules) -> int:
    """某县|某镇|某村|锦绣农业公司: a chain of places down to a village or township (boundaries.yaml
    place_chain_endings) before a company's own trade name (a rare word) says where the company is;
    the name starts with the trade name, for a company or a co-operative (boundaries.yaml
    place_chain_heads). A village's co-operative named by the village alone (某村农机专业合作社) keeps it."""
    words = view.text[start:head_start]
    if not any(ending in words for ending in rules.place_chain_endings):
        return start  # most names hold no village or township: asked first
    spans = view_tokens(view, start, head_start)
    for n in range(len(spans) - 1, 0, -1):
        token = token_text(view, spans[n])
        if len(token) > 1 and token.endswith(rules.place_chain_endings) and is_place_piece(
                token_text(view, spans[n - 1]), rules) and proper_piece_at(view, spans[n][1], head_start, rules) and \
                not composed_of(token_text(view, spans[n + 1]), rules.industry_words):
            return spans[n][1]
    return glued_village_end(view, spans, head_start, rules) or start


def glued_village_end(view: TextView, spans: list[tuple[int, int]], head_start: int, rules: OrgRules) -> int:
    """某县|某镇|东坡|村春华|农业合作社, 某县|淮|镇西|村|春华…: jieba cut the village's name so that no
    token ends with its ending; in a chain opened by a county, a token that opens with a village's or
    township's ending and goes on with a proper word (春华: unknown to jieba, or a proper noun by its
    tag), or that ending alone before one, starts the trade name after that character; a product
    (某乡|蛋鸡|专业合作社) is no trade name, the township names the co-operative. 0 when there is none."""
    if len(spans) < 3 or not is_place_piece(token_text(view, spans[0]), rules) or not is_place(
            token_text(view, spans[0])):
        return 0
    for n in range(len(spans) - 1, 0, -1):
        token = token_text(view, spans[n])
        if token[0] not in rules.place_chain_endings or len(token) == 2 or spans[n][1] >= head_start:
            continue
        alone = len(token) == 1  # 镇西|村|春华: the ending stands alone, the trade name is the next token
        rest = token_text(view, spans[n + 1]) if alone else token[1:]
        if all(map(is_cjk, rest)) and len(rest) >= 2 and (not word_freq(rest) or tag_of(rest) in rules.proper_tags) \
                and not composed_of(rest, rules.industry_words) and not is_place(rest):
            return spans[n][1] if alone else spans[n][0] + 1
    return 0


def is_place_piece(token: str, rules: OrgRules) -> bool:
    """A county, a level character or a township's token of a place chain (某|县|某镇|某村, 某某|镇)."""
    return (is_place(token) and token.endswith(rules.place_chain_openers) or token in government_rules().level_chars
            or token.endswith(rules.place_chain_endings))  # not 山西|杏花村…集团: a province opens no chain


def ending_word(text: str, rules: OrgRules, legal: bool = False) -> bool:
    """A word that ends any name on the walk left by its tag and length (boundaries.yaml
    name_ending_tags: 只是 of 饲料加工厂只是|天之虹公司, 认真落实 of 认真落实|中央宣传部); of a registered
    name (legal) only by registered_name_ending_tags (干干净净家政服务有限公司: a z word is a trade name)."""
    tag = tag_of(text)
    least = rules.name_ending_tags.get(tag)
    return len(text) > 1 and least is not None and len(text) >= least and (
        not legal or tag in rules.registered_name_ending_tags)


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def adverb_and_verb(token: str, rules: OrgRules) -> bool:
    """充分发挥, 大力支持: an adverb and a verb that jieba's dictionary holds as one word, by the tags of
    its two halves (boundaries.yaml compound_adverb_tags, compound_verb_tags)."""
    return len(token) == 4 and tag_of(token[:2]) in rules.compound_adverb_tags and \
        tag_of(token[2:]) in rules.compound_verb_tags


def verb_before_field(view: TextView, text: str, span: tuple[int, int], rules: OrgRules) -> bool:
    """回收|利用|研究所: a verb before a plain noun that is no place or level is a field of the name."""
    if tag_of(text) != "v":
        return False
    after = view.token_after(span[1])
    return tag_of(after) in rules.walk_noun_tags and after not in government_rules().level_chars and not is_place(
        after) and not composed_of(after, rules.category_words)  # 联系|异地|商会: a kind after the verb, no field


def view_tokens(view: TextView, start: int, end: int) -> list[tuple[int, int]]:
    """The tokens from start on, the last cut at end."""
    spans, pos = [], start
    while pos < end:
        span = view.token_at(pos)
        if span is None:
            break
        spans.append((pos, min(span[1], end)))
        pos = span[1]
    return spans


def place_start(view: TextView, start: int, head_start: int, place_ends: dict[int, int]) -> int:
    """统计公报|中站区统计局, 职责划至|县|生态环境局: a government body's name opens with its place or
    a level character standing alone or opening the head's token (认真落实|市政府); words before the
    first that are neither places nor a body (a heading line, a sentence) are no part of it."""
    rules = org_rules()
    levels = government_rules().level_chars
    glued = [head_start - 1] if head_start - 1 > start and view.text[head_start - 1] in levels else []
    inside = [(s, e) for e, s in place_ends.items() if start <= s and e <= head_start + 1]
    starts = sorted(s for s in (*place_ends.values(), *level_tokens(view, start, head_start, levels), *glued)
                    if start < s < head_start and s in view.starts
                    and view.text[s - 1] not in OPEN_PARENS  # 杭州高新区(滨江)区委 is one name
                    and not any(a < s < b for a, b in inside))  # 某|州|区政府: 州 is the place's own
    if starts and not opens_with_body(view.text[start:starts[0]], rules) and not view.text.startswith(
            rules.body_prefixes, start):
        return starts[0]
    return start


def level_tokens(view: TextView, start: int, end: int, levels: str) -> list[int]:
    """Starts of the tokens in [start, end) that are a level character alone (县|生态环境|局)."""
    found = []
    pos = start
    while pos < end:
        span = view.token_at(pos)
        if span is None:
            break
        if span[1] - span[0] == 1 and view.text[span[0]] in levels:
            found.append(span[0])
        pos = max(span[1], pos + 1)
    return found


def opens_with_body(prefix: str, rules: OrgRules) -> bool:
    """A prefix a known name may carry: places only (中国|…, 重庆市|…), or a body named before it."""
    return composed_of(prefix, gazetteer_names()) or prefix.endswith(rules.long_head_words) or prefix in rules.known


def with_prefix_token(view: TextView, start: int, prefixes: tuple[str, ...] | frozenset[str]) -> int:
    """Where a name starts when the token right before it is one of prefixes, which the walk left
    stops at elsewhere: 全国|城市商业网点联合会 (national_prefixes: not 全国|规上工业企业), 中共|某市委网信办
    (body_prefixes)."""
    span = previous_token(view, start)
    return span[0] if span and token_text(view, span) in prefixes else start


def split_run_after_place(view: TextView, span: tuple[int, int], rules: OrgRules, legal: bool = False) -> int | None:
    """安徽省|外|经|建设集团: jieba split an unknown word into single characters that are stop words
    alone (外, 经). A run of two or more single-character tokens, none a preposition, conjunction,
    pronoun, adverb or particle, right after a place, belongs to the name: the place's start, or None.
    Before a legal form an adverb or pronoun may be such a character (宁波|均|胜|电子股份有限公司) when
    the run makes no word of the dictionary."""
    pos, run = span[1], []
    while True:
        prev = previous_token(view, pos)
        if prev is None or prev[1] - prev[0] != 1 or not is_cjk(view.text[prev[0]]):
            break
        run.append(token_text(view, prev))
        pos = prev[0]
    blocking = rules.single_char_tags
    after = single_chars_after(view, span[1])
    if legal and len(run) + len(after) >= 2 and not word_freq("".join(reversed(run)) + after):
        blocking = blocking - rules.legal_name_char_tags  # 宁波|均|胜|电子…, 上海|均|和|集团: no word
        run += list(after)
    if len(run) < 2 or any(dictionary_tags().get(c) in blocking for c in run):
        return None  # 在|这, 与, 已: prepositions, pronouns, conjunctions, adverbs end the name
    place = previous_token(view, pos)
    if place and is_proper_place(token_text(view, place)):
        return place[0]
    # 苏州|协同|共|赢|新材料…有限公司: a word of the trade name stands between the place and the run
    return place_opening_registered_name(view, pos, pos, rules) if legal else None


def place_cut_by_tokens(view: TextView, span: tuple[int, int], head_start: int, rules: OrgRules) -> int | None:
    """、三|明天|正|贸易有限公司: the walk stopped at a stop word or a numeral (正, 三) of a place jieba cut
    into the next word (三明 + 天瑞). Within the stop token and the two before it, where place_cut_at holds: its
    start, else None."""
    starts, at = [span[0]], span[0]
    for _ in range(2):
        prev = previous_token(view, at)
        if prev is None:
            break
        starts.append(at := prev[0])
    return next((start for start in starts if place_cut_at(view, start, head_start, rules)), None)


def place_cut_at(view: TextView, start: int, limit: int, rules: OrgRules) -> bool:
    """A proper place opens at start right after a delimiter or a boundary and ends before limit inside
    a word that opens no name (三|明天|…: a time word, an adverb; 湖|南麓|…: a direction; not 璧|山区):
    jieba cut the place into that word, and the place opens a registered name."""
    for length in range(2, 5):  # asked of every name's start: the place, a lookup, first
        stop = start + length
        if stop >= limit or stop in view.ends or not is_proper_place(view.text[start:stop]):
            continue
        cut = view.token_at(stop)
        if cut is not None and never_starts_name(token_text(view, cut), rules.leading_tags | rules.cut_place_word_tags):
            before = view.token_before(start)
            return not before or before in rules.item_stops or is_boundary_token(before, rules)
    return False


def single_chars_after(view: TextView, pos: int) -> str:
    """The single-character CJK tokens that follow pos, joined."""
    chars = ""
    span = view.token_at(pos)
    while span is not None and span[0] == pos and span[1] - span[0] == 1 and is_cjk(view.text[pos]):
        chars += view.text[pos]
        pos = span[1]
        span = view.token_at(pos)
    return chars


def ends_name(view: TextView, end: int, rules: OrgRules) -> bool:
    """A name may end here: at a token end, or before a title or particle jieba glued on (发改局|局长,
    自然资源局|等), or before a conjunction glued to the level character that opens the next name
    (生态环境|局和市|水利局), or before a level character glued to its committee that opens a peer body
    (某某区|委区|人民政府)."""
    if end in view.ends:
        return True
    token = view.token_at(end)
    rest = view.text[end:token[1]] if token is not None else ""
    return rest in rules.role_words or rest in rules.trailing_particles or (
        rest in rules.head_followers and known_before(view, token[0], end, rules)) or (
        len(rest) == 2 and glued_level(rest, rules)) or (
        rest in government_rules().level_chars and view.text.startswith(rules.peer_heads, token[1]))


def known_before(view: TextView, head_start: int, end: int, rules: OrgRules) -> bool:
    """邮储|银行贷款: the token before the head and the head make a name of the knowledge data (居民|银行
    存款 is no bank)."""
    before = previous_token(view, head_start)
    return before is not None and view.text[before[0]:end] in rules.known


def level_parent(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """自治区|党委 before a department: a parent head of level_parent_heads right after a level word."""
    return view.text[span[0]:span[1]] in rules.level_parent_heads and view.text.endswith(
        tuple(government_rules().level_words), 0, span[0])


def date_unit_glued(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """2009|年北盛|公司: a token opening with a date's unit glued to the word after it, right after a number."""
    text = token_text(view, span)
    if len(text) < 2 or text[0] not in rules.date_words:
        return False
    number = previous_token(view, span[0])
    return number is not None and is_numeral(token_text(view, number))


def expand_left(view: TextView, head_start: int, end: int, rules: OrgRules, legal: bool = False,
                place_ends: dict[int, int] | None = None) -> int:
    """Where the name that ends with the head starts: the walk stops at a stop word, punctuation,
    a number or another organization's head; it keeps a parenthesised place and crosses one
    conjunction inside a name (材料及装备研究院)."""
    token = view.token_at(head_start)
    pos = token[0] if token else head_start
    head_token_start = pos
    if pos < head_start and (view.text[pos:head_start] in rules.stop_tokens or head_start - pos == stop_prefix(
            token_text(view, token), rules)):
        pos = head_start
    crossed = False
    bracketed = view.text[head_start:head_start + 1] in OPEN_PARENS  # a walk from a bracketed place's bracket
    institute = not legal and view.text.endswith(rules.hyphen_parents, 0, end)
    place_ends = place_ends or {}
    full_places = full_place_names()  # asked for every token walked: fetched once
    bracket = (-1, -1)  # the last bracketed place crossed: a name never opens with its bracket
    if pos < head_start and pos + 1 in place_ends and view.text[pos] in government_rules().level_chars:
        pos = place_ends[pos + 1]  # 某|州|区政府: the place jieba cut apart ends with the head token's level
    while pos > 0:
        if pos in place_ends and end - place_ends[pos] <= rules.max_name_chars:  # 于|都 is one place
            pos = place_ends[pos]
            continue
        span = previous_token(view, pos)
        if span is None:
            break
        text = token_text(view, span)
        if text in rules.hyphens and institute and view.text.endswith(rules.hyphen_parents, 0, span[0]) and \
                pos < head_start:
            pos = span[0]  # 某某理工大学-|某县产业技术研究院: the parent's name opens the institute's
            continue
        if text and text[-1] in CLOSE_PARENS:
            opened = parenthesised_place_start(view, span[1])
            if opened is None:
                break
            pos = opened
            bracketed = True
            bracket = (opened, span[1])
            continue
        if end - span[0] > rules.max_name_chars:
            break
        if bracketed and len(text) > 1 and is_name_text(text) and not is_numeral(text) and (
                text in rules.domain_words or not is_boundary_token(text, rules)):
            pos = span[0]  # 某某工程转化|(黔江)|研究院: a bracketed place stands inside a name, the word
            bracketed = False  # before it is the name's, a field's word though it would stop a walk
            continue  # elsewhere; another verb or stop word ends the name there (…共建|(某县)研究院)
        bracketed = False
        if pos < head_token_start and apposed_category(view, text, pos, head_start, rules) and (
                legal or is_proper_place(view.token_after(pos)) or view.text.startswith(rules.country_name, pos)):
            break  # 出口骨干企业|某某公司, 研究机构|中国…研究院: a category noun in apposition before a name
            # (before an institution's, only where a place opens it), no word of it
        tag = tag_of(text)
        if adverb_and_verb(text, rules) or ending_word(text, rules, legal):
            break  # 充分发挥|行业协会…: an adverb and a verb jieba keeps as one word (tagged a noun at times)
        if pos == head_token_start and (least := rules.level_body_ending_tags.get(tag)) and len(text) >= least and \
                level_own_body(view.text[head_token_start:end]):
            break  # 某地全面落实|省委: an idiom before a level's own body is the sentence's (not 省|扶贫开发|协会)
        if date_unit_before(view, span[1], rules):
            break  # 12月20日|赛迪顾问…: a date before the name
        if date_unit_glued(view, span, rules):
            pos = span[0] + 1  # 2009|年北盛|公司: jieba glued the year's 年 to the name
            break
        if pos == head_token_start < head_start and token is not None and \
                whole_name_token(token_text(view, token), rules) and sentence_word(text, rules):
            break  # 嘉宾体验|香港理工大学: jieba knows the whole name; the word before it is the sentence's
        if legal and pos < head_token_start and common_noun_before_place(view, text, span[1], rules):
            break  # 签约项目|苏州某某科技有限公司: the place opens the registered name
        if text in rules.inner_conjunctions or text in rules.joining_conjunctions:
            outer = previous_token(view, span[0])
            if crossed or span[1] >= head_start or not outer or is_boundary_token(token_text(view, outer), rules):
                break  # (…经开区与|银行: no words join the head's, so the conjunction joins no nouns of one name)
            if view.text.endswith(rules.long_head_words, 0, span[0]) or view.text.endswith(
                    rules.company_sites, 0, span[0]):
                break  # …区人民政府与|中国汽车工程研究院…, 某某科技总部及|研发中心: a name ends before the conjunction
            right = right_part_kind(view, span[1], head_start, rules)
            if right == "name" or right == "unsure" and not joins_one_name(view, span[0], text, rules):
                break
            if right == "generic" and place_ends_at(view, span[0]):
                break  # 某区与|人民电器集团有限公司: a place and a conjunction join two parties
            crossed = True
            pos = span[0]
            continue
        boundary = is_boundary_token(text, rules) and not demonstrative_after_place(view, span, rules) and not (
            not legal and text in rules.domain_words and field_word_after_place(view, span, rules))
        # ordinals are numerals: only boundary tokens are asked
        if boundary and pos == head_token_start and rules.bare_ordinal.fullmatch(text) and names_before_ordinal(
                view, span[0], rules):
            pos = span[0]  # 某某|二|医院, 市|一|医院: a bare numeral right before the head
            continue
        if boundary and rules.ordinal.fullmatch(text):  # a word of the name: 市|第一|人民医院, 据|第一|财经日报
            pos = span[0]
            if names_before_ordinal(view, span[0], rules):
                continue  # 华西|第二|医院, 某某电科|第十四|研究所: the name goes on before it
            break  # after a boundary the ordinal opens the name
        if pos == head_token_start and len(text) > 1 and is_verb(text) and word_freq(text) >= rules.head_verb_min_freq:
            break  # 某某项目作为|公司: a verb this common right before the head names no business
        if legal and business_word_in_name(view, span, head_start, rules):
            pos = span[0]  # 华西|建设|集团有限公司, 交通|服务|有限公司: the business is part of the name
            continue
        if len(text) == 2 and text[0] in rules.stop_tokens and glued_level(text, rules) and \
                joins_after(view, span, rules):
            pos = span[0] + 1  # …中学|和县|第二中学: after a full name, 和 joins two names, 县 opens the next
            break
        if boundary and not split_name_char(view, span, rules) and (
                (text + view.text[span[1]:span[1] + 1]) not in full_places  # 新建|区政府: a district named so,
                or view.text.endswith(rules.long_head_words, 0, span[0])  # not after a name (…有限公司和|县…)
                or len(text) == 1 and joins_after(view, span, rules)):  # nor after a word (县领导和|县委…)
            if split_function_word(view, span, head_start, rules):
                pos = span[1] + 1  # 其|中华|鑫公司: 其中 cut apart, the name is 华鑫公司
                break
            cut_place = place_cut_by_tokens(view, span, head_start, rules) if legal else None
            if cut_place is not None and end - cut_place <= rules.max_name_chars:
                pos = cut_place  # 、三|明天|瑞|电子有限公司: 三明 opens the name
                break
            place_start = split_run_after_place(view, span, rules, legal) if span[1] - span[0] == 1 else None
            if place_start is None and legal and text in rules.trade_name_numerals:
                place = previous_token(view, span[0])  # 南通|万|维新|能源科技有限公司: 万 is the trade name's
                place_start = place[0] if place and is_proper_place(token_text(view, place)) else None
            if place_start is None or end - place_start > rules.max_name_chars:
                break
            pos = place_start
            break
        if span[1] - span[0] == 3 and is_person(text) and not is_proper_place(text) and \
                view.token_before(span[0]) in rules.role_words:
            break  # 院长|张某某|某某有限公司: a person's full name after a title stands before the name (a
            # lost comma); a two-character nr token there is as often a trade name (副会长|宇树|科技…)
        if not legal and 2 <= span[1] - span[0] <= 3 and is_person(text) and not is_proper_place(text) and \
                is_proper_place(view.token_after(span[1])) and after_byline_label(view, span[0], rules):
            break  # 责任编辑:某某某|某州经济网: a person's name before the place that opens the name
        if not legal and 2 <= span[1] - span[0] <= 3 and person_acting(view, span, pos, head_start, rules):
            pos += len(view.token_after(pos))  # 副局长|张某某|宣告|…联盟: the person and the act are no name
            break
        if view.text.startswith(rules.country_name, pos) and body_before_country(view, text, pos, rules):
            break  # 国家科技部|中国某某技术研究院: two names, the second opens with the country's
        if not legal and pos < head_token_start and text.endswith(rules.peer_heads) and \
                is_proper_place(view.token_after(span[1])):
            break  # 某县人民政府|福建商学院: a government before the place that opens the next name (two parties)
        if view.text[head_start:end] in rules.peer_heads and view.text.endswith(
                (*rules.parent_heads, *rules.peer_heads), 0, span[1]):
            break  # 县委|县政府|县人大|县政协, 某某区|委|区政府: bodies side by side, none of them part of the next
        if view.text[head_start:end] in rules.peer_heads and text[-1] in government_rules().level_chars and \
                view.text.endswith(rules.parent_heads, 0, span[1] - 1):
            pos = span[1] - 1  # 某某区|委区|人民政府: jieba glued the committee's 委 to the level that opens
            break  # the next body
        if not legal and pos == head_token_start and ends_with_head(text, rules) and (
                not (text.endswith(rules.parent_heads) or level_parent(view, span, rules))
                or view.text[head_start:end] in rules.peer_heads):
            break  # 江津区委|组织部, 自治区党委|统战部 are one body, 市委|市政府 two
        if not legal and pos < head_token_start and text == view.text[head_start:end] and \
                is_proper_place(view.token_after(span[1])) and kind_before(view, span[0], rules):
            break  # 结对省级|商会|浙江省四川商会: the name's own head after a kind's words, before the place
            # that opens the name, is a kind in apposition (not 某某医院|深圳医院: a parent's name)
        if pos == head_token_start and text in rules.company_sites:
            break  # 某某芯片研发设计及|总部|公司: a company's headquarters, a kind of company, no name
        if not legal and verb_after_name(view, span, rules):
            break  # 之江实验室|纳入|国家实验室: a verb after a name ends the next one
        if not legal and pos < head_token_start and tag_of(text) in rules.walk_stop_tags and word_freq(
                text) >= rules.max_piece_word_freq and text not in rules.domain_words and \
                view.token_after(span[1]) not in industry_or_domain(rules) and not verb_before_field(view, text, span,
                                                                                     rules):
            break  # 某市充分|发动…商会, 来自|市工商联: a common verb or adverb (boundaries.yaml walk_stop_tags)
            # ends a body's name, but not right before its head or a field's word (某某休闲|产业|发展研究院)
        if not legal and tag_of(text) in rules.verbal_noun_tags and word_freq(text) >= rules.max_piece_word_freq \
                and opens_proper_name(view, span[1], head_start):
            break  # 将启动|中关村…研究院: a common verbal noun before a proper name ends the name, as a verb does
        if is_verb(text) and word_freq(text) >= rules.max_piece_word_freq and proper_piece_at(view, span[1], head_start,
                                                                                               rules):
            place_start = place_opening_registered_name(view, span[0], end, rules) if legal and not is_proper_place(
                view.token_after(span[1])) else None  # 禄丰市宣布|云南…有限公司: the place after the verb opens it
            if place_start is not None:
                pos = place_start  # 深圳|科|创新|源新|材料|股份有限公司: a verb inside a registered name
            break  # 县领导深入|宏达公司: a verb before a proper name ends the name
        glued = stop_prefix(text, rules) or int(
            span[1] - span[0] == 2 and glued_preposition(view, span, head_start, rules))
        if glued and not legal and ends_with_head(text, rules):
            break  # 国家|经信委|中国…研究院: a body's name stands before the name, 经 is no stop word in it
        if glued:
            pos = span[0] + glued if glued < len(text) else pos
            break
        if legal and verb_glued_after_adverb(view, span, rules):
            pos = span[0] + 1  # 分别|是衡|所华威电子有限公司: 是 opens no name
            break
        pos = span[0]
    return bracket[1] if pos == bracket[0] else pos  # 共建|(某县)研究院: the walk ended at the bracket


def whole_name_token(token: str, rules: OrgRules) -> bool:
    """A token jieba's dictionary tags an organization (boundaries.yaml name_token_tags) and a place
    opens (香港|理工大学): a whole name; one no place opens may be a name's end (四川|轻|化工大学)."""
    return tag_of(token) in rules.name_token_tags and any(is_place(token[:n]) for n in range(2, len(token) - 1))


def sentence_word(token: str, rules: OrgRules) -> bool:
    """A word before a name jieba knows whole that is the sentence's (嘉宾|体验, 名校, 合作方): not a place,
    a single character (市|友谊医院), a party's name (body_prefixes: 民建) or a word that may open such a
    name (name_opening_tags: 共青团 nt, 附属 b)."""
    return len(token) > 1 and not is_place(token) and token not in rules.body_prefixes and \
        tag_of(token) not in rules.name_opening_tags


def after_byline_label(view: TextView, pos: int, rules: OrgRules) -> bool:
    """A byline's label (boundaries.yaml byline_labels) stands before pos, or a colon or space right
    after one (编辑:|某某某, 记者 某某某): the name after it is a person's, not a company's (今天，华为|重庆…
    opens a company's name)."""
    before = previous_token(view, pos)
    word = token_text(view, before) if before else ""
    if word and not is_name_text(word) and word.strip() in ("", ":", "：") and before is not None:
        label = previous_token(view, before[0])
        word = token_text(view, label) if label else ""
    return word.endswith(rules.byline_labels) if word else False


def apposed_category(view: TextView, text: str, pos: int, head_start: int, rules: OrgRules) -> bool:
    """The token is a category noun (ending with lists.yaml apposition_cues: 骨干企业, 外商投资|企业) or a
    zone (government.yaml zone_endings: 某某开发区, a zone of the gazetteer is a place crossed whole) and
    a registered name opens right after it with a proper word (a place or a rare trade name: 荣第|公司,
    重庆|荣达|食品|有限公司, 宏远|建设|集团有限公司): a name in apposition. A business word right after it
    keeps it in the name (某某企业|管理|有限公司)."""
    if not text.endswith(rules.apposition_cues) and not text.endswith(government_rules().zone_endings):
        return False  # 某某工业园区|某某机械有限公司: the zone says where the company stands, as a place
    first = view.token_after(pos)
    if len(first) == 1 and is_cjk(first):  # 龙头企业|中|某某…集团: jieba split the trade name's first character
        return proper_word(view.token_after(pos + 1), rules)
    return bool(first) and proper_word(first, rules)


def person_acting(view: TextView, span: tuple[int, int], pos: int, head_start: int, rules: OrgRules) -> bool:
    """副局长|张某某|宣告|某某联盟: a person's name after a title (role_words, or a stop word's ending: 副|区长)
    or a stop word, then a common word that
    is no industry, field or kind word (the person's act; jieba's dictionary may tag it a noun) before
    more of the name: neither opens it."""
    if not 2 <= span[1] - span[0] <= 3 or not is_person(token_text(view, span)):
        return False  # asked of every token a walk crosses: the length first
    act = view.token_after(pos)
    if not act or pos + len(act) >= head_start or word_freq(act) < rules.max_piece_word_freq or composed_of(
            act, rules.industry_words) or composed_of(act, rules.domain_or_category_words):
        return False  # 宇树|科技|…中心: jieba tags unknown trade names as persons; an industry word follows
    before = view.token_before(span[0])
    return not before or is_boundary_token(before, rules) or before.endswith(rules.role_words) or \
        before[-2:] in rules.stop_tokens  # 副区长 ends with 区长, a title


def field_word_after_place(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """与|中关村|国际|孵化|软件协会: a field's word that stops a walk elsewhere as a verb (孵化, 服务, 转化)
    belongs to a body's name when a proper place (of the gazetteer, or a place by jieba's dictionary: 中关村)
    opens the words before it right after a boundary, at most two plain nouns or such field words
    between them (中关村|国际|孵化|服务|联盟)."""
    if token_text(view, span) not in rules.domain_words:
        return False
    at, nouns = span[0], 0
    while (prev := previous_token(view, at)) is not None:
        token = token_text(view, prev)
        if is_proper_place(token) or dictionary_tags().get(token) in rules.place_tags:
            before = view.token_before(prev[0])
            return not before or is_boundary_token(before, rules)
        if nouns == 2 or tag_of(token) != "n" and token not in rules.domain_words or \
                is_boundary_token(token, rules) and token not in rules.domain_words:
            return False
        nouns, at = nouns + 1, prev[0]
    return False


def body_before_country(view: TextView, text: str, pos: int, rules: OrgRules) -> bool:
    """A government body (工信部, 发改委: of the knowledge data or ending with a government head) right
    before a name that opens with the country's name (中国…研究院): a name so opened is a full name of
    its own, never one named with its parent."""
    if not view.text.startswith(rules.country_name, pos):
        return False
    known = rules.known.get(text)
    return known is not None and known[0] == "government" or any(
        text[-n:] in rules.heads and rules.heads[text[-n:]].type == "government" for n in range(2, len(text) + 1))


def is_park_head(word: str, rules: OrgRules) -> bool:
    head = rules.heads.get(word)
    return head is not None and head.kind == "park"


def glued_level(token: str, rules: OrgRules) -> bool:
    """和县, 与县: jieba's token of a conjunction and a level character (a county's name too)."""
    return len(token) == 2 and token[0] in rules.stop_tokens and token[1] in government_rules().level_chars


def joins_after(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """What stands before a glued 和县 makes 和 a conjunction: a full name (…中学|和县), or a word
    that is neither a place (安徽省|和县 is the county) nor a boundary (。和县人民政府)."""
    if view.text.endswith(rules.long_head_words, 0, span[0]):
        return True
    before = previous_token(view, span[0])
    text = token_text(view, before) if before else ""
    return bool(text) and not is_boundary_token(text, rules) and not is_place(text)


def verb_glued_after_adverb(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """A two-character token unknown to jieba's dictionary that opens with a stop word that is a
    verb (是, 有), right after an adverb (分别, 还, 都): the verb, not the name's first character.
    Unlike 与|同辉, where a preposition before it leaves 同 to the name."""
    text = token_text(view, span)
    if len(text) != 2 or text[0] not in rules.stop_tokens or word_freq(text) or tag_of(text[0]) != "v":
        return False
    before = previous_token(view, span[0])
    return before is not None and tag_of(token_text(view, before)) == "d"


def verb_after_name(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """The token at span is a common verb that is no field word of a name (纳入, 下属; not 创新, 转化)
    and the token before it ends with an organization's head: a name ended there."""
    text = token_text(view, span)
    if not is_verb(text) or word_freq(text) < rules.max_piece_word_freq or text in rules.domain_or_category_words:
        return False
    before = previous_token(view, span[0])
    return before is not None and ends_with_head(token_text(view, before), rules)


def place_opening_registered_name(view: TextView, pos: int, end: int, rules: OrgRules) -> int | None:
    """Start of a place at most two short tokens before pos that opens a company's registered
    name (深圳|科|创新…股份有限公司): the place stands after a boundary or a verb, and the name fits."""
    for _ in range(3):
        span = previous_token(view, pos)
        if span is None or span[1] - span[0] > 2 and not is_proper_place(token_text(view, span)):
            return None
        text = token_text(view, span)
        if is_proper_place(text):
            before = previous_token(view, span[0])
            opens = before is None or is_boundary_token(token_text(view, before), rules) or is_verb(
                token_text(view, before))
            return span[0] if opens and end - span[0] <= rules.max_name_chars else None
        if not all(is_cjk(c) for c in text) or is_boundary_token(text, rules) and not is_business_word(text, rules):
            return None  # 苏州|合作|共|赢|新材料…: a content word that stops a walk may be the trade name's
        if ends_with_head(text, rules):
            return None  # 某地商会|协助|引荐…集团: another body's name stands before the verb
        pos = span[0]
    return None


def proper_piece_at(view: TextView, pos: int, head_start: int, rules: OrgRules) -> bool:
    """A place or a rare word of the name's own (宏达, 金鑫) starts at pos, before the head."""
    span = view.token_at(pos)
    if span is None or span[0] != pos or span[1] > head_start:
        return False
    token = token_text(view, span)
    return all(is_cjk(c) for c in token) and token not in rules.stop_tokens and (
        is_proper_place(token) or word_freq(token) < rules.max_piece_word_freq)


def business_word_in_name(view: TextView, span: tuple[int, int], head_start: int, rules: OrgRules) -> bool:
    """A content word that stops the walk elsewhere (建设, 服务, 合作) names a company's business when
    only industry words stand between it and the legal form and a name goes on before it (华西|建设|
    集团; not 推进|建设|集团化, 签约|…)."""
    if not is_business_word(token_text(view, span), rules):
        return False
    pos = span[1]
    while pos < head_start:  # only industry words or other business words up to the head
        nxt = view.token_at(pos)
        if nxt is None or nxt[0] != pos:
            return False
        word = view.text[pos:min(nxt[1], head_start)]
        if not composed_of(word, industry_or_domain(rules)) and not is_business_word(word, rules):
            return False
        pos = nxt[1]
    before = previous_token(view, span[0])
    while before is not None and business_verb(token_text(view, before), rules):
        before = previous_token(view, before[0])  # 某某农业|种植|服务|有限公司: the trade's own verbs
    if before is None:
        return False
    word = token_text(view, before)
    if is_business_word(word, rules):
        return business_word_in_name(view, before, head_start, rules)  # 首都|开发|建设|集团
    if before[1] - before[0] == 1 and split_run_after_place(view, before, rules, True) is not None:
        return True  # 安徽省|外|经|建设|集团: characters of the trade name jieba split after a place
    return not is_boundary_token(word, rules) and not never_starts_name(word, rules.leading_tags)


def business_verb(token: str, rules: OrgRules) -> bool:
    """A verb of a trade that is no stop word (种植, 加工, 养殖): it stands in a company's business as an
    industry word does, before another business word (…农业|种植|服务|有限公司)."""
    return len(token) >= 2 and token not in rules.stop_tokens and tag_of(token) in rules.business_word_tags \
        and not is_boundary_token(token, rules) and tag_of(token) != "n"


@lru_cache(maxsize=4)
def industry_or_domain(rules: OrgRules) -> frozenset[str]:
    return rules.industry_words | rules.domain_words


def is_business_word(token: str, rules: OrgRules) -> bool:
    return len(token) >= 2 and token in rules.stop_tokens and tag_of(token) in rules.business_word_tags and \
        token not in rules.founding_verbs and token not in rules.acting_verbs  # 某集团组建|成立|物流有限公司


def names_before_ordinal(view: TextView, pos: int, rules: OrgRules) -> bool:
    """What stands before an ordinal may open a name with it: a place, a level, or a rare word
    (华西|第二医院; not 排名|第二…)."""
    span = previous_token(view, pos)
    if span is None:
        return False
    token = token_text(view, span)
    return is_place(token) or token in government_rules().level_chars or is_cjk(token[0]) and (
        word_freq(token) < rules.max_piece_word_freq and not is_boundary_token(token, rules))


def trim_leading(view: TextView, start: int, head_start: int, end: int, rules: OrgRules) -> int:
    """The name's start once the tokens that never open a name are cut off its left edge: a verb,
    preposition, adverb or time word (签订|温州理工学院…, 年度|湖北省…), and a person's name
    before such a verb (李博|签订|…). Enough of the name must remain (min_chars_after_trim)."""
    pos = start
    full_places = full_place_names()
    if start + 1 in view.ends and place_cut_at(view, start, head_start, rules):
        return start  # 、三|明天|成贸易有限公司: 明天 holds the place's last character, no time word (a
        # place's first character alone in its token: asked only there)
    while pos < head_start:
        span = view.token_at(pos)
        if span is None or span[0] != pos or span[1] > head_start:
            break
        token = token_text(view, span)
        after = span[1]
        if token + view.text[after:after + 1] in full_places or is_numeral(token) and rules.ordinal.fullmatch(token):
            break  # 新建|区政府: a district whose name is also a verb; 第一|财经日报: an ordinal opens it
        if token in rules.result_complements and after_verb(view, pos, rules):
            pass  # 用|好|国际…研究院: the complement goes with the verb before it
        elif is_verb(token) and complement_at(view, after, rules):
            after = view.token_at(after)[1]  # 建|好|国际…研究院: a verb phrase, whatever its length
        elif len(token) > 1 and token[-1] in rules.result_complements and is_verb(token[:-1]):
            pass  # 建好|国际…研究院: jieba glued the complement to its verb
        elif is_person(token) and token not in rules.known and not is_proper_place(token) \
                or token in rules.generic_names:  # 李博|签订…, 公司|属…; a name of the knowledge data (某某特|制冷|
            nxt = view.token_at(span[1])  # 有限公司) or a place jieba tags nr (秦皇岛) is no person
            if not nxt or nxt[0] != span[1] or nxt[1] > head_start or not is_verb(token_text(view, nxt)):
                break
            if nxt[1] - nxt[0] == 1 and not opens_proper_name(view, nxt[1], head_start):
                break  # 隆信|达|农业科技有限公司: a character of the name, with common words after it
            after = nxt[1]
        elif common_adjective_before_place(view, token, after, rules):
            pass  # 要落实|某省科学院: jieba tags 落实 an adjective; a full place opens the name after it
        elif len(token) == 1 and numeral_before(view, pos):
            pass  # 500|强|湖南某某集团: one character after a numeral is the numeral's (500强, 10佳)
        elif not never_starts_name(token, rules.single_char_tags if len(token) == 1 else rules.leading_tags
                                   ) or is_proper_place(token) or token in rules.known:
            break  # 建行|渝北支行: a name of the knowledge data opens the name, whatever jieba tags it (v)
        elif is_verb(token) and not opens_proper_name(view, after, head_start) and token not in rules.stop_tokens:
            break  # 创新|疫苗…实验室: a verb before common words may be the name's own first word (not a stop
            # word's: 出资组建|成立|…有限公司)
        if end - after < rules.min_chars_after_trim:
            break
        pos = after
    return pos


def level_own_body(text: str) -> bool:
    """省委, 县政府: a level character and its own body (government.yaml level_bodies), the whole name."""
    rules = government_rules()
    return text[:1] in rules.level_chars and (text[1:] == "委" or text[1:] in rules.level_bodies)


def kind_before(view: TextView, pos: int, rules: OrgRules) -> bool:
    """The token that ends at pos is made of category words (省级, 异地): what follows is a kind."""
    span = previous_token(view, pos)
    return span is not None and span[1] == pos and composed_of(token_text(view, span), rules.category_words)


def numeral_before(view: TextView, pos: int) -> bool:
    """The token that ends at pos is a number in digits (500 of 500|强; 百家 of 青州|百家|丰… is a name's)."""
    span = previous_token(view, pos)
    return span is not None and span[1] == pos and token_text(view, span).isascii() and \
        token_text(view, span).isdigit()


def common_noun_before_place(view: TextView, token: str, after: int, rules: OrgRules) -> bool:
    """A common noun (签约项目|苏州…有限公司) right before a place that opens a registered name is the
    sentence's word; not one that ends with a head (某某银行|苏州分行), a trade's or field's word, or one
    that ends a name of the knowledge data (中|石油|吉林石化公司: a group's short name)."""
    if len(token) < 2 or not common_tagged_word(token, rules.common_noun_tags, rules):
        return False
    if is_place(token) or ends_with_head(token, rules) or token in industry_or_domain(rules) or after in known_ends(
            view, rules):
        return False
    span = view.token_at(after)
    return span is not None and span[0] == after and is_proper_place(token_text(view, span))


def common_adjective_before_place(view: TextView, token: str, after: int, rules: OrgRules) -> bool:
    """A common word jieba tags an adjective (落实 a, counted 2,219 times) right before a full place
    name is no part of the name the place opens (民建 a, rarer, is: 民建某省委)."""
    if not common_tagged_word(token, rules.adjective_tags, rules):
        return False
    span = view.token_at(after)
    return span is not None and span[0] == after and token_text(view, span) in full_place_names()


def common_tagged_word(token: str, tags: frozenset[str], rules: OrgRules) -> bool:
    """A word jieba tags one of tags and counts at least common_word_min_freq times."""
    return tag_of(token) in tags and word_freq(token) >= rules.common_word_min_freq


def complement_at(view: TextView, pos: int, rules: OrgRules) -> bool:
    """A result complement (好, 完) is the token at pos: the verb before it is no part of a name."""
    span = view.token_at(pos)
    return span is not None and span[0] == pos and token_text(view, span) in rules.result_complements


def after_verb(view: TextView, pos: int, rules: OrgRules) -> bool:
    """The token before pos is a verb or a stop word (建, 用): a complement at pos belongs to it."""
    span = previous_token(view, pos)
    if span is None:
        return False
    token = token_text(view, span)
    return is_verb(token) or token in rules.stop_tokens


def opens_proper_name(view: TextView, pos: int, head_start: int) -> bool:
    """A proper noun starts at pos: a place, or a token jieba tags as a name or does not know."""
    span = view.token_at(pos)
    if span is None or span[0] != pos or pos >= head_start:
        return False
    token = token_text(view, span)
    if is_place(token) or tag_of(token) in org_rules().proper_tags or not word_freq(token):
        return True
    return bool(known_prefixes(view, pos, org_rules()))


def split_name_char(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """晟|和: a one-character stop word after a rare single character is the second half of a
    name jieba could not keep whole (湖南晟和新材料有限公司); a particle never is (某某|园|的|某某研究中心)."""
    if span[1] - span[0] != 1 or not is_cjk(view.text[span[0]]) or tag_of(view.text[span[0]]) in rules.particle_tags:
        return False  # punctuation is no half of a name (张大|勇|、|食品学院)
    before = previous_token(view, span[0])
    if before is None or before[1] - before[0] != 1:
        return False
    char = token_text(view, before)
    return is_cjk(char) and char not in rules.stop_tokens and word_freq(char) <= rules.orphan_char_max_freq


def ends_with_head(token: str, rules: OrgRules) -> bool:
    """科学院 before 实验室: the lab belongs to an organization already named (not 中科院 before 所)."""
    return token not in rules.cas_prefixes and any(token[-n:] in rules.heads for n in range(2, min(len(token), 9) + 1))


def parenthesised_place_start(view: TextView, close_end: int) -> int | None:
    """Start of '(重庆)' ending at close_end, when what it holds is a place name, or a word a company's
    registered name may hold there (中国中车(集团)有限公司)."""
    window = view.text[max(0, close_end - 10):close_end - 1]
    for i in range(len(window) - 1, -1, -1):
        if window[i] in OPEN_PARENS:
            inner = window[i + 1:]
            rules = org_rules()
            ok = is_place(inner) or inner in rules.parenthesised_countries or inner in rules.parenthesised_words \
                or inner.endswith(government_rules().zone_endings)  # 某某经开区(高新区)管委会
            return close_end - 1 - len(window) + i if ok else None
    return None


def right_part_kind(view: TextView, pos: int, head_start: int, rules: OrgRules) -> str:
    """What the words between a conjunction and the head are: 'name' when they open a name of their
    own (企业与|北京工业大学, …与|重庆应用技术职业学院, …公司与|县政府: a place, a known name, a
    name jieba's dictionary holds whole or a level character alone), 'generic' when they
    are ordinary words that need the words before the conjunction (…现代农业与|休闲产业发展研究院,
    …科学与|工程学院), else 'unsure'."""
    if pos >= head_start:
        return "generic"
    span = view.token_at(pos)
    first = view.text[pos:span[1]] if span else view.text[pos:pos + 1]
    if is_place(first) or any(view.text.startswith(k, pos) for k in known_prefixes(view, pos, rules)):
        return "name"
    if dictionary_tags().get(first) in rules.org_name_tags:
        return "name"  # 与|大连商品交易所: jieba's dictionary holds the whole name as an organization's (nt)
    if first[:1] in government_rules().level_chars and (len(first) == 1 or pos + len(first) >= head_start):
        return "name"  # …电力公司与|县|政府: a level character alone opens a body of its own
    pieces, p = [], pos
    while p < head_start:
        span = view.token_at(p)
        stop = min(span[1], head_start) if span else p + 1
        pieces.append(view.text[p:stop])
        p = stop
    common = all(is_cjk(c) for c in "".join(pieces)) and all(
        word_freq(x) >= rules.max_piece_word_freq and not is_place(x) for x in pieces)
    return "generic" if common else "unsure"


def known_ends(view: TextView, rules: OrgRules) -> set[int]:
    """Where names of the knowledge data end, once per document."""
    ends = view.cache.get("org.known_ends")
    if ends is None:
        ends = view.cache["org.known_ends"] = {end for end, _ in matches(view, rules, "known")}
    return ends


def known_prefixes(view: TextView, pos: int, rules: OrgRules) -> list[str]:
    """Knowledge names that start at pos (found in the document's one automaton pass, indexed by
    start once per document)."""
    starts = view.cache.get("org.known_starts")
    if starts is None:
        starts = {}
        for end, name in matches(view, rules, "known"):
            starts.setdefault(end - len(name), []).append(name)
        view.cache["org.known_starts"] = starts
    return starts.get(pos, [])


def place_ends_at(view: TextView, pos: int) -> bool:
    """A place's full name of two to six characters, ending with its level, ends at pos (铜梁区|与; not the short
    form 长寿 of 中国长寿|与健康研究中心)."""
    levels = government_rules().level_chars
    return view.text[pos - 1:pos] in levels and any(is_place(view.text[pos - n:pos]) for n in range(2, min(pos, 6) + 1))


def joins_one_name(view: TextView, conj_start: int, conj: str, rules: OrgRules) -> bool:
    """Whether the conjunction at conj_start joins two nouns of one name: the words before it do
    not end an organization of their own (see boundaries.yaml)."""
    before = view.text[max(0, conj_start - 12):conj_start]
    if not before or not is_cjk(before[-1]) or before.endswith(rules.head_words):
        return False
    if conj in rules.inner_conjunctions:
        return True
    before = item_before(view, conj_start, len(before), rules)  # 、|生物医药|与, 共建|生物医药|与: this item's
    if any(h in before for h in rules.long_head_words) or before.endswith(rules.body_endings):
        return False
    field_words = rules.generic_terms | industry_or_domain(rules)
    if trailing_industry_word(before, rules) and not composed_of(before, field_words):
        return False  # 元泰科技|与: a company's short name; not a field's words (生物医药|与)
    return not any(is_place(before[-n:]) for n in range(2, 7))


def trailing_industry_word(text: str, rules: OrgRules, keep: int = 0) -> str:
    """The longest industry word of two characters or more that ends text, with at least `keep`
    characters before it (湘佳|牧业), or ""."""
    for n in range(min(len(text) - keep, rules.longest_industry_word), 1, -1):
        if text[-n:] in rules.industry_words:
            return text[-n:]
    return ""


def item_before(view: TextView, pos: int, longest: int, rules: OrgRules) -> str:
    """The words right before pos back to a boundary token (punctuation, a stop word or verb), at
    most `longest` characters."""
    start = pos
    while (span := previous_token(view, start)) is not None and pos - span[0] <= longest and \
            not is_boundary_token(token_text(view, span), rules):
        start = span[0]
    return view.text[start:pos]


def descriptor_parts(view: TextView, start: int, head_start: int,
                     accepted: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The tokens of a name before its head, places merged with a following 区/县/市/省, runs of tokens
    that make a full place or a place of `accepted` (the document's) joined (joined_places)."""
    parts: list[str] = []
    pos = start
    while pos < head_start:
        span = view.token_at(pos)
        stop = min(span[1], head_start) if span else pos + 1
        piece = view.text[pos:stop]
        if parts and piece in ("区", "县", "市", "省") and is_place(parts[-1] + piece):
            parts[-1] += piece
        else:
            parts.append(piece)
        pos = stop
    return joined_places([p for p in parts if p.strip()], accepted)


def joined_places(parts: list[str], accepted: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Runs of parts that make a place's full name, or a place the document's places accepted, joined
    into one (民和|回族|土族|自治县: an autonomous county's name holds its peoples' names, which jieba
    cuts apart; 科右|前旗: a banner's everyday name)."""
    full = full_place_names()
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = next((j for j in range(len(parts), i + 1, -1) if "".join(parts[i:j]) in full
                  or "".join(parts[i:j]) in accepted), i + 1)
        out.append("".join(parts[i:j]))
        i = j
    return out


def descriptor_is_name(cand: OrgCandidate, view: TextView, rules: OrgRules, places: set[str]) -> bool:
    """Whether the words before the head make a proper name for this kind of head. `places` are
    the place names the places extractor accepted in this document."""
    head = cand.head
    assert head is not None
    parts = descriptor_parts(view, cand.start, cand.head_start, places)
    text = "".join(parts)
    if not parts or cand_text(view, cand) in rules.generic_names:
        return False
    if all(never_starts_name(p, rules.leading_tags | rules.descriptor_not_name_tags) and not is_place(p) and p not in
           places and p not in rules.known for p in parts):
        return False  # 全县现有|中学: words that never open a name are no name of their own (a known name
        # whatever jieba tags it is one: 安踏 v|集团)
    if composed_of(text, rules.category_words) or composed_of("".join(after_verbs(parts)), rules.category_words):
        return False  # 双一流大学, 上市公司, 共有|市级以上重点实验室: a kind, not a name
    if head.kind == "cas":
        return text.startswith(rules.cas_prefixes)
    if head.text in rules.field_named_heads:  # 某某材料|全国重点实验室: its field names it
        return len(text) >= 2 and not composed_of(text, rules.category_words)
    if head.kind == "site":  # 南通|网: a place's news site; 物联|网, 城市管|网 are no places
        return all(p in places or is_full_place_name(p) or is_proper_place(p) for p in parts) and \
            site_context(view, cand.start, cand.end, rules)
    if parts[-1] in rules.kind_adjectives:
        return False  # 区内|科技型|公司: a kind of company, whatever stands before it
    if parts[-1] in rules.member_kinds and head.kind == "institution" and head.type == "other" and not all(
            name_piece(p, rules, places) for p in parts[:-1]):
        return False  # 某市现有|异地|商会: an association's kind by its members, after words of the sentence
        # (某某|异地|商会, 某旗|宏达|农牧民|专业合作社: a home place or a trade name names one)
    if head.kind == "institution" and ranked_kind(text, rules):
        return False  # 泉州市|级|科技企业孵化器: one of a rank of institutions, whatever place ranks it
    full_places = full_place_names()
    in_places = [p for p in parts if p in places or p in full_places or place_chain_word(p, full_places) or
                 (head.kind == "agency" and is_level_short_form(p))]
    association = head.kind == "institution" and head.type == "other"
    rest = [p for p in parts if p not in in_places and not composed_of(p, rules.category_words)
            and not (association and is_park_head(p, rules))]  # 产业园|促进会: a park's kind names none
    proper = [p for p in rest if not composed_of(p, rules.domain_or_category_words) and (
        head.place_only or head.text not in rules.level_needs_proper_heads
        or p not in government_rules().level_chars)]  # 区|科技企业|孵化器: a level alone names
    # no incubator (boundaries.yaml level_needs_proper_heads), but 县|科学技术|协会 is the county's
    if head.kind == "institution" and len(parts) == 1 and text in rules.industry_words:
        return False  # 共建|食品研究院: one trade word alone is a kind of institute, like a domain word
    if head.kind == "legal" and all(p in in_places or composed_of(p, rules.industry_words | rules.category_words)
                                    for p in parts) and not registered_with_place(parts, in_places, rules):
        return False  # 新材料有限公司: no name before the legal form
    if head.place_only and head.type != "university" and (text in government_rules().level_chars or (
            text in government_rules().level_words and head.text in government_rules().level_bodies)):
        return True  # 县人民医院, 区融媒体中心, 自治县人民政府: the level stands for the document's own place
    if (head.kind == "legal" or head.kind == "institution" and head.type == "other") and not any(
            name_piece(p, rules, places) or head.kind == "legal" and p in rules.category_words for p in parts) and not (
            head.kind == "legal" and trade_name_then_industry(parts, rules)):
        return False  # 物资|储备|有限公司, 农民|合作社, 政府|产业|平台|公司: plain common words only, a kind
        # (a research body's field may name it: 绿色|电池|研究院; a company's kinds' words are the rule
        # above's call: 国有|及|集体|控股|公司)
    if head.kind == "works":  # 剑河|民合|服饰厂, 红星|机械厂, not 污水|处理厂: a place, a rare word or a
        levels = government_rules().level_chars  # proper noun names the works; a level alone stands for
        placed = bool(in_places) or parts[0] in levels  # the document's place (县|自来水厂), but names
        return placed and head.place_only or any(  # no farm or shop (某县|家庭农场: the county's farms)
            len(p) > 1 and p not in in_places and p not in levels and (
                word_freq(p) < rules.max_stem_word_freq or tag_of(p) in rules.proper_tags) for p in parts)
    if head.kind == "agency":
        agency = government_rules()
        glued_level = cand.head_start not in view.starts and level_of_place(parts[-1], head.text)
        return bool(in_places) or glued_level or parts[-1] in agency.agency_last_words or \
            text.endswith(agency.agency_parent_endings) or is_township(parts, rules, head.text) or \
            is_zone(parts, rules) or (  # 国家统计局|某县|调查队: its parent names it
                rules.known.get(parts[0], ("",))[0] == "government")
    if proper:
        return len(text) >= 2
    if rest:  # only domain words: a name after a place (重庆高新技术产业研究院)
        return bool(in_places)
    if in_places and head.kind == "institution" and is_park_head(parts[-1], rules):
        return True  # 某市某区特色产业园|促进会: a place's park names its association
    if not in_places or not head.place_only:
        return False
    # a place alone: 重庆大学 and 潼南区融媒体中心, but not 重庆市大学 (a university takes the short form)
    return head.type != "university" or not in_places[-1].endswith(("市", "省"))


def ranked_kind(text: str, rules: OrgRules) -> bool:
    """The descriptor holds a rank followed only by category, field or trade words (泉州市级|科技企业)."""
    at = max((text.rfind(rank) + len(rank) for rank in rules.rank_words if rank in text), default=-1)
    kinds = rules.domain_or_category_words | rules.industry_words
    return at >= 0 and (at == len(text) or composed_of(text[at:], kinds))


def site_context(view: TextView, start: int, end: int, rules: OrgRules) -> bool:
    """A place and 网 names a news site where a page writes one: after a source's label (media.yaml
    source_labels, its colon aside) or a visit's word (据, 登录), on a line of its own, or before a
    byline's cue (讯, 报道); 与四川网相连 is a grid."""
    text, media = view.text, media_rules()
    line_start = start == 0 or text[start - 1] == "\n"
    line_end = end == len(text) or text[end] in "\n \u3000"
    openers = rules.site_openers + media.source_labels
    reach = max(map(len, openers)) + 2  # the longest label, a colon and a space: not the page before
    before = text[max(0, start - reach):start].rstrip(" :：")
    return line_start or line_end or before.endswith(openers) or text.startswith(media.byline_cues, end)


def place_chain_word(word: str, full_places: frozenset[str]) -> bool:
    """云南省楚雄彝族自治州: a province's and a prefecture's full names that jieba's dictionary holds as
    one word."""
    return len(word) >= 6 and any(word[:n] in full_places and word[n:] in full_places for n in range(2, len(word) - 1))


def level_of_place(word: str, head: str) -> bool:
    """楚雄|州委, 恩施|州委: the head opens with a level character that ends the place's name with the
    word before it (楚雄州, a prefecture's everyday name), as jieba cuts 楚雄州|委."""
    return head[:1] in government_rules().level_chars and word + head[:1] in gazetteer_names()


def trade_name_then_industry(parts: list[str], rules: OrgRules) -> bool:
    """小米|科技, 胜利|建材, 希望|饲料 before a legal form: a word, then only industry words, is a trade
    name however common the word (物资|储备 and 政府|产业|平台 hold words that are no industry), unless
    the word is a kind of place (景区, 小区: industry_words.yaml place_like_endings)."""
    industry = rules.industry_words
    return len(parts) >= 2 and len(parts[0]) >= 2 and all(map(is_cjk, parts[0])) and not composed_of(
        parts[0], industry | rules.category_words) and all(composed_of(p, industry) for p in parts[1:]) and \
        parts[0] not in rules.place_like_endings  # 景区|开发|公司: a kind of place, the company of one


def name_piece(part: str, rules: OrgRules, places: set[str]) -> bool:
    """A word only a name has: a place, a proper noun by jieba's tag, a word rare in its dictionary
    (below max_piece_word_freq), a known name, the state's or the nation's prefix, an ordinal, a
    character of a name jieba cut apart, or letters and digits (ABC科技)."""
    if part in places or is_place(part) or part in rules.known or part in rules.state_prefixes or \
            part in rules.national_prefixes or rules.ordinal.fullmatch(part):
        return True  # 国家|电力|投资|集团有限公司, 全国|汽车|零部件|协会, 第一|商业|周报: the state, the
        # nation or an ordinal names them
    if not all(is_cjk(c) for c in part):
        return any(c.isalnum() for c in part)
    if len(part) == 1:  # 白|盒子: jieba cut an unknown name into a character and a word
        return part not in rules.stop_tokens
    return tag_of(part) in rules.proper_tags or word_freq(part) < rules.max_piece_word_freq


def is_zone(parts: list[str], rules: OrgRules) -> bool:
    """The words before a body's head name a zone: a proper word, then a zone's ending (government.yaml
    zone_endings) with domain words at will between (青石|产业|开发区, 管委会 or 党工委 after it); not a
    zone named by its kind alone (经济|开发区)."""
    endings = government_rules().zone_endings
    parts = [p for p in parts if p not in OPEN_PARENS and p not in CLOSE_PARENS]  # 某某经开区(高新区)
    parts = zone_before_sub_area(parts)
    last = parts[-1] if parts else ""
    ending = next((e for e in endings if last.endswith(e)), "")
    if not ending:
        return False
    words = [*parts[:-1], last[:-len(ending)]]
    return any(proper_word(w, rules) or zone_name_word(w, rules) for w in words if w)


def zone_name_word(word: str, rules: OrgRules) -> bool:
    """A zone's name may be a common noun (星火|开发区, 火炬|开发区), but no domain, category, industry or
    stop word (经济|开发区, 省级|开发区, 化工|园区, 全市|开发区)."""
    return len(word) > 1 and all(is_cjk(c) for c in word) and tag_of(word) == "n" and \
        word not in rules.stop_tokens and not composed_of(word, zone_kind_words(rules))


@rules_cache
def zone_kind_words(rules: OrgRules) -> frozenset[str]:
    """Words that name a kind of zone, not one zone: domain, category and industry words (化工园区)."""
    return rules.domain_or_category_words | rules.industry_words | frozenset(rules.pattern_words)


def zone_before_sub_area(parts: list[str]) -> list[str]:
    """某某科技园区|某某|园, 某某开发区|北|片区: a zone's part named after the zone's full name (government.yaml
    zone_sub_areas, at most max_sub_area_chars with its own words) leaves the zone's name to judge."""
    rules = government_rules()
    tail = ""
    for n in range(len(parts) - 1, 0, -1):
        tail = parts[n] + tail
        if len(tail) > rules.max_sub_area_chars:
            break
        if parts[n - 1].endswith(rules.zone_endings) and tail.endswith(rules.zone_sub_areas):
            return parts[:n]
    return parts


def proper_word(word: str, rules: OrgRules) -> bool:
    """A word of a name's own: a place, a proper noun of jieba's tags, or a rare word that is no
    domain or category word."""
    if is_place(word):
        return True
    if not all(is_cjk(c) for c in word) or word in rules.stop_tokens or composed_of(
            word, rules.domain_or_category_words):
        return False
    return tag_of(word) in rules.proper_tags or len(word) > 1 and word_freq(word) < rules.max_piece_word_freq


def is_township(parts: list[str], rules: OrgRules, head: str = "") -> bool:
    """The words before a body's head name a township or sub-district: a proper word ending with 镇 or
    乡 (龙泉镇), or one before such a suffix as a token (石桥|乡, 城关|街道, 双桥|子|街道: a single
    character jieba split off joins the word before it). Before the suffix a place's name may be a
    common word as well (石桥, 红旗): jieba's place tag admits it at any count, its proper-name tags below
    a count; a kind of place or people never does (城镇|街道, 山区|乡, 彝族|乡: government.yaml township_*).
    A head that opens with the suffix (红旗|街道办) ends the township's name as that token would."""
    government = government_rules()
    suffixes = government.township_suffixes
    parts = parts + [suffix for suffix in suffixes if head.startswith(suffix)][:1]
    last = parts[-1]
    if last in suffixes and len(parts) > 1:
        word = parts[-2] if len(parts[-2]) > 1 or len(parts) < 3 else parts[-3] + parts[-2]
    elif last.endswith(suffixes) and len(last) > 1 and last not in suffixes:
        word = last
    else:
        return False
    if not all(is_cjk(c) for c in word) or word in rules.stop_tokens or word in government.township_kind_words \
            or word.endswith(government.township_kind_endings):
        return False
    tag, freq = tag_of(word), word_freq(word)
    tagged = tag in government.township_name_tags or (
        tag in government.township_proper_tags and freq < government.township_proper_max_freq)
    return freq < rules.max_piece_word_freq and (not freq or tagged) or last in suffixes and tagged


def registered_with_place(parts: list[str], in_places: list[str], rules: OrgRules) -> bool:
    """江西省|投资|集团有限公司, 河南省|农业|综合|开发|有限公司: a place and industry words only before
    the legal form make a state group's registered name, when the place opens it and industry words
    follow, with fillers among them (boundaries.yaml registered_name_fillers: 综合)."""
    rest = parts[len(in_places):]
    return bool(in_places) and parts[:len(in_places)] == in_places and any(
        composed_of(p, rules.industry_words) for p in rest) and all(
        composed_of(p, rules.industry_words) or p in rules.registered_name_fillers for p in rest)


def after_verbs(parts: list[str]) -> list[str]:
    """The parts after the verbs that open them (共有|市级以上重点…)."""
    n = 0
    while n < len(parts) - 1 and is_verb(parts[n]):
        n += 1
    return parts[n:]


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def composed_of(text: str, words: frozenset[str]) -> bool:
    """Whether text is a concatenation of the words of up to COMPOSED_WORD_CHARS characters
    (省级重点 = 省级 + 重点)."""
    if len(text) <= COMPOSED_WORD_CHARS and text in words:  # the common case: a single word
        return True
    reached = [True] + [False] * len(text)  # reached[i]: text[:i] is made of the words
    for start in range(len(text)):
        if reached[start]:
            for end in range(start + 1, min(start + COMPOSED_WORD_CHARS, len(text)) + 1):
                if text[start:end] in words:
                    reached[end] = True
    return reached[-1]


def is_full_place_name(word: str) -> bool:
    return word in full_place_names()


@rules_cache
def full_place_names() -> frozenset[str]:
    """The gazetteer's names written in full (current or former), not short forms."""
    return frozenset(name for name, entries in gazetteer().entries.items() if any(e.form != "short" for e in entries))


def is_level_short_form(word: str) -> bool:
    """东乌旗, 达茂旗: a county's everyday name that keeps its level character is a place before a
    body's head (东乌旗人民政府) though the document names the county nowhere in full."""
    return len(word) >= 3 and word[-1] in government_rules().level_chars and word in gazetteer_names()


@rules_cache
def gazetteer_names() -> frozenset[str]:
    """Every name of the gazetteer, full and short forms (重庆市, 重庆, 潼南)."""
    return frozenset(gazetteer().entries)


def cand_text(view: TextView, cand: OrgCandidate) -> str:
    return view.text[cand.start:cand.end]
