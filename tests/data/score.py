#!/usr/bin/env python3
# Copied verbatim from ../shared/eval/score.py (the project's reference scorer, outside this
# repository; everything below this header is unchanged), so that tests pass on a fresh clone.
# pipeline/audit/evaluate.py re-implements its matching; tests/test_eval.py checks that both
# agree and, where ../shared exists, that this copy is current.
"""Score a run's records against hand-made gold files.

    python3 ../shared/eval/score.py OUT_DIR GOLD_DIR [--json] [--show N]

OUT_DIR holds the records the pipeline wrote (quantities.jsonl, organizations.jsonl,
places.jsonl, claims.jsonl; see ../shared/CONTRACT.md). GOLD_DIR holds <doc_id>.json
files (format: GOLD_FORMAT.md beside this file). Only documents with a gold file count.

Prints precision, recall and F1 per kind and their mean. --show N also lists up to N
misses and false alarms per kind, to see what went wrong. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

KINDS = ("quantities", "organizations", "districts", "claims")
SPACE = re.compile(r"\s+")


def squash(text) -> str:
    return SPACE.sub("", str(text or ""))


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line:
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: not JSON: {e}")
    return rows


def same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same_amount(p: dict, g: dict) -> bool:
    """Same value, or same range bounds when gold is a range."""
    if g.get("value") is None and (g.get("value_min") is not None or g.get("value_max") is not None):
        return same_number(p.get("value_min"), g.get("value_min")) and same_number(
            p.get("value_max"), g.get("value_max"))
    return same_number(p.get("value"), g.get("value"))


def contains_either(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def match_quantity(p, g):
    return (squash(p.get("unit")) == squash(g.get("unit")) and same_amount(p, g)
            and contains_either(squash(p.get("text")), squash(g.get("text"))))


def match_org(p, g):
    return squash(p.get("text")) == squash(g.get("text"))


def match_district(p, g):
    return (squash(p.get("canonical")) == squash(g.get("canonical"))
            and contains_either(squash(p.get("text")), squash(g.get("text"))))


def unsigned(row: dict) -> dict:
    """A claim may carry the sign of a decline (下降2.3% -> -2.3); gold keeps the number as printed."""
    def strip(v):
        try:
            return abs(float(v)) if v is not None else None
        except (TypeError, ValueError):
            return v
    return {k: strip(row.get(k)) for k in ("value", "value_min", "value_max")}


def match_claim(p, g):
    return (squash(p.get("district")) == squash(g.get("district"))
            and squash(p.get("unit")) == squash(g.get("unit")) and same_amount(unsigned(p), unsigned(g)))


MATCHERS = {"quantities": match_quantity, "organizations": match_org,
            "districts": match_district, "claims": match_claim}


def pair_up(preds: list[dict], golds: list[dict], same) -> tuple[list, list, list]:
    """One-to-one matching in document order, surfaces that are equal first, then the rest.
    Returns (pairs, missed, false_alarms)."""
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


def load_predictions(out_dir: Path) -> dict[str, dict[str, list[dict]]]:
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in read_jsonl(out_dir / "quantities.jsonl"):
        by_doc[str(row.get("doc_id"))]["quantities"].append(row)
    for row in read_jsonl(out_dir / "organizations.jsonl"):
        by_doc[str(row.get("doc_id"))]["organizations"].append(row)
    for row in read_jsonl(out_dir / "places.jsonl"):
        if row.get("level") in ("district", "county"):
            by_doc[str(row.get("doc_id"))]["districts"].append(row)
    for row in read_jsonl(out_dir / "claims.jsonl"):
        by_doc[str(row.get("doc_id"))]["claims"].append(row)
    return by_doc


def score(out_dir: Path, gold_dir: Path) -> dict:
    preds = load_predictions(out_dir)
    totals = {k: {"tp": 0, "fp": 0, "fn": 0, "metric_ok": 0} for k in KINDS}
    misses = {k: [] for k in KINDS}
    alarms = {k: [] for k in KINDS}
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        sys.exit(f"no gold files in {gold_dir}")
    for gf in gold_files:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        doc = str(gold.get("doc_id") or gf.stem)
        for kind in KINDS:
            golds = gold.get(kind, [])
            required = [g for g in golds if not g.get("optional")]
            optional = [g for g in golds if g.get("optional")]
            pairs, missed, extra = pair_up(preds[doc][kind], required, MATCHERS[kind])
            _, _, extra = pair_up(extra, optional, MATCHERS[kind])  # optional hits cost nothing
            t = totals[kind]
            t["tp"] += len(pairs)
            t["fn"] += len(missed)
            t["fp"] += len(extra)
            if kind == "claims":
                t["metric_ok"] += sum(1 for p, g in pairs
                                      if bigrams(squash(p.get("metric"))) & bigrams(squash(g.get("metric"))))
            misses[kind] += [(doc, g) for g in missed]
            alarms[kind] += [(doc, p) for p in extra]
    result = {}
    for kind, t in totals.items():
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[kind] = {**t, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    result["claims"]["metric_share"] = round(
        totals["claims"]["metric_ok"] / totals["claims"]["tp"], 4) if totals["claims"]["tp"] else 0.0
    result["mean_f1"] = round(sum(result[k]["f1"] for k in KINDS) / len(KINDS), 4)
    result["_misses"], result["_alarms"] = misses, alarms
    result["documents"] = len(gold_files)
    return result


def brief(row: dict) -> str:
    keep = ("text", "value", "value_min", "value_max", "unit", "district", "metric", "canonical", "type")
    return json.dumps({k: row[k] for k in keep if row.get(k) is not None}, ensure_ascii=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="list up to N misses and false alarms per kind")
    args = ap.parse_args()
    res = score(args.out_dir, args.gold_dir)
    misses, alarms = res.pop("_misses"), res.pop("_alarms")
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    else:
        print(f"{'kind':<14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
        for kind in KINDS:
            r = res[kind]
            print(f"{kind:<14}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
        print(f"claims with a matching metric: {res['claims']['metric_share']:.3f}")
        print(f"mean F1 over {res['documents']} documents: {res['mean_f1']:.3f}")
    for kind in KINDS if args.show else ():
        for doc, g in misses[kind][:args.show]:
            print(f"MISS  {kind:<13} {doc}: {brief(g)}")
        for doc, p in alarms[kind][:args.show]:
            print(f"ALARM {kind:<13} {doc}: {brief(p)}")


if __name__ == "__main__":
    main()
