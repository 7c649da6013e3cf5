"""Processing documents: repair, segment, extract, build records; and a whole run to disk.

`DocumentProcessor` holds one spaCy pipeline (built once per process) and turns a Source
into its `documents` row and its records. `run()` streams sources through it and hands
the rows to the writer, so one bad document never stops the batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.article import Article
from pipeline.components import build_pipeline, records_from_doc
from pipeline.ingest import Source, iter_sources
from pipeline.records import RECORD_TABLES, SCHEMA_VERSION, Document
from pipeline.repair import repair
from pipeline.rules import fingerprint, validate_all
from pipeline.write import RunWriter

log = logging.getLogger(__name__)
ALL_TABLES = ["documents", *RECORD_TABLES]


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


def error_document(src: Source, message: str) -> dict[str, Any]:
    return asdict(Document(doc_id=src.doc_id, path=src.path, sha256=src.sha256, status="error",
                           error=message, source=src.source))


class DocumentProcessor:
    """Repairs and annotates documents with one pipeline, built once per process."""

    def __init__(self, backend: str = "jieba") -> None:
        self.backend = backend
        self.nlp = build_pipeline(backend)

    def article(self, src: Source) -> Article:
        from pipeline.extract.times import infer_pub_date

        assert src.text is not None
        repaired = repair(src.text)
        pub_date, pub_date_source = None, None
        if src.pub_date:
            pub_date, pub_date_source = datetime.strptime(src.pub_date, "%Y-%m-%d").date(), "metadata"
        else:
            pub_date = infer_pub_date(repaired.text)
            pub_date_source = "inferred" if pub_date else None
        return Article(doc_id=src.doc_id, raw=src.text, text=repaired.text, offsets=repaired.offsets,
                       sentences=repaired.sentences, paragraphs=repaired.paragraphs, sha256=src.sha256 or "",
                       pub_date=pub_date, pub_date_source=pub_date_source, warnings=repaired.warnings)

    def annotate(self, article: Article):
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def process(self, src: Source) -> DocResult:
        """The document's row and records; an exception becomes an error row, never a crash."""
        if src.error is not None:
            return DocResult(error_document(src, src.error))
        try:
            article = self.article(src)
            records = records_from_doc(self.annotate(article))
        except Exception as e:  # one document's failure must not stop the batch
            log.exception("internal error on %s", src.path)
            return DocResult(error_document(src, f"{src.path}: internal error while processing: "
                                                 f"{type(e).__name__}: {e}"))
        document = Document(
            doc_id=src.doc_id, path=src.path, sha256=src.sha256, status="ok",
            pub_date=article.pub_date.isoformat() if article.pub_date else None,
            pub_date_source=article.pub_date_source, n_chars=len(src.text or ""),
            n_sentences=len(article.sentences), warnings=article.warnings, source=src.source)
        tables = {t: [asdict(r) for r in rows] for t, rows in records.items()}
        return DocResult(asdict(document), tables, src.text)


@dataclass
class RunSummary:
    out_dir: Path
    documents: int = 0
    failed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def process_sources(sources: Iterable[Source], backend: str = "jieba") -> Iterator[DocResult]:
    processor = DocumentProcessor(backend)
    for src in sources:
        yield processor.process(src)


def run(inputs: list[str], out_dir: Path, *, backend: str = "jieba", strict: bool = False) -> RunSummary:
    """Process every input into out_dir's tables; returns counts and the failed documents."""
    validate_all()  # a malformed rules file fails before any document is read
    started = datetime.now(UTC)
    clock = time.perf_counter()
    writer = RunWriter(out_dir, ALL_TABLES)
    summary = RunSummary(out_dir)
    try:
        for result in process_sources(iter_sources(inputs), backend):
            writer.add(result.document["doc_id"], result.rows())
            if result.raw is not None:
                writer.add_text(result.document["doc_id"], result.raw)
            summary.documents += 1
            if not result.ok:
                summary.failed += 1
                summary.errors.append(result.document["error"])
                if strict:
                    break
        summary.counts = dict(writer.counts)
        summary.seconds = time.perf_counter() - clock
        writer.finish(manifest(inputs, summary, started, backend))
    except BaseException:
        writer.abort()
        raise
    return summary


def manifest(inputs: list[str], summary: RunSummary, started: datetime, backend: str) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "zhfacts",
        "tool_version": __version__,
        "rules_fingerprint": fingerprint(),
        "segmenter": backend,
        "inputs": list(inputs),
        "input_count": summary.documents,
        "failed_count": summary.failed,
        "record_counts": summary.counts,
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
    }
