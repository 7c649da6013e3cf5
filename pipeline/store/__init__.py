"""The fact store: finished runs accumulate as batches in one DuckDB file.

`db` opens the file (one writer at a time, a clear error for a second), `schema` holds the
fixed tables' DDL, `add` copies a finished output folder in as a batch (one transaction),
`views` defines the current facts with reviews applied, the panel and the conflicts, and
`query` reads them for the command line. The file is plain DuckDB: `duckdb FILE.duckdb`
opens it without zhfacts.
"""
