"""The store's views, rebuilt whenever a batch is added (the columns of the fact tables may
grow). Plain SQL, so that a user of `duckdb` sees the same current facts as zhfacts.

- documents_current: per document text (sha256), its row in the latest batch that processed
  it without error (else the latest at all).
- <kind>_base: the facts of that batch; <kind>_reviewed: the same with the reviews applied
  (corrections in, added facts in) and a `review` column (accepted | corrected | added |
  rejected | unreviewed | stale); <kind>_current: the reviewed facts less the rejected ones.
  A review is stale when the fact's values now differ from those the reviewer saw: then the
  fact shows as extracted, to be reviewed again. A fact that a reviewer accepted or
  corrected and the latest batch no longer has shows too, as the reviewer saw it, stale.
- panel: claims_current grouped by district, metric_key, period, modality and amount, with
  their sources; conflicts: the panel's groups where documents give different amounts.
"""

from __future__ import annotations

import duckdb

from zhfacts.store.db import columns_of, table_names
from zhfacts.store.schema import FACT_KINDS

# Fields a reviewer may correct (or give for an added fact), per kind.
EDITABLE = {
    "claims": ("district", "adcode", "metric", "metric_key", "value", "value_min", "value_max", "approx", "unit",
               "period", "modality"),
    "quantities": ("value", "value_min", "value_max", "approx", "unit", "kind", "period"),
    "times": ("normalized",),
    "organizations": ("canonical", "type"),
    "places": ("canonical", "adcode", "level", "parent"),
}
# The values whose change makes a review stale. Modality is left out: runs that predate the
# column would make every earlier review stale.
SIGNATURE = {
    "claims": ("district", "metric_key", "value", "value_min", "value_max", "approx", "unit", "period"),
    "quantities": ("value", "value_min", "value_max", "approx", "unit", "period"),
    "times": ("normalized",),
    "organizations": ("canonical", "type"),
    "places": ("canonical", "adcode", "level"),
}
REVIEWED = ("accepted", "corrected", "added")
KEY_JOIN = "r.sha256 = f.sha256 AND r.start = f.start AND r.\"end\" = f.\"end\""


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def signature_sql(kind: str, columns: dict[str, str], alias: str = "f") -> str:
    """JSON text of the values a review depends on (the same expression when reviewing and in
    the views, so that equal values give equal text)."""
    parts = [f"{q(c)} := {alias}.{q(c)}" for c in SIGNATURE[kind] if c in columns]
    return f"to_json(struct_pack({', '.join(parts)}))::VARCHAR" if parts else "'{}'"


def field_sql(column: str, kind: str, source: str = "r.fields") -> str:
    """A field of a review's JSON `fields`, cast to the column's type."""
    text = f"json_extract_string({source}, '$.{column}')"
    return text if kind == "VARCHAR" else f"TRY_CAST({text} AS {kind})"


def reviewed_view(kind: str, columns: dict[str, str]) -> str:
    editable = [c for c in EDITABLE[kind] if c in columns]
    corrected = ", ".join(
        f"CASE WHEN review = 'corrected' AND json_exists(r_fields, '$.{c}') "
        f"THEN {field_sql(c, columns[c], 'r_fields')} ELSE {q(c)} END AS {q(c)}" for c in editable)
    replace = f" REPLACE ({corrected})" if corrected else ""
    added = ", ".join(f"{field_sql(c, columns[c])} AS {q(c)}" for c in editable)
    return f"""CREATE OR REPLACE VIEW {kind}_reviewed AS
WITH r AS (SELECT * FROM reviews_current WHERE kind = '{kind}'),
reviewed AS (
  SELECT f.*, r.review_id, r.fields AS r_fields,
    CASE WHEN r.decision IS NULL THEN 'unreviewed'
         WHEN r.seen IS DISTINCT FROM {signature_sql(kind, columns)} THEN 'stale'
         WHEN r.decision = 'reject' THEN 'rejected'
         WHEN r.decision = 'accept' THEN 'accepted'
         ELSE 'corrected' END AS review
  FROM {kind}_base f LEFT JOIN r ON {KEY_JOIN})
SELECT * EXCLUDE (r_fields){replace} FROM reviewed
UNION ALL BY NAME
SELECT d.doc_id, r.sha256, d.batch_id, r.start, r."end", 'review-' || r.review_id AS id,
  json_extract_string(r.fields, '$.text') AS text, 'review' AS rule{", " + added if added else ""},
  r.review_id, 'added' AS review
FROM r JOIN documents_current d ON d.sha256 = r.sha256
WHERE r.decision = 'add' AND NOT EXISTS (SELECT 1 FROM {kind}_base f WHERE {KEY_JOIN})
UNION ALL BY NAME
SELECT f.*, r.review_id, 'stale' AS review
FROM r JOIN {kind} f ON {KEY_JOIN} AND f.batch_id = r.batch_id
WHERE r.decision IN ('accept', 'correct') AND r.sha256 IN (SELECT sha256 FROM documents_current)
  AND NOT EXISTS (SELECT 1 FROM {kind}_base b WHERE b.sha256 = r.sha256 AND b.start = r.start AND b."end" = r."end")
QUALIFY row_number() OVER (PARTITION BY r.review_id ORDER BY f.id) = 1"""


def current_view(kind: str) -> str:
    return f"CREATE OR REPLACE VIEW {kind}_current AS SELECT * FROM {kind}_reviewed WHERE review <> 'rejected'"


def base_view(kind: str) -> str:
    return f"""CREATE OR REPLACE VIEW {kind}_base AS
SELECT f.* FROM {kind} f JOIN documents_current d
  ON f.sha256 = d.sha256 AND f.batch_id = d.batch_id AND f.doc_id = d.doc_id"""


DOCUMENTS_CURRENT = """CREATE OR REPLACE VIEW documents_current AS
SELECT * FROM documents WHERE sha256 IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY sha256 ORDER BY status = 'ok' DESC, batch_id DESC, doc_id) = 1"""

REVIEWS_CURRENT = """CREATE OR REPLACE VIEW reviews_current AS
SELECT * FROM reviews QUALIFY row_number() OVER (PARTITION BY sha256, kind, start, "end" ORDER BY review_id DESC) = 1"""

GROUP = ("district", "adcode", "metric_key", "period", "modality")
AMOUNT = ("value", "value_min", "value_max", "approx", "unit")


def panel_view(claim_columns: dict[str, str]) -> str:
    extra = "" if "modality" in claim_columns else ", NULL::VARCHAR AS modality"
    keys = ", ".join(q(c) for c in (*GROUP, *AMOUNT))
    reviewed = ", ".join(f"'{s}'" for s in REVIEWED)
    return f"""CREATE OR REPLACE VIEW panel AS
WITH c AS (SELECT *{extra} FROM claims_current
           WHERE metric_key IS NOT NULL AND district IS NOT NULL)
SELECT {keys},
  count(DISTINCT sha256) AS n_documents,
  list(struct_pack(doc_id := doc_id, sha256 := sha256, batch_id := batch_id, id := id, text := text,
                   review := review) ORDER BY doc_id, start) AS sources,
  CASE WHEN bool_or(review = 'stale') THEN 'stale'
       WHEN bool_and(review IN ({reviewed})) THEN 'reviewed'
       WHEN bool_or(review IN ({reviewed})) THEN 'partly reviewed'
       ELSE 'unreviewed' END AS review
FROM c GROUP BY {keys}
ORDER BY district, metric_key, period NULLS LAST, modality NULLS LAST, value NULLS LAST"""


def conflicts_view(claim_columns: dict[str, str]) -> str:
    same = " AND ".join(f"p.{q(c)} IS NOT DISTINCT FROM g.{q(c)}" for c in GROUP)
    modality = "modality" if "modality" in claim_columns else "NULL::VARCHAR"
    return f"""CREATE OR REPLACE VIEW conflicts AS
WITH g AS (
  SELECT district, adcode, metric_key, period, {modality} AS modality,
    count(DISTINCT struct_pack(value, value_min, value_max, approx, unit)) AS n_values,
    count(DISTINCT sha256) AS n_group_documents
  FROM claims_current WHERE metric_key IS NOT NULL AND district IS NOT NULL AND period IS NOT NULL
  GROUP BY ALL HAVING n_values >= 2 AND n_group_documents >= 2)
SELECT p.*, g.n_values FROM panel p JOIN g ON {same}
ORDER BY {", ".join(f"p.{q(c)}" for c in GROUP)}, p.value NULLS LAST"""


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view over the tables the store has."""
    tables = table_names(con)
    if "documents" not in tables:
        return
    con.execute(DOCUMENTS_CURRENT)
    con.execute(REVIEWS_CURRENT)
    for kind in FACT_KINDS:
        if kind in tables:
            columns = columns_of(con, kind)
            con.execute(base_view(kind))
            con.execute(reviewed_view(kind, columns))
            con.execute(current_view(kind))
    if "claims" in tables:
        columns = columns_of(con, "claims")
        con.execute(panel_view(columns))
        con.execute(conflicts_view(columns))
