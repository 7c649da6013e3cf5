"""Precision, recall and F1 per kind against hand-made gold, plus true and false positives
per rule id.

The matching is a faithful re-implementation of ../shared/eval/score.py (copied to
tests/data/score.py): same kinds, same matchers, same one-to-one pairing in document
order, optional gold items that cost nothing. tests/test_eval.py checks that both give the
same figures; change one only together with the other.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zhfacts.audit.tables import check_output_folder, read_jsonl

KINDS = ("quantities", "organizations", "districts", "claims")
DISTRICT_LEVELS = ("district", "county")
NO_RULE = "(no rule)"
SPACE = re.compile(r"\s+")

Row = dict[str, Any]
Matcher = Callable[[Row, Row], bool]


class GoldError(Exception):
    """The gold folder is missing, empty or holds a file that is not JSON."""


# -- matching (as in score.py) ---------------------------------------------------------------
def squash(text: Any) -> str:
    return SPACE.sub("", str(text or ""))


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same_amount(p: Row, g: Row) -> bool:
    """Same value, or the same range bounds when gold is a range."""
    if g.get("value") is None and (g.get("value_min") is not None or g.get("value_max") is not None):
        return same_number(p.get("value_min"), g.get("value_min")) and same_number(p.get("value_max"),
                                                                                   g.get("value_max"))
    return same_number(p.get("value"), g.get("value"))


def contains_either(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def match_quantity(p: Row, g: Row) -> bool:
    return (squash(p.get("unit")) == squash(g.get("unit")) and same_amount(p, g)
            and contains_either(squash(p.get("text")), squash(g.get("text"))))


def match_org(p: Row, g: Row) -> bool:
    return squash(p.get("text")) == squash(g.get("text"))


def match_district(p: Row, g: Row) -> bool:
    return (squash(p.get("canonical")) == squash(g.get("canonical"))
            and contains_either(squash(p.get("text")), squash(g.get("text"))))


def unsigned(row: Row) -> Row:
    """A claim may carry the sign of a decline (下降2.3% -> -2.3); gold keeps the number as printed."""
    def strip(v: Any) -> Any:
        try:
            return abs(float(v)) if v is not None else None
        except (TypeError, ValueError):
            return v
    return {k: strip(row.get(k)) for k in ("value", "value_min", "value_max")}


def match_claim(p: Row, g: Row) -> bool:
    return (squash(p.get("district")) == squash(g.get("district"))
            and squash(p.get("unit")) == squash(g.get("unit")) and same_amount(unsigned(p), unsigned(g)))


MATCHERS: dict[str, Matcher] = {"quantities": match_quantity, "organizations": match_org,
                                "districts": match_district, "claims": match_claim}


def pair_up(preds: list[Row], golds: list[Row], same: Matcher) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """One-to-one matching in document order: surfaces that are equal first, then the rest.
    Returns (pairs of prediction and gold, missed gold, false alarms)."""
    free = list(range(len(preds)))
    found: dict[int, int] = {}
    for exact in (True, False):
        for gi, g in enumerate(golds):
            if gi in found:
                continue
            hit = next((i for i in free if same(preds[i], g)
                        and (not exact or squash(preds[i].get("text")) == squash(g.get("text")))), None)
            if hit is not None:
                free.remove(hit)
                found[gi] = hit
    pairs = [(preds[found[gi]], g) for gi, g in enumerate(golds) if gi in found]
    missed = [g for gi, g in enumerate(golds) if gi not in found]
    return pairs, missed, [preds[i] for i in free]


# -- loading ---------------------------------------------------------------------------------
def load_predictions(out_dir: Path) -> dict[str, dict[str, list[Row]]]:
    """doc_id -> kind -> rows; districts are the places at district or county level."""
    by_doc: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for table in ("quantities", "organizations", "claims"):
        for row in read_jsonl(out_dir / f"{table}.jsonl"):
            by_doc[str(row.get("doc_id"))][table].append(row)
    for row in read_jsonl(out_dir / "places.jsonl"):
        if row.get("level") in DISTRICT_LEVELS:
            by_doc[str(row.get("doc_id"))]["districts"].append(row)
    return by_doc


def load_gold(gold_dir: Path) -> list[tuple[str, Row]]:
    """(doc_id, gold) for every <doc_id>.json in the folder, sorted by file name."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold folder")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"no gold files in {gold_dir}")
    golds = []
    for path in files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}: not JSON: {e}") from None
        golds.append((str(gold.get("doc_id") or path.stem), gold))
    return golds


# -- scoring ---------------------------------------------------------------------------------
def rule_of(row: Row) -> str:
    return str(row.get("rule") or NO_RULE)


class Tally:
    """Counts for one kind: the score.py totals, per-rule counts, misses and false alarms."""

    def __init__(self) -> None:
        self.totals = {"tp": 0, "fp": 0, "fn": 0, "metric_ok": 0}
        self.rules: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "optional": 0})
        self.misses: list[Row] = []
        self.alarms: list[Row] = []

    def add(self, doc: str, kind: str, preds: list[Row], golds: list[Row]) -> None:
        required = [g for g in golds if not g.get("optional")]
        optional = [g for g in golds if g.get("optional")]
        pairs, missed, extra = pair_up(preds, required, MATCHERS[kind])
        optional_pairs, _, extra = pair_up(extra, optional, MATCHERS[kind])  # optional hits cost nothing
        self.totals["tp"] += len(pairs)
        self.totals["fn"] += len(missed)
        self.totals["fp"] += len(extra)
        if kind == "claims":
            self.totals["metric_ok"] += sum(1 for p, g in pairs
                                            if bigrams(squash(p.get("metric"))) & bigrams(squash(g.get("metric"))))
        for p, _ in pairs:
            self.rules[rule_of(p)]["tp"] += 1
        for p, _ in optional_pairs:
            self.rules[rule_of(p)]["optional"] += 1
        for p in extra:
            self.rules[rule_of(p)]["fp"] += 1
        self.misses += [{"doc_id": doc, **g} for g in missed]
        self.alarms += [{"doc_id": doc, **p} for p in extra]

    def figures(self) -> dict[str, Any]:
        t = self.totals
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {**t, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    def by_rule(self) -> dict[str, dict[str, Any]]:
        """Per rule: tp, fp, optional hits and precision; the rules with most false alarms first."""
        out = {}
        for rule, c in sorted(self.rules.items(), key=lambda kv: (-kv[1]["fp"], kv[1]["tp"], kv[0])):
            judged = c["tp"] + c["fp"]
            out[rule] = {**c, "precision": round(c["tp"] / judged, 4) if judged else 0.0}
        return out


def evaluate(out_dir: Path, gold_dir: Path) -> dict[str, Any]:
    """Scores of the run in out_dir against gold_dir, over the documents that have gold.

    Per kind the same keys as score.py (tp, fp, fn, metric_ok, precision, recall, f1; claims
    also metric_share), then mean_f1 and documents as score.py gives them; besides those,
    `by_rule` (kind -> rule -> tp, fp, optional, precision), `misses` and `alarms` (kind ->
    rows, each with its doc_id)."""
    out_dir, gold_dir = Path(out_dir), Path(gold_dir)
    check_output_folder(out_dir)
    golds = load_gold(gold_dir)
    preds = load_predictions(out_dir)
    unmatched = unmatched_gold(out_dir, golds, preds)
    tallies = {kind: Tally() for kind in KINDS}
    for doc, gold in golds:
        for kind in KINDS:
            tallies[kind].add(doc, kind, preds[doc][kind], gold.get(kind, []))
    result: dict[str, Any] = {kind: tallies[kind].figures() for kind in KINDS}
    claims_tp = tallies["claims"].totals["tp"]
    result["claims"]["metric_share"] = round(tallies["claims"].totals["metric_ok"] / claims_tp, 4) if claims_tp else 0.0
    result["mean_f1"] = round(sum(result[k]["f1"] for k in KINDS) / len(KINDS), 4)
    result["documents"] = len(golds)
    result["unmatched_gold"] = unmatched  # gold doc_ids the run has no document for (scored as all missed)
    result["by_rule"] = {kind: tallies[kind].by_rule() for kind in KINDS}
    result["misses"] = {kind: tallies[kind].misses for kind in KINDS}
    result["alarms"] = {kind: tallies[kind].alarms for kind in KINDS}
    return result


def unmatched_gold(out_dir: Path, golds: list[tuple[str, Row]], preds: dict[str, Any]) -> list[str]:
    """The gold doc_ids that are no document of the run (in its documents table or records)."""
    run_ids = run_doc_ids(out_dir, preds)
    return [doc for doc, _ in golds if doc not in run_ids]


def run_doc_ids(out_dir: Path, preds: dict[str, Any]) -> set[str]:
    return {str(row.get("doc_id")) for row in read_jsonl(out_dir / "documents.jsonl")} | set(preds)


def no_gold_matches(out_dir: Path, gold_dir: Path, result: dict[str, Any]) -> str | None:
    """The error to give when no gold document is a document of the run: all-zero scores
    would look like a result, when the two folders are about different documents."""
    unmatched = result["unmatched_gold"]
    if len(unmatched) < result["documents"]:
        return None
    run_ids = sorted(run_doc_ids(out_dir, load_predictions(out_dir)))
    return (f"no gold document of {gold_dir} ({_some(unmatched)}) is a document of the run in {out_dir} "
            f"({_some(run_ids)}): the doc_ids must match (a file's stem, or the JSONL id)")


def _some(ids: list[str], shown: int = 5) -> str:
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return (", ".join(ids[:shown]) or "none") + more


def harmful_rules(result: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, rule, counts) of rules with more false than true positives, worst first."""
    found = [(kind, rule, c) for kind, rules in result["by_rule"].items() for rule, c in rules.items()
             if c["fp"] > c["tp"]]
    return sorted(found, key=lambda x: (x[2]["tp"] - x[2]["fp"], x[0], x[1]))
