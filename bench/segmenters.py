"""jieba against rjieba: speed, segmentation and, what matters, the extracted records.

    .venv/bin/python bench/segmenters.py [--chars 3000000] [--record-chars 1000000]

Both backends load the same user dictionary (rules/lexicon/userdict.txt) through
zhfacts.nlp.segment.load_segmenter. On the bundled articles, the synthetic benchmark corpus
(bench/synth.py) and, when ../shared is beside the project, the Recognizers-Text spec
sentences (other vocabulary) it prints each backend's speed, how many documents and tokens
segment differently, and how many records differ, table by table.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import BUNDLED, synthetic_articles  # noqa: E402
from zhfacts.nlp.segment import BACKENDS, load_segmenter  # noqa: E402
from zhfacts.run.batch import ALL_TABLES  # noqa: E402
from zhfacts.run.processor import DocumentProcessor  # noqa: E402
from zhfacts.text.ingest import Source  # noqa: E402

PEER_SPECS = Path(__file__).resolve().parent.parent.parent / "shared" / "peers" / "recognizers-text"


def tokens(backend: str, texts: list[str]) -> tuple[list[list[str]], float]:
    cut = load_segmenter(backend)
    started = time.perf_counter()
    out = [list(cut(text)) for text in texts]
    return out, time.perf_counter() - started


def token_differences(a: list[list[str]], b: list[list[str]]) -> tuple[int, int, int, list[str]]:
    """(documents that differ, tokens of a not matched in b, tokens in all, examples)."""
    docs, unmatched, total, examples = 0, 0, 0, []
    for x, y in zip(a, b, strict=True):
        total += len(x)
        if x == y:
            continue
        docs += 1
        matcher = difflib.SequenceMatcher(a=x, b=y, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                unmatched += i2 - i1
                if len(examples) < 8:
                    examples.append(f"{'|'.join(x[i1:i2])}  vs  {'|'.join(y[j1:j2])}")
    return docs, unmatched, total, examples


def records(backend: str, texts: list[str]) -> dict[str, set[str]]:
    processor = DocumentProcessor(backend)
    rows: dict[str, set[str]] = {t: set() for t in ALL_TABLES}
    for n, text in enumerate(texts):
        result = processor.process(Source(f"doc{n:05d}", f"doc{n:05d}", text=text))
        for table, table_rows in result.rows().items():
            rows[table].update(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in table_rows)
    return rows


def compare(name: str, texts: list[str], record_texts: list[str]) -> None:
    chars = sum(map(len, texts))
    print(f"\n## {name}: {len(texts)} documents, {chars:,} characters")
    cuts = {}
    for backend in BACKENDS:
        cuts[backend], seconds = tokens(backend, texts)
        print(f"{backend:>7}: {chars / seconds:>12,.0f} chars/s (segmentation with the user dictionary)")
    docs, unmatched, total, examples = token_differences(cuts["jieba"], cuts["rjieba"])
    print(f"segmentation: {docs} of {len(texts)} documents differ; {unmatched} of {total:,} jieba tokens "
          f"({unmatched / max(total, 1):.4%}) are not matched by rjieba")
    for example in examples:
        print(f"    jieba {example} rjieba")
    record_chars = sum(map(len, record_texts))
    print(f"records (on {len(record_texts)} documents, {record_chars:,} characters):")
    by_backend = {backend: records(backend, record_texts) for backend in BACKENDS}
    for table in ALL_TABLES:
        a, b = by_backend["jieba"][table], by_backend["rjieba"][table]
        print(f"    {table:<14} jieba {len(a):>7,}  rjieba {len(b):>7,}  only jieba {len(a - b):>5}  "
              f"only rjieba {len(b - a):>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=3_000_000, help="size of the synthetic corpus")
    parser.add_argument("--record-chars", type=int, default=1_000_000,
                        help="characters of it run through the whole pipeline with each backend")
    args = parser.parse_args()
    for backend in BACKENDS:
        load_segmenter(backend)  # dictionaries loaded before any timing
    bundled = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.txt"))]
    compare("bundled articles", bundled, bundled)
    synthetic = synthetic_articles(args.chars)
    subset, total = [], 0
    for text in synthetic:
        if total >= args.record_chars:
            break
        subset.append(text)
        total += len(text)
    compare("synthetic benchmark corpus (bench/synth.py)", synthetic, subset)
    peers = sorted(PEER_SPECS.glob("*.json")) if PEER_SPECS.is_dir() else []
    if peers:  # other vocabulary than our two articles: the Recognizers-Text sentences, when ../shared is here
        sentences = [case["Input"] for path in peers for case in json.loads(path.read_text(encoding="utf-8"))]
        compare("Recognizers-Text Chinese spec sentences (../shared/peers)", sentences, sentences)


if __name__ == "__main__":
    main()
