"""Peer conformance: the Chinese suites of Microsoft Recognizers-Text (MIT licence, copied with
their LICENSE into tests/data/peers/, specs at commit 90e968e).

Every case is mapped onto our interfaces, or skipped with a counted reason:
- NumberModel: each result span goes through `parse_number` (the span is the peer's, so
  this checks the normalizer); cases without results go through the extractor, which must
  find nothing.
- PercentModel, OrdinalModel, NumberRangeModel, CurrencyModel, DimensionModel: the input
  goes through repair and `extract_quantities`, as in the pipeline; each expected result
  must be found (span contained either way, as score.py matches, same value and unit), and
  no other quantity of the model's kinds may be emitted.
Cases that map but fail are listed with a reason in tests/data/peers/known_failures.yaml
and run as xfail; `test_peer_pass_rates` prints the pass rate of every file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhfacts.extract.numbers import parse_number
from zhfacts.extract.quantities import extract_quantities, grammar
from zhfacts.text.article import Hit
from zhfacts.text.repair import repair

PEERS = Path(__file__).parent / "data" / "peers"
FILES = ("Number-Chinese-NumberModel.json", "Number-Chinese-PercentModel.json", "Number-Chinese-OrdinalModel.json",
         "Number-Chinese-NumberRangeModel.json", "NumberWithUnit-Chinese-CurrencyModel.json",
         "NumberWithUnit-Chinese-DimensionModel.json")

# Why a case does not map onto our contract. Each is a property of the case, never of our output.
SKIP_RESOLUTION = "the peer itself ignores the resolution (IgnoreResolution)"
SKIP_EXPONENT = "exponent or power notation (2e5, 2^5): not a form of Chinese news"
SKIP_LATIN_SUFFIX = "Latin magnitude suffix (40k, -2.5 M): not a form of Chinese news"
SKIP_FRACTION = "fractions (五分之一, 3/5, 又三分之一): not a figure we emit"
SKIP_DOZEN = "打 as a dozen: a colloquial count word"
SKIP_CURRENCY = "NumberModel reads a currency amount as no number; we extract it as money (CurrencyModel)"
SKIP_DISCOUNT = "discounts (八折, 对折): shop talk, not a figure of ours"
SKIP_RANGE_END = "one end of a range (5-20%): we emit the whole range as one record"
SKIP_BARE = "bare numbers without a unit: we emit no quantity for them"
SKIP_NO_AMOUNT = "a currency name without an amount"
SKIP_SUBUNIT = "conversational money or sub-units (块, 毛, 角, 分, 美分, 銭)"
SKIP_FOREIGN_UNIT = "a unit outside units.yaml (瑞士法郎, 奈拉, 比特币, 两 as a weight, 位 as a bit)"

# peer currency -> our unit; a peer unit missing here is outside units.yaml
CURRENCIES = {"CNY": "CNY", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元", "TWD": "新台币",
              "GBP": "英镑", "Dollar": "美元"}
# peer dimension unit -> (our units, factor from the peer's value to ours)
DIMENSIONS: dict[str, tuple[set[str], float]] = {
    "Mu": ({"亩"}, 1), "Kilogram": ({"公斤", "千克", "kg"}, 1), "Centimeter": ({"厘米", "公分", "cm"}, 1),
    "Ton": ({"吨"}, 1), "Meter": ({"米", "m"}, 1), "Jin": ({"斤"}, 1), "Kilometer": ({"千米", "公里", "km"}, 1),
    "Gram": ({"克"}, 1), "Megabyte": ({"兆字节"}, 1), "Kilobyte": ({"字节"}, 1000), "Kilobit": ({"比特"}, 1000),
    "Hertz": ({"赫兹"}, 1), "Megahertz": ({"兆赫兹"}, 1), "Kilowatt": ({"千瓦"}, 1), "Kilocalorie": ({"千卡"}, 1),
    "Microgram": ({"微克"}, 1)}
KINDS = {"Number-Chinese-PercentModel.json": {"percent", "pp"}, "Number-Chinese-OrdinalModel.json": {"rank"},
         "Number-Chinese-NumberRangeModel.json": {"percent", "pp", "count", "measure", "money", "multiple",
                                                  "duration"},
         "NumberWithUnit-Chinese-CurrencyModel.json": {"money"},
         "NumberWithUnit-Chinese-DimensionModel.json": {"measure"}}
RANGE_CONNECTORS = "至到~～-－—–"


@dataclass(frozen=True)
class Outcome:
    status: str  # pass | fail | skip
    reason: str = ""
    detail: str = ""


@cache
def cases(name: str) -> list[dict[str, Any]]:
    return json.loads((PEERS / name).read_text(encoding="utf-8"))


@cache
def known_failures() -> dict[tuple[str, str], str]:
    rows = yaml.safe_load((PEERS / "known_failures.yaml").read_text(encoding="utf-8")) or []
    return {(row["file"], row["input"]): row["reason"] for row in rows}


def span_of(case: dict[str, Any], result: dict[str, Any]) -> str:
    return case["Input"][result["Start"]:result["End"] + 1]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def contains_either(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


# -- running our extractor as the pipeline does ---------------------------------------------
@dataclass(frozen=True)
class Found:
    start: int  # raw offsets into the case input
    end: int
    hit: Hit


def extract(raw: str) -> list[Found]:
    repaired = repair(raw)
    out = []
    for hit in extract_quantities(repaired.text):
        out.append(Found(repaired.offsets[hit.start], repaired.offsets[hit.end - 1] + 1, hit))
    return out


def check_expected(case: dict[str, Any], kinds: set[str],
                   matches: Callable[[dict[str, Any], Hit], bool]) -> Outcome:
    """Every expected result found by one hit of `kinds`, and no other hit of those kinds."""
    found = [f for f in extract(case["Input"]) if f.hit.get("kind") in kinds]
    unused = list(found)
    for result in case["Results"]:
        want = (result["Start"], result["End"] + 1)
        hit = next((f for f in unused if contains_either((f.start, f.end), want) and matches(result, f.hit)), None)
        if hit is None:
            return Outcome("fail", detail=f"missing {span_of(case, result)!r} {result['Resolution']}; got "
                                          f"{[(case['Input'][f.start:f.end], f.hit.fields) for f in found]}")
        unused.remove(hit)
    if unused:
        return Outcome("fail", detail=f"extra {[(case['Input'][f.start:f.end], f.hit.fields) for f in unused]}")
    return Outcome("pass")


# -- mapping, per suite ---------------------------------------------------------------------
def number_case(case: dict[str, Any]) -> Outcome:
    if case.get("IgnoreResolution"):
        return Outcome("skip", SKIP_RESOLUTION)
    if not case["Results"]:
        money = [w for w, u in grammar().units.items() if u.kind == "money"]
        if any(w in case["Input"] for w in money):
            return Outcome("skip", SKIP_CURRENCY)
        found = extract(case["Input"])
        return Outcome("pass") if not found else Outcome("fail", detail=f"extra {[f.hit.fields for f in found]}")
    spans = [span_of(case, r) for r in case["Results"]]
    for span in (unicodedata.normalize("NFKC", s) for s in spans):
        if re.search(r"[0-9][eE^]|\^", span):
            return Outcome("skip", SKIP_EXPONENT)
        if re.search(r"[0-9.]\s*[kKmM]\s*$", span):
            return Outcome("skip", SKIP_LATIN_SUFFIX)
        if re.search(r"分\s*之|[/／]|又", span):
            return Outcome("skip", SKIP_FRACTION)
        if "打" in span:
            return Outcome("skip", SKIP_DOZEN)
    for span, result in zip(spans, case["Results"], strict=True):
        value = parse_number(span)
        expected = float(result["Resolution"]["value"])
        if value is None or not close(float(value), expected):
            return Outcome("fail", detail=f"{span!r}: got {value}, want {expected}")
    return Outcome("pass")


def percent_case(case: dict[str, Any]) -> Outcome:
    for result in case["Results"]:
        text = unicodedata.normalize("NFKC", span_of(case, result))
        if "折" in text:
            return Outcome("skip", SKIP_DISCOUNT)
        if re.search(r"[0-9]\s*[kK]", text):
            return Outcome("skip", SKIP_LATIN_SUFFIX)
        before = case["Input"][:result["Start"]]
        if before[-1:] and before[-1] in RANGE_CONNECTORS and re.search(r"[0-9]$", before[:-1]):
            return Outcome("skip", SKIP_RANGE_END)

    def matches(result: dict[str, Any], hit: Hit) -> bool:
        unit = "pp" if re.search(r"百\s*分\s*[点點]", span_of(case, result)) else "%"
        return hit.get("unit") == unit and close(hit.get("value"), float(result["Resolution"]["value"].rstrip("%")))

    return check_expected(case, KINDS["Number-Chinese-PercentModel.json"], matches)


def ordinal_case(case: dict[str, Any]) -> Outcome:
    def matches(result: dict[str, Any], hit: Hit) -> bool:
        return hit.get("unit") == "rank" and close(hit.get("value"), float(result["Resolution"]["value"]))

    return check_expected(case, KINDS["Number-Chinese-OrdinalModel.json"], matches)


@cache
def unit_words() -> str:
    g = grammar()
    words = [*g.units, *g.percent_factors]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def has_unit(case: dict[str, Any], result: dict[str, Any]) -> bool:
    """A unit word right after a numeral inside the span or just after it (分 of a fraction,
    四分之一, is no unit)."""
    text = case["Input"][result["Start"]:result["End"] + 5]
    return re.search(rf"(?:[0-9零一二三四五六七八九十百千万亿多余]\s*(?:{unit_words()})(?!之))|百分之", text) is not None


def range_case(case: dict[str, Any]) -> Outcome:
    if not all(has_unit(case, r) for r in case["Results"]):
        return Outcome("skip", SKIP_BARE)

    def matches(result: dict[str, Any], hit: Hit) -> bool:
        low, high = re.fullmatch(r"[\[(](.*),(.*)[\])]", result["Resolution"]["value"]).groups()
        if low and high and low == high:
            return close(hit.get("value"), float(low)) and hit.get("approx") is None
        if low and high:
            return close(hit.get("value_min"), float(low)) and close(hit.get("value_max"), float(high))
        if low:
            return close(hit.get("value"), float(low)) and hit.get("approx") == "lower"
        return close(hit.get("value"), float(high)) and hit.get("approx") == "upper"

    return check_expected(case, KINDS["Number-Chinese-NumberRangeModel.json"], matches)


def currency_case(case: dict[str, Any]) -> Outcome:
    for result in case["Results"]:
        resolution = result["Resolution"]
        if resolution.get("value") is None:
            return Outcome("skip", SKIP_NO_AMOUNT)
        if re.search(r"[块塊毛角分銭]", span_of(case, result)):
            return Outcome("skip", SKIP_SUBUNIT)
        if CURRENCIES.get(resolution.get("isoCurrency") or resolution.get("unit")) is None:
            return Outcome("skip", SKIP_FOREIGN_UNIT)

    def matches(result: dict[str, Any], hit: Hit) -> bool:
        resolution = result["Resolution"]
        unit = CURRENCIES[resolution.get("isoCurrency") or resolution.get("unit")]
        return hit.get("unit") == unit and close(hit.get("value"), float(resolution["value"]))

    return check_expected(case, KINDS["NumberWithUnit-Chinese-CurrencyModel.json"], matches)


def dimension_case(case: dict[str, Any]) -> Outcome:
    for result in case["Results"]:
        if result["Resolution"]["unit"] not in DIMENSIONS:
            return Outcome("skip", SKIP_FOREIGN_UNIT)

    def matches(result: dict[str, Any], hit: Hit) -> bool:
        units, factor = DIMENSIONS[result["Resolution"]["unit"]]
        return hit.get("unit") in units and close(hit.get("value"), float(result["Resolution"]["value"]) * factor)

    return check_expected(case, KINDS["NumberWithUnit-Chinese-DimensionModel.json"], matches)


MAPPERS: dict[str, Callable[[dict[str, Any]], Outcome]] = dict(zip(FILES, (
    number_case, percent_case, ordinal_case, range_case, currency_case, dimension_case), strict=True))


@cache
def outcome(name: str, index: int) -> Outcome:
    return MAPPERS[name](cases(name)[index])


# -- tests ----------------------------------------------------------------------------------
def test_peer_files_are_copied_with_their_licence() -> None:
    assert "MIT" in (PEERS / "LICENSE").read_text(encoding="utf-8")
    assert [len(cases(name)) for name in FILES] == [365, 152, 7, 65, 35, 36]


@pytest.mark.parametrize(("name", "index"), [(n, i) for n in FILES for i in range(len(cases(n)))],
                         ids=[f"{n.split('-')[-1].removesuffix('.json')}-{i}" for n in FILES for i in range(len(cases(n)))])
def test_peer_case(name: str, index: int, request: pytest.FixtureRequest) -> None:
    result = outcome(name, index)
    case_input = cases(name)[index]["Input"]
    if result.status == "skip":
        pytest.skip(result.reason)
    reason = known_failures().get((name, case_input))
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    assert result.status == "pass", f"{case_input!r}: {result.detail}"


def test_known_failures_name_real_cases() -> None:
    inputs = {(n, c["Input"]) for n in FILES for c in cases(n)}
    assert set(known_failures()) <= inputs


def test_peer_pass_rates(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints, per file: cases, skipped (by reason), mapped, passed and the pass rate."""
    lines = []
    for name in FILES:
        outcomes = [outcome(name, i) for i in range(len(cases(name)))]
        mapped = [o for o in outcomes if o.status != "skip"]
        passed = sum(o.status == "pass" for o in mapped)
        skips = Counter(o.reason for o in outcomes if o.status == "skip")
        rate = passed / len(mapped) if mapped else 1.0
        lines.append(f"{name}: {len(outcomes)} cases, {len(mapped)} mapped, {passed} passed ({rate:.1%}), "
                     f"{sum(skips.values())} skipped")
        lines += [f"    skip {count:>3}  {reason}" for reason, count in skips.most_common()]
    with capsys.disabled():
        print("\npeer suites (Recognizers-Text):\n" + "\n".join(lines))
    assert lines
