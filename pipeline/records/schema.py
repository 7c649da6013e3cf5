"""Table schemas derived from the record dataclasses: Arrow schemas, allowed values, JSON Schema,
and the data dictionary.

pipeline/records/types.py is the single definition of the tables; this module turns each
dataclass into the Arrow schema every Parquet write uses, the JSON Schema that `zhfacts
schema` prints (each field with its description), and the Markdown data dictionary that
`zhfacts schema --markdown` prints (checked in as docs/data-dictionary.md), and validates
rows before they are written.
"""

from __future__ import annotations

import types
import typing
from dataclasses import MISSING, Field, fields
from functools import cache
from typing import TYPE_CHECKING, Any

from zhfacts.records.types import SCHEMA_VERSION, TABLES, Record

if TYPE_CHECKING:
    import pyarrow as pa

INF = float("inf")
ARROW_TYPES = {str: "string", int: "int64", float: "float64", bool: "bool_"}  # pyarrow's type factories
JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


class SchemaError(ValueError):
    """A row that does not fit its table's schema."""


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """(base type, nullable) of a field's type hint such as `float | None`."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


@cache
def _hints(table: str) -> dict[str, Any]:
    return typing.get_type_hints(TABLES[table])


@cache
def _columns(table: str) -> tuple[tuple[Field, Any, bool], ...]:
    """(field, base type, nullable) per column; cached, as every written row is validated."""
    hints = _hints(table)
    return tuple((f, *_unwrap(hints[f.name])) for f in fields(TABLES[table]))


@cache
def arrow_schema(table: str) -> pa.Schema:
    # pyarrow (with numpy, 0.13 CPU s) is imported when a table is first written, not with the
    # records: a pool's workers never load it, and its parent loads it once they are busy
    import pyarrow as pa

    columns = []
    for f, base, nullable in _columns(table):
        if typing.get_origin(base) is list:
            arrow_type = pa.list_(getattr(pa, ARROW_TYPES[typing.get_args(base)[0]])())
        else:
            arrow_type = getattr(pa, ARROW_TYPES[base])()
        columns.append(pa.field(f.name, arrow_type, nullable=nullable or None in f.metadata.get("allowed", ())))
    return pa.schema(columns, metadata={"schema_version": SCHEMA_VERSION, "table": table})


@cache
def _checks(table: str) -> tuple[tuple[str, type, bool, tuple | None], ...]:
    """(name, Python type, nullable, allowed values) per column, as validate_row needs them."""
    return tuple((f.name, list if typing.get_origin(base) is list else base, nullable, f.metadata.get("allowed"))
                 for f, base, nullable in _columns(table))


def validate_row(table: str, row: dict[str, Any]) -> None:
    """Raise SchemaError when a field is missing, of the wrong type, or not an allowed value."""
    for name, expected, nullable, permitted in _checks(table):
        if name not in row:
            raise SchemaError(f"{table}: row has no field '{name}'")
        value = row[name]
        if permitted is None and type(value) is expected:
            continue  # the common case, decided without the checks below (type(True) is bool, not int)
        if permitted is not None and value not in permitted:
            raise SchemaError(f"{table}.{name}: {value!r} is not one of {permitted}")
        if value is None:
            if not nullable and permitted is None:
                raise SchemaError(f"{table}.{name}: null where a value is required")
            continue
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise SchemaError(f"{table}.{name}: {value!r} is {type(value).__name__}, not {expected.__name__}")


@cache
def _float_columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, expected, _, _ in _checks(table) if expected is float)


def floats_as_orjson_writes(table: str, rows: list[dict[str, Any]]) -> bool:
    """True when every float of the (validated) rows is written by orjson as by Python's json:
    zero, or finite with a magnitude of at least 1e-4 (below it Python writes 1e-05, orjson
    0.00001; NaN and infinities orjson writes as null)."""
    for name in _float_columns(table):
        for row in rows:
            value = row[name]
            if value and type(value) is float and not 1e-4 <= abs(value) < INF:
                return False
    return True


def json_schema(table: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one row of the table."""
    properties: dict[str, Any] = {}
    for f, base, nullable in _columns(table):
        if typing.get_origin(base) is list:
            prop: dict[str, Any] = {"type": "array", "items": {"type": JSON_TYPES[typing.get_args(base)[0]]}}
        else:
            prop = {"type": JSON_TYPES[base]}
        if nullable:
            prop["type"] = [prop["type"], "null"]
        if f.metadata.get("allowed") is not None:
            prop["enum"] = list(f.metadata["allowed"])
        prop["description"] = f.metadata.get("doc", "")
        properties[f.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": table,
        "description": table_description(table),
        "type": "object",
        "properties": properties,
        "required": [f.name for f in fields(TABLES[table])],
        "x-schema-version": SCHEMA_VERSION,
        "x-defaults": {f.name: f.default for f in fields(TABLES[table]) if f.default is not MISSING},
    }


def all_json_schemas() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "tables": {t: json_schema(t) for t in TABLES}}


# -- the data dictionary --------------------------------------------------------------------------
DICTIONARY_INTRO = """\
# Data dictionary

<!-- Generated by `zhfacts schema --markdown` from pipeline/records/types.py: do not edit by hand
(tests/test_schema_docs.py checks that this page is current). -->

Schema version {version}. `zhfacts run INPUT --out DIR` writes each table below as
`DIR/<table>.jsonl` (UTF-8, one JSON object a line) and `DIR/<table>.parquet` with the same
rows, ordered by doc_id then start, plus `DIR/manifest.json` (schema version, tool version,
rules fingerprint, counts, times). `zhfacts schema` prints the same definitions as JSON Schema.

Every record table (all but documents) starts with the identity and provenance fields below;
each table's own fields follow them. "null" says the field may be null; "values" lists all a
field may take.
"""


def table_description(table: str) -> str:
    return _docstring(TABLES[table])


def _docstring(cls: type) -> str:
    return " ".join((cls.__doc__ or "").split())


def _type_name(base: Any) -> str:
    if typing.get_origin(base) is list:
        return f"list of {JSON_TYPES[typing.get_args(base)[0]]}"
    return JSON_TYPES[base]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _field_rows(table: str, names: set[str] | None) -> list[str]:
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for f, base, nullable in _columns(table):
        if names is not None and f.name not in names:
            continue
        permitted = f.metadata.get("allowed")
        kind = _type_name(base) + (", null" if nullable or (permitted and None in permitted) else "")
        meaning = f.metadata.get("doc", "")
        if permitted:
            meaning += " (values: " + ", ".join(f"`{v}`" for v in permitted if v is not None) + ")"
        rows.append(f"| `{f.name}` | {kind} | {_cell(meaning)} |")
    return rows


def data_dictionary() -> str:
    """The Markdown data dictionary: every field of every table with its type and meaning."""
    provenance = {f.name for f in fields(Record)}
    lines = [DICTIONARY_INTRO.format(version=SCHEMA_VERSION),
             "## Identity and provenance (every record table)", "", _docstring(Record), "",
             *_field_rows("quantities", provenance), ""]
    for table, cls in TABLES.items():
        own = {f.name for f in fields(cls)} - (provenance if issubclass(cls, Record) else set())
        lines += [f"## {table}", "", table_description(table)
                  + (" Its fields, after the identity and provenance fields:" if issubclass(cls, Record) else ""),
                  "", *_field_rows(table, own), ""]
    return "\n".join(lines)
