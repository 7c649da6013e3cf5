"""Two-character county names jieba cuts apart before an office word (沁|县政府) are cut again
whole (rules/lexicon/county_names.yaml): the county is a place and its body an organization.
A stem that is a common word of its own (和, 任, 代) is left to jieba. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found

from zhfacts.nlp.segment import glued_counties, load_segmenter, tokenize


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def places_of(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc.text[h.start:h.end] for h in doc._.places]


WHOLE = [
    ("沁县政府与一所农业大学签约。", "沁县", "沁县政府"),
    ("萧县委书记到企业调研。", "萧县", "萧县委"),
    ("黟县人民政府发布通告。", "黟县", "黟县人民政府"),
    ("滑县政府召开常务会议。", "滑县", "滑县政府"),
]


@pytest.mark.parametrize(("text", "place", "organization"), WHOLE)
def test_county_before_office_word_is_a_place_and_its_body(nlp, text, place, organization):
    assert place in places_of(nlp, text)
    assert organization in organizations_found(nlp, text)


LEFT_TO_JIEBA = [
    "市政府和县政府联合发文。",  # 和: a conjunction, not 和县
    "他此前任县委书记多年。",  # 任: served as, not 任县
    "乡镇干部代县政府起草方案。",  # 代: on behalf of, not 代县
]


@pytest.mark.parametrize("text", LEFT_TO_JIEBA)
def test_common_word_before_office_word_is_no_county(nlp, text):
    assert places_of(nlp, text) == []


def test_recut_keeps_every_character_in_order():
    text = "沁县政府和萧县委书记出席，滑县人民政府承办。"
    words = list(load_segmenter()(text))
    assert "".join(words) == text
    assert {"沁县", "萧县", "滑县"} <= set(words)
    tokens = tokenize(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == words


def test_names_come_from_the_gazetteer_without_common_stems():
    names = glued_counties().names
    assert {"沁县", "萧县", "黟县", "郫县"} <= names  # 郫县: a former name, still written
    assert not names & {"和县", "任县", "代县", "新县"}
