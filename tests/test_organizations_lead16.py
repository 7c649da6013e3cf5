"""Organization families of round 16 (issue 11) found by the lead on new real pages, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest
from helpers import organization_names as names

from zhfacts.run.batch import run


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize("text, found", [
    # a known company before a place whose words run to 项目 names its own project there
    ("签约项目有比亚迪合肥新能源三期项目、某某制造项目等。", ["比亚迪"]),
    ("海康威视成都智能制造项目开工。", ["海康威视"]),
    # before a base's or park's head the words name the base, which carries the company (no mention)
    ("中国电子长沙信创产业示范基地落户。", []),
])
def test_a_known_company_opening_its_project(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # an outlet's app written right after the outlet's name is one name, the app's
    ("报道被人民日报客户端、江城日报客户端转载。", ["人民日报客户端", "江城日报客户端"]),
    ("打开新湖南客户端即可收看。", ["新湖南客户端"]),
    # a service's app is no outlet's: no media head, no media of the knowledge data
    ("群众可通过支付宝客户端缴费。", []),
    # the outlet alone stays the outlet's name
    ("人民日报刊发评论。", ["人民日报"]),
])
def test_an_outlets_app(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # government service and investment centres, as before; a mall's leasing office is no body
    ("县投资促进中心、县政务服务中心负责人参加。", ["县投资促进中心", "县政务服务中心"]),
    ("成都万达广场招商中心正式开放。", []),
    # a consultancy named by its place and trade name; a kind of centre is no name
    ("北京嘉禾远景旅游咨询中心发布了报告。", ["北京嘉禾远景旅游咨询中心"]),
    ("学校成立心理咨询中心。", []),
])
def test_centres_and_consultancies(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # one character after a numeral goes with it (500强), not with the name after it
    ("中国民营企业500强湖南金石集团落户园区。", ["湖南金石集团"]),
    ("全国100强江西华源集团签约。", ["江西华源集团"]),
])
def test_a_ranking_before_a_company(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # a bank named by its place and 农商银行, then its branch by a township (a word no dictionary holds,
    # or a place): one name
    ("青山农商银行双塘支行行长介绍了贷款情况。", ["青山农商银行双塘支行"]),
    ("青山农商银行城关支行发放贷款。", ["青山农商银行城关支行"]),
    # words between the bank and 支行 that name no place: the bank alone
    ("重庆农村商业银行所有支行均可办理。", ["重庆农村商业银行"]),
    ("青山农商银行基层支行发放贷款。", ["青山农商银行"]),
    # a company's branch, as before
    ("重庆宏达科技有限公司成都分公司负责人介绍。", ["重庆宏达科技有限公司成都分公司"]),
])
def test_a_named_banks_branch(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # title marks hold the whole paper's name: no author's name is cut off its start
    ("合作社负责人对《农村金融时报》记者说。", ["农村金融时报"]),
    ("他对《金融时报》记者说。", ["金融时报"]),
])
def test_a_paper_in_title_marks_keeps_its_first_words(nlp, text, found):
    assert names(nlp, text) == found


def test_a_universitys_trial_station(nlp):
    text = "学校与区政府共建“华中农业大学青山甜瓜试验示范站”。"
    assert "华中农业大学青山甜瓜试验示范站" in names(nlp, text)


@pytest.mark.parametrize("text, found", [
    # a member-kind word right before an association's head makes it a kind (chambers of people from
    # elsewhere, counted), whatever stands before it; before a proper name it names one chamber
    ("全市现有异地商会12家，市域内异地商会3家。", []),
    ("来自各地的异地莆田商会会长出席。", ["异地莆田商会"]),
    # after a home place or a trade name the member word names one association
    ("福清异地商会成立。", ["福清异地商会"]),
    ("巴林右旗宏达农牧民专业合作社理事长介绍。", ["巴林右旗宏达农牧民专业合作社"]),
])
def test_a_kind_of_association_by_its_members(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # the document's short name of a group (中新 of 中新集团) opens the park's name: part of it
    ("中新集团董事长表示，中新青湖园区是集团的又一重要项目。", ["中新集团"]),
    # before common words and 园区 (any park) a short name is a mention
    ("宏达科技进驻园区以来发展迅速。", ["宏达科技"]),
])
def test_a_short_name_opening_a_parks_name(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # 政府工作报告 is the document's name (the government work report); a heading's 人民政府 is its author
    ("2024年临泉县政府工作报告全文发布。", []),
    ("临泉县人民政府工作报告", ["临泉县人民政府"]),
    ("临泉县政府召开常务会议。", ["临泉县政府"]),
])
def test_the_government_work_report_is_no_body(nlp, text, found):
    assert names(nlp, text) == found



def test_a_person_named_by_a_title_before_a_company(nlp):
    # a lost comma between a person's title and name and the next company: the person is no name's
    text = "商学院院长刘志明齐盛众创有限公司董事长王强共同签订协议。"
    assert "齐盛众创有限公司" in names(nlp, text)
    assert not any(name.startswith("刘志明") for name in names(nlp, text))


@pytest.mark.parametrize("text, found", [
    # jieba glued a known name's last character to a stop word (院|在): the name still stands as a word
    ("中国信通院在报告中指出，百强县发展呈现新特点。", ["中国信通院"]),
    # a word of the dictionary resumed after the name, as before (工信部|下属)
    ("工信部下属单位参加。", ["工信部"]),
])
def test_a_known_name_glued_to_a_stop_word(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # the mayor and the bureau: no office named 市长和投促局
    ("水富市市长和投促局负责人出席签约。", []),
    # a title run on by nouns is an office's words
    ("长春市市长公开电话办公室受理群众诉求。", ["长春市市长公开电话办公室"]),
])
def test_a_persons_title_joined_to_a_body(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # a word ending with the name's own head before the place that opens the name: a kind in apposition
    ("苍溪县与结对省级商会浙江省四川商会签约。", ["浙江省四川商会"]),
    # a university before its institute in another place is still the institute's name
    ("清华大学四川能源互联网研究院揭牌。", ["清华大学四川能源互联网研究院"]),
    # a parent's name ending with the same head before a place: one name
    ("北京大学人民医院青岛医院开诊。", ["北京大学人民医院青岛医院"]),
])
def test_a_kind_with_the_same_head_before_a_name(nlp, text, found):
    assert names(nlp, text) == found


def test_the_world_bank_is_known(nlp):
    assert names(nlp, "评价体系参照世界银行的营商环境评估。") == ["世界银行"]


@pytest.mark.parametrize("text, found", [
    # a list closed by 等 and a field's word lists fields, not companies
    ("业务涉及医药、医美、环保、特医食品等领域。", []),
    ("引进宏达科技、盛源电子等企业。", ["宏达科技", "盛源电子"]),
    ("盛源电子等与会企业代表发言。", ["盛源电子"]),
])
def test_a_list_of_fields_names_no_company(nlp, text, found):
    assert names(nlp, text) == found


def test_online_and_offline_is_no_company(nlp):
    # 线上线下 is also a listed company's short name; in running text it is the channels of trade
    assert names(nlp, "推动线上线下融合发展，线上线下同步销售。") == []


@pytest.mark.parametrize("text, found", [
    # a province and industry words with a category word among them: a state company's registered name
    ("与河南省农业综合开发有限公司签约。", ["河南省农业综合开发有限公司"]),
    # other category words after the place make a kind of company
    ("江苏省上市医药公司达到50家。", []),
    ("河南省重点物流有限公司名单公布。", []),
])
def test_a_state_companys_registered_name(nlp, text, found):
    assert names(nlp, text) == found


@pytest.mark.parametrize("text, found", [
    # the post's county branch is written place + brand, as the carriers' are
    ("中江县邮政分公司工作人员介绍了情况。", ["中江县邮政分公司"]),
    ("台州邮政开通了新航线。", ["台州邮政"]),
    # the post alone, its savings and its regulator are no branch
    ("借助邮政的平台销售。", []),
    ("台州邮政储蓄业务增长。", []),
    ("重庆市邮政快递业务量完成10亿件。", []),
    ("四川省邮政行业业务收入增长12%。", []),
])
def test_the_posts_county_branch(nlp, text, found):
    assert names(nlp, text) == found


def test_a_paper_beside_the_dateline_named_in_common_words(tmp_path):
    # a paper's name may be made of common words (农业科技报); a column's before the dateline is not a media
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "p1.txt").write_text(
        "县里的保险赔款到账了。\n\n农业科技报 2021-11-17 09:08\n\n通讯员 李明\n\n农户的苹果保险赔款到账。\n",
        encoding="utf-8")
    (articles / "p2.txt").write_text("县里开会。\n\n时政新闻 2021-11-17 09:08\n\n县里开会。\n", encoding="utf-8")
    # an edition or a column ending like a paper, of one common word, is no outlet
    (articles / "p3.txt").write_text("县里开会。\n\n电子报 2021-11-17 09:08\n\n县里开会。\n", encoding="utf-8")
    (articles / "p4.txt").write_text("县里开会。\n\n工作日报 2021-11-17 09:08\n\n县里开会。\n", encoding="utf-8")
    run([str(articles)], tmp_path / "out", jobs=1)
    rows = [json.loads(line) for line in (tmp_path / "out" / "organizations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["text"], r["rule"]) for r in rows] == [("p1", "农业科技报", "org.media.dateline")]


@pytest.mark.parametrize("text, found", [
    # jieba tags 全面落实 an idiom: before a level's own body the place is the sentence's subject
    ("近年来，台山全面落实省委关于制造业的部署。", ["省委"]),
    # elsewhere an idiom is a field of the name (扶贫开发, 见义勇为 are tagged i too)
    ("省扶贫开发协会召开会员代表大会。", ["省扶贫开发协会"]),
    ("湖南省见义勇为基金会颁发奖金。", ["湖南省见义勇为基金会"]),
])
def test_an_idiom_before_a_level_body(nlp, text, found):
    assert names(nlp, text) == found
