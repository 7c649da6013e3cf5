"""Claims families of round 20: compared districts, banks as subjects, names of bodies, paragraphs that
refer back, projects' totals, audiences, ranking pools, counts of companies, a page's district.
Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text, pub_date="2025-03-01").records("claims")]


# -- a district named as what a figure is measured against ---------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # after the rank it holds (第二名乙县: the rank is that district's), as after a comparison word alone
    ("上半年，沁源县财政收入居全省县级第一，超出第二名长垣市3.2亿元。全县GDP增长6%。",
     [("沁源县", "第一"), ("长垣市", "第二名"), ("沁源县", "6%")]),
    ("上半年，沁源县财政收入高出长垣市1.5亿元。投资增长8%。", [("沁源县", "8%")]),
    ("上半年，沁源县财政收入居全省第一，高出紧随其后的长垣市1.5亿元。投资增长8%。", [("沁源县", "全省第一"), ("沁源县", "8%")]),
])
def test_a_compared_district_is_no_sections_subject(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


def test_the_district_after_a_rank_still_opens_a_section_where_nothing_compares() -> None:
    assert _claims("第二名长垣市今年GDP增长6%。投资增长8%。") == [("长垣市", "第二名"), ("长垣市", "6%"), ("长垣市", "8%")]


def test_a_district_after_its_rank_is_its_clauses_subject() -> None:
    assert _claims("沁源县GDP增速排第一，第二位长垣市增长7.5%，第三位武乡县增长7%。") == [
        ("沁源县", "第一"), ("长垣市", "第二位"), ("长垣市", "7.5%"), ("武乡县", "第三位"), ("武乡县", "7%")]


def test_the_district_second_to_another_keeps_its_section() -> None:
    assert _claims("上半年，沁源县财政收入仅次于第一名长垣市。投资增长8%。") == [("长垣市", "第一名"), ("沁源县", "8%")]


# -- a bank as the subject (该行, 该银行) -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "沁源县农商银行支持县域经济。截至9月末，该行累计发放涉农贷款38.5亿元。",
    "沁源县农商银行支持县域经济。该银行今年新增贷款12亿元。",
])
def test_figures_of_a_bank_are_its_own(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize("text", [
    "沁源县加快培育新能源产业。该行业今年产值增长12%。",
    "沁源县开展招商行动。该行动今年签约项目8个。",
])
def test_words_that_open_with_gai_hang_are_no_subjects(text: str) -> None:
    assert [district for district, _ in _claims(text)] == ["沁源县"]


# -- a district inside a company's name is a word of the name --------------------------------
@pytest.mark.parametrize("text", [
    "本次开工的光伏发电项目由国家电投沁源新能源有限公司投资11.03亿元建设。",
    "光伏项目由沁源县新能源有限公司总投资8亿元，占地500亩。",
])
def test_a_district_in_a_companys_name_is_no_subject(text: str) -> None:
    assert _claims(text) == []


def test_the_district_itself_still_claims_beside_a_company_named_after_it() -> None:
    assert _claims("沁源县与沁源新能源有限公司签约，沁源县今年引进项目12个。") == [("沁源县", "12个")]


# -- an indented paragraph that refers back to the one before keeps its district --------------
TWO_COUNTIES = ("  本报讯 沁源县重大项目集中开工，此次开工项目18个，总投资120亿元。\n"
                "  {opening}包括工业项目5个，总投资40亿元。\n"
                "  长垣市同日签约项目9个。\n")


@pytest.mark.parametrize("opening", ["此次开工项目", "其中，本次开工项目"])
def test_a_paragraph_opening_with_a_word_for_the_event_before_stays_in_its_section(opening: str) -> None:
    claims = _claims(TWO_COUNTIES.format(opening=opening))
    assert ("沁源县", "5个") in claims and ("沁源县", "40亿元") in claims


def test_any_other_indented_paragraph_opens_a_section_of_its_own() -> None:
    claims = _claims(TWO_COUNTIES.format(opening="据介绍，评估体系"))
    assert [c for c in claims if c[1] in ("5个", "40亿元")] == []


@pytest.mark.parametrize("text", [
    # the paragraph before names two districts: whose the 其中 is, is unclear
    "　　沁源县一季度签约项目20个，与长垣市并列全市第一。\n　　其中，工业项目12个，总投资30亿元。\n",
    # a heading between: a new section
    "　　沁源县签约项目20个。\n　　长垣市签约项目15个。\n二、下一步工作\n　　此次会议部署全年计划签约项目30个。\n",
])
def test_no_district_is_carried_where_the_reference_is_unclear(text: str) -> None:
    assert [c for c in _claims(text) if c[1] in ("12个", "30亿元", "30个")] == []


def test_a_district_compared_with_does_not_make_the_reference_unclear() -> None:
    text = "　　沁源县一季度GDP增长6%，高于长垣市1个百分点。\n　　其中，第二产业增长8%。\n"
    assert ("沁源县", "8%") in _claims(text)


# -- 项目总投资 opening a clause: the project just named, unless projects were counted before --
@pytest.mark.parametrize(("text", "expected"), [
    ("沁源县光伏发电项目5月动工，项目总投资17.5亿元，规划用地900亩。", []),
    ("沁源县6个项目集中签约、开工，项目总投资4.85亿元。", [("沁源县", "6个"), ("沁源县", "4.85亿元")]),
    ("沁源县签约项目10个，项目总投资42亿元。", [("沁源县", "10个"), ("沁源县", "42亿元")]),
    # one project's parts are no batch of projects
    ("沁源县华阳产业园项目建设6个标准化厂房，项目总投资5亿元。", [("沁源县", "6个")]),
    ("沁源县集中签约的10个项目总投资42.95亿元。", [("沁源县", "10个"), ("沁源县", "42.95亿元")]),
])
def test_a_projects_total_is_its_own_and_a_counted_batchs_the_districts(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


# -- an event's audience ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "沁源县举行招商推介会，企业代表、行业协会负责人等200余人出席推介会。",
    "沁源县召开座谈会，近200家会员企业代表共聚一堂。",
    "沁源县四套班子领导出席仪式。",
    "沁源县举办交流会，来自各地的500多人参加了交流会。",
    "沁源县举行项目集中开工，300余名干部群众参加开工活动。",
    "沁源县举办招商会，120余家企业参加了招商洽谈。",
])
def test_the_audience_of_an_event_is_no_districts_figure(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("沁源县50万人参加城乡居民医保。", [("沁源县", "50万人")]),
    ("沁源县206家商家参与活动。", [("沁源县", "206家")]),
    ("沁源县组织1.2万名党员参加志愿服务活动。", [("沁源县", "1.2万名")]),
    ("沁源县发动群众5万人次参与会战。", [("沁源县", "5万人次")]),
])
def test_counts_that_join_a_scheme_stay_claims(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


# -- the pool a rank is taken among ------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("沁源县在全国700多个县级单位中脱颖而出，位居第12名。", [("沁源县", "第12名")]),
    ("沁源县在全省21个县中排在第2位。", [("沁源县", "第2位")]),
    ("沁源县位于52个同类县第8名。", [("沁源县", "第8名")]),
    # counts of what holds a rank, and a rank before a rank, stay claims
    ("沁源县5项主要指标位列全市第一。", [("沁源县", "5项"), ("沁源县", "全市第一")]),
    ("沁源县名次从上次的第9位跃进至第四位。", [("沁源县", "第9位"), ("沁源县", "第四位")]),
    ("沁源县在12个乡镇中推广新品种。", [("沁源县", "12个")]),
    ("沁源县在建的36个重点项目中列入省级重点的有8个。", [("沁源县", "36个"), ("沁源县", "8个")]),
    ("沁源县在25个乡镇中排查出隐患120处。", [("沁源县", "25个"), ("沁源县", "120处")]),
    ("沁源县全年接待游客500万人次全省第5位。", [("沁源县", "500万人次"), ("沁源县", "全省第5位")]),
    ("沁源县在全省120个开发区中排首位。", [("沁源县", "首位")]),
    ("沁源县位于全省52个同类县（市）第8名。", [("沁源县", "第8名")]),
])
def test_the_pool_of_a_ranking_is_no_districts_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


# -- a page's district: a scope word that is no subject does not stop it --------------------------
def test_the_city_a_rank_is_taken_in_does_not_stop_a_pages_district() -> None:
    text = "沁源县人民政府\n\nGDP完成157亿元、增速5.6%，规模稳居全市各县第一；社零额完成42亿元。"
    assert _claims(text) == [("沁源县", "157亿元"), ("沁源县", "5.6%"), ("沁源县", "第一"), ("沁源县", "42亿元")]


@pytest.mark.parametrize("text", [
    "沁源县人民政府\n\n全市GDP完成2157亿元。",
    "沁源县人民政府\n\n从全市看，规上工业增加值增长6.2%。",
    "沁源县人民政府\n\n放眼全国，新能源汽车销量增长30%。",
])
def test_the_city_as_a_subject_or_topic_still_stops_it(text: str) -> None:
    assert _claims(text) == []


def test_a_money_range_before_a_verb_is_a_figure() -> None:
    assert _claims("沁源县今年计划投资3亿元~5亿元用于道路改造。") == [("沁源县", "3亿元~5亿元")]


# -- a company word right before a count is what the count counts --------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("沁源县工业稳步增长。其中，产值超10亿元的企业7家，5亿元~10亿元的企业12家。", [("沁源县", "7家"), ("沁源县", "12家")]),
    ("沁源县限上汽车销售企业达到64家、增长19%。", [("沁源县", "64家"), ("沁源县", "19%")]),
    ("沁源县华阳科技有限公司实现产值5亿元。", []),
    # a company's own counts and figures stay its own
    ("沁源县去年引进华阳科技。该公司有3个生产基地，年产值5亿元。", []),
    ("沁源县去年引进华阳科技。公司有12个研发团队，今年营收增长15%。", []),
])
def test_a_count_of_companies_is_the_districts(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


def test_where_a_company_is_headquartered_is_no_sections_district() -> None:
    text = ("沁源县举行签约仪式。\n\n总部位于上海市闵行区的上海锐泽生物医药科技有限公司，此次将设立研发基地。\n\n"
            "此外，该县今年已孵化科技企业46家。")
    assert _claims(text) == [("沁源县", "46家")]
