"""Recording a verdict on a fact: the one code path of the review app and `review apply`.

A verdict names its fact by key (document sha256 or doc_id, kind, start, end) or by the
fact's `id` in any batch. It is appended to `reviews` with the fact's values as the reviewer
saw them (`seen`), so that a later batch that changes them makes the review stale, and
nothing earlier is overwritten: two tabs reviewing at once lose no verdict, the latest wins.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from zhfacts.review.vocabulary import district_adcodes, metric_keys
from zhfacts.store.db import columns_of, table_names, transaction
from zhfacts.store.schema import DECISIONS, FACT_KINDS
from zhfacts.store.views import EDITABLE, signature_sql

NUMBER_FIELDS = frozenset({"value", "value_min", "value_max"})
CHOICES = {"approx": ("upper", "lower", "about", None), "modality": ("actual", "target", "forecast", None)}


class ReviewError(ValueError):
    """A verdict that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class Verdict:
    decision: str
    kind: str
    sha256: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    reviewer: str | None = None


# -- reading a verdict -------------------------------------------------------------------------
def find_by_id(con: duckdb.DuckDBPyConnection, fact_id: str, kind: str | None) -> tuple[str, str, int, int]:
    """(kind, sha256, start, end) of the fact with this id, in the latest batch that has it."""
    kinds = [kind] if kind else [k for k in FACT_KINDS if k in table_names(con)]
    for k in kinds:
        row = con.execute(f"SELECT sha256, start, \"end\" FROM {k} WHERE id = ? ORDER BY batch_id DESC LIMIT 1",
                          [fact_id]).fetchone()
        if row:
            return k, row[0], row[1], row[2]
    raise ReviewError(f"no fact has id {fact_id!r}")


def sha_of_doc(con: duckdb.DuckDBPyConnection, doc_id: str) -> str:
    rows = con.execute("SELECT DISTINCT sha256 FROM documents_current WHERE doc_id = ?", [doc_id]).fetchall()
    if not rows:
        raise ReviewError(f"no document has doc_id {doc_id!r}")
    if len(rows) > 1:
        raise ReviewError(f"doc_id {doc_id!r} names {len(rows)} different texts: give sha256 instead")
    return rows[0][0]


def integer(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReviewError(f"{name} must be an integer, not {value!r}")
    return value


def parse_verdict(con: duckdb.DuckDBPyConnection, obj: Any, reviewer: str | None = None) -> Verdict:
    """A verdict from a JSON object: {"id" | "sha256"/"doc_id" + "kind" + "start" + "end",
    "decision", "fields", "note", "reviewer"}."""
    if not isinstance(obj, dict):
        raise ReviewError("a verdict must be a JSON object")
    decision = obj.get("decision")
    if decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    kind = obj.get("kind")
    if kind is not None and kind not in FACT_KINDS:
        raise ReviewError(f"kind must be one of {', '.join(FACT_KINDS)}, not {kind!r}")
    if obj.get("id") is not None and decision != "add":
        kind, sha, start, end = find_by_id(con, str(obj["id"]), kind)
    else:
        if kind is None:
            raise ReviewError("a verdict without an id needs kind, start, end and sha256 or doc_id")
        sha = obj.get("sha256") or (sha_of_doc(con, str(obj["doc_id"])) if obj.get("doc_id") else None)
        if not isinstance(sha, str):
            raise ReviewError("a verdict without an id needs sha256 or doc_id")
        start, end = integer(obj.get("start"), "start"), integer(obj.get("end"), "end")
    fields = obj.get("fields") or {}
    if not isinstance(fields, dict):
        raise ReviewError("fields must be a JSON object")
    note = obj.get("note")
    return Verdict(decision, kind, sha, start, end, dict(fields), None if note is None else str(note),
                   str(obj.get("reviewer") or reviewer or "") or None)


# -- checking the fields -------------------------------------------------------------------------
def clean_fields(kind: str, fields: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """The fields checked: only editable ones of the kind, numbers finite, choices allowed,
    districts from the gazetteer and metric keys from the vocabulary."""
    editable = [c for c in EDITABLE[kind] if c in columns or c == "modality"]
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "text":
            continue  # an added fact's text is cut from the document, never taken from the client
        if name not in editable:
            raise ReviewError(f"{kind}: {name!r} cannot be corrected (one of {', '.join(editable)})")
        if value == "":
            value = None
        if name in NUMBER_FIELDS and value is not None:
            if isinstance(value, str):
                try:
                    value = float(value.replace(",", ""))
                except ValueError:
                    raise ReviewError(f"{name} must be a number, not {value!r}") from None
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ReviewError(f"{name} must be a finite number, not {value!r}")
            value = float(value)
        elif value is not None and not isinstance(value, str):
            raise ReviewError(f"{name} must be text, not {value!r}")
        if name in CHOICES and value not in CHOICES[name]:
            raise ReviewError(f"{name} must be one of {', '.join(c for c in CHOICES[name] if c)}, not {value!r}")
        clean[name] = value
    check_vocabulary(kind, clean)
    return clean


def check_vocabulary(kind: str, fields: dict[str, Any]) -> None:
    if kind != "claims":
        return
    district = fields.get("district")
    if district is not None:
        codes = district_adcodes().get(district)
        if not codes:
            raise ReviewError(f"district {district!r} is not a county-level district of the gazetteer")
        if fields.get("adcode") is None and len(codes) == 1:
            fields["adcode"] = codes[0]
        elif fields.get("adcode") is not None and fields["adcode"] not in codes:
            raise ReviewError(f"adcode {fields['adcode']!r} is not {district}'s ({', '.join(codes)})")
    key = fields.get("metric_key")
    if key is not None and key not in metric_keys():
        raise ReviewError(f"metric_key {key!r} is not in the metric vocabulary (rules/metrics.yaml)")


# -- recording -----------------------------------------------------------------------------------
def base_fact(con: duckdb.DuckDBPyConnection, v: Verdict, columns: dict[str, str]) -> tuple | None:
    """(id, doc_id, batch_id, seen) of the fact under the key in the latest batch, or None."""
    return con.execute(
        f"SELECT id, doc_id, batch_id, {signature_sql(v.kind, columns)} FROM {v.kind}_base f "
        "WHERE sha256 = ? AND start = ? AND \"end\" = ? ORDER BY id LIMIT 1", [v.sha256, v.start, v.end]).fetchone()


def last_verdict(con: duckdb.DuckDBPyConnection, v: Verdict) -> tuple[str, str | None] | None:
    return con.execute("SELECT decision, fields FROM reviews_current WHERE sha256 = ? AND kind = ? AND start = ? "
                       "AND \"end\" = ?", [v.sha256, v.kind, v.start, v.end]).fetchone()


def reviewed_fields(con: duckdb.DuckDBPyConnection, v: Verdict) -> dict[str, Any]:
    """The editable fields of the fact under the key as the views show it now ({} if none)."""
    cursor = con.execute(f"SELECT * FROM {v.kind}_reviewed WHERE sha256 = ? AND start = ? AND \"end\" = ? LIMIT 1",
                         [v.sha256, v.start, v.end])
    row = cursor.fetchone()
    if row is None:
        return {}
    values = dict(zip((d[0] for d in cursor.description), row, strict=True))
    return {f: values[f] for f in EDITABLE[v.kind] if values.get(f) is not None}


def document_text(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple[str, int, str]:
    row = con.execute("SELECT d.doc_id, d.batch_id, t.raw FROM documents_current d JOIN texts t USING (sha256) "
                      "WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise ReviewError(f"no document text with sha256 {sha256}")
    return row


def record(con: duckdb.DuckDBPyConnection, v: Verdict) -> int:
    """Append the verdict to `reviews` (one transaction); returns its review_id."""
    if v.kind not in table_names(con):
        raise ReviewError(f"the store has no {v.kind}")
    columns = columns_of(con, v.kind)
    fields = clean_fields(v.kind, v.fields, columns)
    decision, seen = v.decision, None
    fact = base_fact(con, v, columns)
    if fact is not None:
        fact_id, doc_id, batch_id, seen = fact
        if decision == "add":
            decision = "correct"  # the fact is there after all: the added fields correct it
    else:
        doc_id, batch_id, raw = document_text(con, v.sha256)
        fact_id = None
        earlier = last_verdict(con, v)
        kept = earlier is not None and earlier[0] != "reject"  # added, or accepted in a batch since replaced
        if decision in ("accept", "correct") and kept:
            # editing a fact a reviewer added, or keeping one the latest batch lost: it becomes an added fact
            fields = {**reviewed_fields(con, v), **json.loads(earlier[1] or "{}"), **fields}
            decision = "add"
        elif decision == "add" or (decision == "reject" and kept):
            pass
        else:
            raise ReviewError(f"no {v.kind} fact at {v.start}..{v.end} of document {doc_id} in its latest batch")
        if decision == "add":
            if not 0 <= v.start < v.end <= len(raw):
                raise ReviewError(f"span {v.start}..{v.end} is outside document {doc_id} ({len(raw)} characters)")
            fields["text"] = raw[v.start:v.end]
            check_added(v.kind, fields)
    if decision in ("accept", "reject") and fields:
        raise ReviewError(f"{decision} takes no fields (use correct)")
    if decision == "correct" and not fields:
        raise ReviewError("correct needs fields")
    with transaction(con):
        review_id = con.execute("SELECT coalesce(max(review_id), 0) + 1 FROM reviews").fetchone()[0]
        con.execute("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [review_id, v.sha256, v.kind, v.start, v.end, decision,
                     json.dumps(fields, ensure_ascii=False) if fields else None, seen, fact_id, doc_id, batch_id,
                     v.reviewer, datetime.now(UTC), v.note])
    return review_id


REQUIRED_TO_ADD = {"claims": ("district", "unit"), "quantities": ("unit",), "organizations": ("type",),
                   "places": ("canonical",), "times": ()}


def check_added(kind: str, fields: dict[str, Any]) -> None:
    missing = [f for f in REQUIRED_TO_ADD[kind] if fields.get(f) is None]
    if kind in ("claims", "quantities") and all(fields.get(f) is None for f in NUMBER_FIELDS):
        missing.append("value")
    if missing:
        raise ReviewError(f"an added {kind} fact needs {', '.join(missing)}")
