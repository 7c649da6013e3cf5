"""Per-stage CPU seconds of `zhfacts run --jobs 1`, on the process's CPU clock instead of the wall
clock: on a shared, loaded machine the wall-clock stage table of bench/run.py moves with the
other sessions, this one hardly does.

    .venv/bin/python bench/stage_cpu.py [--chars 3000000] [--corpus DIR]

Builds the synthetic corpus of bench/run.py (same seed) unless --corpus is given, runs the
pipeline in this process with every stage timer reading `time.process_time`, and prints the
stages, the run and the whole process (start-up included) in CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import DEFAULT_SEED, write_corpus  # noqa: E402


def main() -> None:
    started = time.process_time()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    # the stage timers call time.perf_counter through these modules' `time`: give them the CPU clock
    cpu_clock = types.SimpleNamespace(perf_counter=time.process_time, process_time=time.process_time)
    import zhfacts.run.batch as batch
    import zhfacts.run.processor as processor

    processor.time = cpu_clock
    batch.time = cpu_clock
    with tempfile.TemporaryDirectory(prefix="zhfacts-stage-cpu-") as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, args.chars, DEFAULT_SEED)
        out = Path(tmp) / "out"
        batch.run([str(corpus)], out, jobs=1)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    stages = manifest["stage_seconds"]
    print(f"{manifest['input_chars']:,} characters, {manifest['input_count']} documents; CPU seconds:")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"    {stage:<14} {seconds:>7.2f}")
    print(f"    {'(stages)':<14} {sum(stages.values()):>7.2f}")
    print(f"    {'run':<14} {manifest['seconds']:>7.2f}")
    print(f"    {'process':<14} {time.process_time() - started:>7.2f}  (start-up and corpus building included)")


if __name__ == "__main__":
    main()
