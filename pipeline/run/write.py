"""Writing a run's tables: streamed to disk as documents finish, published atomically.

Rows arrive per document as ready-made JSONL blocks (validated where they were made). Each
table buffers its blocks in memory up to a budget, then writes them as a run sorted by doc_id;
`finish()` merges the runs (an external merge sort, so memory stays flat however large the
batch) and writes every table in contract order (doc_id, then start) as JSONL and Parquet
into a new generation folder `OUT/.zhfacts/gen-<id>/`, then switches the symlink
`OUT/.zhfacts/current` to it with one atomic rename. Beside the tables, `OUT/texts.jsonl`
keeps each document's decoded raw text for the audit report. `OUT/<table>.jsonl`,
`OUT/<table>.parquet` and `OUT/manifest.json` are links through `current`, so a reader, or a
run killed at any moment, sees either the previous complete set of tables or the new one,
never a mix. A lock file keeps two runs from writing one output folder at the same time.
"""

from __future__ import annotations

import contextlib
import fcntl
import heapq
import io
import json
import multiprocessing
import os
import shutil
import struct
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from zhfacts.records.schema import arrow_schema, floats_as_orjson_writes, validate_row
from zhfacts.run.lifetime import die_with_parent

if TYPE_CHECKING:
    import pyarrow as pa

STATE_DIR = ".zhfacts"
CURRENT = "current"
LOCK = "lock"
TEXTS = "texts"  # not a contract table: the raw texts the audit report shows
PARQUET_BATCH = 5000
JSON_BLOCK = 4 * 2**20  # bytes of JSONL Arrow parses at a time when writing Parquet
SPOOL_BUDGET = 64 * 2**20  # bytes of rows held in memory, all tables together, before runs are written
MERGE_FAN_IN = 64  # at most this many runs of a table are open at once; more are merged first
_HEADER = struct.Struct("<IQ")  # a block in a run file: len(doc_id), len(rows), doc_id, rows

Block = tuple[str, bytes]  # (doc_id, that document's JSONL lines)


class OutputBusy(RuntimeError):
    """Another run holds the output folder."""


class OutputError(RuntimeError):
    """The output folder cannot be written (read-only, full, a dangling link): an environment
    error, not a bug; the message names the path."""


# Lock files this process holds. A forked child (a pool worker) closes its copies at once:
# an flock belongs to the open file, so a worker outliving its parent would keep the output
# folder locked for every later run.
_HELD_LOCKS: set[BinaryIO] = set()


def _drop_inherited_locks() -> None:
    for f in list(_HELD_LOCKS):
        f.close()
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited_locks)


# The reference encoding: json.dumps with options builds a new JSONEncoder per call, so one is kept.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(row: dict[str, Any]) -> str:
    return _ENCODER.encode(row)


def encode_line(row: dict[str, Any]) -> bytes:
    """One row as a JSONL line, byte for byte what the reference encoder writes. orjson (3x faster)
    differs from it only for floats (NaN, infinities, and below 1e-4 in magnitude, which the
    callers keep from it: see encode_rows), ints beyond 64 bits and lone surrogates (it raises)."""
    try:
        return orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        return (_ENCODER.encode(row) + "\n").encode("utf-8")


def encode_rows(table: str, rows: list[dict[str, Any]]) -> bytes:
    """A document's rows of one table as validated JSONL bytes (SchemaError if one does not fit)."""
    if not rows:
        return b""
    for row in rows:
        validate_row(table, row)
    if not floats_as_orjson_writes(table, rows):
        return ("\n".join(map(_ENCODER.encode, rows)) + "\n").encode("utf-8")
    if len(rows) == 1:  # a copy: orjson's own bytes object holds several times its length while it waits
        return bytes(memoryview(encode_line(rows[0])))
    return b"".join(map(encode_line, rows))


def load_arrow() -> None:
    """Import pyarrow and its JSON reader and Parquet writer (with numpy, 0.13 CPU s), done when
    the first document's rows arrive: with a process pool the workers are busy by then (they
    never need Arrow), and the forked table writers inherit it."""
    import pyarrow.json
    import pyarrow.parquet  # noqa: F401


class TableSpool:
    """One table's rows: blocks buffered in memory, written as runs sorted by doc_id, merged on read."""

    def __init__(self, folder: Path, table: str) -> None:
        self.folder = folder
        self.table = table
        self.buffer: list[Block] = []
        self.buffered = 0
        self.runs: list[Path] = []

    def add(self, doc_id: str, block: bytes) -> None:
        if block:
            self.buffer.append((doc_id, block))
            self.buffered += len(block)

    def flush(self) -> None:
        """Write the buffer as one sorted run; keep at most MERGE_FAN_IN runs."""
        if not self.buffer:
            return
        self.buffer.sort(key=itemgetter(0))
        self.runs.append(self._write_run(self.buffer))
        self.buffer, self.buffered = [], 0
        if len(self.runs) > MERGE_FAN_IN:
            merged = self._write_run(merge_blocks([read_run(p) for p in self.runs]))
            for path in self.runs:
                path.unlink()
            self.runs = [merged]

    def _write_run(self, blocks: Iterable[Block]) -> Path:
        path = self.folder / f"{self.table}.{uuid.uuid4().hex[:12]}.run"
        with path.open("wb") as f:
            for doc_id, rows in blocks:
                key = doc_id.encode("utf-8", "surrogatepass")
                f.write(_HEADER.pack(len(key), len(rows)))
                f.write(key)
                f.write(rows)
        return path

    def blocks_in_order(self, extra: Iterable[Iterator[Block]] = ()) -> Iterator[Block]:
        """Every block, runs and buffer and the extra sorted streams merged, in doc_id order."""
        self.buffer.sort(key=itemgetter(0))
        return merge_blocks([*(read_run(p) for p in self.runs), iter(self.buffer), *extra])


def merge_blocks(streams: list[Iterator[Block]]) -> Iterator[Block]:
    return heapq.merge(*streams, key=itemgetter(0))


def read_run(path: Path) -> Iterator[Block]:
    with path.open("rb") as f:
        yield from _blocks_of(f)


def _blocks_of(f: BinaryIO) -> Iterator[Block]:
    while header := f.read(_HEADER.size):
        key_len, rows_len = _HEADER.unpack(header)
        doc_id = f.read(key_len).decode("utf-8", "surrogatepass")
        yield doc_id, f.read(rows_len)


class RunWriter:
    """Collects a run's rows and publishes the tables atomically."""

    def __init__(self, out_dir: Path, tables: list[str], texts: bool = True) -> None:
        self.out_dir = out_dir
        self.tables = tables
        self.texts = texts
        self.state = out_dir / STATE_DIR
        self.state.mkdir(parents=True, exist_ok=True)
        self.lock = _lock(self.state / LOCK)
        remove_leftovers(self.state)  # partial generations of runs killed before they published
        self.generation = self.state / f"gen-{uuid.uuid4().hex[:12]}"
        self.spool_dir = self.generation / "spool"
        self.spool_dir.mkdir(parents=True)
        self.spools = {t: TableSpool(self.spool_dir, t) for t in [*tables, TEXTS]}
        self.counts = dict.fromkeys(tables, 0)
        self.reused: dict[str, list[Iterator[Block]]] = {t: [] for t in [*tables, TEXTS]}
        self.arrow_loaded = False

    def add(self, doc_id: str, rows_by_table: dict[str, list[dict[str, Any]]]) -> None:
        """Validate and add a document's rows (dicts), table by table."""
        self.add_encoded(doc_id, {t: encode_rows(t, rows) for t, rows in rows_by_table.items()})

    def add_encoded(self, doc_id: str, blocks: dict[str, bytes]) -> None:
        """Add a document's rows already encoded as JSONL blocks (see encode_rows)."""
        if not self.arrow_loaded:
            load_arrow()
            self.arrow_loaded = True
        for table, block in blocks.items():
            self.spools[table].add(doc_id, block)
        if sum(s.buffered for s in self.spools.values()) > SPOOL_BUDGET:
            for spool in self.spools.values():
                spool.flush()

    def add_text(self, doc_id: str, raw: str) -> None:
        """Keep the document's decoded raw text for the audit report (OUT/texts.jsonl)."""
        if self.texts:
            # the stdlib encoder: a bytes object orjson made holds several times its length in
            # memory, and the texts wait in the spool (orjson's lines are joined into new objects)
            self.spools[TEXTS].add(doc_id, (dumps({"doc_id": doc_id, "raw": raw}) + "\n").encode("utf-8"))

    def reuse(self, table: str, blocks: Iterator[Block]) -> None:
        """Merge a stream of earlier blocks (sorted by doc_id) into a table when it is written."""
        self.reused[table].append(blocks)

    def finish(self, manifest: dict[str, Any] | Callable[[], dict[str, Any]], jobs: int = 1) -> Path:
        """Write every table and the manifest into the generation, then make it current.
        `manifest` may be a function, called once the tables are written; its record_counts
        are filled in here, from the rows written. With jobs > 1 the tables are written by
        that many forked processes at once (each table is merged and written independently)."""
        names = [*self.tables, *([TEXTS] if self.texts else [])]
        counts = self._write_tables(names, jobs)
        for table in self.tables:
            self.counts[table] = counts[table]
        files = [f"{table}.{suffix}" for table in self.tables for suffix in ("jsonl", "parquet")]
        if self.texts:
            files.append(f"{TEXTS}.jsonl")
        shutil.rmtree(self.spool_dir)
        manifest = manifest() if callable(manifest) else manifest
        manifest["record_counts"] = dict(self.counts)
        write_atomic(self.generation / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        fsync_dir(self.generation)
        publish(self.out_dir, self.generation, [*files, "manifest.json"])
        self._unlock()
        return self.out_dir

    def write_one(self, name: str) -> int:
        """Merge and write one table (JSONL, Parquet) or the texts (JSONL); returns its rows."""
        if name == TEXTS:
            return write_jsonl(self.generation / f"{TEXTS}.jsonl", self._blocks(TEXTS))
        return write_table(self.generation, name, self._blocks(name))

    def _write_tables(self, names: list[str], jobs: int) -> dict[str, int]:
        """Rows written per table. In parallel only where processes fork: a forked child has the
        writer, its buffers and its reused streams as they are, so nothing is sent to it but a name."""
        if jobs <= 1 or len(names) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            return {name: self.write_one(name) for name in names}
        largest_first = sorted(names, key=self._size, reverse=True)  # the last to start is a short one
        with ProcessPoolExecutor(min(jobs, len(names)), mp_context=multiprocessing.get_context("fork"),
                                 initializer=_adopt_writer, initargs=(self, os.getpid())) as pool:
            futures = {name: pool.submit(_write_in_child, name) for name in largest_first}
            return {name: futures[name].result() for name in names}

    def _size(self, name: str) -> int:
        spool = self.spools[name]
        return spool.buffered + sum(path.stat().st_size for path in spool.runs)

    def _blocks(self, table: str) -> Iterator[bytes]:
        for _, block in self.spools[table].blocks_in_order(self.reused[table]):
            yield block

    def abort(self) -> None:
        """Drop the generation, unless it was already published: once `current` points at it,
        the new set is the outputs, and an interrupt after that must leave it whole."""
        if current_generation(self.out_dir) == self.generation.resolve():
            with contextlib.suppress(OSError):  # the next run makes the links; the tables are safe
                link_tables(self.out_dir, published_names(self.generation))
        else:
            shutil.rmtree(self.generation, ignore_errors=True)
        self._unlock()

    def _unlock(self) -> None:
        _HELD_LOCKS.discard(self.lock)
        if not self.lock.closed:
            self.lock.close()


# In a child forked by RunWriter._write_tables: the writer whose tables it writes. Set in the
# child only (the fork context hands initargs over without pickling), so two runs finishing in
# threads of one process never see each other's writer.
_FINISHING: RunWriter | None = None


def _adopt_writer(writer: RunWriter, parent: int) -> None:
    global _FINISHING
    _FINISHING = writer
    die_with_parent(parent)


def _write_in_child(name: str) -> int:
    assert _FINISHING is not None, "a table writer runs in a process forked by RunWriter._write_tables"
    return _FINISHING.write_one(name)


def _lock(path: Path) -> BinaryIO:
    """An exclusive lock on the output folder, held until the run finishes (the OS drops it
    when a killed run's process ends)."""
    f = path.open("ab")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        raise OutputBusy(f"{path.parent.parent}: another zhfacts run is writing this output folder") from None
    _HELD_LOCKS.add(f)
    return f


def remove_leftovers(state: Path) -> None:
    """Remove what killed runs left in the state folder: generations that are not current,
    temporary links. Called with the lock held, so no other run is writing there."""
    current = current_generation(state.parent)
    for old in state.glob("gen-*"):
        if old.resolve() != current:
            shutil.rmtree(old, ignore_errors=True)
    for stale in [*state.glob(".current-*"), *state.glob(".link-*")]:
        stale.unlink(missing_ok=True)


def published_names(generation: Path) -> list[str]:
    """The files a generation publishes as OUT/<name>: its tables, texts and manifest."""
    return sorted(p.name for p in generation.iterdir() if p.suffix in (".jsonl", ".parquet", ".json"))


def write_table(folder: Path, table: str, blocks: Iterable[bytes]) -> int:
    """Write one table as JSONL, then Parquet from it; returns the row count. Both files are
    on disk when it returns (fsync): the JSONL's only after the Parquet is written, so its data
    goes to disk while the Parquet is made, and both wait once."""
    import pyarrow as pa

    jsonl, parquet = folder / f"{table}.jsonl", folder / f"{table}.parquet"
    count = write_jsonl(jsonl, blocks, sync=False)
    try:
        jsonl_to_parquet(jsonl, parquet, table, count)
    except pa.ArrowInvalid:  # JSON that Arrow's reader refuses (NaN, say): Python's parser takes it
        jsonl_to_parquet_slowly(jsonl, parquet, table)
    fsync_file(jsonl)
    fsync_file(parquet)
    return count


def jsonl_to_parquet(jsonl: Path, parquet: Path, table: str, count: int) -> None:
    """Arrow's JSON reader on pieces of whole lines, with the table's schema: fast, and memory
    bounded by a piece (Arrow's streaming reader, open_json, kept what it had read: its memory
    grew with the table, a hundred MiB per hundred MB of JSONL)."""
    import pyarrow as pa
    import pyarrow.json as pa_json
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    with pq.ParquetWriter(parquet, schema) as writer:
        if count:
            options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
            for piece in _pieces_of_lines(jsonl, JSON_BLOCK):
                rows = pa_json.read_json(io.BytesIO(piece), parse_options=options,
                                         read_options=pa_json.ReadOptions(block_size=len(piece) + 1))
                writer.write_table(with_schema(rows, schema))
        else:  # an empty table keeps its columns (schema.empty_table() would import pandas: 0.2 CPU s)
            writer.write_table(pa.Table.from_batches([], schema=schema))


def with_schema(rows: pa.Table, schema: pa.Schema) -> pa.Table:
    """rows.cast(schema) where the JSON reader already gave every column the schema's type (it
    always does with an explicit schema): the same checks and table, without importing
    pyarrow.compute, which each forked table writer would do again (0.03 CPU s)."""
    import pyarrow as pa

    if rows.schema.names != schema.names or rows.schema.types != schema.types:
        return rows.cast(schema)
    for column, field in zip(rows.itercolumns(), schema, strict=True):
        if not field.nullable and column.null_count > 0:
            raise ValueError(f"Casting field {field.name!r} with null values to non-nullable")
    return pa.Table.from_arrays(rows.columns, schema=schema)


def _pieces_of_lines(path: Path, size: int) -> Iterator[bytes]:
    """The file in pieces of about `size` bytes, each ending at a line's end."""
    rest = b""
    with path.open("rb") as f:
        while block := f.read(size):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:  # a line longer than a piece: read on
                rest = block
                continue
            yield block[:cut]
            rest = block[cut:]
    if rest:
        yield rest


def jsonl_to_parquet_slowly(jsonl: Path, parquet: Path, table: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    with pq.ParquetWriter(parquet, schema) as writer, jsonl.open("rb") as lines:
        batch: list[dict[str, Any]] = []
        for line in lines:
            batch.append(json.loads(line))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def write_jsonl(path: Path, blocks: Iterable[bytes], sync: bool = True) -> int:
    """Write blocks of whole JSONL lines; returns the number of lines (JSON escapes every line
    break inside a value, so each b"\n" ends a row). With `sync`, on disk when it returns."""
    count = 0
    with path.open("wb") as f:
        for block in blocks:
            f.write(block)
            count += block.count(b"\n")
        if sync:
            f.flush()
            os.fsync(f.fileno())
    return count


def write_atomic(path: Path, text: str) -> None:
    """Write a file through a temp file in the same folder and a rename."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def fsync_dir(path: Path) -> None:
    """A folder's entries, or a file written and closed (Parquet's writer has no fsync of its
    own), flushed to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


fsync_file = fsync_dir  # the same call: both open read-only and fsync


def current_generation(out_dir: Path) -> Path | None:
    """The folder of the last complete run in out_dir, or None."""
    link = out_dir / STATE_DIR / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def publish(out_dir: Path, generation: Path, names: list[str]) -> None:
    """Point OUT/.zhfacts/current at the generation (one atomic rename), make sure each
    OUT/<name> links through it, and remove the generations no longer current. Only what
    zhfacts made is touched: the named links, and the state folder's own files."""
    state = generation.parent
    tmp_link = state / f".current-{uuid.uuid4().hex[:8]}"
    os.symlink(generation.name, tmp_link)
    os.replace(tmp_link, state / CURRENT)
    link_tables(out_dir, names)
    fsync_dir(state)
    remove_leftovers(state)


def link_tables(out_dir: Path, names: list[str]) -> None:
    """Make each OUT/<name> a link to .zhfacts/current/<name>. A link is made in the state
    folder and renamed into place (atomic), so nothing temporary is ever left in OUT itself."""
    state = out_dir / STATE_DIR
    for name in names:
        link = out_dir / name
        target = Path(STATE_DIR) / CURRENT / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        tmp = state / f".link-{uuid.uuid4().hex[:8]}"
        os.symlink(target, tmp)  # relative: resolved from where the link ends up, OUT/
        os.replace(tmp, link)
