"""Writing a run's tables: streamed to disk as documents finish, published atomically.

Rows are validated against their table's schema and spooled to disk per document, so
memory stays flat however large the batch. `finish()` writes every table in contract
order (doc_id, then start) as JSONL and Parquet into a new generation folder
`OUT/.zhfacts/gen-<id>/`, then switches the symlink `OUT/.zhfacts/current` to it with one
atomic rename. Beside the tables, `OUT/texts.jsonl` keeps each document's decoded raw
text for the audit report. `OUT/<table>.jsonl`, `OUT/<table>.parquet` and `OUT/manifest.json` are
links through `current`, so a reader, or a run killed at any moment, sees either the
previous complete set of tables or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import arrow_schema, validate_row

STATE_DIR = ".zhfacts"
CURRENT = "current"
TEXTS = "texts"  # not a contract table: the raw texts the audit report shows
PARQUET_BATCH = 5000


def dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


class TableSpool:
    """One table's rows on disk, appended per document, read back in doc_id order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.open("w+b")
        self.ranges: dict[str, tuple[int, int]] = {}

    def add(self, doc_id: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = "".join(dumps(r) + "\n" for r in rows).encode("utf-8")
        start = self.file.seek(0, os.SEEK_END)
        self.file.write(data)
        self.ranges[doc_id] = (start, len(data))

    def lines_in_order(self) -> Iterator[bytes]:
        self.file.flush()
        for doc_id in sorted(self.ranges):
            start, length = self.ranges[doc_id]
            self.file.seek(start)
            yield from self.file.read(length).splitlines(keepends=True)

    def close(self) -> None:
        self.file.close()


class RunWriter:
    """Collects a run's rows and publishes the tables atomically."""

    def __init__(self, out_dir: Path, tables: list[str], texts: bool = True) -> None:
        self.out_dir = out_dir
        self.tables = tables
        self.texts = texts
        self.state = out_dir / STATE_DIR
        self.state.mkdir(parents=True, exist_ok=True)
        self.generation = self.state / f"gen-{uuid.uuid4().hex[:12]}"
        self.spool_dir = self.generation / "spool"
        self.spool_dir.mkdir(parents=True)
        self.spools = {t: TableSpool(self.spool_dir / f"{t}.jsonl") for t in tables}
        self.text_spool = TableSpool(self.spool_dir / f"{TEXTS}.jsonl")
        self.counts = dict.fromkeys(tables, 0)

    def add(self, doc_id: str, rows_by_table: dict[str, list[dict[str, Any]]]) -> None:
        for table, rows in rows_by_table.items():
            for row in rows:
                validate_row(table, row)
            self.spools[table].add(doc_id, rows)
            self.counts[table] += len(rows)

    def add_text(self, doc_id: str, raw: str) -> None:
        """Keep the document's decoded raw text for the audit report (OUT/texts.jsonl)."""
        if self.texts:
            self.text_spool.add(doc_id, [{"doc_id": doc_id, "raw": raw}])

    def finish(self, manifest: dict[str, Any]) -> Path:
        """Write every table and the manifest into the generation, then make it current."""
        for table, spool in self.spools.items():
            write_jsonl(self.generation / f"{table}.jsonl", spool.lines_in_order())
            write_parquet(self.generation / f"{table}.parquet", table, spool.lines_in_order())
            spool.close()
        files = self.tables_files()
        if self.texts:
            write_jsonl(self.generation / f"{TEXTS}.jsonl", self.text_spool.lines_in_order())
            files.append(f"{TEXTS}.jsonl")
        self.text_spool.close()
        shutil.rmtree(self.spool_dir)
        write_atomic(self.generation / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        fsync_dir(self.generation)
        publish(self.out_dir, self.generation, [*files, "manifest.json"])
        return self.out_dir

    def tables_files(self) -> list[str]:
        return [f"{t}.{ext}" for t in self.tables for ext in ("jsonl", "parquet")]

    def abort(self) -> None:
        for spool in [*self.spools.values(), self.text_spool]:
            spool.close()
        shutil.rmtree(self.generation, ignore_errors=True)


def write_jsonl(path: Path, lines: Iterator[bytes]) -> None:
    with path.open("wb") as f:
        for line in lines:
            f.write(line)
        f.flush()
        os.fsync(f.fileno())


def write_parquet(path: Path, table: str, lines: Iterator[bytes]) -> None:
    """Parquet in batches, with the table's Arrow schema (an empty table keeps its columns)."""
    schema = arrow_schema(table)
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for line in lines:
            batch.append(json.loads(line))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def write_atomic(path: Path, text: str) -> None:
    """Write a file through a temp file in the same folder and a rename."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(out_dir: Path, generation: Path, names: list[str]) -> None:
    """Point OUT/.zhfacts/current at the generation (one atomic rename), make sure each
    OUT/<name> links through it, and remove the generations no longer current."""
    state = generation.parent
    tmp_link = state / f".current-{uuid.uuid4().hex[:8]}"
    os.symlink(generation.name, tmp_link)
    os.replace(tmp_link, state / CURRENT)
    for name in names:
        link = out_dir / name
        target = Path(STATE_DIR) / CURRENT / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        tmp = out_dir / f".{name}.{uuid.uuid4().hex[:8]}.link"
        os.symlink(target, tmp)
        os.replace(tmp, link)
    fsync_dir(state)
    for old in state.glob("gen-*"):
        if old != generation:
            shutil.rmtree(old, ignore_errors=True)
