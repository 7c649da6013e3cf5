"""Per-stage CPU seconds of the extractors alone, the fastest of several passes over one corpus in
one process: steadier than a whole run for comparing two versions of a stage (run it with each
version's interpreter, alternating).

    .venv/bin/python bench/stage_passes.py [--passes 3] [--chars 1000000] [--corpus DIR]

Builds the synthetic corpus of bench/run.py (same seed) unless --corpus is given, checks and builds
the rules, then repeats: every document prepared (repair and the rest of text/prepare.py),
segmented, run through each stage of pipeline/stages.py and made into rows, each step on the
process's CPU clock. Prints each step's fastest pass and the fastest pass's sum. Reading, encoding
and writing are left out: bench/stage_cpu.py and bench/run.py have them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import DEFAULT_SEED, write_corpus  # noqa: E402


def one_pass(texts: list[tuple[str, str]]) -> Counter[str]:
    from zhfacts.nlp.analysis import Analysis
    from zhfacts.nlp.segment import tokenize
    from zhfacts.records.build import build_rows
    from zhfacts.stages import STAGES
    from zhfacts.text.prepare import prepare_article

    seconds: Counter[str] = Counter()
    clock = time.process_time
    for doc_id, text in texts:
        started = clock()
        article = prepare_article(doc_id, text)
        seconds["prepare"] += clock() - started
        started = clock()
        doc = Analysis(article, tokenize(article.text))
        seconds["segmentation"] += clock() - started
        for stage in STAGES:
            started = clock()
            stage.run(doc)
            seconds[stage.name] += clock() - started
        started = clock()
        build_rows(article, doc.hits)
        seconds["records"] += clock() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    from zhfacts.run.processor import DocumentProcessor
    from zhfacts.stages import check_rules

    check_rules()
    DocumentProcessor()  # the segmenter's dictionaries, loaded before any pass
    with tempfile.TemporaryDirectory(prefix="zhfacts-stage-passes-") as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, args.chars, DEFAULT_SEED)
        texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
    passes = [one_pass(texts) for _ in range(args.passes)]
    fastest = {step: min(p[step] for p in passes) for step in passes[0]}
    print(f"{sum(map(len, (t for _, t in texts))):,} characters, {len(texts)} documents; "
          f"CPU seconds, fastest of {args.passes} passes:")
    for step, seconds in sorted(fastest.items(), key=lambda kv: -kv[1]):
        print(f"    {step:<14} {seconds:>7.3f}")
    print(f"    {'(fastest sum)':<14} {min(sum(p.values()) for p in passes):>7.3f}")


if __name__ == "__main__":
    main()
