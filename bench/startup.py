"""Start-up of `zhfacts run` by part, in CPU seconds (`time.process_time`, steady on a busy
machine, unlike the wall clock), each part measured in a fresh process, in the order a run
does them:

    .venv/bin/python bench/startup.py [--repeat 5]

imports (what `zhfacts run` imports before it starts), the CLI's argument parsing (typer),
the rules check (validate_all; "cold" with an empty cache folder, "cached" with the marker of
an earlier run), the rules built (check_rules' builders), the run identity, the warm-up
(segmenter and dictionaries: one short document), and Arrow (imported when the first
document's rows reach the writer). Prints the median of the repeats for each part.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = r"""
import json, sys, time
T = time.process_time
parts, t = {}, T()
def mark(name):
    global t
    now = T(); parts[name] = now - t; t = now
import zhfacts.cli, zhfacts.run.batch
mark("imports")
import zhfacts.run.batch as batch
def stop(*args, **kwargs):
    raise SystemExit(0)
real_run, batch.run = batch.run, stop
sys.argv = ["zhfacts", "run", sys.argv[1], "--out", sys.argv[2], "--jobs", "1", "--quiet"]
try:
    zhfacts.cli.main()
except SystemExit:
    pass
mark("typer invocation")
from zhfacts.rules import validate_all
validate_all()
mark("rules check")
from zhfacts.stages import check_rules
check_rules()
mark("rules built")
from zhfacts.run.processor import Setup, run_identity
run_identity(Setup())
mark("run identity")
from zhfacts.run.engines import worker_processor
worker_processor(Setup())
mark("warm-up")
try:
    from zhfacts.run.write import load_arrow
except ImportError:  # a version that imports Arrow with the records
    load_arrow = lambda: None
load_arrow()
mark("arrow")
print(json.dumps(parts))
"""


def probe(cache: Path, folder: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(folder), str(folder / "out")], capture_output=True,
                          text=True, check=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)}, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zhfacts-startup-") as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_text("今年，某区新签约项目12个。", encoding="utf-8")
        cold = [probe(folder / f"cache-{n}", folder) for n in range(args.repeat)]  # a new cache folder each time
        cached = [probe(folder / "cache-0", folder) for _ in range(args.repeat)]
    print(f"{'part (CPU s, median of ' + str(args.repeat) + ')':34s} {'cold cache':>10s} {'cached':>10s}")
    for part in cold[0]:
        print(f"{part:34s} {statistics.median(r[part] for r in cold):10.3f} "
              f"{statistics.median(r[part] for r in cached):10.3f}")
    print(f"{'total':34s} {statistics.median(sum(r.values()) for r in cold):10.3f} "
          f"{statistics.median(sum(r.values()) for r in cached):10.3f}")


if __name__ == "__main__":
    main()
