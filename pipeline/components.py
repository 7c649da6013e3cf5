"""The extractors as spaCy components, and the records built from an annotated Doc.

Each extractor is a registered factory (`zhfacts_quantities`, `zhfacts_times`,
`zhfacts_places`, `zhfacts_organizations`, `zhfacts_claims`) that stores its hits, in
repaired-text coordinates, on a Doc extension of the table's name (`doc._.quantities` ...)
and mirrors them as spans in `doc.spans[<table>]` for displacy and for users' own
pipelines. Add them to any `zh` pipeline:

    nlp = pipeline.segment.blank_zh()
    for name in pipeline.components.COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("铜梁区拥有汽车零部件企业137家。")
    doc._.quantities

`doc._.article` carries the repaired article (offset map, sentences, paragraphs, pub_date);
a component that finds none treats the Doc's text as the article itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.article import Article, Hit
from pipeline.records import TABLES

# component name -> the Doc extension it fills
COMPONENTS = {
    "zhfacts_quantities": "quantities",
    "zhfacts_times": "times",
    "zhfacts_places": "places",
    "zhfacts_organizations": "organizations",
    "zhfacts_claims": "claims",
}
SPAN_LABEL_FIELD = {"quantities": "kind", "times": None, "places": "level",
                    "organizations": "type", "claims": None}

for _attr in ("article", *COMPONENTS.values()):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


def article_of(doc: Doc) -> Article:
    """The Doc's article; a Doc made outside zhfacts gets one with an identity offset map.
    (Comparing lengths, not texts: spaCy rebuilds doc.text from its tokens on every access.)"""
    article = doc._.article
    if article is None or len(article.text) != _text_length(doc):
        doc._.article = Article.from_text(doc.text)
    return doc._.article


def _text_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def store_hits(doc: Doc, table: str, hits: list[Hit], mirror_spans: bool = True) -> None:
    """The hits on doc._.<table>, sorted; mirrored as spans unless the spans already there
    are theirs (hits given new field values, same offsets and labels)."""
    doc._.set(table, sorted(hits, key=lambda h: (h.start, h.end)))
    if not mirror_spans:
        return
    label_field = SPAN_LABEL_FIELD[table]
    spans = []
    for hit in hits:
        label = str(hit.get(label_field) or table) if label_field else table
        span = doc.char_span(hit.start, hit.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[table] = spans


def _component(table: str, find: Callable[[Doc], list[Hit]]) -> Callable[[Doc], Doc]:
    def annotate(doc: Doc) -> Doc:
        article_of(doc)
        store_hits(doc, table, find(doc))
        return doc

    return annotate


@Language.factory("zhfacts_quantities")
def make_quantities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from pipeline.extract.quantities import find_quantities

    return _component("quantities", find_quantities)


@Language.factory("zhfacts_times")
def make_times(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Finds time expressions, then gives each quantity the period that governs it."""
    from pipeline.extract.times import assign_periods, find_times

    def annotate(doc: Doc) -> Doc:
        article_of(doc)
        store_hits(doc, "times", find_times(doc))
        if doc._.quantities is not None:
            # a period changes no offset or label: the quantity spans stay as they are
            store_hits(doc, "quantities", assign_periods(doc, doc._.quantities, doc._.times), mirror_spans=False)
        return doc

    return annotate


@Language.factory("zhfacts_places")
def make_places(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from pipeline.extract.places import find_places

    return _component("places", find_places)


@Language.factory("zhfacts_organizations", default_config={"model": ""})
def make_organizations(nlp: Language, name: str, model: str) -> Callable[[Doc], Doc]:
    """model="lac": add Baidu LAC's ORG spans as candidates (needs the org-model extra)."""
    from functools import partial

    from pipeline.extract.organizations import find_organizations

    return _component("organizations", partial(find_organizations, model=model) if model else find_organizations)


@Language.factory("zhfacts_claims")
def make_claims(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from pipeline.claims import find_claims

    return _component("claims", find_claims)


# -- records -------------------------------------------------------------------------------
def record_id(article: Article, hit: Hit, table: str) -> str:
    """The stable id the record built from `hit` in `table` gets (claims link quantities)."""
    return article.record_id(hit.start, hit.end, hit.rule, table, hit.get("key", ""))


@cache
def _field_names(table: str) -> frozenset[str]:
    return frozenset(f.name for f in fields(TABLES[table]))


def build_record(article: Article, hit: Hit, table: str) -> Any:
    row: dict[str, Any] = article.provenance(hit.start, hit.end, hit.rule, table, hit.get("key", ""))
    names = _field_names(table)
    row.update({k: v for k, v in hit.fields.items() if k in names and k not in row})
    return TABLES[table](**row)


def records_from_doc(doc: Doc) -> dict[str, list[Any]]:
    """Every record of an annotated Doc, by table, ordered by start offset."""
    article = article_of(doc)
    out: dict[str, list[Any]] = {}
    for table in COMPONENTS.values():
        hits = doc._.get(table) or []
        records = [build_record(article, hit, table) for hit in hits]
        out[table] = sorted(records, key=lambda r: (r.start, r.end))  # stable: ties keep extraction order
    return out


def build_pipeline(backend: str | None = None, components: tuple[str, ...] = tuple(COMPONENTS)) -> Language:
    """The zhfacts pipeline: the blank `zh` segmenter (default backend when None) followed by
    the extractors, in order."""
    from pipeline.segment import DEFAULT_BACKEND, blank_zh

    nlp = blank_zh(backend or DEFAULT_BACKEND)
    for name in components:
        nlp.add_pipe(name)
    return nlp
