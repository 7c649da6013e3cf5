"""zhfacts: figures, places, organizations and district claims from Chinese regional news.

The library API, a text or a folder in, records or DataFrames out:

    import zhfacts
    result = zhfacts.extract_text("今年上半年，江津区新签约项目59个，协议引资额达419亿元。", pub_date="2025-08-01")
    result.records("claims")        # list of dicts, the contract's fields
    result.frame("quantities")      # a pandas DataFrame

    result = zhfacts.extract_path("corpus/articles")   # files, folders, JSONL
    frames = result.frames()                             # every table

The extractors are also spaCy components (zhfacts.nlp.spacy_components) for your own pipelines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhfacts._version import __version__

if TYPE_CHECKING:
    import pandas as pd

    from zhfacts.run.processor import DocResult, DocumentProcessor

__all__ = ["Extraction", "__version__", "extract_path", "extract_text"]


@dataclass
class Extraction:
    """The rows of every table for the documents given, in contract order."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def records(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])

    def frame(self, table: str) -> pd.DataFrame:
        """One table as a DataFrame with the contract's columns (also when empty)."""
        import pandas as pd

        from zhfacts.records.types import field_names

        return pd.DataFrame(self.records(table), columns=field_names(table))

    def frames(self) -> dict[str, pd.DataFrame]:
        return {table: self.frame(table) for table in self.tables}

    def add(self, result: DocResult) -> None:
        for table, rows in result.rows().items():
            self.tables.setdefault(table, []).extend(rows)


@cache
def _processor(backend: str | None = None) -> DocumentProcessor:
    from zhfacts.nlp.segment import DEFAULT_BACKEND
    from zhfacts.run.processor import DocumentProcessor

    return DocumentProcessor(backend or DEFAULT_BACKEND)


def _empty() -> Extraction:
    from zhfacts.run.batch import ALL_TABLES

    return Extraction({t: [] for t in ALL_TABLES})


def extract_text(text: str, *, doc_id: str = "text", pub_date: str | None = None,
                 backend: str | None = None) -> Extraction:
    """Extract every table from one text; pub_date (YYYY-MM-DD) resolves 今年, 上半年 ..."""
    from zhfacts.text.ingest import Source

    result = _empty()
    result.add(_processor(backend).process(Source(doc_id, "<text>", text=text, pub_date=pub_date)))
    return result


def extract_path(*inputs: str | Path | Iterable[str | Path], backend: str | None = None) -> Extraction:
    """Extract every table from files and folders (*.txt, *.md, *.jsonl), kept in memory.
    A path that does not exist raises FileNotFoundError; a file that exists but cannot be
    read is a documents row with status "error", as in `zhfacts run`.
    For large batches written to disk use `zhfacts run` or zhfacts.run.batch.run."""
    from zhfacts.text.ingest import iter_sources

    flat: list[str] = []
    for item in inputs:
        flat.extend([str(item)] if isinstance(item, (str, Path)) else [str(i) for i in item])
    for name in flat:
        if name != "-" and not Path(name).exists() and not Path(name).is_symlink():
            raise FileNotFoundError(2, "no such file or folder", name)
    result = _empty()
    for src in iter_sources(flat):
        result.add(_processor(backend).process(src))
    for rows in result.tables.values():
        rows.sort(key=lambda r: (r["doc_id"], r.get("start", 0)))
    return result
