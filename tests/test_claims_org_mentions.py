"""Companies named beside a figure are not its subject (claims/context.py organization_marker):
an example in a list closed by 等, a company opening a project's name, a partner of a district's
signing. A company that is the subject of the figure's clause still blocks the district's claim."""

from __future__ import annotations

import pytest

import zhfacts
from zhfacts.claims.context import EXAMPLE, PARTNER, PROJECT, document_context
from zhfacts.nlp.segment import DEFAULT_BACKEND
from zhfacts.run.processor import DocumentProcessor
from zhfacts.text.ingest import Source

SECTION = "宜良县加快发展新材料产业。"

# (text, [(district, figure as printed)]) in document order; an empty list: no claims.
CLAIMED = [
    # examples before 等 with a count: the count is the district's
    (SECTION + "今年以来，华锐新材料有限公司、恒通智能装备有限公司等8家企业建成投产，在建项目12个。",
     [("宜良县", "8家"), ("宜良县", "12个")]),
    (SECTION + "华锐新材料、恒通智能装备等一批项目相继落地，在建项目达到45个。", [("宜良县", "45个")]),
    (SECTION + "其中，恒通智能装备有限公司生产基地等5个项目已经开工。", [("宜良县", "5个")]),
    # a company opening a project's name, the projects listed with 等: the next clause is the district's
    ("滦南县工业提质增效。华锐新材料年产20万吨电池材料等重点项目建成投产，引进恒通智能装备等5个亿元以上项目。",
     [("滦南县", "5个")]),
    # a project after 的 as the object of the district's signing, and the partners after 与: the
    # signing's count and total are the district's; an investment modifying one project is that
    # project's (annotators of every real batch leave it out)
    ("滦南县与恒通智能装备有限公司签订总投资12亿元的恒通智能装备产业园项目、与华锐新材料有限公司签订总投资6亿元的"
     "电池材料等6个项目，总投资30亿元。",
     [("滦南县", "6个"), ("滦南县", "30亿元")]),
    ("宜良县今年签约总投资8亿元的华锐新材料有限公司年产10万吨电池材料项目，新开工项目达到20个。",
     [("宜良县", "20个")]),
    # a partner of the district's signing, before or after it
    ("滦南县与华锐新材料有限公司签约，总投资15亿元。", [("滦南县", "15亿元")]),
    ("华锐新材料有限公司与滦南县人民政府签订投资协议，总投资15亿元。", [("滦南县", "15亿元")]),
    ("华锐新材料有限公司、恒通智能装备有限公司分别与滦南县签订投资协议，总投资20亿元。", [("滦南县", "20亿元")]),
    ("华锐新材料有限公司和恒通智能装备有限公司与滦南县人民政府正式签约，总投资20亿元。", [("滦南县", "20亿元")]),
]

# (text, a figure the district must not claim): the company or its project is the subject
BLOCKED = [
    # the company is the subject of the figure's clause (and of the clause after it)
    (SECTION + "\n华锐新材料有限公司去年实现产值8亿元，利税1.2亿元。", "8亿元"),
    (SECTION + "\n华锐新材料有限公司去年实现产值8亿元，利税1.2亿元。", "1.2亿元"),
    ("宜良县华锐新材料有限公司实现产值8亿元。", "8亿元"),
    (SECTION + "去年签约的华锐新材料有限公司实现产值8亿元。", "8亿元"),
    # companies named by 等 without a count are the subject
    (SECTION + "华锐新材料、恒通智能装备等龙头企业产值增长15%。", "15%"),
    # a project that opens its clause is the subject, modified by 的 or not
    (SECTION + "华锐新材料有限公司年产10万吨电池材料项目总投资5亿元。", "5亿元"),
    (SECTION + "华锐新材料有限公司的电池隔膜项目建成投产后，年产值可达8亿元。", "8亿元"),
    (SECTION + "总投资5亿元的华锐新材料有限公司电池隔膜项目建成投产，年产值可达8亿元。", "8亿元"),
    # a company signing with another company is no district's partner
    (SECTION + "华锐新材料有限公司与恒通智能装备有限公司签订合作协议，共同投资3亿元。", "3亿元"),
    # companies signing with a university, or one company with two districts (their total)
    (SECTION + "华锐新材料有限公司、恒通智能装备有限公司与清华大学签订合作协议，共同投资3亿元。", "3亿元"),
    ("华锐新材料有限公司分别与滦南县、宜良县签订投资协议，总投资20亿元。", "20亿元"),
    ("华锐新材料有限公司分别与滦南县人民政府、宜良县人民政府签订投资协议，总投资20亿元。", "20亿元"),
    # 等 closes the list of the subject's objects, not a list the subject is in
    (SECTION + "华锐新材料研究院已转化清华大学、浙江大学等高校专利技术200余项。", "200余项"),
    (SECTION + "华锐新材料研究院已转化清华大学等高校专利技术200余项。", "200余项"),
    # 等待 is no list's 等
    (SECTION + "恒通智能装备有限公司等待审批的项目有5个。", "5个"),
]


def claims_of(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


@pytest.mark.parametrize(("text", "expected"), CLAIMED)
def test_company_named_beside_a_figure_leaves_it_the_districts(text: str, expected: list[tuple[str, str]]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "figure"), BLOCKED)
def test_company_as_the_subject_blocks_the_district_claim(text: str, figure: str) -> None:
    assert figure in text
    assert figure not in [claimed for _, claimed in claims_of(text)]


# (text, company, the rule of the marker that holds it)
MARKERS = [
    ("宜良县华锐新材料有限公司、恒通智能装备有限公司等8家企业投产。", "华锐新材料有限公司", EXAMPLE),
    ("宜良县华锐新材料有限公司、恒通智能装备有限公司等8家企业投产。", "恒通智能装备有限公司", EXAMPLE),
    ("华锐新材料有限公司与宜良县签订协议。", "华锐新材料有限公司", PARTNER),
    ("华锐新材料有限公司与宜良县人民政府签约。", "华锐新材料有限公司", PARTNER),
    ("宜良县引进华锐新材料有限公司年产10万吨电池材料项目。", "华锐新材料有限公司", PROJECT),
    ("宜良县签约的华锐新材料有限公司电池隔膜项目开工。", "华锐新材料有限公司", PROJECT),
    ("宜良县华锐新材料有限公司实现产值8亿元。", "华锐新材料有限公司", "claims.block.company"),
    ("华锐新材料有限公司与恒通智能装备有限公司签约。", "华锐新材料有限公司", "claims.block.company"),
    ("宜良县与华锐新材料有限公司签约。", "华锐新材料有限公司", "claims.block.company"),
]


@pytest.mark.parametrize(("text", "company", "rule"), MARKERS)
def test_organization_marker_rules(text: str, company: str, rule: str) -> None:
    processor = DocumentProcessor(DEFAULT_BACKEND)
    ctx = document_context(processor.annotate(processor.article(Source("t", "<text>", text=text))))
    holding = [m.rule for m in ctx.markers if company in text[m.start:m.end]]
    assert holding == [rule]
