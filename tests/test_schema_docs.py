"""The documented fields: every field of every table has a description, defined once beside the
record types, and the data dictionary page is generated from the same schema and current."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from zhfacts import extract_text
from zhfacts.records.schema import all_json_schemas, data_dictionary
from zhfacts.records.types import TABLES

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY = ROOT / "docs" / "data-dictionary.md"
# The period grammar the descriptions document: a year, half, quarter, month or day, or a range of them.
POINT = r"\d{4}(?:-H[12]|-Q[1-4]|-\d{2}(?:-\d{2})?)?"
PERIOD = re.compile(rf"{POINT}(?:\.\.{POINT})?")
CASES = [(table, f) for table, cls in TABLES.items() for f in fields(cls)]


@pytest.mark.parametrize(("table", "field_"), CASES, ids=[f"{t}.{f.name}" for t, f in CASES])
def test_every_field_is_described_with_every_value_it_may_take(table, field_) -> None:
    prop = all_json_schemas()["tables"][table]["properties"][field_.name]
    assert len(prop["description"]) >= 20, f"{table}.{field_.name} has no real description"
    for value in prop.get("enum", []):
        if value is not None:
            assert f"`{value}`" in prop["description"], f"{table}.{field_.name}: value {value!r} is not explained"


def test_every_table_is_described() -> None:
    for table, schema in all_json_schemas()["tables"].items():
        assert schema["description"], table


def test_the_fields_data_users_asked_about_are_explained() -> None:
    tables = all_json_schemas()["tables"]
    claims = tables["claims"]["properties"]
    assert "0..1" in claims["confidence"]["description"]
    assert "2025-H1" in claims["period"]["description"] and "2024-01..2024-09" in claims["period"]["description"]
    assert "个百分点" in tables["quantities"]["properties"]["unit"]["description"]
    assert "潼南区科技局" in tables["organizations"]["properties"]["district"]["description"]
    assert "GB/T 2260" in tables["places"]["properties"]["adcode"]["description"]


def test_the_checked_in_data_dictionary_is_current() -> None:
    """Regenerate with: zhfacts schema --markdown > docs/data-dictionary.md"""
    assert DICTIONARY.read_text(encoding="utf-8") == data_dictionary()


def test_the_cli_prints_the_data_dictionary_and_described_json_schema() -> None:
    markdown = subprocess.run([sys.executable, "-m", "zhfacts", "schema", "--markdown"], capture_output=True,
                              text=True, encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120, check=True).stdout
    assert markdown == DICTIONARY.read_text(encoding="utf-8")
    for table, cls in TABLES.items():
        assert f"## {table}" in markdown
        for f in fields(cls):
            assert f"| `{f.name}` |" in markdown
    schema = subprocess.run([sys.executable, "-m", "zhfacts", "schema"], capture_output=True, text=True,
                            encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120, check=True).stdout
    assert '"description": "how the district was found' in schema


def test_the_readme_links_the_data_dictionary_and_the_gold_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("docs/data-dictionary.md", "docs/gold-format.md"):
        assert f"]({page})" in readme and (ROOT / page).is_file()


def test_periods_the_extractor_writes_follow_the_documented_grammar() -> None:
    text = ("今年上半年，渝北区新增科技型企业120家。2024年前三季度，该区规上工业产值增长6.5%。"
            "2020年至2024年，全区累计引进项目300个。去年12月，新签约项目15个。")
    times = extract_text(text, pub_date="2025-08-06").records("times")
    normalized = [t["normalized"] for t in times if t["normalized"]]
    assert {"2025-H1", "2024-01..2024-09"} <= set(normalized)
    for value in normalized:
        assert PERIOD.fullmatch(value), value
