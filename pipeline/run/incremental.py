"""Incremental runs: reuse the records of documents unchanged since the last run.

The last complete run in the output folder (OUT/.zhfacts/current) is reused when its
manifest has the same schema version, tool version, rules fingerprint and segmenter as
this run; a changed rules file therefore reprocesses everything. A document is unchanged
when the previous run processed it without error and its path (for JSONL, file and line),
text (sha256), metadata pub_date and source are the same. Its rows are then copied from the previous tables, which are
sorted by doc_id, so they merge into the new ones without ever being held in memory.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhfacts.run.write import Block, RunWriter, current_generation
from zhfacts.text.ingest import DUPLICATE_WARNING, Source

if TYPE_CHECKING:
    from zhfacts.run.processor import Identity

log = logging.getLogger(__name__)
DOC_ID_PREFIX = b'{"doc_id":'  # every row starts with its doc_id (the writer keeps field order)
_decoder = json.JSONDecoder()


def document_key(path: str, sha256: str | None, pub_date: str | None, source: str | None,
                 duplicate: bool = False) -> bytes:
    """What, besides the run identity, decides a document's rows (16 bytes, kept per document);
    `duplicate`: whether an earlier document of the batch has the same text (its row says so)."""
    fields = json.dumps([path, sha256, pub_date, source, duplicate], ensure_ascii=False)
    return hashlib.blake2b(fields.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class PreviousRun:
    """The last complete run in an output folder, and the documents this run takes from it."""

    def __init__(self, generation: Path, keys: dict[str, bytes]) -> None:
        self.generation = generation
        self.keys = keys  # doc_id -> document_key of each document the previous run processed ok
        self.reused: set[str] = set()

    @classmethod
    def load(cls, out_dir: Path, identity: Identity) -> PreviousRun | None:
        """The previous run if its outputs can be reused by a run of this identity, else None."""
        generation = current_generation(out_dir)
        if generation is None:
            log.info("incremental: no previous run in %s, processing everything", out_dir)
            return None
        try:
            manifest = json.loads((generation / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            log.warning("incremental: previous manifest unreadable (%s), processing everything", e)
            return None
        changed = [k for k, v in identity.items() if manifest.get(k) != v]
        if changed:
            log.info("incremental: %s changed since the previous run, processing everything", ", ".join(changed))
            return None
        try:
            return cls(generation, dict(_previous_keys(generation / "documents.jsonl")))
        except (OSError, ValueError, KeyError) as e:
            log.warning("incremental: previous documents table unreadable (%s), processing everything", e)
            return None

    def unchanged(self, src: Source) -> bool:
        key = self.keys.get(src.doc_id)
        return key is not None and src.text is not None and key == document_key(
            src.path, src.sha256, src.pub_date, src.source, is_duplicate(src.warnings))

    def skip_unchanged(self, sources: Iterable[Source], on_reused: Callable[[Source], None]) -> Iterator[Source]:
        """The sources that need processing; each unchanged one is marked reused and handed to on_reused."""
        for src in sources:
            if not self.unchanged(src):
                yield src
                continue
            self.reused.add(src.doc_id)
            on_reused(src)

    def attach(self, writer: RunWriter) -> None:
        """Have the writer merge the reused documents' previous rows into every table."""
        for table in writer.tables:  # texts are added from the sources, which this run reads anyway
            writer.reuse(table, self.blocks(table))

    def blocks(self, table: str) -> Iterator[Block]:
        """The previous rows of the reused documents in one table, one block per document, by doc_id."""
        path = self.generation / f"{table}.jsonl"
        doc_id, lines = None, []
        with path.open("rb") as f:
            for line in f:
                row_id = row_doc_id(line)
                if row_id != doc_id:
                    if lines:
                        yield doc_id, b"".join(lines)
                    doc_id, lines = row_id, []
                if row_id in self.reused:
                    lines.append(line)
        if lines:
            yield doc_id, b"".join(lines)


def _previous_keys(path: Path) -> Iterator[tuple[str, bytes]]:
    with path.open("rb") as f:
        for line in f:
            row: dict[str, Any] = json.loads(line)
            if row.get("status") == "ok":
                metadata_date = row.get("pub_date") if row.get("pub_date_source") == "metadata" else None
                yield row["doc_id"], document_key(row["path"], row.get("sha256"), metadata_date, row.get("source"),
                                                  is_duplicate(row.get("warnings") or ()))


def is_duplicate(warnings: Iterable[str]) -> bool:
    return any(w.startswith(DUPLICATE_WARNING) for w in warnings)


def row_doc_id(line: bytes) -> str:
    """The doc_id of a JSONL row, read from its start without parsing the whole row."""
    if line.startswith(DOC_ID_PREFIX):
        text = line.decode("utf-8")
        value, _ = _decoder.raw_decode(text, len(DOC_ID_PREFIX))
        return value
    return json.loads(line)["doc_id"]
