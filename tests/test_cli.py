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
                   "--quiet", "--verbose"):
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
], ids=["jobs0", "engine", "segmenter", "scheduler-without-dask", "quiet-verbose", "timeout"])
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
