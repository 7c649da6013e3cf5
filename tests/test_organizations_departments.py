"""A company's department written right after its full name is named with it (issue 11), and what
only looks like one is not. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_names as names


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


DEPARTMENTS = [
    ("调研组由华东电力投资集团有限公司科技与创新部牵头组建。", "华东电力投资集团有限公司科技与创新部"),
    ("浙江宏远材料有限公司市场营销部介绍了情况。", "浙江宏远材料有限公司市场营销部"),
]


@pytest.mark.parametrize(("text", "name"), DEPARTMENTS)
def test_a_department_after_a_full_name_is_part_of_it(nlp, text, name):
    assert name in names(nlp, text)


NOT_DEPARTMENTS = [
    # a conjunction: a second body
    ("重庆宏达科技有限公司与商务部签约。", ["重庆宏达科技有限公司", "商务部"]),
    # words ending in 部 that name no department
    ("四川蓝光实业有限公司总部设在成都。", ["四川蓝光实业有限公司"]),
    ("江苏恒力化纤有限公司全部投产。", ["江苏恒力化纤有限公司"]),
    ("湖南华联瓷业股份有限公司干部职工参加活动。", ["湖南华联瓷业股份有限公司"]),
    ("重庆宏达科技有限公司东部基地开工。", ["重庆宏达科技有限公司"]),
    # a department right before a title belongs to the person's title, as a committee before 书记
    ("浙江宏远材料有限公司市场营销部部长介绍了情况。", ["浙江宏远材料有限公司"]),
    ("调研组由华东电力投资集团有限公司科技与创新部负责人带队。", ["华东电力投资集团有限公司"]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_DEPARTMENTS)
def test_what_only_ends_in_bu_is_no_department(nlp, text, expected):
    assert names(nlp, text) == expected
