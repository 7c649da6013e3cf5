"""The throughput benchmark: bare jieba against the whole pipeline, one and two processes.

    .venv/bin/python bench/run.py [--chars 3000000] [--segmenter rjieba] [--scale 3] [--repeat 3]

Builds the synthetic corpus (bench/synth.py, deterministic) in a temp folder and prints:
bare `jieba.lcut` chars/s on the same texts (dictionary loaded before timing); start-up
(imports, pipeline build, dictionaries loaded) as a process of its own; `zhfacts run --jobs 1` and `--jobs 2` as
whole processes (wall time, with and without start-up), their ratios to bare jieba and to
each other; the stage breakdown from the run's manifest (CPU seconds summed over workers);
and the peak memory (PSS and RSS) of each run's whole process tree, in a run of its own
(watching memory costs the run CPU). `--scale 3` reruns --jobs 1 and --jobs 2 on a corpus three
times larger to show memory does not grow with the batch. On a shared machine the same run varies
by up to a third: `--repeat 3` keeps the fastest of three. zhfacts' modules are compiled to
bytecode first, as an installed package has them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import DEFAULT_SEED, write_corpus  # noqa: E402

ZHFACTS = [sys.executable, "-m", "zhfacts"]
POLL_SECONDS = 0.1


def measure(command: list[str], watch_memory: bool = False) -> tuple[float, dict[str, int]]:
    """Run a command; (wall seconds, peak memory of its whole process tree in bytes): `rss` sums
    each process's RSS (pages a forked worker shares with its parent count twice), `pss` shares
    them out (the memory the tree really holds), `largest` is the largest single process.
    Reading PSS parses /proc/PID/smaps, which costs CPU the run would otherwise have (with
    --jobs 2 on 2 cores it slowed the run by a fifth): memory is watched only when asked, and
    the wall time of a watched run is not reported as a speed."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = {"rss": 0, "pss": 0, "largest": 0}
    if watch_memory:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                infos = [p.memory_full_info() for p in [root, *root.children(recursive=True)]]
                peak["rss"] = max(peak["rss"], sum(i.rss for i in infos))
                peak["pss"] = max(peak["pss"], sum(i.pss for i in infos))
                peak["largest"] = max(peak["largest"], *(i.rss for i in infos))
            except psutil.Error:
                pass
            time.sleep(POLL_SECONDS)
    proc.wait()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} exited with {proc.returncode}")
    return time.perf_counter() - started, peak


def bare_jieba(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # the dictionary is loaded before timing
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def compile_bytecode() -> bool:
    """zhfacts' own modules compiled to bytecode before anything is timed, as an installed package
    has them (pip compiles a wheel's modules, and the libraries here have theirs): an editable
    checkout run with PYTHONDONTWRITEBYTECODE=1 would compile all of them from source in every
    process (~0.09 CPU s of each start-up). The files go to __pycache__ (ignored by git)."""
    import compileall

    return bool(compileall.compile_dir(ROOT / "pipeline", quiet=1))


def startup(segmenter: str) -> float:
    # what every run does before its first document: imports, the rules check and build (check_rules,
    # as batch.run does first), the pipeline, the dictionaries and gazetteers the extractors load on
    # first use (engines.worker_processor runs one short document)
    code = ("from zhfacts.stages import check_rules; from zhfacts.run.engines import worker_processor; "
            f"from zhfacts.run.processor import Setup; check_rules(); worker_processor(Setup({segmenter!r}))")
    seconds, _ = measure([sys.executable, "-c", code])
    return seconds


def pipeline_run(corpus: Path, out: Path, jobs: int, segmenter: str, repeat: int = 1) -> dict:
    """The fastest of `repeat` unwatched runs, and the peak memory of one more, watched."""
    command = [*ZHFACTS, "run", str(corpus), "--out", str(out), "--jobs", str(jobs), "--quiet",
               "--segmenter", segmenter]
    seconds = min(measure(command)[0] for _ in range(repeat))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    _, peak = measure(command, watch_memory=True)
    return {"wall": seconds, "peak": peak, "manifest": manifest}


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def memory(peak: dict[str, int]) -> str:
    return f"peak memory {mib(peak['pss'])} PSS ({mib(peak['rss'])} RSS summed, largest process {mib(peak['largest'])})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--segmenter", default=None, help="default: the pipeline's default backend")
    parser.add_argument("--scale", type=int, nargs="*", default=[],
                        help="extra corpus sizes (x --chars), --jobs 1 and 2")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measure this many times and keep the fastest (a shared machine is noisy)")
    args = parser.parse_args()
    from zhfacts.nlp.segment import DEFAULT_BACKEND

    segmenter = args.segmenter or DEFAULT_BACKEND
    compiled = compile_bytecode()
    print(f"zhfacts' modules compiled to bytecode first, as installed: {'yes' if compiled else 'FAILED'}")
    busy = psutil.cpu_percent(interval=2.0)
    print(f"background CPU load before the runs: {busy:.0f}% of {psutil.cpu_count()} cores "
          "(figures, --jobs 2 above all, are only comparable when this is near 0)")
    with tempfile.TemporaryDirectory(prefix="zhfacts-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        docs, chars = write_corpus(corpus, args.chars, DEFAULT_SEED)
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
        print(f"corpus: {docs} synthetic articles, {chars:,} characters (seed {DEFAULT_SEED}); "
              f"{os.cpu_count()} cores; segmenter {segmenter}")
        jieba_rate = max(bare_jieba(texts) for _ in range(args.repeat))
        del texts
        print(f"bare jieba.lcut:             {jieba_rate:>10,.0f} chars/s")
        boot = startup(segmenter)
        print(f"start-up (import, build, load): {boot:>7.2f} s")
        runs = {jobs: pipeline_run(corpus, Path(tmp) / f"out{jobs}", jobs, segmenter, args.repeat) for jobs in (1, 2)}
        for jobs, r in runs.items():
            rate, rate_warm = chars / r["wall"], chars / max(r["wall"] - boot, 1e-9)
            print(f"zhfacts --jobs {jobs}:          {rate:>10,.0f} chars/s whole process "
                  f"({rate_warm:,.0f} without start-up), {r['wall']:.1f} s, {memory(r['peak'])}")
        one, two = runs[1]["wall"], runs[2]["wall"]
        print(f"ratio pipeline --jobs 1 / bare jieba: {chars / one / jieba_rate:.2f}x "
              f"(without start-up {chars / (one - boot) / jieba_rate:.2f}x)")
        print(f"ratio --jobs 2 / --jobs 1:            {one / two:.2f}x "
              f"(without start-up {(one - boot) / (two - boot):.2f}x)")
        same = all((Path(tmp) / "out1" / f"{t}.jsonl").read_bytes() == (Path(tmp) / "out2" / f"{t}.jsonl").read_bytes()
                   for t in runs[1]["manifest"]["record_counts"])
        print(f"records of --jobs 1 and --jobs 2 identical: {same}")
        print("\nstage breakdown, --jobs 1 (seconds; share of the run):")
        stages = runs[1]["manifest"]["stage_seconds"]
        for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"    {stage:<14} {seconds:>8.2f}  {seconds / one:>6.1%}")
        print(f"records: {runs[1]['manifest']['record_counts']}")
        for jobs, r in runs.items():
            print(f"main process CPU, --jobs {jobs}: {r['manifest']['main_cpu_seconds']:.1f} s")
        for factor in args.scale:
            big = Path(tmp) / f"corpus{factor}"
            _, big_chars = write_corpus(big, args.chars * factor, DEFAULT_SEED + factor)
            for jobs in (1, 2):  # the final merge and the workers' buffers must stay flat with both
                r = pipeline_run(big, Path(tmp) / f"out-x{factor}-{jobs}", jobs, segmenter)
                print(f"scale x{factor}: {big_chars:,} characters, --jobs {jobs}: {big_chars / r['wall']:,.0f} "
                      f"chars/s, {memory(r['peak'])}")


if __name__ == "__main__":
    main()
