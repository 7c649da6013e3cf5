"""`zhfacts review export`: a gold file (docs/gold-format.md) for every document with at
least one review, from the current facts with the reviews applied: accepted, corrected and
added facts, none of the rejected ones, and the facts nobody reviewed (or whose review is
stale) marked `"reviewed": false`. Beside them, articles/<doc_id>.txt holds each raw text,
so that `zhfacts run GOLD/articles` and `zhfacts eval OUT --gold GOLD` close the loop."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import duckdb

from zhfacts.store.db import reading, table_names
from zhfacts.store.views import REVIEWED

DISTRICT_LEVELS = ("district", "county")
AMOUNT = ("value", "value_min", "value_max")


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def amount(row: dict[str, Any]) -> dict[str, Any]:
    """value, or value_min/value_max for a range, as the gold format writes them."""
    if row.get("value") is None and (row.get("value_min") is not None or row.get("value_max") is not None):
        return {"value_min": row.get("value_min"), "value_max": row.get("value_max")}
    return {"value": row.get("value")}


def common(row: dict[str, Any]) -> dict[str, Any]:
    return {"reviewed": row["review"] in REVIEWED, "start": row["start"], "end": row["end"]}


def quantity(row: dict[str, Any]) -> dict[str, Any]:
    item = {"text": row["text"], **amount(row), "unit": row.get("unit")}
    if row.get("approx"):
        item["approx"] = row["approx"]
    return {**item, "optional": False, **common(row)}


def claim(row: dict[str, Any]) -> dict[str, Any]:
    item = {"district": row.get("district"), "metric": row.get("metric") or row.get("metric_key"),
            **amount(row), "unit": row.get("unit"), "text": row["text"]}
    extra = {k: row.get(k) for k in ("approx", "metric_key", "period", "modality") if row.get(k) is not None}
    return {**item, **extra, **common(row)}


def gold_of(con: duckdb.DuckDBPyConnection, doc: dict[str, Any]) -> dict[str, Any]:
    tables = table_names(con)
    by_kind = {kind: rows(con, f"SELECT * FROM {kind}_current WHERE sha256 = ? ORDER BY start, \"end\"",
                          [doc["sha256"]]) if kind in tables else []
               for kind in ("quantities", "organizations", "places", "claims")}
    return {
        "doc_id": doc["stem"],
        "source": doc.get("source") or doc.get("path"),
        "pub_date": doc.get("pub_date"),
        "sha256": doc["sha256"],
        "quantities": [quantity(r) for r in by_kind["quantities"]],
        "organizations": [{"text": r["text"], "type": r.get("type"), "optional": False, **common(r)}
                          for r in by_kind["organizations"]],
        "districts": [{"text": r["text"], "canonical": r.get("canonical"), **common(r)}
                      for r in by_kind["places"] if r.get("level") in DISTRICT_LEVELS],
        "claims": [claim(r) for r in by_kind["claims"]],
    }


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def file_stem(doc: dict[str, Any], taken: set[str]) -> str:
    """doc_id, unless another text already took it (weekly batches reuse file names)."""
    stem = str(doc["doc_id"]).replace("/", "_")
    if stem in taken:
        stem = f"{stem}~{doc['sha256'][:8]}"
    taken.add(stem)
    return stem


def export_gold(db: Path, gold_dir: Path) -> list[Path]:
    """Write the gold files; returns their paths."""
    gold_dir = Path(gold_dir)
    written: list[Path] = []
    with reading(db) as con:
        if "documents" not in table_names(con):
            return written
        docs = rows(con, "SELECT d.*, t.raw FROM documents_current d LEFT JOIN texts t USING (sha256) "
                         "WHERE sha256 IN (SELECT sha256 FROM reviews) ORDER BY doc_id, sha256", [])
        (gold_dir / "articles").mkdir(parents=True, exist_ok=True)
        taken: set[str] = set()
        for doc in docs:
            doc["stem"] = stem = file_stem(doc, taken)  # the gold's doc_id: its file's, as eval expects
            gold = gold_of(con, doc)
            path = gold_dir / f"{stem}.json"
            write_atomic(path, json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
            if doc.get("raw") is not None:
                write_atomic(gold_dir / "articles" / f"{stem}.txt", doc["raw"])
            written.append(path)
    return written
