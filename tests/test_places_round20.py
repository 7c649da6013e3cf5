"""Places of round 20: a short form that is also a word, in a document that names its unit in
full, at the edge of a title, a quote, a bracket or a list item. Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _places(text: str) -> list[tuple[str, str]]:
    return [(p["text"], p["canonical"]) for p in zhfacts.extract_text(text).records("places")]


@pytest.mark.parametrize(("text", "short"), [
    ("平原县融媒体中心编辑《平原时讯》报纸。", ("平原", "平原县")),
    ("平原县上线“平原欣闻”客户端。", ("平原", "平原县")),
    ("黄龙县召开会议，延安、黄龙、宜川三地参加。", ("黄龙", "黄龙县")),
])
def test_a_common_word_short_form_at_a_titles_or_quotes_edge(text: str, short: tuple[str, str]) -> None:
    assert short in _places(text)


@pytest.mark.parametrize("text", [
    "《平原》一书出版，写华北农业。",   # at a title's edge, but no full name of the county in the document
    "平原县地处华北平原腹地。",      # the full name, but the word inside a phrase
])
def test_a_common_word_stays_a_word(text: str) -> None:
    assert [p for p in _places(text) if p[0] == "平原"] == []
