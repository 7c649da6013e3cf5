"""Families of round 25, found on county news, company-heavy project news, work reports and city
reports comparing counties annotated this round: a county's own page whose title site chrome hides, equal
figures listed (上升5个、3个、3个位次), sittings listed with no separator (十三届三次四次全会), a count of a
report's parts. Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts
from zhfacts.text.repair import repair


def _quantities(text: str) -> list[tuple[str, float, str]]:
    return [(q["text"], q["value"], q["unit"]) for q in zhfacts.extract_text(text).records("quantities")]


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


CHROME = "网站首页\n下载客户端\n\n登录\n\n分享\n\n"  # a site's menu above a page's title


def test_equal_figures_listed_are_each_read() -> None:
    text = "甲区、乙区、泗水县、丙县地区生产总值的排名分别比去年同期上升2个、5个、3个、3个位次。"
    assert [q[0] for q in _quantities(text)] == ["2个", "5个", "3个", "3个位次"]
    assert [q[0] for q in _quantities("排名分别上升五个、三个、三个位次。")] == ["五个", "三个", "三个位次"]


@pytest.mark.parametrize("line, once", [("全县增长5.2%全县增长5.2%", "全县增长5.2%"),
                                        ("泗水县召开大会泗水县召开大会", "泗水县召开大会")])
def test_a_line_printed_twice_is_still_read_once(line: str, once: str) -> None:
    assert repair(line).text == once


def test_sittings_listed_with_no_separator_are_the_sessions_name() -> None:
    text = "深入贯彻省委十三届三次四次全会以及市委十二届三次、四次全会精神，泗水县地区生产总值增长6%。"
    assert [q[0] for q in _quantities(text)] == ["6%"]


@pytest.mark.parametrize("text", ["泗水县县长作报告。报告由四个部分组成：工作回顾；今年任务。",
                                  "泗水县县长作报告。报告分四个部分，一是工作回顾。",
                                  "泗水县县长作报告。报告由4个部分构成：回顾；任务。",
                                  "泗水县县长作报告。报告包括三个部分的内容。"])
def test_a_count_of_a_reports_parts_is_no_claim(text: str) -> None:
    assert _claims(text) == []


def test_a_page_saying_wo_xian_of_the_one_county_it_names_is_that_countys() -> None:
    text = (f"{CHROME}回眸五年，看泗水工业经济发展\n\n2021-01-18\n\n"
            "五年来，我县大力推进工业强县战略。\n\n2019年\n\n新签约亿元以上项目35个，到位资金145.5亿元。")
    assert {("泗水县", "35个"), ("泗水县", "145.5亿元")} <= set(_claims(text))


def test_a_page_saying_wo_xian_of_another_level_stays_without_a_district() -> None:
    text = (f"{CHROME}回眸五年，看泗水工业经济发展\n\n2021-01-18\n\n"
            "五年来，我市大力推进工业强市战略。\n\n2019年\n\n新签约亿元以上项目35个，到位资金145.5亿元。")
    assert _claims(text) == []



@pytest.mark.parametrize("lead", [
    "6月10日，县委书记李明带领我县党政考察团赴泗水县考察学习。",  # the page names the county it visits
    "我县与泗水县结对帮扶以来，双方交流频繁。",
])
def test_a_county_named_in_the_text_of_a_page_saying_wo_xian_is_not_the_pages(lead: str) -> None:
    text = f"{CHROME}考察学习 开阔视野\n\n2025-06-12\n\n{lead}\n\n2024年\n\n新签约亿元以上项目28个，到位资金56亿元。"
    assert _claims(text) == []


@pytest.mark.parametrize("text, figure", [
    ("石门县项目开工。县领导出席正大集团石门100万头生猪产业链乌木溪6000头种猪场项目开工仪式。", "100万头"),
    ("石门县项目开工。县领导出席正大集团石门100万头生猪产业链乌木溪6000头种猪场项目开工仪式。", "6000头"),
    ("泗水县招商签约。某某粮油物流股份有限公司签订了20万吨粮食仓储物流项目。", "20万吨"),
])
def test_a_capacity_inside_a_projects_name_is_no_claim(text: str, figure: str) -> None:
    assert figure not in [c[1] for c in _claims(text)]


def test_counts_of_projects_and_the_districts_own_measures_stay_claims() -> None:
    claims = _claims("石门县新建5个项目，新增高标准农田5万亩，18宗市以上重点项目全部开工。")
    assert {("石门县", "5个"), ("石门县", "5万亩"), ("石门县", "18宗")} <= set(claims)


def test_a_projects_stage_after_an_adverb_opens_the_projects_clause() -> None:
    text = ("沭阳县项目建设加快。宏瑞食品有限公司计划投资5亿元，建设厂房6.5万平方米。"
            "项目全面投产后，可实现销售收入4亿元，纳税1000万元。")
    assert [c for c in _claims(text) if c[1] in ("4亿元", "1000万元")] == []


def test_a_district_where_a_zone_lies_leaves_the_zone_the_subject() -> None:
    text = ("泗水县经济开发区位于泗水县合力镇、李渡镇辖区，成立于2007年6月。现已建成2.35平方公里，园区企业已达101家，"
            "其中规上工业企业60家。\n全县规上工业增加值增长5.6%。")
    claims = _claims(text)
    assert ("泗水县", "5.6%") in claims
    assert [c for c in claims if c[1] in ("2.35平方公里", "101家", "60家")] == []


def test_a_district_after_a_location_word_with_no_zone_subject_is_the_section() -> None:
    claims = _claims("今年以来，位于泗水县的产业园建设加快。全县新增规上企业12家。")
    assert ("泗水县", "12家") in claims


@pytest.mark.parametrize("text, rank", [("在营商环境百强县榜单中，泗水县列全国12位，比去年上升6位。", "12位"),
                                        ("泗水县列全省25位。", "25位")])
def test_a_place_in_a_pool_after_lie_is_a_rank(text: str, rank: str) -> None:
    assert (rank, 12.0 if rank == "12位" else 25.0, "rank") in _quantities(text)


@pytest.mark.parametrize("text", ["列席会议代表12位。", "该系列产品有12位客户。", "下列12位同志获表彰。"])
def test_lie_inside_other_words_ranks_nothing(text: str) -> None:
    assert [q for q in _quantities(text) if q[2] == "rank"] == []


@pytest.mark.parametrize("text, figure", [
    ("衡南县今年新增4.2万亩耕地用于粮油高产示范项目。", "4.2万亩"),  # a verb between: the county's
    ("汉阴县今年将3万亩耕地纳入高标准农田建设项目。", "3万亩"),
    ("长乐区300名高校毕业生入选就业见习项目。", "300名"),
    ("丰都县今年累计完成造林绿化5.6万亩项目资金全部拨付到位。", "5.6万亩"),  # 项目 right after: a new subject
])
def test_a_districts_figure_before_a_verb_or_a_new_subject_stays_its(text: str, figure: str) -> None:
    assert figure in [c[1] for c in _claims(text)]


def test_zone_pages_of_several_counties_keep_each_countys_whole() -> None:
    text = ("今年上半年，安康市各县区经济运行稳中有进。\n"
            "汉阴县经济开发区位于汉阴县城关镇，今年新入驻企业12家。1-6月，全县地区生产总值增长6.5%。\n"
            "石泉县经济开发区位于石泉县城关镇，今年新入驻企业8家。1-6月，全县地区生产总值增长5.8%。")
    claims = _claims(text)
    assert {("汉阴县", "6.5%"), ("石泉县", "5.8%")} <= set(claims)
    assert [c for c in claims if c[1] in ("12家", "8家")] == []


def test_the_pool_after_lie_keys_the_rank() -> None:
    keys = {c["text"]: c["metric_key"] for c in zhfacts.extract_text("长沙县列全国12位，列全省1位。").records("claims")}
    assert keys == {"12位": "排名@全国", "1位": "排名@全省"}


@pytest.mark.parametrize("stage", ["项目正式投产运营后", "项目建成达产后", "项目全面达产达效后", "项目满产后"])
def test_a_projects_stage_in_its_variants_opens_the_projects_clause(stage: str) -> None:
    text = f"沭阳县项目建设加快。宏瑞食品有限公司计划投资5亿元。{stage}，可实现销售收入4亿元。"
    assert [c for c in _claims(text) if c[1] == "4亿元"] == []


def test_a_notice_period_in_working_days_is_no_claim() -> None:
    assert _claims("衡南县住建局公示：公示期为5个工作日。") == []


def test_a_county_named_only_with_its_township_is_the_pages_for_its_whole() -> None:
    text = "泗水县经开区五年发展综述\n泗水县经济开发区位于泗水县济河街道。\n全县规上工业增加值增长5.6%。"
    assert _claims(text) == [("泗水县", "5.6%")]


@pytest.mark.parametrize("text, name", [("自治区党委统战部副部长张三出席。", "自治区党委统战部"),
                                        ("广西壮族自治区党委宣传部主办。", "广西壮族自治区党委宣传部")])
def test_a_party_committees_department_is_named_with_it(text: str, name: str) -> None:
    assert name in [o["text"] for o in zhfacts.extract_text(text).records("organizations")]


def test_a_rankings_list_after_its_frame_gives_positions() -> None:
    claims = zhfacts.extract_text("台州三县去年排名是：温岭15位，临海60位，玉环75位。").records("claims")
    assert [(c["district"], c["value"], c["unit"]) for c in claims] == [
        ("温岭市", 15.0, "rank"), ("临海市", 60.0, "rank"), ("玉环市", 75.0, "rank")]


def test_a_list_of_bare_positions_after_its_frame_is_each_districts() -> None:
    text = "长沙县、浏阳市、宁乡市、醴陵市上榜，排名分别为12、17、41、95。"
    claims = zhfacts.extract_text(text).records("claims")
    assert [(c["district"], c["value"], c["unit"]) for c in claims] == [
        ("长沙县", 12.0, "rank"), ("浏阳市", 17.0, "rank"), ("宁乡市", 41.0, "rank"), ("醴陵市", 95.0, "rank")]


@pytest.mark.parametrize("text", ["该县排名为5，增长12.5%。", "考试排名是：甲组15人，乙组20人。",
                                  "该县排名为第3，地区生产总值增长5.2%。"])
def test_one_bare_number_or_counts_after_a_frame_are_no_list_of_positions(text: str) -> None:
    assert [q for q in _quantities(text) if q[2] == "rank" and q[0] != "第3"] == []


@pytest.mark.parametrize("text", [
    "汉阴县、石泉县、宁陕县排名分别为2、3、1，得分分别为95、92、97。",  # the scores after the list
    "衡南县考核排名为12，分数为86，等次为优秀。",
    "2024年度全市县域经济考核结果出炉，得分排名为：汉阴县96、石泉县92、宁陕县88。",
    "全市技能大赛获奖人数排名是：汉阴县15名，石泉县12名，宁陕县9名。",
    "在全省百强县榜单中，温岭、临海排名分别为前20、前50。",
    "衡南县排名是否进入前10、前20，取决于下半年工作。",
    "丰都县综合排名为12，较上年上升3。",
])
def test_scores_counts_and_moves_after_a_rankings_frame_are_no_positions(text: str) -> None:
    ranks = [q[1] for q in _quantities(text) if q[2] == "rank"]
    assert all(value in (1.0, 2.0, 3.0) for value in ranks) and 95.0 not in ranks


@pytest.mark.parametrize("text", ["我县党政代表团赴衡南县云集街道考察学习。\n今年以来，全县地区生产总值增长6.5%。",
                                  "邻县衡南县云集街道的做法值得借鉴。\n全县今年地区生产总值增长6.3%。"])
def test_a_visited_or_neighbouring_countys_township_is_not_the_pages(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize("text", ["公司党委宣传部组织职工观看教育片。", "各高校党委宣传部负责同志参加座谈。",
                                  "校党委常委会研究决定。"])
def test_a_party_committee_of_no_named_body_names_no_department(text: str) -> None:
    assert zhfacts.extract_text(text).records("organizations") == []


def test_all_of_a_citys_counties_at_once_hold_no_one_districts_figure() -> None:
    claims = _claims("郯城县举办成果发布会，会上共计签约5个项目。\n会议期间，各县区共计签约了37个项目，涉及多个领域。")
    assert claims == [("郯城县", "5个")]


def test_a_district_ranked_among_all_counties_keeps_its_rank() -> None:
    assert ("泗水县", "第一") in _claims("泗水县在各县区中排名第一，全县地区生产总值增长6%。")


def test_a_region_outside_which_something_is_no_subject() -> None:
    text = "今年以来，潞城区实施推进159个重点项目。截至目前，山西省域外招商引资签约项目12个，总投资额92亿元。"
    assert {("潞城区", "12个"), ("潞城区", "92亿元")} <= set(_claims(text))


def test_a_county_inside_which_something_is_keeps_its_figure() -> None:
    assert ("汉阴县", "50家") in _claims("汉阴县域内规上工业企业达到50家。")
