"""Raw text to the Article every stage reads: repair (with its offset map), a Simplified view of
Traditional text, and the publication date. The one place an Article is made from raw text:
the batch processor, the library and the tests all come through here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from zhfacts.text.article import Article
from zhfacts.text.pubdate import read_pub_date
from zhfacts.text.repair import repair
from zhfacts.text.traditional import simplified_view

TRADITIONAL_WARNING = "traditional: read through a Simplified view (OpenCC t2s); records keep the raw text"


def _untimed(name: str) -> AbstractContextManager[None]:
    return nullcontext()


def prepare_article(doc_id: str, raw: str, *, sha256: str | None = None, pub_date: Any = None,
                    warnings: Iterable[str] = (), stage: Callable[[str], AbstractContextManager[None]] = _untimed
                    ) -> Article:
    """The article of a raw text. `pub_date` is the date given with it (any common form, or a
    date), else the text's own date line is read; `stage(name)` times each step."""
    with stage("repair"):
        repaired = repair(raw)
    notes = [*warnings, *repaired.warnings]
    text = repaired.text
    with stage("traditional"):
        view = simplified_view(text)  # same length: the offset map holds
    if view is not None:
        text = view
        notes.append(TRADITIONAL_WARNING)
    with stage("pub_date"):
        date, source, problem = read_pub_date(pub_date, raw, text)
    if problem:
        notes.insert(0, f"pub_date ignored: {problem}; looked for a date line in the text")
    digest = sha256 if sha256 is not None else hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    return Article(doc_id=doc_id, raw=raw, text=text, offsets=repaired.offsets, sentences=repaired.sentences,
                   paragraphs=repaired.paragraphs, sha256=digest, pub_date=date, pub_date_source=source,
                   warnings=notes, glosses=repaired.glosses)
