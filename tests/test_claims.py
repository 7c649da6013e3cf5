"""District claims: attribution by sentence, pronoun, list, speaker and section; non-claims."""

from __future__ import annotations

import pytest

import zhfacts

# (text, [(district, value, unit, attribution)]) in document order; an empty list: no claims.
CASES = [
    ("今年上半年，昆山市实现地区生产总值2600亿元，同比增长5.8%。",
     [("昆山市", 2.6e11, "CNY", "sentence"), ("昆山市", 5.8, "%", "sentence")]),
    ("在四川省广汉市，装备制造产业加速集聚。去年，该市新增规上工业企业42家，规上工业增加值增长9.1%。",
     [("广汉市", 42, "家", "pronoun"), ("广汉市", 9.1, "%", "pronoun")]),
    ("义乌市外贸持续回暖。1至6月，全市进出口总额达3200亿元。",
     [("义乌市", 3.2e11, "CNY", "pronoun")]),
    ("前三季度，南岸区和北碚区增速均超过7%，渝北区、九龙坡区等区县的增速均在6%以上。",
     [("南岸区", 7, "%", "list"), ("北碚区", 7, "%", "list"),
      ("渝北区", 6, "%", "list"), ("九龙坡区", 6, "%", "list")]),
    ("“今年以来，我们新引进项目23个，总投资85亿元。”浏阳市商务局局长李明说。",
     [("浏阳市", 23, "个", "speaker"), ("浏阳市", 8.5e9, "CNY", "speaker")]),
    ("崇州市科技局副局长王芳介绍，全市已培育国家高新技术企业136家。",
     [("崇州市", 136, "家", "speaker")]),
    ("全省共有高新技术企业1.2万家，其中宝安区超过1000家。",
     [("宝安区", 1000, "家", "sentence")]),
    ("首批16家配套企业集中签约入驻仁寿县。",
     [("仁寿县", 16, "家", "sentence")]),
    # a section: the district named once, its figures in the following sentences
    ("安吉县把白茶产业作为富民产业。\n去年，茶园面积达到20万亩，带动农民增收8亿元。\n当地还建成茶叶加工厂300余家。",
     [("安吉县", 200000, "亩", "section"), ("安吉县", 8e8, "CNY", "section"),
      ("安吉县", 300, "家", "pronoun")]),
    # a county's report: the title names the county, numbered sections say 全县 only
    ("凤阳县2025年上半年经济运行情况\n一、主要指标\n上半年，全县实现地区生产总值168.2亿元，同比增长6.5%。\n"
     "固定资产投资增长9.3%。\n二、工业\n新增规上工业企业15家。",
     [("凤阳县", 1.682e10, "CNY", "pronoun"), ("凤阳县", 6.5, "%", "pronoun"), ("凤阳县", 9.3, "%", "section"),
      # an economic-operation report: its later sections are the county's too
      ("凤阳县", 15, "家", "section")]),
    # 全市 in a ranking of a prefecture's districts is the prefecture, even after a county-level city
    ("前三季度，仁怀市生产总值增长7.8%，居全市第一。全市生产总值增长5.1%。",
     [("仁怀市", 7.8, "%", "sentence"), ("仁怀市", 1, "rank", "sentence")]),
    # a bound in a category name: 超10亿元的项目, 5亿元以上项目
    ("今年以来，宁乡市新签约超10亿元的项目6个，其中5亿元以上项目4个。",
     [("宁乡市", 6, "个", "sentence"), ("宁乡市", 4, "个", "sentence")]),
    # not claims: a development zone, the city, a company, a product property, a duration
    ("两江新区上半年实现地区生产总值2000亿元。", []),
    ("重庆全市规上工业增加值增长7.5%。", []),
    ("位于鄞州区的宁波明远科技有限公司去年实现营业收入12亿元。", []),
    ("在滨江区，一台重达20吨的设备正在调试。", []),
    ("桐乡市一家企业通过15年自主研发打破垄断。", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    claims = zhfacts.extract_text(text).records("claims")
    got = [(c["district"], c["value"], c["unit"], c["attribution"]) for c in claims]
    assert got == [(d, pytest.approx(v), u, a) for d, v, u, a in expected]


def test_claim_links_its_quantity_and_carries_metric_and_period() -> None:
    result = zhfacts.extract_text("今年上半年，江津区新签约项目59个，协议引资额达419亿元。", pub_date="2025-08-01")
    quantities = {q["id"]: q for q in result.records("quantities")}
    claims = result.records("claims")
    assert [c["metric_key"] for c in claims] == ["签约项目数", "协议引资额"]
    for claim in claims:
        quantity = quantities[claim["quantity_id"]]
        assert (claim["start"], claim["end"], claim["value"]) == (quantity["start"], quantity["end"], quantity["value"])
        assert claim["period"] == "2025-H1"
        assert claim["adcode"] == "500116"
        assert 0 < claim["confidence"] <= 1


@pytest.mark.parametrize(("text", "metric"), [
    ("大足区规上工业增加值增长8.7%。", "规上工业增加值增速"),
    ("铜梁区拥有汽车零部件企业137家。", "汽车零部件企业"),
    ("永川区已选派58个企业科技特派团。", "选派企业科技特派团"),
    ("荣昌区技术合同成交额达8.91亿元。", "技术合同成交额"),
])
def test_metric(text: str, metric: str) -> None:
    assert zhfacts.extract_text(text).records("claims")[0]["metric"] == metric


@pytest.mark.parametrize(("text", "metrics"), [
    # the rate and the rank inherit the measure named with the first figure
    ("上半年，溧阳市实现地区生产总值612亿元，同比增长6.8%，增速居全市第二。", ["地区生产总值", "地区生产总值增速", "地区生产总值增速排名"]),
    ("宝应县新增高新技术企业31家，总数达到286家。", ["新增高新技术企业", "新增高新技术企业总数"]),
    # a topic opening names the measure
    ("从经济总量看，江宁区以3100亿元领跑全市。", ["经济总量"]),
])
def test_metric_completed_from_the_sentence(text: str, metrics: list[str]) -> None:
    assert [c["metric"] for c in zhfacts.extract_text(text).records("claims")] == metrics


def _claims(text: str, pub_date: str | None = "2025-03-01") -> list[dict]:
    return zhfacts.extract_text(text, pub_date=pub_date).records("claims")


# -- districts named with their city or province (an address, not a subject) ---------------
@pytest.mark.parametrize(("text", "district"), [
    ("成都市郫都区地区生产总值增长6.1%。", "郫都区"),
    ("浙江省德清县新增高新技术企业46家。", "德清县"),
    ("重庆市綦江区新签约项目31个。", "綦江区"),
    ("四川省宜宾市南溪区规上工业增加值增长9.2%。", "南溪区"),
    ("江苏省 昆山市完成进出口总额900亿元。", "昆山市"),
    ("湖北省十堰市竹山县新增市场主体3200户。", "竹山县"),
])
def test_a_district_after_its_city_or_province_gets_the_claim(text: str, district: str) -> None:
    claims = _claims(text)
    assert [c["district"] for c in claims] == [district] and claims[0]["attribution"] == "sentence"


def test_a_city_alone_still_blocks() -> None:
    assert _claims("成都市地区生产总值增长6.1%，郫都区排名靠前。") == []


@pytest.mark.parametrize(("text", "district"), [
    ("彭水县新增市场主体1200户。", "彭水苗族土家族自治县"),
    ("石柱县旅游综合收入增长12%。", "石柱土家族自治县"),
    ("长阳县新增科技型企业25家。", "长阳土家族自治县"),
])
def test_an_autonomous_county_by_its_everyday_name(text: str, district: str) -> None:
    assert [c["district"] for c in _claims(text)] == [district]


# -- signs: a decline is a negative claim; the quantities row keeps the number --------------
@pytest.mark.parametrize(("text", "printed", "value", "key"), [
    ("渝中区固定资产投资下降2.3%。", 2.3, -2.3, "固定资产投资增速"),
    ("荣昌区一般公共预算收入减少1.5亿元。", 1.5e8, -1.5e8, "一般公共预算收入"),
    ("巫山县社会消费品零售总额同比下降了约0.8%。", 0.8, -0.8, "社会消费品零售总额增速"),
    ("江北区进出口总额增长-0.6%。", -0.6, -0.6, "进出口总额增速"),  # printed negative: kept, not doubled
    ("万州区地区生产总值增长6.2%。", 6.2, 6.2, "地区生产总值增速"),
    ("大足区城镇化率比上年回落0.4个百分点。", 0.4, -0.4, "城镇化率变动"),
    ("北碚区单位GDP能耗降幅为3.1%。", 3.1, -3.1, "单位地区生产总值能耗增速"),
])
def test_declines_are_signed_in_claims_only(text: str, printed: float, value: float, key: str) -> None:
    result = zhfacts.extract_text(text)
    (claim,) = result.records("claims")
    (quantity,) = result.records("quantities")
    assert quantity["value"] == pytest.approx(printed)
    assert claim["value"] == pytest.approx(value) and claim["metric_key"] == key


# -- modality ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "modalities"), [
    ("今年，永川区力争地区生产总值增长7%，预计新增市场主体5000户。", ["target", "forecast"]),
    ("綦江区确保规上工业产值突破800亿元。", ["target"]),
    ("到2027年，潼南区高新技术企业达到200家。", ["target"]),
    ("北碚区有望新增专精特新企业20家。", ["forecast"]),
    ("去年，南川区新增规上工业企业12家，地区生产总值增长5.5%。", ["actual", "actual"]),
    # the batch's planned total is the district's, no target (计划总投资 is the projects' plan, done)
    ("铜梁区计划总投资120亿元的15个项目集中开工。", ["actual", "actual"]),
    ("江津区目标增长8%，目前已完成规上工业产值500亿元。", ["target", "actual"]),
    ("永川区实际到位资金超出市里下达的目标序时进度2.8个百分点。", ["actual"]),
    ("黔江区今年招引目标企业50家。", ["actual"]),
    # a plan's target said in the future tense stays a target; the future alone is a forecast
    ("到2027年，潼南区高新技术企业将达到300家，规上工业产值将突破1000亿元。", ["target", "target"]),
    ("潼南区高新技术企业今年将达到300家。", ["forecast"]),
])
def test_modality(text: str, modalities: list[str]) -> None:
    assert [c["modality"] for c in _claims(text)] == modalities


def test_a_target_period_is_the_year_it_aims_at() -> None:
    (claim,) = _claims("2024年，全区经济稳中有进。\n到2027年，璧山区规上工业产值达到2000亿元。")
    assert (claim["period"], claim["modality"]) == ("2027", "target")


# -- periods carried from the sentence, paragraph or heading ---------------------------------
def test_a_period_carries_through_its_paragraph() -> None:
    claims = _claims("2024年，江北区经济稳步回升。全年新增高新技术企业35家。新签约项目80个。", pub_date=None)
    assert [c["period"] for c in claims] == ["2024", "2024"]


def test_a_heading_period_carries_to_the_figures_under_it() -> None:
    text = "2023年上半年主要经济指标\n沙坪坝区地区生产总值增长6.1%。\n规上工业增加值增长8.3%。"
    assert [c["period"] for c in _claims(text, pub_date=None)] == ["2023-H1", "2023-H1"]


def test_an_event_day_does_not_carry_as_a_period() -> None:
    claims = _claims("8月5日，记者从黔江区统计局获悉。\n黔江区新增市场主体800户。", pub_date=None)
    assert [c["period"] for c in claims] == [None]


# -- lists sharing one value -------------------------------------------------------------------
def test_a_list_runs_on_past_a_note_and_a_zone() -> None:
    claims = _claims("其中，綦江(不含万盛)、南川、万盛经开区、璧山等区县的增速均在5%以上。")
    assert [c["district"] for c in claims] == ["綦江区", "南川区", "璧山区"]
    assert {c["attribution"] for c in claims} == {"list"}


def test_a_rate_after_a_list_is_each_districts() -> None:
    claims = _claims("渝北和长寿增速超过7%。")
    assert [(c["district"], c["value"]) for c in claims] == [("渝北区", 7), ("长寿区", 7)]


def test_an_amount_after_a_list_may_be_a_total_and_is_not_shared() -> None:
    assert len(_claims("渝北区和长寿区签约项目15个。")) < 2


def test_a_list_names_no_section_district() -> None:
    text = "江津、綦江和大足的增速位列全市前3位。\n统计显示，我市GDP增速为5%。\n渝西片区增速为4.6%。"
    assert [c["district"] for c in _claims(text) if c["unit"] == "%"] == []


# -- metric keys: indicator and measure --------------------------------------------------------
@pytest.mark.parametrize(("text", "keys"), [
    ("宝应县新增高新技术企业31家，总数达到286家。", ["新增高新技术企业数", "高新技术企业数"]),
    ("上半年，溧阳市实现地区生产总值612亿元，同比增长6.8%，增速居全市第二。",
     ["地区生产总值", "地区生产总值增速", "地区生产总值增速排名@全市"]),
    ("吴江区地区生产总值位列全省第3，全市第1。", ["地区生产总值排名@全省", "地区生产总值排名@全市"]),
    ("璧山区以80.73分位居主城都市区第2名。", ["综合评价得分", "排名@主城都市区"]),
    ("江宁区战略性新兴产业产值占规上工业产值比重达45.2%。", ["战略性新兴产业产值占比"]),
    ("新都区常住人口城镇化率达到78.5%。", ["城镇化率"]),
    ("高新区外，郫都区R&D经费投入强度为3.1%。", ["研发投入强度"]),
    ("龙泉驿区新增市场主体1.2万户，累计达到15万户。", ["新增市场主体数", "市场主体数"]),
    ("温江区居民人均可支配收入48000元。", ["居民人均可支配收入"]),
    ("2024年，张家港市地区生产总值3500亿元，总量位居全国县级市第三、全省第4。",
     ["地区生产总值", "地区生产总值排名@全国县级市", "地区生产总值排名@全省"]),
    ("番禺区常住人口290万人，人口自然增长率为4.1‰，城镇化率提高0.4个百分点。", ["常住人口", "人口自然增长率", "城镇化率变动"]),
    ("截至2024年底，全县累计拥有市场主体5.6万户，其中当年新增8200户。长丰县", ["市场主体数", "新增市场主体数"]),
    ("上半年福田区GDP同比增长5.1%，较一季度提升0.5个百分点。", ["地区生产总值增速", "地区生产总值增速变动"]),
    ("在2024年全省县域经济综合评价中，长兴县位列第3。", ["县域经济综合评价排名@全省"]),
])
def test_metric_keys_separate_indicator_and_measure(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


def test_a_bare_rate_takes_the_indicator_named_before_it() -> None:
    text = "在全市各区县中，GDP增速跑赢全市的有22个。其中，渝北和长寿增速超过7%。"
    assert {c["metric_key"] for c in _claims(text) if c["unit"] == "%"} == {"地区生产总值增速"}


# -- combined names, headings and headlines ----------------------------------------------------
def test_a_zone_with_its_district_in_brackets_is_the_district() -> None:
    claims = _claims("宁波高新区（镇海）数字经济核心产业增加值增长12%。")
    assert [(c["district"], c["attribution"]) for c in claims] == [("镇海区", "sentence")]


def test_districts_with_their_cities_form_a_list() -> None:
    claims = _claims("其中成都锦江区和西安碑林区增速较快，二者的地区生产总值增速均超过8%。")
    assert [c["district"] for c in claims] == ["锦江区", "碑林区"]


def test_a_heading_naming_a_district_scopes_the_lines_under_it() -> None:
    text = "某榜单发布\n\n上榜的有多个城区。\n\n宁波市鄞州区\n\n排在榜单第三位。\n\n地区生产总值增长6.5%。"
    claims = _claims(text)
    assert [(c["district"], c["attribution"]) for c in claims] == [("鄞州区", "section"), ("鄞州区", "section")]


@pytest.mark.parametrize(("text", "district", "values"), [
    ("总投资58亿元 某某科学城北碚片区12个重大项目集中开工\n2月25日，活动举行。", "北碚区", [5.8e9, 12]),
    ("安徽肥西20个重点项目集中签约 投资金额近150亿元\n6月27日，签约仪式举行。", "肥西县", [20, 1.5e10]),
])
def test_headline_figures_are_the_title_districts(text: str, district: str, values: list[float]) -> None:
    claims = _claims(text)
    assert [(c["district"], c["value"]) for c in claims] == [(district, pytest.approx(v)) for v in values]


def test_a_generic_metric_is_completed_by_the_indicator_named_before() -> None:
    text = "在全市各区县中，GDP增速跑赢全市的有22个。其中，渝北和长寿增速超过7%。"
    metrics = {c["metric"] for c in _claims(text) if c["unit"] == "%"}
    assert len(metrics) == 1 and metrics.pop().startswith("GDP")


def test_a_score_is_keyed_and_named() -> None:
    (claim, _) = _claims("在全市赛马比拼中，长寿区以85.2分位居全市第3名。")
    assert (claim["metric_key"], claim["unit"]) == ("综合评价得分", "分") and "得分" in claim["metric"]


def test_a_lists_total_is_no_ones_claim() -> None:
    text = "上半年，宜宾市南溪区、江安县、长宁县三县区合计完成工业投资85亿元，约占全市的三成。"
    assert _claims(text) == []


def test_a_comparison_base_is_not_the_period() -> None:
    claims = _claims("2023年，荣昌区地区生产总值900.5亿元，比上年增长6.5%，较2022年提高1.2个百分点。")
    assert [c["period"] for c in claims] == ["2023", "2023", "2023"]
    assert [c["metric"] for c in claims][:2] == ["地区生产总值", "地区生产总值增速"]


# -- whole documents ----------------------------------------------------------------------------
BULLETIN = """铜梁区2024年国民经济和社会发展统计公报

铜梁区统计局

全年实现地区生产总值812.4亿元，比上年增长6.3%。

全市地区生产总值增长5.7%。

全年新增市场主体1.1万户。"""

WORK_REPORT = """政府工作报告

——2025年1月8日在开州区第三届人民代表大会第五次会议上

过去一年，地区生产总值增长6.1%，规上工业产值突破700亿元。

今年主要预期目标是：地区生产总值增长6.5%左右。"""


def test_a_bulletins_figures_are_its_districts() -> None:
    claims = _claims(BULLETIN, pub_date=None)
    assert [(c["district"], c["value"], c["period"]) for c in claims] == [
        ("铜梁区", pytest.approx(8.124e10), "2024"), ("铜梁区", 6.3, "2024"), ("铜梁区", 11000, "2024")]


def test_a_work_reports_figures_are_its_districts_targets_included() -> None:
    claims = _claims(WORK_REPORT, pub_date="2025-01-08")
    assert [(c["district"], c["modality"], c["period"]) for c in claims] == [
        ("开州区", "actual", "2024"), ("开州区", "actual", "2024"), ("开州区", "target", "2025")]


def test_a_news_page_is_no_whole_document_subject() -> None:
    text = "某某产业观察\n\n开州区召开座谈会。\n\n全市地区生产总值增长5.7%。\n\n另外，物流企业新增12家。"
    assert [c["rule"] for c in _claims(text)] != ["claims.document"]


def test_the_byline_names_the_district_of_we() -> None:
    text = "某某工业园上半年发展观察\n大足网讯（记者 王某）近日，铜梁区、永川区也在推进。1—7月，我区规上工业产值286.9亿元。"
    assert [c["district"] for c in _claims(text)] == ["大足区"]


@pytest.mark.parametrize(("text", "n"), [
    ("今年以来，江宁区单月进出口值保持80亿元以上高位。", 1),
    ("今年以来，宁乡市新签约5亿元以上项目4个。", 1),  # the bound names a kind of project: only 4个
])
def test_a_level_kept_above_a_bound_is_a_figure(text: str, n: int) -> None:
    assert len(_claims(text)) == n


def test_a_comparison_base_does_not_carry_as_a_period() -> None:
    claims = _claims("鄞州区排名第6位，较去年上升2位；余杭区排名第3位。", pub_date="2025-01-10")
    assert [c["period"] for c in claims if c["unit"] == "rank"] == [None, None]


@pytest.mark.parametrize("text", [
    "长兴县综合评价位列全省第3，创新指数位列全省第1。",
    "吴兴区营商环境评价位列全市第2，综合考核位列全市第1。",
    "吴兴区榜单排名第2，考核排名第1。",
    "吴江区地区生产总值位列全省第3，全市第1。",
])
def test_two_ranks_of_a_district_in_a_sentence_never_share_a_key(text: str) -> None:
    keys = [c["metric_key"] for c in _claims(text) if c["unit"] == "rank"]
    assert len(keys) == 2 and len(set(keys)) == 2 and all(keys)


def test_the_indicator_vocabulary_is_well_formed() -> None:
    from zhfacts.records.types import Quantity
    from zhfacts.rules import load_yaml

    kinds = set(Quantity.__dataclass_fields__["kind"].metadata["allowed"])
    vocabulary = load_yaml("indicators.yaml")
    aliases = [a for i in vocabulary["indicators"] for a in i["aliases"]]
    assert len(aliases) == len(set(aliases)), "an alias names two indicators"
    for indicator in vocabulary["indicators"]:
        assert indicator["type"] in {"stock", "flow", "rate"} and set(indicator["kinds"]) <= kinds, indicator
    labels = [i["label"] for i in vocabulary["indicators"]]
    assert len(labels) == len(set(labels))


# -- whole documents whose title is lost: an issuer line, a report's opening words ----------
@pytest.mark.parametrize(("text", "expected"), [
    # a bulletin that opens with its issuer: the sections' figures are the county's
    ("永修县统计局\n2024年，全县经济平稳运行。\n一、综合\n全年实现地区生产总值312.5亿元，比上年增长4.1%。\n"
     "二、农业\n全年粮食总产量30.2万吨。",
     [("永修县", pytest.approx(3.125e10)), ("永修县", 4.1), ("永修县", 302000)]),
    # a work report that opens by saying what it is
    ("各位代表：\n现在，我代表武平县人民政府，向大会报告政府工作。\n过去一年，预计实现地区生产总值260亿元，增长6.2%。",
     [("武平县", 2.6e10), ("武平县", 6.2)]),
    # an issuer line that ends with its date
    ("永修县统计局（2024年3月20日）\n一、综合\n全年实现地区生产总值312.5亿元。", [("永修县", pytest.approx(3.125e10))]),
])
def test_a_report_without_its_title_is_still_its_districts(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text, pub_date=None)] == expected


@pytest.mark.parametrize("text", [
    # a news page that quotes a bureau in its first lines is no bulletin
    "记者从永修县统计局获悉一些情况\n\n某园区新增企业12家，实现产值30亿元。",
    # an issuer line of a city names no district
    "九江市统计局\n全年实现地区生产总值4000亿元。",
])
def test_no_whole_document_subject_without_a_districts_issuer(text: str) -> None:
    assert [c for c in _claims(text, pub_date=None) if c["rule"] == "claims.document"] == []


# -- a count of districts is no district's figure --------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("分区域看，湘桥、潮安和饶平三个行政区分别实现地区生产总值300亿元、280亿元和260亿元。",
     [("湘桥区", 3e10), ("潮安区", 2.8e10), ("饶平县", 2.6e10)]),
    ("上半年，永修县新增企业20家。以上五个县（区）都在发展。", [("永修县", 20)]),
    ("全市有12个区县增速超过5%，其中永修县增速为6%。", [("永修县", 6)]),
    # words that only start like a division word: the district's own count
    ("永修县新建5个区域服务中心。", [("永修县", 5)]),
    ("永修县派出76名县直单位干部。", [("永修县", 76)]),
])
def test_a_count_of_districts_is_no_claim(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text)] == expected


# -- a bulletin's own phrasing: run-in headings, its indicators, its year ----------------------
@pytest.mark.parametrize(("text", "keys"), [
    # 总产值 and 增加值 of farming are two indicators; its branches are keyed each
    ("乐安县农林牧渔及服务业总产值80.1亿元，农林牧渔及服务业增加值50.2亿元，其中林业产值3.3亿元，渔业产值9.9亿元。",
     ["农林牧渔业总产值", "农林牧渔业增加值", "林业产值", "渔业产值"]),
    # 财政总收入 is wider than 一般公共预算收入; 非税收入 is no 税收收入
    ("乐安县财政总收入20.5亿元，其中一般公共预算收入11.2亿元，税收总收入8.1亿元，非税收入3.1亿元。",
     ["财政总收入", "一般公共预算收入", "税收收入", "非税收入"]),
    ("乐安县教育支出6.7亿元，卫生健康支出2.1亿元，粮食作物总产量30.2万吨。", ["教育支出", "卫生健康支出", "粮食产量"]),
])
def test_metric_keys_on_bulletin_phrasing(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


def test_a_run_in_heading_is_not_part_of_the_metric() -> None:
    text = "乐安县统计局\n2024年，全县经济平稳。\n一、综合\n财政收入 全年财政总收入20.5亿元，增长3.1%。\n农产品 粮食总产量30.2万吨。"
    claims = _claims(text, pub_date=None)
    assert [(c["metric"], c["metric_key"], c["period"]) for c in claims] == [
        ("财政总收入", "财政总收入", "2024"), ("财政总收入增速", "财政总收入增速", "2024"), ("粮食总产量", "粮食产量", "2024")]
    # a phrase that does not open its paragraph keeps its words
    assert _claims("乐安县财政收入 稳步增长，财政总收入20.5亿元。")[0]["metric"] == "财政总收入"


# -- short forms in context and figures of the whole city ----------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # the short form that is also a word, once the unit is named in full, at a clause's edge
    ("深圳市南山区经济稳步增长。作为深圳“第一区”的南山，上半年GDP达4000亿元，占全市GDP（16000亿元）比重超四分之一。",
     [("南山区", 4e11)]),
    # a figure in brackets after 全市 is the city's, not the district's
    ("上半年，江宁区规上工业增加值占全市（1500亿元）的三成。", [("江宁区", 30)]),
    # brackets after the district's own phrase keep the claim
    ("上半年，江宁区新增企业（含个体户）1200家。", [("江宁区", 1200)]),
])
def test_context_short_forms_and_city_asides(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text)] == expected


# -- rankings of many districts ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # ordinals listed respectively, sharing the last one's 位
    ("2024年，惠城区、惠阳区、博罗县地区生产总值分别居全市第一、第二、第三位。",
     [("惠城区", 1, "地区生产总值排名@全市"), ("惠阳区", 2, "地区生产总值排名@全市"), ("博罗县", 3, "地区生产总值排名@全市")]),
    # a top N a list shares is no one's position (round 22: as the annotators of every batch but one)
    ("上半年，惠城、惠阳和博罗地区生产总值增速位列全市前3位。", []),
    # a tie
    ("惠城区和惠阳区地区生产总值增速并列全市第一。",
     [("惠城区", 1, "地区生产总值增速排名@全市"), ("惠阳区", 1, "地区生产总值增速排名@全市")]),
    # a rank that names no scope keeps the one of the rank before it in the sentence
    ("上半年，惠城区地区生产总值居全市第1位，惠阳区居第2位，博罗县居全省第5位。",
     [("惠城区", 1, "地区生产总值排名@全市"), ("惠阳区", 2, "地区生产总值排名@全市"), ("博罗县", 5, "地区生产总值排名@全省")]),
    # a plain rank after a list is not shared: nobody knows whose it is
    ("惠城区、惠阳区地区生产总值居全市第一。", [("惠城区", 1, "地区生产总值排名@全市")]),
])
def test_rankings_of_many_districts(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(c["district"], c["value"], c["metric_key"]) for c in _claims(text)] == expected


# -- a shared value named before the list of districts it belongs to ------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("增速超过6%的有惠城区、惠阳区、博罗县3个区县。", [("惠城区", 6), ("惠阳区", 6), ("博罗县", 6)]),
    # a top N its list shares is no one's position (round 22, as most annotators)
    ("排名前3位的分别是惠城区、惠阳区和博罗县。", []),
    ("增长5%以上的有惠城区和惠阳区，其中惠城区增长7%。", [("惠城区", 5), ("惠阳区", 5), ("惠城区", 7)]),
    # an amount before a list may be their total: the first district only, as before
    ("首批27家配套企业集中签约入驻惠城、惠阳。", [("惠城区", 27)]),
    # a bound in a category name is still no figure
    ("10亿元以上项目11个落户惠城区。", [("惠城区", 11)]),
])
def test_a_value_before_its_list_of_districts(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text)] == expected


# -- a plant's or project's capacity is no district's output ---------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("永修县签约年产3万吨金属制品项目等5个项目。", [("永修县", 5)]),
    ("永修县引进的企业年水泥产能1.2亿吨。", []),
    ("永修县全年年产茶叶2万吨。", [("永修县", 20000)]),
    # 旗下: what a group holds, not the district
    ("永修县新签约项目8个。某某股份是全球最大的企业集团之一，旗下拥有179家附属公司。", [("永修县", 8)]),
])
def test_capacity_is_no_claim(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text)] == expected


# -- ranking lists: each district's figures in brackets right after it ------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # the list's measure is named before it; the first item notes 下同 for the rest
    ("一季度全市各区地区生产总值：\n龙湖区(152.10亿元 增长5.3%下同)、金平区(140.02亿元 4.9%)、潮阳区(121.75亿元 3.8%)。",
     [("龙湖区", 1.521e10, "地区生产总值"), ("龙湖区", 5.3, "地区生产总值增速"),
      ("金平区", 1.4002e10, "地区生产总值"), ("金平区", 4.9, "地区生产总值增速"),
      ("潮阳区", 1.2175e10, "地区生产总值"), ("潮阳区", 3.8, "地区生产总值增速")]),
    # full-width brackets with a comma inside
    ("各区县一般公共预算收入：濠江区（12.3亿元，增长3.2%）、澄海区（20.6亿元，增长1.8%）。",
     [("濠江区", 1.23e9, "一般公共预算收入"), ("濠江区", 3.2, "一般公共预算收入增速"),
      ("澄海区", 2.06e9, "一般公共预算收入"), ("澄海区", 1.8, "一般公共预算收入增速")]),
    # each item a district and its figure, the list after a colon
    ("前三季度GDP总量前三位依次为：龙湖区301亿元、金平区288亿元、潮阳区250亿元。",
     [("龙湖区", 3.01e10, "地区生产总值"), ("金平区", 2.88e10, "地区生产总值"), ("潮阳区", 2.5e10, "地区生产总值")]),
    # a bracket closed before the figure says nothing of it: the subject's figure
    ("龙湖区（含新区）实现地区生产总值301亿元。", [("龙湖区", 3.01e10, "地区生产总值")]),
])
def test_a_figure_in_brackets_after_a_district_is_its(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(c["district"], c["value"], c["metric_key"]) for c in _claims(text)]
    assert got == [(d, pytest.approx(v), k) for d, v, k in expected]


# -- a work report known by its opening words ------------------------------------------------
@pytest.mark.parametrize("opening", ["向大会作工作报告", "向大会作政府工作报告", "向大会报告政府工作", "向大会作报告"])
def test_a_report_opening_makes_its_district_the_subject(opening: str) -> None:
    text = f"各位代表：\n现在，我代表宝安区人民政府{opening}，请予审议。\n一、工作回顾\n实现地区生产总值5000亿元，增长6.1%。"
    assert [(c["district"], c["value"], c["rule"]) for c in _claims(text, pub_date=None)] == [
        ("宝安区", 5e11, "claims.document"), ("宝安区", 6.1, "claims.document")]


# -- figures that are no one district's ---------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # the parts of a report
    ("宝安区区长从五个方面回顾了工作，并提出要重点做好六项工作：一是稳增长。", []),
    ("研究从三个层次对宝安区进行比较。", []),
    # ... but a count of things built is the district's
    ("宝安区新建院士工作站5个，新建5个博士后工作站。", [("宝安区", 5), ("宝安区", 5)]),
    # the gap between two districts
    ("宝安区以5000亿元居首，与南山区两者差值达到120亿元，这一差距较上年的90亿元有所扩大。",
     [("宝安区", 5e11)]),
    # one project's own figures in a signing
    ("宝安区与一家材料企业签约。该项目用地面积约60亩，项目预计总投资4.5亿元，预计达产后年产值7亿元。", []),
    # metadata a page leaked with its markup
    ("宝安区签约项目总投资170亿元。\n--> 2023-02-11 170亿元 7 7 某报 content_1.html /enpproperty-->", [("宝安区", 1.7e10)]),
    # the writer's own county is not the one it is compared with
    ("本报讯\n上半年全县各项指标与比拼对象竹溪县比实现反超，在13个县市区综合排名中，我县由第9位上升到第4位。", []),
    # an anniversary
    ("今年是宝安区建区30周年，全区实现地区生产总值5000亿元。", [("宝安区", 5e11)]),
    # a district after a comparison verb is what the figure is compared with
    # ... and the margin over it is neither district's figure
    ("上半年，武平县GDP完成142.6亿元，高出紧随其后的连城县8.3亿元。", [("武平县", 1.426e10)]),
    ("江津区地区生产总值超过璧山区20亿元。", []),
])
def test_figures_that_are_no_districts(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text)] == [(d, pytest.approx(v)) for d, v in expected]


@pytest.mark.parametrize("text", ["<p>宝安区地区生产总值增长5%。</p>", "宝安区地区生产总值增长5%。<br>",
                                  '<div class="text">宝安区地区生产总值增长5%。</div>'])
def test_prose_between_ordinary_tags_is_read(text: str) -> None:
    assert [(c["district"], c["value"]) for c in _claims(text)] == [("宝安区", 5)]


# -- page noise: pinyin glosses of converted pages --------------------------------------------
def test_pinyin_glosses_are_no_part_of_a_metric() -> None:
    """Repair removes them (text/repair.py), so measures, keys and counts read the plain words."""
    text = "樂安縣統(tǒng)計(jì)局\n2021年,全縣完成地區(qū)生產(chǎn)總值118.2億元,同比增長(zhǎng)6.3%。三次產(chǎn)業(yè)結構比10.5:40.2:49.3。"
    claims = _claims(text, pub_date=None)
    assert [(c["district"], c["metric"], c["metric_key"], c["value"]) for c in claims] == [
        ("乐安县", "地区生产总值", "地区生产总值", pytest.approx(1.182e10)),
        ("乐安县", "地区生产总值增速", "地区生产总值增速", 6.3)]


# -- a bulletin's indicators beyond the economy: population, farming, livestock, environment ---
@pytest.mark.parametrize(("text", "keys"), [
    ("乐安县全年出生人口912人，死亡人口734人，人口死亡率6.1‰，城镇常住人口11.2万人，乡村常住人口5.7万人。",
     ["出生人口", "死亡人口", "死亡率", "城镇人口", "乡村人口"]),
    ("乐安县农作物种植面积40627公顷，油料种植面积4393公顷，蔬菜播种面积5647公顷，水果产量3.2万吨。",
     ["农作物播种面积", "油料播种面积", "蔬菜播种面积", "水果产量"]),
    ("乐安县年末生猪存栏12.4万头，全年生猪出栏30.1万头，牛存栏0.8万头，羊存栏4.36万只。",
     ["生猪存栏", "生猪出栏", "牛存栏", "羊存栏"]),
    ("乐安县空气优良率同比上升3.7个百分点，全社会用电量9.8亿千瓦时，民间投资增长5.6%。",
     ["空气质量优良率变动", "全社会用电量", "民间投资增速"]),
    # a share moving by points is the share's change, not the value added's
    ("乐安县一产、三产占比均提高0.1个百分点，二产占比下降0.2个百分点。", ["第三产业增加值占比变动", "第二产业增加值占比变动"]),
])
def test_metric_keys_of_bulletin_indicators(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


# -- a bulletin's tables written one cell a line, its asides and its bare branch names ------------
def test_a_table_cell_takes_its_row_label() -> None:
    text = "乐安县统计局\n一、农业\n主要产品产量\n\n粮食总产量\n\n162817吨\n\n0.5\n\n其中:谷物\n\n97658吨\n\n当年出栏猪\n\n44383头\n"
    claims = _claims(text, pub_date=None)
    assert [(c["district"], c["metric"], c["metric_key"], c["value"]) for c in claims] == [
        ("乐安县", "粮食总产量", "粮食产量", 162817), ("乐安县", "谷物", "谷物产量", 97658),
        ("乐安县", "出栏猪", "生猪出栏", 44383)]


@pytest.mark.parametrize(("text", "keys"), [
    # a branch's value added is not its output
    ("乐安县农业增加值12.5亿元，畜牧业增加值3.4亿元。其中，农业产值20.1亿元。", ["农业增加值", "牧业增加值", "农业产值"]),
    # business volume and revenue, pension and medical insurance: two indicators each
    ("乐安县邮政业务总量2.1亿元，邮政业务收入1.8亿元。", ["邮政业务总量", "邮政业务收入"]),
    ("乐安县电信业务总量5.2亿元，电信业务收入4.9亿元。", ["电信业务总量", "电信业务收入"]),
    ("乐安县参加基本养老保险12.1万人，参加基本医疗保险30.5万人。", ["基本养老保险参保人数", "基本医疗保险参保人数"]),
])
def test_indicators_that_never_share_a_key(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


@pytest.mark.parametrize(("text", "keys"), [
    # a figure in brackets is an aside: the growth after it is the measure's before it
    ("乐安县人均GDP为65120元(按年平均汇率折算为9241美元)，比上年增长5.9%。",
     ["人均地区生产总值", "人均地区生产总值", "人均地区生产总值增速"]),
    # the branches of farming written bare after 其中
    ("乐安县农林牧渔业总产值45.18亿元。其中，农业31.06亿元，林业1.27亿元，畜牧业11.35亿元，渔业1.50亿元。",
     ["农林牧渔业总产值", "农业产值", "林业产值", "牧业产值", "渔业产值"]),
    ("乐安县失业人员实现再就业3040人，帮扶困难人员就业839人，民生支出61.14亿元。",
     ["失业人员再就业", "就业困难人员就业", "民生支出"]),
])
def test_metric_keys_of_asides_and_branches(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


def test_the_writers_own_district_is_the_pages() -> None:
    text = "竹山县统计局\n一、综合\n与比拼对象竹溪县比，我县地区生产总值增速由第9位上升到第4位。"
    assert [(c["district"], c["value"], c["rule"], c["metric_key"]) for c in _claims(text, pub_date=None)] == [
        ("竹山县", 9, "claims.pronoun.own", "地区生产总值增速排名"),
        ("竹山县", 4, "claims.pronoun.own", "地区生产总值增速排名")]


@pytest.mark.parametrize(("text", "expected"), [
    ("竹山县地区生产总值增速由全市第9位上升到第4位。",
     [(9, "地区生产总值增速排名", "地区生产总值增速排名@全市"), (4, "地区生产总值增速排名", "地区生产总值增速排名@全市")]),
    ("竹山县规上工业企业从42家增加至96家。", [(42, "规上工业企业", "规上企业数"), (96, "规上工业企业", "规上企业数")]),
    # the new figure of a change is a level like the former one, not a growth rate
    ("竹山县研发投入强度从2.1%提高到2.5%。", [(2.1, "研发投入强度", "研发投入强度"), (2.5, "研发投入强度", "研发投入强度")]),
])
def test_a_change_from_one_figure_to_another_is_one_measure(text: str, expected: list[tuple]) -> None:
    assert [(c["value"], c["metric"], c["metric_key"]) for c in _claims(text)] == [
        (pytest.approx(v), m, k) for v, m, k in expected]


# -- keys, phrases, modality, attribution and periods on unseen pages -------------------
@pytest.mark.parametrize(("text", "keys"), [
    # an alias ending last that only adds a level word to the one it overlaps is that one's level
    ("去年，乐安县固定资产投资总额215.3亿元，增长3.2%。", ["固定资产投资", "固定资产投资增速"]),
    # a share whose phrase names no indicator is the share of the subject of the clauses before
    ("乐安县民营经济增加值完成88.4亿元，占生产总值的比重为57.1%。", ["民营经济增加值", "民营经济增加值占比"]),
    ("乐安县税收收入9.2亿元，同比增长4.1%，占一般公共预算收入的66.5%。",
     ["税收收入", "税收收入增速", "税收收入占比"]),
    # ... but not past a subject the vocabulary does not know: no key rather than a wrong one
    ("乐安县户籍人口50.2万人，其中流动人口5.8万人，占总人口的11.6%。", ["户籍人口", None, None]),
    # shares paired by 分别 with the figures before them are each one's share
    ("乐安县男性人口25.8万人，女性人口24.4万人，分别占总人口的51.4%和48.6%。",
     ["男性人口", "女性人口", "男性人口占比", "女性人口占比"]),
    # rates paired by 分别 with as many figures before them are each one's growth
    ("乐安县年末生猪存栏11.2万头，牛存栏0.6万头，羊存栏3.9万只，分别较同期增长2.7%、15.5%和21.1%。",
     ["生猪存栏", "牛存栏", "羊存栏", "生猪存栏增速", "牛存栏增速", "羊存栏增速"]),
    ("乐安县第一产业增加值12.1亿元，第二产业增加值98.4亿元，第三产业增加值101.2亿元，分别增长4.1%、6.9%和7.5%。",
     ["第一产业增加值", "第二产业增加值", "第三产业增加值", "第一产业增加值增速", "第二产业增加值增速",
      "第三产业增加值增速"]),
    # percentage points after a comparison with a wider unit are a gap to it
    ("乐安县地区生产总值增长2.1%，低于全市增速3.3个百分点。", ["地区生产总值增速", "地区生产总值增速差@全市"]),
    ("乐安县规上工业增加值增长9.5%，高于全省平均1.4个百分点。", ["规上工业增加值增速", "规上工业增加值增速差@全省"]),
    # the province's and the city's key projects are two lists
    ("乐安县48个市重点项目完成投资96.5亿元，年度投资完成率108.2%；9个省重点项目完成投资21.7亿元。",
     ["市重点项目数", "市重点项目完成投资", "投资完成率", "省重点项目数", "省重点项目完成投资"]),
    ("乐安县列入省市重点项目31个。", ["重点项目数"]),
])
def test_metric_keys_round4(text: str, keys: list[str | None]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


@pytest.mark.parametrize(("text", "metrics"), [
    # a modality word between the name and the figure is no part of the name
    ("乐安县城镇居民人均可支配收入预计5.1万元，增长6%。", ["城镇居民人均可支配收入", "城镇居民人均可支配收入增速"]),
    # a place after a figure opens what follows: no part of the noun
    ("总投资12.5亿元 乐安县8个项目集中签约", ["总投资"]),
    ("总投资12.5亿元乐安县8个项目集中签约", ["总投资"]),
    # ... but a city glued to a figure may start the noun (a PDF wrap inside the unit)
    ("乐安县打造3万平\n方米重庆高新技术人才服务港。", ["打造重庆高新技术人才"]),
    # the segmenter's 个市 keeps its 市 in the noun
    ("乐安县52个市重点项目完成投资30亿元。", ["市重点项目", "市重点项目完成投资"]),
    # a bracketed gloss ending the name
    ("乐安县全年实现地区生产总值(GDP)188.6亿元。", ["地区生产总值"]),
    # a bare name in a run of parallel items takes the measure the item before named with its unit
    ("乐安县油菜籽播种面积520公顷，增长3.1%；蔬菜6010公顷，增长2.2%；工业投资12亿元。",
     ["油菜籽播种面积", "油菜籽播种面积增速", "蔬菜播种面积", "蔬菜播种面积增速", "工业投资"]),
])
def test_metric_phrases_on_unseen_pages(text: str, metrics: list[str]) -> None:
    """(the first figures' metrics only)"""
    assert [c["metric"] for c in _claims(text)][:len(metrics)] == metrics


def test_a_target_reached_is_actual() -> None:
    text = "乐安县工业投资实现翻番目标，全年完成工业投资60.2亿元；全县力争明年增长10%。"
    assert [c["modality"] for c in _claims(text)] == ["actual", "target"]


def test_a_district_right_after_a_figure_opens_a_clause() -> None:
    # a page that lost the delimiter between two counties' sentences
    text = "前三季度，永修县实现地区生产总值52.4亿元，低于全市增速2.6个百分点乐安县实现地区生产总值97.1亿元。"
    assert [(c["district"], c["value"]) for c in _claims(text)] == [
        ("永修县", pytest.approx(5.24e9)), ("永修县", 2.6), ("乐安县", pytest.approx(9.71e9))]


def test_members_in_brackets_are_no_subject() -> None:
    text = ("前三季度，某市县域地区(包含永修县、乐安县)实现地区生产总值300亿元；按可比价格计算，同比增长3.1%。"
            "\n乐安县实现地区生产总值97.1亿元。")
    assert [(c["district"], c["value"]) for c in _claims(text)] == [("乐安县", pytest.approx(9.71e9))]


def test_a_caption_sets_no_period() -> None:
    text = ("2023年乐安县国民经济和社会发展统计公报\n一、综合\n全年实现地区生产总值188.6亿元。\n"
            "图1:2019-2023年乐安县地区生产总值及其增长速度\n全县全年城镇新增就业3120人。")
    assert [c["period"] for c in _claims(text, pub_date=None)] == ["2023", "2023"]


@pytest.mark.parametrize(("text", "metrics", "keys"), [
    # a name standing for two, paired in order with a 分别 run; the run's growth verb covers every figure
    ("去年，乐安县城乡居民人均可支配收入分别达到36210元、17450元，分别增长5.1%、7.3%。",
     ["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"],
     ["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]),
    # ... also written as a list (城、乡居民)
    ("乐安县城、乡居民人均可支配收入分别增长6%、8%。",
     ["城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"],
     ["城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]),
    # 同口径 is a comparison basis: the growth is the figure before's
    ("乐安县一般公共预算收入完成12.6亿元，同口径增长6.2%。",
     ["一般公共预算收入", "一般公共预算收入增速"], ["一般公共预算收入", "一般公共预算收入增速"]),
    # the sentence's topic already names the rate: no second 增速; 分列 is no part of the name
    ("从规上工业增加值增速看，永修县、乐安县增速均超过9%，分列全市第一、第二位。",
     ["规上工业增加值增速", "规上工业增加值增速", "规上工业增加值增速排名", "规上工业增加值增速排名"],
     ["规上工业增加值增速", "规上工业增加值增速", "规上工业增加值增速排名@全市", "规上工业增加值增速排名@全市"]),
    # a gap to the city's average after a growth rate is that rate's
    ("乐安县规上工业增加值增长9.1%，高于全市平均2.3个百分点。",
     ["规上工业增加值增速", "规上工业增加值增速"], ["规上工业增加值增速", "规上工业增加值增速差@全市"]),
])
def test_runs_pairs_and_topics(text: str, metrics: list[str], keys: list[str]) -> None:
    claims = _claims(text)
    assert ([c["metric"] for c in claims], [c["metric_key"] for c in claims]) == (metrics, keys)


def test_a_targets_heading_makes_targets_of_the_figures_under_it() -> None:
    text = ("乐安县2025年政府工作报告\n一、2024年工作回顾\n全县地区生产总值增长5.6%。\n"
            "二、2025年主要目标\n地区生产总值增长6%左右，城镇新增就业5000人以上。\n三、重点工作\n已建成5G基站320个。")
    assert [c["modality"] for c in _claims(text)] == ["actual", "target", "target", "actual"]


def test_an_agreements_terms_are_a_plan() -> None:
    text = "某某大学与乐安县人民政府签署合作协议。根据协议，双方将共建研究院，联合培养研究生120名。"
    assert [c["modality"] for c in _claims(text)] == ["target"]


@pytest.mark.parametrize(("text", "keys"), [
    # a rank after a growth rate ranks the rate, and so do the ranks after it; a scope named by its
    # place is the unit it is
    ("前三季度，乐安县地区生产总值增长6.2%，居抚州市第2位，居江西省第15位。",
     ["地区生产总值增速", "地区生产总值增速排名@全市", "地区生产总值增速排名@全省"]),
    # ... unless the rank says it ranks the total
    ("乐安县完成工业投资52亿元，同比增长15.1%，总量列全市第6位，增幅列全市第16位。",
     ["工业投资", "工业投资增速", "工业投资排名@全市", "工业投资增速排名@全市"]),
    # a count 较年初净增 is the new additions of the stock named before
    ("乐安县规上工业企业达到218家，较年初净增19家。", ["规上企业数", "新增规上企业数"]),
])
def test_rank_units_and_additions(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


@pytest.mark.parametrize(("text", "metrics", "values"), [
    # a growth verb with 到/至 gives the level reached: no 增速, no sign
    ("乐安县战略性新兴产业产值增长9.5%，占规上工业产值比重提高到21.3%。",
     ["战略性新兴产业产值增速", "战略性新兴产业产值占规上工业产值比重"], [9.5, 21.3]),
    ("乐安县城镇登记失业率下降到3.1%，工业投资下降了2.3%。", ["城镇登记失业率", "工业投资增速"], [3.1, -2.3]),
    # a share named after its subject's clause is completed with the subject
    ("乐安县税收收入9.2亿元，占一般公共预算收入的66.5%。", ["税收收入", "税收收入占一般公共预算收入"], [9.2e8, 66.5]),
])
def test_levels_reached_and_shares_named(text: str, metrics: list[str], values: list[float]) -> None:
    claims = _claims(text)
    assert ([c["metric"] for c in claims], [c["value"] for c in claims]) == (metrics, [pytest.approx(v) for v in values])


def test_a_count_of_a_reports_tasks_is_no_claim() -> None:
    text = "乐安县加快推进大湾区建设38项重点工作落实，新建5个院士工作站。"
    assert [(c["metric"], c["value"]) for c in _claims(text)] == [("新建院士工作站", 5)]


@pytest.mark.parametrize(("text", "keys", "values"), [
    # a level moved by the figure: a stock's additions, a flow's change (signed when it fell); never the level
    ("乐安县年末常住人口40.8万人，比上年末增加0.3万人。", ["常住人口", "新增常住人口"], [408000, 3000]),
    ("乐安县粮食播种面积25474公顷，比上年减少41公顷。", ["粮食播种面积", "粮食播种面积变动"], [25474, -41]),
])
def test_a_level_moved_is_no_level(text: str, keys: list[str], values: list[float]) -> None:
    claims = _claims(text)
    assert ([c["metric_key"] for c in claims], [c["value"] for c in claims]) == (keys, values)


def test_the_pages_own_date_is_no_period() -> None:
    text = ("2022年乐安县国民经济和社会发展统计公报\n乐安县统计局\n2023年3月20日\n一、综合\n"
            "初步核算，全年实现地区生产总值188.6亿元，增长3.6%。")
    claims = _claims(text, pub_date=None)
    assert [c["period"] for c in claims] == ["2022", "2022"]


def test_a_durations_end_is_no_part_of_the_name() -> None:
    text = "根据协议，双方将在乐安县三年内建设3个产学研基地，五年内联合培养研究生200名。"
    assert [c["metric"] for c in _claims(text)] == ["建设产学研基地", "联合培养研究生"]


@pytest.mark.parametrize(("text", "keys"), [
    # a move in places is no rank
    ("上半年，乐安县地区生产总值增速居全市第3位，较一季度前移2位。", ["地区生产总值增速排名@全市", "地区生产总值排名变动"]),
    # a share's change in points after the share; a share of the county's total is no subject's (占全县…)
    ("乐安县税收收入5.1亿元，占一般公共预算收入比重为65.2%，比上年同期提高2.1个百分点。",
     ["税收收入", "税收收入占比", "税收收入占比变动"]),
    ("乐安县规上工业企业达到142家，占全县企业总数的7.5%。", ["规上企业数", "规上企业数占比"]),
])
def test_rank_moves_and_share_changes(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


@pytest.mark.parametrize(("text", "keys"), [
    # a share's denominator is never its indicator
    ("乐安县高新技术产业增加值占规模以上工业增加值的比重为38.6%。", ["高新技术产业增加值占比"]),
    ("乐安县分门类看，采矿业增加值下降3.1%，制造业增长7.2%。", ["采矿业增加值增速", "制造业增加值增速"]),
    ("乐安县城镇消费品零售额61.25亿元，乡村消费品零售额21.11亿元。", ["城镇消费品零售额", "乡村消费品零售额"]),
])
def test_bulletin_branches_and_shares(text: str, keys: list[str]) -> None:
    assert [c["metric_key"] for c in _claims(text)] == keys


def test_quotes_do_not_split_an_indicators_name() -> None:
    text = "截至目前，乐安县累计培育国家级专精特新“小巨人”企业17家。"
    assert [c["metric_key"] for c in _claims(text)] == ["专精特新企业数"]


# -- a page about one district: its figures where no sentence names another ----------------
# indented paragraphs: each opens a section, so the district of an earlier one is no longer in scope
ONE_DISTRICT_PAGE = ("松溪县举行春季项目集中签约活动\n\n　　3月5日，松溪县春季项目集中签约活动在县行政中心举行。\n\n"
                     "　　县委书记出席活动并致辞。\n\n　　本次签约项目共计18个，协议投资额56.4亿元。\n")


def test_a_page_about_one_district_gives_it_the_figures_no_sentence_gives_another() -> None:
    found = [(c["district"], c["value"], c["rule"]) for c in _claims(ONE_DISTRICT_PAGE) if c["rule"] == "claims.page"]
    assert found == [("松溪县", 18.0, "claims.page"), ("松溪县", 5.64e9, "claims.page")]


@pytest.mark.parametrize("sentence", [
    "本次签约的某某新材料有限公司计划投资12亿元。",  # a company the sentence names may be the one it is about
    "本次签约项目中，全市共有项目40个。",  # the city
])
def test_a_page_about_one_district_does_not_take_a_sentence_about_another_body(sentence: str) -> None:
    text = ONE_DISTRICT_PAGE.replace("本次签约项目共计18个，协议投资额56.4亿元。", sentence)
    assert [c for c in _claims(text) if c["rule"] == "claims.page"] == []


def test_a_page_naming_another_district_as_often_has_no_page_district() -> None:
    text = ONE_DISTRICT_PAGE.replace("县委书记出席活动并致辞。", "政和县代表团出席活动，政和县县长致辞。")
    assert [c for c in _claims(text) if c["rule"] == "claims.page"] == []


def test_a_page_is_its_titles_district_when_another_is_named_less() -> None:
    # round 24: the title names 松溪县 alone and it has two thirds of the mentions; the visitor leaves it the page's
    text = ONE_DISTRICT_PAGE.replace("县委书记出席活动并致辞。", "政和县代表团出席活动。")
    assert [(c["district"], c["rule"]) for c in _claims(text)] == [("松溪县", "claims.page")] * 2


# -- counts that name a slogan's or a plan's parts ------------------------------------------
@pytest.mark.parametrize("text", [
    "今年，平和县牢牢守住发展和安全两条底线。",
    "平和县今年要办好民生三件大事。",
    "平和县出台支持民营经济八条措施。",
    "平和县着力培育五大产业。",
])
def test_a_slogans_count_is_no_claim(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("平和县今年新建农村公路3条。", 3.0),  # digits: a measured count
    ("平和县引进世界500强企业两家。", 2.0),  # a count of bodies
])
def test_counts_that_are_measured_stay_claims(text: str, value: float) -> None:
    assert [c["value"] for c in _claims(text)] == [value]


# -- a list inside an enumeration of districts and their figures ----------------------------
def test_a_list_item_of_an_enumeration_shares_its_figure() -> None:
    text = "本周新开工项目数量从高到低依次为：漳浦县6个，平和县4个，华安县、南靖县0个。"
    found = sorted((c["district"], c["value"]) for c in _claims(text))
    assert found == [("华安县", 0.0), ("南靖县", 0.0), ("平和县", 4.0), ("漳浦县", 6.0)]


def test_a_list_opening_an_enumeration_shares_its_figure() -> None:
    text = "本周新投产项目依次为：华安县、南靖县2个，漳浦县1个。"
    assert sorted((c["district"], c["value"]) for c in _claims(text)) == [
        ("华安县", 2.0), ("南靖县", 2.0), ("漳浦县", 1.0)]


def test_a_list_with_a_figure_outside_an_enumeration_is_not_shared() -> None:
    text = "今年华安县、南靖县签约项目12个。"  # maybe the two counties' total: no one's share
    assert [c["district"] for c in _claims(text) if c["rule"] == "claims.list.shared"] == []


# -- a district named in passing in another district's report ------------------------------
def test_a_district_named_in_passing_does_not_take_a_reports_figures() -> None:
    text = ("平和县2024年政府工作报告\n\n　　现在，我代表平和县人民政府向大会报告工作。\n\n"
            "　　选派干部到厦门思明驻点招商。全年签约项目75个，同比增长31.6%。\n")
    assert {(c["district"], c["value"]) for c in _claims(text)} == {("平和县", 75.0), ("平和县", 31.6)}


def test_a_district_that_opens_its_clause_in_a_report_still_takes_its_figures() -> None:
    text = ("平和县2024年政府工作报告\n\n　　现在，我代表平和县人民政府向大会报告工作。\n\n"
            "　　对口协作的思明区全年签约项目75个。\n")
    assert [c["district"] for c in _claims(text)] == ["思明区"]


def test_ranks_respective_to_a_list_with_bracketed_figures() -> None:
    text = "宁都县(212.5亿元)和兴国县(198.3亿元)分列全市第六、第七，工业稳步增长。"
    found = [(c["district"], c["value"], c["rule"]) for c in _claims(text) if c["unit"] == "rank"]
    assert found == [("宁都县", 6.0, "claims.list.respective"), ("兴国县", 7.0, "claims.list.respective")]


@pytest.mark.parametrize("text", [
    "平和县茶文化园今天开园，两期工程占地面积共计18600平方米。",
    "平和县新材料产业园开工，项目将购置生产设备80台。",
])
def test_a_project_or_works_as_the_subject_blocks_the_district(text: str) -> None:
    assert _claims(text) == []


def test_a_streak_is_no_claim_but_its_rank_is() -> None:
    text = "平和县连续10次位居全市县域经济第一。"
    assert [(c["text"], c["unit"]) for c in _claims(text)] == [("第一", "rank")]


def test_a_price_per_item_is_no_claim() -> None:
    text = "平和县的蜜柚600元一只，全县果农增收3000万元。"
    assert [c["text"] for c in _claims(text)] == ["3000万元"]


def test_an_investment_modifying_a_project_is_the_projects_figure() -> None:
    text = ("平和县今年签约投资2亿元的甲乙电子项目，总投资约43亿元的10个项目集中开工。"
            "全县完成投资120亿元，实现投资达150亿元的目标，投资5亿元以上的有3个。")
    # 约43亿元 before a count of ten projects is the batch's total, the district's (round 26)
    assert [c["text"] for c in _claims(text)] == ["约43亿元", "10个", "120亿元", "150亿元", "5亿元以上", "3个"]


def test_a_sum_before_a_project_named_in_its_clause_is_the_projects_figure() -> None:
    assert _claims("平和县今年签约6亿元的物流园建设项目。") == []


@pytest.mark.parametrize("text", [
    "平和县今年确保完成投资120亿元的年度目标。",  # a target
    "平和县全年固定资产投资达120亿元的历史新高。",  # a record
    "平和县财政安排5000万元的专项资金支持重点项目建设。",  # funds spent on projects
    "平和县全年投入8亿元的民生资金办好十大民生工程。",
])
def test_a_districts_target_record_or_funds_before_a_project_stay_its_claims(text: str) -> None:
    assert len(_claims(text)) == 1


def test_a_province_page_naming_a_county_in_passing_gives_it_no_figures() -> None:
    text = ("省统计局发布前三季度数据\n\n　　前三季度，全省地区生产总值增长5.1%。\n\n"
            "　　分行业看，农业增加值增长3.4%，工业投资增长11%。\n\n　　平和县的茶产业发展较快。\n")
    assert [c for c in _claims(text) if c["rule"] == "claims.page"] == []


@pytest.mark.parametrize(("text", "value"), [
    ("平和县今年新开通三条公交线路。", 3.0),  # a count of routes, no slogan
    ("平和县去年办结民生实事十件。", 10.0),
    ("平和县安排奖补资金200万元一次性拨付到位。", 2e6),  # 一次性 is no price per item
])
def test_counts_and_sums_near_the_slogan_and_price_rules_stay_claims(text: str, value: float) -> None:
    assert [c["value"] for c in _claims(text)] == [value]


def test_a_zone_named_after_its_district_takes_no_claim_for_it() -> None:
    assert _claims("杨凌示范区今年地区生产总值增长6%。") == []


# -- a reporting frame opening the sentence names the reporter's sources, not the subject ----
def test_a_reporting_frame_does_not_block_the_district_after_it() -> None:
    text = "四川日报记者从郫都区科技局了解到，在郫都区注册的孵化载体有12家，已建成8家。"
    claims = _claims(text)
    assert [(c["value"], c["district"]) for c in claims] == [(12, "郫都区"), (8, "郫都区")]


def test_a_company_subject_without_a_reporting_verb_still_blocks() -> None:
    text = "郫都区新增企业8家。华信科技有限公司共有员工300人。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [(8, "郫都区")]


def test_a_reporting_frame_names_the_section_its_sources_district() -> None:
    text = "永川区经济保持稳定增长。\n记者从璧山区统计局获悉，1-10月，全区规上工业增加值增长5%。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [(5, "璧山区")]


def test_a_figure_modifying_a_list_of_districts_is_each_ones() -> None:
    text = "前三季度，增速达到8%的江津区、璧山区和铜梁区领跑全市。"
    assert [(c["district"], c["rule"]) for c in _claims(text)] == [
        ("江津区", "claims.list.shared"), ("璧山区", "claims.list.shared"), ("铜梁区", "claims.list.shared")]


# -- a figure in the modifier of the district right after it -------------------------------
def test_ranks_modifying_the_districts_after_them() -> None:
    text = "四川共有3个城区入围，依次是排在第21位的成都市武侯区，排在第48位的成都市锦江区和排在第90位的绵阳市涪城区。"
    claims = _claims(text)
    assert [(c["value"], c["district"], c["rule"]) for c in claims] == [
        (21, "武侯区", "claims.sentence.modified"), (48, "锦江区", "claims.sentence.modified"),
        (90, "涪城区", "claims.sentence.modified")]


def test_a_figure_modifying_a_project_named_after_a_district_is_not_the_districts() -> None:
    claims = _claims("总投资5亿元的潼南区人民医院迁建项目开工。")
    assert all(c["rule"] != "claims.sentence.modified" for c in claims)


def test_a_rankings_whole_field_is_no_districts_subject() -> None:
    text = "武侯区排名第21位。百强区新增市场主体近300万个。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [(21, "武侯区")]


def test_a_work_reports_cover_with_blank_lines_between_its_lines_makes_it_the_districts() -> None:
    text = ("区 五 届 人 大\n\n  三次会议文件\n\n  政府工作报告\n\n  ——2024年1月8日在成都市武侯区\n\n"
            "  第五届人民代表大会第三次会议上\n\n  各位代表：\n\n  过去一年，新增市场主体1.2万户，报批建设用地900亩。")
    claims = _claims(text)
    assert [(c["value"], c["district"], c["rule"]) for c in claims] == [
        (12000, "武侯区", "claims.document"), (900, "武侯区", "claims.document")]


def test_a_figure_in_brackets_after_its_district_in_a_citywide_phrase_is_the_districts() -> None:
    text = "上半年各县区对全市经济的贡献率分别为武侯区(21.5%)、锦江区(14.2%)和双流区(9.8%)。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [
        (21.5, "武侯区"), (14.2, "锦江区"), (9.8, "双流区")]


def test_a_figure_sharing_the_bound_after_it_is_a_threshold() -> None:
    text = "武侯区今年引进产业项目31个，其中2亿元及500万美元以上的制造业项目9个。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [(31, "武侯区"), (9, "武侯区")]


def test_a_figure_with_its_own_predicate_is_no_shared_threshold() -> None:
    text = "锦江区完成固定资产投资86亿元和2000万元以上项目开工27个。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [(8600000000, "锦江区"), (27, "锦江区")]


def test_a_categorys_bound_after_a_list_separator_is_no_shared_threshold() -> None:
    text = "锦江区现有市级以上重点企业26家、市级以上专精特新企业11家。"
    assert [(c["value"], c["district"]) for c in _claims(text)] == [(26, "锦江区"), (11, "锦江区")]
