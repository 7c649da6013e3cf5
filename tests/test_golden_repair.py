"""Golden files: the repaired text, paragraphs, sentences and warnings of the bundled articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhfacts.text.repair import repair

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_repaired_article(doc_id: str, data_regression) -> None:
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    result = repair(raw)
    data_regression.check({
        "paragraphs": [
            {"indented": p.indented, "sentences": [result.text[s:e] for s, e in result.sentences
                                                   if p.start <= s < p.end]}
            for p in result.paragraphs
        ],
        "warnings": result.warnings,
    })
