"""`zhfacts review apply`: verdicts from a JSONL file, one a line, through the same code
path as the review app (pipeline/review/decisions.py). A bad line is reported with its
number and the others are applied."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from zhfacts.review.decisions import ReviewError, parse_verdict, record
from zhfacts.store.db import writing
from zhfacts.store.errors import StoreError


@dataclass
class Applied:
    review_ids: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def apply_file(db: Path, path: Path, reviewer: str | None = None) -> Applied:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise StoreError(f"{path}: cannot read: {e}") from None
    result = Applied()
    with writing(db) as con:
        if "documents" not in {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables")
                               .fetchall()}:
            raise StoreError(f"{db}: the store has no batch yet (zhfacts store add OUT --db {db})")
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                result.review_ids.append(record(con, parse_verdict(con, json.loads(line), reviewer)))
            except json.JSONDecodeError as e:
                result.errors.append(f"{path}:{number}: not JSON: {e}")
            except ReviewError as e:
                result.errors.append(f"{path}:{number}: {e}")
    return result
