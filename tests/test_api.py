"""The library API and the spaCy components in a user's own pipeline."""

from __future__ import annotations

import json

import spacy

import zhfacts
from zhfacts.nlp.spacy_components import COMPONENTS, blank_zh
from zhfacts.records.schema import all_json_schemas
from zhfacts.records.types import field_names


def test_extract_returns_records_and_frames() -> None:
    result = zhfacts.extract_text("去年，安吉县实现地区生产总值530亿元，同比增长6.2%。", doc_id="anji", pub_date="2025-03-01")
    quantities = result.records("quantities")
    assert [(q["value"], q["unit"]) for q in quantities] == [(5.3e10, "CNY"), (6.2, "%")]
    assert all(q["doc_id"] == "anji" for q in quantities)
    frame = result.frame("quantities")
    assert list(frame.columns) == field_names("quantities")
    assert set(result.frames()) == {"documents", "quantities", "times", "organizations", "places", "claims"}
    assert result.frame("claims")["district"].tolist() == ["安吉县", "安吉县"]


def test_empty_tables_keep_their_columns() -> None:
    result = zhfacts.extract_text("没有任何数字的一句话。")
    assert result.frame("claims").empty
    assert list(result.frame("claims").columns) == field_names("claims")


def test_components_run_in_a_users_own_pipeline() -> None:
    nlp = blank_zh()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("铜梁区拥有汽车零部件企业137家，总投资超过110亿元。")
    assert [(h.get("value"), h.get("unit")) for h in doc._.quantities] == [(137, "家"), (1.1e10, "CNY")]
    assert [s.label_ for s in doc.spans["places"]] == ["district"]
    assert doc._.claims and doc._.claims[0].get("district") == "铜梁区"


def test_components_on_a_plain_spacy_blank_zh() -> None:
    nlp = spacy.blank("zh")  # character segmentation: the extractors do not depend on tokens
    nlp.add_pipe("zhfacts_quantities")
    doc = nlp("新签约项目59个。")
    assert [(h.get("value"), h.get("unit")) for h in doc._.quantities] == [(59, "个")]


def test_schema_is_json_schema_for_every_table() -> None:
    schemas = all_json_schemas()
    assert set(schemas["tables"]) == {"documents", "quantities", "times", "organizations", "places", "claims"}
    claims = schemas["tables"]["claims"]
    assert claims["properties"]["attribution"]["enum"][:3] == ["sentence", "section", "speaker"]
    json.dumps(schemas, default=str)


def test_extract_path_on_a_missing_path_raises_file_not_found(tmp_path) -> None:
    import pytest

    with pytest.raises(FileNotFoundError) as info:
        zhfacts.extract_path(tmp_path / "no-such-folder")
    assert info.value.filename == str(tmp_path / "no-such-folder")
    (tmp_path / "empty.txt").write_bytes(b"")  # there but unreadable: an error row, as in `zhfacts run`
    (row,) = zhfacts.extract_path(tmp_path / "empty.txt").records("documents")
    assert row["status"] == "error" and "empty file" in row["error"]
