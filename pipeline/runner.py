"""Processing documents: repair, segment, extract, build records; and a whole run to disk.

`DocumentProcessor` holds one spaCy pipeline (built once per process) and turns a Source
into its `documents` row and its records. `run()` streams sources in chunks through an
engine (this process, a process pool or Dask: pipeline/engines.py) and hands the encoded rows
to the writer in input order, so one bad document never stops the batch and memory stays
flat. With `incremental`, documents unchanged since the last run in the same output folder
keep their records (pipeline/incremental.py).
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.article import Article
from pipeline.components import build_pipeline, records_from_doc
from pipeline.ingest import Source, expand_inputs, iter_sources
from pipeline.records import RECORD_TABLES, SCHEMA_VERSION, Document
from pipeline.repair import repair
from pipeline.rules import fingerprint, validate_all
from pipeline.schema import SchemaError
from pipeline.segment import DEFAULT_BACKEND
from pipeline.write import RunWriter, encode_rows

log = logging.getLogger(__name__)
ALL_TABLES = ["documents", *RECORD_TABLES]
DEFAULT_DOC_TIMEOUT = 300.0  # seconds; a 1 MB article takes a few seconds, so this only stops the pathological
MAX_ERRORS_KEPT = 50  # failure messages kept for the summary; the documents table has them all


@dataclass
class DocResult:
    """One document's row and its records, as plain dicts ready to write."""

    document: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    raw: str | None = None

    @property
    def ok(self) -> bool:
        return self.document["status"] == "ok"

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        return {"documents": [self.document], **self.tables}


@dataclass
class EncodedResult:
    """One document's rows as validated JSONL blocks per table: what workers send back."""

    doc_id: str
    error: str | None
    blocks: dict[str, bytes]

    @property
    def ok(self) -> bool:
        return self.error is None


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def as_row(record: Any) -> dict[str, Any]:
    """A record (flat dataclass) as a dict: dataclasses.asdict deep-copies every value, 10x slower."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


def error_document(src: Source, message: str) -> dict[str, Any]:
    return as_row(Document(doc_id=src.doc_id, path=src.path, sha256=src.sha256, status="error",
                           error=message, source=src.source))


class DocumentTimeout(BaseException):
    """A document ran past its time budget. A BaseException, so that no `except Exception`
    in an extractor can swallow it."""


class DocumentProcessor:
    """Repairs and annotates documents with one pipeline, built once per process.
    `timings` adds up the seconds spent in each stage (repair, segmentation, each extractor ...)."""

    def __init__(self, backend: str = DEFAULT_BACKEND) -> None:
        self.backend = backend
        self.nlp = build_pipeline(backend)
        self.timings: Counter[str] = Counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] += time.perf_counter() - started

    def article(self, src: Source) -> Article:
        from pipeline.extract.times import infer_pub_date, parse_date

        assert src.text is not None
        with self.stage("repair"):
            repaired = repair(src.text)
        warnings = list(repaired.warnings)
        pub_date, pub_date_source = parse_date(src.pub_date), "metadata"
        if src.pub_date and pub_date is None:
            warnings.append(f"pub_date {src.pub_date!r} cannot be read as a date; looked for one in the text")
        if pub_date is None:
            with self.stage("pub_date"):  # the page's own lines: repair may join a date line to the title
                pub_date = infer_pub_date(src.text) or infer_pub_date(repaired.text)
            pub_date_source = "inferred" if pub_date else None
        return Article(doc_id=src.doc_id, raw=src.text, text=repaired.text, offsets=repaired.offsets,
                       sentences=repaired.sentences, paragraphs=repaired.paragraphs, sha256=src.sha256 or "",
                       pub_date=pub_date, pub_date_source=pub_date_source, warnings=warnings)

    def annotate(self, article: Article):
        with self.stage("segmentation"):
            doc = self.nlp.make_doc(article.text)
        doc._.article = article
        for name, component in self.nlp.pipeline:
            with self.stage(name.removeprefix("zhfacts_")):
                doc = component(doc)
        return doc

    def process(self, src: Source) -> DocResult:
        """The document's row and records; an exception becomes an error row, never a crash."""
        if src.error is not None:
            return DocResult(error_document(src, src.error))
        try:
            article = self.article(src)
            annotated = self.annotate(article)
            with self.stage("records"):
                records = records_from_doc(annotated)
        except Exception as e:  # one document's failure must not stop the batch
            log.exception("internal error on %s", src.path)
            return DocResult(error_document(src, f"{src.path}: internal error while processing: "
                                                 f"{type(e).__name__}: {e}"))
        document = Document(
            doc_id=src.doc_id, path=src.path, sha256=src.sha256, status="ok",
            pub_date=article.pub_date.isoformat() if article.pub_date else None,
            pub_date_source=article.pub_date_source, n_chars=len(src.text or ""),
            n_sentences=len(article.sentences), warnings=article.warnings, source=src.source)
        tables = {t: [as_row(r) for r in rows] for t, rows in records.items()}
        return DocResult(as_row(document), tables, src.text)

    def process_within(self, src: Source, seconds: float | None) -> DocResult:
        """process(), stopped after `seconds`: a document that runs past it becomes an error row."""
        try:
            with time_budget(seconds):
                return self.process(src)
        except DocumentTimeout:
            log.warning("%s: stopped after %gs", src.path, seconds)
            self.nlp = build_pipeline(self.backend)  # an interrupted component's state is not trusted
            return DocResult(error_document(src, f"{src.path}: took longer than the time budget of {seconds:g}s "
                                                 "per document (--doc-timeout); skipped"))

    def encode(self, src: Source, seconds: float | None = None) -> EncodedResult:
        """The document processed within its budget, its rows validated and encoded as JSONL."""
        result = self.process_within(src, seconds)
        with self.stage("encoding"):
            try:
                blocks = {t: encode_rows(t, rows) for t, rows in result.rows().items()}
            except SchemaError as e:
                result = DocResult(error_document(src, f"{src.path}: internal error: a record does not fit "
                                                       f"the output schema ({e})"))
                blocks = {"documents": encode_rows("documents", [result.document])}
        return EncodedResult(src.doc_id, result.document["error"], blocks)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this thread when the block runs longer than `seconds`.

    In the main thread a SIGALRM timer interrupts anything, regular expressions included;
    in another thread (Dask workers run tasks in threads) the exception is raised at the
    thread's next Python instruction."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _thread_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def expire(signum, frame):
        if armed:
            raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)  # not raised yet: withdraw it
        timer.cancel()


@dataclass
class RunSummary:
    out_dir: Path
    documents: int = 0
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
        self.chars += len(src.text or "")
        if result is None:
            self.reused += 1
        elif not result.ok:
            self.failed += 1
            if len(self.errors) < MAX_ERRORS_KEPT:
                self.errors.append(result.error or "")


@dataclass(frozen=True)
class RunOptions:
    """How a run is carried out (the segmenter aside, none of these can change a record)."""

    backend: str = DEFAULT_BACKEND
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    incremental: bool = False
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT
    strict: bool = False


# Called once per document as it is written: the source and its result (None when reused).
ProgressHook = Callable[[Source, "EncodedResult | None"], None]


def run(inputs: list[str], out_dir: Path, options: RunOptions | None = None, *,
        progress: ProgressHook | None = None, **settings: Any) -> RunSummary:
    """Process every input into out_dir's tables; returns counts and the failed documents.
    Settings are RunOptions' fields, given as `options` or as keywords (backend="rjieba", jobs=2 ...)."""
    from pipeline.engines import chunks_of, open_engine
    from pipeline.incremental import PreviousRun

    options = options or RunOptions(**settings)
    validate_all()  # a malformed rules file fails before any document is read
    identity = run_identity(options.backend)  # the rules as read now, before any document
    started = datetime.now(UTC)
    clock, cpu = time.perf_counter(), time.process_time()
    writer = RunWriter(out_dir, ALL_TABLES)
    summary = RunSummary(out_dir)
    try:
        previous = PreviousRun.load(out_dir, identity) if options.incremental else None
        sources = timed(iter_sources(inputs), summary.timings, "reading")
        if previous is not None:
            sources = previous.skip_unchanged(sources, lambda src: _reuse(src, writer, summary, progress))
        with open_engine(options) as engine:
            for chunk, results in engine.map(chunks_of(sources)):
                if _write_chunk(chunk, results, writer, summary, progress, options.strict):
                    summary.stopped_early = True
                    break
            summary.timings.update(engine.timings)
        if previous is not None:
            previous.attach(writer)
        finishing = time.perf_counter()

        def final_manifest() -> dict[str, Any]:  # made once the tables are written, so it has their time
            summary.timings["writing"] += time.perf_counter() - finishing
            summary.seconds = time.perf_counter() - clock
            summary.main_cpu = time.process_time() - cpu
            return manifest(inputs, summary, started, options, identity)

        writer.finish(final_manifest)
        summary.counts = dict(writer.counts)
    except BaseException:
        writer.abort()
        raise
    return summary


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


def run_identity(backend: str) -> dict[str, str]:
    """What decides the records besides the documents themselves: an incremental run reuses
    earlier records only when all of it is unchanged."""
    return {"schema_version": SCHEMA_VERSION, "tool_version": __version__,
            "rules_fingerprint": fingerprint(), "segmenter": backend}


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
             identity: dict[str, str]) -> dict[str, Any]:
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
