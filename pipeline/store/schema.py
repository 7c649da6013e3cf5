"""The store's fixed tables. The fact tables (documents, quantities, times, organizations,
places, claims) take their columns from the output folders added (pipeline/store/add.py):
every column a run wrote, plus batch_id and the document's sha256."""

from __future__ import annotations

import duckdb

# The tables copied from an output folder, in the order they are added.
OUTPUT_TABLES = ("documents", "quantities", "times", "organizations", "places", "claims")
FACT_KINDS = OUTPUT_TABLES[1:]
DECISIONS = ("accept", "reject", "correct", "add")

FIXED_DDL = (
    """CREATE TABLE IF NOT EXISTS batches (
        batch_id BIGINT PRIMARY KEY,
        added_at TIMESTAMPTZ NOT NULL,
        tool_version VARCHAR,
        schema_version VARCHAR,
        rules_fingerprint VARCHAR,
        source VARCHAR,          -- the output folder the batch was read from
        n_documents BIGINT,
        n_quantities BIGINT,
        n_times BIGINT,
        n_organizations BIGINT,
        n_places BIGINT,
        n_claims BIGINT,
        manifest VARCHAR         -- the run's manifest.json, as JSON text
    )""",
    # One row per distinct document text, for the review app and exported gold.
    """CREATE TABLE IF NOT EXISTS texts (sha256 VARCHAR PRIMARY KEY, raw VARCHAR NOT NULL)""",
    # Every verdict ever given, oldest first; the latest per fact key is in force. A fact is
    # keyed by what it is (document text, kind, span), not by the batch that produced it.
    f"""CREATE TABLE IF NOT EXISTS reviews (
        review_id BIGINT PRIMARY KEY,
        sha256 VARCHAR NOT NULL,
        kind VARCHAR NOT NULL CHECK (kind IN ({", ".join(f"'{k}'" for k in FACT_KINDS)})),
        start BIGINT NOT NULL,
        "end" BIGINT NOT NULL,
        decision VARCHAR NOT NULL CHECK (decision IN ({", ".join(f"'{d}'" for d in DECISIONS)})),
        fields VARCHAR,          -- JSON object: the corrected or added fields
        seen VARCHAR,            -- JSON object: the fact's values when reviewed (a change makes it stale)
        fact_id VARCHAR,         -- the id of the fact reviewed, as it was then
        doc_id VARCHAR,
        batch_id BIGINT,         -- the batch the reviewer saw
        reviewer VARCHAR,
        reviewed_at TIMESTAMPTZ NOT NULL,
        note VARCHAR
    )""",
)


def create_fixed_tables(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in FIXED_DDL:
        con.execute(ddl)
