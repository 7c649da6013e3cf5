"""What the review app reads from the store: a page of documents with their review counts,
one document's text and facts, and the progress. Only fixed SQL with bound parameters: the
browser chooses values (a page number, a district, a kind), never a query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from zhfacts.store.db import table_names
from zhfacts.store.schema import FACT_KINDS
from zhfacts.store.views import EDITABLE

PAGE_SIZE = 25
SHOWS = ("all", "unreviewed", "stale")
DONE = ("accepted", "corrected", "added", "rejected")  # a verdict was given and still holds
DETAILS = ("rule", "attribution", "speaker", "confidence", "sentence", "quantity_id", "kind", "level", "type")


@dataclass(frozen=True)
class DocumentQuery:
    page: int = 0
    kind: str = "claims"
    show: str = "all"
    district: str = ""
    metric_key: str = ""
    doc: str = ""

    @classmethod
    def from_params(cls, params: Any) -> DocumentQuery:
        """From the request's query string; unknown values fall back to the defaults."""
        try:
            page = max(0, int(params.get("page", 0)))
        except ValueError:
            page = 0
        kind = params.get("kind", "claims")
        show = params.get("show", "all")
        return cls(page=page, kind=kind if kind in FACT_KINDS else "claims", show=show if show in SHOWS else "all",
                   district=params.get("district", "")[:50], metric_key=params.get("metric_key", "")[:50],
                   doc=params.get("doc", "")[:200])


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def has_facts(con: duckdb.DuckDBPyConnection) -> bool:
    return "documents" in table_names(con)


def document_page(con: duckdb.DuckDBPyConnection, q: DocumentQuery) -> dict[str, Any]:
    """One page of documents (PAGE_SIZE), with counts of the kind's facts and their reviews."""
    if not has_facts(con) or q.kind not in table_names(con):
        return {"page": 0, "pages": 0, "total": 0, "documents": []}
    where, params = ["TRUE"], []
    if q.doc:
        where.append("d.doc_id ILIKE '%' || ? || '%'")
        params.append(q.doc)
    for column, value in (("district", q.district), ("metric_key", q.metric_key)):
        if value and "claims" in table_names(con):
            where.append(f"EXISTS (SELECT 1 FROM claims_current c WHERE c.sha256 = d.sha256 AND c.{column} = ?)")
            params.append(value)
    having = {"all": "TRUE", "unreviewed": "n_unreviewed > 0", "stale": "n_stale > 0"}[q.show]
    done = ", ".join(f"'{s}'" for s in DONE)
    found = rows(con, f"""
        SELECT d.sha256, d.doc_id, d.pub_date, d.batch_id, count(f.sha256) AS n_facts,
          count(f.sha256) FILTER (WHERE f.review IN ({done})) AS n_reviewed,
          count(f.sha256) FILTER (WHERE f.review = 'unreviewed') AS n_unreviewed,
          count(f.sha256) FILTER (WHERE f.review = 'stale') AS n_stale,
          count(*) OVER () AS total
        FROM documents_current d LEFT JOIN {q.kind}_reviewed f ON f.sha256 = d.sha256
        WHERE {" AND ".join(where)}
        GROUP BY d.sha256, d.doc_id, d.pub_date, d.batch_id HAVING {having}
        ORDER BY d.doc_id, d.sha256 LIMIT {PAGE_SIZE} OFFSET ?""", [*params, q.page * PAGE_SIZE])
    total = found[0]["total"] if found else 0
    if not found and q.page:
        total = document_page(con, DocumentQuery(0, q.kind, q.show, q.district, q.metric_key, q.doc))["total"]
    for row in found:
        del row["total"]
    return {"page": q.page, "pages": -(-total // PAGE_SIZE), "total": total, "documents": found}


def fact_json(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A fact as the page needs it: its key, its state, the editable fields, a few details."""
    return {"kind": kind, "id": row["id"], "start": row["start"], "end": row["end"], "text": row["text"],
            "review": row["review"], "review_id": row.get("review_id"),
            "fields": {f: row[f] for f in EDITABLE[kind] if f in row},
            "details": {f: row[f] for f in DETAILS if row.get(f) is not None}}


def document_facts(con: duckdb.DuckDBPyConnection, sha256: str) -> dict[str, Any] | None:
    """The document's latest row, its raw text and every fact of every kind, reviews applied."""
    if not has_facts(con):
        return None
    docs = rows(con, "SELECT d.doc_id, d.sha256, d.pub_date, d.batch_id, d.path, t.raw FROM documents_current d "
                     "LEFT JOIN texts t USING (sha256) WHERE sha256 = ?", [sha256])
    if not docs:
        return None
    doc = docs[0]
    tables = table_names(con)
    doc["facts"] = [fact_json(kind, row) for kind in FACT_KINDS if kind in tables
                    for row in rows(con, f"SELECT * FROM {kind}_reviewed WHERE sha256 = ? ORDER BY start, \"end\", id",
                                    [sha256])]
    return doc


def fact_at(con: duckdb.DuckDBPyConnection, kind: str, sha256: str, start: int, end: int) -> dict[str, Any] | None:
    found = rows(con, f"SELECT * FROM {kind}_reviewed WHERE sha256 = ? AND start = ? AND \"end\" = ? LIMIT 1",
                 [sha256, start, end])
    return fact_json(kind, found[0]) if found else None


def progress(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    """Per kind: facts, those with a verdict in force, those whose verdict went stale."""
    tables = table_names(con) if has_facts(con) else set()
    done = ", ".join(f"'{s}'" for s in DONE)
    counts = {}
    for kind in FACT_KINDS:
        if kind in tables:
            total, reviewed, stale = con.execute(
                f"SELECT count(*), count(*) FILTER (WHERE review IN ({done})), "
                f"count(*) FILTER (WHERE review = 'stale') FROM {kind}_reviewed").fetchone()
            counts[kind] = {"facts": total, "reviewed": reviewed, "stale": stale}
    return counts
