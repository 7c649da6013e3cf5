"""Loading rules/ files: safe YAML, TSV and JSONL, with errors that name the file and line.

Every rule the pipeline applies lives under rules/ as data. This module is the only place
that finds and parses those files, and it computes the rules fingerprint that the manifest
and incremental runs use.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import IO, Any

import yaml

PACKAGED_RULES = Path(__file__).resolve().parent / "_rules"
SOURCE_RULES = Path(__file__).resolve().parent.parent / "rules"
# libyaml's safe loader when PyYAML was built with it (10x faster than the pure-Python one,
# same documents); both report syntax errors with a line and column
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RulesError(Exception):
    """A rules file that is missing or malformed; the message names the file and line."""


def rules_dir() -> Path:
    """rules/ of a source checkout, the copy packed into a wheel, or $ZHFACTS_RULES."""
    override = os.environ.get("ZHFACTS_RULES")
    if override:
        return Path(override)
    return SOURCE_RULES if SOURCE_RULES.is_dir() else PACKAGED_RULES


def rule_path(name: str) -> Path:
    path = rules_dir() / name
    if not path.is_file():
        raise RulesError(f"{path}: rules file not found")
    return path


def _safe_load(stream: IO[str]) -> Any:
    """yaml.safe_load with SAFE_LOADER: plain data only, never arbitrary objects."""
    loader = SAFE_LOADER(stream)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@cache
def load_yaml(name: str) -> Any:
    """Parse rules/<name> with a safe loader; a syntax error names file, line and problem."""
    path = rule_path(name)
    try:
        with path.open(encoding="utf-8") as f:
            return _safe_load(f)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise RulesError(f"{path}{where}: {e.problem or e}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise RulesError(f"{path}: {e}") from None


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated rules file with a header line; '#' lines are comments."""
    path = rule_path(name)
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    header_line, *body = lines
    header = header_line[1].rstrip("\r\n").split("\t")
    rows = []
    for n, row in zip((n for n, _ in body), csv.reader((line for _, line in body), delimiter="\t"), strict=False):
        if len(row) != len(header):
            raise RulesError(f"{path}:{n}: expected {len(header)} tab-separated fields, got {len(row)}")
        rows.append(dict(zip(header, row, strict=False)))
    return tuple(rows)


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    path = rule_path(name)
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise RulesError(f"{path}:{n}: not JSON: {e.msg}") from None
    return tuple(rows)


def require(data: Any, key: str, name: str) -> Any:
    """data[key], or a RulesError naming the rules file when the key is missing."""
    if not isinstance(data, dict) or key not in data:
        raise RulesError(f"{rules_dir() / name}: missing required key '{key}'")
    return data[key]


def fingerprint() -> str:
    """sha256 over every file under rules/ (path and bytes), in sorted order."""
    root = rules_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def validate_all() -> None:
    """Parse every rules file once, so a malformed one fails before any document is read."""
    root = rules_dir()
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.suffix in (".yaml", ".yml"):
            load_yaml(name)
        elif path.suffix == ".tsv":
            load_tsv(name)
        elif path.suffix == ".jsonl":
            load_jsonl(name)
