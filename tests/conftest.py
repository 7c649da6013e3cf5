"""Shared fixtures: the CLI as a subprocess, JSONL tables, and one run of the bundled corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus" / "articles"


def _zhfacts(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """`zhfacts ARGS...` in a fresh process (python -m zhfacts); stdout and stderr captured as text."""
    return subprocess.run([sys.executable, "-m", "zhfacts", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout, stdin=subprocess.DEVNULL)


def _read_table(out: Path, table: str) -> list[dict[str, Any]]:
    with (out / f"{table}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def zhfacts() -> Callable[..., subprocess.CompletedProcess]:
    """Run the CLI: zhfacts("run", folder, "--out", out, env={...}) -> CompletedProcess."""
    return _zhfacts


@pytest.fixture(scope="session")
def read_table() -> Callable[[Path, str], list[dict[str, Any]]]:
    """Rows of OUT/<table>.jsonl as dicts."""
    return _read_table


@pytest.fixture(scope="session")
def bundled_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of one `zhfacts run` of the bundled corpus (--jobs 1), shared by the session."""
    out = tmp_path_factory.mktemp("bundled") / "out"
    result = _zhfacts("run", str(BUNDLED_CORPUS), "--out", str(out), "--jobs", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def places_and_organizations():
    """A blank zh pipeline with the places and organizations components (organizations read places)."""
    from zhfacts.nlp.spacy_components import blank_zh

    nlp = blank_zh()
    nlp.add_pipe("zhfacts_places")
    nlp.add_pipe("zhfacts_organizations")
    return nlp


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The session's runs (and the CLI it starts) keep their caches (the rules validation) in a
    folder of their own, never the user's ~/.cache."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
