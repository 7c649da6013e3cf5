"""Organization families of round 10 found on new pages (issue 11), in sentences written for
these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def test_a_level_kept_with_its_head_by_the_segmenter_is_no_function_word(nlp) -> None:
    # …紧紧围绕|县委: the level of 县委 is not where a longer body's function words end
    names = found(nlp, "近年来，我县农业工作紧紧围绕县委、县政府的部署推进。")
    assert not any(name.endswith("围绕县委") for name in names)
    assert "县政府" in names


@pytest.mark.parametrize(("text", "not_name"), [
    ("鑫海小区新建停车位200个。", "鑫海"),  # a place called after the company
    ("中超第10轮比赛在县体育场举行。", "中超"),  # the football league, not 江苏中超投资集团
])
def test_a_usual_name_that_means_something_else_here_is_no_company(nlp, text, not_name) -> None:
    assert not_name not in found(nlp, text)


def test_a_park_named_with_its_company_gives_the_company_not_the_park(nlp) -> None:
    names = found(nlp, "华信科技有限公司产业园一期建成。")
    assert "华信科技有限公司" in names and not any(n.endswith("产业园") for n in names)


@pytest.mark.parametrize(("text", "name"), [
    # a level names its own institutes and associations; only an incubator needs more
    ("县科学技术协会召开年会。", "县科学技术协会"),
    ("市农业科学研究院发布新品种。", "市农业科学研究院"),
    # a province or city before a token ending in 村/镇 opens a registered name, not a chain of places
    ("山西杏花村汾酒集团有限责任公司扩建酒厂。", "山西杏花村汾酒集团有限责任公司"),
    ("北京中关村翠湖科技有限公司在县设立分部。", "北京中关村翠湖科技有限公司"),
    # a verb before a plain noun is a field of the name, not where it starts
    ("市回收利用研究所发布报告。", "市回收利用研究所"),
    # a common word, then only industry words, before a legal form is a trade name
    ("胜利建材有限公司新建生产线。", "胜利建材有限公司"),
])
def test_names_the_round_10_rules_must_leave_whole(nlp, text, name) -> None:
    assert name in found(nlp, text)


def test_a_level_alone_names_no_incubator(nlp) -> None:
    assert "区科技企业孵化器" not in found(nlp, "区科技企业孵化器新增企业12家。")
