"""Reading a `zhfacts run` output folder: its tables, the raw texts and the manifest.

The audit tools read the JSONL files (the Parquet twins hold the same rows). A table that
is absent reads as empty, so the tools also work on a run whose extractors are partial.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhfacts.records.types import RECORD_TABLES, TABLES

MANIFEST = "manifest.json"
TEXTS = "texts.jsonl"


class NotAnOutputFolder(Exception):
    """The folder is missing, or holds no zhfacts output; the message names it."""


class BadOutputFile(Exception):
    """A file in the output folder that cannot be read; the message names file and line."""


@dataclass
class RunOutput:
    folder: Path
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    texts: dict[str, str] = field(default_factory=dict)

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(table, row) for every row of the record tables, in table order."""
        for table in RECORD_TABLES:
            for row in self.tables.get(table, []):
                yield table, row

    def duplicates(self) -> set[str]:
        """The documents whose text (sha256) an earlier document of the run already has: their
        facts are the first one's, and are counted once."""
        seen: set[str] = set()
        found = set()
        for row in self.tables.get("documents", []):
            sha = row.get("sha256")
            if sha and sha in seen:
                found.add(str(row.get("doc_id")))
            elif sha:
                seen.add(sha)
        return found

    def doc_ids(self) -> list[str]:
        """Every document the run mentions: documents rows first, then any other doc_id."""
        seen = dict.fromkeys(str(d.get("doc_id")) for d in self.tables.get("documents", []))
        for _, row in self.records():
            seen.setdefault(str(row.get("doc_id")), None)
        seen.update(dict.fromkeys(t for t in self.texts if t not in seen))
        return list(seen)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSONL file ([] when it does not exist)."""
    return list(iter_jsonl(path))


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a JSONL file one at a time (none when it does not exist)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise BadOutputFile(f"{path}:{number}: not JSON: {e}") from None
            if not isinstance(row, dict):
                raise BadOutputFile(f"{path}:{number}: a row must be a JSON object")
            yield row


def check_output_folder(folder: Path) -> None:
    """Raise NotAnOutputFolder unless `folder` looks like what `zhfacts run` writes."""
    if not folder.exists():
        raise NotAnOutputFolder(f"{folder}: no such folder")
    if not folder.is_dir():
        raise NotAnOutputFolder(f"{folder}: not a folder")
    known = [MANIFEST, *(f"{t}.jsonl" for t in TABLES)]
    if not any((folder / name).exists() for name in known):
        raise NotAnOutputFolder(f"{folder}: not a zhfacts output folder (no {MANIFEST} and no <table>.jsonl)")


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise BadOutputFile(f"{path}: not JSON: {e}") from None
    return manifest if isinstance(manifest, dict) else {}


def read_texts(folder: Path) -> dict[str, str]:
    """doc_id -> raw text, from texts.jsonl (absent in older runs: then no text is shown)."""
    return {str(row.get("doc_id")): str(row.get("raw") or "") for row in read_jsonl(folder / TEXTS)}


def read_run(folder: Path) -> RunOutput:
    folder = Path(folder)
    check_output_folder(folder)
    tables = {table: read_jsonl(folder / f"{table}.jsonl") for table in TABLES}
    return RunOutput(folder=folder, manifest=read_manifest(folder), tables=tables, texts=read_texts(folder))
