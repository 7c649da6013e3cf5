"""Batches: parity of --jobs and --engine dask, incremental runs, time budgets, streaming pieces."""

from __future__ import annotations

import json
import shutil
import time
from concurrent.futures import Future
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from zhfacts.nlp.segment import words_and_spaces
from zhfacts.run import write
from zhfacts.run.batch import ALL_TABLES, run
from zhfacts.run.engines import chunks_of, in_order
from zhfacts.run.processor import DocumentProcessor, RunOptions
from zhfacts.text.ingest import Source

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "articles"


def assert_same_tables(a: Path, b: Path) -> None:
    for table in ALL_TABLES:
        assert (a / f"{table}.jsonl").read_bytes() == (b / f"{table}.jsonl").read_bytes(), table
        assert pq.read_table(a / f"{table}.parquet").equals(pq.read_table(b / f"{table}.parquet")), table
    assert (a / "texts.jsonl").read_bytes() == (b / "texts.jsonl").read_bytes()


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_bundled_run_has_records(bundled_run: Path, read_table) -> None:
    documents = read_table(bundled_run, "documents")
    assert [d["doc_id"] for d in documents] == ["seed000", "seed004"]
    assert all(d["status"] == "ok" for d in documents)
    assert manifest(bundled_run)["record_counts"]["quantities"] > 50


@pytest.fixture(scope="module")
def copies_run(tmp_path_factory: pytest.TempPathFactory, zhfacts) -> tuple[Path, Path]:
    """Three copies of the bundled corpus (several chunks to spread over workers) and their --jobs 1 run."""
    root = tmp_path_factory.mktemp("copies")
    for n in range(3):
        shutil.copytree(BUNDLED, root / "corpus" / f"copy{n}")
    result = zhfacts("run", str(root / "corpus"), "--out", str(root / "single"), "--jobs", "1", "-q")
    assert result.returncode == 0, result.stderr
    return root / "corpus", root / "single"


@pytest.mark.parametrize("args", [["--jobs", "2"], ["--engine", "dask", "--jobs", "2"]], ids=["jobs2", "dask"])
def test_parallel_engines_give_identical_records(args: list[str], copies_run: tuple[Path, Path], zhfacts, read_table,
                                                 tmp_path: Path) -> None:
    corpus, single = copies_run
    out = tmp_path / "out"
    result = zhfacts("run", str(corpus), "--out", str(out), "-q", *args)
    assert result.returncode == 0, result.stderr
    assert_same_tables(single, out)
    assert manifest(out)["input_count"] == 6
    doc_ids = [d["doc_id"] for d in read_table(out, "documents")]
    assert doc_ids == sorted(doc_ids) and len(set(doc_ids)) == 6


def test_segmenter_backends_give_identical_records(bundled_run: Path, zhfacts, tmp_path: Path) -> None:
    """The measured default (rjieba) and the reference (jieba) agree on the bundled corpus."""
    out = tmp_path / "jieba"
    assert zhfacts("run", str(BUNDLED), "--out", str(out), "-j", "1", "-q", "--segmenter", "jieba").returncode == 0
    for table in ALL_TABLES:
        assert (out / f"{table}.jsonl").read_bytes() == (bundled_run / f"{table}.jsonl").read_bytes(), table


def test_incremental_reuses_unchanged_and_redoes_changed(zhfacts, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    env = {"ZHFACTS_RULES": str(rules)}
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    out, fresh = tmp_path / "out", tmp_path / "fresh"

    def incremental() -> dict:
        result = zhfacts("run", str(corpus), "--out", str(out), "-j", "1", "-q", "--incremental", env=env)
        assert result.returncode == 0, result.stderr
        return manifest(out)

    assert incremental()["processed_count"] == 2  # nothing to reuse yet
    first = {t: (out / f"{t}.jsonl").read_bytes() for t in ALL_TABLES}

    again = incremental()
    assert (again["processed_count"], again["reused_count"]) == (0, 2)
    assert {t: (out / f"{t}.jsonl").read_bytes() for t in ALL_TABLES} == first

    # one document edited: only it is processed, and the result equals a fresh full run
    path = corpus / "seed004.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n全年新增企业25家。\n", encoding="utf-8")
    edited = incremental()
    assert (edited["processed_count"], edited["reused_count"]) == (1, 1)
    assert zhfacts("run", str(corpus), "--out", str(fresh), "-j", "1", "-q", env=env).returncode == 0
    assert_same_tables(out, fresh)

    # a changed rules file: everything is processed again
    with (rules / "ingest.yaml").open("a", encoding="utf-8") as f:
        f.write("\n# a comment is a change too\n")
    changed = incremental()
    assert (changed["processed_count"], changed["reused_count"]) == (2, 0)
    assert changed["rules_fingerprint"] != edited["rules_fingerprint"]


# -- time budget ---------------------------------------------------------------------------------
SLOW_MARK = "此文需要很长时间"


@pytest.fixture
def slow_documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A corpus whose second document makes the pipeline hang (in this process and forked workers)."""
    original = DocumentProcessor.annotate

    def annotate(self, article):
        if SLOW_MARK in article.text:
            while True:
                time.sleep(0.05)
        return original(self, article)

    monkeypatch.setattr(DocumentProcessor, "annotate", annotate)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("今年新增企业12家。", encoding="utf-8")
    (folder / "b.txt").write_text(f"{SLOW_MARK}，新增企业30家。", encoding="utf-8")
    (folder / "c.txt").write_text("今年新增企业7家。", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_document_past_its_time_budget_becomes_an_error_row(slow_documents: Path, tmp_path: Path, jobs: int,
                                                            read_table) -> None:
    out = tmp_path / "out"
    summary = run([str(slow_documents)], out, RunOptions(jobs=jobs, doc_timeout=1.0))
    assert summary.failed == 1
    rows = {d["doc_id"]: d for d in read_table(out, "documents")}
    assert rows["a"]["status"] == rows["c"]["status"] == "ok"
    assert rows["b"]["status"] == "error"
    assert "b.txt" in rows["b"]["error"] and "time budget of 1s" in rows["b"]["error"]
    assert {q["doc_id"] for q in read_table(out, "quantities")} >= {"a", "c"}


def test_time_budget_also_stops_a_worker_thread() -> None:
    """Dask runs tasks in threads, where no SIGALRM arrives."""
    import threading

    from zhfacts.run.processor import DocumentTimeout, time_budget

    outcome = []

    def work() -> None:
        try:
            with time_budget(0.2):
                while True:
                    time.sleep(0.01)
        except DocumentTimeout:
            outcome.append("stopped")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome == ["stopped"]


# -- the streaming pieces ------------------------------------------------------------------------
def test_chunks_keep_order_and_bound_their_size() -> None:
    sources = [Source(f"d{n}", "p", text="字" * (n % 7 + 1)) for n in range(100)]
    chunks = list(chunks_of(sources, max_chars=10, max_docs=3))
    assert [s for chunk in chunks for s in chunk] == sources
    assert all(1 <= len(c) <= 3 for c in chunks)
    assert all(sum(len(s.text) for s in c[:-1]) < 10 for c in chunks)


def test_in_order_bounds_the_work_in_flight() -> None:
    pending: list[Future] = []
    most = 0

    def submit(chunk):
        nonlocal most
        future: Future = Future()
        pending.append(future)
        most = max(most, sum(not f.done() for f in pending))
        future.set_result([s.doc_id for s in chunk])  # a worker that answers at once
        return future

    chunks = ([Source(f"d{n}", "p", text="x")] for n in range(50))
    results = [result for _, result in in_order(submit, chunks, limit=4)]
    assert results == [[f"d{n}"] for n in range(50)]
    assert len(pending) == 50 and most <= 4


def test_spool_merges_many_sorted_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "MERGE_FAN_IN", 3)
    spool = write.TableSpool(tmp_path, "t")
    ids = [f"doc{(n * 37) % 101:03d}" for n in range(101)]
    for n, doc_id in enumerate(ids):
        spool.add(doc_id, f"{doc_id} row1\n{doc_id} row2\n".encode())
        if n % 5 == 4:
            spool.flush()
    assert len(spool.runs) <= 4
    blocks = list(spool.blocks_in_order())
    assert [d for d, _ in blocks] == sorted(ids)
    assert all(block == f"{d} row1\n{d} row2\n".encode() for d, block in blocks)


# what segmenters return: runs of white space, and words without any
PIECES = st.lists(st.one_of(st.text(alphabet="中文a1。", min_size=1, max_size=6),
                            st.text(alphabet=" \t\n\u3000", min_size=1, max_size=3)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(PIECES, st.text(" \n\t", max_size=3))
def test_words_and_spaces_equals_spacys_alignment(pieces: list[str], tail: str) -> None:
    text = "".join(pieces) + tail
    words = [w for w in pieces if w]
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


# -- a worker that dies --------------------------------------------------------------------------
KILLER_MARK = "此文让处理它的进程被杀死"


@pytest.mark.parametrize("chunk_docs", [100, 5], ids=["two-chunks", "many-chunks"])
def test_a_dead_worker_costs_only_the_document_that_killed_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               read_table, chunk_docs: int) -> None:
    """A document whose worker dies (as the kernel's OOM killer does) becomes an error row;
    the other documents of its chunk, and of the chunks in flight with it, are published.
    With many small chunks the pool breaks while chunks are still being handed to it."""
    import os
    import signal

    from zhfacts.run import engines

    original_chunks = engines.chunks_of
    monkeypatch.setattr(engines, "chunks_of", lambda sources: original_chunks(sources, max_docs=chunk_docs))

    original = DocumentProcessor.annotate

    def annotate(self, article):
        if KILLER_MARK in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, article)

    monkeypatch.setattr(DocumentProcessor, "annotate", annotate)  # the forked workers inherit it
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(150):  # two chunks of documents
        text = f"{KILLER_MARK}，新增企业5家。" if n == 12 else f"今年新增企业{n + 1}家。"
        (folder / f"d{n:03d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = run([str(folder)], out, RunOptions(jobs=2))
    assert summary.failed == 1
    rows = {d["doc_id"]: d for d in read_table(out, "documents")}
    assert len(rows) == 150
    assert rows["d012"]["status"] == "error"
    assert "d012.txt" in rows["d012"]["error"] and "worker process died" in rows["d012"]["error"]
    assert all(d["status"] == "ok" for i, d in rows.items() if i != "d012")
    assert {q["doc_id"] for q in read_table(out, "quantities")} == set(rows) - {"d012"}


def test_incremental_redoes_a_document_that_became_or_ceased_to_be_a_duplicate(tmp_path: Path, read_table) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("江津区新增企业12家。", encoding="utf-8")
    (folder / "b.txt").write_text("永川区新增企业7家。", encoding="utf-8")
    out = tmp_path / "out"

    def duplicate_warnings() -> dict[str, list[str]]:
        return {d["doc_id"]: [w for w in d["warnings"] if w.startswith("duplicate")] for d in read_table(out, "documents")}

    run([str(folder)], out, jobs=1, incremental=True)
    (folder / "b.txt").write_text("江津区新增企业12家。", encoding="utf-8")  # now a's text
    assert run([str(folder)], out, jobs=1, incremental=True).reused == 1
    assert duplicate_warnings() == {"a": [], "b": ["duplicate: the same text as document a (same sha256)"]}
    (folder / "a.txt").unlink()  # b is no longer anyone's copy: its row must not say so
    assert run([str(folder)], out, jobs=1, incremental=True).reused == 0
    assert duplicate_warnings() == {"b": []}
