"""Opening a store: writers one at a time (a lock file beside the store, then DuckDB's own
file lock), readers read-only. A second writer gets StoreBusy, never a half-written file:
every change is one DuckDB transaction, which a killed process leaves uncommitted."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import duckdb

from zhfacts.store.errors import StoreBusy, StoreError
from zhfacts.store.schema import create_fixed_tables


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _take_lock(db: Path) -> BinaryIO:
    f = lock_path(db).open("ab")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        raise StoreBusy(f"{db}: another zhfacts process is writing this store (lock {lock_path(db)}); "
                        "try again when it has finished") from None
    return f


def _connect(db: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(db), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreBusy(f"{db}: the store is open for writing in another process ({e})") from None
        raise StoreError(f"{db}: cannot open the store: {e}") from None
    except duckdb.Error as e:
        raise StoreError(f"{db}: not a DuckDB store: {e}") from None


@contextmanager
def writing(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, the store created when missing; held by one writer at a time."""
    db = Path(db)
    if db.exists() and db.is_dir():
        raise StoreError(f"{db}: is a folder, not a store file")
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = _take_lock(db)
    try:
        con = _connect(db, read_only=False)
        try:
            create_fixed_tables(con)
            yield con
        finally:
            con.close()
    finally:
        lock.close()


@contextmanager
def reading(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to an existing store."""
    db = Path(db)
    if not db.is_file():
        raise StoreError(f"{db}: no such store (zhfacts store add OUT --db {db} creates it)")
    con = _connect(db, read_only=True)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All or nothing: committed when the block ends, rolled back on any error."""
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                      "WHERE table_schema = 'main' AND table_type = 'BASE TABLE'").fetchall()}


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """Column name -> DuckDB type, in table order."""
    rows = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    return dict(rows)
