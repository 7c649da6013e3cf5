"""Families of round 23, found on signing news and county reviews annotated this round: ordinary words
that end like an office (产业布局, 新格局), a measure in a project's name (300万吨碳酸钙项目), a park's or
a plant's figures once it is built (园区投产达效后). Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _orgs(text: str) -> list[tuple[str, str]]:
    return [(o["text"], o["type"]) for o in zhfacts.extract_text(text).records("organizations")]


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


@pytest.mark.parametrize("text", ["项目高度契合我县产业布局，前景广阔。", "加快构建全县发展新格局。",
                                  "服务全县工作大局。", "活动由县委宣传部指导、多家企业承办。"])
def test_an_ordinary_word_ending_like_an_office_is_no_body(text: str) -> None:
    assert [o for o in _orgs(text) if o[0].endswith(("布局", "格局", "大局", "承办"))] == []


@pytest.mark.parametrize("text, body", [("全县财政局牵头落实。", "县财政局"), ("县统计局发布数据。", "县统计局"),
                                         ("县自然资源局组织验收。", "县自然资源局")])
def test_offices_ending_alike_stay_bodies(text: str, body: str) -> None:
    assert (body, "government") in _orgs(text)


@pytest.mark.parametrize("figure", ["300万吨", "50兆瓦", "2000亩"])
def test_a_measure_in_a_projects_name_is_its_capacity(figure: str) -> None:
    text = f"汉阴县人民政府与某某集团签约，其中有{figure}新材料生产项目、物流园项目。"
    assert [c for c in _claims(text) if c[1] == figure] == []


def test_a_districts_measure_before_a_clause_end_is_claimed() -> None:
    text = "今年汉阴县粮食产量达35万吨，新增光伏装机50兆瓦，项目建设提速。"
    assert _claims(text) == [("汉阴县", "35万吨"), ("汉阴县", "50兆瓦")]


@pytest.mark.parametrize("opener", ["园区投产达效后", "项目建成投产后", "投产达效后", "基地建成后"])
def test_a_plants_figures_once_built_are_its_own(opener: str) -> None:
    text = f"汉阴县计划开工项目107个。其中，在建的食品产业园项目一期，{opener}，年可实现产值15亿元。"
    assert _claims(text) == [("汉阴县", "107个")]


def test_a_districts_output_after_its_projects_is_claimed() -> None:
    text = "汉阴县计划开工项目107个。全县规上工业企业实现产值15亿元。"
    assert _claims(text) == [("汉阴县", "107个"), ("汉阴县", "15亿元")]


def _quantities(text: str) -> list[tuple[str, float | None, str]]:
    return [(q["text"], q["value"], q["unit"]) for q in zhfacts.extract_text(text).records("quantities")]


PIPE_TABLE = ("附表 2023年各区县主要指标\n地区 | 地区生产总值(亿元) | 增速(%) |\n汉滨区 | 532.1 | 5.2 |\n"
              "汉阴县 | 120.5 | 6.1 |\n石泉县 | 98.3 | 4.8 |\n")


def test_a_pipe_table_is_read_as_a_table() -> None:
    assert ("532.1", 53210000000.0, "CNY") in _quantities(PIPE_TABLE)
    claims = [(c["district"], c["metric_key"], c["value"]) for c in zhfacts.extract_text(PIPE_TABLE).records("claims")]
    assert ("汉阴县", "地区生产总值增速", 6.1) in claims and len(claims) == 6


def test_a_pipe_rows_label_names_the_row() -> None:
    text = ("表1 年末户籍人口构成\n指标 | 年末人口(万人) | 比重(%) |\n总户籍人口 | 88.3 | 100 |\n"
            "其中:0-17岁 | 22.52 | 26 |\n18-34岁 | 20.99 | 24 |\n60岁以上 | 14.15 | 16 |\n")
    found = _quantities(text)
    assert [q for q in found if "岁" in q[0]] == []
    assert ("22.52", 225200.0, "人") in found and ("26", 26.0, "%") in found


def test_a_pipe_line_of_links_is_no_table() -> None:
    assert _quantities("首页 | 新闻中心 | 政务公开 |\n汉阴县今年新增企业12家。") == [("12家", 12.0, "家")]


def test_a_universitys_abbreviation_jieba_lists_as_a_body() -> None:
    text = "区政府与浙江工业大学共建研究院。浙工大“输出”人才与技术，浙工大的学科优势与当地产业吻合。"
    assert [o for o in _orgs(text) if o[0] == "浙工大"] == [("浙工大", "university")] * 2


def test_an_abbreviation_needs_its_body_named_in_full() -> None:
    assert _orgs("浙工大的学科优势与当地产业吻合。") == []


@pytest.mark.parametrize("link", ["由某某公司投资建设", "位于县经开区"])
def test_a_project_named_as_its_sentences_subject_owns_its_figures(link: str) -> None:
    text = f"汉阴县举行项目签约仪式。某某综合回收项目{link}，总投资约1亿元，用地20亩。"
    assert _claims(text) == []


def test_a_batch_of_projects_before_the_link_stays_the_districts() -> None:
    text = "汉阴县举行项目签约仪式。今年签约项目由县招商局统筹推进，总投资约10亿元。"
    assert _claims(text) == [("汉阴县", "约10亿元")]


def test_a_plants_figures_after_built_open_its_sentence() -> None:
    text = "汉阴县举行项目签约仪式，签约项目12个。某某项目由某某公司投资建设。建成后，预计年产值2亿元。"
    assert _claims(text) == [("汉阴县", "12个")]


def _claim_rows(text: str) -> list[tuple[str, str | None, str]]:
    return [(c["district"], c["metric_key"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


def test_a_zone_without_a_place_in_a_list_of_districts_is_no_ones() -> None:
    text = "上半年全市新签约项目87个，分别为：霍山县34个、金寨县32个、市开发区14个、叶集区7个。"
    assert _claim_rows(text) == [("霍山县", "签约项目数", "34个"), ("金寨县", "签约项目数", "32个"),
                                 ("叶集区", "签约项目数", "7个")]


@pytest.mark.parametrize("zone", ["高新区", "经开区", "县开发区"])
def test_a_zone_item_between_districts_keeps_them_apart(zone: str) -> None:
    text = f"新开工项目依次为：宜都市13个，{zone}5个，枝江市3个。"
    assert [c[0] for c in _claim_rows(text)] == ["宜都市", "枝江市"]


def test_a_rate_of_projects_started_is_a_rate() -> None:
    rows = _claim_rows("霍山县签约项目开工率为94.1%，履约率达90%，开工项目增长12%。")
    assert [r[1] for r in rows] == ["项目开工率", "项目履约率", "开工项目数增速"]


@pytest.mark.parametrize("sentence", ["今年的百强县分布于18个省份。", "前100名分布在14个省区中。", "该排名综合考虑了28项指标。"])
def test_a_rankings_own_figures_are_no_districts(sentence: str) -> None:
    assert _claim_rows("昆山市位列百强县第一名。" + sentence) == [("昆山市", "综合评价排名@百强县", "第一名")]


def test_a_committees_term_after_its_name_is_no_figure() -> None:
    text = "认真落实自治区党委十届、自治州党委十一届和县委十三届历次全会精神。汉阴县举办十届农民运动会。"
    assert _quantities(text) == [("十届", 10.0, "届")]


def test_the_citys_own_level_among_its_districts_is_no_districts() -> None:
    text = "分区域情况看：\n◆常山县组织项目37个，总投资30亿元；\n◆开化县组织项目17个，总投资31亿元；\n◆市本级组织项目6个，总投资1.1亿元。"
    assert [c[0] for c in _claims(text)] == ["常山县", "常山县", "开化县", "开化县"]


def test_a_mediums_stem_is_no_alias_of_it() -> None:
    text = "版权声明：凡注明来源为中国甘肃网的稿件均为本网版权稿件。\n中国甘肃网微信中国甘肃网微博\n"
    assert [o for o in _orgs(text) if o[0] == "中国甘肃"] == []


def test_a_quoted_name_opening_with_a_count_is_no_figure() -> None:
    assert _quantities("紧盯全国“三个500强”企业，新增企业3个。") == [("3个", 3.0, "个")]


BULLETIN_TABLE = ("汉阴县2023年国民经济和社会发展统计公报\n全年全县地区生产总值120亿元。\n表1 2023年年末户籍人口\n指标\n年末数(人)\n"
                  "比重(%)\n户籍人口\n300000\n100.0\n其中:男性\n156000\n52.0\n女性\n144000\n48.0\n"
                  "其中:0-15岁(含不满16周岁)\n60000\n20.0\n60岁及以上\n66000\n22.0\n")


def test_a_bulletins_table_of_indicators_is_its_districts() -> None:
    claims = [(c["district"], c["metric"], c["value"], c["rule"]) for c in zhfacts.extract_text(BULLETIN_TABLE).records("claims")]
    assert ("汉阴县", "户籍人口", 300000.0, "claims.table.indicator") in claims
    assert ("汉阴县", "女性比重", 48.0, "claims.table.indicator") in claims
    assert ("汉阴县", "60岁及以上", 66000.0, "claims.table.indicator") in claims


def test_a_label_with_a_figure_between_a_tables_rows_names_its_row() -> None:
    found = _quantities(BULLETIN_TABLE)
    assert ("60000", 60000.0, "人") in found and [q for q in found if "岁" in q[0]] == []


def test_a_bulletins_table_of_townships_is_none_of_the_districts() -> None:
    text = ("汉阴县2023年国民经济和社会发展统计公报\n表2 各镇财政收入\n镇名\n收入(万元)\n城关镇\n3200\n涧池镇\n2100\n"
            "蒲溪镇\n1800\n")
    assert [c for c in zhfacts.extract_text(text).records("claims") if c["rule"].startswith("claims.table")] == []


def test_cells_one_a_line_with_a_pipe_border() -> None:
    text = ("汉阴县第四次全国经济普查公报\n表1-1 单位数 |\n||\n|\n单位数(个) |\n比重(%) |\n一、法人单位 |\n4491 |\n100 |\n"
            "企业法人 |\n3553 |\n79.1 |\n机关法人 |\n120 |\n2.7 |\n")
    assert ("3553", 3553.0, "个") in _quantities(text)


def test_a_district_a_bracket_ties_with_is_no_sections() -> None:
    text = ("汉阴县工业经济实现开门红\n一季度，全县规上工业增加值同比增长15.1%，增速位居全市榜首(与旬阳县并列)。\n"
            "农产品加工业产值同比增长18.7%。")
    assert [c[0] for c in _claims(text)] == ["汉阴县", "汉阴县"]


def test_a_zone_without_a_place_opening_a_clause_owns_its_figures() -> None:
    text = "衡南县上半年经济稳中有进。全县规模工业总产值43.62亿元。县工业集中区新增规上企业2家，完成增加值11亿元。"
    assert _claims(text) == [("衡南县", "43.62亿元")]


def test_a_zones_name_ending_a_place_stays_in_a_list_of_districts() -> None:
    text = "永川、南川、万盛经开区、璧山等区县的增速在5%及以上。"
    assert {c[0] for c in _claims(text)} == {"永川区", "南川区", "璧山区"}


def test_a_share_of_the_county_names_no_subject() -> None:
    text = "衡南县上半年经济稳中有进。县工业集中区完成规模工业增加值11亿元，占全县的比重达70%。"
    assert _claims(text) == []


def test_a_venue_named_after_a_district_opens_no_section() -> None:
    text = ("3月22日，梅州招商推介会在广州越秀国际会议中心举办。\n活动期间，各县(市、区)达成签约项目30个，"
            "计划投资总额96.54亿元。丰顺县项目2个，计划投资总额18亿元。")
    assert _claims(text) == [("丰顺县", "2个"), ("丰顺县", "18亿元")]


def test_townships_a_figure_stands_nearest_to_own_it() -> None:
    text = ("花都区2022年经济运行情况\n全区规上工业总产值2509.12亿元。其中，增长较快的是狮岭镇、花东镇和炭步镇，"
            "同比分别增长9.9%、7.7%和4.0%。\n全区城镇居民人均可支配收入增长5%。")
    assert [c[1] for c in _claims(text)] == ["2509.12亿元", "5%"]


def test_a_township_named_before_its_districts_figure_leaves_it() -> None:
    text = "汉阴县今年经济稳中向好，在城关镇新建产业园。全县地区生产总值增长8%。"
    assert _claims(text) == [("汉阴县", "8%")]


def test_a_bound_written_with_ji_is_one_figure() -> None:
    text = "二、固投5亿元及以上新签约项目情况\n全市固投5亿元及以上新签约项目88个，分别为：舒城县14个、叶集区5个。"
    assert ("5亿元及以上", 500000000.0, "CNY") in _quantities(text)
    assert _claims(text) == [("舒城县", "14个"), ("叶集区", "5个")]


# What two readers found the round's first versions did to sentences of their own, mended.
@pytest.mark.parametrize("text, kept", [
    ("汉阴县辖10个建制镇，总人口30万人。", "30万人"),
    ("费县统筹推进12个乡镇污水处理设施建设，今年完成投资1.8亿元。", "1.8亿元"),
    ("汉阴县依托涧池镇、蒲溪镇等重点镇，今年新增市场主体3200户。", "3200户"),
    ("长乐区上半年经济运行平稳。\n高新区加快建设，全区规上工业增加值增长8.5%。", "8.5%"),
    ("衡南县上半年地区生产总值增长6.8%，高新区、工业集中区建设提速，规上工业增加值增长9.1%。", "9.1%"),
    ("汉阴县综合实力稳步提升，连续三年位列全市前3名之中。", "全市前3名"),
    ("汉阴县12个省定贫困村今年全部实现脱贫退出。", "12个"),
    ("汉阴县以工代赈项目由县发改委组织实施，今年共下达资金2000万元。", "2000万元"),
    ("汉阴县今年累计流转土地3.2万亩用于发展富硒茶产业项目。", "3.2万亩"),
    ("丰都县已建成标准化厂房32万平方米供入驻项目使用。", "32万平方米"),
    ("丰都县今年已有8个重点项目建成投产，投产后新增产值15亿元。", "15亿元"),
    ("今年以来，丰都县酒店业营业额增长18%。\n住宿业新增限上企业6家。", "6家"),
])
def test_a_districts_own_figure_stays_its(text: str, kept: str) -> None:
    assert kept in [c[1] for c in _claims(text)]


def test_a_venues_district_is_no_pages_either() -> None:
    text = "3月22日，梅州招商推介会在广州越秀国际会议中心举办。\n活动期间，签约项目30个，计划投资总额96.54亿元。"
    assert _claims(text) == []


def test_an_office_ending_like_a_whole_stays_a_body() -> None:
    assert ("长乐区国家安全局", "government") in _orgs("长乐区国家安全局与区委网信办联合开展宣传。")


@pytest.mark.parametrize("text", ["衡南县人民政府与湖南中医药大学签约，共建中药学实践教学基地，推动中医学人才下沉。",
                                  "汉阴县与长沙卫生职业学院签约，为全县18个镇卫生院培训医护人员200名。"])
def test_a_discipline_or_a_clinic_is_no_universitys_abbreviation(text: str) -> None:
    assert [o for o in _orgs(text) if o[0] in ("中药学", "中医学", "卫生院")] == []


BULLETIN = "汉阴县2024年国民经济和社会发展统计公报\n汉阴县统计局\n"


@pytest.mark.parametrize("table", [
    "表2 对比\n指标 | 汉阴县(亿元) | 全市(亿元) |\n地区生产总值 | 135.6 | 1350.2 |\n固定资产投资 | 80.2 | 900.1 |\n消费品零售 | 50.3 | 420.2 |",
    "表1\n年份 | 地区生产总值(亿元) | 增速(%) |\n2020年 | 108.2 | 3.1 |\n2021年 | 118.2 | 6.1 |\n2022年 | 128.2 | 5.1 |",
    "表4\n项目名称 | 总投资(亿元) | 年度完成投资(亿元) |\n富硒茶产业园 | 5.2 | 2.1 |\n物流园 | 3.2 | 1.1 |\n光伏电站 | 2.2 | 1.0 |",
    "表6\n学校类别 | 学校数(所) | 招生数(人) |\n小学 | 45 | 3900 |\n初中 | 12 | 4100 |\n高中 | 3 | 2200 |",
])
def test_a_table_of_places_years_projects_or_many_measures_gives_no_indicators(table: str) -> None:
    claims = zhfacts.extract_text(BULLETIN + table).records("claims")
    assert [c for c in claims if c["rule"] == "claims.table.indicator"] == []


def test_an_indicator_row_is_measured_with_its_column() -> None:
    table = "表3\n行业 | 增加值(亿元) | 比上年增长(%) |\n农林牧渔业 | 21.6 | 3.1 |\n工业 | 40.2 | 7.9 |\n建筑业 | 10.1 | 5.2 |"
    metrics = [c["metric"] for c in zhfacts.extract_text(BULLETIN + table).records("claims")
               if c["rule"] == "claims.table.indicator"]
    assert metrics[:2] == ["农林牧渔业增加值", "农林牧渔业增加值增速"]


def test_a_product_measured_by_its_growth_is_no_company() -> None:
    text = "富硒食品增长较快。精制食用植物油增长31.9%，果汁和蔬菜汁类饮料增长48.9%。宇树科技产值达10亿元。"
    assert _orgs(text) == [("宇树科技", "company")]


def test_a_sessions_roll_is_no_districts_figure() -> None:
    text = "理县第十五届人民代表大会开幕。本次大会应到代表131名，实到代表122名。来自县内的162名代表汇聚一堂。全县新增企业12家。"
    assert _claims(text) == [("理县", "12家")]
