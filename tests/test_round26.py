"""Families of round 26, found on county bulletins, work reports, organization-heavy county news and
ranking pages annotated this round: a batch's total before its count of projects, a road's far end, the
preposition before 城镇, a statistical class of companies on a page with no heading district, a year's 年
glued to a company's name, a byline's 电 that ends a word of the sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


def _organizations(text: str) -> list[str]:
    return [o["text"] for o in zhfacts.extract_text(text).records("organizations")]


def _places(text: str) -> list[tuple[str, str]]:
    return [(p["text"], p["canonical"]) for p in zhfacts.extract_text(text).records("places")]


@pytest.mark.parametrize("text, total", [
    ("泗水县举行集中开工仪式，总投资45亿元的7个项目集中开工。", "45亿元"),
    ("泗水县总投资达71.73亿元的48个重点建设项目集中开工。", "71.73亿元"),
    ("泗水县举行签约仪式，总投资约43亿元的十个项目集中签约。", "约43亿元"),
])
def test_a_sum_before_a_count_of_projects_is_the_batchs_total(text: str, total: str) -> None:
    assert ("泗水县", total) in _claims(text)


@pytest.mark.parametrize("text", ["泗水县签订投资1亿元的某某物流园项目。",
                                  "泗水县引进总投资3亿元的1个项目。",
                                  "泗水县签约总投资5亿元的某某公司年产10万吨饲料项目。"])
def test_a_sum_before_one_project_stays_the_projects(text: str) -> None:
    assert not [c for c in _claims(text) if c[1].endswith("亿元")]


def test_a_roads_far_end_is_no_sections_district() -> None:
    text = ("云龙县经济社会发展后劲持续增强\n\n2025年，云龙县聚焦项目攻坚，云龙县至泸水市高速公路前期工作稳步推进。\n"
            "聚力产业培育，新旧动能加速转换。6个光伏项目完成竞配。")
    assert _claims(text) == [("云龙县", "6个")]


def test_a_roads_far_end_is_a_place_before_the_road_head() -> None:
    assert ("永平", "永平县") in _places("云龙县召开会议，云龙至永平高速公路全线开工。")
    assert not [p for p in _places("荣昌猪养殖规模扩大。") if p[0] == "荣昌"]


def test_a_preposition_before_chengzhen_opens_no_township() -> None:
    text = ("泗水县2023年国民经济和社会发展统计公报\n劳动就业。为城镇登记失业人员提供就业服务1.3万人次。"
            "年末登记失业人数1326人。")
    assert _claims(text) == [("泗水县", "1.3万人次"), ("泗水县", "1326人")]


def test_chengguan_is_a_townships_name() -> None:
    assert _claims("泗水县城关镇实现产值5亿元。") == []
    assert _claims("泗水县城区街道新增企业5家。") == [("泗水县", "5家")]


def test_a_statistical_class_of_companies_is_the_pages_district() -> None:
    text = "磐石市全面贯彻党的十九大精神。\n一、综合\n年末规模以上工业企业资产负债率为78.0%。"
    assert _claims(text) == [("磐石市", "78.0%")]
    assert _claims("磐石市全面贯彻党的十九大精神。\n一、综合\n某某公司实现产值5亿元。") == []


def test_a_years_nian_glued_to_a_company_is_no_part_of_its_name() -> None:
    assert _organizations("2009年北盛公司产值8亿元。") == ["北盛公司"]
    assert _organizations("2019年中国铁建大桥工程局集团有限公司中标。") == ["中国铁建大桥工程局集团有限公司"]


def test_a_dispatch_cue_after_words_that_are_no_places_makes_no_byline() -> None:
    assert _organizations("项目建成后，年并网光伏发电能力可达到2.4亿度。") == []
    assert _organizations("江海晚报网南通电 今天召开会议。") == ["江海晚报网"]


def test_the_four_leading_bodies_are_no_count() -> None:
    quantities = zhfacts.extract_text("县四套班子领导出席仪式，签约项目6个。").records("quantities")
    assert [q["text"] for q in quantities] == ["6个"]


# -- edges a reader found (each once a misfire of a first version) ------------------------------------------------
@pytest.mark.parametrize("text", ["丰都县某某实业公司投资3亿元的2个项目相继投产。",
                                  "丰都县今年平均投资2亿元的10余个项目开工。"])
def test_an_average_or_one_companys_sum_before_projects_is_no_batch_total(text: str) -> None:
    assert not [c for c in _claims(text) if c[1].endswith("亿元")]


@pytest.mark.parametrize("text, total", [("云龙县总投资约21亿元的16个重点产业和基础设施建设项目集中开工。", "约21亿元"),
                                         ("云龙县总投资86亿元的7大项目集中开工。", "86亿元"),
                                         ("云龙县总投资46亿元的9项重点工程开工。", "46亿元")])
def test_batches_counted_other_ways_are_totals_too(text: str, total: str) -> None:
    assert ("云龙县", total) in _claims(text)


@pytest.mark.parametrize("text, district", [
    ("丰都县畜牧业发展情况\n\n近年来，养殖品种从本地土猪扩展到荣昌猪。\n今年生猪出栏80万头，增长6%。", "丰都县"),
    ("大理州交通建设情况\n\n近日，调研组先后到永平县、云龙县调研。在永平县，调研组察看了国道改建工程。\n"
     "随后，调研组到云龙县高速公路建设现场调研。今年以来，完成交通投资12.5亿元。", "云龙县"),
    ("衡南县交通工作情况\n\n衡阳至衡南县公路提质改造完成。\n今年，新建农村公路80公里，完成交通投资9亿元。", "衡南县"),
])
def test_only_a_road_named_by_its_two_places_is_a_route(text: str, district: str) -> None:
    assert {c[0] for c in _claims(text)} == {district}


def test_a_named_company_after_a_statistical_class_still_holds_its_figures() -> None:
    text = "磐石市全面贯彻党的十九大精神。\n一、工业\n规上企业吉林某某矿业公司年产值突破12亿元，同比增长18%。"
    assert _claims(text) == []


@pytest.mark.parametrize("text", ["上杭县才溪镇今年接待游客85万人次。", "丰都县于寨镇新建农田1万亩。"])
def test_a_township_opening_with_a_function_character_is_still_a_township(text: str) -> None:
    assert _claims(text) == []


def test_a_townships_dateline_keeps_its_outlets_name() -> None:
    assert "温岭日报网" in _organizations("温岭日报网松门电 松门镇今年新增企业5家。")


@pytest.mark.parametrize("text", ["衡南县4套班子领导出席，签约项目6个。", "县乡两套班子成员参加，签约项目6个。"])
def test_the_leading_bodies_written_otherwise_are_no_count_either(text: str) -> None:
    assert [q["text"] for q in zhfacts.extract_text(text).records("quantities")] == ["6个"]


def test_a_county_sharing_its_division_count_word_is_no_division_count() -> None:
    text = "宣汉县排名第21位。监测对象为830个县域单位(包含80个自治县、49个旗、1个特区)。宣汉县新增3个旗舰店。"
    assert _claims(text) == [("宣汉县", "第21位"), ("宣汉县", "3个")]


def test_a_level_of_division_in_brackets_is_the_label_columns_title() -> None:
    rows = "\n".join(f"{n} |\n{name} |\n{value} |" for n, (name, value) in
                     enumerate([("甲区", 2766), ("乙区", 1209), ("丙县", 1187)], 1))
    text = f"全省各县（市、区）GDP排列：\n按GDP规模:\n序号 |\n县(市区) |\n单位(亿元) |\n{rows}\n"
    assert [(q["text"], q["value"]) for q in zhfacts.extract_text(text).records("quantities")
            if q["unit"] == "CNY"] == [("2766", 276600000000), ("1209", 120900000000), ("1187", 118700000000)]


def test_a_rank_in_a_named_list_of_counties_is_the_sections() -> None:
    text = "全国百强县榜单公布，平阳县首次入围！排名92位，全国投资潜力百强县排名第69位！"
    assert ("平阳县", "第69位") in _claims(text)
    assert _claims("平阳县今年表现突出。全市GDP排名全省第3位。") == []


def test_a_group_of_counties_holds_its_clauses_figures() -> None:
    text = ("前三季度全省县域居民收入稳定增长\n一、城镇居民收入\n前三季度，88个县中，开阳等59个县在25000元至30000元之间；"
            "其余24个县在22000元至25000元之间。其中，67个县同比增速高于全省水平，51个县同比增速超过5%，从江、岑巩、麻江3个县"
            "分别为6.2%、6.1%、6.0%。")
    claims = _claims(text)
    assert ("从江县", "6.2%") in claims and ("麻江县", "6.0%") in claims
    assert not [c for c in claims if c[1] in ("22000元至25000元", "超过5%")]


def test_a_group_where_a_rank_is_taken_is_no_subject() -> None:
    text = "东港区、岚山区、莒县地区生产总值在全省137个县(市、区)的排名分别比去年同期上升2个、5个、3个位次。"
    assert [c[0] for c in _claims(text)] == ["东港区", "岚山区", "莒县"]


@pytest.mark.parametrize("text, kept", [
    ("平阳县向对口帮扶的3个县投入帮扶资金1.2亿元。", "1.2亿元"),
    ("汉阴县为周边3个县提供就业岗位2600个。", "2600个"),
    ("丰都县GDP增长8.1%，比渝东北11个区县平均高1.2个百分点。", "1.2个百分点"),
    ("宣汉县地区生产总值增速居达州7个县（市、区）第2位。", "第2位"),
    ("丰都县全县15个县属国有企业实现营业收入35.8亿元。", "35.8亿元"),
    ("丰都县全县42个县级单位结对帮扶脱贫户2800户。", "2800户"),
    ("丰都县新培育3个旗袍品牌。", "3个"),
])
def test_a_group_that_is_no_clauses_opening_subject_leaves_the_countys_figure(text: str, kept: str) -> None:
    assert kept in [c[1] for c in _claims(text)]


def test_a_list_closed_by_deng_and_its_count_keeps_each_districts_figure() -> None:
    text = "黔东南州城镇居民收入情况\n从江县、岑巩县、麻江县等3个县分别增长6.2%、6.1%、6.0%。"
    assert _claims(text) == [("从江县", "6.2%"), ("岑巩县", "6.1%"), ("麻江县", "6.0%")]


def test_a_headline_under_site_chrome_gives_its_figure_to_the_one_district_it_names() -> None:
    text = ("朗读\n总投资162亿！费县16个项目集中签约\n发布时间：2021-08-02 11:17\n\n"
            "7月29日，费县举行重大项目集中签约仪式，副县长主持。")
    assert ("费县", "162亿") in _claims(text)
    split = "某某日报 数字报纸\n\n要闻\n\n总投资超182亿元\n\n金东区签约32个项目\n\n  本报讯 10月2日，金东区举行签约仪式。"
    assert ("金东区", "超182亿元") in _claims(split)


def test_a_headline_naming_two_districts_gives_its_figure_to_neither() -> None:
    text = "朗读\n总投资162亿！费县平邑县16个项目集中签约\n\n7月29日，两县举行重大项目集中签约仪式。"
    assert not [c for c in _claims(text) if c[1] == "162亿"]


def test_the_rank_a_move_started_from_after_cong_is_a_rank() -> None:
    text = "排行名次变化最大的是瑞金市，从9名挺进了第4名，上升5个名次。"
    assert [(c[1]) for c in _claims(text)][:2] == ["9名", "第4名"]
    assert _claims("赣州市下辖18个县级政区，瑞金市财政总收入增长5%。") == [("瑞金市", "5%")]


def test_a_companys_headline_under_a_countys_site_name_is_the_companys() -> None:
    text = "费县融媒体中心\n某某木业集团年营收突破50亿元\n7月20日，记者走进某某木业集团生产车间。"
    assert _claims(text) == []


@pytest.mark.parametrize("text, ranks", [
    ("平阳县志愿者从300名下降到200名排在全市第5名。", ["全市第5名"]),
    ("瑞金市排名从9名升至第4名，会昌县从15名跃居第8名。", ["9名", "第4名", "15名", "第8名"]),
])
def test_only_a_rank_reached_right_after_the_move_makes_its_start_a_rank(text: str, ranks: list[str]) -> None:
    quantities = zhfacts.extract_text(text).records("quantities")
    assert [q["text"] for q in quantities if q["unit"] == "rank"] == ranks
