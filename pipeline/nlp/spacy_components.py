"""The spaCy adapter: zhfacts' segmenter as a spaCy tokenizer and its extractors as registered
components, for users' own `zh` pipelines. The core (zhfacts.run) does not use spaCy.

Each extractor is a factory (`zhfacts_quantities`, `zhfacts_times`, `zhfacts_places`,
`zhfacts_organizations`, `zhfacts_claims`) with a `rules` setting (a rules folder; default:
the packaged rules), so two pipelines with different rules live in one process; the tokenizer
of `blank_zh(rules=...)` (and of `build_pipeline(rules=...)`) loads that folder's user
dictionary. A component
stores its hits, in repaired-text coordinates, on a Doc extension of its table's name
(`doc._.quantities` ...) and mirrors them as spans in `doc.spans[<table>]` for displacy.
Components declare what they read and write; one placed before a stage it needs raises a
ValueError naming that stage. `to_disk` saves the rules with the pipeline, `from_disk`
reads them back:

    nlp = blank_zh()
    for name in COMPONENTS:
        nlp.add_pipe(name)                     # or nlp.add_pipe(name, config={"rules": "my_rules/"})
    doc = nlp("铜梁区拥有汽车零部件企业137家。")
    doc._.quantities, doc._.claims, doc.spans["places"]
"""

from __future__ import annotations

import inspect
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from zhfacts.nlp.analysis import Analysis, Tokens
from zhfacts.nlp.segment import DEFAULT_BACKEND, SEGMENTER_FILES, USER_DICT, load_segmenter, words_and_spaces
from zhfacts.records.build import build_records
from zhfacts.rules import rule_path, rules_dir, schema_path, using_rules
from zhfacts.stages import STAGE_BY_NAME, Stage
from zhfacts.text.article import Article, Hit

# component name -> the Doc extension it fills
COMPONENTS = {f"zhfacts_{name}": name for name in STAGE_BY_NAME}
SPAN_LABEL_FIELD = {"quantities": "kind", "times": None, "places": "level",
                    "organizations": "type", "claims": None}
ANALYSIS = "zhfacts_analysis"

for _attr in ("article", ANALYSIS, *COMPONENTS.values()):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


class ChineseTokenizer:
    """spaCy tokenizer over jieba or rjieba with the user dictionary of its rules folder
    (default: the packaged rules); white space becomes spaCy's whitespace tokens."""

    def __init__(self, vocab: Vocab, backend: str = DEFAULT_BACKEND, rules: str | None = None) -> None:
        self.vocab = vocab
        self.backend = backend
        self.rules = Path(rules) if rules else None
        self._cut: Callable[[str], Iterable[str]] | None = None

    @property
    def cut(self) -> Callable[[str], Iterable[str]]:
        """The segmenter, loaded on first use: a saved pipeline's rules are known only after
        from_disk, and the folder its config names may be gone by then."""
        if self._cut is None:
            with using_rules(self.rules):
                self._cut = load_segmenter(self.backend)
        return self._cut

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(self.cut(text), text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs) -> bytes:
        """Nothing for the packaged rules; a custom rules folder's user dictionary and county names
        are files the segmenter loads, so such a pipeline is saved with to_disk, never silently
        without them."""
        if self.rules is not None:
            raise ValueError(f"a tokenizer with the rules folder {self.rules} is saved with nlp.to_disk(), "
                             "which copies its user dictionary; to_bytes() would drop it")
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> ChineseTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs) -> None:
        """Save the rules files the segmenter reads, with their schemas, beside the pipeline (a
        custom rules folder's only)."""
        if self.rules is None:
            return
        saved = Path(path) / "rules"
        with using_rules(self.rules):
            for name in SEGMENTER_FILES:
                copy_rules_file(rule_path(name), saved / name)
                if schema_path(name).is_file():
                    copy_rules_file(schema_path(name), saved / schema_path(name).relative_to(rules_dir()))

    def from_disk(self, path: str | Path, **kwargs) -> ChineseTokenizer:
        saved = Path(path) / "rules"
        if (saved / USER_DICT).is_file():
            self.rules, self._cut = saved, None
        return self


def copy_rules_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


@spacy.registry.tokenizers("zhfacts.ChineseTokenizer.v1")
def create_tokenizer(backend: str = DEFAULT_BACKEND,
                     rules: str | None = None) -> Callable[[Language], ChineseTokenizer]:
    def make(nlp: Language) -> ChineseTokenizer:
        return ChineseTokenizer(nlp.vocab, backend, rules)

    return make


def blank_zh(backend: str = DEFAULT_BACKEND, rules: str | Path | None = None) -> Language:
    """A blank spaCy `zh` pipeline that segments with our tokenizer and the user dictionary of
    `rules` (a rules folder; default: the packaged rules)."""
    tokenizer = {"@tokenizers": "zhfacts.ChineseTokenizer.v1", "backend": backend,
                 "rules": str(rules) if rules else None}
    return spacy.blank("zh", config={"nlp": {"tokenizer": tokenizer}})


def analysis_of(doc: Doc) -> Analysis:
    """The Doc's analysis, made on first use from its tokens and its article (`doc._.article`,
    or one whose raw and repaired text are the Doc's text)."""
    analysis = doc._.get(ANALYSIS)
    if analysis is None:
        article = doc._.article
        if article is None or len(article.text) != _text_length(doc):
            article = doc._.article = Article.from_text(doc.text)
        tokens = Tokens.from_words([t.text for t in doc], [bool(t.whitespace_) for t in doc])
        analysis = Analysis(article, tokens)
        doc._.set(ANALYSIS, analysis)
    return analysis


def _text_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def mirror(doc: Doc, table: str, hits: list[Hit]) -> None:
    """The hits on doc._.<table> and as spans in doc.spans[<table>]."""
    doc._.set(table, hits)
    label_field = SPAN_LABEL_FIELD[table]
    spans = []
    for hit in hits:
        label = str(hit.get(label_field) or table) if label_field else table
        span = doc.char_span(hit.start, hit.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[table] = spans


class ExtractorComponent:
    """One zhfacts stage as a spaCy pipeline component."""

    def __init__(self, name: str, stage: Stage, rules: str | None = None, **settings: Any) -> None:
        self.name = name
        self.stage = stage
        self.rules = Path(rules) if rules else None
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        missing = [t for t in self.stage.requires if t not in analysis.hits]
        if missing:
            needed = ", ".join(f"zhfacts_{t}" for t in missing)
            raise ValueError(f"{self.name} reads what {needed} finds: add it before {self.name} in the pipeline")
        had_quantities = analysis.hits.get("quantities")
        with using_rules(self.rules):
            self.stage.run(analysis, **self.settings)
        mirror(doc, self.stage.name, analysis.hits[self.stage.name])
        if analysis.hits.get("quantities") is not had_quantities:  # periods given, names' numerals dropped
            doc._.set("quantities", analysis.hits["quantities"])
            if len(analysis.hits["quantities"]) != len(had_quantities or ()):
                mirror(doc, "quantities", analysis.hits["quantities"])
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the rules this component uses beside the pipeline, so that it loads as it ran."""
        target = Path(path) / "rules"
        if target.exists():
            shutil.rmtree(target)
        with using_rules(self.rules):
            shutil.copytree(rules_dir(), target)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ExtractorComponent:
        saved = Path(path) / "rules"
        if saved.is_dir():
            self.rules = saved
        return self


def _register(stage: Stage) -> None:
    name = f"zhfacts_{stage.name}"
    requires = [f"doc._.{t}" for t in stage.requires]
    assigns = [f"doc._.{stage.name}", "doc.spans"] + (
        ["doc._.quantities"] if stage.name == "times" else [])

    def make(nlp: Language, name: str, rules: str | None, **settings: Any) -> ExtractorComponent:
        return ExtractorComponent(name, stage, rules, **settings)

    # spaCy validates a factory's config against its signature: name each setting in it
    keyword = inspect.Parameter.POSITIONAL_OR_KEYWORD
    make.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter("nlp", keyword, annotation=Language), inspect.Parameter("name", keyword, annotation=str),
        inspect.Parameter("rules", keyword, annotation=str | None),
        *(inspect.Parameter(k, keyword, default=v, annotation=type(v)) for k, v in stage.settings.items())])
    Language.factory(name, default_config={"rules": None, **stage.settings}, requires=requires,
                     assigns=assigns, func=make)


for _stage in STAGE_BY_NAME.values():
    _register(_stage)


def build_pipeline(backend: str | None = None, rules: str | Path | None = None,
                   components: Iterable[str] = tuple(COMPONENTS)) -> Language:
    """A blank `zh` pipeline with zhfacts' segmenter (default backend when None) followed by
    the extractors, in order, reading `rules` (default: the packaged rules)."""
    nlp = blank_zh(backend or DEFAULT_BACKEND, rules)
    for name in components:
        nlp.add_pipe(name, config={"rules": str(rules) if rules else None})
    return nlp


def records_from_doc(doc: Doc) -> dict[str, list[Any]]:
    """Every record of a Doc the components annotated, by table, ordered by start offset."""
    analysis = analysis_of(doc)
    return build_records(analysis.article, analysis.hits)
