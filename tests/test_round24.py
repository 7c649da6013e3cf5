"""Families of round 24, found on signing news, project news and bulletins annotated this round: a
company's short name before its project's yearly capacity (某某承业年产…项目), an outlet that sent
out a photo (某某网发 张三 摄), trades ending with 业 (某某印业, 某某铸业). Sentences written for these
tests."""

from __future__ import annotations

import pytest

import zhfacts


def _orgs(text: str) -> list[tuple[str, str, str]]:
    return [(o["text"], o["type"], o["rule"]) for o in zhfacts.extract_text(text).records("organizations")]


@pytest.mark.parametrize("text, name", [
    ("本次开工的项目分别为：湖北泓锦年产80万千瓦防爆电机生产项目；衡南县物流园区建设项目。", "湖北泓锦"),
    ("与会人员来到汉阴县瑞翔年加工一亿只肉鸡屠宰项目现场观摩。", "瑞翔"),
    ("三个项目建成投产，宏骐年产5万吨饲料项目同日开工。", "宏骐"),
])
def test_a_short_name_before_its_projects_capacity_is_the_company(text: str, name: str) -> None:
    assert (name, "company", "org.short_name.capacity") in _orgs(text)


@pytest.mark.parametrize("text", [
    "项目建成后，预计年产值3亿元。", "新建年产10万吨饲料项目。", "衡南县年产10万吨饲料项目开工。",
    "一期年产10万吨饲料项目开工。", "该企业年产10万吨饲料项目开工。", "光刻胶3.6万吨，年产电子化学品项目。",
    "丰都县今年年产粮食35万吨。",
])
def test_words_before_a_capacity_that_name_no_company(text: str) -> None:
    assert [o for o in _orgs(text) if o[2] == "org.short_name.capacity"] == []


def test_a_county_before_the_short_name_is_the_projects_place() -> None:
    names = [o[0] for o in _orgs("领导走进丰都县瑞翔年加工一亿只肉鸡屠宰项目。")]
    assert "瑞翔" in names and "丰都县瑞翔" not in names


@pytest.mark.parametrize("credit, outlet", [("（某某网发 张明 摄）", "某某网"), ("（新华社发 李华摄）", "新华社"),
                                             ("(汉阴新闻网发 记者王强 摄)", "汉阴新闻网")])
def test_the_outlet_that_sent_out_a_photo_is_a_media(credit: str, outlet: str) -> None:
    assert (outlet, "other") in [o[:2] for o in _orgs(f"汉阴县城一角{credit}。")]


def test_a_person_who_sent_a_photo_is_no_media() -> None:
    assert _orgs("汉阴县城一角（张明发 李华 摄）。") == []


@pytest.mark.parametrize("name", ["湖南鑫汇能印业", "瑞丰铸业", "宏昌钢业"])
def test_trades_ending_with_ye_end_short_names(name: str) -> None:
    assert (name, "company") in [o[:2] for o in _orgs(f"该项目由{name}投资建设，总投资3000万元。")]


def _quantities(text: str) -> list[tuple[str, float, str]]:
    return [(q["text"], q["value"], q["unit"]) for q in zhfacts.extract_text(text).records("quantities")]


def _claims(text: str) -> list[tuple[str, str, str | None]]:
    return [(c["district"], c["text"], c["metric_key"]) for c in zhfacts.extract_text(text).records("claims")]


def test_the_rank_a_move_started_from_is_a_rank() -> None:
    found = _quantities("衡南县综合排名由2019年的全省61位前进到第47位，前进14个位次。")
    assert ("61位", 61, "rank") in found and ("第47位", 47, "rank") in found
    assert ("14个位次", 14, "位次") in found


@pytest.mark.parametrize("text", ["参会人数由50名下降到30名。", "由5位专家组成评审组，由3名同志负责。"])
def test_counts_before_a_change_stay_counts(text: str) -> None:
    assert all(unit != "rank" for _, _, unit in _quantities(text))


def test_a_paragraph_opening_with_a_pronoun_goes_on_with_the_district_before() -> None:
    text = ("喜讯！\n\n  福州长乐区  第45名\n\n  厦门翔安区  第62名\n\n  厦门思明区  第66名\n\n"
            "  今年以来，思明区努力克服下行压力，制造业稳步发展。\n\n  1-10月全区完成规上工业增加值414.6亿元，增长6.0%。")
    claims = _claims(text)
    assert ("思明区", "414.6亿元", "规上工业增加值") in claims and ("思明区", "6.0%", "规上工业增加值增速") in claims


def test_a_level_ranked_after_its_growth_is_the_levels_rank() -> None:
    claims = _claims("汉阴县规上工业增加值41亿元，增长6.0%，总量位居全市第二。丰都县生产总值增长6%，居全市第3位。")
    assert ("汉阴县", "全市第二", "规上工业增加值排名@全市") in claims
    assert ("丰都县", "全市第3位", "地区生产总值增速排名@全市") in claims


def test_a_zone_opening_a_respective_list_holds_its_own_figure() -> None:
    claims = _claims("今年科技型企业入库数分别为高新区1176家、南开区266家、西青区380家。")
    assert [c[:2] for c in claims] == [("南开区", "266家"), ("西青区", "380家")]


def test_a_sites_header_line_is_not_joined_to_the_title_above_it() -> None:
    text = "丰都县举行活动 总投资118亿元5个项目签约落地\n\n丰都网  www.example.cn  2022-06-09 09:52   来源: 丰都日报\n\n  正文。"
    assert [o[0] for o in _orgs(text)] == ["丰都网", "丰都日报"]


@pytest.mark.parametrize("text", ["举行电力电器产业招商会。", "丰都县第二届柑橘节招商会在县城举行。"])
def test_an_investment_fair_is_no_chamber_of_commerce(text: str) -> None:
    assert _orgs(text) == []


def test_a_chamber_of_commerce_stays_one() -> None:
    assert ("丰都县汽车商会", "other") in [o[:2] for o in _orgs("丰都县汽车商会成立。")]


@pytest.mark.parametrize("venue", ["汉阴宾馆中华厅", "汉阴大酒店牡丹厅"])
def test_a_hotels_room_is_no_office(venue: str) -> None:
    assert [o for o in _orgs(f"我县在{venue}举行项目集中签约仪式。") if o[1] == "government"] == []


def _districts(text: str) -> list[str]:
    return [p["text"] for p in zhfacts.extract_text(text).records("places") if p["level"] in ("district", "county")]


@pytest.mark.parametrize("text", ["希望淮安区以今天的签约为新起点。", "也为淮安区下一步发展注入了动力。"])
def test_a_full_name_whose_level_the_segmenter_glued_to_a_function_word(text: str) -> None:
    assert _districts(text) == ["淮安区"]


def test_a_level_glued_to_a_word_of_its_own_is_no_full_name() -> None:
    assert _districts("推动淮安区域经济协调发展。") == []


def _keyed(text: str) -> list[tuple[str, float, str]]:
    return [(c["text"], c["value"], c["metric_key"]) for c in zhfacts.extract_text(text).records("claims")]


def test_each_figure_of_a_respective_run_measures_its_listed_name() -> None:
    assert _keyed("丰都县规上工业增加值、固定资产投资和社会消费品零售总额分别增长5%、6%、7%。") == [
        ("5%", 5, "规上工业增加值增速"), ("6%", 6, "固定资产投资增速"), ("7%", 7, "社会消费品零售总额增速")]


def test_a_respective_fall_is_each_figures_fall() -> None:
    assert _keyed("丰都县房屋施工面积、商品房销售面积和房屋新开工面积同比分别下降4.1%、49.1%和70.6%。") == [
        ("4.1%", -4.1, "房屋施工面积增速"), ("49.1%", -49.1, "商品房销售面积增速"), ("70.6%", -70.6, "房屋新开工面积增速")]


@pytest.mark.parametrize("text, keys", [
    ("丰都县城镇和农村居民人均可支配收入分别达34525元、18352元。", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
])
def test_parts_of_one_name_are_no_listed_names(text: str, keys: list[str]) -> None:
    assert [k for _, _, k in _keyed(text)] == keys


def test_secondary_is_no_count_of_times() -> None:
    assert [q[0] for q in _quantities("汉阴县建设二次资源综合利用项目，开展十二次检查。")] == ["十二次"]


def test_a_count_after_a_kind_of_division_counts_divisions() -> None:
    text = "全省产生县域经济发展强县11个，其中城市主城区4个：甲市乙区、丙市丁区；重点开发区县7个：汉阴县、丰都县。"
    assert _claims(text) == []


def test_a_count_after_a_district_or_its_pronoun_stays_its_own() -> None:
    assert [c[:2] for c in _claims("汉阴县新增规上企业11个，丰都县11个。")] == [("汉阴县", "11个"), ("丰都县", "11个")]


def test_the_base_of_a_multiple_is_no_subject() -> None:
    claims = _claims("经济总量最高的齐河县是庆云县的2.8倍。齐河县地方财政收入为庆云县的4.8倍。")
    assert [c[:2] for c in claims] == [("齐河县", "2.8倍"), ("齐河县", "4.8倍")]


@pytest.mark.parametrize("text, body", [("受县人民政府委托，我向大会报告政府工作。", "县人民政府"),
                                         ("受区人民政府委托，现将计划报告如下。", "区人民政府")])
def test_a_work_reports_opening_names_the_government(text: str, body: str) -> None:
    assert (body, "government") in [o[:2] for o in _orgs(text)]


@pytest.mark.parametrize("name, canonical", [("环保部", "生态环境部"), ("国土资源部", "自然资源部"), ("国家卫计委", "国家卫生健康委员会")])
def test_a_ministrys_name_before_the_2018_reform_names_its_successor(name: str, canonical: str) -> None:
    found = zhfacts.extract_text(f"该项目受到{name}的肯定。").records("organizations")
    assert [(o["text"], o["canonical"]) for o in found] == [(name, canonical)]


# What a review of the round's changes found, and what the rules now say of it.

@pytest.mark.parametrize("text, figure", [("全市新建充电站50个，其中汉阴县城区12个。", "12个"),
                                           ("丰都县新建城市停车场6个，其中城区4个，新城区2个。", "4个")])
def test_a_count_in_a_districts_town_area_stays_the_districts(text: str, figure: str) -> None:
    assert figure in [c[1] for c in _claims(text)]


_RANKED = "喜讯！\n\n  福州长乐区  第45名\n\n  厦门翔安区  第62名\n\n  厦门思明区  第66名\n\n"


@pytest.mark.parametrize("before", ["  昨日，翔安区考察团一行来访，双方围绕产业协作进行座谈。", "  与翔安区相比，差距仍然明显。"])
def test_a_pronoun_paragraph_does_not_go_on_with_a_visitor_or_a_base(before: str) -> None:
    text = f"{_RANKED}{before}\n\n  1-10月全区完成规上工业增加值414.6亿元，增长6.0%。"
    assert [c for c in _claims(text) if c[1] in ("414.6亿元", "6.0%")] == []


def test_a_pronoun_paragraph_goes_on_only_with_a_district_of_its_level() -> None:
    text = f"{_RANKED}  今年以来，思明区努力克服下行压力。\n\n  1-10月全县完成规上工业增加值414.6亿元。"
    assert [c for c in _claims(text) if c[1] == "414.6亿元"] == []


def test_words_after_the_last_listed_name_are_every_names() -> None:
    keys = [k for _, _, k in _keyed("今年以来，汉阴县工业投资、技改投资占固定资产投资的比重分别为42.1%、15.6%。")]
    assert all(k is not None and k.endswith("占比") for k in keys)


def test_a_rank_after_a_growth_rate_ranks_the_growth_unless_a_level_noun_says_otherwise() -> None:
    assert _keyed("1-9月，衡南县固定资产投资增长12.3%，排名达到全市第三。")[-1][2] == "固定资产投资增速排名@全市"


def test_a_rate_fallen_to_is_a_level() -> None:
    assert [v for _, v, _ in _keyed("2024年，丰都县城镇登记失业率、城镇调查失业率分别下降为3.1%、4.8%。")] == [3.1, 4.8]


def test_a_second_respective_run_takes_the_names_of_the_first() -> None:
    keys = [k for _, _, k in _keyed("上半年，丰都县社会消费品零售总额、一般公共预算收入分别达到45.6亿元、8.2亿元，分别增长6.1%、3.5%。")]
    assert keys[2:] == ["社会消费品零售总额增速", "一般公共预算收入增速"]


@pytest.mark.parametrize("text", ["汉阴县专职网格员由320名上升到第三季度末的410名。", "丰都县驻村第一书记由30名下降为第二批的25名。"])
def test_a_count_changing_before_an_ordinal_of_time_stays_a_count(text: str) -> None:
    assert all(unit != "rank" for _, _, unit in _quantities(text))


def test_twice_written_with_er_before_a_verb_is_a_count() -> None:
    assert ("二次", 2, "次") in _quantities("衡南县县委常委会先后二次专题研究乡村振兴工作。")


@pytest.mark.parametrize("text", ["汉阴县政务服务大厦管理办公室主任出席。", "长乐区会展中心管理办公室主任李明出席。"])
def test_an_office_of_a_building_is_an_office(text: str) -> None:
    assert [o for o in _orgs(text) if o[1] == "government"] != []


@pytest.mark.parametrize("text", ["由国土资源部门牵头负责。", "各级环境保护部门要加强监管。"])
def test_a_departments_word_is_no_ministry(text: str) -> None:
    assert _orgs(text) == []


@pytest.mark.parametrize("text", ["今年全县新上年产5万吨饲料加工项目。", "衡南县二期年产5万吨有机肥项目开工建设。",
                                  "丰都县龙河镇年产2万吨榨菜加工项目开工。", "汉阴县引进浙商年产3000吨茶叶项目。",
                                  "他们对费县木业年产50万立方米胶合板项目进行督导。"])
def test_a_verb_phase_township_or_trade_before_a_capacity_is_no_company(text: str) -> None:
    assert [o for o in _orgs(text) if o[2] == "org.short_name.capacity"] == []


def test_a_countys_level_glued_to_a_trade_name_stays_the_countys() -> None:
    assert ("恒申", "company", "org.short_name.capacity") in _orgs("长乐区恒申年产50万吨锦纶项目开工。")


@pytest.mark.parametrize("credit, name, type_", [("（国家电网发 张明 摄）", "国家电网", "company"),
                                                  ("（资料图由丰都网发 王强摄）", "丰都网", "other")])
def test_a_photo_issuer_keeps_a_known_type_and_loses_the_words_before_it(credit: str, name: str, type_: str) -> None:
    assert [o[:2] for o in _orgs(f"丰都县城一角{credit}")] == [(name, type_)]


def test_two_bodies_joined_by_a_conjunction_stay_two() -> None:
    names = [o[0] for o in _orgs("省民政厅和国家卫健委有关负责人出席。")]
    assert names == ["省民政厅", "国家卫健委"]


def test_a_web_address_in_wrapped_prose_opens_no_header_line() -> None:
    text = "据汉阴县人民政府\n门户网 www.hanyin.gov.cn 公布，一季度汉阴县完成固定资产投资12.5亿元，\n增长9.1%，增速位居全市第一。"
    assert all(c[0] == "汉阴县" for c in _claims(text)) and len(_claims(text)) == 3


_JOINT = ("衡南县签约重大项目26个\n\n衡南网7月4日讯 7月4日，由衡南县委县政府和祁东县委县政府共同主办的招商推介会举行。"
          "祁东县考察团参加。推介会后，衡南县人民政府和祁东县人民政府签订战略合作协议。\n\n"
          "签约仪式共签约12个项目，其中基础设施类项目2个。\n\n衡南县委书记致辞。衡南县将加快项目落地，衡南县营商环境持续优化。")


def test_two_districts_bodies_joined_as_one_subject_leave_no_district_in_scope() -> None:
    assert ("祁东县", "2个") not in [c[:2] for c in _claims(_JOINT)]


def test_a_page_is_about_the_district_its_title_names_when_it_has_most_mentions() -> None:
    assert ("衡南县", "2个") in [c[:2] for c in _claims(_JOINT)]


def test_an_outlets_dispatch_before_its_reporters_opens_the_text() -> None:
    text = "5个重点招商项目落户丰都县 总投资45.6亿元\n\n丰都新闻网讯 记者 张明 报道：4月28日，我县签约项目5个。"
    assert [o[0] for o in _orgs(text)] == ["丰都新闻网"]


def test_bodies_in_a_list_of_projects_leave_the_total_to_the_pages_district() -> None:
    text = ("衡南县签约项目12个\n\n  4月28日，衡南县举行招商引资项目集中签约仪式。\n\n"
            "  仪式共签约某某科技人工智能展示窗、衡阳某某新材料有限公司年产5万吨新材料项目等12个项目，签约总额116.4亿元。")
    assert ("衡南县", "116.4亿元") in [c[:2] for c in _claims(text)]


# The second review's findings.

@pytest.mark.parametrize("text, names", [("财政部和国家能源局联合印发通知。", ["财政部", "国家能源局"]),
                                          ("省委组织部和国家卫健委联合举办培训。", ["省委组织部", "国家卫健委"]),
                                          ("湖北省经济和信息化厅发布通知。", ["湖北省经济和信息化厅"])])
def test_a_conjunction_before_a_new_bodys_opening_joins_two_bodies(text: str, names: list[str]) -> None:
    assert [o[0] for o in _orgs(text)] == names


def test_a_joint_subject_written_with_committees_and_governments_is_a_list() -> None:
    text = "长乐区委区政府和汉阴县委县政府共同主办招商推介会。推介会现场签约项目12个，总投资56亿元。"
    assert [c for c in _claims(text) if c[0] == "汉阴县"] == []


@pytest.mark.parametrize("text", [
    "汉阴县牵头成立跨区域文旅发展联盟\n\n7月26日，汉阴县牵头成立跨区域文旅发展联盟。联盟成员为汉阴县、丰都县、衡南县。"
    "联盟区域内共有A级旅游景区28家。\n\n下一步，汉阴县将加快推进文旅融合。",
    "汉阴县举行东西部协作签约仪式\n\n7月20日，汉阴县举行签约仪式，汉阴县人民政府和丰都县人民政府签订框架协议。"
    "根据协议，将共建产业园区2个。\n\n汉阴县县长出席仪式。"])
def test_figures_of_several_districts_together_are_not_the_title_districts(text: str) -> None:
    assert [c for c in _claims(text) if c[1] in ("28家", "2个")] == []


def test_a_media_centres_dispatch_opens_the_text() -> None:
    text = "丰都县举行招商引资项目集中签约仪式 总投资45.6亿元\n\n丰都县融媒体中心讯 记者 王强 报道：4月28日，我县签约项目5个。"
    assert "丰都县融媒体中心" in [o[0] for o in _orgs(text)]


def test_a_visiting_party_is_no_sections_district() -> None:
    text = ("汉阴县举行2025年招商引资项目集中签约仪式\n\n7月28日，汉阴县举行招商引资项目集中签约仪式。丰都县考察团应邀观摩。\n\n"
            "本次集中签约项目22个，总投资86.5亿元。")
    assert [c[:2] for c in _claims(text)] == [("汉阴县", "22个"), ("汉阴县", "86.5亿元")]


@pytest.mark.parametrize("text, body", [("贺兰县发改局党委书记、局长张明介绍。", "贺兰县发改局"), ("市政府党组书记出席。", "市政府")])
def test_an_offices_own_committee_before_a_title_names_the_office(text: str, body: str) -> None:
    assert [o[0] for o in _orgs(text)] == [body]


def test_a_reports_ordinal_opens_no_company() -> None:
    assert _orgs("兴业县重点项目推进有力。一是新能源项目加快建设，二是新材料产业集聚发展。") == []
