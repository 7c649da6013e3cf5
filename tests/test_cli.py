"""The `zhfacts run` command: help, usage errors, quiet/verbose, the progress bar, a busy output folder."""

from __future__ import annotations

import fcntl
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def one_article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("今年上半年，江津区新签约项目59个，协议引资额达419亿元。\n", encoding="utf-8")
    return folder


def test_help_documents_options_and_exit_codes(zhfacts) -> None:
    result = zhfacts("run", "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0
    for option in ("--jobs", "--engine", "--scheduler", "--incremental", "--doc-timeout", "--segmenter", "--strict",
                   "--quiet", "--verbose", "--max-doc-mb", "--pub-date", "--org-model"):
        assert option in result.stdout
    text = " ".join(result.stdout.split())
    for code in ("0 every document ok", "3 some documents failed", "2 usage error", "1 internal failure"):
        assert code in text


@pytest.mark.parametrize("args", [
    ["--jobs", "0"],
    ["--engine", "spark"],
    ["--segmenter", "thulac"],
    ["--scheduler", "tcp://127.0.0.1:8786"],
    ["--quiet", "--verbose"],
    ["--doc-timeout", "-1"],
    ["--max-doc-mb", "0"],
    ["--pub-date", "0001-01-01"],
    ["--pub-date", "yesterday"],
], ids=["jobs0", "engine", "segmenter", "scheduler-without-dask", "quiet-verbose", "timeout", "max-doc-mb", "pub-date-range",
        "pub-date-format"])
def test_usage_errors_exit_2(zhfacts, one_article: Path, tmp_path: Path, args: list[str]) -> None:
    result = zhfacts("run", str(one_article), "--out", str(tmp_path / "out"), *args)
    assert result.returncode == 2, result.stderr
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_missing_input_exits_2_and_names_it(zhfacts, tmp_path: Path) -> None:
    result = zhfacts("run", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nothing-here" in result.stderr


def test_output_that_is_a_file_exits_2(zhfacts, one_article: Path, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    result = zhfacts("run", str(one_article), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr


def test_busy_output_folder_exits_2(zhfacts, one_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".zhfacts").mkdir(parents=True)
    with (out / ".zhfacts" / "lock").open("ab") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = zhfacts("run", str(one_article), "--out", str(out), "-j", "1")
    assert result.returncode == 2
    assert "another zhfacts run is writing" in result.stderr


def test_quiet_prints_nothing_and_verbose_logs(zhfacts, one_article: Path, tmp_path: Path) -> None:
    quiet = zhfacts("run", str(one_article), "--out", str(tmp_path / "q"), "-j", "1", "--quiet")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == "" and quiet.stderr == ""
    verbose = zhfacts("run", str(one_article), "--out", str(tmp_path / "v"), "-j", "1", "--verbose", "--incremental")
    assert verbose.returncode == 0, verbose.stderr
    assert "no previous run" in verbose.stderr
    assert "1 documents" in verbose.stdout


def test_progress_bar_on_a_terminal(one_article: Path, tmp_path: Path) -> None:
    """On a terminal, stderr shows the bar: documents, chars/s, errors and ETA."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "zhfacts", "run", str(one_article), "--out", str(tmp_path / "out"),
                             "-j", "1"], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=terminal, env={**os.environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert proc.wait(timeout=300) == 0
    text = shown.decode("utf-8", "replace")
    for words in ("docs", "chars/s", "errors", "ETA"):
        assert words in text
    size = (one_article / "a.txt").stat().st_size
    assert f"{size}/{size} bytes" in text  # the total, read from the input files


def test_quiet_silences_warnings_too(zhfacts, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("今年上半年，江津区新增科技型企业137家，同比增长12.5%。\n" * 3000, encoding="utf-8")
    args = ("run", str(folder), "-j", "1", "--doc-timeout", "0.01")
    loud = zhfacts(*args, "--out", str(tmp_path / "loud"))
    assert loud.returncode == 3 and "stopped after" in loud.stderr  # the warning exists without -q
    quiet = zhfacts(*args, "--out", str(tmp_path / "quiet"), "-q")
    assert quiet.returncode == 3
    assert "stopped after" not in quiet.stderr and "WARNING" not in quiet.stderr
    assert "failed:" in quiet.stderr  # errors are still printed


def test_escape_sequences_in_names_are_printed_escaped(zhfacts, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\x1b]0;owned\x07b.txt").write_bytes(b"")
    (folder / "ids.jsonl").write_text('{"id": "x\\u001b[2Jy"}\n', encoding="utf-8")
    (folder / "ok.txt").write_text("江津区新增企业12家。", encoding="utf-8")
    result = zhfacts("run", str(folder), "--out", str(tmp_path / "out"), "-j", "1")
    assert result.returncode == 3, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\x1b" not in result.stdout
    assert "a\\x1b]0;owned\\x07b.txt: empty file" in result.stderr


def test_a_dangling_out_link_exits_2_naming_it(zhfacts, one_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.symlink_to(tmp_path / "unmounted" / "data")
    result = zhfacts("run", str(one_article), "--out", str(out), "-j", "1")
    assert result.returncode == 2, result.stderr
    assert str(out) in result.stderr and "does not exist" in result.stderr


@pytest.mark.parametrize(("where", "error"), [
    ("_lock", OSError(30, "Read-only file system")),
    ("write_jsonl", OSError(28, "No space left on device")),
], ids=["read-only", "disk-full"])
def test_an_output_folder_that_cannot_be_written_exits_2_naming_it(monkeypatch: pytest.MonkeyPatch, one_article: Path,
                                                                   tmp_path: Path, capsys, where: str,
                                                                   error: OSError) -> None:
    from zhfacts.cli import main
    from zhfacts.run import write

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(write, where, fail)
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "argv", ["zhfacts", "run", str(one_article), "--out", str(out), "-j", "1", "-q"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    message = " ".join(capsys.readouterr().err.split())
    assert str(out) in message and error.strerror in message and "internal error" not in message
    assert not (out / "manifest.json").exists()


def test_pub_date_option_dates_plain_text(zhfacts, read_table, one_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = zhfacts("run", str(one_article), "--out", str(out), "-j", "1", "-q", "--pub-date", "2024-08-01")
    assert result.returncode == 0, result.stderr
    (document,) = read_table(out, "documents")
    assert (document["pub_date"], document["pub_date_source"]) == ("2024-08-01", "metadata")
    assert "2024-H1" in {t["normalized"] for t in read_table(out, "times")}


def test_outputs_go_to_the_current_folder_and_the_summary_says_what_next(tmp_path: Path) -> None:
    """Run from outside the clone with no INPUT and no --out: the bundled corpus, into ./outputs."""
    result = subprocess.run([sys.executable, "-m", "zhfacts", "run", "-j", "1"], cwd=tmp_path, capture_output=True,
                            text=True, env={**os.environ, "COLUMNS": "200"}, stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "outputs" / "documents.jsonl").is_file()
    lines = result.stdout.splitlines()
    assert f"outputs: {tmp_path / 'outputs'}" in lines
    assert any(line.startswith("next: zhfacts report") for line in lines)
    again = subprocess.run([sys.executable, "-m", "zhfacts", "run", "-j", "1"], cwd=tmp_path, capture_output=True,
                           text=True, env={**os.environ, "COLUMNS": "200"}, stdin=subprocess.DEVNULL, timeout=600)
    assert "replaced the batch that was there" in again.stdout


def test_an_output_folder_inside_the_input_is_not_read_back(zhfacts, read_table, one_article: Path) -> None:
    out = one_article / "results"
    for _ in range(2):
        result = zhfacts("run", str(one_article), "--out", str(out), "-j", "1")
        assert result.returncode == 0, result.stderr
        assert "is inside the input folder" in " ".join(result.stderr.split())
    assert [d["doc_id"] for d in read_table(out, "documents")] == ["a"]


def test_a_rules_file_missing_stops_the_run_without_a_traceback(zhfacts, tmp_path: Path) -> None:
    """A rules error found while processing is the run's error (exit 2, nothing published), not
    one error row per document; and -q prints no traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"id": "d", "text": "江津区新增企业12家。", "pub_date": "2025-01-01"}\n',
                                    encoding="utf-8")
    rules = tmp_path / "rules"
    import shutil

    shutil.copytree(ROOT / "rules", rules)
    (rules / "times.yaml").unlink()  # every document fails inside the times extractor
    result = zhfacts("run", str(folder), "--out", str(tmp_path / "out"), "-j", "1", "-q",
                     env={"ZHFACTS_RULES": str(rules)})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2 and "times.yaml" in result.stderr  # a rules error stops the run
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_a_run_that_replaces_a_batch_points_to_the_store(zhfacts, one_article: Path, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "batches.duckdb"
    first = zhfacts("run", str(one_article), "--out", str(out), "-j", "1", env={"COLUMNS": "200"})
    assert first.returncode == 0, first.stderr
    assert "replaced" not in first.stdout and "--store" not in first.stdout
    second = zhfacts("run", str(one_article), "--out", str(out), "-j", "1", env={"COLUMNS": "200"})
    assert second.returncode == 0, second.stderr
    assert "replaced the batch that was there" in second.stdout
    pointer = next(line for line in second.stdout.splitlines() if "--store FILE.duckdb" in line)
    assert f"zhfacts store add {out.absolute()} --db FILE.duckdb" in pointer
    stored = zhfacts("run", str(one_article), "--out", str(out), "-j", "1", "--store", str(db), env={"COLUMNS": "200"})
    assert stored.returncode == 0, stored.stderr
    assert "replaced the batch that was there" in stored.stdout and "--store FILE.duckdb" not in stored.stdout
    assert db.is_file()
