"""Fact-level differences between two runs: facts added, removed (lost) and changed.

A fact is one row of a record table, recognised by what it is, never by its internal ids
(`id`, `quantity_id`: hashes that move with a rule's name). Old and new facts are paired in
passes, each on what is left over by the one before:

1. the same document text (sha256), table and raw span (and district, for a claim): the
   same fact, also when the document was renamed;
2. the same doc_id, table and raw span: the same fact of a document edited in place, so an
   edited figure (28家 -> 30家) is a change, not a loss;
3. claims: the same doc_id, district, metric_key and period: the same claim, moved;
4. (table, doc_id, surface text without white space, value): the same fact, moved;
5. (table, doc_id, surface text), in document order: the same words read differently.

A pair whose fact fields differ is a change (old -> new); a pair that differs only in its
span or ids is "rekeyed"; the rest are unchanged. Unpaired old facts are lost, unpaired new
facts are added.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhfacts.audit.tables import RunOutput, read_run
from zhfacts.records.types import RECORD_TABLES

# Provenance that may move without the fact changing; every other field is compared.
NOT_COMPARED = frozenset({"id", "quantity_id", "doc_id", "start", "end", "sentence"})
# What a fact says, per table: with doc_id and text, the second key of a fact.
VALUE_FIELDS: dict[str, tuple[str, ...]] = {
    "quantities": ("value", "value_min", "value_max", "unit"),
    "claims": ("district", "value", "value_min", "value_max", "unit"),
    "places": ("canonical",),
    "organizations": ("canonical",),
    "times": ("normalized",),
}


def squash(text: Any) -> str:
    return "".join(str(text or "").split())


def comparable(value: Any) -> Any:
    """A value in a form that compares equal across runs: NaN as None, 3.0 as 3."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else round(value, 9)
    if isinstance(value, list):
        return tuple(comparable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, comparable(v)) for k, v in value.items()))
    return value


@dataclass(frozen=True)
class Fact:
    table: str
    row: dict[str, Any]
    sha256: str | None = None  # of its document's text, from the documents table

    @property
    def id(self) -> str:
        return str(self.row.get("id"))

    @property
    def doc_id(self) -> str:
        return str(self.row.get("doc_id"))

    @property
    def text(self) -> str:
        return str(self.row.get("text") or "")

    def value(self) -> tuple[Any, ...]:
        return tuple(comparable(self.row.get(f)) for f in VALUE_FIELDS.get(self.table, ()))

    def span(self) -> tuple[Any, ...]:
        return self.table, self.row.get("start"), self.row.get("end"), self.row.get("district")

    def document_span_key(self) -> tuple[Any, ...] | None:
        """None without the document's sha256: it can only pair by the other keys."""
        return (self.sha256, *self.span()) if self.sha256 else None

    def doc_span_key(self) -> tuple[Any, ...]:
        return (self.doc_id, *self.span())

    def claim_key(self) -> tuple[Any, ...] | None:
        if self.table != "claims" or not self.row.get("metric_key"):
            return None
        return self.doc_id, self.row.get("district"), self.row.get("metric_key"), self.row.get("period")

    def content_key(self) -> tuple[Any, ...]:
        return self.table, self.doc_id, squash(self.text), self.value()

    def span_key(self) -> tuple[str, str, str]:
        return self.table, self.doc_id, squash(self.text)

    def brief(self) -> dict[str, Any]:
        """The fields a person needs to recognise the fact."""
        keep = {"table": self.table, "doc_id": self.doc_id, "id": self.id, "text": self.text}
        shown = (*VALUE_FIELDS.get(self.table, ()), *(("metric", "period") if self.table == "claims" else ()))
        keep.update({f: self.row.get(f) for f in shown if self.row.get(f) is not None})
        keep["rule"] = self.row.get("rule")
        return keep


@dataclass(frozen=True)
class Change:
    old: Fact
    new: Fact
    fields: dict[str, tuple[Any, Any]]

    def to_json(self) -> dict[str, Any]:
        return {**self.new.brief(), "old_id": self.old.id,
                "fields": {name: {"old": a, "new": b} for name, (a, b) in self.fields.items()}}


@dataclass
class RunDiff:
    old: Path
    new: Path
    added: list[Fact] = field(default_factory=list)
    removed: list[Fact] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    rekeyed: list[tuple[Fact, Fact]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def lost(self) -> list[Fact]:
        """Facts of the old run that the new run no longer has."""
        return self.removed

    def counts(self) -> dict[str, dict[str, int]]:
        """table -> added, removed, changed, rekeyed (same fact, new id)."""
        out: dict[str, dict[str, int]] = {}
        groups = {"added": self.added, "removed": self.removed,
                  "changed": [c.new for c in self.changed], "rekeyed": [new for _, new in self.rekeyed]}
        for table in [*RECORD_TABLES, *(f.table for fs in groups.values() for f in fs)]:
            out.setdefault(table, dict.fromkeys(groups, 0))
        for name, facts in groups.items():
            for f in facts:
                out[f.table][name] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "old": str(self.old), "new": str(self.new),
            "counts": self.counts(), "unchanged": self.unchanged,
            "added": [f.brief() for f in self.added],
            "removed": [f.brief() for f in self.removed],
            "changed": [c.to_json() for c in self.changed],
            "rekeyed": [{**new.brief(), "old_id": old.id} for old, new in self.rekeyed],
        }


def facts_of(run: RunOutput) -> list[Fact]:
    sha = {str(d.get("doc_id")): d.get("sha256") for d in run.tables.get("documents", [])}
    return [Fact(table, row, sha.get(str(row.get("doc_id")))) for table, row in run.records()]


def field_changes(old: Fact, new: Fact) -> dict[str, tuple[Any, Any]]:
    names = [n for n in dict.fromkeys([*old.row, *new.row]) if n not in NOT_COMPARED]
    return {n: (old.row.get(n), new.row.get(n)) for n in names
            if comparable(old.row.get(n)) != comparable(new.row.get(n))}


def pair_by(key: Callable[[Fact], Hashable | None], old: Iterable[Fact], new: Iterable[Fact]
            ) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Pair facts with equal keys (None pairs with nothing), in order; returns (pairs, old left
    over, new left over)."""
    waiting: dict[Hashable, list[Fact]] = defaultdict(list)
    unkeyed = []
    for f in new:
        k = key(f)
        if k is None:
            unkeyed.append(f)
        else:
            waiting[k].append(f)
    pairs, old_left = [], []
    for f in old:
        k = key(f)
        candidates = waiting.get(k) if k is not None else None
        if candidates:
            pairs.append((f, candidates.pop(0)))
        else:
            old_left.append(f)
    return pairs, old_left, [f for fs in waiting.values() for f in fs] + unkeyed


def diff_runs(old: Path, new: Path) -> RunDiff:
    """The fact-level difference from the run in `old` to the run in `new`."""
    result = RunDiff(Path(old), Path(new))
    old_left, new_left = facts_of(read_run(old)), facts_of(read_run(new))
    order = {id(f): i for i, f in enumerate(new_left)}
    for key in (Fact.document_span_key, Fact.doc_span_key, Fact.claim_key, Fact.content_key, Fact.span_key):
        pairs, old_left, new_left = pair_by(key, old_left, new_left)
        new_left.sort(key=lambda f: order[id(f)])
        for a, b in pairs:
            classify(result, a, b)
    result.removed, result.added = old_left, new_left
    return result


def classify(result: RunDiff, old: Fact, new: Fact) -> None:
    changes = field_changes(old, new)
    if changes:
        result.changed.append(Change(old, new, changes))
    elif old.id != new.id or old.span() != new.span():
        result.rekeyed.append((old, new))
    else:
        result.unchanged += 1
