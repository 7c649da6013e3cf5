"""Records from hits: the contract's identity and provenance fields (Article.provenance) plus
each table's own fields, as rows (dicts in the table's field order, what a run writes) or as
the record types of zhfacts.records.types."""

from __future__ import annotations

from dataclasses import MISSING, fields
from functools import cache
from operator import itemgetter
from typing import Any

from zhfacts.records.types import RECORD_TABLES, TABLES, Record
from zhfacts.text.article import Article, Hit

_BY_SPAN = itemgetter("start", "end")


def record_id(article: Article, hit: Hit, table: str) -> str:
    """The stable id the record built from `hit` in `table` gets (claims link quantities)."""
    return article.record_id(hit.start, hit.end, hit.rule, table, hit.get("key", ""))


@cache
def _own_fields(table: str) -> tuple[tuple[str, Any], ...]:
    """(name, default or MISSING) of the table's fields after the provenance fields, in order."""
    provenance = {f.name for f in fields(Record)}
    out = []
    for f in fields(TABLES[table]):
        if f.name not in provenance:
            if f.default_factory is not MISSING:  # no record table has one: rows would share the value
                raise TypeError(f"{table}.{f.name}: a default factory is not supported in a record row")
            out.append((f.name, f.default))
    return tuple(out)


def build_row(article: Article, hit: Hit, table: str) -> dict[str, Any]:
    """The record of `hit` in `table` as a row: what TABLES[table](**fields) holds, in field order,
    without making the dataclass (a third of the records' cost)."""
    row: dict[str, Any] = article.provenance(hit.start, hit.end, hit.rule, table, hit.get("key", ""))
    values = hit.fields
    for name, default in _own_fields(table):
        value = values.get(name, default)
        if value is MISSING:
            raise TypeError(f"{TABLES[table].__name__}: missing required field {name!r}")
        row[name] = value
    return row


def build_rows(article: Article, hits: dict[str, list[Hit]]) -> dict[str, list[dict[str, Any]]]:
    """Every record of an annotated article as rows, by table, ordered by start offset: build_row
    for each hit, its loop inline (a call less per record)."""
    out: dict[str, list[dict[str, Any]]] = {}
    provenance = article.provenance
    for table in RECORD_TABLES:
        own = _own_fields(table)
        rows = []
        for hit in hits.get(table) or ():
            values = hit.fields
            row = provenance(hit.start, hit.end, hit.rule, table, values.get("key", ""))
            for name, default in own:
                value = values.get(name, default)
                if value is MISSING:
                    raise TypeError(f"{TABLES[table].__name__}: missing required field {name!r}")
                row[name] = value
            rows.append(row)
        out[table] = sorted(rows, key=_BY_SPAN)  # stable: ties keep extraction order
    return out


def build_records(article: Article, hits: dict[str, list[Hit]]) -> dict[str, list[Any]]:
    """Every record of an annotated article, by table, ordered by start offset."""
    return {table: [TABLES[table](**row) for row in rows] for table, rows in build_rows(article, hits).items()}
