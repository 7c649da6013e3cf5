"""Organization families of round 14 (issue 11) found by the lead on new real pages, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_mentions as mentions
from helpers import organization_names as names


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


REGION_COMMITTEES = [
    # (text, found): an autonomous region's own party committee is named as 省委 is (government.yaml
    # level_bodies), also where it opens a person's title
    ("自治区党委要求各地抓好落实。", ["自治区党委"]),
    ("在自治区党委的领导下，工作取得进展。", ["自治区党委"]),  # as 省委 alone is named now
    ("自治区党委、自治区政府高度重视这项工作。", ["自治区党委", "自治区政府"]),
    ("自治区党委书记到园区调研。", ["自治区党委"]),
]


@pytest.mark.parametrize(("text", "found"), REGION_COMMITTEES)
def test_an_autonomous_regions_party_committee(nlp, text, found):
    assert names(nlp, text) == found


REGISTERED_STARTS = [
    # (text, name): a common noun of the sentence before the place that opens a registered name, and
    # 之一 before a trade name, are no part of the name
    ("本次开工项目苏州宝嘉新能源科技有限公司主要生产储能电池。", "苏州宝嘉新能源科技有限公司"),
    ("开发区项目之一博洛尼家居用品(苏州)有限公司总投资3亿元。", "博洛尼家居用品(苏州)有限公司"),
    # negatives: a group's short name and a bank before the place stay in the name
    ("中石油吉林石化公司完成检修。", "中石油吉林石化公司"),
    ("招商银行苏州分行为企业授信。", "招商银行苏州分行"),
]


@pytest.mark.parametrize(("text", "name"), REGISTERED_STARTS)
def test_a_registered_name_starts_at_its_place(nlp, text, name):
    assert names(nlp, text) == [name]


PHOTO_SUPPLIERS = [
    # (text, found): a photo's supplier is named when it is a body; a person who gave it is none
    ("县城新貌。(受访者供图)", []),
    ("园区一角。(作者供图)", []),
    ("园区一角。(宝鸡日报供图)", ["宝鸡日报"]),
    ("园区一角。(通讯员供图)", []),
    ("园区一角。(本报记者供图)", []),
    ("园区一角。(景区供图)", []),
    ("园区一角。(新华社供图)", ["新华社"]),
]


@pytest.mark.parametrize(("text", "found"), PHOTO_SUPPLIERS)
def test_a_photos_supplier_that_is_a_person_is_no_organization(nlp, text, found):
    assert names(nlp, text) == found


QUOTED = [
    # (text, found): a quotation of a proper name and a pattern word, or of an unknown word and any
    # industry word, names a company; a quoted slogan that ends with a trade's word names none
    ("推动“湘佳牧业”上市。", ["湘佳牧业"]),
    ("支持“潼荣旅游”挂牌。", ["潼荣旅游"]),
    ("全县推进“全域旅游”。", []),
    ("实施“强县工程”三年行动。", []),
    ("紧贴“高质量跨越式发展”要求。", []),
    ("当年从“五小工业”起步。", []),
    ("推动“天目湖旅游”成功上市。", ["天目湖旅游"]),
    ("发展“康养旅游”“研学旅游”，推进“医养健康”。", []),
    ("“全域旅游”示范区挂牌成立。", []),
    ("“民宿旅游”新品上市。", []),
]


@pytest.mark.parametrize(("text", "found"), QUOTED)
def test_a_quoted_slogan_is_no_company(nlp, text, found):
    assert names(nlp, text) == found



def test_a_defined_short_name_is_the_documents_before_its_definition_too(nlp):
    text = "渭滨区与宝文院深化合作。渭滨区与宝鸡文理学院(以下简称宝文院)签约。宝文院将派出专家。"
    assert [m for m in mentions(nlp, text) if m[0] == "宝文院"] == [("宝文院", "宝鸡文理学院", "org.alias.defined")] * 3


INVESTOR_LISTS = [
    # (text, found): a list closed by 等…投资者 names companies where a place opens each item; a list
    # of people closed so names none
    ("该县正与宝鸡鼎盛、西安秦丰等战略投资者洽谈。", ["宝鸡鼎盛", "西安秦丰"]),
    ("张三、李四等投资者出席。", []),
    ("吸引温州商人、台州商人等投资者来县考察。", []),
    ("江苏客商、浙江客商等投资商参加。", []),
    ("上海民营资本、江苏社会资本等投资者参与。", []),
    ("宝鸡石油、西安煤炭等战略投资者参与。", ["宝鸡石油", "西安煤炭"]),
    ("宝鸡籍、西安籍等投资者参加。", []),
]


@pytest.mark.parametrize(("text", "found"), INVESTOR_LISTS)
def test_a_list_of_investors_named_with_their_places(nlp, text, found):
    assert names(nlp, text) == found


KINDS_AND_RELATIONS = [
    # (text, found): kinds of companies in a 、-list name none; a group's relation to its company
    # (母公司, 全资子公司) stands between two names; above-quota firms (限上) are a kind
    ("紧盯国企央企、上市公司、行业龙头企业，开展招商。", []),
    ("对接鑫泰药业母公司华鼎集团外迁项目。", ["鑫泰药业", "华鼎集团"]),
    ("宝钛集团全资子公司宝鸡钛业有限公司投产。", ["宝钛集团", "宝鸡钛业有限公司"]),
    ("限上汽车销售企业达到64家。", []),
]


@pytest.mark.parametrize(("text", "found"), KINDS_AND_RELATIONS)
def test_kinds_and_relations_of_companies(nlp, text, found):
    assert names(nlp, text) == found


LEAGUES_AND_BANNERS = [
    # (text, found): a league (盟) is a level like 州; a banner's everyday name opens its government's
    ("在盟委和旗委坚强领导下完成任务。", ["盟委", "旗委"]),
    ("我代表科右前旗人民政府报告工作。", ["科右前旗人民政府"]),
]


@pytest.mark.parametrize(("text", "found"), LEAGUES_AND_BANNERS)
def test_leagues_and_banners(nlp, text, found):
    assert names(nlp, text) == found


SOURCES_AND_BYLINES = [
    # (text, found): a bracket or a closing quote ends a source's name; a byline's words before the
    # place that ends them are the outlet's (红网时刻|岳阳|12月18日讯), the place is not
    ("凡注明“稿件来源:宝鸡网(包括宝鸡日报)”的稿件", ["宝鸡网", "宝鸡日报"]),
    ("请注明“稿件来源:秦岭财经网”。", ["秦岭财经网"]),
    ("中新网浙江温州12月18日电(记者 张三)县里新增企业8家。", ["中新网"]),
    ("红网时刻岳阳12月18日讯(记者 张三)县里新增企业8家。", ["红网时刻"]),
    ("红网时刻3月15日讯(记者 张三)县里新增企业8家。", ["红网时刻"]),
]


@pytest.mark.parametrize(("text", "found"), SOURCES_AND_BYLINES)
def test_sources_and_bylines(nlp, text, found):
    assert names(nlp, text) == found


WHOLE_NAMES_AND_RANKS = [
    # (text, found): a name jieba knows whole that opens with a place keeps the words before it out;
    # a kind it knows (化工大学) does not; a rank (市级, 省级) makes an institution a kind
    ("嘉宾体验香港理工大学的成果。", ["香港理工大学"]),
    ("宜宾市与四川轻化工大学签约。", ["四川轻化工大学"]),  # a kind jieba knows (化工大学) is no whole name
    ("建设泉州市级科技企业孵化器。", []),
    ("宝鸡市科技企业孵化器揭牌。", ["宝鸡市科技企业孵化器"]),
    # negatives: a party's or league's name, a relation word or a level before a name jieba knows
    ("共青团湖南省委开展志愿服务。", ["共青团湖南省委"]),
    ("首都医科大学附属北京天坛医院专家义诊。", ["首都医科大学附属北京天坛医院"]),
    ("市友谊医院派出专家。", ["市友谊医院"]),
    # a proper word after the rank keeps the name
    ("江苏省省级机关医院专家来县义诊。", ["江苏省省级机关医院"]),
    ("百年名校香港理工大学派出专家。", ["香港理工大学"]),
    ("民建湖南省委调研。", ["民建湖南省委"]),
]


@pytest.mark.parametrize(("text", "found"), WHOLE_NAMES_AND_RANKS)
def test_whole_names_and_ranks(nlp, text, found):
    assert names(nlp, text) == found


ABBREVIATIONS = [
    # (text, abbreviation, canonical or None): a word the dictionary does not know whose characters stand in
    # order in a university's or research body's name the document gives, ending in its head, is its
    # abbreviation; words of running text that happen to do so are not
    ("宝鸡文理学院与渭滨区合作，宝文院派出教师。", "宝文院", "宝鸡文理学院"),
    ("河池市巴马产教融合研究院揭牌。融研院面积1360平方米。", "融研院", "河池市巴马产教融合研究院"),
    ("宝鸡市新能源汽车关键构件技术创新中心成立，宝鸡创新推出沙龙。", "宝鸡创新", None),
    ("宝鸡文理学院建成四大产业学院。", "产业学院", None),
    ("宝鸡文理学院与渭滨区合作，宝文理院派出教授。", "宝文理院", "宝鸡文理学院"),
    ("宝鸡文理学院与渭滨区合作，宝文理院派出教授。", "文理院", None),
    ("宝鸡科技创新研究院揭牌，宝鸡科创院将引进人才。", "宝鸡科创院", "宝鸡科技创新研究院"),
]


@pytest.mark.parametrize(("text", "short", "canonical"), ABBREVIATIONS)
def test_an_abbreviation_of_a_body_named_in_full(nlp, text, short, canonical):
    found = {m[0]: m[1] for m in mentions(nlp, text)}
    assert found.get(short) == canonical


MEDIA_FORMS = [
    # (text, found): an em dash joins two outlets of one group like · does; a body that announces
    # (某市发改委发布消息) is no brand 发布; a report line's 举报 is no paper; 发布者 labels a source
    ("来源:陕工网—陕西工人报", ["陕工网", "陕西工人报"]),
    ("来源：秦风网——秦岭晚报", ["秦风网", "秦岭晚报"]),
    ("8月12日，宝鸡市发改委发布消息称，重点项目完成投资。", ["宝鸡市发改委"]),
    ("来源：宝鸡发布", ["宝鸡发布"]),
    # negatives: a headline's dashes before a paper, a byline's word after a source, a publisher's label
    ("新春走基层——宝鸡日报记者探访护林员。", ["宝鸡日报"]),
    ("来源：宝鸡日报——记者张三", ["宝鸡日报"]),
    ("来源：宝鸡市统计局—宝鸡日报", ["宝鸡市统计局", "宝鸡日报"]),
    ("发布者：管理员 发布时间：2023-06-09", []),
]


@pytest.mark.parametrize(("text", "found"), MEDIA_FORMS)
def test_media_forms(nlp, text, found):
    assert names(nlp, text) == found


def test_a_report_lines_act_is_no_paper(nlp):
    assert "不良信息举报" not in names(nlp, "不良信息举报电话:秦岭财经网(029-87344649)")


RUNS_AND_PREFIXES = [
    # (text, found): industry words after the first stay in a short name unless a field's word follows;
    # the Party's name opens a local committee's body
    ("鑫泰医疗科技展出智能诊疗设备。", ["鑫泰医疗科技"]),
    ("鑫泰储能科技创新成果丰硕。", ["鑫泰储能"]),
    ("由中共宝鸡市委网信办指导。", ["中共宝鸡市委网信办"]),
    # negatives: a product, a field or a relation after the first pattern word is not the name's
    ("宇树科技机器人亮相晚会舞台。", ["宇树科技"]),
    ("鑫泰集团智能工厂投产。", ["鑫泰集团"]),
    ("鑫泰科技控股的鑫源公司投产。", ["鑫泰科技", "鑫源公司"]),
    ("由中国共产党宝鸡市委网信办指导。", ["中国共产党宝鸡市委网信办"]),
    ("共青团宝鸡市委开展志愿服务。", ["共青团宝鸡市委"]),
]


@pytest.mark.parametrize(("text", "found"), RUNS_AND_PREFIXES)
def test_industry_runs_and_party_prefixes(nlp, text, found):
    assert names(nlp, text) == found


TITLED_LISTS = [
    # (text, found): a list whose cue is followed by a title (等…企业董事长) is of people; companies
    # that look like companies are still named there
    ("副会长张新来、王志强、张伯玮等36家会员企业董事长参加。", []),
    ("鑫泰管业、振华包装等企业董事长参加。", ["鑫泰管业", "振华包装"]),
    ("法士特、陕汽等企业总经理参加会议。", ["法士特", "陕汽"]),
    ("商会轮值会长晁某某、副会长张新来、王志强等会员企业董事长参加。", []),
]


@pytest.mark.parametrize(("text", "found"), TITLED_LISTS)
def test_a_list_closed_by_a_title_is_of_people(nlp, text, found):
    assert names(nlp, text) == found


def test_the_partys_committees_and_governments_together_are_no_body(nlp):
    assert names(nlp, "为党委政府提升社会治理能力提供保障。") == []


def test_a_known_name_before_a_head_is_a_name_whatever_jieba_tags_it(nlp):
    assert names(nlp, "学院与安踏集团签署合作协议。县里迁建医院1所。") == ["安踏集团"]


BREADCRUMBS = [
    # (text, found): a breadcrumb's label opens the site's brand; a path that opens with 首页 names none
    ("您的位置: 秦岭网 >> 新闻 >> 区域新闻", ["秦岭网"]),
    ("当前位置：首页 > 县区动态 > 部门动态", []),
]


@pytest.mark.parametrize(("text", "found"), BREADCRUMBS)
def test_a_breadcrumbs_site_brand(nlp, text, found):
    assert names(nlp, text) == found


OFFICES = [
    # (text, found): an investment centre is an office of its place; a founding verb among the words
    # before an office makes them a clause, no body
    ("嵊州市招商投资中心相关负责人介绍。", ["嵊州市招商投资中心"]),
    ("该县成立投资促进服务中心专门招商。", []),
    ("县投资促进服务中心负责人介绍。", ["县投资促进服务中心"]),
]


@pytest.mark.parametrize(("text", "found"), OFFICES)
def test_investment_centres_and_founding_verbs(nlp, text, found):
    assert names(nlp, text) == found
