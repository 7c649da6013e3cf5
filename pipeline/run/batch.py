"""A whole run to disk: inputs streamed in chunks through an engine (this process, a process
pool or Dask: zhfacts.run.engines), the encoded rows handed to the writer in input order, so
one bad document never stops the batch and memory stays flat. With `incremental`, documents
unchanged since the last run in the same output folder keep their records
(zhfacts.run.incremental). One document's processing is zhfacts.run.processor.
"""

from __future__ import annotations

import errno
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zhfacts.records.types import RECORD_TABLES
from zhfacts.run.engines import chunks_of, open_engine
from zhfacts.run.incremental import PreviousRun
from zhfacts.run.processor import EncodedResult, Identity, RunOptions, check_org_model, run_identity
from zhfacts.run.write import OutputError, RunWriter
from zhfacts.stages import check_rules
from zhfacts.text.ingest import DUPLICATE_WARNING, Source, expand_inputs, iter_sources

log = logging.getLogger(__name__)
ALL_TABLES = ["documents", *RECORD_TABLES]
MAX_ERRORS_KEPT = 50  # failure messages kept for the summary; the documents table has them all


class NothingRead(RuntimeError):
    """No input held a readable document: nothing is published, the previous outputs stay."""

    def __init__(self, message: str, summary: RunSummary) -> None:
        super().__init__(message)
        self.summary = summary


# errors of the output folder's file system (read-only, full, a dangling link, no permission)
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EEXIST, errno.ENOTDIR,
                 errno.EFBIG, errno.ENOENT, errno.ELOOP, errno.EIO}


@dataclass
class RunSummary:
    out_dir: Path
    documents: int = 0
    readable: int = 0  # documents with text (processed or reused), the others are error rows
    failed: int = 0
    reused: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    chars: int = 0
    timings: Counter[str] = field(default_factory=Counter)  # seconds per stage, summed over workers
    main_cpu: float = 0.0  # CPU seconds of this process (with --jobs N: reading, writing, coordinating)
    stopped_early: bool = False

    def count(self, src: Source, result: EncodedResult | None) -> None:
        """Count one document: processed (result) or reused from the previous run (None)."""
        self.documents += 1
        self.readable += src.text is not None
        self.chars += len(src.text or "")
        if result is None:
            self.reused += 1
        elif not result.ok:
            self.failed += 1
            if len(self.errors) < MAX_ERRORS_KEPT:
                self.errors.append(result.error or "")


# Called once per document as it is written: the source and its result (None when reused).
ProgressHook = Callable[[Source, "EncodedResult | None"], None]


def run(inputs: list[str], out_dir: Path, options: RunOptions | None = None, *,
        progress: ProgressHook | None = None, **settings: Any) -> RunSummary:
    """Process every input into out_dir's tables; returns counts and the failed documents.
    Settings are RunOptions' fields, given as `options` or as keywords (backend="rjieba", jobs=2 ...)."""
    options = options or RunOptions(**settings)
    check_rules()  # a malformed rules file fails before any document is read
    check_org_model(options.org_model)  # so does a model that is unknown or not installed
    identity = run_identity(options.setup)  # the rules as read now, before any document
    started = datetime.now(UTC)
    clock, cpu = time.perf_counter(), time.process_time()
    writer = open_writer(out_dir)
    summary = RunSummary(out_dir)
    try:
        previous = PreviousRun.load(out_dir, identity) if options.incremental else None
        sources = timed(iter_sources(inputs, options.max_doc_bytes), summary.timings, "reading")
        if options.pub_date:
            sources = with_pub_date(sources, options.pub_date)
        sources = marking_duplicates(sources)
        if previous is not None:
            sources = previous.skip_unchanged(sources, lambda src: _reuse(src, writer, summary, progress))
        with open_engine(options) as engine:
            for chunk, results in engine.map(chunks_of(sources)):
                if _write_chunk(chunk, results, writer, summary, progress, options.strict):
                    summary.stopped_early = True
                    break
            summary.timings.update(engine.timings)
        if not summary.readable:
            raise NothingRead(nothing_read_message(inputs, out_dir, summary), summary)
        if previous is not None:
            previous.attach(writer)
        finishing = time.perf_counter()

        def final_manifest() -> dict[str, Any]:  # made once the tables are written, so it has their time
            summary.timings["writing"] += time.perf_counter() - finishing
            summary.seconds = time.perf_counter() - clock
            summary.main_cpu = time.process_time() - cpu
            return manifest(inputs, summary, started, options, identity)

        writer.finish(final_manifest, jobs=options.jobs)  # tables written in parallel with jobs > 1
        summary.counts = dict(writer.counts)
    except OSError as e:
        writer.abort()
        if e.errno not in OUTPUT_ERRNOS:
            raise
        raise OutputError(f"{e.filename or out_dir}: cannot write the outputs ({e.strerror or e}); "
                          f"the previous outputs in {out_dir} are unchanged") from e
    except BaseException:
        writer.abort()  # keeps a generation already published: see RunWriter.abort
        raise
    return summary


def open_writer(out_dir: Path) -> RunWriter:
    """The run's writer; an output folder that cannot be made or locked is an OutputError naming it."""
    if out_dir.is_symlink() and not out_dir.exists():
        raise OutputError(f"{out_dir}: is a link to {out_dir.readlink()}, which does not exist")
    try:
        return RunWriter(out_dir, ALL_TABLES)
    except OSError as e:
        if e.errno not in OUTPUT_ERRNOS:
            raise
        raise OutputError(f"{e.filename or out_dir}: cannot write the outputs here ({e.strerror or e})") from e


def marking_duplicates(sources: Iterable[Source]) -> Iterator[Source]:
    """Sources as they come; one whose text (sha256) an earlier source of the batch already had
    gets a warning naming it, which its documents row carries (the report counts it once)."""
    first: dict[str, str] = {}
    for src in sources:
        sha = src.sha256
        if sha is not None and sha in first:
            src = replace(src, warnings=(*src.warnings, f"{DUPLICATE_WARNING} {first[sha]} (same sha256)"))
        elif sha is not None:
            first[sha] = src.doc_id
        yield src


def with_pub_date(sources: Iterable[Source], pub_date: str) -> Iterator[Source]:
    """Sources without a pub_date of their own get the one given (--pub-date)."""
    for src in sources:
        yield replace(src, pub_date=pub_date) if src.text is not None and src.pub_date is None else src


def nothing_read_message(inputs: list[str], out_dir: Path, summary: RunSummary) -> str:
    where = ", ".join(inputs)
    if not summary.documents:
        found = f"no supported files (*.txt, *.md, *.jsonl) in {where}"
    else:
        found = f"none of the {summary.documents} documents in {where} could be read"
    return f"{found}; nothing was written, the outputs in {out_dir} are unchanged"


def _write_chunk(chunk: list[Source], results: list[EncodedResult], writer: RunWriter, summary: RunSummary,
                 progress: ProgressHook | None, strict: bool) -> bool:
    """Write a chunk's results in order; True when --strict must stop at a failed document."""
    for src, result in zip(chunk, results, strict=True):
        with _timed(summary.timings, "writing"):
            writer.add_encoded(result.doc_id, result.blocks)
            if src.text is not None:
                writer.add_text(src.doc_id, src.text)
        summary.count(src, result)
        if progress:
            progress(src, result)
        if strict and not result.ok:
            return True
    return False


def _reuse(src: Source, writer: RunWriter, summary: RunSummary, progress: ProgressHook | None) -> None:
    writer.add_text(src.doc_id, src.text or "")
    summary.count(src, None)
    if progress:
        progress(src, None)


def input_bytes(inputs: Iterable[str]) -> int | None:
    """Total size of the input files (the progress bar's 100%), or None when stdin is read."""
    total = 0
    for item in expand_inputs(inputs):
        if isinstance(item, str):
            return None
        try:
            total += item.stat().st_size
        except OSError:
            continue
    return total


def timed(items: Iterable[Any], timings: Counter[str], name: str) -> Iterator[Any]:
    """Yield items, adding the time spent producing them to timings[name]."""
    iterator = iter(items)
    while True:
        with _timed(timings, name):
            item = next(iterator, _END)
        if item is _END:
            return
        yield item


_END = object()


@contextmanager
def _timed(timings: Counter[str], name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[name] += time.perf_counter() - started


def manifest(inputs: list[str], summary: RunSummary, started: datetime, options: RunOptions,
             identity: Identity) -> dict[str, Any]:
    return {
        **identity,
        "tool": "zhfacts",
        "inputs": list(inputs),
        "input_count": summary.documents,
        "failed_count": summary.failed,
        "processed_count": summary.documents - summary.reused,
        "reused_count": summary.reused,
        "stopped_early": summary.stopped_early,
        "engine": options.engine,
        "jobs": options.jobs,
        "input_chars": summary.chars,
        "seconds": round(summary.seconds, 3),
        "stage_seconds": {k: round(v, 3) for k, v in sorted(summary.timings.items())},
        "main_cpu_seconds": round(summary.main_cpu, 3),
        "record_counts": {},  # filled in by the writer
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
    }
