"""Organization families of round 20: media bylines and sources. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


# -- media: a byline opening a line names its outlet whatever the name ends with ----------------
@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


@pytest.mark.parametrize(("text", "name"), [
    ("财联社讯（记者 王明）日前，某县发布消息。", "财联社"),
    ("  价值观察讯 (记者 李华) 县域经济研究报告发布。", "价值观察"),
    ("价值观察讯（本报记者 李华）县域经济研究报告发布。", "价值观察"),
    ("来源：某某晨报整理", "某某晨报"),
    ("日期： 来源：江北快讯网收集编辑：张三", "江北快讯网"),
])
def test_media_names(nlp, text: str, name: str) -> None:
    orgs = found(nlp, text)
    assert name in orgs and orgs[name]["type"] == "other", orgs


@pytest.mark.parametrize("text", [
    "本报讯（记者 王明）日前，某县发布消息。",
    "沁源快讯（记者 王明）日前，某县发布消息。",
    "县委通讯（第3期）",
    "沁源喜讯（组图）",
    "会上，县长讲话（摘要）。",
    "来源：网络整理",
])
def test_no_media_names(nlp, text: str) -> None:
    assert not [n for n, f in found(nlp, text).items() if f["rule"].startswith("org.media")]


@pytest.mark.parametrize("text", [
    "城阳区限上汽车销售企业达到64家。",
    "双方就集中式风电、集中式光伏开发建设开展合作。",
])
def test_classes_and_fields_are_no_company_names(nlp, text: str) -> None:
    assert not [n for n, f in found(nlp, text).items() if f["type"] == "company"]
