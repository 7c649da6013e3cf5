"""The organizations extractor: full names by their heads, aliases, short names, lists."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from helpers import annotate

import zhfacts.nlp.spacy_components  # noqa: F401  (registers the spaCy factories)
from zhfacts.extract.organizations import aliases_of, org_rules
from zhfacts.nlp.spacy_components import records_from_doc

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def orgs(doc) -> list[str]:
    """'surface/type', with '=canonical' when the canonical differs from the surface."""
    out = []
    for hit in doc._.organizations:
        surface = doc.text[hit.start:hit.end]
        canonical = hit.get("canonical")
        out.append(f"{surface}/{hit.get('type')}" + (f"={canonical}" if canonical != surface else ""))
    return out


CASES = [
    # full names by their heads, the left boundary at 的 / 与 / 走进 / punctuation
    ("记者走进位于长寿区的华研（重庆）新能源研究院，看到一排排测试设备。",
     ["华研（重庆）新能源研究院/research"]),
    ("万州区商会与重庆三峡职业学院签约共建实训基地。",
     ["万州区商会/other", "重庆三峡职业学院/university"]),
    ("卓越精密材料及装备研究院落户璧山，填补了区内空白。", ["卓越精密材料及装备研究院/research"]),
    # government bodies composed of a place and an agency, and a level word alone
    ("江北区科技局、合川区委组织部联合开展人才调研，区发改委相关负责人参加。",
     ["江北区科技局/government", "合川区委组织部/government", "区发改委/government"]),
    ("该产品已获国家药监局批准上市。", ["国家药监局/government=国家药品监督管理局"]),
    # party committees and their departments are one body each
    ("在桂林市委的部署下，兴安县委宣传部牵头组织采访。", ["桂林市委/government", "兴安县委宣传部/government"]),
    # cooperatives
    ("庆安县绿源水稻种植专业合作社带动周边农户增收。", ["庆安县绿源水稻种植专业合作社/other"]),
    ("县发改局局长李明介绍，全县新开工项目36个。", ["县发改局/government"]),
    # a company given in full, then by its alias; the alias's canonical is the full name
    ("重庆渝驰储能科技有限公司今年建成新产线。以渝驰储能为链主，当地集聚了30多家配套企业。",
     ["重庆渝驰储能科技有限公司/company", "渝驰储能/company=重庆渝驰储能科技有限公司"]),
    # lists of companies
    ("园区集聚了蓝图光电、汇川药业、凯翔机械等20余家企业。",
     ["蓝图光电/company", "汇川药业/company", "凯翔机械/company"]),
    ("区内代表企业包括金桥实业、华泰车业、安捷股份等，产业基础扎实。",
     ["金桥实业/company", "华泰车业/company", "安捷股份/company"]),
    # a proper name and an industry word, alone
    ("在双桥经开区，元睿科技与重庆理工大学共建实验室。", ["元睿科技/company", "重庆理工大学/university"]),
    # a branch named after its company
    ("卓锐股份西南销售分公司负责人表示，订单已排到年底。", ["卓锐股份西南销售分公司/company"]),
    # abbreviated institute of the Academy of Sciences, a well-known short name, media
    ("中科院成都生物所专家团队参与攻关，中船项目同步落地。",
     ["中科院成都生物所/research", "中船/company=中国船舶集团有限公司"]),
    ("万州区融媒体中心记者 张 明", ["万州区融媒体中心/other"]),
    ("图为园区一角。王强摄（新华视觉）", ["新华视觉/other"]),
    # letter spacing of a PDF: repair removes it, the matchers read the name whole
    ("助力星 岚 新 材 料 公 司 完成中试。", ["星岚新材料公司/company"]),
    # inside a short quoted title, an alias is part of the title's name
    ("重庆渝驰储能科技有限公司与学校共建“渝驰储能卓越工程师班”。", ["重庆渝驰储能科技有限公司/company"]),
    # negative cases: generic nouns, categories and fields are no organizations
    ("该公司负责人表示，公司将继续扩大投资。", []),
    ("全区新建重点实验室3个、共享实验室2个，研究院为入驻团队提供服务。", []),
    ("龙头企业、链主企业和配套企业协同发展，高新区管委会持续优化服务。", []),
    ("聚焦新能源汽车、具身智能、量子科技等领域，压实科技创新主体责任。", []),
    ("学校建成电梯、智能制造等四大产业学院，新增市级企业技术中心5家。", []),
    ("受房地产市场调整影响，建材需求有所回落。", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_organizations(nlp, text: str, expected: list[str]) -> None:
    assert orgs(annotate(nlp, text)) == expected


@pytest.mark.parametrize(("full", "expected"), [
    ("重庆海辰储能科技有限公司", {"海辰储能科技", "海辰储能", "海辰", "重庆海辰储能科技", "重庆海辰储能", "重庆海辰"}),
    ("重庆平伟汽车系统有限公司", {"平伟汽车系统", "平伟汽车", "平伟", "重庆平伟汽车系统", "重庆平伟汽车", "重庆平伟"}),
    # a park's operator: the stem names the park, not the company
    ("重庆国际生物城开发投资有限公司", set()),
])
def test_aliases_of_a_full_name(full: str, expected: set[str]) -> None:
    assert aliases_of(full, org_rules()) == expected


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_bundled_article_organizations(nlp, doc_id: str, data_regression) -> None:
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    records = records_from_doc(annotate(nlp, raw, doc_id))["organizations"]
    keep = ("start", "end", "text", "canonical", "type", "rule")
    data_regression.check([{k: asdict(r)[k] for k in keep} for r in records])


def test_every_rule_id_is_defined_in_the_rules_files(nlp) -> None:
    raw = "\n".join((CORPUS / f"{d}.txt").read_text(encoding="utf-8") for d in ("seed000", "seed004"))
    doc = annotate(nlp, raw)
    assert {h.rule for h in doc._.organizations} <= set(org_rules().rule_ids)
