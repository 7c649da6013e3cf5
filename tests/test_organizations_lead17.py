"""Organization families of round 17 (issue 11) found by the lead on new real pages, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_names as names
from helpers import organizations_found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize("text, found", [
    # a level's ownership (县属, 市属: county-owned) stands before a registered name, no word of it
    ("县属宏达农业科技开发有限公司与高校合作。", ["宏达农业科技开发有限公司"]),
    ("市属华远建设投资有限公司完成改制。", ["华远建设投资有限公司"]),
    # a level of designation after a place stays in the name
    ("湘潭市国家级经济技术开发区管委会召开会议。", ["湘潭市国家级经济技术开发区管委会"]),
])
def test_ownership_words_open_no_name(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # in the frame 以…为例, a locative jieba glued to the name's first character (以南|华…) is the
    # preposition and that character
    ("以南华智能研究院为例，该院成立5年来成果丰硕。", ["南华智能研究院"]),
    # outside the frame the locative is the sentence's and no name follows
    ("长江以南地区为主要产区。", []),
    # after a pronoun the frame is read the same way
    ("本文以南华智能研究院为例，该院成立5年来成果丰硕。", ["南华智能研究院"]),
    ("该县以东华新材料公司为龙头。", ["东华新材料公司"]),
])
def test_a_locative_glued_inside_the_example_frame(nlp, text, found):
    assert names(nlp, text) == found


def test_a_locative_after_a_place_is_the_sentences(nlp):
    # 长江|以南: a place before the direction word makes it the sentence's; the name is not cut inside it
    assert "南华东电网公司" not in names(nlp, "长江以南华东电网公司为主要供电单位。")


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
    # but not where they modify a noun after them, or a copula shows the sentence went on
    ("全县重点发展茶叶、中药材等龙头产业。", []),
    ("办理开户、转账等银行服务。", []),
    ("平时家里卷纸、洗衣液等日用品都是在超市购买。", []),
    ("推动富硒茶、黑木耳等特色产品进入大型商超。", []),
    ("推广生鲜、日用品等超市商品。", []),
    # the lists the older cues close stay lists
    ("包括鑫源、恒泰等在内的30多家企业参加签约。", ["鑫源", "恒泰"]),
    ("鑫源、恒泰等是全县重点企业。", ["鑫源", "恒泰"]),
])
def test_lists_closed_by_kinds_of_companies(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # a site's brand opening a header line before the page's date label is the site's own
    ("江城产业网发布时间:2024-03-05 10:20:11\n\n本市新签约项目12个。", ["江城产业网"]),
    ("江城产业网  日期: 2024-03-05\n\n本市新签约项目12个。", ["江城产业网"]),
    # a page's label run into the source before its colon is cut off (关键词)
    ("2024-03-05 08:42来源:江城工业报关键词:钢铁 产能", ["江城工业报"]),
    # words of such labels inside a source's name stay in it
    ("来源：中国收藏网 2024-03-05", ["中国收藏网"]),
    ("来源：全民阅读网 2024-03-05", ["全民阅读网"]),
    # a byline's label before its colon ends the source too
    ("2024-03-05 08:42来源:江城工业报作者:张三", ["江城工业报"]),
])
def test_media_in_page_headers(nlp, text, found):
    assert names(nlp, text) == found


def test_a_colon_with_no_label_ends_no_source(nlp):
    found = organizations_found(nlp, "来源：县统计局：数据显示，全县工业增长。")
    assert all(org["rule"] != "org.media.source" for org in found.values())


def test_a_dateline_after_a_headline_is_no_part_of_it(nlp):
    # the headline's last words before an outlet's 讯 dateline are no part of the outlet's name
    text = "江城银行授信100亿元 支持产城融合 示范区建设\n\n江城日报讯 (记者/张三) 记者昨日获悉。"
    assert names(nlp, text) == ["江城银行", "江城日报"]


@pytest.mark.parametrize("text, name, type_", [
    # an institution's own party committee before a person's title names the institution
    ("县农商银行党委书记张三出席。", "县农商银行", "company"),
    ("浙江农林大学党委书记李四讲话。", "浙江农林大学", "university"),
    ("县人民医院党委书记赵六出席。", "县人民医院", "other"),
])
def test_an_institutions_party_committee_before_a_title(nlp, text, name, type_):
    found = organizations_found(nlp, text)
    assert list(found) == [name] and found[name]["type"] == type_


@pytest.mark.parametrize("text, name", [
    ("区委书记王五出席。", "区委"),
    # a zone's or a street's dispatched committee is a government body of its own
    ("江城产业园区党工委书记张三出席。", "江城产业园区党工委"),
])
def test_a_government_committee_before_a_title_stays_a_body(nlp, text, name):
    found = organizations_found(nlp, text)
    assert list(found) == [name] and found[name]["type"] == "government"


@pytest.mark.parametrize("text, found", [
    # the last office of a list ends at its head where the sentence goes on with no 等
    ("近日，宁远县农业农村局、财政局联合华泰保险公司开展培训。", ["宁远县农业农村局", "财政局", "华泰保险公司"]),
    ("区科技局、教育局负责实施。", ["区科技局", "教育局"]),
    # a middle item, or a last one that is an office whole, keeps its whole name
    ("县财政局、税务局稽查局、审计局等部门联合检查。", ["县财政局", "税务局稽查局", "审计局"]),
    ("县发改委、公安局交警大队等单位参加。", ["县发改委", "公安局交警大队"]),
    # a verb after the last office joins no second one to it
    ("县农业农村局、财政局联合发改局印发实施方案。", ["县农业农村局", "财政局"]),
    # an ordinary word that ends like an office is none (格局)
    ("县发改委、格局大变。", ["县发改委"]),
])
def test_the_last_office_of_a_list(nlp, text, found):
    assert names(nlp, text) == found


def test_a_known_name_found_by_its_head_takes_the_knowledge_type(nlp):
    # 中国人民银行 ends with 银行, a company's head, but the central bank is a government body
    found = organizations_found(nlp, "中国人民银行召开金融工作会议。")
    assert found["中国人民银行"]["type"] == "government"
    assert found["中国人民银行"]["rule"] == "org.suffix.government"
