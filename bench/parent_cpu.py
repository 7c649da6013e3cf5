"""The parent's CPU during `zhfacts run --jobs N`, by part: what it takes from the cores the
workers need (on 2 cores with 2 workers, every CPU second of the parent's is about half a second
of wall time).

    .venv/bin/python bench/parent_cpu.py [--chars 1000000] [--corpus DIR] [--jobs 2]

Builds the synthetic corpus of bench/run.py (same seed) unless --corpus is given, builds the
rules and warms up the pipeline first (start-up is bench/startup.py's), then runs the batch in
this process with the parent's functions wrapped to add up their thread CPU time: listing the
folder, decoding, reading in all (listing and decoding included), the duplicate check, Arrow's
import, the rows and texts spooled. Prints those, the main thread's and the whole process's CPU
(the pool's threads are the difference), and the workers' CPU (all children's).
"""

from __future__ import annotations

import argparse
import collections
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import DEFAULT_SEED, write_corpus  # noqa: E402

spent: collections.Counter[str] = collections.Counter()


def timed_call(fn: Callable[..., Any], part: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[part] += time.thread_time() - started
    return wrapper


def timed_iter(fn: Callable[..., Iterator[Any]], part: str) -> Callable[..., Iterator[Any]]:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = fn(*args, **kwargs)
        while True:
            started = time.thread_time()
            item = next(items, None)
            spent[part] += time.thread_time() - started
            if item is None:
                return
            yield item
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    import zhfacts.run.batch as batch
    import zhfacts.run.write as write
    import zhfacts.text.ingest as ingest
    from zhfacts.run.engines import worker_processor
    from zhfacts.run.processor import Setup
    from zhfacts.stages import check_rules

    ingest.files_below = timed_call(ingest.files_below, "listing")
    ingest.decode_bytes = timed_call(ingest.decode_bytes, "decoding")
    write.load_arrow = timed_call(write.load_arrow, "Arrow's import")
    write.RunWriter.add_encoded = timed_call(write.RunWriter.add_encoded, "rows spooled (Arrow's import too)")
    write.RunWriter.add_text = timed_call(write.RunWriter.add_text, "texts spooled")
    batch.iter_sources = timed_iter(batch.iter_sources, "reading (listing, decoding too)")
    batch.marking_duplicates = timed_iter(batch.marking_duplicates, "reading + duplicate check")
    check_rules()
    worker_processor(Setup())
    with tempfile.TemporaryDirectory(prefix="zhfacts-parent-") as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, args.chars, DEFAULT_SEED)
        thread, process = time.thread_time(), time.process_time()
        summary = batch.run([str(corpus)], Path(tmp) / "out", jobs=args.jobs)
        thread, process = time.thread_time() - thread, time.process_time() - process
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{summary.chars:,} characters, {summary.documents} documents, --jobs {args.jobs}; CPU seconds:")
    for part, seconds in spent.most_common():
        print(f"    {part:<36} {seconds:6.3f}")
    print(f"    {'main thread':<36} {thread:6.3f}")
    print(f"    {'parent process (all its threads)':<36} {process:6.3f}")
    print(f"    {'children (workers, table writers)':<36} {children.ru_utime + children.ru_stime:6.3f}")


if __name__ == "__main__":
    main()
