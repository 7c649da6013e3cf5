"""Aliases: the short forms of a company's full name given in the same document
(重庆海辰储能科技有限公司 -> 海辰储能)."""

from __future__ import annotations

import re
from functools import lru_cache

from zhfacts.extract.orgs.candidates import OrgCandidate, is_place
from zhfacts.extract.orgs.pos import tag_of
from zhfacts.extract.orgs.rules import TOKEN_CACHE_SIZE, OrgRules, word_freq
from zhfacts.extract.orgs.short_names import occurrences, stem_is_proper, with_place_prefix
from zhfacts.nlp.text_view import TextView


def aliases_of(name: str, rules: OrgRules) -> set[str]:
    """Short forms of a company's full name: 重庆海辰储能科技有限公司 -> 海辰储能科技, 海辰储能, 海辰,
    and with the place: 重庆海辰储能."""
    return set(cached_aliases(name, rules))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def cached_aliases(name: str, rules: OrgRules) -> frozenset[str]:
    """aliases_of, once per name and rules (documents name the same companies again and again)."""
    core = name
    for form in rules.legal_forms:
        if core.endswith(form):
            core = core[: -len(form)]
            break
    core = re.sub(r"[(（][^()（）]{2,8}[)）]", "", core)
    out = set()
    for place in place_prefixes(core):
        out |= stem_aliases(core, place, rules)
    out.discard(name)
    return frozenset(out)


def place_prefixes(core: str) -> list[str]:
    """The first place the name opens with, and all of them (广东|佛山|…), longest first at each step;
    both kept, since a trade name may open like a place (湖南|盐津铺子: 盐津 is a county too)."""
    prefixes, place = [], ""
    while more := next((n for n in range(min(8, len(core) - len(place) - 2), 1, -1)
                        if is_place(core[len(place):len(place) + n])), 0):
        place = core[:len(place) + more]
        prefixes.append(place)
    return list(dict.fromkeys((prefixes[0], prefixes[-1]))) if prefixes else [""]


def stem_aliases(core: str, place: str, rules: OrgRules) -> set[str]:
    stem = core[len(place):]
    variants = []
    while stem:
        variants.append(stem)
        stem = drop_last_word(stem, rules)
    if variants and variants[-1].endswith(rules.place_like_endings):
        return set()  # 国际生物城(开发投资): the stem names a park, not the company
    out = set()
    for v in variants + trade_name_prefixes(core[len(place):], variants, rules):
        if alias_ok(v, rules):
            out.add(v)
            if place:
                out.add(place + v)
    return out


def trade_name_prefixes(stem: str, variants: list[str], rules: OrgRules) -> list[str]:
    """宝马兴庆特种合金 -> 宝马兴庆特种, 宝马兴庆: where no industry word of ours ends the stem (特种合金),
    the trade name is one of its openings of at least min_trade_name_prefix_chars (a shorter one is a
    product's brand as often: 沁州黄|小米), two characters or more of business after it; only an opening
    the document writes again at a token's end names the company (alias_candidates)."""
    if len(variants) > 1:
        return []  # an industry word was dropped: the trade name is known
    return [stem[:n] for n in range(len(stem) - 2, rules.min_trade_name_prefix_chars - 1, -1)
            if stem_is_proper(stem[:n], rules) and trade_name_opening(stem[:n], rules)]


def trade_name_opening(opening: str, rules: OrgRules) -> bool:
    """The opening reads as a trade name, not a place the company is named after (天府国际机场, 东坡故里)
    nor a phrase ending with a common word (东郊记忆, 临港经济)."""
    ending = opening[-2:]
    return not is_place(opening) and not opening.endswith(rules.place_like_endings) and not (
        word_freq(ending) >= rules.max_piece_word_freq and tag_of(ending) not in rules.proper_tags)


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
