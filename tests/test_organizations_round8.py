"""Organization families of round 8 (issue 11), one table per family, negatives included: ordinals
as words of a name, works and health centres by a trade word, short names a text defines in
brackets, bracketed places inside a name, conjunctions glued to a level, zones that name a body,
places before a known company, a department before a title, parties named in a document's title,
a hyphen between a university and its institute, a brand's own channel, a government's head by
title. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


FOUND = [
    # an ordinal inside a name after a rare word, and one that opens the name after a boundary
    ("华星电科第十四研究所研制的设备交付。", "华星电科第十四研究所", "research"),
    ("据第一商业周报报道，当地消费回暖。", "第一商业周报", "other"),
    ("县第三中学举行开学典礼。", "县第三中学", "other"),
    # a bare numeral right before the head after a proper word or level
    ("中南大学湘雅医院、湘雅二医院专家到县义诊。", "湘雅二医院", "other"),
    ("市一医院新院区启用。", "市一医院", "other"),
    # a group's numbered units one after another, before a project's words too
    ("中建五局三公司中标县城新区建设项目。", "中建五局三公司", "company"),
    ("中国电科十四所研制的雷达交付。", "中国电科十四所", "company"),
    ("中船七〇二所参与研发。", "中船七〇二所", "company"),
    # a works named by a proper noun or a level before a common trade word
    ("红星机械厂的工人加班赶订单。", "红星机械厂", "company"),
    ("县自来水厂完成管网改造。", "县自来水厂", "company"),
    # farms and shops by the same grammar as works
    ("宏发养殖场存栏生猪5000头。", "宏发养殖场", "company"),
    ("步步高超市长沙店开业。", "步步高超市", "company"),
    # a township's health centre
    ("城关镇卫生院新楼投入使用。", "城关镇卫生院", "other"),
    # a bracketed place inside a name keeps the word before it
    ("天津滨海智能装备转化(铜梁)研究院正式运营。", "天津滨海智能装备转化(铜梁)研究院", "research"),
    ("天津滨海智能装备转化（铜梁）研究院正式运营。", "天津滨海智能装备转化（铜梁）研究院", "research"),
    # a bare 中心 right after a bracketed place inside the name
    ("天津滨海智能装备转化(铜梁)中心正式运营。", "天津滨海智能装备转化(铜梁)中心", "research"),
    ("天津滨海智能装备转化（铜梁）中心正式运营。", "天津滨海智能装备转化（铜梁）中心", "research"),
    # a conjunction jieba glued to the next body's level character ends the first body
    ("市生态环境局和市水利局开展联合检查。", "市生态环境局", "government"),
    # a joining conjunction between a field's words stays inside the name (no company's short name before it)
    ("开发区将与某某大学共建新能源与先进材料人才创新创业联盟。", "新能源与先进材料人才创新创业联盟", "other"),
    ("园区共建了新材料与智能装备产业联盟。", "新材料与智能装备产业联盟", "other"),
    # a zone named by a proper word names the bodies after it, inside a title too
    ("区委书记、青石产业开发区党工委书记出席签约仪式。", "青石产业开发区党工委", "government"),
    ("青石产业开发区管委会主任致辞。", "青石产业开发区管委会", "government"),
    ("青石新城管委会副主任出席。", "青石新城管委会", "government"),
    # a zone's other name in brackets; a survey team named by its parent body and a place
    ("浏阳经开区(高新区)管委会与某某汽车工业有限公司签订协议。", "浏阳经开区(高新区)管委会", "government"),
    ("本公报数据由县统计局、国家统计局桃源调查队提供。", "国家统计局桃源调查队", "government"),
    # a business word after characters of the trade name jieba split after a place
    ("湖北省外经建设集团与县政府签约。", "湖北省外经建设集团", "company"),
    # a list of two whose first item is a full name: the other is a company too
    ("签约仪式上,湖北省外经建设集团、合肥宏轩等企业签约。", "合肥宏轩", "company"),
    # a state body of the knowledge data opens its office's name like a place; a survey corps
    ("由工业和信息化部中小企业发展促进中心评定。", "工业和信息化部中小企业发展促进中心", "government"),
    ("据国家统计局湖南调查总队测算，全省经济增长5%。", "国家统计局湖南调查总队", "government"),
    # a company's department before a title: the company alone
    ("宏远生化能源(平江)有限公司生产部经理介绍了工艺。", "宏远生化能源(平江)有限公司", "company"),
    # the parties named in a document's title
    ("双方签订《湖南星沙理工大学、平江县人民政府战略合作协议》。", "平江县人民政府", "government"),
    # a hyphen between a university's name and its institute's
    ("两人共同为湖南星沙理工大学-平江产业技术研究院揭牌。", "湖南星沙理工大学-平江产业技术研究院", "research"),
]


@pytest.mark.parametrize(("text", "name", "type_"), FOUND)
def test_names_found_by_family(nlp, text, name, type_):
    orgs = found(nlp, text)
    assert name in orgs, orgs
    assert orgs[name]["type"] == type_


NOT_FOUND = [
    # counts and ranks are no ordinals of a name
    ("该县综合排名第二，高新区管委会表示满意。", "第二"),
    ("全市第一个新型研发机构挂牌。", "第一个"),
    ("县里建成三医院两所。", "三医院"),
    # generic works and health centres
    ("全县新建水泥厂两座。", "水泥厂"),
    ("旧城旧厂改造加快推进。", "旧城旧厂"),
    ("县城新开了一家大型超市。", "大型超市"),
    ("全县新增家庭农场120家，养殖场30个。", "家庭农场"),
    ("全县乡镇卫生院完成标准化建设。", "乡镇卫生院"),
    ("中心卫生院建设加快。", "中心卫生院"),
    ("新建标准化卫生室30个，改造乡镇卫生院5所。", "改造乡镇卫生院"),
    # a particle after a verb ends a name; a hospital's grade is a kind
    ("这标志着集团公司与县里的合作全面展开。", "标志着集团公司"),
    ("县人民医院成为三级综合医院。", "三级综合医院"),
    # a bracketed place and 中心 with no name's words before them
    ("会议在(重庆)中心举行。", "(重庆)中心"),
    # kinds of companies before an industry word are no short name
    ("引进知名企业集团3家，世界500强企业2家。", "知名企业集团"),
    # one trade word alone before an institution's head is a kind
    ("县政府与某某大学签约，共建食品研究院。", "食品研究院"),
    # a company's short name before 与 ends there
    ("元泰科技与四川轻化工大学签约。", "元泰科技与四川轻化工大学"),
    # a zone named by its kind alone names no body
    ("经济开发区管委会主任出席。", "经济开发区管委会"),
    # a department before a title is the person's title
    ("宏远生化能源(平江)有限公司生产部经理介绍了工艺。", "宏远生化能源(平江)有限公司生产部"),
    # a company's words inside a quoted slogan stay words of it
    ("打造“产业+平台+专业运营公司”模式。", "专业运营公司"),
    # a government's head by title opens no body
    ("江北区区长张华作政府工作报告。", "江北区区长张华作政府"),
    ("江北区区长张华作政府工作报告。", "张华作政府"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


def test_ordinals_of_names_are_rules_data():
    from zhfacts.extract.orgs.rules import org_rules

    rules = org_rules()
    assert rules.ordinal.fullmatch("第十四") and not rules.ordinal.fullmatch("第一批")


DEFINED = [
    # (text, short name, full name, type)
    ("湖南星城智能装备有限公司（以下简称“星城智能”）落户园区，星城智能计划投资5亿元。", "星城智能",
     "湖南星城智能装备有限公司", "company"),
    ("长沙恒锐生物有限公司(下称恒锐)落户园区，恒锐计划投资5亿元。", "恒锐", "长沙恒锐生物有限公司", "company"),
    ("湖南恒远重工机械有限公司（简称：恒远重工）落户园区，恒远重工计划投资。", "恒远重工", "湖南恒远重工机械有限公司",
     "company"),
    ("星沙先进技术研究院(以下简称“星沙先进院”)与区政府合作。星沙先进院将派出团队。", "星沙先进院",
     "星沙先进技术研究院", "research"),
    ("湖北省经济和信息化厅（以下简称省经信厅）发布通知，省经信厅要求各地落实。", "省经信厅", "湖北省经济和信息化厅",
     "government"),
]


@pytest.mark.parametrize(("text", "short", "full", "type_"), DEFINED)
def test_a_short_name_defined_in_brackets_is_the_bodys(nlp, text, short, full, type_):
    doc = nlp(text)
    mentions = [h for h in doc._.organizations if doc.text[h.start:h.end] == short]
    assert len(mentions) == 2  # in the brackets and later
    assert all(h.fields["canonical"] == full and h.fields["type"] == type_ and h.rule == "org.alias.defined"
               for h in mentions)


def test_an_abbreviation_alone_in_brackets_is_defined_too(nlp):
    doc = nlp("湖北省经济和信息化厅（省经信厅）发布通知，省经信厅要求各地落实。")
    mentions = [h for h in doc._.organizations if doc.text[h.start:h.end] == "省经信厅"]
    assert len(mentions) == 2 and all(h.fields["canonical"] == "湖北省经济和信息化厅" for h in mentions)


@pytest.mark.parametrize("text", [
    "湖南星城智能装备有限公司（重庆）落户园区，重庆企业很多。",  # a place is no short name
    "湖南星城智能装备有限公司（智能）落户园区。",  # nor an ordinary word
    "湖南星城智能装备有限公司（华远）落户园区，华远计划投资。",  # nor what the name does not abbreviate
])
def test_no_definition_by_a_bracket_that_abbreviates_nothing(nlp, text):
    doc = nlp(text)
    assert all(h.rule != "org.alias.defined" for h in doc._.organizations)


def test_a_place_before_a_known_company_says_where_it_stands(nlp):
    orgs = found(nlp, "在总投资10亿元的平江县中粮集团玉米深加工项目现场，工人正忙。")
    assert "中粮集团" in orgs and "平江县中粮集团" not in orgs
    assert orgs["中粮集团"]["canonical"] == "中粮集团有限公司"


def test_a_hyphenated_institute_is_canonical_without_the_hyphen(nlp):
    orgs = found(nlp, "两人共同为湖南星沙理工大学-平江产业技术研究院揭牌。")
    assert orgs["湖南星沙理工大学-平江产业技术研究院"]["canonical"] == "湖南星沙理工大学平江产业技术研究院"


def test_a_brands_own_channel_joined_before_it(nlp):
    orgs = found(nlp, "本篇文章670字\n\n新湘网客户-新湘网讯（记者李某）6月2日，会议召开。")
    assert "新湘网" in orgs and "新湘网客户-新湘网" not in orgs
    assert "新重庆-重庆日报" in found(nlp, "（新重庆-重庆日报记者 李某）会议召开。")
