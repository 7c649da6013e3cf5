"""Usual names of central enterprises derived from the SASAC and Ministry of Finance lists
(国家电网有限公司 -> 国家电网), kept only where they read as names. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs import build


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize(("full", "usual"), [
    ("国家电网有限公司", "国家电网"),
    ("中国南方电网有限责任公司", "南方电网"),
    ("中国华能集团有限公司", "中国华能"),
    ("中国宝武钢铁集团有限公司", "宝武钢铁"),
    ("中国东方航空集团有限公司", "东方航空"),
    ("中国华能集团有限公司", "华能"),  # two characters left after the country: a proper noun jieba rarely counts
    ("中国五矿集团有限公司", "五矿"),
])
def test_usual_name_is_derived(full, usual):
    assert usual in build.soe_usual_names(full)


@pytest.mark.parametrize(("full", "phrase"), [
    ("中国农业发展集团有限公司", "中国农业发展"),  # common words in a row
    ("中国农业发展集团有限公司", "农业发展"),
    ("中国石油化工集团有限公司", "石油化工"),  # an industry, not a name
    ("中国储备粮管理集团有限公司", "储备粮管理"),  # 加强储备粮管理 is running text
    ("中国商用飞机有限责任公司", "商用飞机"),
    ("中国林业集团有限公司", "中国林业"),  # the country and one common word open longer names
    ("中国长江三峡集团有限公司", "长江三峡"),  # a place
    ("中国大唐集团有限公司", "大唐"),  # two characters of running text (a dynasty)
    ("中国建筑集团有限公司", "建筑"),
])
def test_phrases_are_not_derived(full, phrase):
    assert phrase not in build.soe_usual_names(full)


def test_usual_names_never_replace_another_source():
    rows = {r[0]: r for r in build.build_rows()}
    assert rows["中煤能源"][3] == "listed"  # the listed company, not its parent group
    assert rows["宝武钢铁"] == ("宝武钢铁", "company", "中国宝武钢铁集团有限公司", "soe")


def test_usual_name_found_in_text(nlp):
    org = found(nlp, "会上，宝武钢铁与园区签署了合作协议。")["宝武钢铁"]
    assert (org["type"], org["canonical"]) == ("company", "中国宝武钢铁集团有限公司")


def test_phrase_of_a_derivation_is_no_name(nlp):
    assert "储备粮管理" not in found(nlp, "全市将进一步加强储备粮管理，确保粮食安全。")


# Large companies (Fortune Global 500, headquartered in China): usual names by rule, kept only where
# they read as the company.

@pytest.mark.parametrize(("full", "usual"), [
    ("华为投资控股有限公司", "华为"),
    ("浙江吉利控股集团有限公司", "吉利"),
    ("小米集团", "小米"),
    ("山东魏桥创业集团有限公司", "魏桥"),
    ("顺丰控股股份有限公司", "顺丰"),
])
def test_large_company_usual_name_is_a_candidate(full, usual):
    assert usual in build.large_company_names(full)


def test_a_place_opens_a_name_only_as_a_whole_word():
    assert build.opening_place("浙江吉利控股") == 2
    assert build.opening_place("阿里巴巴集团") == 0  # 阿里巴巴 is a word: no 阿里|巴巴


@pytest.mark.parametrize(("name", "cut", "reason"), [
    ("京东", False, "a place"),
    ("吉利", False, "a place"),
    ("小米", False, "a common word"),
    ("联想", False, "a common word"),
    ("美的", False, "a common word"),
    ("国贸", True, "cut from a place"),
])
def test_ambiguous_usual_names_are_left_out(name, cut, reason):
    assert reason in build.usual_name_reason(name, cut)


@pytest.mark.parametrize("name", ["美团", "顺丰", "腾讯", "魏桥"])
def test_unambiguous_usual_names_are_kept(name):
    rows = {r[0]: r for r in build.build_rows()}
    assert rows[name][1] == "company" and rows[name][3] == "large"


def test_large_company_found_in_text(nlp):
    org = found(nlp, "会上，美团与区政府签署战略合作协议。")["美团"]
    assert (org["type"], org["canonical"]) == ("company", "美团")


@pytest.mark.parametrize("text", [
    "他看着照片，联想到了小时候的生活。",
    "早餐是一碗小米粥和两个鸡蛋。",
    "京东地区的雨水比往年偏多。",
])
def test_everyday_words_are_no_companies(nlp, text):
    assert not found(nlp, text)


def test_a_known_name_inside_a_media_brand_does_not_cut_it(nlp):
    # 建发 (厦门建发集团) starts inside 福建发布: one character before it is no author's name
    assert "福建发布" in found(nlp, "信息来源：福建发布，编辑：王芳")


def test_explain_prints_each_name_left_out_and_why(capsys):
    assert build.main(["--explain"]) == 0
    lines = dict(line.split("\t", 1) for line in capsys.readouterr().out.splitlines())
    assert lines["小米"].startswith("小米集团\ta common word")
    assert lines["美团"] == "美团\tkept"
