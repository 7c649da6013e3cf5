"""Reading a store for the command line: any read-only SQL, the panel as a file, conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from zhfacts.store.db import reading
from zhfacts.store.errors import StoreError

PANEL_FORMATS = {".parquet": "parquet", ".csv": "csv"}


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


def run_query(db: Path, sql: str) -> Result:
    """Any SQL on a read-only connection: a query cannot change the store."""
    with reading(db) as con:
        try:
            cursor = con.execute(sql)
        except duckdb.Error as e:
            raise StoreError(f"query failed: {e}") from None
        if cursor.description is None:
            return Result([], [])
        return Result([d[0] for d in cursor.description], cursor.fetchall())


def has_view(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])
                .fetchone()[0])


def export_panel(db: Path, out: Path) -> int:
    """Write the panel to a .parquet or .csv file (sources as JSON text in CSV); returns rows."""
    out = Path(out)
    fmt = PANEL_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise StoreError(f"{out}: the panel is written as .parquet or .csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    with reading(db) as con:
        if not has_view(con, "panel"):
            raise StoreError(f"{db}: the store has no claims yet")
        select = "SELECT * REPLACE (to_json(sources)::VARCHAR AS sources) FROM panel" if fmt == "csv" \
            else "SELECT * FROM panel"
        tmp = out.with_name(f".{out.name}.tmp")
        con.execute(f"COPY ({select}) TO '{str(tmp).replace(chr(39), chr(39) * 2)}' (FORMAT {fmt})")
        tmp.replace(out)
        return con.execute("SELECT count(*) FROM panel").fetchone()[0]


CONFLICT_COLUMNS = ("district", "metric_key", "period", "modality", "value", "value_min", "value_max", "approx",
                    "unit", "n_documents", "review")


def conflicts(db: Path) -> Result:
    """Every amount of every conflicting group, with the documents that give it."""
    with reading(db) as con:
        if not has_view(con, "conflicts"):
            return Result([*CONFLICT_COLUMNS, "documents"], [])
        cols = ", ".join(f'"{c}"' for c in CONFLICT_COLUMNS)
        cursor = con.execute(f"SELECT {cols}, list_distinct([s.doc_id FOR s IN sources]) AS documents "
                             "FROM conflicts")
        return Result([d[0] for d in cursor.description], cursor.fetchall())
