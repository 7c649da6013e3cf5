"""A run of the CLI on the bundled corpus: every table in both formats, valid, ordered, traceable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import zhfacts
from zhfacts.records.schema import validate_row
from zhfacts.records.types import RECORD_TABLES, SCHEMA_VERSION

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"
TABLES = ["documents", *RECORD_TABLES]
SPACE = re.compile(r"\s+")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def tables(bundled_run: Path) -> dict[str, list[dict]]:
    return {t: read_jsonl(bundled_run / f"{t}.jsonl") for t in TABLES}


def test_every_table_is_written_in_both_formats_with_a_manifest(bundled_run: Path) -> None:
    for table in TABLES:
        assert (bundled_run / f"{table}.jsonl").is_file()
        assert (bundled_run / f"{table}.parquet").is_file()
    manifest = json.loads((bundled_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["input_count"] == len(list(CORPUS.glob("*.txt")))
    assert set(manifest["record_counts"]) == set(TABLES)
    assert re.fullmatch(r"[0-9a-f]{64}", manifest["rules_fingerprint"])


@pytest.mark.parametrize("table", TABLES)
def test_parquet_holds_the_same_rows_as_jsonl(bundled_run: Path, tables: dict, table: str) -> None:
    frame = pd.read_parquet(bundled_run / f"{table}.parquet")
    assert list(frame.columns) == list(pd.DataFrame(tables[table]).columns) or not tables[table]
    assert len(frame) == len(tables[table])
    if tables[table]:
        assert frame["doc_id"].tolist() == [r["doc_id"] for r in tables[table]]


@pytest.mark.parametrize("table", TABLES)
def test_rows_are_valid_and_ordered_by_doc_then_start(tables: dict, table: str) -> None:
    rows = tables[table]
    for row in rows:
        validate_row(table, row)
    if table != "documents":
        keys = [(r["doc_id"], r["start"]) for r in rows]
        assert keys == sorted(keys)
        assert len({r["id"] for r in rows}) == len(rows), "ids are unique within a table"


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_every_record_points_at_its_characters(tables: dict, table: str) -> None:
    """raw[start:end] with whitespace removed equals text with whitespace removed, always."""
    raws = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for row in tables[table]:
        raw = raws[row["doc_id"]]
        assert 0 <= row["start"] < row["end"] <= len(raw)
        assert SPACE.sub("", raw[row["start"]:row["end"]]) == SPACE.sub("", row["text"]), row
        assert SPACE.sub("", row["text"]) in SPACE.sub("", row["sentence"]) or table == "claims", row


def test_claims_rest_on_quantities(tables: dict) -> None:
    quantities = {q["id"]: q for q in tables["quantities"]}
    for claim in tables["claims"]:
        quantity = quantities[claim["quantity_id"]]
        assert (claim["start"], claim["end"], claim["unit"]) == (quantity["start"], quantity["end"], quantity["unit"])


def test_ids_are_stable_across_runs(tables: dict) -> None:
    again = zhfacts.extract_path(CORPUS)
    for table in RECORD_TABLES:
        assert [r["id"] for r in again.records(table)] == [r["id"] for r in tables[table]]


def test_documents_are_all_ok_and_report_their_repairs(tables: dict) -> None:
    documents = {d["doc_id"]: d for d in tables["documents"]}
    assert set(documents) == {p.stem for p in CORPUS.glob("*.txt")}
    assert all(d["status"] == "ok" and d["error"] is None for d in documents.values())
    assert any(w.startswith("doubled-glyphs") for w in documents["seed004"]["warnings"])
