"""Defects a review of round 8 found in organizations (issue 11), one table per family with the
names that must stay: a marker defining a word that names no body (公司, 甲方, 开发区), a place alone
before a farm's or a shop's head, a verb before a bracketed place, a place and 银行 before a banking
sector's word. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

import zhfacts
from zhfacts.extract.orgs.defined import names_a_body
from zhfacts.extract.orgs.rules import org_rules


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def _claim_values(text: str) -> list[float]:
    return [c["value"] for c in zhfacts.extract_text(text, pub_date="2024-06-01").records("claims")]


# 1. a short name a marker defines is refused when it names no body: the bracket and every later
# mention of the word are no organization
DEFINED_NOT_NAMES = [
    ("福建鑫达机械制造有限公司(以下简称“本公司”)成立于2010年。本公司主营农机。", "本公司"),  # self-reference
    ("福建鑫达机械制造有限公司(以下简称“公司”)去年扩产。公司计划上市。", "公司"),  # generic noun
    ("德化县鑫达陶瓷有限公司(以下简称“该公司”)去年投产。", "该公司"),  # a pronoun before a head
    ("德化县人民政府(以下简称“甲方”)与福建鑫达机械制造有限公司(以下简称“乙方”)签约。甲方提供用地。", "甲方"),
    ("德化县人民政府(以下简称“甲方”)与福建鑫达机械制造有限公司(以下简称“乙方”)签约。乙方负责建设。", "乙方"),
    ("泉州鑫源农村商业银行股份有限公司(以下简称“本行”)发布年报。本行资产增长。", "本行"),
    ("德化县高新技术产业开发区管理委员会(以下简称“高新区”)负责招商。全市高新区发展加快。", "高新区"),  # a zone's kind
    ("德化县经济开发区管理委员会(以下简称“开发区”)负责园区建设。各地开发区扩容。", "开发区"),
    ("德化县陶瓷行业协会(以下简称“协会”)举办年会。协会会员增至200家。", "协会"),  # a head word
    ("德化县人民政府(以下简称“德化”)与企业签约。", "德化"),  # a place
]


@pytest.mark.parametrize(("text", "word"), DEFINED_NOT_NAMES)
def test_a_word_defined_by_a_marker_that_names_no_body_is_no_organization(nlp, text, word):
    assert word not in found(nlp, text)


DEFINED_NAMES = [
    ("福建鑫达机械制造有限公司(以下简称“鑫达机械”)成立于2010年。鑫达机械主营农机。", "鑫达机械", "福建鑫达机械制造有限公司"),
    ("德化县鑫达陶瓷有限公司(下称“鑫达陶瓷”)去年投产。", "鑫达陶瓷", "德化县鑫达陶瓷有限公司"),
]


@pytest.mark.parametrize(("text", "short", "canonical"), DEFINED_NAMES)
def test_a_proper_short_name_defined_by_a_marker_links_to_the_full_name(nlp, text, short, canonical):
    org = found(nlp, text)[short]
    assert (org["rule"], org["canonical"]) == ("org.alias.defined", canonical)


@pytest.mark.parametrize(("short", "names"), [
    ("甲方", False), ("双方", False), ("发行人", False), ("我司", False), ("该公司", False), ("本集团", False),
    ("开发区", False), ("集团", False), ("企业", False), ("德化", False),
    ("鑫达机械", True), ("县科技局", True),
])
def test_the_not_a_name_test_of_a_defined_short_name(short, names):
    assert names_a_body(short, org_rules()) is names


# 2. a farm's or a shop's head: a place or a level alone names no body (the place's farms or shops
# counted together, whose figures are the district's); a proper or rare word does
@pytest.mark.parametrize(("text", "kind"), [
    ("德化县家庭农场共有85家。", "德化县家庭农场"),
    ("县养殖场粪污资源化利用率达到90%。", "县养殖场"),
    ("泉州市超市销售额增长4.1%。", "泉州市超市"),
    ("德化县超市和便利店营业额回升。", "德化县超市"),
    ("德化县生猪养殖场达到30家。", "德化县生猪养殖场"),
])
def test_a_place_before_a_farms_or_shops_head_is_no_company(nlp, text, kind):
    assert kind not in found(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("德化县青山家庭农场和鑫源养殖场获评示范场。", "德化县青山家庭农场"),
    ("德化县青山家庭农场和鑫源养殖场获评示范场。", "鑫源养殖场"),
    ("福清市永辉超市开业。", "永辉超市"),
    ("县自来水厂完成改造。", "县自来水厂"),  # a works: a level still names it
    ("德化县陶瓷厂扩建窑炉。", "德化县陶瓷厂"),
])
def test_a_named_farm_shop_or_works_is_a_company(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "company"


@pytest.mark.parametrize(("text", "values"), [
    ("德化县家庭农场共有85家，比上年增加12家。", [85.0, 12.0]),
    ("德化县养殖场粪污处理设施配套率达到97%。", [97.0]),
])
def test_a_districts_farms_keep_its_claims(text, values):
    assert _claim_values(text) == values


# 3. a bracketed place inside a name keeps a field's word before it (转化), not a verb or stop word
@pytest.mark.parametrize(("text", "wrong"), [
    ("泉州大学与鑫达机械共建(德化)研究院。", "鑫达机械共建(德化)研究院"),
    ("泉州大学与鑫达机械共建(德化)研究院。", "(德化)研究院"),
    ("鑫达机械有限公司入驻(德化)科技园。", "鑫达机械有限公司入驻(德化)科技园"),
    ("鑫达机械有限公司位于(德化)产业园。", "鑫达机械有限公司位于(德化)产业园"),
])
def test_a_verb_before_a_bracketed_place_ends_the_name(nlp, text, wrong):
    assert wrong not in found(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("泉州鲤城医学工程转化(德化)中心揭牌。", "泉州鲤城医学工程转化(德化)中心"),
    ("泉州大学与鑫达机械共建(德化)研究院。", "鑫达机械"),
])
def test_the_name_before_a_bracketed_place_is_kept(nlp, text, name):
    assert name in found(nlp, text)


# 4. a place and 银行 before a banking sector's word (机构, 网点, 存款) are the place's banks, not the
# bank of the knowledge data named after the place; the bank is still found elsewhere
@pytest.mark.parametrize("text", ["上年末厦门银行机构存款余额增长8%。", "厦门银行网点覆盖全省。", "厦门银行系统内开展竞赛。"])
def test_a_places_banking_sector_is_no_bank(nlp, text):
    assert "厦门银行" not in found(nlp, text)


@pytest.mark.parametrize("text", ["厦门银行今年净利润增长。", "厦门银行与德化县签约。"])
def test_the_bank_named_after_a_place_is_still_found(nlp, text):
    org = found(nlp, text)["厦门银行"]
    assert (org["type"], org["canonical"]) == ("company", "厦门银行股份有限公司")
