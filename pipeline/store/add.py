"""Adding a finished output folder (OUT/<table>.parquet, OUT/manifest.json, OUT/texts.jsonl)
to the store as a new batch, in one transaction: a killed add leaves the store as it was.

Every column a table has in the folder is copied (a column new to the store is added to its
table first), plus batch_id and the document's sha256, which keys facts across batches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from zhfacts.store.db import columns_of, table_names, transaction, writing
from zhfacts.store.errors import StoreError
from zhfacts.store.schema import OUTPUT_TABLES
from zhfacts.store.views import create_views

MANIFEST = "manifest.json"
TEXTS = "texts.jsonl"
MAX_TEXT_BYTES = 2**30  # DuckDB's JSON reader refuses larger objects than its limit: one document may be big


@dataclass(frozen=True)
class AddedBatch:
    batch_id: int
    source: Path
    counts: dict[str, int]


def published_folder(out: Path) -> Path:
    """The folder holding the run's files: the generation OUT/.zhfacts/current points at, read
    once so that a run publishing meanwhile cannot mix two generations; else OUT itself."""
    current = out / ".zhfacts" / "current"
    return current.resolve() if current.is_symlink() and current.resolve().is_dir() else out


def read_manifest(folder: Path, out: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise StoreError(f"{out}: not a finished zhfacts output folder (no {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise StoreError(f"{out}/{MANIFEST}: not JSON: {e}") from None
    if not isinstance(manifest, dict):
        raise StoreError(f"{out}/{MANIFEST}: not a JSON object")
    return manifest


def check_output(out: Path) -> Path:
    if not out.is_dir():
        raise StoreError(f"{out}: no such output folder")
    folder = published_folder(out)
    if not (folder / "documents.parquet").is_file():
        raise StoreError(f"{out}: not a zhfacts output folder (no documents.parquet)")
    return folder


def parquet_columns(con: duckdb.DuckDBPyConnection, path: Path) -> dict[str, str]:
    try:
        rows = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
    except duckdb.Error as e:
        raise StoreError(f"{path}: not a readable Parquet file: {e}") from None
    return {name: kind for name, kind, *_ in rows}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_table(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str]) -> None:
    """Create the table, or add the columns it lacks (older batches read them as NULL)."""
    wanted = {"batch_id": "BIGINT", "sha256": "VARCHAR", **columns}
    if table not in table_names(con):
        body = ", ".join(f"{quote(name)} {kind}" for name, kind in wanted.items())
        con.execute(f"CREATE TABLE {quote(table)} ({body})")
        return
    have = columns_of(con, table)
    for name, kind in wanted.items():
        if name not in have:
            con.execute(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(name)} {kind}")


def insert_table(con: duckdb.DuckDBPyConnection, table: str, folder: Path, batch_id: int) -> int:
    """Copy OUT/<table>.parquet into the store; facts get their document's sha256."""
    path = folder / f"{table}.parquet"
    if not path.is_file():
        return 0
    ensure_table(con, table, parquet_columns(con, path))
    before = con.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
    if table == "documents":
        con.execute("INSERT INTO documents BY NAME SELECT f.*, ?::BIGINT AS batch_id FROM read_parquet(?) f",
                    [batch_id, str(path)])
    else:
        con.execute(
            f"INSERT INTO {quote(table)} BY NAME SELECT f.*, d.sha256 AS sha256, ?::BIGINT AS batch_id "
            "FROM read_parquet(?) f "
            "LEFT JOIN (SELECT doc_id, sha256 FROM documents WHERE batch_id = ?) d ON f.doc_id = d.doc_id",
            [batch_id, str(path), batch_id])
    return con.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0] - before


def insert_texts(con: duckdb.DuckDBPyConnection, folder: Path, batch_id: int) -> None:
    """Each new document text once, by sha256 (the review app and exported gold show it)."""
    path = folder / TEXTS
    if not path.is_file():
        return
    con.execute(
        "INSERT INTO texts SELECT DISTINCT ON (d.sha256) d.sha256, t.raw "
        "FROM read_json(?, format = 'newline_delimited', columns = {doc_id: 'VARCHAR', raw: 'VARCHAR'}, "
        f"maximum_object_size = {MAX_TEXT_BYTES}) t "
        "JOIN documents d ON d.doc_id = t.doc_id AND d.batch_id = ? "
        "WHERE d.sha256 IS NOT NULL AND t.raw IS NOT NULL AND d.sha256 NOT IN (SELECT sha256 FROM texts)",
        [str(path), batch_id])


def insert_batch(con: duckdb.DuckDBPyConnection, batch_id: int, out: Path, manifest: dict[str, Any],
                 counts: dict[str, int]) -> None:
    names = ("tool_version", "schema_version", "rules_fingerprint")
    con.execute(
        "INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [batch_id, datetime.now(UTC), *(manifest.get(n) for n in names), str(out.resolve()),
         *(counts.get(t, 0) for t in OUTPUT_TABLES), json.dumps(manifest, ensure_ascii=False)])


def add_folder(con: duckdb.DuckDBPyConnection, out: Path) -> AddedBatch:
    """Add one output folder as a new batch, all or nothing, on an open writing connection."""
    out = Path(out)
    folder = check_output(out)
    manifest = read_manifest(folder, out)
    try:
        with transaction(con):
            batch_id = con.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM batches").fetchone()[0]
            counts = {table: insert_table(con, table, folder, batch_id) for table in OUTPUT_TABLES}
            insert_texts(con, folder, batch_id)
            insert_batch(con, batch_id, out, manifest, counts)
            create_views(con)
    except duckdb.Error as e:  # a column whose type changed, a file that vanished: nothing was added
        raise StoreError(f"{out}: cannot be added to the store: {e}") from None
    return AddedBatch(batch_id, out, counts)


def add_output(db: Path, out: Path) -> AddedBatch:
    """`zhfacts store add OUT --db FILE`: the store is created when missing."""
    with writing(db) as con:
        return add_folder(con, out)
