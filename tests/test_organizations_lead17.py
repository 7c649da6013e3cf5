"""Organization families of round 17 (issue 11) found by the lead on new real pages, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_names as names


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize("text, found", [
    # a level's ownership (县属, 市属: county-owned) stands before a registered name, no word of it
    ("县属宏达农业科技开发有限公司与高校合作。", ["宏达农业科技开发有限公司"]),
    ("市属华远建设投资有限公司完成改制。", ["华远建设投资有限公司"]),
    # a level of designation is a kind, no word of the name after it
    ("组建市级投融资平台公司。", ["投融资平台公司"]),
])
def test_ownership_and_designation_words_open_no_name(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # in the frame 以…为例, a locative jieba glued to the name's first character (以南|华…) is the
    # preposition and that character
    ("以南华智能研究院为例，该院成立5年来成果丰硕。", ["南华智能研究院"]),
    # outside the frame the locative is the sentence's and no name follows
    ("长江以南地区为主要产区。", []),
])
def test_a_locative_glued_inside_the_example_frame(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text", [
    # a head right after a conjunction: nothing between them for the conjunction to join inside a name
    "高新区与银行机构签订合作协议。",
    "开发区与银行对接融资需求。",
])
def test_a_conjunction_right_before_a_head_joins_no_name(nlp, text):
    assert names(nlp, text) == []


def test_a_conjunction_before_the_heads_own_words_still_joins(nlp):
    # 与|工程学院: jieba's token holds the field's last word with the head, so the conjunction joins words
    assert names(nlp, "华东理工大学材料科学与工程学院教授出席。") == ["华东理工大学材料科学与工程学院"]


@pytest.mark.parametrize("text, found", [
    # shops and banks by their kind close a list of companies as 企业 does
    ("公司是永辉、大润发等大型超市的供应商。", ["永辉", "大润发"]),
    # 龙头 and 链主 (leading companies) too, also before a 、
    ("支持华源机电、华康药业等龙头、链主企业发展。", ["华源机电", "华康药业"]),
])
def test_lists_closed_by_kinds_of_companies(nlp, text, found):
    assert names(nlp, text) == found
