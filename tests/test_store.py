"""The fact store: `zhfacts run --store`, `store add` (new batches, new columns, atomic,
one writer), the views (latest batch per document, panel, conflicts), the query commands,
and a store that plain duckdb opens."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from store_helpers import rerun, write_articles

from zhfacts.store.add import add_output
from zhfacts.store.db import writing
from zhfacts.store.errors import StoreBusy, StoreError

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "quantities", "times", "organizations", "places", "claims")


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, zhfacts) -> tuple[Path, Path]:
    """(output folder, store) of one `zhfacts run ARTICLES --store DB`."""
    base = tmp_path_factory.mktemp("store")
    out, db = base / "out", base / "facts.duckdb"
    result = zhfacts("run", str(write_articles(base / "articles")), "--out", str(out), "--jobs", "1", "--quiet",
                     "--store", str(db))
    assert result.returncode == 0, result.stderr
    return out, db


@pytest.fixture
def store(first_run, tmp_path) -> Path:
    """A private copy of the store that the run made (one batch)."""
    copy = tmp_path / "facts.duckdb"
    shutil.copyfile(first_run[1], copy)
    return copy


def one(db: Path, sql: str, params: list | None = None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def parquet_rows(out: Path, table: str) -> int:
    return duckdb.sql(f"SELECT count(*) FROM read_parquet('{out / f'{table}.parquet'}')").fetchall()[0][0]


def test_run_with_store_adds_the_run_as_a_batch_with_every_table_and_column(first_run):
    out, db = first_run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    [(batch_id, tool_version, rules, n_docs, n_claims, source)] = one(
        db, "SELECT batch_id, tool_version, rules_fingerprint, n_documents, n_claims, source FROM batches")
    assert (batch_id, tool_version, rules) == (1, manifest["tool_version"], manifest["rules_fingerprint"])
    assert (n_docs, n_claims) == (3, parquet_rows(out, "claims")) and Path(source) == out.resolve()
    for table in TABLES:
        assert one(db, f"SELECT count(*) FROM {table}")[0][0] == parquet_rows(out, table)
        run_columns = [r[0] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out / f'{table}.parquet'}')")
                       .fetchall()]
        store_columns = [r[0] for r in one(db, f"DESCRIBE {table}")]
        assert set(store_columns) == {*run_columns, "batch_id", "sha256"}
    # every fact carries its document's sha256, the key that outlives batches
    assert one(db, "SELECT count(*) FROM claims c JOIN documents d USING (batch_id, doc_id, sha256)")[0][0] == n_claims
    assert one(db, "SELECT count(*) FROM texts")[0][0] == 3


def test_claims_current_panel_and_conflicts(first_run):
    _, db = first_run
    claims = one(db, "SELECT doc_id, text, district, metric_key, value, period, review FROM claims_current "
                     "ORDER BY doc_id, start")
    assert ("jiang-a", "120家", "綦江区", "新增科技型企业数", 120.0, "2025-H1", "unreviewed") in claims
    assert ("jiang-b", "135家", "綦江区", "新增科技型企业数", 135.0, "2025-H1", "unreviewed") in claims
    panel = one(db, "SELECT district, metric_key, period, modality, value, unit, n_documents, "
                    "[s.doc_id FOR s IN sources], review FROM panel WHERE district = '綦江区' "
                    "AND metric_key = '新增科技型企业数'")
    assert panel == [("綦江区", "新增科技型企业数", "2025-H1", "actual", 120.0, "家", 1, ["jiang-a"], "unreviewed"),
                     ("綦江区", "新增科技型企业数", "2025-H1", "actual", 135.0, "家", 1, ["jiang-b"], "unreviewed")]
    conflicts = one(db, "SELECT district, metric_key, period, value, n_values FROM conflicts")
    assert conflicts == [("綦江区", "新增科技型企业数", "2025-H1", 120.0, 2), ("綦江区", "新增科技型企业数", "2025-H1", 135.0, 2)]


def test_readding_makes_a_new_batch_and_the_views_read_the_latest(first_run, store):
    out, _ = first_run
    added = add_output(store, out)
    assert added.batch_id == 2 and added.counts["claims"] == parquet_rows(out, "claims")
    assert one(store, "SELECT count(*), count(DISTINCT batch_id) FROM claims")[0] == (2 * added.counts["claims"], 2)
    assert one(store, "SELECT DISTINCT batch_id FROM claims_current") == [(2,)]
    assert one(store, "SELECT count(*) FROM claims_current")[0][0] == added.counts["claims"]
    assert one(store, "SELECT count(*) FROM texts")[0][0] == 3  # a text is kept once


def test_a_new_column_joins_the_table_and_the_panel_and_conflicts_use_modality(first_run, tmp_path):
    out, _ = first_run
    # An older run (schema 1.0) wrote no modality column; a later one calls jiang-b's figure a target.
    older = rerun(out, tmp_path / "older", {"claims": "SELECT * EXCLUDE (modality) FROM t"})
    later = rerun(out, tmp_path / "later", {"claims": "SELECT * REPLACE (CASE WHEN text = '135家' THEN 'target' "
                                                      "ELSE 'actual' END AS modality) FROM t"})
    store = tmp_path / "facts.duckdb"
    add_output(store, older)
    add_output(store, later)
    assert one(store, "SELECT batch_id, count(modality) FROM claims GROUP BY batch_id ORDER BY 1") == [
        (1, 0), (2, parquet_rows(out, "claims"))]
    assert one(store, "SELECT value, modality FROM panel WHERE metric_key = '新增科技型企业数' ORDER BY value") == [
        (120.0, "actual"), (135.0, "target")]
    assert one(store, "SELECT count(*) FROM conflicts")[0][0] == 0  # a target does not contradict an actual figure


def test_store_query_formats_and_a_read_only_connection(first_run, zhfacts):
    _, db = first_run
    sql = "SELECT doc_id, value FROM claims_current WHERE text = '120家'"
    as_json = zhfacts("store", "query", "--db", str(db), sql, "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == [{"doc_id": "jiang-a", "value": 120.0}]
    as_csv = zhfacts("store", "query", "--db", str(db), sql, "--format", "csv")
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["doc_id", "value"], ["jiang-a", "120.0"]]
    as_table = zhfacts("store", "query", "--db", str(db), sql)
    assert "jiang-a" in as_table.stdout and "1 rows" in as_table.stdout
    refused = zhfacts("store", "query", "--db", str(db), "DELETE FROM batches")
    assert refused.returncode == 2 and "read-only" in refused.stderr.lower()
    assert one(db, "SELECT count(*) FROM batches")[0][0] == 1


def test_store_panel_and_conflicts_commands(first_run, zhfacts, tmp_path):
    _, db = first_run
    for name in ("panel.parquet", "panel.csv"):
        result = zhfacts("store", "panel", "--db", str(db), "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    parquet = duckdb.sql(f"SELECT district, metric_key, value, sources FROM read_parquet('{tmp_path / 'panel.parquet'}') "
                         "WHERE value = 612.5e8").fetchall()
    assert parquet[0][:3] == ("铜梁区", "地区生产总值", 612.5e8) and parquet[0][3][0]["doc_id"] == "tongliang"
    rows = list(csv.DictReader((tmp_path / "panel.csv").open(encoding="utf-8")))
    assert {r["district"] for r in rows} == {"綦江区", "铜梁区"}
    assert json.loads(rows[0]["sources"])[0]["batch_id"] == 1
    conflicts = zhfacts("store", "conflicts", "--db", str(db), "--format", "json")
    assert [(c["value"], c["documents"]) for c in json.loads(conflicts.stdout)] == [(120.0, ["jiang-a"]),
                                                                                   (135.0, ["jiang-b"])]
    assert "135 家" in zhfacts("store", "conflicts", "--db", str(db)).stdout


def test_plain_duckdb_opens_the_store_without_zhfacts(first_run):
    _, db = first_run
    script = ("import duckdb, sys\n"
              "assert 'zhfacts' not in sys.modules\n"
              "con = duckdb.connect(sys.argv[1], read_only=True)\n"
              "print(con.execute(\"SELECT count(*) FROM claims_current WHERE district = '綦江区'\").fetchone()[0])\n")
    result = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == one(db, "SELECT count(*) FROM claims_current WHERE district = '綦江区'")[0][0] > 0


def test_a_killed_add_leaves_the_store_as_it_was(first_run, store):
    out, _ = first_run
    before = {t: one(store, f"SELECT count(*) FROM {t}")[0][0] for t in ("batches", *TABLES)}
    # Every table is inserted, then the process dies before the batch row and the commit.
    script = textwrap.dedent("""
        import os, signal, sys
        from pathlib import Path
        import zhfacts.store.add as add
        def die(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        add.insert_texts = die
        add.add_output(Path(sys.argv[1]), Path(sys.argv[2]))
    """)
    result = subprocess.run([sys.executable, "-c", script, str(store), str(out)], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == -9, result.stderr
    assert {t: one(store, f"SELECT count(*) FROM {t}")[0][0] for t in before} == before
    assert add_output(store, out).batch_id == 2  # and the store takes the next add as usual


def test_a_second_writer_gets_a_clear_error(first_run, store, zhfacts):
    out, _ = first_run
    with writing(store):
        result = zhfacts("store", "add", str(out), "--db", str(store))
    assert result.returncode == 2
    assert "another zhfacts process is writing this store" in result.stderr
    assert one(store, "SELECT count(*) FROM batches")[0][0] == 1


def test_run_with_a_busy_store_keeps_the_run_and_says_how_to_add_it(first_run, store, zhfacts, tmp_path):
    out = tmp_path / "out"
    articles = write_articles(tmp_path / "articles")
    with writing(store):
        result = zhfacts("run", str(articles), "--out", str(out), "--jobs", "1", "--quiet", "--store", str(store))
    assert result.returncode == 2
    assert "another zhfacts process is writing this store" in result.stderr
    assert f"zhfacts store add {out} --db {store}" in result.stderr
    assert (out / "manifest.json").is_file() and add_output(store, out).batch_id == 2


def test_a_store_held_open_by_another_duckdb_process_is_busy(first_run, store):
    out, _ = first_run
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               "con = duckdb.connect(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(60)",
                               str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy, match="open for writing in another process"):
            add_output(store, out)
    finally:
        holder.kill()
        holder.wait()


def test_bad_inputs_are_named(tmp_path, first_run, zhfacts):
    out, _ = first_run
    with pytest.raises(StoreError, match="not a finished zhfacts output folder|not a zhfacts output folder"):
        add_output(tmp_path / "db.duckdb", tmp_path)
    missing = zhfacts("store", "add", str(tmp_path / "nowhere"), "--db", str(tmp_path / "db.duckdb"))
    assert missing.returncode == 2 and "no such output folder" in missing.stderr
    (tmp_path / "not-a-store.duckdb").write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not-a-store.duckdb"):
        add_output(tmp_path / "not-a-store.duckdb", out)
    no_store = zhfacts("store", "query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1")
    assert no_store.returncode == 2 and "no such store" in no_store.stderr
    assert not os.path.exists(tmp_path / "none.duckdb")
