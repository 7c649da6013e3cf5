"""Usual names of the ACFIC's top 500 private enterprises (sources/acfic_private_500.tsv), derived by
the large companies' rule of the build and kept only where they read as one company. Sentences
written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs import build
from zhfacts.rules import load_tsv


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.fixture(scope="module")
def verdicts():
    return build.large_company_verdicts(build.base_rows())


def test_the_list_is_transcribed_whole():
    """500 rows in rank order, no name twice, and the per-province counts the published list gives."""
    rows = load_tsv("organizations/sources/acfic_private_500.tsv")
    assert [int(r["rank"]) for r in rows] == list(range(1, 501))
    assert len({r["name"] for r in rows}) == 500
    counts = Counter(r["province"] for r in rows)
    assert (counts["浙江省"], counts["广东省"], counts["北京市"], counts["湖北省"]) == (104, 49, 24, 12)


@pytest.mark.parametrize(("full", "kept", "brand"), [
    ("北京三快在线科技有限公司（美团）", "北京三快在线科技有限公司", "美团"),  # the brand in brackets
    ("某某港（某某投资有限责任公司、某某开发有限公司）", "某某港", ""),  # brackets of legal names
    ("中升（大连）集团有限公司", "中升（大连）集团有限公司", ""),  # a place inside: no brand
])
def test_a_bracket_after_the_name(full, kept, brand):
    assert build.bracketed_brand(full) == (kept, brand)


@pytest.mark.parametrize(("full", "usual"), [
    ("北京三快在线科技有限公司（美团）", "美团"),
    ("中升（大连）集团有限公司", "中升"),  # a place in brackets is dropped
    ("阿里巴巴（中国）有限公司", "阿里巴巴"),
    ("广东小鹏汽车科技集团有限公司", "小鹏汽车"),  # industry words dropped one after another
    ("雅迪科技集团有限公司", "雅迪"),
])
def test_usual_names_of_private_enterprises_are_candidates(full, usual):
    assert usual in build.large_company_names(full)


@pytest.mark.parametrize(("name", "reason"), [
    ("万达", "a brand known by itself"),  # 万达信息, 万达电影 open with it too
    ("华泰", "a brand known by itself"),  # 华泰证券
    ("临工", "two characters left"),  # 临沂|临工|机械: 临工 is a word
    ("快手", "two characters left"),  # 北京|快手|科技
    ("金桥", "two characters left"),  # 江阴市|金桥|化工: a bridge, a town
    ("山西晋城", "places one after another"),  # 山西晋城钢铁控股集团
    ("河南济源", "places one after another"),
])
def test_ambiguous_names_of_the_list_are_left_out(verdicts, name, reason):
    assert verdicts[name][1].startswith(reason)


@pytest.mark.parametrize("name", ["恒逸", "正泰", "雅迪", "零跑", "蔚来", "韵达", "美团", "沙钢"])
def test_names_of_one_company_are_kept(verdicts, name):
    assert verdicts[name][1] == ""


def test_a_private_enterprise_is_found_in_text(nlp):
    orgs = found(nlp, "雅迪、零跑和韵达等企业负责人出席了签约仪式。")
    assert orgs["雅迪"]["canonical"] == "雅迪科技集团有限公司"
    assert orgs["零跑"]["type"] == "company"


@pytest.mark.parametrize(("text", "word"), [
    ("当地积极推进临工制度改革，严控临工数量。", "临工"),
    ("金桥镇位于县城东部，全镇有企业30家。", "金桥"),
    ("他是个快手，干活很利索。", "快手"),
])
def test_words_of_running_text_are_no_private_enterprises(nlp, text, word):
    assert word not in found(nlp, text)
