"""Branches named by place + brand (重庆移动, 渝北联通) read from the gazetteer and the carriers of
rules/organizations/carriers.yaml (each a central enterprise of the cited list), and the banks' short
names opening their branches (建行某某支行). Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs.carriers import carrier_rules
from zhfacts.rules import load_tsv


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize(("place", "full"), [
    ("重庆", "重庆市"), ("四川", "四川省"), ("渝北", "渝北区"), ("万州区", "万州区"),
    ("重庆", "重庆市"),  # 重庆电信 is in jieba's dictionary as a proper noun (nz): the place stays
    ("江北", "江北区"),  # two districts of that name (重庆, 宁波): still one full name
    ("朝阳", "朝阳"),  # a district, a city and a county: the form itself
])
def test_places_that_open_a_branch(place, full):
    assert carrier_rules().places[place] == full


@pytest.mark.parametrize("place", [
    "新建", "江南",  # a short form that is a common word (新建|移动 reads as a phrase)
    "南北",  # no place of the gazetteer (南北移动 is a phrase of jieba's dictionary)
])
def test_words_that_open_no_branch(place):
    assert place not in carrier_rules().places


def test_every_carrier_is_a_central_enterprise_of_the_cited_list():
    soes = {r["name"] for r in load_tsv("organizations/sources/central_soes.tsv")}
    assert set(carrier_rules().brands.values()) <= soes


@pytest.mark.parametrize(("text", "name", "canonical"), [
    ("会上，重庆移动与区政府签署了5G网络共建协议。", "重庆移动", "中国移动通信集团有限公司重庆市分公司"),
    ("四川电信副总经理出席了签约仪式。", "四川电信", "中国电信集团有限公司四川省分公司"),
    ("渝北联通、万州区电信分别派员参加了对接会。", "渝北联通", "中国联合网络通信集团有限公司渝北区分公司"),
    ("渝北联通、万州区电信分别派员参加了对接会。", "万州区电信", "中国电信集团有限公司万州区分公司"),
    ("重庆电信负责人介绍了算力网络的建设进展。", "重庆电信", "中国电信集团有限公司重庆市分公司"),
])
def test_a_carriers_branch_is_found_with_its_canonical(nlp, text, name, canonical):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("company", canonical)


@pytest.mark.parametrize(("text", "name"), [
    ("记者从渝北区移动分公司获悉，全区已建成5G基站两千余个。", "渝北区移动分公司"),  # the head belongs to it
    ("该县联通公司投资三千万元用于光纤改造。", "县联通公司"),  # a level stands for the place before a head
])
def test_a_company_head_after_the_brand_belongs_to_the_name(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "company"


@pytest.mark.parametrize(("text", "word"), [
    ("全市移动用户超过百万，电信业务收入增长。", "市移动"),  # a level without a head is no branch
    ("重庆移动互联网产业发展迅速，企业数量持续增长。", "重庆移动"),  # 移动互联网
    ("市民可以通过重庆移动支付平台缴纳水费。", "重庆移动"),  # 移动支付
    ("受冷空气影响，雨带将逐步向广东移动。", "广东移动"),  # a verb of motion
    ("用户可以通过移动支付缴费，电信诈骗案件同比下降。", "移动"),
    ("当地新建移动基站120个。", "新建移动"),
    # a verb of motion before a list of places, and 联通 linking two places
    ("雨带将逐步向湖南、江西移动。", "江西移动"),
    ("加快推进宜宾与泸州联通，缩短通行时间。", "泸州联通"),
    ("推动我县与泸州联通的快速通道开工。", "泸州联通"),
    ("四川电信业务收入稳步增长。", "四川电信"),  # 业务
])
def test_a_brand_read_as_a_word_is_no_branch(nlp, text, word):
    assert word not in found(nlp, text)


@pytest.mark.parametrize(("text", "name", "canonical"), [
    ("会上，建行渝北支行发放了首笔贷款。", "建行渝北支行", "中国建设银行股份有限公司渝北支行"),
    ("交行重庆分行参加了银企对接会。", "交行重庆分行", "交通银行股份有限公司重庆分行"),
    ("工行万州分行向园区企业授信3亿元。", "工行万州分行", "中国工商银行股份有限公司万州分行"),
])
def test_a_banks_short_name_opens_its_branch(nlp, text, name, canonical):
    """建行 and 交行 are verbs in jieba's dictionary: a name of the knowledge data opens a name anyway."""
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("company", canonical)


def test_a_body_before_the_joiner_leaves_the_brand_a_branch(nlp):
    assert "泸州联通" in found(nlp, "县政府与泸州联通签署战略合作协议。")
