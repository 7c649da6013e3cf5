"""Listed companies as knowledge (issue 11): short names from the exchanges' list, linked to their
full names, and the short names left out because they read as ordinary words. Sentences written
for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs import build


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


SHORT_NAMES = [
    ("京东方Ａ", "京东方"),  # a class letter, full width
    ("万  科Ａ", "万科"),
    ("*ST国华", "国华"),  # risk warnings
    ("ST星源", "星源"),
    ("寒武纪-U", "寒武纪"),  # a STAR-market mark
    ("C林平", "林平"),  # a new listing
    ("TCL科技", "TCL科技"),  # Latin letters that are the name stay
]


@pytest.mark.parametrize(("published", "short"), SHORT_NAMES)
def test_share_marks_are_no_part_of_the_name(published, short):
    assert build.listed_short_name(published) == short


LEFT_OUT = [
    "机器人",  # an ordinary word (jieba counts it often)
    "太阳能",
    "新天地",  # a phrase jieba lists as a proper noun
    "张家界",  # a place
    "新产业",  # one character before a common word
    "大智慧",
    "智慧农业",  # common words one after another
    "湖南发展",
    "西部建设",
    "柳工",  # two characters
    "TCL科技",  # not all Chinese characters
]


@pytest.mark.parametrize("name", LEFT_OUT)
def test_names_that_read_as_words_are_left_out(name):
    assert not build.listed_name_ok(name)


@pytest.mark.parametrize("name", ["云天化", "京东方", "国轩高科", "比亚迪", "中国通号", "粤传媒", "长安汽车"])
def test_names_that_read_as_names_are_kept(name):
    assert build.listed_name_ok(name)


def test_listed_rows_link_a_short_name_to_its_full_name():
    rows = {name: (type_, canonical, source) for name, type_, canonical, source in build.listed_rows()}
    assert rows["国轩高科"] == ("company", "国轩高科股份有限公司", "listed")
    assert rows["京东方"][1] == "京东方科技集团股份有限公司"
    assert "机器人" not in rows and "新产业" not in rows


LISTED_IN_TEXT = [
    ("开发区管委会与国轩高科签订电池项目协议。", "国轩高科", "国轩高科股份有限公司"),
    ("引进京东方、比亚迪等龙头企业配套项目。", "京东方", "京东方科技集团股份有限公司"),
    ("引进云天化磷化工新材料项目，总投资8亿元。", "云天化", "云南云天化股份有限公司"),
]


@pytest.mark.parametrize(("text", "name", "canonical"), LISTED_IN_TEXT)
def test_a_listed_short_name_is_a_company_with_its_full_name(nlp, text, name, canonical):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("company", canonical)


NOT_COMPANIES = [
    ("园区新上工业机器人生产线两条。", "机器人"),
    ("光伏板利用太阳能发电。", "太阳能"),
    ("电子企业加快集聚，形成新产业。", "新产业"),
    ("游客前往张家界观光。", "张家界"),
    ("打造智慧农业示范基地。", "智慧农业"),
    ("为湖南发展注入新动能。", "湖南发展"),
]


@pytest.mark.parametrize(("text", "word"), NOT_COMPANIES)
def test_an_ordinary_word_that_is_also_a_stock_name_is_no_company(nlp, text, word):
    assert word not in found(nlp, text)
