"""A document's publication date: read from metadata in any common form (JSONL `pub_date` or
`date`, --pub-date), else from the page's own date line (发布时间：2025-08-06, a time stamp
under the title, 源某报2019-01-04 20:25), never guessed from dates inside sentences. A given
date that cannot be read, or lies outside the years where periods mean something, is
reported, not guessed at. The patterns are the `pub_date` section of rules/times.yaml.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from zhfacts.rules import load_yaml, require, rules_cache

RULES_FILE = "times.yaml"
EARLIEST_PUB_DATE, LATEST_PUB_DATE = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)


@dataclass(frozen=True)
class PubDateRules:
    label: re.Pattern[str]  # 发布时间：2025-08-06
    line: re.Pattern[str]  # a date alone on a short line
    stamp: re.Pattern[str]  # a time stamp run into other words
    metadata: re.Pattern[str]  # a date given as metadata, whole
    settings: dict[str, Any]


@rules_cache
def pub_date_rules() -> PubDateRules:
    pub = dict(require(load_yaml(RULES_FILE), "pub_date", RULES_FILE))
    date = pub["date"]
    labels = "|".join(map(re.escape, sorted(pub["labels"], key=len, reverse=True)))
    label = f"(?:{labels})\\s*[：:][^\\n]{{0,{int(pub['label_gap_max_chars'])}}}?{date}"
    line = f"(?:^|(?<=\\s)){date}(?=\\s|$)"
    return PubDateRules(re.compile(label), re.compile(line), re.compile(pub["stamp"]), re.compile(pub["metadata"]), pub)


def read_pub_date(given: Any, raw: str, repaired: str) -> tuple[datetime.date | None, str | None, str | None]:
    """(date, source, problem): the given date when it can be used (source `metadata`), else
    the text's own date line (`inferred`: the raw lines first, since repair may join a date line
    to the title); `problem` says why a given date was not used."""
    if given is not None:
        read = parse_date(given)
        problem = pub_date_problem(given, read)
        if problem is None:
            return read, "metadata", None
    else:
        problem = None
    found = infer_pub_date(raw) or infer_pub_date(repaired)
    return found, "inferred" if found else None, problem


def pub_date_problem(given: Any, read: datetime.date | None) -> str | None:
    """Why a given pub_date is unusable (None when it was read as a date in the supported
    range, or none was given)."""
    if given is None:
        return None
    if read is None:
        return f"{given!r} cannot be read as a date"
    if not EARLIEST_PUB_DATE <= read <= LATEST_PUB_DATE:
        return f"{given!r} is outside {EARLIEST_PUB_DATE.isoformat()}..{LATEST_PUB_DATE.isoformat()}"
    return None


def infer_pub_date(text: str) -> datetime.date | None:
    """A publication date the text states (发布时间：2025-08-06, a date line), or None."""
    rules = pub_date_rules()
    pub = rules.settings
    lines = text.splitlines()
    n = int(pub["max_lines"])
    indices = list(dict.fromkeys([*range(min(n, len(lines))), *range(max(0, len(lines) - n), len(lines))]))
    for i in indices:
        if "：" not in lines[i] and ":" not in lines[i]:
            continue  # the label pattern needs a colon: a cheap test spares a regex search of a long line
        m = rules.label.search(lines[i])
        found = m and _valid_date(m, pub)
        if found:
            return found
    punctuation = frozenset(pub["sentence_punctuation"])
    for i in indices:
        line = lines[i].strip()
        if len(line) > int(pub["line_max_chars"]) or not punctuation.isdisjoint(line):
            continue
        for pattern in (rules.line, rules.stamp):
            for m in pattern.finditer(line):
                found = _valid_date(m, pub)
                if found:
                    return found
    return None


def parse_date(value: object) -> datetime.date | None:
    """A date given as metadata, in any common form (2025-04-20, 2025/04/20,
    2025-04-20T08:00:00, 2025年4月20日, 20250420), or None when it cannot be read."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.date() if isinstance(value, datetime.datetime) else value
    if not isinstance(value, str):
        return None
    m = pub_date_rules().metadata.fullmatch(value)
    if m is None:
        return None
    month, day = (m["m"], m["d"]) if m["m"] else (m["m8"], m["d8"])
    try:
        return datetime.date(int(m["y"]), int(month), int(day))
    except ValueError:
        return None


def _valid_date(m: re.Match[str], pub: dict[str, Any]) -> datetime.date | None:
    try:
        day = datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return day if pub["year_min"] <= day.year <= pub["year_max"] else None
