"""The extraction stages in the order they run, each reading the hits of the ones before it.

Quantities first; times then give each quantity its period; places and organizations are
found on the text view, and a quantity inside an organization's name is dropped; claims read
all of them. The core runs these on an `Analysis` built
straight from the segmenter; the spaCy adapter wraps each one as a component.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zhfacts import regex_cache
from zhfacts.claims import claim_rules, find_claims, metric_rules
from zhfacts.extract.organizations import find_organizations, org_rules
from zhfacts.extract.orgs.carriers import carrier_rules
from zhfacts.extract.places import find_places, gazetteer, place_rules
from zhfacts.extract.quantities import find_quantities, grammar, outside_names
from zhfacts.extract.times import assign_periods, find_times, time_rules
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.segment import glued_counties
from zhfacts.rules import RulesError, rules_dir, validate_all
from zhfacts.text.article import Hit
from zhfacts.text.repair import repair_rules
from zhfacts.text.sentences import sentence_boundary
from zhfacts.text.tables import table_rules


@dataclass(frozen=True)
class Stage:
    name: str  # also the table it fills
    run: Callable[..., None]  # run(doc, **settings)
    requires: tuple[str, ...] = ()  # tables it reads
    settings: dict[str, Any] = field(default_factory=dict)  # its options and their defaults


def store(doc: Analysis, table: str, hits: list[Hit]) -> None:
    doc.hits[table] = sorted(hits, key=lambda h: (h.start, h.end))


def _finder(table: str, find: Callable[..., list[Hit]]) -> Callable[..., None]:
    return lambda doc, **settings: store(doc, table, find(doc, **settings))


def _times(doc: Analysis) -> None:
    """Time expressions, then the period that governs each quantity found so far."""
    store(doc, "times", find_times(doc))
    if "quantities" in doc.hits:
        store(doc, "quantities", assign_periods(doc, doc.hits["quantities"], doc.hits["times"]))


def _organizations(doc: Analysis, **settings: Any) -> None:
    """Organizations, then the quantities that are no word of their names (三只松鼠)."""
    store(doc, "organizations", find_organizations(doc, **settings))
    if "quantities" in doc.hits:
        store(doc, "quantities", outside_names(doc.hits["quantities"], doc.hits["organizations"]))


STAGES: tuple[Stage, ...] = (
    Stage("quantities", _finder("quantities", find_quantities)),
    Stage("times", _times),
    Stage("places", _finder("places", find_places)),
    # model="lac": Baidu LAC's ORG spans as candidates where the rules found none (the org-model extra)
    Stage("organizations", _organizations, requires=("places",),
          settings={"model": ""}),
    Stage("claims", _finder("claims", find_claims), requires=("quantities", "times", "places", "organizations")),
)
STAGE_BY_NAME = {stage.name: stage for stage in STAGES}


# What each stage builds from its rules files (patterns compiled, tables indexed), with the
# files it reads: built once before any document, so that a rule that does not compile is a
# RulesError naming its file, never a failure of every document.
RULE_BUILDERS: tuple[tuple[Callable[[], object], str], ...] = (
    (repair_rules, "repair.yaml"), (sentence_boundary, "repair.yaml"), (grammar, "quantities/*.yaml"),
    (time_rules, "times.yaml"), (place_rules, "places/*"), (gazetteer, "places/gazetteer.tsv"),
    (org_rules, "organizations/*"), (claim_rules, "claims.yaml"), (metric_rules, "metrics.yaml"),
    (table_rules, "tables.yaml"), (glued_counties, "lexicon/county_names.yaml"),
    (carrier_rules, "organizations/carriers.yaml"),
)


def check_rules() -> None:
    """Every rules file against its schema, then every stage's rules built; raises RulesError."""
    validate_all()
    with regex_cache.compiling():  # the builders' patterns: kept between runs
        for build, files in RULE_BUILDERS:
            try:
                build()
            except RulesError:
                raise
            except Exception as e:  # a pattern that does not compile, a value of the wrong type ...
                raise RulesError(f"{rules_dir() / files}: {type(e).__name__}: {e}") from None
