"""Times and periods: 2025年上半年 -> 2025-H1, 今年一季度 -> 2025-Q1, 1—6月 -> 2025-01..2025-06.

`find_times(doc)` finds time expressions (rules/times.yaml) and normalizes them; relative
ones (今年, 去年, a bare 上半年 or 4月) resolve against the article's pub_date, or against
an explicit year earlier in the same sentence, and stay null without either.
`assign_periods` gives each quantity the time that governs it: the nearest time expression
before it in its sentence (从2020年的526.8亿元增至2024年的797.3亿元). A document's publication date is read
in zhfacts.text.pubdate.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from zhfacts.extract.numbers import fold, numeral_rules, parse_number
from zhfacts.extract.scanning import Scanner, words_pattern
from zhfacts.nlp.analysis import Analysis
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.text.article import Hit
from zhfacts.text.repair import repair_rules

RULES_FILE = "times.yaml"
PART_GROUPS = ("half", "qn", "mn", "q", "m")  # a bare part of a year must name one of these


@dataclass(frozen=True)
class TimeRules:
    patterns: tuple[tuple[str, Scanner], ...]
    relative: dict[str, int]
    named: dict[str, str]


def _expand(template: str, blocks: dict[str, str]) -> str:
    """Replace {name} by its block; blocks may refer to earlier blocks."""
    def sub(m: re.Match[str]) -> str:
        return blocks.get(m.group(1), m.group(0))

    previous = None
    while previous != template:
        previous, template = template, re.sub(r"\{([a-z_]+)\}", sub, template)
    return template


def _alternation(words: list[str]) -> str:
    return words_pattern(words)


@rules_cache
def time_rules() -> TimeRules:
    data = load_yaml(RULES_FILE)
    relative = {str(k): int(v) for k, v in require(data, "relative_years", RULES_FILE).items()}
    named = {str(k): str(v) for k, v in require(data, "named_periods", RULES_FILE).items()}
    blocks = {k: f"(?:{v})" if k != "part" else v for k, v in require(data, "blocks", RULES_FILE).items()}
    blocks["relative"] = _alternation(list(relative))
    blocks["named"] = _alternation(list(named))
    patterns = tuple((p["id"], Scanner.of(re.compile(_expand(p["regex"], blocks))))
                     for p in require(data, "patterns", RULES_FILE))
    return TimeRules(patterns, relative, named)


# -- finding -------------------------------------------------------------------------------
def find_times(doc: Analysis) -> list[Hit]:
    """Time expressions of the document, normalized (CONTRACT `times` table fields)."""
    article = doc.article
    return extract_times(article.text, article.pub_date, article.sentence_span if article.sentences else None)


def extract_times(text: str, pub_date: datetime.date | None = None,
                  sentence_of: Callable[[int], tuple[int, int]] | None = None) -> list[Hit]:
    """Time expressions of a string; `sentence_of(pos)` gives the sentence around pos."""
    rules = time_rules()
    sentence_of = sentence_of or (lambda pos: _sentence_around(text, pos))
    matches = []
    for rule, pattern in rules.patterns:
        for m in pattern.finditer(text):
            if rule == "time.partial" and not any(m.groupdict().get(g) for g in PART_GROUPS):
                continue
            matches.append((m.start(), m.end(), rule, m))
    matches.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    hits: list[Hit] = []
    last_end = -1
    for start, end, rule, m in matches:
        if start < last_end:
            continue
        normalized, resolved = _normalize(m, hits, start, pub_date, sentence_of)
        if normalized is False:
            continue  # not a valid date (6月31日)
        hits.append(Hit(start, end, rule, {"normalized": normalized, "resolved_with": resolved}))
        last_end = end
    return hits


@rules_cache
def _sentence_end() -> re.Pattern[str]:
    """Sentence ends as repair splits them (rules/repair.yaml), and line breaks."""
    return re.compile(f"[{re.escape(''.join(repair_rules().sentence_end))}\\n]")


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos, for a plain string without an Article."""
    end_re = _sentence_end()
    start = max((m.end() for m in end_re.finditer(text, 0, pos)), default=0)
    m = end_re.search(text, pos)
    return start, m.end() if m else len(text)


def _int(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_number(text)
    return int(value) if value is not None and value == value.to_integral_value() else None


def _year(text: str) -> int | None:
    """2025, or 二〇二五 read digit by digit."""
    folded = fold(text)
    if folded.isdigit():
        return int(folded)
    digits = numeral_rules().digits
    if all(c in digits for c in folded):
        return int("".join(str(digits[c]) for c in folded))
    return None


def _anchor_year(hits: list[Hit], start: int, sentence_of: Callable[[int], tuple[int, int]]) -> int | None:
    """The year of the nearest explicit time before `start` in the same sentence."""
    s_start, _ = sentence_of(start)
    for hit in reversed(hits):
        if hit.start < s_start:
            break
        if hit.get("resolved_with") == "explicit" and hit.get("normalized"):
            return int(str(hit.get("normalized"))[:4])
    return None


def _normalize(m: re.Match[str], hits: list[Hit], start: int, pub_date: datetime.date | None,
               sentence_of: Callable[[int], tuple[int, int]]) -> tuple[str | None | bool, str | None]:
    """(normalized, resolved_with); normalized is False for an impossible date."""
    g = m.groupdict()
    rules = time_rules()
    if g.get("named"):
        return rules.named[g["named"]], "explicit"
    if g.get("y2"):
        y, y2 = _year(g["y"]), _year(g["y2"])
        return (f"{y}..{y2}", "explicit") if y and y2 and y < y2 else (False, None)
    if g.get("y"):
        year, resolved = _year(g["y"]), "explicit"
    elif g.get("rel"):
        if pub_date is None:
            return None, None
        year, resolved = pub_date.year + rules.relative[g["rel"]], "pub_date"
    else:
        year = _anchor_year(hits, start, sentence_of)
        resolved = "explicit"
        if year is None:
            if pub_date is None:
                return None, None
            year, resolved = pub_date.year, "pub_date"
    if year is None:
        return False, None
    part = _part(year, g)
    return (part, resolved) if part is not False else (False, None)


def _part(year: int, g: dict[str, str | None]) -> str | bool:
    if g.get("half"):
        return f"{year}-H{1 if g['half'] == '上' else 2}"
    if g.get("qn"):
        return f"{year}-01..{year}-{3 * (_int(g['qn']) or 0):02d}"
    if g.get("q"):
        return f"{year}-Q{_int(g['q'])}"
    if g.get("mn"):
        last = _int(g["mn"]) or 0  # 前10个月: January to October
        return f"{year}-01..{year}-{last:02d}" if 2 <= last <= 11 else False
    month = _int(g.get("m"))
    if month is None:
        return f"{year}"
    if not 1 <= month <= 12:
        return False
    last = _int(g.get("m2"))
    if last is not None:
        return f"{year}-{month:02d}..{year}-{last:02d}" if month < last <= 12 else False
    day = _int(g.get("d"))
    if day is None:
        return f"{year}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return False


# -- periods of quantities -----------------------------------------------------------------
def assign_periods(doc: Analysis, quantities: list[Hit], times: list[Hit]) -> list[Hit]:
    """Each quantity with `period`: the nearest time before it in its sentence, or None."""
    article = doc.article
    sentence_of = article.sentence_span if article.sentences else (lambda pos: _sentence_around(article.text, pos))
    return periods_for(quantities, times, sentence_of)


def periods_for(quantities: list[Hit], times: list[Hit],
                sentence_of: Callable[[int], tuple[int, int]]) -> list[Hit]:
    ordered = sorted(times, key=lambda t: t.start)
    # the times before a quantity: those up to the first that ends after its start (a running
    # maximum of the ends finds it by bisection, so a long article is not quadratic)
    ends_so_far = list(accumulate((t.end for t in ordered), max))
    out = []
    for q in quantities:
        s_start, _ = sentence_of(q.start)
        before = bisect_right(ends_so_far, q.start)
        latest = ordered[before - 1] if before else None
        governing = latest if latest is not None and latest.start >= s_start else None
        period = governing.get("normalized") if governing else None
        out.append(dataclasses.replace(q, fields={**q.fields, "period": period}))
    return out
