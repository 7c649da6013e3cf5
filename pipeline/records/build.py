"""Records from hits: the contract's identity and provenance fields (Article.provenance) plus
each table's own fields, as the record types of zhfacts.records.types."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

from zhfacts.records.types import RECORD_TABLES, TABLES
from zhfacts.text.article import Article, Hit


def record_id(article: Article, hit: Hit, table: str) -> str:
    """The stable id the record built from `hit` in `table` gets (claims link quantities)."""
    return article.record_id(hit.start, hit.end, hit.rule, table, hit.get("key", ""))


@cache
def _field_names(table: str) -> frozenset[str]:
    return frozenset(f.name for f in fields(TABLES[table]))


def build_record(article: Article, hit: Hit, table: str) -> Any:
    row: dict[str, Any] = article.provenance(hit.start, hit.end, hit.rule, table, hit.get("key", ""))
    names = _field_names(table)
    row.update({k: v for k, v in hit.fields.items() if k in names and k not in row})
    return TABLES[table](**row)


def build_records(article: Article, hits: dict[str, list[Hit]]) -> dict[str, list[Any]]:
    """Every record of an annotated article, by table, ordered by start offset."""
    out: dict[str, list[Any]] = {}
    for table in RECORD_TABLES:
        records = [build_record(article, hit, table) for hit in hits.get(table) or []]
        out[table] = sorted(records, key=lambda r: (r.start, r.end))  # stable: ties keep extraction order
    return out
