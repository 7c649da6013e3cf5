"""Organizations: companies, research bodies, universities, government bodies and others.

Found on characters, then checked against jieba's tokens, in one pass per rule:

- full names by their heads (rules/organizations/heads.tsv): the name runs left from the head
  (研究院, 有限公司, 科技局) over tokens until a stop word, punctuation or a number
  (rules/organizations/boundaries.yaml), keeping a parenthesised place (理工清科(重庆)先进材料研究院);
  a name made only of generic words is dropped (rules/organizations/generic.yaml);
- aliases of the companies given in full in the same document: the place prefix, the legal form
  and then the industry words dropped (重庆海辰储能科技有限公司 -> 海辰储能), canonical = full name;
- short names: a proper name plus an industry word (宇树科技), items of a list of companies
  (希尔安药业、鼎工机电等重点企业), well-known short names (中船), photo-credit agencies;
- knowledge data built from cited public lists (rules/organizations/knowledge.tsv, built by
  pipeline/extract/orgs/build.py): universities, central SOEs, State Council bodies by their short
  names (工信部 -> 工业和信息化部), media; matched at token edges after a boundary or an ordinary word;
- local government bodies as a pattern, with their district (pipeline/extract/orgs/government.py),
  media sources and bylines (pipeline/extract/orgs/media.py);
- optionally, Baidu LAC's ORG spans where the rules found nothing (model="lac",
  pipeline/extract/orgs/model.py).

Where a name starts is decided on tokens and their part-of-speech tags (pipeline/extract/orgs/pos.py):
a name never opens with a verb, preposition, adverb, time word or a person before a verb.

A proper name is a run of tokens that jieba's dictionary does not know as an ordinary word (its
frequency there is below `max_stem_word_freq`); that is how 宇树, 希尔安 and 台铃 differ from
量子, 生命 and 绿色. jieba.posseg is not used: it is slow and its `nt` tag unreliable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick

from zhfacts.extract.orgs.government import government_bodies, listed_bodies
from zhfacts.extract.orgs.media import media_names, media_rules
from zhfacts.extract.orgs.model import model_org_spans
from zhfacts.extract.orgs.pos import (
    dictionary_entries,
    dictionary_tags,
    is_person,
    is_verb,
    never_starts_name,
    tag_of,
)
from zhfacts.extract.places import gazetteer, place_rules
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.text_view import TextView, is_cjk, text_view
from zhfacts.rules import load_tsv, load_yaml, require, rules_cache
from zhfacts.text.article import Hit

HEADS = "organizations/heads.tsv"
BOUNDARIES = "organizations/boundaries.yaml"
GENERIC = "organizations/generic.yaml"
INDUSTRY = "organizations/industry_words.yaml"
LISTS = "organizations/lists.yaml"
KNOWN = "organizations/known_names.tsv"
KNOWLEDGE = "organizations/knowledge.tsv"
RULES = "organizations/rules.yaml"

OPEN_PARENS, CLOSE_PARENS = "(（", ")）"
TITLE_QUOTES = {"“": "”", "「": "」", "《": "》", "‘": "’", '"': '"'}
NAME_TEXT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z]+")
OPENING_QUOTE = re.compile("|".join(map(re.escape, TITLE_QUOTES)))
ITEM_LIST_END = tuple("，。；：！？\n,;:!?")  # the clause ends that end a list of 、-separated items (either width)
NUMERAL = re.compile(r"^[0-9０-９.%一二三四五六七八九十百千万亿两几多首第余]+[个家项批所座名位类大]?$")
# The tests of a token or name (is it a boundary, a proper piece ...) depend on nothing but it and
# the rules, and documents repeat their tokens: they are cached, on this many arguments each.
TOKEN_CACHE_SIZE = 1 << 16
COMPOSED_WORD_CHARS = 6  # the longest word composed_of looks for
PRIORITY = {"org.alias": 0, "org.suffix": 1, "org.known": 2, "org.short_name.list": 3, "org.short_name.pattern": 4,
            "org.media.credit": 1, "org.knowledge": 2, "org.government.pattern": 1, "org.media.byline": 5}


@dataclass(frozen=True)
class Head:
    text: str
    type: str
    kind: str
    place_only: bool


@dataclass(frozen=True, eq=False)  # hashed by identity (one per process): the token tests cache on it
class OrgRules:
    heads: dict[str, Head]
    legal_forms: tuple[str, ...]  # the heads of kind legal (heads.tsv), longest first
    stop_tokens: frozenset[str]
    demonstratives: frozenset[str]
    inner_conjunctions: frozenset[str]
    joining_conjunctions: frozenset[str]
    cas_prefixes: tuple[str, ...]
    parent_heads: tuple[str, ...]
    peer_heads: frozenset[str]
    countries: tuple[str, ...]
    max_name_chars: int
    role_words: frozenset[str]
    trailing_particles: frozenset[str]
    result_complements: frozenset[str]
    orphan_char_max_freq: int
    generic_names: frozenset[str]
    category_words: frozenset[str]
    domain_words: frozenset[str]
    domain_or_category_words: frozenset[str]
    generic_terms: frozenset[str]
    generic_prefixes: tuple[str, ...]
    industry_words: frozenset[str]
    pattern_words: frozenset[str]
    field_followers: frozenset[str]
    place_like_endings: tuple[str, ...]
    min_stem_chars: int
    max_stem_word_freq: int
    max_piece_word_freq: int
    stem_verb_tags: frozenset[str]
    closing_cues: tuple[str, ...]
    closing_cue_pattern: re.Pattern[str]
    count_closing_pattern: re.Pattern[str]
    weak_cues: frozenset[str]
    opening_cues: tuple[str, ...]
    max_gap_chars: int
    max_item_chars: int
    gap_stop_words: tuple[str, ...]
    project_heads: tuple[str, ...]
    max_project_chars: int
    known: dict[str, tuple[str, str, str]]  # name -> (type, canonical, rule id)
    leading_tags: frozenset[str]
    single_char_tags: frozenset[str]
    min_chars_after_trim: int
    date_words: frozenset[str]
    parenthesised_countries: frozenset[str]
    national_prefixes: frozenset[str]
    association_heads: frozenset[str]
    parenthesis_not_name: tuple[str, ...]
    max_trailing_parenthesis_chars: int
    automaton: Any  # heads, pattern words and known names: one pass over the text finds them all
    rule_ids: frozenset[str]


def automaton_of(*word_sets: tuple[str, frozenset[str] | dict]) -> Any:
    """One automaton over several word sets; a match's value is (word, names of its sets)."""
    kinds: dict[str, list[str]] = {}
    for name, words in word_sets:
        for word in words:
            kinds.setdefault(word, []).append(name)
    auto = ahocorasick.Automaton()
    for word, names in kinds.items():
        auto.add_word(word, (word, tuple(names)))
    auto.make_automaton()
    return auto


def matches(view: TextView, rules: OrgRules, kind: str) -> list[tuple[int, str]]:
    """(end, word) of every match of one word set, from the shared pass kept in the view."""
    found = view.cache.get("org.matches")
    if found is None:
        found = {}
        for end, (word, names) in rules.automaton.iter(view.text):
            for name in names:
                found.setdefault(name, []).append((end + 1, word))
        view.cache["org.matches"] = found
    return found.get(kind, [])


def cue_pattern(cues: list[str], max_gap: int) -> re.Pattern[str]:
    """Up to max_gap characters of one clause, then a cue noun (200多家相关|企业)."""
    alternatives = "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
    return re.compile(f"[^，。；：！？、\n,;:!?]{{0,{max_gap}}}?(?P<cue>{alternatives})")


def count_pattern(classifiers: list[str], cues: list[str]) -> re.Pattern[str]:
    """A count closing a list (、凯普顿医药|6家企业): number, classifier, then a strong cue."""
    if not classifiers:
        return re.compile("(?!)")
    counters = "|".join(map(re.escape, classifiers))
    alternatives = "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
    number = "[0-9０-９一二三四五六七八九十两]+[余多]?"
    return re.compile(f"(?<=[\u3400-\u9fff])(?<!等){number}(?:{counters})(?:{alternatives})")


@rules_cache
def org_rules() -> OrgRules:
    """Every organizations rules file, parsed and compiled once per process."""
    bounds, generic, industry, lists = load_yaml(BOUNDARIES), load_yaml(GENERIC), load_yaml(INDUSTRY), load_yaml(LISTS)
    heads = {r["head"]: Head(r["head"], r["type"], r["kind"], r["place_only"] == "yes") for r in load_tsv(HEADS)}
    known = {r["name"]: (r["type"], r["canonical"], "org.knowledge") for r in load_tsv(KNOWLEDGE)}
    known.update({r["name"]: (r["type"], r["full_name"], "org.known") for r in load_tsv(KNOWN)})  # curated wins
    words = list(require(industry, "industry_words", INDUSTRY))
    category = frozenset(require(generic, "category_words", GENERIC))
    domain = frozenset(require(generic, "domain_words", GENERIC))
    return OrgRules(
        heads=heads,
        legal_forms=tuple(sorted((h for h, head in heads.items() if head.kind == "legal"), key=len, reverse=True)),
        stop_tokens=frozenset(require(bounds, "stop_tokens", BOUNDARIES)),
        demonstratives=frozenset(require(bounds, "demonstratives", BOUNDARIES)),
        inner_conjunctions=frozenset(require(bounds, "inner_conjunctions", BOUNDARIES)),
        joining_conjunctions=frozenset(require(bounds, "joining_conjunctions", BOUNDARIES)),
        cas_prefixes=tuple(require(bounds, "cas_prefixes", BOUNDARIES)),
        parent_heads=tuple(require(bounds, "parent_heads", BOUNDARIES)),
        peer_heads=frozenset(require(bounds, "peer_heads", BOUNDARIES)),
        countries=tuple(sorted(require(bounds, "countries", BOUNDARIES), key=len, reverse=True)),
        max_name_chars=int(require(bounds, "max_name_chars", BOUNDARIES)),
        role_words=frozenset(require(bounds, "role_words", BOUNDARIES)),
        trailing_particles=frozenset(bounds.get("trailing_particles", ())),
        result_complements=frozenset(bounds.get("result_complements", ())),
        orphan_char_max_freq=int(require(bounds, "orphan_char_max_freq", BOUNDARIES)),
        generic_names=frozenset(require(generic, "generic_names", GENERIC)),
        category_words=category,
        domain_words=domain,
        domain_or_category_words=domain | category,
        generic_terms=frozenset(require(generic, "generic_terms", GENERIC)),
        generic_prefixes=tuple(t for t in require(generic, "generic_terms", GENERIC) if len(t) >= 2),
        industry_words=frozenset(words),
        pattern_words=frozenset(require(industry, "pattern_words", INDUSTRY)),
        field_followers=frozenset(require(industry, "field_followers", INDUSTRY)),
        place_like_endings=tuple(require(industry, "place_like_endings", INDUSTRY)),
        min_stem_chars=int(require(industry, "min_stem_chars", INDUSTRY)),
        max_stem_word_freq=int(require(industry, "max_stem_word_freq", INDUSTRY)),
        max_piece_word_freq=int(require(industry, "max_piece_word_freq", INDUSTRY)),
        stem_verb_tags=frozenset(industry.get("stem_verb_tags", ())),
        closing_cues=tuple(sorted(require(lists, "closing_cues", LISTS), key=len, reverse=True)),
        closing_cue_pattern=cue_pattern(require(lists, "closing_cues", LISTS),
                                        int(require(lists, "max_gap_chars", LISTS))),
        weak_cues=frozenset(require(lists, "weak_cues", LISTS)),
        count_closing_pattern=count_pattern(lists.get("count_classifiers", []),
                                            [c for c in require(lists, "closing_cues", LISTS)
                                             if c not in require(lists, "weak_cues", LISTS)]),
        opening_cues=tuple(require(lists, "opening_cues", LISTS)),
        max_gap_chars=int(require(lists, "max_gap_chars", LISTS)),
        max_item_chars=int(require(lists, "max_item_chars", LISTS)),
        gap_stop_words=tuple(require(lists, "gap_stop_words", LISTS)),
        project_heads=tuple(require(lists, "project_heads", LISTS)),
        max_project_chars=int(require(lists, "max_project_chars", LISTS)),
        known=known,
        leading_tags=frozenset(require(bounds, "leading_tags", BOUNDARIES)),
        single_char_tags=frozenset(require(bounds, "single_char_tags", BOUNDARIES)),
        min_chars_after_trim=int(require(bounds, "min_chars_after_trim", BOUNDARIES)),
        date_words=frozenset(require(bounds, "date_words", BOUNDARIES)),
        parenthesised_countries=frozenset(require(bounds, "parenthesised_countries", BOUNDARIES)),
        national_prefixes=frozenset(require(bounds, "national_prefixes", BOUNDARIES)),
        association_heads=frozenset(require(bounds, "association_heads", BOUNDARIES)),
        parenthesis_not_name=tuple(require(bounds, "parenthesis_not_name", BOUNDARIES)),
        max_trailing_parenthesis_chars=int(require(bounds, "max_trailing_parenthesis_chars", BOUNDARIES)),
        automaton=automaton_of(("head", frozenset(heads)), ("pattern", frozenset(require(industry, "pattern_words",
                                                                                         INDUSTRY))),
                               ("known", frozenset(known))),
        rule_ids=frozenset(require(load_yaml(RULES), "rules", RULES)),
    )


def jieba_dictionary() -> dict[str, str]:
    """word -> frequency (as written) of jieba's own dictionary file, read once per process with
    the tags (pipeline/extract/orgs/pos.py)."""
    return dictionary_entries()[0]


def word_freq(word: str) -> int:
    """How often jieba's dictionary counts the word (0 for a word it does not know)."""
    return int(jieba_dictionary().get(word, 0))


# -- candidates ----------------------------------------------------------------------------
@dataclass
class OrgCandidate:
    start: int  # view offsets
    end: int
    rule: str
    type: str
    canonical: str = ""
    head: Head | None = None
    head_start: int = 0
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return "org.suffix" if self.rule.startswith("org.suffix") else self.rule


def is_place(word: str) -> bool:
    """A name of the gazetteer written in full (合川区, 重庆市) or as a short form."""
    return word in gazetteer().entries


def is_numeral(token: str) -> bool:
    return bool(NUMERAL.match(token))


def is_name_text(token: str) -> bool:
    return NAME_TEXT.fullmatch(token) is not None


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def is_boundary_token(token: str, rules: OrgRules) -> bool:
    """What may stand right before a name: nothing, punctuation, a number, a stop word."""
    if not token or not is_name_text(token):
        return True
    if len(token) == 2 and token[0] in rules.demonstratives:
        return not is_proper_place(token)  # 该县, 我市, 全区
    return (token in rules.stop_tokens or is_numeral(token)) and not is_proper_place(token)


def is_proper_place(token: str) -> bool:
    """A place name that is not also an ordinary word (于都 is, 新建 is not)."""
    return is_place(token) and token not in place_rules().common_word_shorts


def token_text(view: TextView, span: tuple[int, int]) -> str:
    return view.text[span[0]:span[1]]


def previous_token(view: TextView, pos: int) -> tuple[int, int] | None:
    span = view.token_at(pos - 1)
    return span if span and span[1] == pos else None


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def stop_prefix(token: str, rules: OrgRules) -> int:
    """Length of the stop words jieba glued to an unknown name (以海辰 -> 1); a token made only of
    them (已获) has its whole length. A name that merely starts like a stop word keeps it
    (同辉, 台铃: what would remain is one character; 于都 is a place)."""
    if len(token) < 2 or word_freq(token) or is_proper_place(token):
        return 0
    n = 0
    while n < len(token) and token[n] in rules.stop_tokens:
        n += 1
    return n if n == len(token) or len(token) - n >= 2 else 0


def starts_word(view: TextView, pos: int, rules: OrgRules) -> bool:
    """pos starts a token, or follows a stop word glued to the token (以|海辰储能)."""
    if pos in view.starts:
        return True
    span = view.token_at(pos)
    return bool(span) and 0 < pos - span[0] == stop_prefix(token_text(view, span), rules)


# -- full names by their heads ---------------------------------------------------------------
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
        start = expand_left(view, head_start, end, rules, head.kind == "legal", place_ends)
        start = trim_leading(view, start, head_start, end, rules)
        if text in rules.association_heads:
            start = with_national_prefix(view, start, rules)
        if start < head_start:
            found.append(OrgCandidate(start, end, f"org.suffix.{head.type}", head.type, head=head,
                                      head_start=head_start))
    return found


def with_national_prefix(view: TextView, start: int, rules: OrgRules) -> int:
    """全国|城市工业品贸易中心联合会: a national association's name opens with 全国, which the walk
    left stops at elsewhere (全国|规上工业企业)."""
    span = previous_token(view, start)
    return span[0] if span and token_text(view, span) in rules.national_prefixes else start


def split_run_after_place(view: TextView, span: tuple[int, int], rules: OrgRules) -> int | None:
    """安徽省|外|经|建设集团: jieba split an unknown word into single characters that are stop words
    alone (外, 经). A run of two or more single-character tokens, none a preposition, conjunction,
    pronoun, adverb or particle, right after a place, belongs to the name: the place's start, or None."""
    pos, run = span[1], []
    while True:
        prev = previous_token(view, pos)
        if prev is None or prev[1] - prev[0] != 1 or not is_cjk(view.text[prev[0]]):
            break
        run.append(token_text(view, prev))
        pos = prev[0]
    if len(run) < 2 or any(dictionary_tags().get(c) in rules.single_char_tags for c in run):
        return None  # 在|这, 与, 已: prepositions, pronouns, conjunctions, adverbs end the name
    place = previous_token(view, pos)
    return place[0] if place and is_proper_place(token_text(view, place)) else None


def ends_name(view: TextView, end: int, rules: OrgRules) -> bool:
    """A name may end here: at a token end, or before a title or particle jieba glued on (发改局|局长,
    自然资源局|等)."""
    if end in view.ends:
        return True
    token = view.token_at(end)
    rest = view.text[end:token[1]] if token is not None else ""
    return rest in rules.role_words or rest in rules.trailing_particles


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
    place_ends = place_ends or {}
    while pos > 0:
        if pos in place_ends and end - place_ends[pos] <= rules.max_name_chars:  # 于|都 is one place
            pos = place_ends[pos]
            continue
        span = previous_token(view, pos)
        if span is None:
            break
        text = token_text(view, span)
        if text and text[-1] in CLOSE_PARENS:
            opened = parenthesised_place_start(view, span[1])
            if opened is None:
                break
            pos = opened
            continue
        if end - span[0] > rules.max_name_chars:
            break
        if text in rules.date_words and is_numeral(token_text(view, previous_token(view, span[0]) or (0, 0))):
            break  # 12月20日|赛迪顾问…: a date before the name
        if text in rules.inner_conjunctions or text in rules.joining_conjunctions:
            outer = previous_token(view, span[0])
            if crossed or not outer or is_boundary_token(token_text(view, outer), rules):
                break
            right = right_part_kind(view, span[1], head_start, rules)
            if right == "name" or right == "unsure" and not joins_one_name(view, span[0], text, rules):
                break
            crossed = True
            pos = span[0]
            continue
        if is_boundary_token(text, rules) and not split_name_char(view, span, rules):
            place_start = split_run_after_place(view, span, rules) if span[1] - span[0] == 1 else None
            if place_start is None or end - place_start > rules.max_name_chars:
                break
            pos = place_start
            break
        if view.text[head_start:end] in rules.peer_heads and text.endswith((*rules.parent_heads, *rules.peer_heads)):
            break  # 县委|县政府|县人大|县政协: bodies side by side, none of them part of the next
        if not legal and pos == head_token_start and ends_with_head(text, rules) and (not text.endswith(
                rules.parent_heads) or view.text[head_start:end] in rules.peer_heads):  # 江津区委|组织部 is one
            break  # body, 市委|市政府 two
        glued = stop_prefix(text, rules)
        if glued:
            pos = span[0] + glued if glued < len(text) else pos
            break
        pos = span[0]
    return pos


def trim_leading(view: TextView, start: int, head_start: int, end: int, rules: OrgRules) -> int:
    """The name's start once the tokens that never open a name are cut off its left edge: a verb,
    preposition, adverb or time word (签订|温州理工学院…, 年度|湖北省…), and a person's name
    before such a verb (李博|签订|…). Enough of the name must remain (min_chars_after_trim)."""
    pos = start
    while pos < head_start:
        span = view.token_at(pos)
        if span is None or span[0] != pos or span[1] > head_start:
            break
        token = token_text(view, span)
        after = span[1]
        if token in rules.result_complements and after_verb(view, pos, rules):
            pass  # 用|好|国际…研究院: the complement goes with the verb before it
        elif is_verb(token) and complement_at(view, after, rules):
            after = view.token_at(after)[1]  # 建|好|国际…研究院: a verb phrase, whatever its length
        elif len(token) > 1 and token[-1] in rules.result_complements and is_verb(token[:-1]):
            pass  # 建好|国际…研究院: jieba glued the complement to its verb
        elif is_person(token) or token in rules.generic_names:  # 李博|签订…, 公司|属…
            nxt = view.token_at(span[1])
            if not nxt or nxt[0] != span[1] or nxt[1] > head_start or not is_verb(token_text(view, nxt)):
                break
            after = nxt[1]
        elif not never_starts_name(token, rules.single_char_tags if len(token) == 1 else rules.leading_tags
                                   ) or is_proper_place(token):
            break
        elif is_verb(token) and not opens_proper_name(view, after, head_start):
            break  # 创新|疫苗…实验室: a verb before common words may be the name's own first word
        if end - after < rules.min_chars_after_trim:
            break
        pos = after
    return pos


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
    if is_place(token) or tag_of(token) in ("ns", "nt", "nz", "nr", "j") or not word_freq(token):
        return True
    return bool(known_prefixes(view, pos, org_rules()))


def split_name_char(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """晟|和: a one-character stop word after a rare single character is the second half of a
    name jieba could not keep whole (湖南晟和新材料有限公司)."""
    if span[1] - span[0] != 1:
        return False
    before = previous_token(view, span[0])
    if before is None or before[1] - before[0] != 1:
        return False
    char = token_text(view, before)
    return is_cjk(char) and char not in rules.stop_tokens and word_freq(char) <= rules.orphan_char_max_freq


def ends_with_head(token: str, rules: OrgRules) -> bool:
    """科学院 before 实验室: the lab belongs to an organization already named (not 中科院 before 所)."""
    return token not in rules.cas_prefixes and any(token[-n:] in rules.heads for n in range(2, min(len(token), 9) + 1))


def parenthesised_place_start(view: TextView, close_end: int) -> int | None:
    """Start of '(重庆)' ending at close_end, when what it holds is a place name."""
    window = view.text[max(0, close_end - 10):close_end - 1]
    for i in range(len(window) - 1, -1, -1):
        if window[i] in OPEN_PARENS:
            inner = window[i + 1:]
            ok = is_place(inner) or inner in org_rules().parenthesised_countries
            return close_end - 1 - len(window) + i if ok else None
    return None


def right_part_kind(view: TextView, pos: int, head_start: int, rules: OrgRules) -> str:
    """What the words between a conjunction and the head are: 'name' when they open a name of their
    own (企业与|北京工业大学, …与|重庆应用技术职业学院: a place or a known name), 'generic' when they
    are ordinary words that need the words before the conjunction (…现代农业与|休闲产业发展研究院,
    …科学与|工程学院), else 'unsure'."""
    if pos >= head_start:
        return "generic"
    span = view.token_at(pos)
    first = view.text[pos:span[1]] if span else view.text[pos:pos + 1]
    if is_place(first) or any(view.text.startswith(k, pos) for k in known_prefixes(view, pos, rules)):
        return "name"
    pieces, p = [], pos
    while p < head_start:
        span = view.token_at(p)
        stop = min(span[1], head_start) if span else p + 1
        pieces.append(view.text[p:stop])
        p = stop
    common = all(is_cjk(c) for c in "".join(pieces)) and all(
        word_freq(x) >= rules.max_piece_word_freq and not is_place(x) for x in pieces)
    return "generic" if common else "unsure"


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


def joins_one_name(view: TextView, conj_start: int, conj: str, rules: OrgRules) -> bool:
    """Whether the conjunction at conj_start joins two nouns of one name: the words before it do
    not end an organization of their own (see boundaries.yaml)."""
    before = view.text[max(0, conj_start - 12):conj_start]
    if not before or not is_cjk(before[-1]) or any(before.endswith(h) for h in rules.heads):
        return False
    if conj in rules.inner_conjunctions:
        return True
    if any(h in before for h in rules.heads if len(h) > 1) or before.endswith("中心"):
        return False
    if any(before.endswith(w) for w in rules.industry_words):
        return False
    return not any(is_place(before[-n:]) for n in range(2, 7))


def descriptor_parts(view: TextView, start: int, head_start: int) -> list[str]:
    """The tokens of a name before its head, places merged with a following 区/县/市/省."""
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
    return [p for p in parts if p.strip()]


def descriptor_is_name(cand: OrgCandidate, view: TextView, rules: OrgRules, places: set[str]) -> bool:
    """Whether the words before the head make a proper name for this kind of head. `places` are
    the place names the places extractor accepted in this document."""
    head = cand.head
    assert head is not None
    parts = descriptor_parts(view, cand.start, cand.head_start)
    text = "".join(parts)
    if not parts or cand_text(view, cand) in rules.generic_names:
        return False
    if composed_of(text, rules.category_words):
        return False  # 双一流大学, 上市公司: a kind, not a name
    if head.kind == "cas":
        return text.startswith(rules.cas_prefixes)
    in_places = [p for p in parts if p in places or is_full_place_name(p)]
    rest = [p for p in parts if p not in in_places and not composed_of(p, rules.category_words)]
    proper = [p for p in rest if not composed_of(p, rules.domain_or_category_words)]
    if head.kind == "legal" and all(p in in_places or composed_of(p, rules.industry_words | rules.category_words)
                                    for p in parts):
        return False  # 新材料有限公司: no name before the legal form
    if head.kind == "agency":
        return bool(in_places) or parts[-1] in ("区", "市", "县", "省", "国家", "中央") or text.endswith(
            ("区委", "市委", "县委", "省委", "党委", "国家"))
    if proper:
        return len(text) >= 2
    if rest:  # only domain words: a name after a place (重庆高新技术产业研究院)
        return bool(in_places)
    if not in_places or not head.place_only:
        return False
    # a place alone: 重庆大学 and 潼南区融媒体中心, but not 重庆市大学 (a university takes the short form)
    return head.type != "university" or not in_places[-1].endswith(("市", "省"))


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


def cand_text(view: TextView, cand: OrgCandidate) -> str:
    return view.text[cand.start:cand.end]


# -- short names -----------------------------------------------------------------------------
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
        glued = stop_prefix(piece, rules)
        if glued and end - span[0] - glued <= max_chars:
            return span[0] + glued
        if end - span[0] > max_chars or not is_proper_piece(piece, rules):
            break
        pos = span[0]
    return pos


def stem_is_proper(stem: str, rules: OrgRules) -> bool:
    if len(stem) < rules.min_stem_chars or stem in rules.generic_terms or is_place(stem):
        return False
    if stem.startswith(rules.generic_prefixes) or ends_with_common_verb(stem, rules):
        return False
    return word_freq(stem) < rules.max_stem_word_freq


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
        if end not in view.ends or view.token_after(end) in rules.field_followers:
            continue
        stem_start = proper_stem_start(view, word_start, rules)
        if not stem_is_proper(view.text[stem_start:word_start], rules):
            continue
        if view.text.endswith(rules.legal_forms, 0, word_start):
            continue  # 安徽海螺集团|控股的: the name ended with its legal form
        start = with_place_prefix(view, stem_start, rules)
        if start is not None:
            found.append(OrgCandidate(start, end, "org.short_name.pattern", "company"))
    return found


def list_short_names(view: TextView, rules: OrgRules) -> list[OrgCandidate]:
    """Items of company lists: 'A、B、C等…企业' and '企业包括A、B、C'."""
    found = []
    for start in occurrences(view.text, "等"):
        tail = view.text[start + 1:start + 1 + rules.max_gap_chars + 6]
        cue = closing_cue(tail, rules)
        if cue is None:
            continue
        items = items_before(view, start, rules)
        found += accept_items(view, items, cue in rules.weak_cues, rules)
    for match in rules.count_closing_pattern.finditer(view.text):
        if "、" in view.text[max(0, match.start() - 3 * rules.max_item_chars):match.start()]:
            found += accept_items(view, items_before(view, match.start(), rules), False, rules)
    for cue in rules.opening_cues:
        for start in occurrences(view.text, cue):
            items = items_after(view, start + len(cue), rules)
            found += accept_items(view, items, False, rules)
    return found


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where word occurs in text, left to right and not overlapping (re.finditer of the word
    without building a pattern per word)."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + max(len(word), 1))


def closing_cue(tail: str, rules: OrgRules) -> str | None:
    """The cue noun within reach after 等 (等200多家相关企业 -> 企业), if no clause ends first."""
    match = rules.closing_cue_pattern.match(tail)
    if match is None or any(w in tail[:match.start("cue")] for w in rules.gap_stop_words):
        return None
    return match.group("cue")


def items_before(view: TextView, pos: int, rules: OrgRules) -> list[tuple[int, int]]:
    """The 、-separated items that end at pos, the first one cut at its last stop word."""
    clause_start = max(view.text.rfind(c, 0, pos) for c in ITEM_LIST_END) + 1  # 0 when none
    spans, end = [], pos
    for part in reversed(view.text[clause_start:pos].split("、")):
        start = end - len(part)
        spans.append((start, end))
        end = start - 1
    spans.reverse()
    if spans:
        spans[0] = (first_item_start(view, *spans[0], rules), spans[0][1])
        spans[-1:] = split_last_pair(view, *spans[-1], rules)
    return spans


def items_after(view: TextView, pos: int, rules: OrgRules) -> list[tuple[int, int]]:
    found = [i for c in (*ITEM_LIST_END, "等") if (i := view.text.find(c, pos)) >= 0]
    end = min(found, default=len(view.text))
    spans, start = [], pos
    for part in view.text[pos:end].split("、"):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    if spans:
        spans[-1:] = split_last_pair(view, *spans[-1], rules)
    return spans


def first_item_start(view: TextView, start: int, end: int, rules: OrgRules) -> int:
    """吸引集聚了中石化川维 -> 中石化川维: the item begins after its last stop word."""
    pos = start
    for span in view.spans_from(max(0, view.token_index(start))):
        if span[0] >= end:
            break
        text = token_text(view, span)
        if span[0] >= start and (is_boundary_token(text, rules) or never_starts_name(text, rules.leading_tags)
                                 ) and not is_numeral(text):  # 三一重工 is a name
            pos = span[1]
    return pos


def split_last_pair(view: TextView, start: int, end: int, rules: OrgRules) -> list[tuple[int, int]]:
    """'协友兴和伊洛美克': a last item joined by 和/与/及 as a token of its own is two items."""
    for span in view.spans_from(max(0, view.token_index(start))):
        if span[0] >= end:
            break
        if span[0] > start and token_text(view, span) in ("和", "与", "及"):
            return [(start, span[0]), (span[1], end)]
    return [(start, end)]


def accept_items(view: TextView, spans: list[tuple[int, int]], weak_cue: bool,
                 rules: OrgRules) -> list[OrgCandidate]:
    items = [strip_country(view, s, e, rules) for s, e in spans]
    items = [(s, e) for s, e in items if list_item_ok(view.text[s:e], rules) and s in view.starts
             and ends_name(view, e, rules)]  # 江南|信安等: 等 glued to the last item
    if len(items) < 2 and len(spans) >= 2 or not items:
        return []
    if weak_cue and sum(ends_with_industry(view.text[s:e], rules) for s, e in items) * 2 < len(items):
        return []
    return [OrgCandidate(s, e, "org.short_name.list", "company") for s, e in items]


def strip_country(view: TextView, start: int, end: int, rules: OrgRules) -> tuple[int, int]:
    for country in rules.countries:
        if view.text.startswith(country, start) and end - start - len(country) >= 2:
            return start + len(country), end
    return start, end


def list_item_ok(item: str, rules: OrgRules) -> bool:
    if not 2 <= len(item) <= rules.max_item_chars or not all(is_cjk(c) for c in item):
        return False
    if item in rules.generic_names or item in rules.generic_terms or is_place(item):
        return False
    if composed_of(item, rules.domain_or_category_words):
        return False  # 数字经济、智能制造等重点项目: fields, no companies
    if item.endswith(("技术", "产业", "领域", "项目", "平台", "专项", "基地", "中心", "行业", "企业", "园区")):
        return False
    return word_freq(item) < rules.max_piece_word_freq


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
        if end not in view.ends or not known_start_ok(view, start, rules):
            continue
        # 中国电子|重庆…示范基地: a place right after opens a longer name; the known name still
        # signals a company for the parks and branches named with it, but is no mention alone
        inside = type_ == "company" and is_proper_place(view.token_after(end))
        found.append(OrgCandidate(start, end, rule, type_, canonical=full, extras={"inside_name": inside}))
    return found


def known_start_ok(view: TextView, start: int, rules: OrgRules) -> bool:
    """A known name starts at a token start after a boundary or an ordinary word (配套|京东方,
    日经|国务院), not after a place or a proper piece that would make it part of a longer name."""
    if with_place_prefix(view, start, rules) == start:
        return True
    if start not in view.starts:
        return False
    span = previous_token(view, start)
    before = token_text(view, span) if span else ""
    return bool(before) and word_freq(before) > 0 and not is_place(before) and not is_proper_piece(before, rules)


def photo_credits(view: TextView) -> list[OrgCandidate]:
    """雷键摄(中经视觉): the agency in a photo credit is a media organization."""
    found = []
    for match in media_rules().photo_credit.finditer(view.text):
        group = "agency" if match.group("agency") else "supplier"
        found.append(OrgCandidate(match.start(group), match.end(group), "org.media.credit", "other"))
    return found


# -- aliases -------------------------------------------------------------------------------
def aliases_of(name: str, rules: OrgRules) -> set[str]:
    """Short forms of a company's full name: 重庆海辰储能科技有限公司 -> 海辰储能科技, 海辰储能, 海辰,
    and with the place: 重庆海辰储能."""
    core = name
    for form in rules.legal_forms:
        if core.endswith(form):
            core = core[: -len(form)]
            break
    core = re.sub(r"[(（][^()（）]{2,8}[)）]", "", core)
    place = next((core[:n] for n in range(min(8, len(core) - 2), 1, -1) if is_place(core[:n])), "")
    stem = core[len(place):]
    variants = []
    while stem:
        variants.append(stem)
        stem = drop_last_word(stem, rules)
    if variants and variants[-1].endswith(rules.place_like_endings):
        return set()  # 国际生物城(开发投资): the stem names a park, not the company
    out = set()
    for v in variants:
        if alias_ok(v, rules):
            out.add(v)
            if place:
                out.add(place + v)
    out.discard(name)
    return out


def drop_last_word(stem: str, rules: OrgRules) -> str:
    """海辰储能科技 -> 海辰储能: the stem without its last industry word or head."""
    for n in range(min(len(stem) - 1, 9), 0, -1):
        if stem[-n:] in rules.industry_words or stem[-n:] in rules.heads:
            return stem[:-n]
    return ""


def alias_ok(alias: str, rules: OrgRules) -> bool:
    if len(alias) < rules.min_stem_chars or alias.endswith(rules.place_like_endings):
        return False
    if is_place(alias) or alias in rules.generic_names or alias in rules.generic_terms:
        return False
    return word_freq(alias) < rules.max_stem_word_freq


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def short_name_stem(name: str, rules: OrgRules) -> str:
    """爱玛车业 -> 爱玛: a short name without its industry word, when that is still a name."""
    stem = drop_last_word(name, rules)
    return stem if stem and alias_ok(stem, rules) and stem_is_proper(stem, rules) else ""


def alias_candidates(view: TextView, aliases: dict[str, str], rules: OrgRules) -> list[OrgCandidate]:
    found = []
    for alias, canonical in aliases.items():
        for start in occurrences(view.text, alias):
            end = start + len(alias)
            if end in view.ends and with_place_prefix(view, start, rules) == start:
                found.append(OrgCandidate(start, end, "org.alias", "company", canonical=canonical))
    return found


# -- putting it together ---------------------------------------------------------------------
def company_signal(view: TextView, start: int, end: int, companies: list[OrgCandidate], anywhere: bool) -> bool:
    """A company name inside [start, end): at its start (a branch, a park's operator) or anywhere."""
    return any(c.start >= start and c.end <= end and (anywhere or c.start == start) for c in companies)


def title_spans(text: str) -> list[tuple[int, int]]:
    """Contents of short quoted titles (“平伟智能制造卓越人才实验班”), not of quoted speech."""
    spans = []
    for match in OPENING_QUOTE.finditer(text):
        i = match.start()
        j = text.find(TITLE_QUOTES[match.group()], i + 1, i + 32)
        if j > i + 1 and not any(c in "，。；！？" for c in text[i + 1:j]):
            spans.append((i + 1, j))
    return spans


def inside_title(cand: OrgCandidate, titles: list[tuple[int, int]]) -> bool:
    """Strictly inside a quoted title: 平伟 of “平伟智能制造卓越人才实验班” is no mention of 平伟汽车."""
    i = bisect_right(titles, (cand.start, len(titles) and 1 << 62)) - 1
    if i < 0:
        return False
    start, end = titles[i]
    return start <= cand.start and cand.end <= end and (start, end) != (cand.start, cand.end)


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


def extend_with_park(view: TextView, cand: OrgCandidate) -> OrgCandidate:
    """重庆能源职业学院科技园: an institution's park is named with it."""
    for word in ("科技园", "产业园"):
        if view.text.startswith(word, cand.end) and cand.end + len(word) in view.ends:
            return OrgCandidate(cand.start, cand.end + len(word), "org.suffix.other", "other")
    return cand


def extend_with_parenthesis(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """北航重庆创新中心(低空电磁安全), 温州理工学院(温州大学瓯江学院): a parenthesis right after an
    institution's name that holds words only (no number, no 以下简称 or byline) is part of the name."""
    if cand.type == "company" or view.text[cand.end:cand.end + 1] not in OPEN_PARENS:
        return cand
    close = min((i for c in CLOSE_PARENS if (i := view.text.find(c, cand.end + 1,
                cand.end + 2 + rules.max_trailing_parenthesis_chars)) > 0), default=-1)
    inner = view.text[cand.end + 1:close]
    if close < 0 or not inner or not is_name_text(inner) or inner.startswith(rules.parenthesis_not_name):
        return cand
    return OrgCandidate(cand.start, close + 1, cand.rule, cand.type, cand.canonical, cand.head, cand.head_start,
                        cand.extras)


def find_organizations(doc: Analysis, model: str = "") -> list[Hit]:
    """Organizations named in the document's text, in repaired-text coordinates. model="lac" adds the
    statistical candidate source (pipeline/extract/orgs/model.py) where the rules found nothing."""
    rules = org_rules()
    view = text_view(doc)
    places, place_ends = accepted_places(doc, view)
    named, deferred = [], []
    for cand in head_candidates(view, rules, place_ends):
        if cand.head.kind in ("weak", "subunit", "park"):
            deferred.append(cand)
        elif descriptor_is_name(cand, view, rules, places):
            named.append(extend_with_parenthesis(view, extend_with_park(view, cand), rules))
    shorts = pattern_short_names(view, rules) + list_short_names(view, rules) + known_short_names(view, rules)
    aliases: dict[str, str] = {}
    for cand in sorted(named, key=lambda c: c.start - c.end):  # the longest full name gives an alias
        if cand.type == "company" and cand.head.kind == "legal":
            full = cand_text(view, cand)
            aliases.update({a: full for a in aliases_of(full, rules) if a not in aliases})
    for cand in shorts:
        if cand.rule != "org.known":
            stem = short_name_stem(cand_text(view, cand), rules)
            if stem and stem not in aliases:
                aliases[stem] = cand_text(view, cand)
    companies = shorts + alias_candidates(view, aliases, rules)
    for cand in deferred:
        if company_signal(view, cand.start, cand.head_start, companies, cand.head.kind == "weak"):
            named.append(cand)
    titles = title_spans(view.text)
    others = photo_credits(view) + government_candidates(doc, view, rules) + media_candidates(doc, view)
    companies = [c for c in companies  # short names and aliases only: a known name is one anywhere
                 if c.rule not in ("org.alias", "org.short_name.pattern") or not opens_project_name(view, c.end, rules)]
    chosen = non_overlapping(named + companies + others)
    chosen = sorted(chosen + listed_between(view, chosen, rules), key=lambda c: c.start)
    kept = [c for c in chosen if not inside_title(c, titles) and not c.extras.get("inside_name")]
    if model:  # the model fills gaps only: where no rule candidate, kept or set aside, stands
        kept = sorted(kept + gaps_only(model_candidates(doc, view, rules), chosen), key=lambda c: c.start)
    counties = county_places(doc, view)
    return [org_hit(view, with_district(university_unit(view, c, rules), counties), rules) for c in kept]


def listed_between(view: TextView, chosen: list[OrgCandidate], rules: OrgRules) -> list[OrgCandidate]:
    """An item of a 、-list between two organizations is one too, though no rule knows its name
    (山东先进材料研究院、大龙网、山东飞尔康有限公司): a short name of the list's kind, a company."""
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
            found.append(OrgCandidate(start, end, "org.short_name.list", "company"))
    return found


def university_unit(view: TextView, cand: OrgCandidate, rules: OrgRules) -> OrgCandidate:
    """吉林大学动物科学院: a 学院 whose name opens with a university's is a school of it (its
    研究院 or 实验室 stays research: 温州理工学院泰顺生态产业研究院)."""
    if cand.type != "research" or cand.head is None or not cand.head.text.endswith("学院"):
        return cand
    for name in known_prefixes(view, cand.start, rules):
        if len(name) < cand.end - cand.start and rules.known[name][0] == "university":
            cand.type = "university"
            break
    return cand


def opens_project_name(view: TextView, end: int, rules: OrgRules) -> bool:
    """The words after a short name run, without punctuation or stop words, to a project's or base's
    head with a product between (欣冠精密|结构件生产基地): the short name is part of that name. Right
    before the head alone (海辰储能|项目) it still names the company."""
    window = view.text[end:end + rules.max_project_chars + 4]
    if not any(h in window for h in rules.project_heads):
        return False
    pos = end
    while pos - end <= rules.max_project_chars:
        span = view.token_at(pos)
        if span is None or span[0] != pos:
            return False
        token = token_text(view, span)
        if not is_name_text(token) or token in rules.stop_tokens:
            return False
        pos = span[1]
        words = view.text[end:pos]
        if any(words.endswith(h) and len(words) > len(h) for h in rules.project_heads):
            return True
    return False


def county_places(doc: Analysis, view: TextView) -> list[tuple[int, int, Hit]]:
    """(start, end) in the view and hit of every county-level place the places component accepted."""
    found = []
    for hit in doc.found("places"):
        if hit.get("level") in ("district", "county"):
            found.append((view.view_pos(hit.start), view.view_pos(hit.end), hit))
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
    for doc_start, doc_end in model_org_spans(doc.text):
        start, end = view.view_pos(doc_start), view.view_pos(doc_end)
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
    for hit in doc.found("places"):
        start, end = view.view_pos(hit.start), view.view_pos(hit.end)
        if start < end:
            places_by_end[end] = (start, hit)

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
        if any(h in view.text[body.start:body.end] for h in ("大学", "学院")):  # 浙江农林大学社会合作处
            found.append(OrgCandidate(body.start, body.end, "org.suffix.university", "university"))
            continue
        found.append(OrgCandidate(body.start, body.end, "org.government.pattern", "government", extras=extras))
    return found


def media_candidates(doc: Analysis, view: TextView) -> list[OrgCandidate]:
    """Sources and bylines: 来源：浙江在线, 房县新闻网讯 (pipeline/extract/orgs/media.py). Found in
    the document's text, whose line breaks the view drops."""
    found = []
    for start, end, rule in media_names(doc.text, is_place):
        v_start, v_end = view.view_pos(start), view.view_pos(end)
        v_start = after_glued_byline_words(view, v_start, v_end)
        if v_start < v_end:
            found.append(OrgCandidate(v_start, v_end, rule, "other"))
    return found


def after_glued_byline_words(view: TextView, start: int, end: int) -> int:
    """作者: 武永倩大众网·海报新闻…: an author's name glued before a known media name (a lost line
    break) is cut off; a brand joined to its group (新重庆-重庆日报) is kept."""
    for pos in range(start + 1, min(end, start + 5)):
        if known_prefixes(view, pos, org_rules()) and is_name_text(view.text[start:pos]) and \
                view.text[start:pos] not in org_rules().known:
            return pos
    return start


def accepted_places(doc: Analysis, view: TextView) -> tuple[set[str], dict[int, int]]:
    """The places the places component accepted (金凤 of 金凤实验室 is none): their surfaces, and
    their spans in the view as end -> start."""
    names, ends = set(), {}
    for hit in doc.found("places"):
        start, end = view.view_pos(hit.start), view.view_pos(hit.end)
        if start < end:
            names.add(view.text[start:end])
            ends[end] = start
    return names, ends


def org_hit(view: TextView, cand: OrgCandidate, rules: OrgRules) -> Hit:
    surface = cand_text(view, cand)
    rule = cand.rule if cand.rule in rules.rule_ids else "org.suffix.other"
    start, end = view.doc_span(cand.start, cand.end)
    known = rules.known.get(surface)  # a full name of the knowledge data (中科院 by its head): its canonical
    fields = {"canonical": cand.canonical or (known[1] if known else surface), "type": cand.type}
    if cand.type == "government":
        fields.update(district=cand.extras.get("district"), adcode=cand.extras.get("adcode"))
    return Hit(start, end, rule, fields)
