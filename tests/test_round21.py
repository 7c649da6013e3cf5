"""Families of round 21, found on statistical bulletins, work reports and signings: the pool of a
distinction is no subject, a district naming one project, a common phrase read as a county's short form.
Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text, pub_date="2025-03-01").records("claims")]


def _places(text: str) -> list[tuple[str, str]]:
    return [(p["text"], p["canonical"]) for p in zhfacts.extract_text(text).records("places")]


HEADING = "潼南区人代会开幕\n\n"


@pytest.mark.parametrize("distinction", ["全国首台国产检测仪获批上市", "全省唯一案例入选典型", "全市第一家数字工厂投产"])
def test_the_pool_of_a_distinction_leaves_the_page_its_district(distinction: str) -> None:
    text = f"{HEADING}这一年，规上工业产值达534亿元；{distinction}；重点片区投资增长25.8%。"
    assert _claims(text) == [("潼南区", "534亿元"), ("潼南区", "25.8%")]


def test_the_city_as_a_subject_still_stops_the_page_district() -> None:
    assert _claims(f"{HEADING}这一年，规上工业产值达534亿元；全市第一产业增加值增长3.5%。") == [("潼南区", "534亿元")]


def test_a_district_opening_one_projects_name_leaves_its_figures_to_the_project() -> None:
    text = ("兴文县签约开工一批项目\n\n兴文县光伏组件生产项目总投资20亿元，占地230亩。"
            "兴文县重点项目总投资300亿元。兴文县今年签约项目总投资85亿元。")
    assert _claims(text) == [("兴文县", "300亿元"), ("兴文县", "85亿元")]


def test_a_projects_name_opening_its_clause_owns_its_total() -> None:
    text = ("兴文县签约开工一批项目\n\n兴文县全年完成项目总投资90亿元。绿色能源综合开发利用项目总投资6.8亿元，新建充电桩200台。"
            "城建项目总投资50亿元。兴文县2024年中央预算内投资项目总投资3.2亿元。")
    assert _claims(text) == [("兴文县", "90亿元"), ("兴文县", "50亿元"), ("兴文县", "3.2亿元")]


@pytest.mark.parametrize("text", ["固定资产投资再破千亿大关。", "财政总收入突破亿元大关，实现11338万元。"])
def test_a_milestone_is_no_county(text: str) -> None:
    assert [p for p in _places(text) if p[1] == "大关县"] == []


def test_the_county_named_in_full_keeps_its_short_form() -> None:
    assert _places("大关县位于云南东北部。大关，地处乌蒙山区。")[-1] == ("大关", "大关县")


def _orgs(text: str) -> list[tuple[str, str]]:
    return [(o["text"], o["type"]) for o in zhfacts.extract_text(text).records("organizations")]


def test_a_list_closed_by_fields_names_no_companies() -> None:
    assert _orgs("签约项目主要涉及晶硅光伏、绿电能源、生态环保、现代农业等领域。") == []
    assert _orgs("代表们考察了鑫泰管业、振华包装等企业。") == [("鑫泰管业", "company"), ("振华包装", "company")]


def test_a_short_form_outside_the_main_province_counts_after_its_province_in_the_sentence() -> None:
    text = "排名第一的是内蒙古自治区鄂尔多斯市东胜区。陕西入围的12个县中，居于前50名的还有府谷、靖边和志丹。"
    places = [p for p in _places(text) if p[1].endswith("县")]
    assert places == [("府谷", "府谷县"), ("靖边", "靖边县"), ("志丹", "志丹县")]


def test_a_milestone_passed_is_the_districts_figure() -> None:
    assert _claims("卢龙县工作报告\n\n全年财政收入一举突破10亿元大关，达到10.9亿元。") == [
        ("卢龙县", "突破10亿元"), ("卢龙县", "10.9亿元")]
    assert _claims("卢龙县工作报告\n\n全年新签约10亿元以上项目5个。") == [("卢龙县", "5个")]


def test_a_top_n_listed_in_order_is_no_districts_share() -> None:
    assert _claims("榜单显示：前十强依次是江阴市、昆山市、张家港市。") == []
    # a top N the list shares is no one's either (round 22, as the annotators of every batch but one)
    assert _claims("排名前3位的是江阴市、昆山市和张家港市。") == []


# -- what the families above must leave alone (a second reader's sentences) ---------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a batch's or a sector's projects, and land for projects, are the district's
    ("去年，供应建设用地4500亩，保障项目用地3200亩。", [("兴文县", "4500亩"), ("兴文县", "3200亩")]),
    ("城建项目总投资50亿元，完成投资30亿元。", [("兴文县", "50亿元"), ("兴文县", "30亿元")]),
    ("兴文县十大项目总投资35亿元。", [("兴文县", "35亿元")]),
    # a batch across the pool is the pool's, not the page district's
    ("全省首批试点县共12个，总投资50亿元。", []),
    # a milestone that names a class of companies is still a bound
    ("全县产值突破10亿元大关的企业达5家。", [("兴文县", "5家")]),
    # a rate passed by districts listed in order is each one's
    ("增速超过6%的依次是九龙坡区、渝北区和江北区。",
     [("九龙坡区", "超过6%"), ("渝北区", "超过6%"), ("江北区", "超过6%")]),
])
def test_families_leave_alone(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(f"兴文县经济运行情况\n\n{text}") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the province inside another word (上海南站 holds 海南) is no accepted place
    ("重庆市潼南区组团考察，从上海南站出发，途经乐东、万宁等地。", {"潼南区"}),
    # in the document's own province only the city backs a list item: 福建 says nothing of 宁德's 古田, 屏南
    ("上杭县位于福建西部。福建入选的有古田、屏南两县。", {"上杭县"}),
    # outside it the province does
    ("上杭县位于福建西部。陕西入选的有府谷、靖边两县。", {"上杭县", "府谷县", "靖边县"}),
])
def test_a_province_earlier_in_the_sentence_backs_list_items_only_when_accepted(text: str, expected: set[str]) -> None:
    rows = zhfacts.extract_text(text).records("places")
    assert {p["canonical"] for p in rows if p["level"] in ("district", "county")} == expected


def test_a_banks_lending_to_a_district_is_the_districts() -> None:
    text = ("江安县金融工作会议召开\n\n农发行宜宾分行2024年向兴文县投放贷款4.99亿元，新增捐赠资金930万元。"
            "宜宾市商业银行在兴文县实现营业收入2亿元，开设网点5个。")
    assert _claims(text) == [("兴文县", "4.99亿元"), ("兴文县", "930万元")]


@pytest.mark.parametrize(("text", "expected"), [
    ("甲县跻身全国第6\n正文", [("全国第6", "rank")]),              # a line break ends the headline
    ("甲县跻身全国第6 11月21日", [("全国第6", "rank")]),             # so do spaces before the date line's digits
    ("县第二  人民医院开展义诊。", []),                              # spaces before a word end nothing
])
def test_a_rank_ending_a_headline(text: str, expected: list[tuple[str, str]]) -> None:
    from zhfacts.extract.quantities import extract_quantities
    assert [(text[h.start:h.end], h.get("unit")) for h in extract_quantities(text)] == expected
