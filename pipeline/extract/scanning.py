"""Scanning a text with a rule pattern where Python's regex engine would try every position.

sre skips ahead in C to where a match can open only when a pattern opens with a literal or a
character class. A pattern that opens with a lookbehind ((?<![0-9.]) before a numeral), an
optional part ((?:截至)? before a date), a repeated class ([0-9]+届) or a choice of classes is
tried at every position of the text instead: on news text that is most of the cost of finding
numerals, dates and the exclusions. `Scanner.of(pattern)` reads the
parsed pattern once, with the standard library's own regex parser, for the characters a match
can open with, so that sre skips to them, and for characters every match holds one of (a text
without any of them has no match). `Scanner.finditer(text)` gives exactly the matches of
`pattern.finditer(text)` (tests/test_scanning.py checks it on every rule pattern); for any
pattern it does not understand, and should the parser's private module ever change, it is
`pattern.finditer` itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

try:  # private modules of the standard library (3.11+): without them a Scanner is plain finditer
    from re import _parser as sre_parse
    from re._constants import (
        ASSERT,
        ASSERT_NOT,
        AT,
        ATOMIC_GROUP,
        BRANCH,
        CATEGORY,
        CATEGORY_SPACE,
        IN,
        LITERAL,
        MAX_REPEAT,
        MAXREPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        RANGE,
        SUBPATTERN,
    )

    _ZERO_WIDTH = (ASSERT, ASSERT_NOT, AT)
    _REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)
except ImportError:  # pragma: no cover - a Python whose re internals moved
    sre_parse = None
Ranges = list[tuple[int, int]]  # code point ranges, first and last included
# what \s matches in a str pattern: the characters str.isspace() holds, all below U+3001
# (tests/test_scanning.py checks the whole of Unicode)
_WHITESPACE: Ranges = [(c, c) for c in range(0x3001) if chr(c).isspace()]
Opening = tuple[Ranges, bool]  # what a match opens with; whether it can be empty


@dataclass(frozen=True)
class Scanner:
    """A pattern whose `finditer` skips ahead where sre would try every position.

    Built once per pattern: `needed` holds characters of which every match holds one (a text
    without any of them is not scanned), and for a pattern sre would try at every position (see
    above) that never matches the empty string, `opening` finds a character a match can open
    with (not after one that the pattern's opening lookbehind excludes, as in (?<![0-9.])).
    Where they are None, `finditer` is the pattern's own."""

    pattern: re.Pattern[str]
    needed: re.Pattern[str] | None = None
    opening: re.Pattern[str] | None = None

    @staticmethod
    def of(pattern: re.Pattern[str]) -> Scanner:
        if sre_parse is None or pattern.flags != re.UNICODE:
            return Scanner(pattern)  # inline flags such as ignore-case change what a literal matches
        items = sre_parse.parse(pattern.pattern)
        need = _needs(items)
        needed = None if need is None else re.compile(_class(need))
        opening = None if _skipped_by_sre(items) else _openers(items)
        if opening is None or opening[1]:
            return Scanner(pattern, needed)
        before = _lookbehind(items)
        # (?<![0-9.]) before the opener is (?<![0-9.][\s\S]) after its first character, where
        # sre can still skip ahead; (?<=[一-鿿]) likewise
        opener = _class(opening[0]) + ("" if before is None else f"(?<{before[0]}{_class(before[1])}[\\s\\S])")
        # then the second character, or a first one that is a match alone: most places where only
        # the first fits (一 of 统一, 上 of 上涨) are passed over by sre, not tried one by one here
        second = _seconds(items)
        if second is not None and second[0]:
            alone = f"|(?<={_class(second[1])})" if second[1] else ""
            opener += f"(?:{_class(second[0])}{alone})"
        return Scanner(pattern, needed, re.compile(opener))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(text)`, the pattern tried only where a match can open."""
        if self.needed is not None and self.needed.search(text) is None:
            return
        if self.opening is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (found := self.opening.search(text, pos)) is not None:
            match = self.pattern.match(text, found.start())  # a lookbehind still sees the text before
            if match is None:
                pos = found.start() + 1
            else:
                yield match
                pos = match.end()  # never empty, so the scan moves on as finditer's does


def _class(ranges: Ranges) -> str:
    def member(lo: int, hi: int) -> str:
        return re.escape(chr(lo)) + ("" if lo == hi else "-" + re.escape(chr(hi)))

    return "[" + "".join(member(lo, hi) for lo, hi in sorted(set(ranges))) + "]"


def _skipped_by_sre(items: Any) -> bool:
    """Whether sre skips ahead by itself: a pattern that opens with a literal, a class, or a
    choice of literals (sre's prefix and charset). A zero-width or optional opening, a repeat
    ([0-9]+届), a choice of classes or groups is tried by sre at every position."""
    if not len(items):
        return True
    op, av = items[0]
    while op is SUBPATTERN and len(av[3]) and not (av[1] or av[2]):
        op, av = av[3][0]
    if op is LITERAL or op is IN:
        return True
    return op is BRANCH and all(len(branch) and branch[0][0] is LITERAL for branch in av[1])


def _lookbehind(items: Any) -> tuple[str, Ranges] | None:
    """A pattern's opening one-character lookbehind: ("!", the characters a match must not
    follow) for (?<![0-9.]), ("=", those it must follow) for (?<=[一-鿿]); None for any other
    opening."""
    op, av = items[0]
    if op not in (ASSERT, ASSERT_NOT) or av[0] != -1 or len(av[1]) != 1:
        return None
    sign = "!" if op is ASSERT_NOT else "="
    op, av = av[1][0]
    ranges = [(av, av)] if op is LITERAL else _class_members(av) if op is IN else None
    return None if ranges is None else (sign, ranges)


def _openers(items: Any) -> Opening | None:
    """The characters a match of the parsed sequence `items` can open with, and whether it can
    be empty. None for what is not followed: any character, a negated class or a category
    (\\d), a group reference, inline flags."""
    ranges: Ranges = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # the next item opens the match
        if op is LITERAL:
            return [*ranges, (av, av)], False
        if op is IN:
            members = _class_members(av)
            return None if members is None else ([*ranges, *members], False)
        inner: Opening | None
        if op is SUBPATTERN:
            _, add_flags, del_flags, body = av
            inner = None if add_flags or del_flags else _openers(body)
        elif op is ATOMIC_GROUP:
            inner = _openers(av)
        elif op is BRANCH:
            branches = [_openers(branch) for branch in av[1]]
            inner = None if None in branches else ([r for b in branches if b for r in b[0]],
                                                    any(b[1] for b in branches if b))
        elif op in _REPEATS:
            least, _, body = av
            inner = _openers(body)
            if inner is not None and least == 0:
                inner = (inner[0], True)
        else:
            return None
        if inner is None:
            return None
        ranges += inner[0]
        if not inner[1]:
            return ranges, False
    return ranges, True


def _seconds(items: Any) -> tuple[Ranges, Ranges] | None:
    """The characters that can follow a match's first character, and the first characters a
    match may consist of alone; None when not followed (see _openers)."""
    return _after_first(list(items))


def _after_first(items: list[Any], depth: int = 0) -> tuple[Ranges, Ranges] | None:
    """What can follow the first character a match of the parsed sequence `items` consumes, and
    the first characters after which the match may end. None for what is not followed, as in
    _openers, and for a sequence that may consume nothing."""
    if depth > 30:
        return None
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op in _ZERO_WIDTH:
            continue  # a lookaround after the first character is not read: a looser test
        if op is LITERAL or op is IN:
            following = _openers(rest)
            if following is None or not following[1]:
                return None if following is None else (following[0], [])
            own = [(av, av)] if op is LITERAL else _class_members(av)
            return None if own is None else (following[0], own)
        if op is SUBPATTERN:
            _, add_flags, del_flags, body = av
            return None if add_flags or del_flags else _after_first([*body, *rest], depth + 1)
        if op is ATOMIC_GROUP:
            return _after_first([*av, *rest], depth + 1)
        if op is BRANCH:
            branches = [_after_first([*branch, *rest], depth + 1) for branch in av[1]]
            return _union(branches)
        if op in _REPEATS:
            least, most, body = av
            if most == 0:
                continue
            inner = _openers(body)
            if inner is None or inner[1]:
                return None  # a body that may match nothing
            again = [] if most == 1 else [(op, (max(0, least - 1), most if most == MAXREPEAT else most - 1, body))]
            taken = _after_first([*body, *again, *rest], depth + 1)
            return taken if least > 0 else _union([taken, _after_first(rest, depth + 1)])
        return None
    return None


def _union(found: list[tuple[Ranges, Ranges] | None]) -> tuple[Ranges, Ranges] | None:
    if any(f is None for f in found):
        return None
    return [r for f in found if f for r in f[0]], [r for f in found if f for r in f[1]]


def _needs(items: Any) -> Ranges | None:
    """Characters of which every match of the parsed sequence `items` holds one: those of its
    smallest such item (the likeliest to be rare). None when no item is known to need any."""
    best: Ranges | None = None
    for op, av in items:
        need: Ranges | None = None
        if op is LITERAL:
            need = [(av, av)]
        elif op is IN:
            need = _class_members(av)
        elif op is SUBPATTERN and not (av[1] or av[2]):
            need = _needs(av[3])
        elif op is ATOMIC_GROUP:
            need = _needs(av)
        elif op is BRANCH:
            branches = [_needs(branch) for branch in av[1]]
            need = None if None in branches else [r for b in branches if b for r in b]
        elif op in _REPEATS and av[0] > 0:
            need = _needs(av[2])
        if need is not None and (best is None or _size(need) < _size(best)):
            best = need
    return best


def _size(ranges: Ranges) -> int:
    return sum(hi - lo + 1 for lo, hi in ranges)


def _class_members(members: list[tuple[Any, Any]]) -> Ranges | None:
    ranges = []
    for op, av in members:
        if op is LITERAL:
            ranges.append((av, av))
        elif op is RANGE:
            ranges.append(av)
        elif op is CATEGORY and av is CATEGORY_SPACE:
            ranges += _WHITESPACE  # \s, common between a figure and its unit
        else:
            return None  # a negated class or another category
    return ranges


def words_pattern(words: Iterable[str]) -> str:
    """Regex source matching any of the words, the longest one where several start at a point:
    what "|".join of the escaped words sorted longest first matches, written as a trie
    (潼南区|潼南 -> 潼南(?:区)?). sre tries the branches of an alternation one by one at every
    point, so a list of 500 indicator names costs 500 tries per character; the trie costs one per
    distinct first character, and on backtracking gives up the same words in the same order
    (longest first), so it can stand inside a larger pattern. For patterns without IGNORECASE.
    "" for no words, as the join gives."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_source(trie)


def _trie_source(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_source(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
