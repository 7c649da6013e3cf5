"""The claims of a large run, kept in a temporary DuckDB database on disk while its report is
written, so that the report's memory is bounded by a page of documents, not by the batch: the
claims table is read back sorted in batches, its filter choices and the candidate conflicts are
queries, and only the claims of one conflict group are in memory at a time."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from zhfacts.audit.conflicts import amount_of, conflict_key

BATCH_ROWS = 1000  # rows inserted, or read back, at a time
# the keys of conflicts (as audit.conflicts.find_conflicts finds them), with or without a period
CONFLICT_KEYS = ("SELECT c_district, c_metric, c_period FROM claims WHERE c_district <> '' AND c_metric <> '' "
                 "AND c_period IS {dated} NULL GROUP BY ALL "
                 "HAVING count(DISTINCT doc_id) >= 2 AND count(DISTINCT amount) >= 2 "
                 "ORDER BY c_district, c_metric, c_period")

SCHEMA = """CREATE TABLE claims (
    seq BIGINT, sort_district VARCHAR, doc_id VARCHAR, start BIGINT, district VARCHAR, metric VARCHAR,
    placed BOOLEAN, href VARCHAR, c_district VARCHAR, c_metric VARCHAR, c_period VARCHAR, amount VARCHAR,
    row_json VARCHAR)"""


@dataclass(frozen=True)
class SpilledClaim:
    seq: int  # its place among the run's claims, in the order they were added
    placed: bool  # drawn on a page of the report
    href: str | None
    row: dict[str, Any]


class ClaimSpill:
    """Claims added one by one, read back sorted, with their distinct values and conflict groups."""

    def __init__(self, metric_label: Any) -> None:
        self.metric_label = metric_label
        self.folder = Path(tempfile.mkdtemp(prefix="zhfacts-report-"))
        self.con = duckdb.connect(str(self.folder / "claims.duckdb"))
        self.con.execute("SET preserve_insertion_order = false")
        self.con.execute(SCHEMA)
        self.pending: list[tuple[Any, ...]] = []
        self.count = 0

    def add(self, row: dict[str, Any], href: str | None, placed: bool) -> None:
        district, metric, period = conflict_key(row)
        amount, whole = json.dumps(amount_of(row), ensure_ascii=False), json.dumps(row, ensure_ascii=False)
        self.pending.append((self.count, str(row.get("district")), str(row.get("doc_id")), row.get("start") or 0,
                             str(row.get("district") or ""), self.metric_label(row), placed, href, district, metric,
                             period, amount, whole))
        self.count += 1
        if len(self.pending) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.pending)
            self.pending = []

    def distinct(self, column: str) -> list[str]:
        self.flush()
        return [v for (v,) in self.con.execute(f"SELECT DISTINCT {column} FROM claims").fetchall()]

    def sorted_claims(self) -> Iterator[SpilledClaim]:
        """In the claims table's order: district, document, position (ties as added)."""
        self.flush()
        yield from self._read("SELECT seq, placed, href, row_json FROM claims "
                              "ORDER BY sort_district, doc_id, start, seq")

    def conflict_groups(self, dated: bool) -> Iterator[list[SpilledClaim]]:
        """The claims of each key (district, metric, period: with a period or without) given with
        two amounts or more by two documents or more, in the order of the keys, each group in the
        order its claims were added."""
        self.flush()
        keys = self.con.execute(CONFLICT_KEYS.format(dated="NOT" if dated else "")).fetchall()
        for district, metric, period in keys:
            yield list(self._read("SELECT seq, placed, href, row_json FROM claims WHERE c_district = ? AND "
                                  "c_metric = ? AND c_period IS NOT DISTINCT FROM ? ORDER BY seq",
                                  [district, metric, period]))

    def conflict_count(self, dated: bool) -> int:
        self.flush()
        return self.con.execute(f"SELECT count(*) FROM ({CONFLICT_KEYS.format(dated='NOT' if dated else '')})"
                                ).fetchone()[0]

    def _read(self, sql: str, params: list[Any] | None = None) -> Iterator[SpilledClaim]:
        cursor = self.con.cursor()
        cursor.execute(sql, params or [])
        while batch := cursor.fetchmany(BATCH_ROWS):
            for seq, placed, href, row_json in batch:
                yield SpilledClaim(seq, placed, href, json.loads(row_json))

    def close(self) -> None:
        self.con.close()
        shutil.rmtree(self.folder, ignore_errors=True)
