"""What a reviewer may choose from: county-level districts of the gazetteer and the metric
keys of the indicator vocabulary (both under rules/)."""

from __future__ import annotations

from functools import cache

from zhfacts.claims.metric_keys import all_keys
from zhfacts.rules import load_tsv

DISTRICT_LEVELS = ("district", "county")
GAZETTEER = "places/gazetteer.tsv"


@cache
def districts() -> tuple[dict[str, str], ...]:
    """Current county-level units (a former name has `current` set to its successor)."""
    rows = [r for r in load_tsv(GAZETTEER) if r.get("level") in DISTRICT_LEVELS and not r.get("current")]
    return tuple({"name": r["name"], "adcode": r["adcode"], "parent": r.get("parent", ""),
                  "province": r.get("province", "")} for r in rows)


@cache
def district_adcodes() -> dict[str, tuple[str, ...]]:
    """District name -> the adcodes that carry it (several cities have a 鼓楼区)."""
    codes: dict[str, list[str]] = {}
    for d in districts():
        codes.setdefault(d["name"], []).append(d["adcode"])
    return {name: tuple(c) for name, c in codes.items()}


def metric_keys() -> tuple[str, ...]:
    """The metric keys of the indicator vocabulary (zhfacts.claims.metric_keys)."""
    return all_keys()
