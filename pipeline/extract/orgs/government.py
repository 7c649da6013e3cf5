"""Local government bodies written the local way: a place (or 区/县/市/省 standing for the
document's own) + function words + an office head (区经济信息委, 县科经局, 省科学技术厅, 东营市委,
利津经济开发区党工委, 长寿区统计局核算处). A pattern, not a list: the heads and limits are in
rules/organizations/government.yaml.

The pattern is matched on characters, since jieba glues the level character to its neighbours
(从区|经济, 区临|空办, 县科|经局); the tokens then check both edges: the head ends a token that is
an office word (not 格局 or 承办), and what opens the name is a place the places component accepted
or a level character after a boundary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from zhfacts.extract.orgs.pos import dictionary_entries, dictionary_tags, tag_of
from zhfacts.extract.orgs.rules import CLOSE_PARENS, NUMERAL, OPEN_PARENS
from zhfacts.extract.scanning import Scanner
from zhfacts.nlp.text_view import TextView, is_cjk
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.text.article import Hit
from zhfacts.text.sentences import clause_delimiters, item_delimiters

GOVERNMENT = "organizations/government.yaml"


@dataclass(frozen=True)
class GovernmentRules:
    heads: tuple[str, ...]
    head_pattern: re.Pattern[str]
    census_office: Scanner  # 第四次全国经济普查领导小组办公室: named after its census (an optional ordinal opens it)
    level_chars: frozenset[str]  # 省 市 县 区: one character each
    level_words: frozenset[str]  # 自治区: a level written in a word that ends with a level character
    bare_heads: frozenset[str]  # heads that may follow the place with no function word (市委, 党工委)
    parent_heads: tuple[str, ...]  # a head that needs a body named before it (核算处 of a 统计局)
    parent_words: tuple[str, ...]
    max_function_chars: int
    office_tags: frozenset[str]
    function_bad_tags: frozenset[str]
    function_word_verbs: frozenset[str]  # 成立 of 该县成立|投资促进服务中心: a clause, no body
    short_office_words: frozenset[str]  # 分局, 外办: office words jieba tags as plain nouns
    item_stops: str  # where a listed office ends: a list item or clause delimiter, 等, a bracket
    former_markers: frozenset[str]  # 原|县国土资源局: a body that no longer exists is still named
    object_verb_tags: dict[str, int]  # 落实|省委: a verb whose object the body is (tag: fewest characters)
    person_tags: frozenset[str]  # 县长肖磊及首任|自然资源局: a person breaks the function words
    person_max_freq: int
    venues: tuple[str, ...]  # 会议厅, 报告厅: rooms that end like an office (厅)
    venue_hosts: tuple[str, ...]  # 宾馆 of 某某宾馆中华厅: a room of a hotel
    room_heads: tuple[str, ...]  # 厅: the heads a room's name ends with
    body_openers: tuple[str, ...]  # 国家, 中国: a body's name opens so after a conjunction (财政部和|国家能源局)
    ordinary_endings: tuple[str, ...]  # 布局, 承办: words that end like an office (局, 办)
    collective_words: tuple[str, ...]  # 市属|驻区分局, 区政府|各办局: many bodies of a kind, no name
    level_bodies: frozenset[str]  # 政府 of 省政府: a level's own body, one token, its offices follow
    branch_heads: tuple[str, ...]  # 分局: a branch named right after its body (市生态环境局临江分局)
    site_name_followers: tuple[str, ...]  # 在线 of 某某政府在线: a website's name, no body
    resident_marker: str  # 驻 of 某市政府驻某市办事处
    township_suffixes: tuple[str, ...]  # 镇, 乡, 街道: a township's name that opens its bodies
    township_name_tags: frozenset[str]  # jieba's tags of a common word that names a township before them
    township_kind_words: frozenset[str]  # 城市 of 城市街道办事处: a kind of place, no township's name
    township_kind_endings: tuple[str, ...]  # 族 of 彝族乡: a people's townships
    township_proper_tags: frozenset[str]  # nr of 红旗|街道: a proper name jieba counts, below a count
    township_proper_max_freq: int
    resident_office_heads: tuple[str, ...]  # 办事处: a body's office in another place
    company_office_heads: frozenset[str]  # 办事处 of 华为重庆办事处: a company's office
    title_words: tuple[str, ...]  # 书记 of 县委书记: titles a body opens
    institution_party_bodies: tuple[str, ...]  # 党委 of 某某银行党委|书记: the title names the institution
    person_titles: frozenset[str]  # 市长|和…局: a title joined to the body by a conjunction ends the words
    document_compounds: tuple[str, ...]  # 政府工作报告: a document named by a body's kind
    document_authors: tuple[str, ...]  # 人民政府: the author of such a document, as a heading writes it
    joining_chars: frozenset[str]  # 和 of 县科技局|和县|教育局: joins two bodies
    zone_endings: tuple[str, ...]  # 合作区: its 区 is no level
    zone_sub_areas: tuple[str, ...]  # 片区, 分园: a zone's part named after the zone's full name
    max_sub_area_chars: int  # 昌平园, 北片区: a zone's part is short
    agency_last_words: frozenset[str]  # 区 of 区|科技局: an agency head's body named by its level
    agency_parent_endings: tuple[str, ...]  # 区委 of 江津区委|组织部


@rules_cache
def government_rules() -> GovernmentRules:
    data = load_yaml(GOVERNMENT)
    heads = tuple(sorted(require(data, "office_heads", GOVERNMENT), key=len, reverse=True))
    return GovernmentRules(
        heads=heads,
        head_pattern=re.compile("|".join(map(re.escape, heads))),
        census_office=Scanner.of(re.compile(require(data, "census_office", GOVERNMENT))),
        level_chars=frozenset(require(data, "level_chars", GOVERNMENT)),
        level_words=frozenset(require(data, "level_words", GOVERNMENT)),
        agency_last_words=frozenset(require(data, "agency_last_words", GOVERNMENT)),
        agency_parent_endings=tuple(require(data, "agency_parent_endings", GOVERNMENT)),
        bare_heads=frozenset(require(data, "heads_without_function_words", GOVERNMENT)),
        parent_heads=tuple(require(data, "heads_needing_a_parent", GOVERNMENT)),
        parent_words=tuple(require(data, "parent_words", GOVERNMENT)),
        max_function_chars=int(require(data, "max_function_chars", GOVERNMENT)),
        office_tags=frozenset(require(data, "office_token_tags", GOVERNMENT)),
        function_bad_tags=frozenset(require(data, "function_word_bad_tags", GOVERNMENT)),
        function_word_verbs=frozenset(require(data, "function_word_verbs", GOVERNMENT)),
        short_office_words=frozenset(require(data, "short_office_words", GOVERNMENT)),
        item_stops=item_delimiters() + clause_delimiters() + "\n等" + OPEN_PARENS + CLOSE_PARENS,
        former_markers=frozenset(require(data, "former_markers", GOVERNMENT)),
        object_verb_tags={str(k): int(v) for k, v in require(data, "object_verb_tags", GOVERNMENT).items()},
        person_tags=frozenset(require(data, "person_tags", GOVERNMENT)),
        person_max_freq=int(require(data, "person_max_freq", GOVERNMENT)),
        venues=tuple(require(data, "venues", GOVERNMENT)),
        venue_hosts=tuple(require(data, "venue_hosts", GOVERNMENT)),
        room_heads=tuple(require(data, "room_heads", GOVERNMENT)),
        body_openers=tuple(require(data, "body_openers", GOVERNMENT)),
        ordinary_endings=tuple(require(data, "ordinary_endings", GOVERNMENT)),
        collective_words=tuple(require(data, "collective_words", GOVERNMENT)),
        level_bodies=frozenset(require(data, "level_bodies", GOVERNMENT)),
        branch_heads=tuple(require(data, "branch_heads", GOVERNMENT)),
        site_name_followers=tuple(require(data, "site_name_followers", GOVERNMENT)),
        resident_marker=str(require(data, "resident_marker", GOVERNMENT)),
        township_suffixes=tuple(require(data, "township_suffixes", GOVERNMENT)),
        township_name_tags=frozenset(require(data, "township_name_tags", GOVERNMENT)),
        township_kind_words=frozenset(require(data, "township_kind_words", GOVERNMENT)),
        township_kind_endings=tuple(require(data, "township_kind_endings", GOVERNMENT)),
        township_proper_tags=frozenset(require(data, "township_proper_tags", GOVERNMENT)),
        township_proper_max_freq=int(require(data, "township_proper_max_freq", GOVERNMENT)),
        resident_office_heads=tuple(require(data, "resident_office_heads", GOVERNMENT)),
        company_office_heads=frozenset(require(data, "company_office_heads", GOVERNMENT)),
        title_words=tuple(require(data, "title_words", GOVERNMENT)),
        institution_party_bodies=tuple(require(data, "institution_party_bodies", GOVERNMENT)),
        person_titles=frozenset(require(data, "leader_titles", GOVERNMENT) + require(data, "title_words", GOVERNMENT)),
        document_compounds=tuple(require(data, "document_compounds", GOVERNMENT)),
        document_authors=tuple(require(data, "document_authors", GOVERNMENT)),
        joining_chars=frozenset(require(data, "joining_chars", GOVERNMENT)),
        zone_endings=tuple(require(data, "zone_endings", GOVERNMENT)),
        zone_sub_areas=tuple(require(data, "zone_sub_areas", GOVERNMENT)),
        max_sub_area_chars=int(require(data, "max_sub_area_chars", GOVERNMENT)),
    )


@dataclass(frozen=True)
class Body:
    start: int  # offsets in the document text
    end: int
    place: Hit | None  # the place that opens the name, when one does


def government_bodies(view: TextView, places_by_end: dict[int, tuple[int, Hit]], ends_name: Callable[[int], bool],
                      is_boundary: Callable[[str], bool], common_word: Callable[[str], bool],
                      full_place: Callable[[int, int], bool]) -> list[Body]:
    """Every local government body of the pattern; `places_by_end` maps the view end of each accepted
    place to (start, hit)."""
    rules = government_rules()
    found = []
    for match in rules.head_pattern.finditer(view.text):
        head, head_start, end = match.group(), match.start(), match.end()
        if not ends_name(end) or not office_token_ok(view, head, end, rules):
            continue
        body = opening(view, head, head_start, end, places_by_end, is_boundary, common_word, full_place, rules)
        if body is not None:
            found.append(body)
    return found + census_offices(view, places_by_end, rules)


def census_offices(view: TextView, places_by_end: dict[int, tuple[int, Hit]], rules: GovernmentRules) -> list[Body]:
    """某县第四次全国经济普查领导小组办公室: the office a place sets up for a national census, named after
    the census with its ordinal (government.yaml census_office), right after the place or its level."""
    found = []
    for match in rules.census_office.finditer(view.text):
        place = places_by_end.get(match.start())
        if place is not None:
            found.append(Body(place[0], match.end(), place[1]))
        elif match.start() and view.text[match.start() - 1] in rules.level_chars and (
                match.start() == 1 or not is_cjk(view.text[match.start() - 2])):
            found.append(Body(match.start() - 1, match.end(), None))  # 县第四次…, not 全县|第四次…
    return found


def names_document(view: TextView, start: int, end: int) -> bool:
    """某市|政府工作报告: the body's last word opens a document's compound (government.yaml
    document_compounds), which the text goes on with: the words name the document, not the body
    (unless the body ends with an author's form: 某县人民政府|工作报告)."""
    rules = government_rules()
    text = view.text[start:end]
    if text.endswith(rules.document_authors):
        return False
    return any(text.endswith(c[:n]) and view.text.startswith(c[n:], end)
               for c in rules.document_compounds for n in range(1, len(c)))


def listed_bodies(view: TextView, bodies: list[Body], ends_name: Callable[[int], bool]) -> list[Body]:
    """Offices listed with a body of the pattern and sharing its level (区发改委、商务局、科工局等):
    each 、-separated neighbour, going outwards until one fails, that is function words and a head."""
    rules = government_rules()
    found: list[Body] = []
    starts = {b.start for b in bodies}
    for body in bodies:
        for step in (1, -1):
            edge = body.end if step == 1 else body.start - 1
            while 0 <= edge < len(view.text) and view.text[edge] == "、":
                item = neighbour_item(view.text, edge, step, rules.item_stops)
                if item is not None and step == 1 and not view.text.startswith("、", item[1]) and \
                        not bare_office(view, *item, ends_name, rules):
                    item = office_prefix(view, *item, ends_name, rules)
                if item is None or item[0] in starts or not bare_office(view, *item, ends_name, rules):
                    break
                if any(b.start < item[1] and item[0] < b.end for b in bodies):
                    break  # 职责至|县生态环保局、县应急局: the pattern found the neighbour, shorter
                found.append(Body(item[0], item[1], None))
                starts.add(item[0])
                edge = item[1] if step == 1 else item[0] - 1
    return found


def neighbour_item(text: str, sep: int, step: int, stops: str) -> tuple[int, int] | None:
    """The item next to the 、 at sep, on its right (step 1) or left (step -1), up to the next of
    stops (、, a clause end, 等, a bracket)."""
    pos = sep + step
    while 0 <= pos < len(text) and text[pos] not in stops:
        pos += step
    start, end = (sep + 1, pos) if step == 1 else (pos + 1, sep)
    return (start, end) if start < end else None


def office_prefix(view: TextView, start: int, end: int, ends_name: Callable[[int], bool],
                  rules: GovernmentRules) -> tuple[int, int]:
    """The last item of a list of offices, which is no office whole because the sentence goes on after it
    with no 、 or 等 (农业农村局、|财政局|联合某某公司…): its shortest opening that is an office (not 财政局联合
    发改局: a verb joins two offices); the whole item when none is."""
    for cut in range(start + 2, end):
        if cut in view.ends and bare_office(view, start, cut, ends_name, rules):
            return start, cut
    return start, end


def bare_office(view: TextView, start: int, end: int, ends_name: Callable[[int], bool],
                rules: GovernmentRules) -> bool:
    """商务局, 科工局, 政府办: function words and an office head with nothing before them, a name of its
    own only beside another body."""
    text = view.text[start:end]
    head = next((h for h in rules.heads if text.endswith(h)), None)
    if head is None or len(text) <= len(head) or len(text) - len(head) > rules.max_function_chars:
        return False
    if text[0] in rules.level_chars or start not in view.starts or not ends_name(end):
        return False
    return office_token_ok(view, head, end, rules) and function_words_ok(view, start, end - len(head), head, rules)


def joins_two_bodies(view: TextView, start: int, pos: int, stop: int, rules: GovernmentRules) -> bool:
    """市政府|和|工委, 省民政厅|和国家卫健委, 财政部|和国家能源局: a conjunction (the token pos..stop) after a body's
    head, or opening the function words (pos == start) before a new body's opening, joins two bodies; inside
    function words it stays (湖北省经济和信息化厅)."""
    if view.text[pos:stop] not in rules.joining_chars:
        return False
    if view.text.endswith((*rules.heads, *rules.level_bodies), 0 if pos == start else start, pos):
        return True
    new_body = view.text.startswith(rules.body_openers, stop) or view.text[stop:stop + 1] in rules.level_chars
    return pos == start and new_body


def office_token_ok(view: TextView, head: str, end: int, rules: GovernmentRules) -> bool:
    """The token that ends with the head is the head, an unknown word (空办, 经局) or an office word
    (统计局 nt); not an ordinary word that ends like one (格局, 承办, 大局)."""
    span = view.token_at(end - 1)
    if span is None or span[1] < end:
        return True  # 发改局|局长 glued: ends_name accepted it
    token = view.text[span[0]:end]
    if token.endswith(rules.venues):
        return False  # 知行堂主会议厅, 报告厅: a room, no office
    if len(token) > len(head) and token.endswith(rules.ordinary_endings):
        return False  # 产业布局, 新格局: a plan or a state of affairs, no office
    if len(token) <= len(head):
        return True
    if token[:-len(head)] in rules.level_chars or token in rules.short_office_words:
        return True  # 市委, 县委: a level's own committee; 分局, 外办
    tag = dictionary_tags().get(token)  # a token jieba's dictionary does not know passes
    return tag is None or tag in rules.office_tags or tag == "n" and len(token) >= 3  # 科技处, not 格局


def opening(view: TextView, head: str, head_start: int, end: int, places_by_end: dict[int, tuple[int, Hit]],
            is_boundary: Callable[[str], bool], common_word: Callable[[str], bool],
            full_place: Callable[[int, int], bool], rules: GovernmentRules) -> Body | None:
    """The body's start: the nearest place or level character left of the head, with only function
    words between them."""
    # a level's own body among the function words does not count (湖北省|人民政府国有资产监督管理|委员会)
    window = view.text[max(0, head_start - 2 * rules.max_function_chars):head_start]
    extra = max((len(b) for b in rules.level_bodies if b in window), default=0)
    low = max(0, head_start - rules.max_function_chars - 1 - extra)
    for lead in range(head_start - 1, low - 1, -1):
        function = view.text[lead + 1:head_start]
        if function and not function_words_ok(view, lead + 1, head_start, head, rules):
            return None
        if not function and head not in rules.bare_heads:
            continue
        if head in rules.parent_heads and not any(w in function for w in rules.parent_words):
            continue
        place = places_by_end.get(lead + 1)
        if place is not None and joined_level(view, place[0], lead, rules):
            return Body(lead, end, None)  # 县科技局和|县教育局: not the county 和县
        if place is not None:  # 潼南区|科技局, 利津经济开发区|党工委
            return Body(place[0], end, place[1])
        char = view.text[lead]
        if char not in rules.level_chars:
            continue
        if joined_level(view, lead - 1, lead, rules):
            return Body(lead, end, None)
        place = places_by_end.get(lead)
        if place is not None:  # 东营|市委, 安徽|省委
            return Body(place[0], end, place[1])
        glued = glued_place_start(view, lead, full_place)
        if glued is not None:  # 江西省委 as one token: the places component saw no place in it
            return Body(glued, end, None)
        if bare_level(view, lead, is_boundary, common_word, rules):
            return Body(lead, end, None)
        if view.token_at(lead) == (lead, end):
            return None  # …紧紧围绕|县委: the level kept with its head is no function word; the bare
            # committee after an idiom is left out, as most annotators leave it (tune3, tune4 list none)
        word = level_word_start(view, lead, is_boundary, rules)
        if word is not None:  # 自治区|投资促进局, 自治区|党委 (its own committee, as 省委); not 自治区|委
            return Body(word, end, None) if len(function) > 1 or function + head in rules.level_bodies else None
    return None


def joined_level(view: TextView, start: int, lead: int, rules: GovernmentRules) -> bool:
    """The two characters at start..lead are a conjunction and a level character (和县) right after a
    body's head: the conjunction joins two bodies."""
    return lead - start == 1 and view.text[start] in rules.joining_chars and view.text[lead] in rules.level_chars \
        and view.text.endswith(rules.heads, 0, start)


def level_word_start(view: TextView, lead: int, is_boundary: Callable[[str], bool],
                     rules: GovernmentRules) -> int | None:
    """Start of a level word (自治区) that is the token ending with the level character at lead,
    after a boundary."""
    span = view.token_at(lead)
    if span is None or span[1] != lead + 1 or view.text[span[0]:span[1]] not in rules.level_words:
        return None
    before = view.token_at(span[0] - 1) if span[0] else None
    return span[0] if before is None or opens_level(view.text[before[0]:before[1]], is_boundary, rules) else None


def glued_place_start(view: TextView, lead: int, full_place: Callable[[int, int], bool]) -> int | None:
    """Start of a full place name (江西省) that ends with the level character at lead and starts the
    token jieba glued it into, or the token before it when jieba glued the level to the head
    (新干|县委: 新干县)."""
    span = view.token_at(lead)
    if span is None:
        return None
    if span[0] == lead:
        before = view.token_at(lead - 1) if lead else None
        glued = before is not None and before[1] == lead and lead - before[0] >= 2  # not 和|县委
        return before[0] if glued and full_place(before[0], lead + 1) else None
    return span[0] if full_place(span[0], lead + 1) else None


def function_words_ok(view: TextView, start: int, end: int, head: str, rules: GovernmentRules) -> bool:
    """Between the place and the head: characters of words only, none of them a preposition,
    particle, pronoun or number (科学技术, 招商投资, 经济信息; not 的, 和, 全面), and no word that
    makes the body a kind (属, 各: 市属驻区分局)."""
    text = view.text[start:end]
    room = head.endswith(rules.room_heads) and any(host in text for host in rules.venue_hosts)
    if not all(is_cjk(c) for c in text) or room:
        return False  # 某某宾馆|中华厅: a hotel's room (某某大厦管理办公室 is an office)
    if any((p == start or p in view.starts) and view.text.startswith(rules.collective_words, p)
           for p in range(start, end)):
        return False  # 市|属驻区分局, 区政府|各办局: bodies of a kind, counted together
    first = view.token_at(start)
    if first is not None and first[0] < start and first[1] < end and titled_joint(view, first, rules):
        return False  # 某市|市长|和投促局: the level opens a person's title joined to the body
    pos = start
    while pos < end:
        span = view.token_at(pos)
        stop = min(span[1], end) if span else pos + 1
        if span and span[0] == pos and stop == span[1] and (bad_function_word(view.text[pos:stop], rules) or
                                                            stop < end and titled_joint(view, span, rules)):
            return False
        if joins_two_bodies(view, start, pos, stop, rules):
            return False
        pos = stop
    return True


def titled_joint(view: TextView, span: tuple[int, int], rules: GovernmentRules) -> bool:
    """市长|和…局: a person's title with a joining word right after it joins the person to the body; a
    title run on by nouns is an office's words (某市|市长公开电话|办公室)."""
    return view.text[span[0]:span[1]] in rules.person_titles and view.text[span[1]:span[1] + 1] in rules.joining_chars


def bad_function_word(token: str, rules: GovernmentRules) -> bool:
    """A token that cannot stand among function words; a person's name only when it is one character
    (a surname: 肖) or rare (肖磊; jieba also tags the common word 文明 nr)."""
    if token in rules.function_word_verbs:
        return True  # 该县成立|投资促进服务中心: a clause's verb
    tag = tag_of(token)
    if tag in rules.person_tags:
        return len(token) == 1 or int(dictionary_entries()[0].get(token, 0)) < rules.person_max_freq
    return tag in rules.function_bad_tags


def bare_level(view: TextView, lead: int, is_boundary: Callable[[str], bool],
               common_word: Callable[[str], bool], rules: GovernmentRules) -> bool:
    """区/县/市/省 alone opens the name: after a boundary (记者从|区…, 、市…) or a verb (落实|省委), or
    glued by jieba to a stop word before it (从区), and not the first character of an ordinary word (区域, 市场, 县城)
    other than its own committee (省委|办公厅). Two levels (各区县发改委) are every body, no name."""
    span = view.token_at(lead)
    if span is None or lead and view.text[lead - 1] in rules.level_chars:
        return False
    if view.text.endswith(rules.zone_endings, 0, lead + 1):
        return False  # 深度合作|区: the 区 closes a zone's name
    if view.text[lead + 1:lead + 2] in rules.level_chars:
        return False
    if span[0] == lead:
        token = view.text[span[0]:span[1]]
        if len(token) > 1 and common_word(token) and token[1:] not in rules.bare_heads | rules.level_bodies:
            return False
        before = view.token_at(lead - 1) if lead else None
        if before is None:
            return True
        word = view.text[before[0]:before[1]]
        least = rules.object_verb_tags.get(tag_of(word))  # 落实|省委: a verb's object; not 新|县委 (新县)
        return opens_level(word, is_boundary, rules) or least is not None and len(word) >= least
    # 从区: a one-character stop word glued before the level (合作区 is a zone's word, 合作 no stop word here)
    glued = view.text[span[0]:lead]
    if lead - span[0] == 1 and opens_level(glued, is_boundary, rules) and not NUMERAL.match(glued):
        return True  # not a numeral (九州通: a name; 三县: a count)
    # 报区|人民政府, 报省|科技厅: a character glued before the level into no word of the dictionary (the
    # HMM's guess), not a numeral (三县: a count) nor the resident marker (市属驻区|分局: stationed there)
    return lead - span[0] == 1 and span[1] == lead + 1 and view.text[span[0]:span[1]] not in dictionary_tags() \
        and not NUMERAL.match(glued) and glued != rules.resident_marker


def opens_level(before: str, is_boundary: Callable[[str], bool], rules: GovernmentRules) -> bool:
    """What stands before a level character lets it open a name: a boundary, or a marker of a former
    body (原|县国土资源局)."""
    return is_boundary(before) or before in rules.former_markers
