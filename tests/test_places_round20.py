"""Places of round 20: a short form that is also a word, in a document that names its unit in
full, opening a title. Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _places(text: str) -> list[tuple[str, str]]:
    return [(p["text"], p["canonical"]) for p in zhfacts.extract_text(text).records("places")]


def test_a_common_word_short_form_opening_a_title() -> None:
    assert ("平原", "平原县") in _places("平原县融媒体中心编辑《平原时讯》报纸。")


@pytest.mark.parametrize(("text", "word"), [
    ("《平原》一书出版，写华北农业。", "平原"),       # a title, but no full name of the county in the document
    ("平原县地处华北平原腹地。", "平原"),             # the full name, but the word inside a phrase
    ("平原县境内平原、洼地交错。", "平原"),           # a list item's edge is no bound
    ("南昌市新建区实施新建、续建项目86个。", "新建"),
    ("长寿区打造“长寿之乡”。", "长寿"),              # nor is a quote's
])
def test_a_common_word_stays_a_word(text: str, word: str) -> None:
    assert [p for p in _places(text) if p[0] == word] == []
