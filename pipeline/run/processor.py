"""One document's processing: repair, segmentation, the extraction stages and records, within
a time budget; a failure becomes the document's error row, never a crash. Also what a run is
configured with (RunOptions) and what decides its records (run_identity), which the engines
and incremental runs compare.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from zhfacts._version import __version__
from zhfacts.extract.orgs.model import lac_model
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.segment import DEFAULT_BACKEND, load_segmenter, tokenize
from zhfacts.records.build import build_rows
from zhfacts.records.schema import SchemaError
from zhfacts.records.types import SCHEMA_VERSION, Document
from zhfacts.rules import RulesError, fingerprint
from zhfacts.run.write import encode_rows
from zhfacts.stages import STAGES
from zhfacts.text.article import Article
from zhfacts.text.ingest import DEFAULT_MAX_DOC_BYTES, Source
from zhfacts.text.prepare import prepare_article

log = logging.getLogger(__name__)
DEFAULT_DOC_TIMEOUT = 300.0  # seconds; a 1 MB article takes a few seconds, so this only stops the pathological


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


@dataclass(frozen=True)
class Setup:
    """What a processor is built with, and what besides the rules decides its records: the
    segmenter, and the optional statistical organization source ("" for none, "lac")."""

    backend: str = DEFAULT_BACKEND
    org_model: str = ""


Identity = dict[str, str | None]  # run_identity(): what besides the documents decides the records
ORG_MODELS = ("lac",)  # statistical organization sources: pipeline/extract/orgs/model.py


def check_org_model(name: str) -> None:
    """Raises ValueError for an unknown model, ModelUnavailable when its package is missing; loads
    the model, so a run fails before its first document, not on every one."""
    if not name:
        return
    if name not in ORG_MODELS:
        raise ValueError(f"unknown organization model {name!r} (known: {', '.join(ORG_MODELS)})")
    lac_model()


class DocumentProcessor:
    """Repairs, segments and annotates documents (segmenter, rules and the optional organization
    model loaded once per process). `timings` adds up the seconds spent in each stage (repair,
    segmentation, each extractor ...)."""

    def __init__(self, backend: str = DEFAULT_BACKEND, org_model: str = "") -> None:
        self.backend = backend
        load_segmenter(backend)  # the dictionaries load now, not inside the first document's time budget
        check_org_model(org_model)
        self.stage_settings = {"organizations": {"model": org_model}} if org_model else {}
        self.timings: Counter[str] = Counter()

    @classmethod
    def of(cls, setup: Setup) -> DocumentProcessor:
        return cls(setup.backend, setup.org_model)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] += time.perf_counter() - started

    def article(self, src: Source) -> Article:
        assert src.text is not None
        return prepare_article(src.doc_id, src.text, sha256=src.sha256, pub_date=src.pub_date,
                               warnings=src.warnings, stage=self.stage)

    def annotate(self, article: Article) -> Analysis:
        """Every stage's hits for the article, in the order the stages run."""
        with self.stage("segmentation"):
            doc = Analysis(article, tokenize(article.text, self.backend))
        for stage in STAGES:
            with self.stage(stage.name):
                stage.run(doc, **self.stage_settings.get(stage.name, {}))
        return doc

    def process(self, src: Source) -> DocResult:
        """The document's row and records; an exception becomes an error row, never a crash."""
        if src.error is not None:
            return DocResult(error_document(src, src.error))
        try:
            article = self.article(src)
            annotated = self.annotate(article)
            with self.stage("records"):
                tables = build_rows(article, annotated.hits)
        except RulesError:
            raise  # a broken rules file fails every document: the run stops, publishes nothing (exit 2)
        except Exception as e:  # one document's failure must not stop the batch
            log.info("internal error on %s", src.path, exc_info=True)  # the row says it; -v adds the traceback
            return DocResult(error_document(src, f"{src.path}: internal error while processing: "
                                                 f"{type(e).__name__}: {e}"))
        document = Document(  # the article's sha256 is src.sha256, hashed once (Source hashes on each read)
            doc_id=src.doc_id, path=src.path, sha256=article.sha256, status="ok",
            pub_date=article.pub_date.isoformat() if article.pub_date else None,
            pub_date_source=article.pub_date_source, n_chars=len(src.text or ""),
            n_sentences=len(article.sentences), warnings=article.warnings, source=src.source)
        return DocResult(as_row(document), tables, src.text)

    def process_within(self, src: Source, seconds: float | None) -> DocResult:
        """process(), stopped after `seconds`: a document that runs past it becomes an error row."""
        try:
            with time_budget(seconds):
                return self.process(src)
        except DocumentTimeout:
            log.warning("%s: stopped after %gs", src.path, seconds)
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


@dataclass(frozen=True)
class RunOptions:
    """How a run is carried out (the segmenter and the organization model aside, none of these
    can change a record)."""

    backend: str = DEFAULT_BACKEND
    org_model: str = ""  # "lac": Baidu LAC's organizations where the rules found none (the org-model extra)
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    incremental: bool = False
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT
    strict: bool = False
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES  # a larger document (file, JSONL line) is an error row
    pub_date: str | None = None  # the publication date of inputs that carry none (plain text files)


    @property
    def setup(self) -> Setup:
        return Setup(self.backend, self.org_model)


def run_identity(setup: Setup) -> Identity:
    """What decides the records besides the documents themselves: an incremental run reuses
    earlier records only when all of it is unchanged. No organization model is null, as a
    manifest written before the option existed reads."""
    return {"schema_version": SCHEMA_VERSION, "tool_version": __version__, "rules_fingerprint": fingerprint(),
            "segmenter": setup.backend, "org_model": setup.org_model or None}
