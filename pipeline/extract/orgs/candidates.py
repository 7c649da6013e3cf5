"""A candidate organization name (OrgCandidate) and where names may start and end on the
text view's tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from zhfacts.extract.orgs.government import government_rules
from zhfacts.extract.orgs.pos import dictionary_tags, tag_of
from zhfacts.extract.orgs.rules import NAME_TEXT, NUMERAL, TOKEN_CACHE_SIZE, Head, OrgRules, word_freq
from zhfacts.extract.places import gazetteer, place_rules
from zhfacts.nlp.text_view import TextView


@dataclass
class OrgCandidate:
    start: int  # offsets in the document text
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
    if len(token) == 2 and (token[0] in rules.demonstratives or token[0] in rules.residence_prefixes and token[
            1] in government_rules().level_chars):
        return not is_proper_place(token)  # 该县, 我市, 全区, 驻区
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
    (同辉, 台铃: what would remain is one character; 于都 is a place), unless that character is a
    level standing for the document's place (由|县人民政府)."""
    if len(token) < 2 or word_freq(token) or is_proper_place(token) or token in government_rules().zone_endings:
        return 0  # 经开区 is a zone's word, not 经 + a name
    n = 0
    while n < len(token) and token[n] in rules.stop_tokens:
        n += 1
    return n if n == len(token) or len(token) - n >= 2 or token[n:] in government_rules().level_chars else 0


def glued_preposition(view: TextView, span: tuple[int, int], stop: int, rules: OrgRules) -> bool:
    """由动|科动|医学院, 以益|大新|材料: a two-character token unknown to jieba that opens with a
    preposition (boundaries.yaml glued_preposition_tags) is that preposition and the name's first
    character when more of the name follows before `stop` (its head or industry word) and that opens
    with no industry or field word: 与|同辉|新|材料 keeps 同, the whole trade name is 同辉."""
    if span[1] - span[0] != 2 or span[1] >= stop or view.text[span[0]] not in rules.stop_tokens:
        return False  # asked of most tokens a walk crosses: the cheap tests first
    token = token_text(view, span)
    locative = token in rules.glued_locatives
    if word_freq(token) and not locative or tag_of(token[0]) not in rules.glued_preposition_tags:
        return False
    window = view.text[span[1]:span[1] + rules.glued_preposition_frame_chars]
    framed = any(word in window for word in rules.glued_preposition_frame_words)  # 以益|大新材料为…
    before = view.token_before(span[0])
    if locative and (not framed or before and tag_of(before) in rules.glued_locative_keeping_tags):
        return False  # a word of jieba's is the sentence's, but a direction word in the frame after no noun
        # (本文以南|邮…为例; not 长江以南|华东…为: the locative is the sentence's there)
    if not framed and (not before or not is_name_text(before) or tag_of(before) in rules.single_char_tags):
        return False  # 。同曦|康复医院, 与|同曦|康复医院: no preposition there, 同 is the name's
    following = view.text[span[1]:min(stop, span[1] + rules.longest_industry_word)]
    return bool(following) and not any(following[:n] in rules.industry_words or following[:n] in
                                       rules.domain_or_category_words for n in range(2, len(following) + 1))


def split_function_word(view: TextView, span: tuple[int, int], head_start: int, rules: OrgRules) -> bool:
    """其|中华|鑫公司: the stop word before a name and the first character of the name's first token
    make a common function word (其中, boundaries.yaml split_function_word_min_freq) that jieba cut
    apart; the name opens after that character when two characters or more are left before the head."""
    if head_start - span[1] < 3:
        return False
    word = token_text(view, span) + view.text[span[1]]
    if word_freq(word) < rules.split_function_word_min_freq or dictionary_tags().get(word) not in rules.leading_tags:
        return False  # most stops make no function word with the next character: asked first
    after = view.token_at(span[1])
    return after is not None and after[0] == span[1] and after[1] - after[0] >= 2 and not is_place(
        token_text(view, after))


def demonstrative_after_place(view: TextView, span: tuple[int, int], rules: OrgRules) -> bool:
    """陕西|本草|医药…: a token that opens like a demonstrative (本, 全) right after a proper place is a
    word of the name: a demonstrative never follows a place."""
    if span[1] - span[0] != 2 or view.text[span[0]] not in rules.demonstratives or token_text(
            view, span) in rules.stop_tokens:
        return False
    token = token_text(view, span)
    if dictionary_tags().get(token) in rules.single_char_tags or word_freq(token) >= rules.max_piece_word_freq:
        return False  # 江苏|各地, 湖北|该县 (r), 安徽|全体: a pronoun or a common word after a place
    before = previous_token(view, span[0])
    return before is not None and is_proper_place(token_text(view, before))


def starts_word(view: TextView, pos: int, rules: OrgRules) -> bool:
    """pos starts a token, or follows a stop word glued to the token (以|海辰储能, 以益|大新材料)."""
    if pos in view.starts:
        return True
    span = view.token_at(pos)
    return bool(span) and 0 < pos - span[0] == (stop_prefix(token_text(view, span), rules) or int(
        pos - span[0] == 1 and glued_preposition(view, span, len(view.text), rules)))


def date_unit_before(view: TextView, pos: int, rules: OrgRules) -> bool:
    """The token ending at pos is a date's unit after its number (9|月): it stands before a name, never in one."""
    span = previous_token(view, pos)
    if span is None or token_text(view, span) not in rules.date_words:
        return False
    number = previous_token(view, span[0])
    return number is not None and is_numeral(token_text(view, number))
