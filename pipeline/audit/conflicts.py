"""Claims that disagree: the same district, metric and period with different values in
different documents.

The metric is the claim's metric_key when the vocabulary knows it, else its metric text
without white space. Claims with no period are grouped apart: two documents may well give
different figures for different, unstated times, so those groups are only candidates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from zhfacts.audit.diff import comparable, squash

Amount = tuple[Any, ...]


@dataclass(frozen=True)
class Conflict:
    district: str
    metric: str
    period: str | None
    # amount -> the claims that give it, in input order; at least two amounts
    values: dict[Amount, list[dict[str, Any]]]

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(str(c.get("doc_id")) for cs in self.values.values() for c in cs))


def metric_of(claim: dict[str, Any]) -> str:
    return str(claim.get("metric_key") or squash(claim.get("metric")))


def amount_of(claim: dict[str, Any]) -> Amount:
    return tuple(comparable(claim.get(f)) for f in ("value", "value_min", "value_max", "unit", "approx"))


def conflict_key(claim: dict[str, Any]) -> tuple[str, str, str | None]:
    return str(claim.get("district") or ""), metric_of(claim), claim.get("period") or None


def find_conflicts(claims: list[dict[str, Any]]) -> list[Conflict]:
    """Groups of claims with the same key and at least two amounts in at least two documents
    (which always makes two documents disagree), sorted by district, metric and period."""
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        if claim.get("district") and metric_of(claim):
            groups[conflict_key(claim)].append(claim)
    conflicts = []
    for (district, metric, period), members in groups.items():
        docs = {str(c.get("doc_id")) for c in members}
        values: dict[Amount, list[dict[str, Any]]] = defaultdict(list)
        for claim in members:
            values[amount_of(claim)].append(claim)
        if len(docs) >= 2 and len(values) >= 2:
            conflicts.append(Conflict(district, metric, period, dict(values)))
    return sorted(conflicts, key=lambda c: (c.period is None, c.district, c.metric, c.period or ""))
