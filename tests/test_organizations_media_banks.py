"""News organisations and banks as public knowledge (issue 11): the Cyberspace Administration's list of
news sources and the regulator's list of legal-entity banks, built into the knowledge data; a masthead
inside a page's chrome bounded to itself; a bank's branch linked to the bank's full name. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs import build


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize(("legal", "short"), [
    ("桂林银行股份有限公司", "桂林银行"),
    ("东亚银行（中国）有限公司", "东亚银行"),  # a foreign bank's Chinese company
    ("中邮邮惠万家银行有限责任公司", "中邮邮惠万家银行"),
    ("新联商业银行", "新联商业银行"),  # no legal form: the name itself
])
def test_a_banks_short_name_drops_its_legal_form(legal, short):
    assert build.bank_short_name(legal) == short


@pytest.mark.parametrize("short", ["企业银行", "国民银行", "首都银行"])  # a common word before 银行
def test_a_short_name_that_reads_as_a_phrase_is_left_out(short):
    assert not build.bank_short_ok(short)


@pytest.mark.parametrize("short", ["桂林银行", "哈尔滨银行", "平安银行", "长城华西银行", "朝阳银行"])
def test_a_short_name_after_a_place_or_a_proper_word_is_kept(short):
    assert build.bank_short_ok(short)


def test_bank_rows_link_the_short_name_to_the_legal_name():
    rows = {name: (type_, canonical, source) for name, type_, canonical, source in build.bank_rows()}
    assert rows["柳州银行"] == ("company", "柳州银行股份有限公司", "nfra")
    assert rows["柳州银行股份有限公司"] == ("company", "柳州银行股份有限公司", "nfra")
    assert rows["汇丰银行"][1] == "汇丰银行(中国)有限公司"
    assert "企业银行" not in rows


@pytest.mark.parametrize(("name", "kept"), [
    ("新京报", True), ("北方网", True), ("扬子晚报", True), ("中国国际广播电台", True), ("新华社", True),
    ("瞭望", False), ("中国青年", False), ("当代世界", False),  # magazines named by a phrase
    ("红网", False),  # two characters
])
def test_news_sources_that_read_as_words_are_left_out(name, kept):
    assert build.media_name_ok(name) is kept


BANKS_IN_TEXT = [
    ("柳州银行为园区企业发放贷款两千万元。", "柳州银行", "柳州银行股份有限公司"),
    ("会上，哈尔滨银行与三家企业签约。", "哈尔滨银行", "哈尔滨银行股份有限公司"),
    ("在桂林银行的支持下，合作社扩大了种植面积。", "桂林银行", "桂林银行股份有限公司"),
]


@pytest.mark.parametrize(("text", "name", "canonical"), BANKS_IN_TEXT)
def test_a_city_bank_is_a_company_with_its_legal_name(nlp, text, name, canonical):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("company", canonical)


@pytest.mark.parametrize(("text", "name", "canonical"), [
    ("桂林银行永福支行向果农发放贷款。", "桂林银行永福支行", "桂林银行股份有限公司永福支行"),
    ("长沙银行湘潭分行当天开业。", "长沙银行湘潭分行", "长沙银行股份有限公司湘潭分行"),
])
def test_a_branch_of_a_known_bank_takes_the_banks_full_name(nlp, text, name, canonical):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("company", canonical)


@pytest.mark.parametrize(("text", "name"), [
    ("福建宏源农村商业银行股份有限公司城东支行昨日开业。", "福建宏源农村商业银行股份有限公司城东支行"),
    ("泉州鑫源农村商业银行股份有限公司城南支行举行揭牌仪式。", "泉州鑫源农村商业银行股份有限公司城南支行"),
    ("宏源村镇银行股份有限公司营业部今日迁址。", "宏源村镇银行股份有限公司营业部"),
])
def test_a_branch_of_an_unknown_bank_keeps_its_surface(nlp, text, name):
    orgs = found(nlp, text)
    assert list(orgs) == [name]  # the branch whole, not the bank before it
    assert (orgs[name]["type"], orgs[name]["canonical"]) == ("company", name)


@pytest.mark.parametrize(("text", "word"), [
    ("他在企业银行账户里存了一笔钱。", "企业银行"),
    ("记者翻阅了当代世界地图册。", "当代世界"),
])
def test_an_ordinary_phrase_is_no_bank_or_paper(nlp, text, word):
    assert word not in found(nlp, text)


MEDIA_IN_TEXT = [
    ("新京报 记者 王某 报道", "新京报"),
    # an outlet's app is named as written, the outlet's name with 客户端 (annotators of real pages
    # write it so: 人民日报客户端, 上游新闻客户端)
    ("新京报客户端当天推送了这条消息。", "新京报客户端"),
    ("据北方网消息，展会今天开幕。", "北方网"),
]


@pytest.mark.parametrize(("text", "name"), MEDIA_IN_TEXT)
def test_a_news_organisation_of_the_list_is_found(nlp, text, name):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("other", name)


@pytest.mark.parametrize(("text", "name"), [
    ("更多资讯请扫描文末二维码关注河南日报客户端。", "河南日报客户端"),  # the outlet's app, as written
    ("欢迎关注浙江日报微信公众号。", "浙江日报"),
    ("点击关注扬子晚报，获取更多资讯。", "扬子晚报"),
    ("欢迎扫码关注新京报微博。", "新京报"),  # three characters: matched as a word of the knowledge data
    ("扫描二维码关注中国日报网。", "中国日报网"),
])
def test_a_masthead_in_page_chrome_is_bounded_to_itself(nlp, text, name):
    orgs = found(nlp, text)
    assert name in orgs
    assert all(other == name or name not in other for other in orgs)
