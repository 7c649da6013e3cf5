"""Organization families of round 13 (issue 11) found by the lead, negatives included. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_mentions as mentions


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def names(nlp, text: str) -> list[str]:
    return [m[0] for m in mentions(nlp, text)]


DEPARTMENTS = [
    # (text, department, canonical): a province's department named without the province, as the
    # ministry it mirrors (rules/organizations/build.yaml ministry_ending, department_ending)
    ("今年共争取科技厅专项资金1200万元。", "科技厅", "科学技术厅"),
    ("援疆工作队、教育厅、商务厅及十所高校的代表出席。", "教育厅", "教育厅"),
    ("援疆工作队、教育厅、商务厅及十所高校的代表出席。", "商务厅", "商务厅"),
    ("项目已列入人社厅年度计划。", "人社厅", "人力资源和社会保障厅"),
]


@pytest.mark.parametrize(("text", "name", "canonical"), DEPARTMENTS)
def test_a_provincial_department_is_known_without_its_province(nlp, text, name, canonical):
    found = {m[0]: m[1] for m in mentions(nlp, text)}
    assert found.get(name) == canonical, found


NOT_DEPARTMENTS = [
    # (text, not a body): rooms end like a department; the Party's departments and the ministries no
    # province mirrors give no 厅
    ("会议在三楼报告厅举行。", "报告厅"),
    ("市民在办事大厅排队。", "办事大厅"),
    ("他曾在外交厅任职。", "外交厅"),
    ("宣传厅里挂满了展板。", "宣传厅"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_DEPARTMENTS)
def test_rooms_and_unmirrored_ministries_name_no_department(nlp, text, not_name):
    assert not_name not in names(nlp, text)


def test_a_full_department_name_keeps_its_province(nlp):
    assert "江北省科技厅" not in names(nlp, "江北省科技厅高新处处长出席。")  # no such province
    assert "湖南省科技厅" in names(nlp, "湖南省科技厅高新处处长出席。")


GLUED_LEVELS = [
    # (text, body): jieba's HMM glues a character to the level after it into no word of its
    # dictionary (报省); the level still opens the body
    ("三家企业的材料已报省科技厅审核。", "省科技厅"),
    ("方案报市发改委审批。", "市发改委"),
    ("材料报县科技局备案。", "县科技局"),
]


@pytest.mark.parametrize(("text", "body"), GLUED_LEVELS)
def test_a_level_glued_to_the_character_before_it_opens_the_body(nlp, text, body):
    assert body in names(nlp, text)


NOT_GLUED_LEVELS = [
    # (text, not a body): stationed in the district (驻区) is no level's body; a count of counties
    ("市属驻区分局负责人参会。", "区分局"),
    ("三县发改局联合发文。", "县发改局"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_GLUED_LEVELS)
def test_a_resident_marker_or_a_numeral_before_the_level_opens_no_body(nlp, text, not_name):
    assert not_name not in names(nlp, text)


REGISTERED_ITEMS = [
    # (text, registered name): after a 、 that closes a registered name, the next registered name is
    # the whole item, however jieba tags its words (百家 a numeral)
    ("入驻企业有江州恒远纺织科技有限公司、巴州百家惠纺织有限责任公司等。", "巴州百家惠纺织有限责任公司"),
    ("签约企业包括青禾智能装备有限公司、千家福食品有限公司。", "千家福食品有限公司"),
]


@pytest.mark.parametrize(("text", "name"), REGISTERED_ITEMS)
def test_a_registered_name_after_another_in_a_list_is_the_whole_item(nlp, text, name):
    assert name in names(nlp, text)


def test_a_registered_name_after_a_list_of_other_things_keeps_its_own_start(nlp):
    # the item before the 、 is no registered name: the walk's own start stands
    found = names(nlp, "走访了市场、百家惠纺织有限责任公司。")
    assert "市场、百家惠纺织有限责任公司" not in found
    assert not [name for name in found if "、" in name], found


BOUNDARIES = [
    # (text, name): where a name starts, walking left from its head
    # a place jieba tags as a person's name is no person before a verb
    ("总投资5000万元的秦皇岛丰粮面业有限公司年加工小麦8万吨。", "秦皇岛丰粮面业有限公司"),
    # a particle is never half of a split name: the walk stops at 的
    ("落户在江北创新园的同济(宁波)新产品研发中心已投入使用。", "同济(宁波)新产品研发中心"),
    # a common verbal noun before a proper name ends the name, as a verb does
    ("区里还计划明年启动中关村华创前沿技术研究院三期建设。", "中关村华创前沿技术研究院"),
]


@pytest.mark.parametrize(("text", "name"), BOUNDARIES)
def test_the_name_starts_where_its_own_words_start(nlp, text, name):
    found = names(nlp, text)
    assert name in found, found


MEDIA_SITES = [
    # (text, site): a place's news site and a paper's site are media by their heads
    ("据江淮新闻网报道，项目已开工。", "江淮新闻网"),
    ("湘江晚报网 数字报 版面导航", "湘江晚报网"),
    ("来源: 某某日报 撰文 记者 王某  区传媒中心 李某", "区传媒中心"),
]


@pytest.mark.parametrize(("text", "site"), MEDIA_SITES)
def test_a_news_site_or_media_centre_is_named(nlp, text, site):
    found = {m[0]: m for m in mentions(nlp, text)}
    assert site in found, found


def test_a_news_site_without_a_name_is_no_organization(nlp):
    assert names(nlp, "各大新闻网纷纷转载。") == []


def test_a_kind_adjective_before_the_head_names_a_kind(nlp):
    assert names(nlp, "目前,产业集聚区上传科技型公司30多家。") == []
    assert names(nlp, "园区现有创新型企业40家。") == []


QUOTED_PHRASES = [
    # (text, not a name): a quoted stem of several tokens holding a common word is a slogan or a
    # kind, however it ends (工程, 环境 are industry words)
    ("着力营造“类国际环境”。", "类国际环境"),
    ("全力实施“园区建设攻坚工程”。", "园区建设攻坚工程"),
]


@pytest.mark.parametrize(("text", "not_name"), QUOTED_PHRASES)
def test_a_quoted_phrase_of_common_words_names_no_company(nlp, text, not_name):
    assert not_name not in names(nlp, text)


def test_a_quoted_trade_name_is_still_a_company(nlp):
    assert "华鼎牧业" in names(nlp, "“华鼎牧业”成功上市。")


MORE_BOUNDARIES = [
    # (text, name): a district jieba cuts apart before its glued 区政府 opens the body
    ("项目落实了北京市与崖州区政府的合作协议。", "崖州区政府"),
    # a group and the company it owns are two names
    ("江州华信集团旗下新疆华信化工新材料有限公司投资建设。", "新疆华信化工新材料有限公司"),
    # a date's unit before a short name is no piece of it
    ("2022年9月金地集团实现签约面积110万平方米。", "金地集团"),
    # a common word jieba tags an adjective before a full place name
    ("此举旨在落实广东省科学院与某市的合作协议。", "广东省科学院"),
]


@pytest.mark.parametrize(("text", "name"), MORE_BOUNDARIES)
def test_more_names_start_where_their_own_words_start(nlp, text, name):
    found = names(nlp, text)
    assert name in found, found


def test_an_institutions_committee_before_a_title_names_the_institution(nlp):
    found = {m[0]: m for m in mentions(nlp, "广东省科学院党委书记廖某出席。")}
    assert "广东省科学院党委" not in found and "广东省科学院" in found, found
    assert organizations_found_type(nlp, "浙江农林大学社会合作处负责人介绍。", "浙江农林大学社会合作处") == "university"


def organizations_found_type(nlp, text: str, name: str) -> str:
    doc = nlp(text)
    return next((h.fields["type"] for h in doc._.organizations if doc.text[h.start:h.end] == name), "")


def test_a_research_bodys_office_is_no_university(nlp):
    assert organizations_found_type(nlp, "广东省科学院科技处发布通知。", "广东省科学院科技处") != "university"


PROJECT_COMPANIES = [
    # (text, company): right after an investment's amount (with or without 的), a rare trade name and an
    # industry word before the project's words; a place in brackets after a short name is its own
    ("投资4.8亿元华储新能源独立储能项目完成签约。", "华储新能源"),
    ("华鼎科技(陕西)、同辉气体等企业参会。", "华鼎科技(陕西)"),
]


@pytest.mark.parametrize(("text", "name"), PROJECT_COMPANIES)
def test_a_short_name_before_its_project_or_with_its_place_is_named(nlp, text, name):
    found = names(nlp, text)
    assert name in found, found


def test_a_known_name_after_a_date_is_found(nlp):
    assert "保利发展" in names(nlp, "公告显示,2022年9月保利发展实现签约面积227万平方米。")


def test_a_list_closed_by_vehicle_makers_names_companies(nlp):
    found = names(nlp, "为特斯拉、上汽等整车厂提供配套业务。")
    assert {"特斯拉", "上汽"} <= set(found), found


def test_a_talent_exchange_centre_is_a_government_body(nlp):
    found = {m[0]: m for m in mentions(nlp, "该项目由工业和信息化部人才交流中心牵头运营。")}
    assert "工业和信息化部人才交流中心" in found, found


def test_a_medias_app_is_named_and_a_bare_app_is_not(nlp):
    assert "湘江晚报客户端" in names(nlp, "湘江晚报客户端 2022-06-29 20:15")
    assert names(nlp, "下载手机客户端即可办理。") == []


def test_a_companys_headquarters_is_no_part_of_a_name(nlp):
    found = names(nlp, "华鼎科技总部及研发中心主体工程已完工。")
    assert "华鼎科技" in found and not [n for n in found if "总部" in n], found
    assert "华鼎集团" in names(nlp, "华鼎集团深圳总部落户高新区。")


PLATFORM_LISTS = [
    # (text, platforms): a list closed by 电商平台 names the companies' platforms
    ("与京东、淘宝、拼多多等大型电商平台合作销售洋葱。", ["京东", "淘宝", "拼多多"]),
    ("依托天猫、抖音等电商平台销售特产。", ["天猫", "抖音"]),
]


@pytest.mark.parametrize(("text", "platforms"), PLATFORM_LISTS)
def test_items_of_a_list_of_online_shopping_platforms_are_companies(nlp, text, platforms):
    found = names(nlp, text)
    assert set(platforms) <= set(found), found


def test_a_list_of_activities_names_no_companies(nlp):
    # a common noun and a verb (直播|带货) is an activity, whatever the list's cue
    assert names(nlp, "直播带货、社区团购等电商平台模式发展迅速。") == []
    assert names(nlp, "通过微信、抖音等平台宣传。") == []
    found = names(nlp, "吸引了高远创新、好盈科技等74家企业到我区开展测试。")
    assert "好盈科技" in found, found


def test_a_project_after_a_named_investor_names_no_company(nlp):
    # the investor is named before its investment: the words after it name its project
    found = names(nlp, "湖北泰瑞有限公司投资1亿元的鼎荣新型建材项目落户。")
    assert "湖北泰瑞有限公司" in found and "鼎荣新型建材" not in found, found


def test_a_founding_verb_opens_no_registered_name(nlp):
    # 组建|成立 are stop words: trimmed off, 置业有限公司 alone is no name
    assert names(nlp, "双方共同组建成立置业有限公司。") == []


def test_a_category_noun_before_a_split_trade_name_is_no_part_of_it(nlp):
    found = names(nlp, "引进农业龙头企业中禾丰源农业集团参与开发。")
    assert "中禾丰源农业集团" in found, found


def test_a_trade_and_ye_ends_a_short_name(nlp):
    # 牛业, 鹅业, 面业: a product and 业, never running text, end a company's short name
    assert "金泰牛业" in names(nlp, "今年金泰牛业新建了两条生产线。")
    assert "丰青鹅业" in names(nlp, "今年丰青鹅业新建了两条生产线。")


def test_an_associations_committee_or_office_is_named_with_it(nlp):
    assert "中国信息协会信用专业委员会" in names(nlp, "中国信息协会信用专业委员会发布报告。")
    assert "全国工商联办公厅" in names(nlp, "全国工商联办公厅发布文件。")
    # a title after the committee makes it a person's: the association alone
    assert "中国信息协会专业委员会" not in names(nlp, "中国信息协会专业委员会主任张某出席。")


def test_city_and_government_sites_are_media(nlp):
    assert "泉州经济网" in names(nlp, "据泉州经济网报道，项目已开工。")
    assert "江州市政府网" in names(nlp, "来源：江州市政府网")


def test_a_persons_name_before_a_place_opens_no_name(nlp):
    # the byline's editor and the site's name on the next line, joined by repair
    assert names(nlp, "责任编辑:王晓敏泉州经济网建设声明") == ["泉州经济网"]
    assert "宝马兴庆特种合金有限公司" in names(nlp, "宝马兴庆特种合金有限公司投产。")
