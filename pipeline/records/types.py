"""Record types: one frozen dataclass per output table, with the contract's field names.

These classes are the single definition of the tables: pipeline/schema.py derives the
Arrow schemas, the allowed values and the JSON Schema from them. A field's `allowed`
metadata lists the values the contract permits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.1.0"


def allowed(*values: str | None, default: Any = None) -> Any:
    return field(default=default, metadata={"allowed": values})


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    doc_id: str
    path: str
    sha256: str | None
    status: str = allowed("ok", "error", default="ok")
    error: str | None = None
    pub_date: str | None = None
    pub_date_source: str | None = allowed("metadata", "inferred", None)
    n_chars: int = 0
    n_sentences: int = 0
    warnings: list[str] = field(default_factory=list)
    source: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    """Identity and provenance, shared by every extracted record."""

    doc_id: str
    id: str
    start: int
    end: int
    text: str
    sentence: str
    rule: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Quantity(Record):
    value: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    approx: str | None = allowed("upper", "lower", "about", None)
    unit: str
    kind: str = allowed("money", "percent", "pp", "count", "measure", "multiple", "rank", "duration")
    period: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Time(Record):
    normalized: str | None = None
    resolved_with: str | None = allowed("pub_date", "explicit", None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Organization(Record):
    canonical: str
    type: str = allowed("company", "research", "university", "government", "other")
    district: str | None = None  # a government body's county-level district (潼南区科技局 -> 潼南区)
    adcode: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Place(Record):
    canonical: str
    adcode: str | None = None
    level: str = allowed("province", "city", "district", "county", "zone")
    parent: str | None = None
    note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim(Record):
    district: str
    adcode: str | None = None
    metric: str | None = None
    metric_key: str | None = None
    value: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    approx: str | None = allowed("upper", "lower", "about", None)
    unit: str
    period: str | None = None
    quantity_id: str
    attribution: str = allowed("sentence", "section", "speaker", "pronoun", "list", "paragraph", "title")
    speaker: str | None = None
    confidence: float = 0.0
    modality: str = allowed("actual", "target", "forecast", default="actual")


TABLES: dict[str, type] = {
    "documents": Document,
    "quantities": Quantity,
    "times": Time,
    "organizations": Organization,
    "places": Place,
    "claims": Claim,
}
# The extractor output (a Doc extension of the same name) each record table is built from.
RECORD_TABLES = ("quantities", "times", "organizations", "places", "claims")


def field_names(table: str) -> list[str]:
    return [f.name for f in fields(TABLES[table])]
