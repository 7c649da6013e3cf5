"""Compiled hot loops, measured before any of them goes into the build (issue 15).

    .venv/bin/pip install cython && .venv/bin/python bench/cython_loops.py [--chars 1000000]

Builds each loop of bench/cython/ in a temporary folder, checks that it finds exactly what the
pure-Python path finds (on the synthetic corpus, the bundled articles and random strings), then
prints the CPU seconds of both on the synthetic corpus. Today one loop: repair's doubled-run
search, `(\\S.{2,39})\\1` over every line, the costliest regular expression of repair (sre backtracks
through every run length at every position; the loop reads each candidate length's first
character and stops there).
"""

from __future__ import annotations

import argparse
import importlib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import BUNDLED, DEFAULT_SEED, write_corpus  # noqa: E402
from zhfacts.rules import load_yaml  # noqa: E402
from zhfacts.text.repair import repair_rules  # noqa: E402


def build(source: Path, folder: Path) -> None:
    """cythonize -i in folder (a copy of the source), so nothing is written beside the project."""
    target = folder / source.name
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-3", "-q", str(target)],
                   check=True, capture_output=True, cwd=folder)


def cpu(fn, texts: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    rules = repair_rules()
    pattern, low, high = rules.doubled_run, rules.doubled_min_run, int(load_yaml("repair.yaml")["doubled_max_run"])
    with tempfile.TemporaryDirectory(prefix="zhfacts-cython-") as tmp:
        folder = Path(tmp)
        build(ROOT / "bench" / "cython" / "doubled_runs.pyx", folder)
        sys.path.insert(0, str(folder))
        compiled = importlib.import_module("doubled_runs").doubled_runs
        write_corpus(folder / "corpus", args.chars, DEFAULT_SEED)
        texts = [p.read_text(encoding="utf-8") for p in sorted((folder / "corpus").glob("*.txt"))]

    def regex(text: str) -> list[tuple[int, int]]:
        return [(m.start(), len(m.group(1))) for m in pattern.finditer(text)]

    rng = random.Random(DEFAULT_SEED)
    probes = ["".join(rng.choice("ab 中\n\t\u3000") for _ in range(rng.randint(0, 120))) for _ in range(20_000)]
    bundled = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.txt"))]
    for text in [*texts, *bundled, *probes]:
        if regex(text) != compiled(text, low, high):
            raise SystemExit(f"the compiled loop differs from the regex on {text[:60]!r}")
    print(f"identical on {len(texts)} synthetic documents, {len(bundled)} bundled, {len(probes)} random strings")
    print(f"doubled runs, CPU seconds on {sum(map(len, texts)):,} characters: "
          f"regex {cpu(regex, texts):.3f}, compiled {cpu(lambda t: compiled(t, low, high), texts):.3f}")


if __name__ == "__main__":
    main()
