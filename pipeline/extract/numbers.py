"""Numerals: the character pattern that finds them and the exact value of one found.

Numbers are found on characters, never on jieba tokens (jieba splits 23,876 and 526.8亿
inconsistently). `numeral_pattern()` gives the regular expression of a numeral in Arabic
digits, Chinese numerals or both (8.4万, 一千四百, 5万4千6百, 1,100.9亿); `parse_number()`
reads the value of a span already found. Chinese numerals below ten thousand go to
`cn2an.cn2an(span, "smart")` (never `cn2an.transform` on running text, which rewrites
words such as 四川 and 一体化); scale words are folded in with Decimal, so 16.4亿 is
exactly 1640000000 (cn2an issue #55).

The characters (digits, units, scales, variants) are data in rules/quantities/.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from zhfacts import regex_cache
from zhfacts.rules import load_yaml, require, rules_cache

# its import compiles ~20 patterns (with proces'): 0.08 CPU s; one of proces' is built from a set
with regex_cache.compiling(stable=False):
    import cn2an

NUMERALS_FILE = "quantities/numerals.yaml"
SCALES_FILE = "quantities/scales.yaml"
FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)} | {ord("．"): ord(".")}


@dataclass(frozen=True)
class NumeralRules:
    variants: dict[str, str]
    digits: dict[str, int]
    small_units: dict[str, int]
    scales: dict[str, Decimal]
    point: str
    negative: tuple[str, ...]
    separators: tuple[str, ...]
    max_space: int
    bare_chars: frozenset[str]
    bare_min_chars: int
    approx_markers: str
    bare_class_word: str

    def chars_of(self, canonical: Iterable[str]) -> str:
        """The canonical characters and every variant that folds to one of them."""
        wanted = set(canonical)
        return "".join(sorted(wanted | {v for v, c in self.variants.items() if c in wanted}))


@rules_cache
def numeral_rules() -> NumeralRules:
    numerals = load_yaml(NUMERALS_FILE)
    scales = load_yaml(SCALES_FILE)
    variants = dict(require(numerals, "variants", NUMERALS_FILE))
    variants.update(require(scales, "variants", SCALES_FILE))
    return NumeralRules(
        variants=variants,
        digits={str(k): int(v) for k, v in require(numerals, "digits", NUMERALS_FILE).items()},
        small_units={str(k): int(v) for k, v in require(numerals, "small_units", NUMERALS_FILE).items()},
        scales={str(k): Decimal(str(v)) for k, v in require(scales, "scales", SCALES_FILE).items()},
        point=str(require(numerals, "decimal_point", NUMERALS_FILE)),
        negative=tuple(require(numerals, "negative", NUMERALS_FILE)),
        separators=tuple(require(numerals, "thousands_separators", NUMERALS_FILE)),
        max_space=int(require(numerals, "max_inner_space", NUMERALS_FILE)),
        bare_chars=frozenset(require(scales, "bare_scale_chars", SCALES_FILE)),
        bare_min_chars=int(require(scales, "bare_scale_min_chars", SCALES_FILE)),
        approx_markers=str(require(numerals, "approx_markers", NUMERALS_FILE)),
        bare_class_word=str(require(scales, "bare_scale_class_word", SCALES_FILE)),
    )


# -- finding -------------------------------------------------------------------------------
def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def space_pattern() -> str:
    return f"[ \\t\\u3000\\u00a0]{{0,{numeral_rules().max_space}}}+"


def numeral_pattern(reserved: Iterable[str] = ()) -> str:
    """Regex source of one numeral (no groups).

    `reserved` lists words that open with a unit or scale character but are units or
    prefixes of their own (千米, 千瓦, 兆瓦, 百分之): such a character does not join the
    numeral before it, so 12千米 is 12 千米 and 120万千瓦 is 120万 千瓦. Quantifiers are
    possessive: a numeral never gives characters back, which keeps the search linear on
    a megabyte of digits."""
    r = numeral_rules()
    sp = space_pattern()
    digit_class = re.escape(r.chars_of(r.digits))
    pieces = [f"[{digit_class}]"]
    for char in sorted(set(r.chars_of(r.small_units)) | set(r.chars_of(r.scales))):
        canonical = r.variants.get(char, char)
        rests = [w[1:] for w in reserved if w and r.variants.get(w[0], w[0]) == canonical and len(w) > 1]
        pieces.append(re.escape(char) + (f"(?!{_alternation(rests)})" if rests else ""))
    points = re.escape(r.chars_of([r.point]))
    pieces.append(f"[{points}](?={sp}[{digit_class}0-9])")
    cn_char = "(?:" + "|".join(pieces) + ")"
    cn_class = "[" + digit_class + re.escape(r.chars_of(r.small_units)) + re.escape(r.chars_of(r.scales)) + "]"
    arabic = r"[0-9]++(?:,[0-9]{3}(?![0-9]))*+(?:\.[0-9]++)?+"
    return f"(?:{arabic}|{cn_char})(?:{cn_char}|{sp}{cn_char}|(?<={cn_class}){arabic})*+"


@rules_cache(maxsize=8192)  # asked several times of each figure's numeral
def is_bare_scale(numeral: str) -> bool:
    """A numeral of scale characters only (千万, 百, 万): no digit says how many."""
    chars = "".join(numeral.split())
    return bool(chars) and numeral_rules().bare_chars.issuperset(chars)


def has_scale(numeral: str) -> bool:
    return not _folding_to_scale().isdisjoint(numeral)


@rules_cache
def scale_chars() -> str:
    """万亿兆 and their variants (萬億)."""
    r = numeral_rules()
    return r.chars_of(r.scales)


@rules_cache
def _folding_to_scale() -> frozenset[str]:
    r = numeral_rules()
    return frozenset(c for c in scale_chars() if r.variants.get(c, c) in r.scales)


@rules_cache
def zeros() -> str:
    """零 and its variants (〇)."""
    r = numeral_rules()
    return r.chars_of(d for d, v in r.digits.items() if v == 0)


@rules_cache
def decimal_points() -> str:
    return numeral_rules().chars_of([numeral_rules().point]) + "."


_ARABIC_DIGITS = frozenset("0123456789")


def is_chinese(numeral: str) -> bool:
    return _ARABIC_DIGITS.isdisjoint(numeral)


@rules_cache(maxsize=8192)
def has_adjacent_digits(numeral: str) -> bool:
    """三四 / 一一 / 二〇二五: two non-zero Chinese digits side by side (a guess or a code)."""
    whole = _point().split(fold(numeral), 1)[0]  # digits after the point are digits
    nonzero = _nonzero_digits()
    return any(a in nonzero and b in nonzero for a, b in zip(whole, whole[1:], strict=False))


@rules_cache
def _point() -> re.Pattern[str]:
    return re.compile(f"[.{re.escape(numeral_rules().point)}]")


@rules_cache
def _nonzero_digits() -> frozenset[str]:
    return frozenset(d for d, v in numeral_rules().digits.items() if v)


# -- reading -------------------------------------------------------------------------------
@rules_cache
def _fold_table() -> dict[int, int | str]:
    table: dict[int, int | str] = dict(FULLWIDTH)
    table.update({ord(k): v for k, v in numeral_rules().variants.items()})
    return table


@rules_cache(maxsize=8192)  # the checks of a figure fold its numeral several times
def fold(text: str) -> str:
    """Variants and full-width forms folded, white space removed."""
    return "".join(text.translate(_fold_table()).split())


@rules_cache(maxsize=8192)  # news repeats its numerals; cn2an costs ~80 µs a call
def parse_number(text: str) -> Decimal | None:
    """The value of a numeral span, or None when it is not a well-formed number.

    Accepts Arabic digits (23,876; 1.45), Chinese and financial numerals (一千四百, 壹佰伍拾,
    两千四百五), mixed forms (5万4千6百, 3万4000, 1.2万) and a sign (负3.9, -22.2). Scale
    words multiply exactly (16.4亿 = 1640000000). Approximation markers inside (十多万,
    500余万) leave the round number; saying that it is approximate is the caller's job."""
    r = numeral_rules()
    s = fold(text)
    sign = 1
    if s[:1] in r.negative:
        sign, s = -1, s[1:]
    approx_marker, separator = _inner_marks()
    s = separator.sub("", approx_marker.sub("", s))
    if not s or s[0] in r.negative:
        return None
    try:
        value = _scaled(s, r)
    except (ValueError, ArithmeticError, InvalidOperation, RecursionError):
        return None  # RecursionError: thousands of scale words in a row (万万万...) are no number
    return None if value is None else sign * value


@rules_cache
def _inner_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An approximation marker before a scale word or the end (十多万, 500余), and a
    thousands separator between digits (23,876): both dropped before reading the value."""
    r = numeral_rules()
    approx_marker = re.compile(f"(?<=.)[{re.escape(r.approx_markers)}](?=[{''.join(r.scales)}]|$)")
    seps = "".join(re.escape(c) for c in r.separators)
    return approx_marker, re.compile(f"(?<=[0-9])[{seps}](?=[0-9]{{3}}(?![0-9]))")


def _scaled(s: str, r: NumeralRules) -> Decimal | None:
    """Split at the last occurrence of the highest scale word: left x scale + right."""
    present = [c for c in s if c in r.scales]
    if not present:
        return _small(s, r)
    top = max(present, key=lambda c: r.scales[c])
    i = s.rindex(top)
    left, right = s[:i], s[i + 1:]
    head = _scaled(left, r) if left else Decimal(1)  # a bare 万 is one 万
    if head is None:
        return None
    value = head * r.scales[top]
    if right:
        tail = _tail(right, r.scales[top], r)
        if tail is None:
            return None
        value += tail
    return value


def _tail(right: str, scale: Decimal, r: NumeralRules) -> Decimal | None:
    """What follows a scale word: 零六 (6), 三 (一万三 = 13000), 4千6百, 点五五 (.55)."""
    if right.startswith(r.point):
        return _fraction(right[1:], r)
    if right[0] == "零":
        rest = right.lstrip("零")
        return _scaled(rest, r) if rest else Decimal(0)
    if len(right) == 1 and (right in r.digits or right.isdigit()):
        digit = r.digits.get(right, None)
        return Decimal(int(right) if digit is None else digit) * scale / 10
    return _scaled(right, r)


def _fraction(digits: str, r: NumeralRules) -> Decimal | None:
    if not digits:
        return None
    out = []
    for c in digits:
        if c.isdigit() and c.isascii():
            out.append(c)
        elif c in r.digits:
            out.append(str(r.digits[c]))
        else:
            return None
    return Decimal("0." + "".join(out))


def _small(s: str, r: NumeralRules) -> Decimal | None:
    """A numeral without 万/亿/兆: Arabic, Chinese (via cn2an) or mixed (4千6百)."""
    if len(s) > 1 and s[0] == "零" and s[1] != r.point:
        s = s.lstrip("零")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+", s):
        return Decimal(s)
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(.)", s)
    if m and m.group(2) in r.small_units:  # 1.5千
        return Decimal(m.group(1)) * r.small_units[m.group(2)]
    if r.point in s:
        whole, frac = s.split(r.point, 1)
        head = _small(whole, r) if whole else Decimal(0)
        tail = _fraction(frac, r)
        return None if head is None or tail is None else head + tail
    if "." in s or not s:
        return None
    s = re.sub(r"[0-9]+", lambda m: cn2an.an2cn(m.group()), s)  # 2千零30 -> 二千零三十
    if s[0] in r.small_units and r.small_units[s[0]] > 10:
        s = "一" + s  # 千三 -> 一千三, 百亿 -> 一百亿
    s = s.rstrip("零") or "零"
    return _cn2an(s)


def _cn2an(s: str) -> Decimal | None:
    try:
        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an signals a malformed numeral with assorted exception types
        return None
    if isinstance(value, float) and not value.is_integer():
        return None  # fractions are read digit by digit above, never through a float
    return Decimal(int(value))
