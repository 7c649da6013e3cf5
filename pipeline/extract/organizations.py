"""Organizations: companies, research bodies, universities, government bodies and others.

Found on characters, then checked against jieba's tokens, in one pass per rule:

- full names by their heads (rules/organizations/heads.tsv): the name runs left from the head
  (研究院, 有限公司, 科技局) over tokens until a stop word, punctuation or a number
  (rules/organizations/boundaries.yaml), keeping a parenthesised place (理工清科(重庆)先进材料研究院);
  a name made only of generic words is dropped (rules/organizations/generic.yaml);
- aliases of the companies given in full in the same document: the place prefix, the legal form
  and then the industry words dropped (重庆海辰储能科技有限公司 -> 海辰储能), canonical = full name;
- short names: a proper name plus an industry word (宇树科技), items of a list of companies
  (希尔安药业、鼎工机电等重点企业) and the 、-neighbours of a company that end with an industry word
  (甲乙动漫、丙丁生物科技、戊己科技等…), a quoted name with an industry word (「湘佳牧业」),
  well-known short names (中船), photo-credit agencies;
- knowledge data built from cited public lists (rules/organizations/knowledge.tsv, built by
  pipeline/extract/orgs/build.py): universities, central SOEs, State Council bodies by their short
  names (工信部 -> 工业和信息化部), media; matched at token edges after a boundary or an ordinary word;
- local government bodies as a pattern, with their district (pipeline/extract/orgs/government.py),
  media sources and bylines (pipeline/extract/orgs/media.py);
- optionally, Baidu LAC's ORG spans where the rules found nothing (model="lac",
  pipeline/extract/orgs/model.py).

Where a name starts is decided on tokens and their part-of-speech tags (pipeline/extract/orgs/pos.py):
a name never opens with a verb, preposition, adverb, time word or a person before a verb; a
university, research or government name of the knowledge data inside a name starts it unless a
place or a body stands before it (正文|黄淮学院); a government body opens with its place or level
(统计公报|中站区统计局).

A proper name is a run of tokens that jieba's dictionary does not know as an ordinary word (its
frequency there is below `max_stem_word_freq`); that is how 宇树, 希尔安 and 台铃 differ from
量子, 生命 and 绿色. jieba.posseg is not used: it is slow and its `nt` tag unreliable.

The finders live in pipeline/extract/orgs/ by concern: rules.py (the rules files and the token
tests), candidates.py (a candidate and name edges), names.py (full names by their heads),
short_names.py, aliases.py, government.py, media.py, pos.py, model.py; this module runs them
and resolves overlaps.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from zhfacts.extract.orgs.aliases import alias_candidates, aliases_of, short_name_stem
from zhfacts.extract.orgs.candidates import (
    OrgCandidate,
    is_boundary_token,
    is_name_text,
    is_numeral,
    is_place,
    token_text,
)
from zhfacts.extract.orgs.carriers import carrier_candidates
from zhfacts.extract.orgs.defined import abbreviated_mentions, abbreviates, defined_short_names, names_a_body
from zhfacts.extract.orgs.government import (
    GovernmentRules,
    government_bodies,
    government_rules,
    listed_bodies,
    names_document,
)
from zhfacts.extract.orgs.media import app_end, dateline_names, media_names, media_rules, names_paper, site_lines
from zhfacts.extract.orgs.model import model_org_spans
from zhfacts.extract.orgs.names import (
    bracketed_place_names,
    cand_text,
    composed_of,
    descriptor_is_name,
    ends_name,
    head_candidates,
    is_full_place_name,
    known_prefixes,
    proper_word,
    trailing_industry_word,
    trim_leading,
    view_tokens,
    with_prefix_token,
)
from zhfacts.extract.orgs.pos import is_verb, tag_of
from zhfacts.extract.orgs.rules import (
    BOUNDARIES,
    CLOSE_PARENS,
    OPEN_PARENS,
    OPENING_QUOTE,
    PRIORITY,
    TITLE_QUOTES,
    TOKEN_CACHE_SIZE,
    OrgRules,
    matches,
    org_rules,
    word_freq,
)
from zhfacts.extract.orgs.short_names import (
    apposed_companies,
    bracketed_before_project,
    capacity_companies,
    common_piece_in_stem,
    common_words_only,
    ends_with_industry,
    holds_common_verb,
    invested_project_companies,
    item_of_field_list,
    known_short_names,
    list_item_ok,
    list_short_names,
    listed_beside,
    listed_registered_starts,
    listed_runs,
    occurrences,
    pattern_short_names,
    photo_credits,
    place_features,
    registered_names,
    stem_is_proper,
)
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.text_view import TextView, is_cjk, text_view
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.text.article import Hit
from zhfacts.text.sentences import item_delimiters, sentence_boundary

__all__ = ["aliases_of", "find_organizations", "org_rules"]


@rules_cache
def affiliated_pattern() -> re.Pattern[str]:
    """附属 with an ordinal before or after it, 实验, then a head of boundaries.yaml affiliated_heads."""
    heads = "|".join(map(re.escape, require(load_yaml(BOUNDARIES), "affiliated_heads", BOUNDARIES)))
    ordinal = f"(?:{org_rules().ordinal.pattern})?"
    return re.compile(f"{ordinal}附属{ordinal}(?:实验)?(?P<head>{heads})")


def company_signal(view: TextView, start: int, end: int, companies: list[OrgCandidate], anywhere: bool) -> bool:
    """A company name inside [start, end): at its start (a branch, a park's operator) or anywhere."""
    return any(c.start >= start and c.end <= end and (anywhere or c.start == start) for c in companies)


def quoted_short_names(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """「湘佳牧业」成功上市: a quotation that holds only a proper name and an industry word: one of the
    pattern words that may end a short name in running text, or any of industry_words with a company's
    cue after the quotation («某某旅游»挂牌); a slogan quoted ends so too («全域旅游», «强县工程»)."""
    found = []
    for start, end in view_titles(view, rules):
        text = view.text[start:end]
        word = trailing_industry_word(text, rules, keep=1)
        if word and start in view.starts and end in view.ends and stem_is_proper(text[:-len(word)], rules) \
                and list_item_ok(text, rules) and not holds_common_verb(view, start, end - len(word), rules) \
                and not common_piece_in_stem(view, start, end - len(word), rules) \
                and (word in rules.pattern_words or company_cue_after(view, end, rules)):
            found.append(OrgCandidate(start, end, "org.short_name.pattern", "company"))
    return found


def known_word(word: str, rules: OrgRules) -> bool:
    """A place, a word of jieba's dictionary or a generic name: no short name of its own."""
    return is_place(word) or word_freq(word) > 0 or word in rules.generic_names


def company_cue_after(view: TextView, end: int, rules: OrgRules) -> bool:
    """One of quoted_company_cues right after the quotation closing at end, or after one of
    quoted_cue_adverbs («某某旅游»上市, «某某旅游»成功上市; not «全域旅游»示范区挂牌)."""
    pos = end + 1
    pos += next((len(a) for a in rules.quoted_cue_adverbs if view.text.startswith(a, pos)), 0)
    return view.text.startswith(rules.quoted_company_cues, pos)


def view_titles(view: TextView, rules: OrgRules) -> list[tuple[int, int]]:
    """title_spans of the document, once per document (two finders read them)."""
    titles = view.cache.get("org.titles")
    if titles is None:
        titles = view.cache["org.titles"] = title_spans(view.text, rules.speech_punctuation)
    return titles


def title_spans(text: str, speech: frozenset[str]) -> list[tuple[int, int]]:
    """Contents of short quoted titles (“平伟智能制造卓越人才实验班”), not of quoted speech (a
    quote holding one of `speech`, clause punctuation)."""
    spans = []
    for match in OPENING_QUOTE.finditer(text):
        i = match.start()
        j = text.find(TITLE_QUOTES[match.group()], i + 1, i + 32)
        if j > i + 1 and not any(c in speech for c in text[i + 1:j]):
            spans.append((i + 1, j))
    return spans


def quoted_after_quoted(view: TextView, chosen: list[OrgCandidate], titles: list[tuple[int, int]],
                        rules: OrgRules) -> list[OrgCandidate]:
    """“某某科技有限公司”的…项目…，“赶集”的…项目: a quoted name followed by 的, after a quoted company
    followed by 的 in the same sentence, is a company of the same list."""
    if not any(close + "的" in view.text for close in TITLE_QUOTES.values()):
        return []  # the common case: no quoted name followed by 的
    companies = {(c.start, c.end) for c in chosen if c.type == "company"}
    taken = {(c.start, c.end) for c in chosen}
    found, last = [], None  # last: the end of the latest quoted company
    for start, end in titles:
        if view.text[end + 1:end + 2] != "的":
            continue
        if (start, end) in companies:
            last = end
            continue
        gap = view.text[last:start] if last is not None else ""
        if last is None or len(gap) > rules.max_quoted_gap_chars or "\n" in gap or sentence_boundary().search(gap):
            continue
        if (start, end) not in taken and list_item_ok(view.text[start:end], rules) and start in view.starts \
                and end in view.ends:
            found.append(OrgCandidate(start, end, "org.short_name.list", "company"))
            last = end
    return found


def inside_title(cand: OrgCandidate, titles: list[tuple[int, int]]) -> bool:
    """Strictly inside a quoted title: 平伟 of “平伟智能制造卓越人才实验班” is no mention of 平伟汽车, and
    专业运营公司 of “产业+平台+专业运营公司” is a word of a slogan. A name of the knowledge data stays a
    mention there (“黄淮学院与正阳县…签约仪式”): the caller keeps it."""
    i = bisect_right(titles, (cand.start, len(titles) and 1 << 62)) - 1
    if i < 0:
        return False
    start, end = titles[i]
    return start <= cand.start and cand.end <= end and (start, end) != (cand.start, cand.end)


def full_name_in_title(view: TextView, cand: OrgCandidate, titles: list[tuple[int, int]]) -> bool:
    """A full name by its head, opened by a place or a proper word, stays a mention inside a
    document's title (《某某理工大学、某县人民政府战略合作协议》: its parties are named); a bare level's
    body (县政府), a short name, or any name inside a quoted slogan (“产业+平台+专业运营公司”) stays a
    word of the title."""
    if not cand.rule.startswith("org.suffix") or cand.head is None or cand.head.kind == "works":
        return False
    i = bisect_right(titles, (cand.start, 1 << 62)) - 1
    if i < 0 or view.text[titles[i][0] - 1:titles[i][0]] != "《":
        return False
    first = view.token_at(cand.start)
    return first is not None and first[0] == cand.start and first[1] <= cand.head_start and proper_word(
        token_text(view, first), org_rules())


def non_overlapping(cands: list[OrgCandidate]) -> list[OrgCandidate]:
    """Longest first, then by rule priority; a candidate overlapping a kept one is dropped."""
    kept: list[OrgCandidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), PRIORITY.get(c.family, 9), c.start)):
        covered = range(cand.start, cand.end)
        if taken.isdisjoint(covered):
            kept.append(cand)
            taken.update(covered)
    return sorted(kept, key=lambda c: c.start)


def extend_with_park(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """重庆能源职业学院科技园: an institution's park is named with it (boundaries.yaml institution_parks);
    a company's park is a zone (某某有限公司|产业园: the company is the mention)."""
    if cand.type == "company":
        return cand
    for word in rules.institution_parks:
        if view.text.startswith(word, cand.end) and cand.end + len(word) in view.ends:
            return OrgCandidate(cand.start, cand.end + len(word), "org.suffix.other", "other")
    return cand


def extend_with_parenthesis(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """某某创新中心(智能装备), 某某理工学院(某某大学城市学院): a parenthesis right after an
    institution's name that holds words only (no number, no 以下简称 or byline) is part of the name."""
    if cand.type == "company" or view.text[cand.end:cand.end + 1] not in OPEN_PARENS:
        return cand
    close = min((i for c in CLOSE_PARENS if (i := view.text.find(c, cand.end + 1,
                cand.end + 2 + rules.max_trailing_parenthesis_chars)) > 0), default=-1)
    inner = view.text[cand.end + 1:close]
    if close < 0 or not inner or not is_name_text(inner) or inner.startswith(rules.parenthesis_not_name):
        return cand
    if abbreviates(inner, view.text[cand.start:cand.end]):
        return cand  # 重庆市经济和信息化委员会(市经信委): the short name in brackets is a mention of its own
    return OrgCandidate(cand.start, close + 1, cand.rule, cand.type, cand.canonical, cand.head, cand.head_start,
                        cand.extras)


def with_bracketed_place(view: TextView, cand: OrgCandidate) -> OrgCandidate:
    """某某汇能(陕西): a place in brackets right after a company's short name names its regional company,
    part of the name."""
    if view.text[cand.end:cand.end + 1] not in OPEN_PARENS:
        return cand
    end = parenthesised_end(view, cand.end)
    return replace(cand, end=end) if end is not None and is_place(view.text[cand.end + 1:end - 1]) else cand


def as_sources(chosen: list[OrgCandidate], others: list[OrgCandidate]) -> list[OrgCandidate]:
    """A media name a source label or a site's header line names, that a media head found too (来源
    某某新闻网, 【某某经济网】2023-08-12), keeps the label's rule: it says more of it; so does a byline's
    name that only a place and 网 name (某某网讯). Bodies and universities keep their own rule, type and
    district."""
    media = {(c.start, c.end): c for c in others if c.rule.startswith("org.media.")}
    labels = ("org.media.source", "org.media.site")
    return [media[(c.start, c.end)] if (c.start, c.end) in media and c.rule == "org.suffix.other" and (
        media[(c.start, c.end)].rule in labels or c.head is not None and c.head.kind == "site") else c for c in chosen]


def with_committee(view: TextView, cand: OrgCandidate, chosen: list[OrgCandidate], rules: OrgRules) -> OrgCandidate:
    """某某协会|信用专业委员会, 全国工商联|办公厅: an association's or a body's committee or office right
    after its name (boundaries.yaml committee_heads, within max_department_chars) is named with it, when
    no other name stands there, no stop word opens it and no title follows (…委员会|主任 is a person's)."""
    if cand.type not in ("other", "government") or cand.end not in view.starts:
        return cand
    window = view.text[cand.end:cand.end + rules.max_department_chars]
    end = max((cand.end + window.find(h) + len(h) for h in rules.committee_heads if window.find(h) >= 0), default=0)
    part = view.text[cand.end:end]
    if not end or end not in view.ends or not all(is_cjk(c) for c in part) or \
            view.text.startswith(rules.department_titles, end):
        return cand
    first = view.token_at(cand.end)
    if first is None or is_boundary_token(token_text(view, first), rules) or any(
            c is not cand and c.start < end and cand.end < c.end for c in chosen):
        return cand
    if any(clause_verb(token_text(view, span), rules) for span in view_tokens(view, cand.end, end)) or any(
            verb in part for verb in rules.founding_verbs):
        return cand  # 某某工商联|召开|委员会会议: the committee is the clause's object, no unit of the body
    return replace(cand, end=end, canonical="")


def clause_verb(token: str, rules: OrgRules) -> bool:
    """A common verb of two characters or more, or a founding verb (召开, 听取, 新设): it opens a clause."""
    return token in rules.founding_verbs or len(token) >= 2 and is_verb(token) and \
        word_freq(token) >= rules.max_piece_word_freq


def extend_with_department(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """国家某某集团有限公司科技与创新部: a department right after a company's full name is named with
    it (boundaries.yaml department_head); not …有限公司与商务部, …有限公司总部, nor before a title
    (…有限公司生产部|经理)."""
    if cand.type != "company" or cand.head is None or cand.head.kind != "legal":
        return cand
    head = rules.department_head
    found = view.text.find(head, cand.end + 2, cand.end + rules.max_department_chars)
    end = found + len(head)
    part = view.text[cand.end:end]
    if found < 0 or end not in view.ends or not all(is_cjk(c) for c in part):
        return cand
    if view.text.startswith(rules.department_titles, end):
        return cand  # 某某有限公司生产部|经理: the department belongs to the person's title
    first = view.token_at(cand.end)
    if first is None or is_boundary_token(token_text(view, first), rules) or word_freq(part[-1 - len(head):]):
        return cand
    return OrgCandidate(cand.start, end, cand.rule, cand.type, cand.canonical, cand.head, cand.head_start, cand.extras)


def listed_abbreviation(word: str, rules: OrgRules) -> bool:
    """A word jieba lists that is an abbreviation all the same: tagged one (广工大 j), or an organization's name
    ending as a university's abbreviation does (浙工大 nt; not 中药学, 卫生院)."""
    tag = tag_of(word)
    return tag in rules.abbreviation_word_tags or (
        tag in rules.university_abbreviation_tags and word.endswith(rules.university_abbreviation_end))


def find_organizations(doc: Analysis, model: str = "") -> list[Hit]:
    """Organizations named in the document's text, in repaired-text coordinates. model="lac" adds the
    statistical candidate source (pipeline/extract/orgs/model.py) where the rules found nothing."""
    rules = org_rules()
    view = text_view(doc)
    places, place_ends = accepted_places(doc, view)
    named, deferred = [], []
    for cand in affiliated_units(view, head_candidates(view, rules, place_ends), rules):
        if cand.head.kind in ("weak", "subunit", "park"):
            deferred.append(cand)
        elif descriptor_is_name(cand, view, rules, places):
            named.append(extend_with_parenthesis(view, extend_with_park(view, cand, rules), rules))
    named += bracketed_place_names(view, rules, place_ends)
    shorts = pattern_short_names(view, rules) + list_short_names(view, rules) + known_short_names(view, rules)
    shorts += carrier_candidates(view, rules)  # 重庆移动: place + a carrier's brand
    shorts += quoted_short_names(view, rules) + bracketed_before_project(view, rules)
    shorts += invested_project_companies(view, rules) + capacity_companies(view, rules) + apposed_companies(view, rules)
    shorts = [c for c in shorts if c.rule not in ("org.short_name.pattern", "org.short_name.list")
              or not item_of_field_list(view, c.end, rules)]  # 绿电能源、生态环保等领域: fields
    registered = registered_names(view, rules)
    aliases: dict[str, str] = {}
    for cand in sorted(named, key=lambda c: c.start - c.end):  # the longest full name gives an alias
        if cand.type == "company" and cand.head.kind == "legal":
            full = cand_text(view, cand)
            aliases.update({a: full for a in aliases_of(full, rules) if a not in aliases})
    for cand in registered:  # 江苏科利科技 -> 科利科技, as a full name would
        full = cand_text(view, cand)
        aliases.update({a: full for a in aliases_of(full, rules) if a not in aliases})
    shorts += registered
    for cand in shorts:
        if cand.rule not in ("org.known", "org.short_name.registered") and cand.type == "company":
            # a company's short name stands for it; a medium's stem is its place (中国甘肃网 -> 中国甘肃)
            stem = short_name_stem(cand_text(view, cand), rules)
            if stem and stem not in aliases:
                aliases[stem] = cand_text(view, cand)
    companies = shorts + alias_candidates(view, aliases, rules) + institute_short_names(view, named, rules)
    companies = [with_bracketed_place(view, c) for c in companies]
    operators = []
    named = [company_office(view, c, companies) for c in named]
    banks = banks_named(view, named + companies, rules)
    for cand in deferred:
        operator = park_project_operator(view, cand, companies, rules)
        if operator is not None:
            operators.append(operator)
        elif cand.head.kind == "park" and rules.park_project_after.match(view.text, cand.end):
            operators += legal_operator(view, cand, rules)  # 某某集团产业园|建设项目: a project, no park
        elif cand.head.kind != "park" and (company_signal(view, cand.start, cand.head_start, companies,
                                                          cand.head.kind == "weak")
                                           or cand.head.kind == "subunit" and named_before_branch(view, cand, named,
                                                                                                   places, rules)):
            named.append(cand)
        elif (branch := branch_by_place(view, cand, banks, places, rules)) is not None:
            named.append(branch)
    titles = view_titles(view, rules)
    others = photo_credits(view, rules) + government_candidates(doc, view, rules) + media_candidates(doc, view, rules)
    companies = [c for c in companies  # short names and aliases only: a known name is one anywhere, and so is
                 if c.rule not in ("org.alias", "org.short_name.pattern") or not (
                     opens_project_name(view, c.end, rules) or opens_named_park(view, c.end, rules))
                 or c.extras.get("numbered")]  # a group's numbered unit (中建五局三公司)
    named = [extend_with_department(view, c, rules) for c in named if not invested_project(view, c, companies, rules)]
    chosen = joined_branches(view, non_overlapping(named + companies + others + operators), place_ends)
    chosen = [with_committee(view, c, chosen, rules) for c in as_sources(chosen, others)]
    chosen = sorted(chosen + listed_between(view, chosen, rules), key=lambda c: c.start)
    chosen = listed_registered_starts(view, chosen, rules)
    chosen = sorted(chosen + listed_beside(view, chosen, rules), key=lambda c: c.start)
    chosen = sorted(chosen + listed_runs(view, chosen, rules), key=lambda c: c.start)
    chosen = sorted(chosen + quoted_after_quoted(view, chosen, titles, rules), key=lambda c: c.start)
    chosen = sorted(chosen + not_overlapping(repeated_short_names(view, chosen, rules), chosen), key=lambda c: c.start)
    chosen = sorted(chosen + not_overlapping(repeated_media(view, chosen, rules), chosen), key=lambda c: c.start)
    chosen = sorted(chosen + not_overlapping(numbered_siblings(view, chosen, rules), chosen), key=lambda c: c.start)
    chosen = with_siblings(chosen, university_siblings(view, chosen, rules))
    chosen = defined_short_names(view, chosen, lambda c: canonical_name(view, c, rules),
                                 lambda word: known_word(word, rules), lambda word: names_a_body(word, rules))
    chosen = sorted(chosen + abbreviated_mentions(
        view, chosen, lambda c: canonical_name(view, c, rules),
        lambda word: known_word(word, rules) and not listed_abbreviation(word, rules),
        lambda token: len(token) > 1 and not is_place(token) and word_freq(token) >= rules.max_piece_word_freq, rules),
        key=lambda c: c.start)
    kept = [c for c in chosen if not (inside_title(c, titles) and cand_text(view, c) not in rules.known
                                      and not full_name_in_title(view, c, titles))
            and not (c.extras.get("inside_name") and not names_own_project(view, c, rules))
            and not opens_park_name(view, c, rules)
            and not (c.type == "government" and (
                opens_site_name(view, c) or names_document(view, c.start, c.end)))]
    if model:  # the model fills gaps only: where no rule candidate, kept or set aside, stands
        kept = sorted(kept + gaps_only(model_candidates(doc, view, rules), chosen), key=lambda c: c.start)
    kept = [titled_institution(view, c, rules) for c in kept]
    counties = county_places(doc, view)
    return [org_hit(view, with_district(university_unit(view, with_app(view, c), rules), counties), rules)
            for c in kept]


SHORT_NAME_RULES = frozenset({"org.short_name.list", "org.short_name.frame", "org.short_name.apposition"})


def repeated_short_names(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """A company the document named by a short name in a list, a frame or an apposition (华鼎、鑫源等企业)
    is the same company where the short name comes again at token edges with nothing around it to
    say so (华鼎|负责人表示): those mentions are its too (rule org.alias)."""
    shorts = {cand_text(view, c): canonical_name(view, c, rules) for c in chosen
              if c.type == "company" and c.rule in SHORT_NAME_RULES}
    features = place_features()  # 万达|广场, 鑫源|小区: a place called after the company
    return [c for c in alias_candidates(view, shorts, rules)
            if c.start in view.starts and view.token_after(c.end) not in features]


def repeated_media(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """A media brand the page named in its source line, a byline or its footer (来源：某某网) is the
    same outlet wherever the page writes it again as a word of its own (某某网首页, 举报电话：某某网, 凡本网
    注明某某网): those mentions are its too (rule org.media.repeated). Only a brand by its words
    (brand_words_ok): a body named as the source keeps its own mentions, and a source in common words
    (来源：综合新闻) names no outlet to repeat. A brand that ends with a verb (某某发布) repeats only before
    punctuation: 某某发布|了 is a sentence."""
    brands = {cand_text(view, c) for c in chosen if c.rule.startswith("org.media.") and c.type == "other"
              and c.end - c.start >= 3 and brand_words_ok(view, c.start, c.end, rules)}
    verbs = media_rules().verb_heads
    found = []
    for brand in brands:
        for start in occurrences(view.text, brand):
            end = start + len(brand)
            if (start in view.starts or not_cjk_at(view.text, start - 1)) and (
                    not_cjk_at(view.text, end) or end in view.ends and not brand.endswith(verbs)):
                found.append(OrgCandidate(start, end, "org.media.repeated", "other"))
    return non_overlapping(found)  # 某某新闻网 and 某某新闻 repeat at one place: the longer, in any set order


def not_cjk_at(text: str, pos: int) -> bool:
    """No CJK character at pos (or pos outside the text): a word ends there whatever the tokens say."""
    return not 0 <= pos < len(text) or not is_cjk(text[pos])


def brand_words_ok(view: TextView, start: int, end: int, rules: OrgRules, strict: bool = False) -> bool:
    """A media brand's words name it: no verb or stop word among them (江川非遗|亮相|央视新闻 is a headline),
    its media head (media.yaml media_heads) opens a token or ends an unknown one (not 电网 of 农村电网,
    年报 of 信息公开年报; a paper's 报 may end a known word: 农业|科技报), and a place, a proper noun or a
    word jieba does not know stands before the head (邯郸 of 新邯郸客户端, 陕工网; not 时政|新闻, 综合|新闻)
    anywhere before it. Strict (a brand found by the
    dateline alone): a place or an unknown word right before the head (jieba tags column words such as
    廉政 nr, 党建 j), or a paper's head (农业科技报)."""
    text = view.text[start:end]
    head = max((h for h in media_rules().heads if text.endswith(h)), key=len, default="")
    head_start = end - len(head)
    if not head or head_start <= start:
        return False
    paper = names_paper(text)  # a paper's name may be common words (农业|科技报), a column's not (时政|新闻)
    span = view.token_at(head_start)
    if span is not None and span[0] < head_start and word_freq(token_text(view, span)) and not paper:
        return False
    words = [token_text(view, s) for s in view_tokens(view, start, head_start)]
    if any(is_boundary_token(word, rules) or is_verb(word) for word in words):
        return False
    if strict:  # a paper of common words has two of them at least (农业|科技报; not 电子报, 工作日报)
        return bool(words) and (is_place(words[-1]) or not word_freq(words[-1]) or paper and len(words) >= 2)
    return any(is_place(word) or tag_of(word) in rules.proper_tags or not word_freq(word) for word in words)


def numbered_siblings(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """某建投三公司、五公司、十六公司: after a company that ends with a group's numbered unit, the list's
    next items made of a number and the same unit word alone are the group's other units (rule
    org.short_name.list)."""
    found = []
    for cand in chosen:
        unit = numbered_unit_at_end(view, cand, rules)
        group = cand_text(view, cand)[:-len(unit)].rstrip(rules.numbered_unit_numerals) if unit else ""
        pos = cand.end
        while unit and view.text[pos:pos + 1] and view.text[pos] in item_delimiters():
            sibling = rules.numbered_unit.match(view.text, pos + 1)
            if sibling is None or not sibling.group().endswith(unit) or sibling.end() not in view.ends or \
                    pos + 1 not in view.starts:
                break
            found.append(OrgCandidate(pos + 1, sibling.end(), "org.short_name.list", "company",
                                      canonical=group + sibling.group()))
            pos = sibling.end()
    return found


def university_siblings(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """某某大学园艺学院教授甲、农学院教授乙、食品学院副教授丙: after a school named with its university,
    the list's next items that open with a school by its field alone (农学院) are that university's
    schools (rule org.suffix.university, the university's name before it as canonical)."""
    found = []
    universities = {text for c in chosen
                    if c.type == "university" and (text := cand_text(view, c)).endswith(rules.university_heads)}
    # schools the list names on their own, by field alone (not 某某大学经济学院, another university's)
    named_schools = {c.start: c.end for c in chosen if school_by_field(view, c, rules)
                     and not university_of_school(view, c, rules)}
    for cand in chosen:
        university = university_of_school(view, cand, rules) or (
            next(iter(universities)) if len(universities) == 1 and school_by_field(view, cand, rules) else "")
        pos = cand.end
        while university:
            sep = next((i for i in range(pos, min(len(view.text), pos + rules.max_item_chars * 2))
                        if view.text[i] in rules.item_stops), None)
            if sep is None or view.text[sep] not in item_delimiters():
                break
            school = field_school_at(view, sep + 1, cand.head.text, rules)
            if school is None and sep + 1 in named_schools:  # 某某大学资源环境学院、园艺学院、…: a school
                pos = named_schools[sep + 1]  # named on its own stands in the list: it is the university's
                found.append(OrgCandidate(sep + 1, pos, "org.suffix.university", "university",
                                          canonical=university + view.text[sep + 1:pos]))
                continue  # too, and the walk goes on after it
            if school is None:
                break
            found.append(OrgCandidate(sep + 1, school, "org.suffix.university", "university",
                                      canonical=university + view.text[sep + 1:school]))
            pos = school
    return found


def with_siblings(chosen: list[OrgCandidate], siblings: list[OrgCandidate]) -> list[OrgCandidate]:
    """The chosen candidates with a sibling school in place of a candidate of the same span (it carries
    the university's name), and the siblings no candidate overlaps added."""
    by_span = {(c.start, c.end): c for c in siblings}
    kept = [by_span.pop((c.start, c.end), c) for c in chosen]
    return sorted(kept + not_overlapping(list(by_span.values()), kept), key=lambda c: c.start)


def school_head(cand: OrgCandidate, rules: OrgRules) -> bool:
    return cand.type == "university" and cand.head is not None and cand.head.text in rules.school_heads


def school_by_field(view: TextView, cand: OrgCandidate, rules: OrgRules) -> bool:
    """园艺园林学院: a school named by its field in common words, no level or place before it (not
    宜宾学院, 县卫生学院: colleges of their own)."""
    first = view.token_at(cand.start)
    first_word = token_text(view, first) if first else ""
    return school_head(cand, rules) and first_word not in government_rules().level_chars and \
        not is_place(first_word) and common_words_only(view, cand.start, cand.head_start, rules)


def university_of_school(view: TextView, cand: OrgCandidate, rules: OrgRules) -> str:
    """The university a school candidate is named with (某某大学|园艺学院 -> 某某大学), else "" (the
    document's only university is taken then, by the caller)."""
    if not school_head(cand, rules):
        return ""
    text = cand_text(view, cand)
    cut, head = max((text.rfind(h, 0, len(text) - len(cand.head.text)), h) for h in rules.university_heads)
    return text[:cut + len(head)] if cut > 0 else ""


def field_school_at(view: TextView, start: int, head: str, rules: OrgRules) -> int | None:
    """The end of a school named by its field alone at start (农学院, 食品学院, 食品科学与工程学院): the
    head within a few characters, at a token's end, field words only before it, two fields joined by
    one of school_field_joiners at most."""
    end = view.text.find(head, start, start + rules.max_item_chars * 2)
    if end <= start or end + len(head) not in view.ends or start not in view.starts:
        return None
    field = view.text[start:end]
    fields = next((field.split(j) for j in rules.school_field_joiners if field.count(j) == 1), [field])
    return end + len(head) if all(map(is_cjk, field)) and not is_place(field) and all(fields) and all(
        len(part) == 1 and len(fields) == 1 or composed_of(part, rules.industry_words | rules.domain_words)
        for part in fields) else None


def numbered_unit_at_end(view: TextView, cand: OrgCandidate, rules: OrgRules) -> str:
    """The unit word of a company's name that ends with a number and a unit (某建投三|公司 -> 公司)."""
    if cand.type != "company":
        return ""
    text = cand_text(view, cand)
    unit = next((m for m in rules.numbered_unit.finditer(text) if m.end() == len(text)), None)
    if unit is None or unit.start() == 0:
        return ""  # no number and unit at its end, or nothing of the group before them
    return next(u for u in rules.numbered_unit_words if text.endswith(u))


def not_overlapping(found: list[OrgCandidate], chosen: list[OrgCandidate]) -> list[OrgCandidate]:
    """The found candidates that overlap none of the chosen ones."""
    taken = sorted((c.start, c.end) for c in chosen)
    return [c for c in found if not overlaps_any(taken, c.start, c.end)]


def overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans."""
    i = bisect_right(spans, (start, float("inf")))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


def opens_site_name(view: TextView, body: OrgCandidate) -> bool:
    """某某政府|在线: a body right before a site's word that ends a name there opens the website's name
    (government.yaml site_name_followers), no mention of the body; 某某政府在线|回复 is the body acting."""
    follower = next((f for f in government_rules().site_name_followers if view.text.startswith(f, body.end)), "")
    after = body.end + len(follower)
    return bool(follower) and not (after < len(view.text) and is_cjk(view.text[after]))


def park_project_operator(view: TextView, park: OrgCandidate, companies: list[OrgCandidate],
                          rules: OrgRules) -> OrgCandidate | None:
    """某某食品产业园|项目: a park that names a project opens with its company's short name, whose
    industry word is the park's field (食品产业园): the mention is the company's trade name, not a
    park."""
    if park.head is None or park.head.kind != "park" or view.token_after(park.end) != rules.project_word:
        return None
    for cand in companies:
        if cand.start == park.start and cand.end <= park.head_start and cand.rule == "org.short_name.pattern":
            stem = short_name_stem(cand_text(view, cand), rules)
            if stem and park.start + len(stem) in view.ends:
                return OrgCandidate(park.start, park.start + len(stem), cand.rule, "company")
    return None


def invested_project(view: TextView, cand: OrgCandidate, companies: list[OrgCandidate], rules: OrgRules) -> bool:
    """投资10亿元的|某某新能源|产业基地: a base or park that an invested project's company opens is the
    project, no body of its own; the company is named."""
    return view.text.endswith(rules.project_heads, 0, cand.end) and any(
        c.rule == "org.short_name.project" and c.start == cand.start for c in companies)


def institute_short_names(view: TextView, named: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """中国科学院某地物质科学研究院 -> 某地研究院: an academy's institute given in full (its name opens with
    one of boundaries.yaml cas_prefixes, then a place) is written later by its place and head alone;
    those mentions are the institute's, at token edges after a boundary (rule org.alias)."""
    aliases: dict[str, str] = {}
    for cand in named:
        if cand.type != "research" or cand.head is None or cand.head.kind != "institution" or \
                not view.text.startswith(rules.cas_prefixes, cand.start):
            continue
        full = cand_text(view, cand)
        parent = next((p for p in rules.cas_prefixes if full.startswith(p)), "")
        span = view.token_at(cand.start + len(parent)) if parent else None
        if span is None or span[0] != cand.start + len(parent) or not is_place(token_text(view, span)):
            continue
        alias = token_text(view, span) + cand.head.text
        if alias != full and len(alias) > len(cand.head.text) + 1:
            aliases.setdefault(alias, full)
    found = []
    for alias, full in aliases.items():
        for start in occurrences(view.text, alias):
            end = start + len(alias)
            if start in view.starts and end in view.ends and not view.text.endswith(
                    rules.cas_prefixes, 0, start) and is_boundary_token(view.token_before(start), rules):
                found.append(OrgCandidate(start, end, "org.alias", "research", canonical=full))
    return found


def legal_operator(view: TextView, park: OrgCandidate, rules: OrgRules) -> list[OrgCandidate]:
    """某省某某集团|产业园建设项目: a park that names a project, its words before the park's head a
    company's name closed by a legal form (集团, 公司): the company is named, the park is the project."""
    if not view.text.endswith(rules.legal_forms, 0, park.head_start) or park.head_start not in view.ends:
        return []
    return [OrgCandidate(park.start, park.head_start, "org.suffix.company", "company")]


def company_office(view: TextView, cand: OrgCandidate, companies: list[OrgCandidate]) -> OrgCandidate:
    """华为重庆办事处: a local office whose name a company opens is the company's."""
    if cand.type != "government" or cand.head is None or cand.head.text not in \
            government_rules().company_office_heads or not company_signal(view, cand.start, cand.head_start,
                                                                        companies, False):
        return cand
    return OrgCandidate(cand.start, cand.end, "org.suffix.company", "company", head=cand.head,
                        head_start=cand.head_start)


def joined_branches(view: TextView, chosen: list[OrgCandidate], place_ends: dict[int, int]) -> list[OrgCandidate]:
    """市生态环境局|临江分局: a body's branch named right after it, with its place, is one name; so is its
    office in another place (某市政府|驻|某市办事处)."""
    rules = government_rules()
    heads = rules.branch_heads
    out: list[OrgCandidate] = []
    for cand in chosen:
        prev = out[-1] if out else None
        if prev is not None and resident_office(view, prev, cand, rules):
            out[-1] = OrgCandidate(prev.start, cand.end, prev.rule, "government", extras=prev.extras)
            continue
        marker = cand.start - len(rules.resident_marker)
        if cand.type == "government" and view.text.startswith(rules.resident_marker, marker) and \
                marker in place_ends and cand_text(view, cand).endswith(rules.resident_office_heads) and \
                (prev is None or prev.end <= place_ends[marker]):  # 重庆市|驻|北京办事处: a place's office
            cand = OrgCandidate(place_ends[marker], cand.end, cand.rule, "government", extras=cand.extras)
        if prev is not None and prev.end == cand.start and prev.type == cand.type == "government" and \
                cand_text(view, cand).endswith(heads) and not cand_text(view, prev).endswith(heads):
            out[-1] = OrgCandidate(prev.start, cand.end, prev.rule, "government", extras=cand.extras or prev.extras)
            continue
        out.append(cand)
    return out


def resident_office(view: TextView, body: OrgCandidate, office: OrgCandidate, rules: GovernmentRules) -> bool:
    """某市政府|驻|某市办事处: a government body's office in another place, named after it with 驻."""
    marker = rules.resident_marker
    return body.type == office.type == "government" and view.text.startswith(marker, body.end) and \
        office.start == body.end + len(marker) and cand_text(view, office).endswith(rules.resident_office_heads)


def listed_between(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """An item of a 、-list between two organizations is one too, though no rule knows its name
    (山东先进材料研究院、大龙网、山东飞尔康有限公司): a short name of the list's kind, a company unless
    both neighbours are of another one kind."""
    by_start = {c.start: c for c in chosen}
    found = []
    for left in chosen:
        sep = left.end
        if view.text[sep:sep + 1] != "、":
            continue
        close = view.text.find("、", sep + 1, sep + 2 + rules.max_item_chars)
        if close < 0 or close + 1 not in by_start:
            continue
        start, end = sep + 1, close
        if start in by_start or start not in view.starts or end not in view.ends:
            continue
        if list_item_ok(view.text[start:end], rules):
            right = by_start[close + 1]  # between two bodies of one kind (区工商联、…、某某联谊会): that kind
            type_ = left.type if left.type == right.type else "company"
            found.append(OrgCandidate(start, end, "org.short_name.list", type_))
    return found


def affiliated_units(view: TextView, cands: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """某某医科大学|第一附属医院, 某某大学医学院|附属第一医院: a hospital or school named 附属 (with an
    ordinal) right after a university's name is the university's; its name opens with the
    university's (the walk stops at the ordinal, which is no name of its own)."""
    found = []
    for university in (c for c in cands if c.type == "university"):
        match = affiliated_pattern().match(view.text, university.end)
        if match is None or match.end() not in view.ends:
            continue
        head = rules.heads[match.group("head")]
        found.append(OrgCandidate(university.start, match.end(), "org.suffix." + head.type, head.type, head=head,
                                  head_start=match.start("head")))
    return cands + found


def with_app(view: TextView, cand: OrgCandidate) -> OrgCandidate:
    """人民日报|客户端: a media's name right before an app word is the app's, one name as written."""
    if cand.type != "other":
        return cand
    end = app_end(view.text, cand.start, cand.end, known_other=cand.rule == "org.knowledge")
    return cand if end == cand.end else replace(cand, end=end, canonical="")


def university_unit(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """吉林大学动物科学院: a 学院 whose name opens with a university's is a school of it (its
    研究院 or 实验室 stays research: 某某理工学院某县生态产业研究院)."""
    if cand.type != "research" or cand.head is None or not cand.head.text.endswith("学院"):
        return cand
    for name in known_prefixes(view, cand.start, rules):
        if len(name) < cand.end - cand.start and rules.known[name][0] == "university":
            cand.type = "university"
            break
    return cand


def names_own_project(view: TextView, c: OrgCandidate, rules: OrgRules) -> bool:
    """海康威视|重庆科技园三期|项目: a known company before a place whose words run to 项目 names its own
    project there, and is a mention (also past a base's head: 某某|长沙…示范基地|项目); ending with a
    base's or park's head (中国电子|重庆…示范基地) the words name the base, which carries the company in
    its name."""
    return opens_project_name(view, c.end, rules, (rules.project_word,))


SHORT_COMPANY_RULES = ("org.short_name", "org.alias", "org.known", "org.knowledge")


def opens_park_name(view: TextView, c: OrgCandidate, rules: OrgRules) -> bool:
    """某某化工|园区, 某某硬科技|产业园: a company written short (any short-name, alias or known-name rule)
    right before a park's head opens the park's name (lists.yaml park_after_short_name), where the head
    ends a token. Still a mention: a name with its legal form (…有限公司|产业园), the operator of a park
    that names a project (某某智能装备|产业园|项目: park_project_after) and a company whose outlet the zone
    holds (某某银行|开发区|营业部: park_not_before)."""
    if c.type != "company" or not c.rule.startswith(SHORT_COMPANY_RULES):
        return False
    park = rules.park_after_short_name.match(view.text, c.end)
    if park is None or (token := view.token_at(park.end() - 1)) is None or token[1] != park.end():
        return False
    return not view.text.startswith(rules.park_not_before, park.end()) and \
        rules.park_project_after.match(view.text, park.end()) is None


def opens_named_park(view: TextView, end: int, rules: OrgRules) -> bool:
    """中新|某某湖|园区: the words after a short name run to a park's head (lists.yaml named_park_heads)
    with a proper word right before it: the park's name, which the short name opens."""
    if not opens_project_name(view, end, rules, rules.named_park_heads):
        return False
    head_start = next(pos for pos in range(end, len(view.text)) if view.text.startswith(rules.named_park_heads, pos))
    before = view.token_before(head_start)
    return proper_word(before, rules) and not is_verb(before)


def opens_project_name(view: TextView, end: int, rules: OrgRules,
                       heads: tuple[str, ...] | None = None) -> bool:
    """The words after a short name run, without punctuation or stop words, to a project's or base's
    head (of `heads`, by default every project head) with a product between (欣冠精密|结构件生产基地):
    the short name is part of that name. Right before the head alone (海辰储能|项目) it still names
    the company."""
    heads = rules.project_heads if heads is None else heads
    window = view.text[end:end + rules.max_project_chars + 4]
    if not any(h in window for h in heads):
        return False
    pos = end
    while pos - end <= rules.max_project_chars:
        span = view.token_at(pos)
        if span is None or span[0] != pos:
            return False
        token = token_text(view, span)
        bracket = parenthesised_end(view, pos) if token in OPEN_PARENS and view.text.endswith(
            heads, end, pos) else None
        if bracket is not None:
            pos = bracket  # 某某产业园|(某区)|项目: a park's place inside the project's name (not 某某(某地)冷链…)
            continue
        if not is_name_text(token) or token in rules.stop_tokens or is_numeral(token):
            return False  # 中建五局|三|公司…项目: a numeral opens a numbered unit, no project's words
        pos = span[1]
        words = view.text[end:pos]
        if any(words.endswith(h) and len(words) > len(h) for h in heads):
            return True
    return False


def parenthesised_end(view: TextView, pos: int) -> int | None:
    """The end of a short bracket of CJK words opening at pos (某区), or None."""
    close = next((i for i in range(pos + 2, min(len(view.text), pos + 10)) if view.text[i] in CLOSE_PARENS), -1)
    if close < 0 or not all(is_cjk(c) for c in view.text[pos + 1:close]) or close + 1 not in view.starts:
        return None
    return close + 1


def county_places(doc: Analysis, view: TextView) -> list[tuple[int, int, Hit]]:
    """(start, end) and hit of every county-level place the places component accepted."""
    found = []
    for hit in doc.found("places"):
        if hit.get("level") in ("district", "county"):
            found.append((hit.start, hit.end, hit))
    return found


def with_district(cand: OrgCandidate, counties: list[tuple[int, int, Hit]]) -> OrgCandidate:
    """A government body's district: the first county-level place inside its name (潼南区科技局)."""
    if cand.type != "government" or cand.extras.get("district"):
        return cand
    place = next((hit for start, end, hit in counties if cand.start <= start and end <= cand.end), None)
    if place is not None:
        cand.extras = {**cand.extras, "district": place.get("canonical"), "adcode": place.get("adcode")}
    return cand


def model_candidates(doc: Analysis, view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """LAC's ORG spans, bounded by tokens (a span must end at a token end; its start is trimmed of
    verbs, prepositions, persons before verbs), typed by their heads, generic ones dropped."""
    found = []
    for start, end in model_org_spans(doc.text):
        if start not in view.starts or end not in view.ends or end - start < 2:
            continue  # a span that cuts a token is no name jieba would keep whole
        start = trim_leading(view, start, end, end, rules)
        text = view.text[start:end]
        if len(text) < 2 or not is_name_text(text) or not generic_free(text, rules):
            continue
        if text not in rules.known and not longest_head(text, rules) and word_freq(text):
            continue  # one ordinary word of jieba's dictionary (日经): no name without a head
        type_, canonical = model_type(text, rules)
        found.append(OrgCandidate(start, end, "org.model", type_, canonical=canonical))
    return found


def generic_free(text: str, rules: OrgRules) -> bool:
    """Not a generic noun (上市公司, 龙头企业), a place, or words of categories and domains only."""
    if text in rules.generic_names or is_place(text) or composed_of(text, rules.domain_or_category_words):
        return False
    head = longest_head(text, rules)
    return not head or len(text) > len(head) and not composed_of(text[: -len(head)], rules.domain_or_category_words)


def longest_head(text: str, rules: OrgRules) -> str:
    return next((text[-n:] for n in range(min(len(text), 9), 0, -1) if text[-n:] in rules.heads), "")


def model_type(text: str, rules: OrgRules) -> tuple[str, str]:
    """(type, canonical) of a model span: the knowledge data's, else its head's, else a company when
    it ends with an industry word, else other."""
    if text in rules.known:
        type_, canonical, _ = rules.known[text]
        return type_, canonical
    head = longest_head(text, rules)
    if head:
        return rules.heads[head].type, text
    return ("company" if ends_with_industry(text, rules) else "other"), text


def gaps_only(cands: list[OrgCandidate], kept: list[OrgCandidate]) -> list[OrgCandidate]:
    """The candidates that overlap none of the kept ones (the rules' spans win)."""
    taken = set()
    for c in kept:
        taken.update(range(c.start, c.end))
    return [c for c in non_overlapping(cands) if taken.isdisjoint(range(c.start, c.end))]


def government_candidates(doc: Analysis, view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """区经济信息委, 东营市委, 利津经济开发区党工委: see pipeline/extract/orgs/government.py."""
    places_by_end = {}
    for end, name in matches(view, rules, "known"):  # 工业和信息化部|中小企业发展促进中心: a body of the
        if rules.known[name][0] == "government" and end in view.ends and end - len(name) in view.starts:
            places_by_end[end] = (end - len(name), None)  # knowledge data opens its office's name like a place
    for hit in doc.found("places"):
        if hit.start < hit.end:
            places_by_end[hit.end] = (hit.start, hit)

    def body_ends(end: int) -> bool:  # not at a title (县委|常委)
        return ends_name(view, end, rules) and not any(view.text.endswith(r, 0, end) for r in rules.role_words)

    bodies = government_bodies(view, places_by_end, body_ends,
                               lambda token: is_boundary_token(token, rules),
                               lambda token: word_freq(token) >= rules.max_piece_word_freq,
                               lambda start, end: is_full_place_name(view.text[start:end]))
    bodies += listed_bodies(view, bodies, body_ends)
    found = []
    for body in bodies:
        place = body.place
        county = place is not None and place.get("level") in ("district", "county")
        extras = {"district": place.get("canonical"), "adcode": place.get("adcode")} if county else {}
        inner = inner_head_type(view.text[body.start:body.end], rules)
        if inner in ("university", "research"):  # 浙江农林大学社会合作处, 某省科学院科技处: the institution's office
            found.append(OrgCandidate(body.start, body.end, f"org.suffix.{inner}", inner))
            continue
        # 中共|某市委网信办: the Party's name opens a placed body's name
        start = with_prefix_token(view, body.start, rules.body_prefixes) if place is not None else body.start
        found.append(OrgCandidate(start, body.end, "org.government.pattern", "government", extras=extras))
    return found


def titled_institution(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """县农商银行党委|书记, 县人民医院党委|书记, 某省科学院党委|书记: a name made of an institution's name and
    its own party body (government.yaml institution_party_bodies) before a person's title names the
    institution, which takes its head's type (whichever rule found the name: the government pattern, 党委
    as a head, or a university's or institute's office); so does an office's (某县发改局党委|书记)."""
    if not view.text.startswith(government_rules().title_words, cand.end):
        return cand
    text = cand_text(view, cand)
    body = next((b for b in government_rules().institution_party_bodies if text.endswith(b)), "")
    inner = inner_head_type(text, rules) if body else ""
    if inner == "government" and text[:-len(body)].endswith(government_rules().heads) and len(text) - len(body) > 2:
        return replace(cand, end=cand.end - len(body))  # 某县发改局党委|书记: the office's own committee
    if inner in ("", "government"):
        return cand
    return OrgCandidate(cand.start, cand.end - len(body), f"org.suffix.{inner}", inner)


def inner_head_type(text: str, rules: OrgRules) -> str:
    """The type of the last organization head inside a body's name before its own office (大学 of
    某某大学社会合作处, 科学院 of 某省科学院党委: read longest first, so 科学院 is no 学院)."""
    found, pos = "", 0
    while pos < len(text):
        head = next((text[pos:pos + n] for n in range(min(rules.longest_head, len(text) - pos), 1, -1)
                     if text[pos:pos + n] in rules.heads and pos + n < len(text)), "")
        if head:
            found = rules.heads[head].type
        pos += len(head) or 1
    return found


def media_candidates(doc: Analysis, view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """Sources and bylines: 来源：浙江在线, 房县新闻网讯 (pipeline/extract/orgs/media.py), and, read on the
    raw page, a site's brand alone on a line or a brand beside the page's dateline."""
    found = []
    for start, end, rule in media_names(doc.text, is_place):
        if rule != "org.media.title":  # title marks hold the whole name: 《农村|金融时报》 has no author
            start = after_glued_byline_words(view, start, end)
        if start < end and not is_place(view.text[start:end]):  # 图片来源:某某区|供图: a place, no media
            found.append(OrgCandidate(start, end, rule, "other"))
    for start, end in raw_spans(doc, view, site_lines(doc.article.raw)):
        if start in view.starts and not any(  # a brand's line holds no stop word or verb: not a column's
                is_boundary_token(token, rules) or is_verb(token) for token in (  # line of a sentence
                token_text(view, span) for span in view_tokens(view, start, end))):  # (合川区近年来以智能网|联…)
            found.append(OrgCandidate(start, end, "org.media.site", "other"))
    for start, end in raw_spans(doc, view, dateline_names(doc.article.raw, is_place)):
        if not is_place(view.text[start:end]) and brand_words_ok(view, start, end, rules, strict=True):
            found.append(OrgCandidate(start, end, "org.media.dateline", "other"))  # not 时政新闻 2023-…
    return found


def raw_spans(doc: Analysis, view: TextView, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Raw spans in the view's coordinates, where repair kept every character of them and they stand at
    token edges."""
    offsets, found = doc.article.offsets, []
    for raw_start, raw_end in spans:
        start, end = bisect_left(offsets, raw_start), bisect_left(offsets, raw_end)
        if start < end and offsets[start] == raw_start and offsets[end - 1] == raw_end - 1 and end in view.ends:
            found.append((start, end))
    return found


def after_glued_byline_words(view: TextView, start: int, end: int) -> int:
    """作者: 武永倩大众网·海报新闻…: an author's name glued before a known media name (a lost line
    break) is cut off; a brand joined to its group (新重庆-重庆日报) is kept. A name has two or three
    characters: 福|建发布 is no author before a company's short name, and a place (天津|北方网) or
    longer words (中央广电|总台国际在线) are the brand's own."""
    for pos in range(start + 2, min(end, start + 4)):
        if known_prefixes(view, pos, org_rules()) and is_name_text(view.text[start:pos]) and \
                view.text[start:pos] not in org_rules().known and not is_place(view.text[start:pos]) and \
                not any(is_place(view.text[start:start + n]) for n in range(2, pos - start)):
            return pos
    return start


def accepted_places(doc: Analysis, view: TextView) -> tuple[set[str], dict[int, int]]:
    """The places the places component accepted (金凤 of 金凤实验室 is none): their surfaces, and
    their spans as end -> start."""
    names, ends = set(), {}
    for hit in doc.found("places"):
        if hit.start < hit.end:
            names.add(view.text[hit.start:hit.end])
            ends[hit.end] = hit.start
    return names, ends


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def bank_of(canonical: str, rules: OrgRules) -> str | None:
    """中国农业发展银行某省分行 -> 中国农业发展银行: a bank's own name in a canonical name, cut after
    its owner word (industry_words.yaml branch_owner_words) and its legal form."""
    for word in rules.branch_owner_words:
        cut = canonical.find(word)
        if cut > 0:
            cut += len(word)
            form = next((f for f in rules.legal_forms if canonical.startswith(f, cut)), "")
            return canonical[:cut + len(form)]
    return None


def banks_named(view: TextView, cands: list[OrgCandidate], rules: OrgRules) -> list[tuple[int, str]]:
    """(start, bank's own name) of the candidates that name a bank or one of its branches, in order."""
    return sorted((c.start, bank) for c in cands
                  if c.type == "company" and (bank := bank_of(canonical_name(view, c, rules), rules)))


def branch_place_ok(place: str, places: set[str], rules: OrgRules) -> bool:
    """The words that name a branch: a place the document names, or a word no dictionary holds (a
    street's, a township's name), or a place rare as a word (城区 is a gazetteer's word too, and a
    common one), of two to four characters."""
    if not 2 <= len(place) <= 4 or not all(is_cjk(c) for c in place):
        return False
    return place in places or word_freq(place) == 0 or is_place(place) and word_freq(place) < rules.max_piece_word_freq


def named_before_branch(view: TextView, cand: OrgCandidate, named: list[OrgCandidate], places: set[str],
                        rules: OrgRules) -> bool:
    """某某农商银行|石桥|支行: a company named in full opens the branch's name, and the words between it
    and the branch's head name the branch's place (branch_place_ok: not 所有|支行, 基层|支行)."""
    return any(n.type == "company" and n.start == cand.start and n.end < cand.head_start and branch_place_ok(
        view.text[n.end:cand.head_start], places, rules) for n in named)


def branch_by_place(view: TextView, cand: OrgCandidate, banks: list[tuple[int, str]], places: set[str],
                    rules: OrgRules) -> OrgCandidate | None:
    """某省分行, 某某县支行, 某某支行: a bank's branch (branch_heads) written by its place alone, or by a
    word no dictionary holds (a street's name), after the document named a bank: that bank's branch,
    with the bank's name in its canonical. A level alone (省分行) or a common word (城区支行) is no name,
    and a branch right after a bracket is the bank's, named before the bracket."""
    place, surface = view.text[cand.start:cand.head_start], cand_text(view, cand)
    if not surface.endswith(rules.branch_heads) or not branch_place_ok(place, places, rules):
        return None
    if cand.start and view.text[cand.start - 1] in CLOSE_PARENS:
        return None  # 某某银行(简称某行)|某某分行: the bank's name goes on after its bracket
    bank = next((name for start, name in reversed(banks) if start < cand.start), None)
    if bank is None:
        return None
    return OrgCandidate(cand.start, cand.end, "org.branch.by_place", "company", canonical=bank + surface)


def branch_canonical(surface: str, rules: OrgRules) -> str | None:
    """桂林银行融安支行 -> 桂林银行股份有限公司融安支行: a branch (industry_words.yaml branch_heads) named
    after a company of the knowledge data takes that company's full name, as branches are registered."""
    if not surface.endswith(rules.branch_heads):
        return None
    for cut in range(len(surface) - 2, 1, -1):
        known = rules.known.get(surface[:cut])
        if known is not None and known[0] == "company":
            return known[1] + surface[cut:]
    return None


def canonical_name(view: TextView, cand: OrgCandidate, rules: OrgRules) -> str:
    """The candidate's canonical name: its own, else the knowledge data's for its surface (中科院 by
    its head), else its branch's under a known company's full name, else its surface."""
    surface = cand_text(view, cand)
    known = rules.known.get(surface)
    return cand.canonical or (known[1] if known else None) or branch_canonical(surface, rules) or surface


def with_known_type(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """A name of the knowledge data found by its head takes the data's type, and the head rule of that
    type (中国人民银行 by 银行 is the central bank: a government body, not a company)."""
    known = rules.known.get(cand_text(view, cand)) if cand.rule.startswith("org.suffix.") else None
    if known is None or known[0] == cand.type:
        return cand
    return replace(cand, type=known[0], rule=f"org.suffix.{known[0]}")


def org_hit(view: TextView, cand: OrgCandidate, rules: OrgRules) -> Hit:
    cand = with_known_type(view, cand, rules)
    rule = cand.rule if cand.rule in rules.rule_ids else "org.suffix.other"
    fields = {"canonical": canonical_name(view, cand, rules), "type": cand.type}
    if cand.type == "government":
        fields.update(district=cand.extras.get("district"), adcode=cand.extras.get("adcode"))
    return Hit(cand.start, cand.end, rule, fields)
