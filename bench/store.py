"""The fact store's benchmark (not a test): a store of synthetic claims, and the review app.

    .venv/bin/python bench/store.py [--claims 100000] [--docs 200] [--repeat 3]

Writes a synthetic output folder as `zhfacts run` would (documents, quantities and claims
as Parquet, texts.jsonl, manifest.json; fixed seed; districts and metric keys from rules/,
sentences whose offsets are real), then times, fastest of --repeat: `store add` of the
folder into a new store, a second add (a rerun: every document again), `store panel` to
Parquet, `store conflicts`, and the review app's first page load (page, vocabulary, first
page of documents, first document) through Starlette's test client, with the bytes each
answer carries (the static report is 24 MB for 200 documents). Timings mean nothing on a
loaded machine: measure on an idle one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zhfacts.records.schema import arrow_schema  # noqa: E402
from zhfacts.review.vocabulary import districts, metric_keys  # noqa: E402

SEED = 13
UNITS = {"count": "家", "money": "CNY", "percent": "%"}
PERIODS = ("2021", "2022", "2023", "2024", "2025-H1")


def fact_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def document(doc_id: str, n_claims: int, rng: random.Random, places: list[dict], keys: list[str]) -> tuple:
    """(raw text, quantities rows, claims rows) of one synthetic document. A few district
    figures recur across documents with one of two values, so conflicts exist."""
    raw, quantities, claims = [], [], []
    at = 0
    for n in range(n_claims):
        place, key, period = rng.choice(places), rng.choice(keys), rng.choice(PERIODS)
        usual = 100 + int(fact_id(place["name"], key, period), 16) % 900  # what most documents say
        value = rng.choice((usual, rng.randint(1, 5000)))
        figure = f"{value}家"
        sentence = f"{period}年，{place['name']}{key}达到{figure}。"
        start = at + sentence.index(figure)
        common = {"doc_id": doc_id, "start": start, "end": start + len(figure), "text": figure,
                  "sentence": sentence, "value": float(value), "value_min": None, "value_max": None,
                  "approx": None, "unit": "家", "period": period}
        qid = fact_id(doc_id, "q", n)
        quantities.append({**common, "id": qid, "rule": "bench.quantity", "kind": "count"})
        claims.append({**common, "id": fact_id(doc_id, "c", n), "rule": "bench.claim", "district": place["name"],
                       "adcode": place["adcode"], "metric": key, "metric_key": key, "quantity_id": qid,
                       "attribution": "sentence", "speaker": None, "confidence": 0.9, "modality": "actual"})
        raw.append(sentence)
        at += len(sentence)
    return "".join(raw), quantities, claims


def write_table(out: Path, table: str, rows: list[dict]) -> None:
    schema = arrow_schema(table)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out / f"{table}.parquet")


def synthetic_output(out: Path, n_claims: int, n_docs: int) -> Path:
    rng = random.Random(SEED)
    places = list(districts())[:60]
    keys = list(metric_keys())
    out.mkdir(parents=True)
    docs, quantities, claims, texts = [], [], [], []
    per_doc = n_claims // n_docs
    for d in range(n_docs):
        doc_id = f"bench-{d:05d}"
        raw, q, c = document(doc_id, per_doc + (d < n_claims % n_docs), rng, places, keys)
        sha = hashlib.sha256(raw.encode()).hexdigest()
        docs.append({"doc_id": doc_id, "path": f"{doc_id}.txt", "sha256": sha, "status": "ok", "error": None,
                     "pub_date": "2025-07-01", "pub_date_source": "metadata", "n_chars": len(raw),
                     "n_sentences": len(c), "warnings": [], "source": None})
        quantities += q
        claims += c
        texts.append({"doc_id": doc_id, "raw": raw})
    for table, rows in (("documents", docs), ("quantities", quantities), ("claims", claims), ("times", []),
                        ("organizations", []), ("places", [])):
        write_table(out, table, rows)
    (out / "texts.jsonl").write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts),
                                     encoding="utf-8")
    manifest = {"schema_version": "bench", "tool_version": "bench", "rules_fingerprint": "bench",
                "record_counts": {"documents": n_docs, "claims": len(claims), "quantities": len(quantities)}}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


def fastest(repeat: int, setup: Callable[[], object], action: Callable[[object], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        state = setup()
        started = time.perf_counter()
        result = action(state)
        best = min(best, time.perf_counter() - started)
    return best, result


def page_load(db: Path) -> dict[str, int]:
    """What the browser asks for when the app opens: bytes per answer."""
    from starlette.testclient import TestClient

    from zhfacts.review.app import create_app

    client = TestClient(create_app(db, token="bench", allowed_hosts=["testserver"]))
    sizes = {}
    for path in ("/", "/static/review.js", "/static/review.css", "/api/vocabulary", "/api/progress",
                 "/api/documents"):
        answer = client.get(path)
        answer.raise_for_status()
        sizes[path] = len(answer.content)
    first = client.get("/api/documents").json()["documents"][0]["sha256"]
    sizes["/api/documents/<first>"] = len(client.get(f"/api/documents/{first}").content)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)

    from zhfacts.store.add import add_output
    from zhfacts.store.query import conflicts, export_panel

    with tempfile.TemporaryDirectory(prefix="zhfacts-bench-store-") as tmp:
        base = Path(tmp)
        out = synthetic_output(base / "out", args.claims, args.docs)
        stores = iter(range(10**6))

        def new_store() -> Path:
            return base / f"store-{next(stores)}.duckdb"

        add_s, _ = fastest(args.repeat, new_store, lambda db: add_output(db, out))
        db = new_store()
        add_output(db, out)
        readd_s, _ = fastest(args.repeat, lambda: db, lambda d: add_output(d, out))
        panel_s, panel_rows = fastest(args.repeat, lambda: base / "panel.parquet", lambda p: export_panel(db, p))
        conflicts_s, found = fastest(args.repeat, lambda: None, lambda _: conflicts(db))
        load_s, sizes = fastest(args.repeat, lambda: None, lambda _: page_load(db))
        size = db.stat().st_size / 2**20
        print(f"store of {args.claims:,} synthetic claims in {args.docs} documents ({size:.1f} MiB after "
              f"{1 + args.repeat} batches)")
        print(f"  store add (new store)          {add_s:8.2f} s")
        print(f"  store add (a rerun, same docs) {readd_s:8.2f} s")
        print(f"  store panel -> parquet         {panel_s:8.2f} s  ({panel_rows:,} rows)")
        print(f"  store conflicts                {conflicts_s:8.2f} s  ({len(found.rows):,} amounts in conflict)")
        print(f"  review app first load          {load_s:8.2f} s  ({sum(sizes.values()) / 1024:,.0f} KiB in "
              f"{len(sizes)} requests)")
        for path, size in sizes.items():
            print(f"    {path:<28} {size / 1024:10,.1f} KiB")
        print("Timings from a loaded machine mean nothing: measure on an idle one.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
