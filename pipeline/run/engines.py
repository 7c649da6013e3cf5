"""Where documents are processed: in this process, in a local process pool, or on Dask.

Every engine runs the same function, `process_chunk`, on chunks of sources and yields the
results in input order, with a bounded number of chunks in flight so memory stays flat
however long the input. Each worker process builds its DocumentProcessor (spaCy pipeline,
segmenter dictionary) once and reuses it for every chunk it gets.

- `serial`: this process (`--jobs 1`).
- `pool`: `concurrent.futures.ProcessPoolExecutor` with `--jobs N` workers (forked on Linux,
  so they start without importing spaCy again).
- `dask`: a `dask.distributed` client, on a local cluster of N single-threaded worker
  processes or on an existing scheduler (`--scheduler tcp://HOST:PORT`). The driver reads
  the inputs and ships chunks of text to the workers, so workers need no access to the
  input files, only the same zhfacts version and rules (checked on every chunk).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from zhfacts import regex_cache
from zhfacts.run.lifetime import die_with_parent
from zhfacts.run.processor import (
    DocumentProcessor,
    EncodedResult,
    Identity,
    RunOptions,
    Setup,
    error_document,
    run_identity,
)
from zhfacts.run.write import encode_rows
from zhfacts.text.ingest import Source

log = logging.getLogger(__name__)
CHUNK_CHARS = 50_000  # characters of text per chunk: large enough to amortize the hand-off
CHUNK_DOCS = 100  # and at most this many documents, so short ones still spread over workers
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: keeps workers busy without reading ahead of them
ENGINES = ("local", "dask")
GC_GEN0_THRESHOLD = 20_000  # allocations between young-generation collections (Python's default: 700)
WARM_UP_TEXT = "2024年上半年，潼南区新增科技型企业12家，同比增长8.5%。"


class EngineError(RuntimeError):
    """The engine cannot run: Dask missing, a scheduler out of reach, workers of another version."""


@dataclass
class ChunkResult:
    results: list[EncodedResult]
    timings: dict[str, float]
    identity: Identity = field(default_factory=dict)


@cache
def worker_processor(setup: Setup) -> DocumentProcessor:
    """The DocumentProcessor of this process, built on first use and warmed up: one short
    document through it loads what extractors load on first use (dictionaries, gazetteers).
    Then the garbage collector is told that all this stays (gc.freeze), and to run less often:
    a batch allocates many short-lived objects, and the full collections would otherwise walk
    the loaded dictionaries again and again (~10% of the run)."""
    with regex_cache.compiling():  # what extractors compile on first use: kept between runs
        processor = DocumentProcessor.of(setup)
        processor.process(Source("warm-up", "<warm-up>", text=WARM_UP_TEXT))
    regex_cache.save()  # the patterns of start-up, for the next run's
    regex_cache.release()
    processor.timings.clear()
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_GEN0_THRESHOLD, *gc.get_threshold()[1:])
    return processor


@cache
def worker_identity(setup: Setup) -> Identity:
    return run_identity(setup)


def warm_up(setup: Setup, parent: int | None = None) -> None:
    """Pool initializer: the worker dies with its parent, and its processor is ready before
    the first chunk arrives."""
    if parent is not None:
        die_with_parent(parent)
    worker_processor(setup)


def process_chunk(chunk: list[Source], setup: Setup, doc_timeout: float | None) -> ChunkResult:
    """Process a chunk of sources in this process; the unit of work of every engine."""
    processor = worker_processor(setup)
    processor.timings.clear()
    results = [processor.encode(src, doc_timeout) for src in chunk]
    return ChunkResult(results, dict(processor.timings), worker_identity(setup))


def chunks_of(sources: Iterable[Source], max_chars: int = CHUNK_CHARS, max_docs: int = CHUNK_DOCS
              ) -> Iterator[list[Source]]:
    """Group sources into chunks of about max_chars characters (at least one document each)."""
    chunk: list[Source] = []
    chars = 0
    for src in sources:
        chunk.append(src)
        chars += len(src.text or "")
        if chars >= max_chars or len(chunk) >= max_docs:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class Engine:
    """Runs process_chunk over chunks; `map` yields (chunk, results) in input order."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.timings: Counter[str] = Counter()
        self.identity = run_identity(options.setup)

    def map(self, chunks: Iterable[list[Source]]) -> Iterator[tuple[list[Source], list[EncodedResult]]]:
        for chunk, result in self._results(chunks):
            self._check(result)
            self.timings.update(result.timings)
            yield chunk, result.results

    def _check(self, result: ChunkResult) -> None:
        """Local workers are this process's children: nothing to check."""

    def _results(self, chunks: Iterable[list[Source]]) -> Iterator[tuple[list[Source], ChunkResult]]:
        for chunk in chunks:
            yield chunk, process_chunk(chunk, self.options.setup, self.options.doc_timeout)

    def close(self) -> None:
        """Release workers."""


class PoolEngine(Engine):
    """A local process pool of `jobs` workers. A worker that dies (killed for memory, say)
    breaks the pool: the chunks it took down are retried document by document in a fresh
    pool, and the document that kills its worker again becomes an error row."""

    def __init__(self, options: RunOptions) -> None:
        super().__init__(options)
        # ONNX Runtime's thread pools do not survive fork (upstream reports hangs): with the
        # organization model, workers start fresh and load it themselves
        forking = "fork" in multiprocessing.get_all_start_methods() and not options.org_model
        if forking:
            warm_up(options.setup)  # once here: the forked workers inherit the loaded pipeline and dictionaries
        self.context = multiprocessing.get_context("fork" if forking else "spawn")
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.options.jobs, mp_context=self.context, initializer=warm_up,
                                   initargs=(self.options.setup, os.getpid()))

    def _submit(self, chunk: list[Source]) -> Future:
        """The chunk's future; when the pool broke since the last look, one holding that error,
        dealt with in order like any other (see _collect)."""
        try:
            return self.pool.submit(process_chunk, chunk, self.options.setup, self.options.doc_timeout)
        except BrokenProcessPool as e:
            failed: Future = Future()
            failed.set_exception(e)
            return failed

    def _results(self, chunks: Iterable[list[Source]]) -> Iterator[tuple[list[Source], ChunkResult]]:
        window: deque[tuple[list[Source], Future]] = deque()
        limit = IN_FLIGHT_PER_WORKER * self.options.jobs
        for chunk in chunks:
            window.append((chunk, self._submit(chunk)))
            if len(window) >= limit:
                yield self._collect(window)
        while window:
            yield self._collect(window)

    def _collect(self, window: deque[tuple[list[Source], Future]]) -> tuple[list[Source], ChunkResult]:
        chunk, future = window.popleft()
        try:
            return chunk, future.result()
        except BrokenProcessPool:
            log.warning("a worker process died; retrying its documents one by one")
        self._restart()
        result = self._one_by_one(chunk)
        for i, (waiting, _) in enumerate(window):  # the broken pool lost them too
            window[i] = (waiting, self._submit(waiting))
        return chunk, result

    def _one_by_one(self, chunk: list[Source]) -> ChunkResult:
        results: list[EncodedResult] = []
        timings: Counter[str] = Counter()
        identity = self.identity
        for src in chunk:
            try:
                part = self._submit([src]).result()
            except BrokenProcessPool:
                self._restart()
                results.append(worker_died(src))
                continue
            results.extend(part.results)
            timings.update(part.timings)
            identity = part.identity
        return ChunkResult(results, dict(timings), identity)

    def _restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new_pool()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def worker_died(src: Source) -> EncodedResult:
    """The error row of a document whose worker process died while processing it, twice."""
    message = (f"{src.path}: the worker process died while processing it, also when retried alone "
               "(killed by the system, most likely out of memory); skipped")
    log.error("%s", message)
    return EncodedResult(src.doc_id, message, {"documents": encode_rows("documents", [error_document(src, message)])})


class DaskEngine(Engine):
    """A dask.distributed client: a local cluster, or the scheduler given."""

    def __init__(self, options: RunOptions) -> None:
        super().__init__(options)
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs Dask: pip install 'zhfacts[dask]'") from None
        if not log.isEnabledFor(logging.INFO):
            for name in ("distributed", "dask"):
                logging.getLogger(name).setLevel(logging.ERROR)
        self.cluster = None
        try:
            if options.scheduler:
                self.client = Client(options.scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(n_workers=options.jobs, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as e:
            self.close()
            raise EngineError(f"cannot reach the Dask scheduler {options.scheduler or '(local)'}: {e}") from None
        self.workers = max(1, sum(self.client.nthreads().values()))

    def _results(self, chunks: Iterable[list[Source]]) -> Iterator[tuple[list[Source], ChunkResult]]:
        def submit(chunk: list[Source]) -> Any:
            return self.client.submit(process_chunk, chunk, self.options.setup, self.options.doc_timeout,
                                      pure=False)

        return in_order(submit, chunks, IN_FLIGHT_PER_WORKER * self.workers)

    def _check(self, result: ChunkResult) -> None:
        if result.identity != self.identity:
            raise EngineError(f"a Dask worker runs another zhfacts or other rules ({result.identity}) than this "
                              f"process ({self.identity}): install the same version and rules on every worker")

    def close(self) -> None:
        if getattr(self, "client", None) is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def in_order(submit: Callable[[list[Source]], Any], chunks: Iterable[list[Source]], limit: int
             ) -> Iterator[tuple[list[Source], Any]]:
    """Submit chunks with at most `limit` in flight; yield (chunk, result) in submission order."""
    window: deque[tuple[list[Source], Any]] = deque()
    for chunk in chunks:
        window.append((chunk, submit(chunk)))
        if len(window) >= limit:
            done, future = window.popleft()
            yield done, future.result()
    while window:
        done, future = window.popleft()
        yield done, future.result()


@contextmanager
def open_engine(options: RunOptions) -> Iterator[Engine]:
    """The engine the options ask for, closed (workers released) when the block ends."""
    if options.engine not in ENGINES:
        raise ValueError(f"unknown engine {options.engine!r}: choose one of {', '.join(ENGINES)}")
    if options.jobs < 1:
        raise ValueError(f"--jobs must be at least 1, not {options.jobs}")
    if options.engine == "dask":
        engine: Engine = DaskEngine(options)
    elif options.jobs > 1:
        engine = PoolEngine(options)
    else:
        engine = Engine(options)
    try:
        yield engine
    finally:
        engine.close()
