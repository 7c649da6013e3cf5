"""Bad input and faults: every document accounted for, clear errors, atomic outputs, no reach.

The bad inputs are generated here (no committed binaries) and run through the CLI once.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from zhfacts.run.batch import ALL_TABLES, run

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "articles"

# Good texts and the figures each must yield (the quantities' `text`).
NEWS = "潼南区今年新增科技型企业137家，同比增长12.5%。\n全区实现工业产值526.8亿元。\n"
NEWS_FIGURES = {"137家", "12.5%", "526.8亿元"}
MIXED_NEWLINES = "铜梁区拥有汽车零部件企业86家。\r\n全年完成投资42.5亿元。\r江津区新签约项目59个。\n"
MIXED_FIGURES = {"86家", "42.5亿元", "59个"}
HOSTILE = ("<html><script>alert('x')</script><p>璧山区\u200b新增企业\u00ad23家</p>\x07\x1b"
           "\ue000\U000f0000 e\u0301\u0301 😀👩‍👩‍👧 <b>实现产值8.4亿元</b>。</html>\n")
HOSTILE_FIGURES = {"23家", "8.4亿元"}
SURROGATE_LINE = '{"id": "surrogates", "text": "\\ud800潼南区新增企业\\udfff41家。\\ud83d"}'


def build_inputs(root: Path) -> list[str]:
    """Folders of good, hostile and bad inputs; returns the CLI's input arguments."""
    good, hostile, bad = root / "good", root / "hostile", root / "bad"
    for folder in (good, hostile, bad, root / "a", root / "b"):
        folder.mkdir(parents=True)
    (good / "utf8.txt").write_bytes(NEWS.encode("utf-8"))
    (good / "utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + NEWS.encode("utf-8"))
    (good / "utf16le.txt").write_bytes(codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"))
    (good / "utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"))
    (good / "gb18030.txt").write_bytes(NEWS.encode("gb18030"))
    (good / "gbk.txt").write_bytes((NEWS * 2).encode("gbk"))
    (good / "newlines.txt").write_bytes(MIXED_NEWLINES.encode("utf-8"))
    (root / "a" / "dup.txt").write_text(NEWS, encoding="utf-8")
    (root / "b" / "dup.txt").write_text(MIXED_NEWLINES, encoding="utf-8")

    (hostile / "markup.txt").write_text(HOSTILE, encoding="utf-8")
    (hostile / "surrogates.jsonl").write_text(SURROGATE_LINE + "\n", encoding="utf-8")
    (hostile / "repeated.txt").write_text("大足区新增企业12家。" * 3000, encoding="utf-8")
    # a 1 MB line: sentences with figures, no line break anywhere
    (hostile / "long_line.txt").write_text("".join(f"荣昌区第{n}批项目投资{n}万元，" + "推进产业升级" * 5 + "。"
                                                   for n in range(1, 12001))[:350_000], encoding="utf-8")

    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_text(" \n\t\r\n\u3000 \n", encoding="utf-8")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("article.txt", NEWS)
    (bad / "archive.txt").write_bytes(archive.getvalue())
    rng = random.Random(7)
    (bad / "undecodable.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))
    (bad / "lines.jsonl").write_text("\n".join([
        "{not json",
        '{"id": "no-text", "title": "标题"}',
        '{"id": "number-text", "text": 42}',
        '{"id": "good-line", "text": "綦江区新增企业19家。"}',
    ]) + "\n", encoding="utf-8")
    (bad / "broken.txt").symlink_to(bad / "nowhere.txt")
    (bad / "unreadable.txt").symlink_to("/proc/self/mem")  # a file the kernel refuses to read, even to root
    return [str(good), str(hostile), str(bad), str(root / "a"), str(root / "b"), str(root / "vanished.txt")]


# (path suffix, words the error must hold) for every input that must fail
EXPECTED_ERRORS = [
    ("bad/empty.txt", "empty file"),
    ("bad/blank.txt", "only whitespace"),
    ("bad/binary.txt", "not text: binary data"),
    ("bad/image.txt", "not text: a PNG image"),
    ("bad/archive.txt", "not text: a ZIP archive"),
    ("bad/undecodable.txt", "undecodable bytes"),
    ("bad/lines.jsonl:1", "line is not JSON"),
    ("bad/lines.jsonl:2", "object has no 'text' field"),
    ("bad/lines.jsonl:3", "'text' is int, not a string"),
    ("bad/broken.txt", "broken link"),
    ("bad/unreadable.txt", "cannot be read"),
    ("vanished.txt", "no such file"),
]


@pytest.fixture(scope="module")
def faults_run(tmp_path_factory: pytest.TempPathFactory, zhfacts) -> tuple[subprocess.CompletedProcess, Path]:
    root = tmp_path_factory.mktemp("faults")
    inputs = build_inputs(root / "in")
    out = root / "out"
    return zhfacts("run", *inputs, "--out", str(out)), out


def test_run_completes_with_exit_code_3(faults_run) -> None:
    result, out = faults_run
    assert result.returncode == 3, result.stderr
    assert "failed:" in result.stderr
    assert (out / "manifest.json").exists()


@pytest.mark.parametrize(("suffix", "problem"), EXPECTED_ERRORS, ids=[s for s, _ in EXPECTED_ERRORS])
def test_every_bad_input_has_an_error_row_naming_file_and_problem(faults_run, read_table, suffix: str,
                                                                  problem: str) -> None:
    _, out = faults_run
    rows = [d for d in read_table(out, "documents") if d["path"].endswith(suffix)]
    assert len(rows) == 1, suffix
    row = rows[0]
    assert row["status"] == "error"
    assert row["error"].startswith(row["path"]) and problem in row["error"]


def test_every_input_has_exactly_one_documents_row(faults_run, read_table) -> None:
    _, out = faults_run
    documents = read_table(out, "documents")
    ok = sorted(d["path"].split("/in/")[-1] for d in documents if d["status"] == "ok")
    assert ok == sorted(["a/dup.txt", "b/dup.txt", "bad/lines.jsonl:4", "good/gb18030.txt", "good/gbk.txt",
                         "good/newlines.txt", "good/utf16be.txt", "good/utf16le.txt", "good/utf8.txt",
                         "good/utf8_bom.txt", "hostile/long_line.txt", "hostile/markup.txt",
                         "hostile/repeated.txt", "hostile/surrogates.jsonl:1"])
    assert len(documents) == len(ok) + len(EXPECTED_ERRORS)
    assert len({d["doc_id"] for d in documents}) == len(documents)


def test_same_file_name_in_two_folders_gives_two_documents(faults_run, read_table) -> None:
    _, out = faults_run
    dups = {d["doc_id"]: d for d in read_table(out, "documents") if d["path"].endswith("dup.txt")}
    assert set(dups) == {"dup", "dup~2"}
    assert dups["dup"]["path"].endswith("a/dup.txt") and dups["dup~2"]["path"].endswith("b/dup.txt")
    assert all(d["status"] == "ok" for d in dups.values())


def figures_by_doc(out: Path, read_table) -> dict[str, set[str]]:
    paths = {d["doc_id"]: d["path"].split("/in/")[-1] for d in read_table(out, "documents")}
    found: dict[str, set[str]] = {}
    for q in read_table(out, "quantities"):
        found.setdefault(paths[q["doc_id"]], set()).add(q["text"])
    return found


@pytest.mark.parametrize(("path", "figures"), [
    ("good/utf8.txt", NEWS_FIGURES), ("good/utf8_bom.txt", NEWS_FIGURES), ("good/utf16le.txt", NEWS_FIGURES),
    ("good/utf16be.txt", NEWS_FIGURES), ("good/gb18030.txt", NEWS_FIGURES), ("good/gbk.txt", NEWS_FIGURES),
    ("good/newlines.txt", MIXED_FIGURES), ("a/dup.txt", NEWS_FIGURES), ("b/dup.txt", MIXED_FIGURES),
    ("hostile/markup.txt", HOSTILE_FIGURES), ("hostile/surrogates.jsonl:1", {"41家"}),
    ("bad/lines.jsonl:4", {"19家"}),
])
def test_good_documents_have_all_their_figures(faults_run, read_table, path: str, figures: set[str]) -> None:
    _, out = faults_run
    assert figures <= figures_by_doc(out, read_table).get(path, set())


def test_figures_are_found_through_a_huge_line_and_thousands_of_repeats(faults_run, read_table) -> None:
    _, out = faults_run
    paths = {d["doc_id"]: d["path"].split("/in/")[-1] for d in read_table(out, "documents")}
    quantities = [q for q in read_table(out, "quantities") if paths[q["doc_id"]].startswith("hostile/")]
    repeated = [q for q in quantities if paths[q["doc_id"]] == "hostile/repeated.txt" and q["text"] == "12家"]
    assert len(repeated) == 3000 and len({q["id"] for q in repeated}) == 3000
    long_line = {q["text"] for q in quantities if paths[q["doc_id"]] == "hostile/long_line.txt"}
    assert {"1万元", "500万元", "5000万元"} <= long_line


def test_offsets_point_into_the_decoded_text(faults_run, read_table) -> None:
    """Provenance on every record: raw[start:end], white space removed, is the record's text."""
    _, out = faults_run
    raw = {t["doc_id"]: t["raw"] for t in read_table(out, "texts")}
    checked = 0
    for table in ALL_TABLES[1:]:
        for record in read_table(out, table):
            text = raw[record["doc_id"]]
            assert 0 <= record["start"] < record["end"] <= len(text)
            assert "".join(text[record["start"]:record["end"]].split()) == "".join(record["text"].split())
            checked += 1
    assert checked > 3000
    assert raw[next(d["doc_id"] for d in read_table(out, "documents") if d["path"].endswith("utf8_bom.txt"))] == NEWS
    surrogates = raw["surrogates"]
    assert surrogates.count("\ufffd") == 3 and len(surrogates) == len("\ud800潼南区新增企业\udfff41家。\ud83d")


# -- exit codes and --strict ---------------------------------------------------------------------
def test_strict_stops_at_the_first_failed_document(zhfacts, read_table, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(NEWS, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_text(NEWS, encoding="utf-8")
    out = tmp_path / "out"
    result = zhfacts("run", str(folder), "--out", str(out), "--strict", "-j", "1")
    assert result.returncode == 3
    assert "--strict" in result.stderr
    assert [(d["doc_id"], d["status"]) for d in read_table(out, "documents")] == [("a", "ok"), ("b", "error")]


def test_malformed_rules_file_fails_before_any_document(zhfacts, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "ingest.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "folder_suffixes: [\".txt\", \".md\"")  # an unclosed flow sequence on line 4
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = zhfacts("run", str(BUNDLED), "--out", str(out), env={"ZHFACTS_RULES": str(rules)})
    assert result.returncode == 2
    assert re.search(r"ingest\.yaml:\d+:\d+: ", result.stderr), result.stderr
    assert not (out / "manifest.json").exists() and not (out / "documents.jsonl").exists()


def test_internal_failure_exits_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:
    import zhfacts.run.batch
    from zhfacts.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(zhfacts.run.batch, "run", broken)
    monkeypatch.setattr(sys, "argv", ["zhfacts", "run", str(BUNDLED), "--out", str(tmp_path / "out"), "-q"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    assert "internal error" in capsys.readouterr().err


# -- atomic outputs ------------------------------------------------------------------------------
def snapshot(out: Path) -> dict[str, bytes]:
    names = [f"{t}.{ext}" for t in ALL_TABLES for ext in ("jsonl", "parquet")] + ["texts.jsonl", "manifest.json"]
    return {name: (out / name).read_bytes() for name in names}


def copy_bundled(corpus: Path, numbers: range) -> None:
    corpus.mkdir(exist_ok=True)
    for n in numbers:
        for article in sorted(BUNDLED.glob("*.txt")):
            shutil.copy(article, corpus / f"{article.stem}-{n:02d}.txt")


def start_run(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "zhfacts", "run", *args, "-q"], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(condition, what: str, proc: subprocess.Popen | None = None, limit: float = 300) -> None:
    """Wait until condition() holds (the limit only turns a hang into a failure)."""
    deadline = time.monotonic() + limit
    while not condition():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the run ended before {what}: {proc.stderr.read().decode()}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def fifo_has_reader(fifo: Path) -> bool:
    """True once a process has opened the FIFO to read it: the run has reached that input."""
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: nobody reads it yet
        return False
    os.close(fd)
    return True


def test_sigkill_leaves_the_previous_outputs_and_incremental_resumes(zhfacts, read_table, tmp_path: Path) -> None:
    """A FIFO as the last input holds the run open, well into its documents, until it is killed."""
    corpus = tmp_path / "corpus"
    copy_bundled(corpus, range(1))
    out = tmp_path / "out"
    assert zhfacts("run", str(corpus), "--out", str(out), "-j", "1", "-q").returncode == 0
    before = snapshot(out)
    copy_bundled(corpus, range(1, 12))
    state = out / ".zhfacts"
    stale = state / "gen-killedbefore" / "spool"  # what an earlier killed run left
    stale.mkdir(parents=True)
    fifo = tmp_path / "zz-held.txt"
    os.mkfifo(fifo)

    proc = start_run(str(corpus), str(fifo), "--out", str(out), "-j", "1")
    wait_for(lambda: fifo_has_reader(fifo), "the run reached its last input", proc)
    assert not stale.parent.exists()  # cleaned when the run started, not when it publishes
    proc.kill()
    proc.wait()
    proc.stderr.close()
    assert snapshot(out) == before  # the previous complete set, nothing of the killed run
    fifo.unlink()

    result = zhfacts("run", str(corpus), "--out", str(out), "-j", "1", "-q", "--incremental")
    assert result.returncode == 0, result.stderr
    resumed = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (resumed["reused_count"], resumed["processed_count"]) == (2, 22)
    assert len(read_table(out, "documents")) == 24
    assert [g.name for g in state.glob("gen-*")] == [(state / "current").resolve().name]  # leftovers removed


def assert_outputs_whole(out: Path) -> None:
    """Every OUT/<name> resolves, into the current generation, and the tables parse."""
    current = (out / ".zhfacts" / "current").resolve()
    assert current.is_dir()
    names = [f"{t}.{ext}" for t in ALL_TABLES for ext in ("jsonl", "parquet")] + ["texts.jsonl", "manifest.json"]
    for name in names:
        assert (out / name).resolve() == current / name and (out / name).is_file(), name
    json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_an_interrupt_after_the_switch_keeps_the_new_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             read_table) -> None:
    """Ctrl-C while publish finishes (after `current` points at the new set) must not remove it."""
    from zhfacts.run import write

    out = tmp_path / "out"
    original = write.fsync_dir

    def interrupted(path: Path) -> None:
        original(path)
        if path.name == write.STATE_DIR:  # publish, right after the switch
            raise KeyboardInterrupt

    monkeypatch.setattr(write, "fsync_dir", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run([str(BUNDLED)], out, jobs=1)
    monkeypatch.setattr(write, "fsync_dir", original)
    assert_outputs_whole(out)
    assert [d["doc_id"] for d in read_table(out, "documents")] == ["seed000", "seed004"]
    assert run([str(BUNDLED)], out, jobs=1).failed == 0  # and the next run goes on from it
    assert_outputs_whole(out)


def test_sigint_as_the_outputs_change_keeps_the_new_set(zhfacts, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    copy_bundled(corpus, range(1))
    out = tmp_path / "out"
    assert zhfacts("run", str(corpus), "--out", str(out), "-j", "1", "-q").returncode == 0
    link = out / ".zhfacts" / "current"
    first = os.readlink(link)
    (corpus / "extra.txt").write_text(NEWS, encoding="utf-8")

    proc = start_run(str(corpus), "--out", str(out), "-j", "1")
    wait_for(lambda: os.readlink(link) != first, "the outputs changed", proc)
    proc.send_signal(signal.SIGINT)
    proc.wait()
    proc.stderr.close()
    assert os.readlink(link) != first
    assert_outputs_whole(out)
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def process_children(pid: int) -> set[int]:
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.add(int(stat.parent.name))
    return children


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_killing_the_main_process_ends_its_workers_and_frees_the_output(zhfacts, tmp_path: Path, how) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(120):  # more than a chunk's 100 documents: one is sent to the workers before the FIFO
        (folder / f"a{n:03d}.txt").write_text(NEWS, encoding="utf-8")
    fifo = tmp_path / "zz-held.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"

    proc = start_run(str(folder), str(fifo), "--out", str(out), "-j", "2")
    wait_for(lambda: fifo_has_reader(fifo) and len(process_children(proc.pid)) >= 2, "the workers started", proc)
    workers = process_children(proc.pid)
    proc.send_signal(how)
    proc.wait()
    proc.stderr.close()
    try:
        wait_for(lambda: not any(alive(w) for w in workers), "the workers to end", limit=60)
    finally:
        for worker in filter(alive, workers):  # a failed check leaves no orphan behind
            os.kill(worker, signal.SIGKILL)
    fifo.unlink()
    (folder / "a000.txt").unlink()
    result = zhfacts("run", str(folder), "--out", str(out), "-j", "1", "-q")
    assert result.returncode == 0, result.stderr  # no worker holds the output folder's lock


def test_a_user_file_named_like_a_temporary_link_survives_a_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    mine = [out / ".notes.link", out / ".documents.jsonl.1234abcd.link"]
    for path in mine:
        path.write_text("mine", encoding="utf-8")
    run([str(BUNDLED)], out, jobs=1)
    assert all(p.read_text(encoding="utf-8") == "mine" for p in mine)
    assert_outputs_whole(out)


@pytest.mark.parametrize("content", ["unsupported", "unreadable", "empty-folder"])
def test_a_run_that_read_nothing_replaces_nothing(zhfacts, tmp_path: Path, content: str) -> None:
    out = tmp_path / "out"
    assert zhfacts("run", str(BUNDLED), "--out", str(out), "-j", "1", "-q").returncode == 0
    before = snapshot(out)
    folder = tmp_path / "in"
    folder.mkdir()
    if content == "unsupported":
        (folder / "article.docx").write_bytes(b"PK\x03\x04")
        (folder / "article.pdf").write_bytes(b"%PDF-1.7")
    elif content == "unreadable":
        (folder / "empty.txt").write_bytes(b"")
        (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    result = zhfacts("run", str(folder), "--out", str(out), "-j", "1")
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())
    assert str(folder) in message and "nothing was written" in message
    if content == "unreadable":
        assert "empty.txt" in message and "picture.txt" in message  # each failure still named
    else:
        assert "no supported files" in message
    assert snapshot(out) == before


# -- no reach beyond what is needed --------------------------------------------------------------
def test_source_has_no_eval_shell_or_unsafe_loading() -> None:
    forbidden = re.compile(r"(?<![\w.])(?:eval|exec)\(|shell=True|os\.system|os\.popen|yaml\.load\(|yaml\.unsafe_load|"
                           r"pickle\.loads?\(|marshal\.loads|__import__\(|urllib\.request|requests\.|http\.client")
    offenders = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if forbidden.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_a_run_needs_no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, read_table) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("zhfacts tried to open a network socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    summary = run([str(BUNDLED)], tmp_path / "out", jobs=1)
    assert summary.failed == 0
    assert {d["status"] for d in read_table(tmp_path / "out", "documents")} == {"ok"}
    assert os.listdir(tmp_path / "out")


HOLDS_A_CHILD = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from zhfacts.run.lifetime import die_with_parent
pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                           initializer=die_with_parent, initargs=(os.getpid(),))
print(pool.submit(os.getpid).result(), flush=True)
pool.submit(time.sleep, 600)
time.sleep(600)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_a_child_started_with_die_with_parent_ends_when_its_parent_is_killed() -> None:
    """The pool workers and the forked table writers (run/write.py) are started this way."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDS_A_CHILD], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child = int(proc.stdout.readline())
    assert alive(child)
    proc.kill()
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    try:
        wait_for(lambda: not alive(child), "the child to end", limit=60)
    finally:
        if alive(child):
            os.kill(child, signal.SIGKILL)
