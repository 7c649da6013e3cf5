"""Organization families of round 13 (issue 11) found by the lead, negatives included. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_mentions as mentions
from helpers import organization_names as names


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


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
    ("入驻企业有江州恒远纺织科技有限公司、青州百家丰织造有限责任公司等。", "青州百家丰织造有限责任公司"),
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
    ("总投资5000万元的秦皇岛丰收面业有限公司年加工小麦8万吨。", "秦皇岛丰收面业有限公司"),
    # a particle is never half of a split name: the walk stops at 的
    ("落户在江北区宁波创新园的同济(宁波)新产品研发中心已投入使用。", "同济(宁波)新产品研发中心"),
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
    assert names(nlp, "目前,产业园区上传科技型公司二十多家。") == []
    assert names(nlp, "目前,园区内引进科技型公司二十余家。") == []
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
    ("三亚市崖州区地处海南岛南部。研究院与崖州区政府签署了协议。", "崖州区政府"),
    # a group and the company it owns are two names
    ("山东华发集团旗下新疆华信化工新材料有限公司投资建设。", "新疆华信化工新材料有限公司"),
    # a date's unit before a short name is no piece of it
    ("2021年3月金禾集团完成销售额12亿元。", "金禾集团"),
    # a common word jieba tags an adjective before a full place name
    ("双方要落实湖南省科学院与某市签订的协议。", "湖南省科学院"),
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
    assert "保利发展" in names(nlp, "数据显示,2021年3月保利发展的销售额有所回升。")


def test_a_list_of_vehicle_types_before_makers_names_no_companies(nlp):
    # 整车厂 is no closing cue: the items before it are kinds of vehicles as often as makers
    assert names(nlp, "产品供应新能源、燃油车等整车厂。") == []


def test_a_talent_exchange_centre_is_a_government_body(nlp):
    found = names(nlp, "招聘会由市人才交流中心和某某集团联合举办。")
    assert "市人才交流中心" in found, found


def test_an_app_is_no_organization_of_its_own(nlp):
    # in running text a paper's app names the paper (tests of round 9); an app of anything else nothing
    assert names(nlp, "下载手机客户端即可办理。") == []
    assert names(nlp, "请下载安装国家反诈中心客户端。") == []
    assert names(nlp, "居民可通过支付宝客户端缴纳医保。") == []


def test_a_companys_headquarters_is_no_part_of_a_name(nlp):
    found = names(nlp, "华鼎科技总部及研发中心明年封顶。")
    assert "华鼎科技" in found and not [n for n in found if "总部" in n], found
    assert "华鼎集团" in names(nlp, "华鼎集团深圳总部落户高新区。")
    # a headquarters economy is a field: the body named by it keeps the word
    assert "丰台区总部经济发展促进会" in names(nlp, "丰台区总部经济发展促进会成立。")
    # a headquarters company is a kind of company
    assert names(nlp, "芯片研发设计及总部公司落户园区。") == []


PLATFORM_LISTS = [
    # (text, platforms): a list closed by 电商平台 names the companies' platforms
    ("合作社在淘宝、京东、拼多多等电商平台开设了网店。", ["京东", "淘宝", "拼多多"]),
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
    found = names(nlp, "基地已有华远创新、佳盈科技等30家企业入驻。")
    assert {"华远创新", "佳盈科技"} <= set(found), found


def test_a_project_after_a_named_investor_names_no_company(nlp):
    # the investor is named before its investment: the words after it name its project
    found = names(nlp, "江州恒丰有限公司投资2亿元的嘉荣新型建材项目开工。")
    assert "江州恒丰有限公司" in found and "嘉荣新型建材" not in found, found


def test_a_founding_verb_opens_no_registered_name(nlp):
    # 组建|成立 are stop words and no business: the group is named, 物流有限公司 alone is no name
    assert names(nlp, "由华鼎集团组建成立物流有限公司。") == ["华鼎集团"]
    assert names(nlp, "三方共同组建成立物流有限公司。") == []
    assert "华西建设集团有限公司" in names(nlp, "华西建设集团有限公司中标。")


def test_a_category_noun_before_a_split_trade_name_is_no_part_of_it(nlp):
    found = names(nlp, "引进旅游龙头企业中恒山河文旅集团参与开发。")
    assert found == ["中恒山河文旅集团"], found


def test_a_trade_and_ye_ends_a_short_name(nlp):
    # 牛业, 鹅业, 面业: a product and 业, never running text, end a company's short name
    assert "金泰牛业" in names(nlp, "今年金泰牛业新建了两条生产线。")
    assert "丰青鹅业" in names(nlp, "今年丰青鹅业新建了两条生产线。")


def test_an_associations_committee_or_office_is_named_with_it(nlp):
    assert "中国信息协会信用专业委员会" in names(nlp, "中国信息协会信用专业委员会发布报告。")
    assert "全国工商联办公厅" in names(nlp, "近日，全国工商联办公厅公布了名单。")
    # a title after the committee makes it a person's: the association alone
    assert "中国信息协会专业委员会" not in names(nlp, "中国信息协会专业委员会主任张某出席。")


def test_city_and_government_sites_are_media(nlp):
    assert "泉州经济网" in names(nlp, "据泉州经济网报道，项目已开工。")
    assert "江州市政府网" in names(nlp, "来源：江州市政府网")


def test_a_persons_name_before_a_place_opens_no_name(nlp):
    # the byline's editor and the site's name on the next line, joined by repair
    assert names(nlp, "责任编辑:王晓敏泉州经济网建设声明") == ["泉州经济网"]
    assert "宝马兴庆精密铸造有限公司" in names(nlp, "宝马兴庆精密铸造有限公司投产。")


def test_a_source_label_keeps_a_bodys_type_and_district(nlp):
    doc = nlp("来源：北碚区人民政府 浏览次数：120")
    found = {doc.text[h.start:h.end]: h for h in doc._.organizations}
    body = found["北碚区人民政府"]
    assert body.fields["type"] == "government" and body.fields.get("district") == "北碚区", body.fields
    source = nlp("来源 某州新闻网 2021-03-04")
    media = {source.text[h.start:h.end]: h for h in source._.organizations}
    assert media["某州新闻网"].rule == "org.media.source"


def test_a_registered_name_after_another_takes_no_clause_before_it(nlp):
    for text, name in [("签约企业有青禾智能装备有限公司、以及新成立的华鼎建材有限公司。", "华鼎建材有限公司"),
                       ("甲方为青禾智能装备有限公司、总经理张伟代表禾丰建材有限公司签约。", "禾丰建材有限公司")]:
        found = names(nlp, text)
        assert name in found, found


def test_a_media_name_in_brackets_in_running_text_is_no_sites_line(nlp):
    # the site rule reads a brand in a header's brackets before the page's date only; in running text
    # the name is found by its head (经济网), as any media's name
    doc = nlp("据【闽南经济网】消息，活动圆满结束。")
    rules = {doc.text[h.start:h.end]: h.rule for h in doc._.organizations}
    assert rules == {"闽南经济网": "org.suffix.other"}, rules


def test_a_places_news_site_is_named_by_its_place_alone(nlp):
    assert "南通网" in names(nlp, "据南通网报道，项目已开工。")
    # 网 after words that are no place names a network, no site
    for text in ("物联网产业发展迅速。", "城市管网改造完成。", "新建网点十个。"):
        assert names(nlp, text) == [], text


def test_a_province_jieba_cut_into_a_direction_word_opens_the_registered_name(nlp):
    # 湖|南麓|上: the province's last character joined to a direction word
    found = names(nlp, "近日,湖南麓上园林绿化有限公司完成签约。")
    assert "湖南麓上园林绿化有限公司" in found, found


def test_a_footers_english_words_are_no_part_of_the_owners_name(nlp):
    found = names(nlp, "Copyright 2024 All Rights Reserved江苏华特信息科技有限公司")
    assert found == ["江苏华特信息科技有限公司"], found


def test_a_list_of_procedures_names_no_companies(nlp):
    assert names(nlp, "经形式审查、专家评审及公示确定30家企业入选。") == []


def test_a_county_office_of_the_financial_regulator_is_a_body(nlp):
    assert "克东金融监管支局" in names(nlp, "克东金融监管支局召开座谈会。")
    assert names(nlp, "县邮政支局开展活动。") == []


def test_a_place_that_supplied_a_photo_is_no_organization(nlp):
    assert names(nlp, "项目签约现场(成华区供图)") == []
    assert names(nlp, "活动现场 图片来源:成华区供图") == []
    assert "中经视觉" in names(nlp, "张三摄(中经视觉)")


def test_a_trades_verbs_stand_in_a_registered_name(nlp):
    # 种植 (a verb, no stop word) before the business word 服务: the trade of the company
    found = names(nlp, "学院与新疆天丰农业种植服务有限公司签约。")
    assert "新疆天丰农业种植服务有限公司" in found, found
    assert names(nlp, "全力推进种植服务有限公司。") == []


def test_a_district_whose_level_jieba_glued_to_the_office_is_named_in_full(nlp):
    # 沈北新|区政府: the place ends with the first character of the office's token
    doc = nlp("沈北新区政府常务副区长刘某出席。")
    assert [doc.text[h.start:h.end] for h in doc._.organizations] == ["沈北新区政府"]
    assert [doc.text[h.start:h.end] for h in doc._.places] == ["沈北新区"]


def test_a_national_key_lab_is_named_by_its_field(nlp):
    assert "先进材料全国重点实验室" in names(nlp, "4月启动的先进材料全国重点实验室已投入运行。")
    assert names(nlp, "我省新增全国重点实验室5家。") == []


def test_a_brand_jieba_tags_a_person_still_opens_its_name_after_a_comma(nlp):
    # only a byline's label before the person's name ends the walk
    assert "华为重庆办事处" in names(nlp, "今天，华为重庆办事处揭牌。")
    assert "碧桂园重庆研究院" in names(nlp, "会上，碧桂园重庆研究院揭牌。")
    assert names(nlp, "编辑：张伟泉州经济网") == ["泉州经济网"]


def test_a_committee_after_a_clauses_verb_is_no_unit_of_the_body(nlp):
    for text in ("全国工商联召开委员会会议。", "全国工商联新设专业委员会。", "全国工商联听取委员会汇报。"):
        assert names(nlp, text) == ["全国工商联"], text


def test_a_pronoun_a_count_or_a_span_before_a_listed_registered_name_is_no_part_of_it(nlp):
    for opener in ("我市", "两家", "全年四川"):
        found = names(nlp, f"参会的有重庆华宇纺织科技有限公司、{opener}华丰纺织有限责任公司等。")
        assert not [n for n in found if n.startswith(opener[:2])], found


def test_a_footers_words_in_capitals_are_no_part_of_the_name(nlp):
    assert names(nlp, "COPYRIGHT 2024 ALL RIGHTS RESERVED江苏华特信息科技有限公司") == ["江苏华特信息科技有限公司"]


def test_a_place_and_wang_is_a_site_only_where_a_page_writes_one(nlp):
    assert names(nlp, "西藏电网与四川网相连。") == []
    assert names(nlp, "江苏华龙网讯 近日，项目开工。") == ["江苏华龙网"]
    doc = nlp("江苏华龙网讯 近日，项目开工。")
    assert [h.rule for h in doc._.organizations] == ["org.media.byline"]


def test_a_documents_number_names_no_body(nlp):
    assert names(nlp, "（工信厅科函〔2023〕12号）") == []
