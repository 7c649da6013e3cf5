"""Organization families of round 10 (issue 11), one table per family, negatives included: a zone's
body named with the zone's full name and a part of it, associations of a place's park, short names
before an invested project and in apposition after a category noun, chains of places before a
company, common verbs and adverbs that end a body's name on the walk left, parks that name a
project, names made of common words only, incubators by name, a site's brand in a header's brackets,
an academy's institute by its place. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


FOUND = [
    # (text, name, type, rule)
    # a zone's body written with the zone's full name and one of its parts
    ("中关村科技园区海淀园管理委员会主任出席活动。", "中关村科技园区海淀园管理委员会", "government",
     "org.suffix.government"),
    ("临港经济技术开发区北片区管委会负责人介绍情况。", "临港经济技术开发区北片区管委会", "government",
     "org.suffix.government"),
    # an association of a place's park, named with the park
    ("上海市嘉定区汽车产业园促进会成立。", "上海市嘉定区汽车产业园促进会", "other", "org.suffix.other"),
    ("北京市顺义区特色产业园促进会组织企业座谈。", "北京市顺义区特色产业园促进会", "other", "org.suffix.other"),
    # 经开区 is a zone's word, no stop word glued to a name
    ("经开区新材料产业商会召开年会。", "经开区新材料产业商会", "other", "org.suffix.other"),
    # 暨 ends a name
    ("园区联席会暨北京市顺义区特色产业园促进会筹备会举行。", "北京市顺义区特色产业园促进会", "other",
     "org.suffix.other"),
    # a short name right after an investment's amount and 的, before its project's own words
    ("总投资10亿元的蓝海新能源光伏组件项目签约。", "蓝海新能源", "company", "org.short_name.project"),
    ("年内落地投资6亿元的晨阳新能源储能产业基地。", "晨阳新能源", "company", "org.short_name.project"),
    ("投资3亿元的丰禾农业蔬菜深加工项目开工。", "丰禾农业", "company", "org.short_name.project"),
    ("新签投资18亿元的华建数科液流储能项目。", "华建数科", "company", "org.short_name.project"),
    # a short name in apposition after a category noun
    ("据悉，高新技术企业华美电子科技今年产值增长两成。", "华美电子科技", "company", "org.short_name.apposition"),
    ("龙头企业鑫源食品带动农户增收。", "鑫源食品", "company", "org.short_name.apposition"),
    ("专精特新企业恒瑞精密新增订单。", "恒瑞精密", "company", "org.short_name.apposition"),
    # a chain of places down to a village before a company's or co-operative's trade name
    ("永安县石桥镇东坪村绿谷农业公司吸纳村民就业。", "绿谷农业公司", "company", "org.suffix.company"),
    ("石桥镇东坪村恒丰养殖专业合作社带动农户。", "恒丰养殖专业合作社", "other", "org.suffix.other"),
    # a common verb or adverb ends a body's name on the walk left
    ("泉州市充分调动商会力量，市工商联做好服务。", "市工商联", "other", "org.suffix.other"),
    ("有关人员来自市工商联。", "市工商联", "other", "org.suffix.other"),
    ("区科技局副局长宣读了决定。", "区科技局", "government", "org.suffix.government"),
    # 工程院 is a research body's head
    ("中科院宁波材料创新工程院与区政府签约。", "中科院宁波材料创新工程院", "research", "org.suffix.research"),
    # a park that names a project: the company before the park's head is named
    ("在外商会牵线引进江西金帆集团产业园建设项目。", "江西金帆集团", "company", "org.suffix.company"),
    # a name needs a word only a name has: the state, a character jieba cut off, a rare word
    ("国家电力投资集团有限公司发布年报。", "国家电力投资集团有限公司", "company", "org.suffix.company"),
    ("县人民医院新院区启用。", "县人民医院", "other", "org.suffix.other"),
    # an idiom opens no list item: the item starts after it
    ("发展壮大金鹭红豆沙、玉禾胚芽米等现有企业。", "金鹭红豆沙", "company", "org.short_name.list"),
    # an academy's institute given in full, later by its place and head
    ("区政府与中国科学院洛阳物质科学研究院签约。洛阳研究院将派驻团队。", "洛阳研究院", "research", "org.alias"),
    # incubators and maker spaces named by a proper word
    ("云帆之星众创空间入驻团队30个。", "云帆之星众创空间", "other", "org.suffix.other"),
    ("金鹏科技企业孵化器新增企业12家。", "金鹏科技企业孵化器", "other", "org.suffix.other"),
    ("蓝鲸加速器举办路演。", "蓝鲸加速器", "other", "org.suffix.other"),
    # a site's own brand in a header's brackets before the page's date
    ("http://www.abc.com【闽南经济网】2023-08-12\n正文。", "闽南经济网", "other", "org.media.site"),
]


@pytest.mark.parametrize(("text", "name", "type_", "rule"), FOUND)
def test_names_found_by_family(nlp, text, name, type_, rule):
    orgs = found(nlp, text)
    assert name in orgs, orgs
    assert (orgs[name]["type"], orgs[name]["rule"]) == (type_, rule)


NOT_FOUND = [
    # (text, what is no organization)
    # a zone's body with its kind alone, or a part of a zone named by its kind
    ("开发区管理委员会负责园区建设。", "开发区管理委员会"),
    ("经济技术开发区片区管委会统一招商。", "经济技术开发区片区管委会"),
    ("小区业主成立物业管理委员会。", "物业管理委员会"),
    # a park's kind alone names no association
    ("产业园促进会要发挥作用。", "产业园促进会"),
    # common words after the investment's cue are the project's own words
    ("投资5亿元的数字农业示范项目开工。", "数字农业"),
    ("投资3亿元的现代农业产业园启用。", "现代农业"),
    ("投资8亿元的智能装备产业园项目落地。", "智能装备"),
    # a base that an invested project's company opens is the project
    ("年内落地投资6亿元的晨阳新能源储能产业基地。", "晨阳新能源储能产业基地"),
    # a category noun before common words names no company
    ("引导企业加大研发投入，推动企业数字化转型。", "数字化"),
    ("支持企业智能化改造。", "智能化改造"),
    # the chain of places is no part of the trade name's company; a county alone stays
    ("永安县石桥镇东坪村绿谷农业公司吸纳村民就业。", "永安县石桥镇东坪村绿谷农业公司"),
    # verbs and adverbs before a body
    ("泉州市充分发动商会力量。", "泉州市充分发动商会"),
    ("有关人员来自市工商联。", "来自市工商联"),
    ("区科技局副局长张建宣告某某联盟成立。", "区科技局副局长张建宣告某某联盟"),
    # a park that names a project is no body; nor a company's park named with it
    ("在外商会牵线引进江西金帆集团产业园建设项目。", "江西金帆集团产业园"),
    ("在外商会牵线引进江西金帆集团产业园建设项目。", "在外商会牵线引进江西金帆集团"),
    ("某公司拟投资30亿元建设中豹产业园(鲤城)项目。", "中豹产业园"),
    # a company written short right before a park's head opens the park's name (round 19)
    ("依托境内的宝丰尼龙新材料开发区扩区。", "宝丰尼龙新材料"),
    # common words alone before a legal form or an institution's head are a kind
    ("当地的粮食和物资储备有限公司开展轮换。", "物资储备有限公司"),
    ("这个乡的农民合作社已有40多家。", "农民合作社"),
    ("政府产业平台公司参与投资。", "政府产业平台公司"),
    # incubators, maker spaces and accelerators by their kind, a level or a designation alone
    ("区科技企业孵化器新增企业12家。", "区科技企业孵化器"),
    ("全区共有国家级科技企业孵化器2个。", "国家级科技企业孵化器"),
    ("建设众创空间、孵化器等创新载体。", "众创空间"),
    ("北京市标杆孵化器名单公布。", "北京市标杆孵化器"),
    ("粒子加速器研制取得突破。", "粒子加速器"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


def test_a_village_co_operative_named_by_the_village_keeps_it(nlp):
    orgs = found(nlp, "团结村农机专业合作社购置新机。")
    assert "团结村农机专业合作社" in orgs, orgs


def test_a_county_before_a_registered_name_stays_in_it(nlp):
    orgs = found(nlp, "永安县绿谷农业有限公司成立。")
    assert "永安县绿谷农业有限公司" in orgs, orgs


def test_a_verb_right_before_the_head_is_the_name_s(nlp):
    orgs = found(nlp, "泰宁县生态农业与休闲产业发展研究院揭牌。")
    assert "泰宁县生态农业与休闲产业发展研究院" in orgs, orgs


def test_a_park_s_project_with_a_short_name_stays_with_the_park(nlp):
    """某某食品产业园|项目: the park's operator rule names the trade name, not the project rule."""
    orgs = found(nlp, "签约总投资10亿元的嘉麦乐食品产业园项目。")
    assert "嘉麦乐食品" not in orgs, orgs


def test_an_institute_s_short_name_takes_its_full_name_as_canonical(nlp):
    orgs = found(nlp, "区政府与中国科学院洛阳物质科学研究院签约。洛阳研究院将派驻团队。")
    assert orgs["洛阳研究院"]["canonical"] == "中国科学院洛阳物质科学研究院"


def test_an_institute_s_short_name_needs_its_full_name(nlp):
    assert "洛阳研究院" not in found(nlp, "洛阳研究院将派驻团队。")


def test_round10_words_are_rules_data():
    from zhfacts.extract.orgs.government import government_rules
    from zhfacts.extract.orgs.rules import org_rules

    rules = org_rules()
    assert rules.invested_project_cue.search("总投资3.5亿元的")
    assert "数科" in rules.project_company_words and "企业" in rules.apposition_cues
    assert rules.park_project_after.match("(鲤城)项目") and rules.park_project_after.match("建设项目")
    assert "村" in rules.place_chain_endings and "v" in rules.walk_stop_tags
    assert "片区" in government_rules().zone_sub_areas


def test_a_short_name_before_a_parks_head_is_the_parks_but_its_project_names_it(nlp):
    # round 19: 某某智造|科技产业园 is the park's name; 某某智造|项目 the company's own project
    text = "鑫钢智造科技产业园今年投产，鑫钢智造项目同步开工。"
    doc = nlp(text)
    assert [(h.start, text[h.start:h.end]) for h in doc._.organizations] == [(text.rindex("鑫钢智造"), "鑫钢智造")]


@pytest.mark.parametrize(("text", "name"), [
    # round 19: the zone holds a company's outlet, or jieba cut a word that opens with a park's word
    ("农业银行开发区营业部今日开业。", "农业银行"),
    ("腾讯开发区块链应用，服务中小企业。", "腾讯"),
    ("县政府与华为开发区域数字平台。", "华为"),
])
def test_a_short_name_before_no_parks_name_stays_a_mention(nlp, text, name):
    assert name in found(nlp, text)
