"""Worst-case timing of every regular expression the pipeline uses, and of each stage on hostile text.

    .venv/bin/python bench/regex_worst_case.py [--size 4000] [--limit 5]

Regexes: every compiled pattern the pipeline holds after processing a few documents (module
globals, caches, rules-built alternations: found through the garbage collector). Each is run
with `finditer` over adversarial inputs (runs of the characters it names, digits with
separators, white space, markup) of n and 4n characters. Linear matching takes ~4x as long
on the longer input; 16x means quadratic. A search that runs past --limit seconds is
reported as catastrophic. Stages: the whole pipeline on one single line of n and 4n
characters, stage by stage. Prints the worst cases first. Not a test: timings live here.
"""

from __future__ import annotations

import argparse
import gc
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zhfacts.run.processor import DocumentProcessor  # noqa: E402
from zhfacts.text.ingest import Source  # noqa: E402

GENERIC = ["1", "1,", "1.", "12.5%", "万", "亿元", "约", "第", "至", "、", "，", " ", "\n", "\u3000", "a", "<b>",
           "潼南区", "有限公司", "年", "月", "日", "（", "“"]
SAMPLE = ("2025年上半年，潼南区新增科技型企业137家，同比增长12.5%，实现产值526.8亿元，约占全市的三成。"
          "重庆理工清科先进材料研究院有限公司负责人说，项目投资5至50万元。\n")


class TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise TooSlow()


def live_patterns() -> dict[str, re.Pattern]:
    return {o.pattern: o for o in gc.get_objects() if isinstance(o, re.Pattern) and isinstance(o.pattern, str)}


def pipeline_patterns() -> tuple[DocumentProcessor, list[re.Pattern]]:
    """The patterns that exist once the pipeline has run, less those of a blank spaCy pipeline."""
    from zhfacts.nlp.spacy_components import blank_zh

    blank_zh()("潼南区新增企业12家。")
    baseline = live_patterns()
    processor = DocumentProcessor()
    processor.process(Source("sample", "sample", text=SAMPLE * 3))
    mine = [p for source, p in live_patterns().items() if source not in baseline]
    return processor, sorted(mine, key=lambda p: p.pattern)


def adversarial_inputs(pattern: re.Pattern, n: int) -> dict[str, str]:
    literal = sorted({c for c in pattern.pattern if not c.isascii() or c.isalnum() or c in "%.,"})[:40]
    units = GENERIC + ["".join(literal)] + literal[:8]
    return {unit: (unit * (n // len(unit) + 1))[:n] + "\x00" for unit in units if unit}


def time_search(pattern: re.Pattern, text: str, limit: float) -> float:
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        for _ in pattern.finditer(text):
            pass
    except TooSlow:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started


def regex_report(patterns: list[re.Pattern], n: int, limit: float) -> None:
    rows = []
    print(f"timing {len(patterns)} patterns ...", flush=True)
    for pattern in patterns:
        worst = (0.0, 0.0, "")
        for unit, text in adversarial_inputs(pattern, n).items():
            small = time_search(pattern, text, limit)
            big = time_search(pattern, (text[:-1] * 4) + "\x00", limit) if small != float("inf") else small
            if big > worst[1]:
                worst = (small, big, unit)
        rows.append((worst[1], worst[0], worst[2], pattern.pattern))
    rows.sort(reverse=True)
    print(f"{len(patterns)} patterns, inputs of {n:,} and {4 * n:,} characters; worst input per pattern:")
    print(f"{'4n s':>8} {'growth':>7}  {'input':<10} pattern")
    for big, small, unit, source in rows[:25]:
        growth = "inf" if big == float("inf") else f"{big / max(small, 1e-6):.1f}x"
        print(f"{big:>8.4f} {growth:>7}  {unit[:10]!r:<10} {source[:90]!r}")
    slow = [r for r in rows if r[0] == float("inf")]
    superlinear = [r for r in rows if r[0] != float("inf") and r[0] > 0.01 and r[0] / max(r[1], 1e-6) > 8]
    print(f"catastrophic (> {limit}s): {len(slow)}; superlinear (> 8x for 4x input, > 10 ms): {len(superlinear)}")


def stage_report(processor: DocumentProcessor, n: int) -> None:
    line = "".join(f"荣昌区第{k}批项目投资{k}万元，推进产业升级。" for k in range(1, n))
    print(f"\nthe whole pipeline on one line without line breaks ({n:,} and {4 * n:,} characters):")
    timings = {}
    for size in (n, 4 * n):
        processor.timings.clear()
        processor.process(Source("line", "line", text=line[:size]))
        timings[size] = dict(processor.timings)
    print(f"    {'stage':<14} {'n s':>8} {'4n s':>8} growth")
    for stage in sorted(timings[4 * n], key=lambda s: -timings[4 * n][s]):
        small, big = timings[n].get(stage, 0.0), timings[4 * n][stage]
        print(f"    {stage:<14} {small:>8.3f} {big:>8.3f} {big / max(small, 1e-6):>5.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=4000, help="n: characters of the shorter input")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds before a search counts as catastrophic")
    parser.add_argument("--line", type=int, default=25_000, help="n for the single-line stage timing")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    processor, patterns = pipeline_patterns()
    regex_report(patterns, args.size, args.limit)
    stage_report(processor, args.line)


if __name__ == "__main__":
    main()
