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
     [("凤阳县", 1.682e10, "CNY", "pronoun"), ("凤阳县", 6.5, "%", "pronoun"), ("凤阳县", 9.3, "%", "section")]),
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
    assert [c["metric_key"] for c in claims] == ["新签约项目数", "协议引资额"]
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
