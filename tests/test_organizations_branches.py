"""Branches named by place + brand (重庆移动, 渝北联通) built from the gazetteer and the carriers of the
central enterprises' list, and the banks' short names opening their branches (建行某某支行).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs import build


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.fixture(scope="module")
def carrier_rows():
    return {r[0]: r for r in build.carrier_branch_rows()}


@pytest.mark.parametrize(("name", "canonical"), [
    ("重庆移动", "中国移动通信集团有限公司重庆市分公司"),
    ("四川电信", "中国电信集团有限公司四川省分公司"),
    ("渝北联通", "中国联合网络通信集团有限公司渝北区分公司"),
    ("万州区电信", "中国电信集团有限公司万州区分公司"),
    ("重庆电信", "中国电信集团有限公司重庆市分公司"),  # jieba knows it as a proper noun (nz): kept
])
def test_a_place_and_a_brand_name_the_carriers_branch(carrier_rows, name, canonical):
    assert carrier_rows[name] == (name, "company", canonical, "carrier")


@pytest.mark.parametrize("name", [
    "移动", "联通", "电信",  # the brand alone is a common word
    "新建移动", "江南电信",  # a short form that is a common word (新建, 江南) makes a phrase
    "南北移动",  # a phrase of jieba's dictionary (l)
])
def test_no_row_for_a_brand_alone_or_after_a_common_word(carrier_rows, name):
    assert name not in carrier_rows


def test_every_carrier_is_a_central_enterprise():
    with pytest.raises(ValueError, match="central_soes.tsv"):
        build.carrier_parent("某某通信集团有限公司")


@pytest.mark.parametrize(("text", "name"), [
    ("会上，重庆移动与区政府签署了5G网络共建协议。", "重庆移动"),
    ("渝北联通、万州电信分别派员参加了对接会。", "渝北联通"),
    ("渝北联通、万州电信分别派员参加了对接会。", "万州电信"),
    ("天津联通负责人介绍了算力网络的建设进展。", "天津联通"),
])
def test_a_carriers_branch_is_found_in_text(nlp, text, name):
    org = found(nlp, text)[name]
    assert org["type"] == "company" and org["canonical"].endswith("分公司")


@pytest.mark.parametrize(("text", "word"), [
    ("重庆移动互联网产业发展迅速，企业数量持续增长。", "重庆移动"),  # 移动互联网
    ("市民可以通过重庆移动支付平台缴纳水费。", "重庆移动"),  # 移动支付
    ("受冷空气影响，雨带将逐步向广东移动。", "广东移动"),  # a verb of motion
    ("用户可以通过移动支付缴费，电信诈骗案件同比下降。", "移动"),
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
