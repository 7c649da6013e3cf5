"""Helpers shared by test modules (imported as `helpers`; pytest puts tests/ on the path)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc

from zhfacts.text.prepare import prepare_article

DATA = Path(__file__).resolve().parent / "data"


def annotate(nlp: Language, raw: str, doc_id: str = "t") -> Doc:
    """Repair raw text and run the pipeline's components over it, as the runner does."""
    article = prepare_article(doc_id, raw, sha256=doc_id)
    doc = nlp.make_doc(article.text)
    doc._.article = article
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def organization_mentions(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """Every organization the pipeline finds in text, in order, repeats kept: (surface, canonical, rule)."""
    doc = nlp(text)
    return [(doc.text[h.start:h.end], h.fields["canonical"], h.rule) for h in doc._.organizations]


def organization_names(nlp: Language, text: str) -> list[str]:
    """The surfaces of every organization the pipeline finds in text, in order, repeats kept."""
    return [surface for surface, _, _ in organization_mentions(nlp, text)]


def organizations_found(nlp: Language, text: str) -> dict[str, dict]:
    """The organizations the pipeline finds in text: surface -> fields, with the rule."""
    doc = nlp(text)
    return {doc.text[h.start:h.end]: dict(h.fields, rule=h.rule) for h in doc._.organizations}


def load_audit_fixture() -> ModuleType:
    """tests/data/audit/build_fixture.py, which builds a small hand-written run folder."""
    path = DATA / "audit" / "build_fixture.py"
    spec = importlib.util.spec_from_file_location("audit_fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
