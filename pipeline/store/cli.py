"""The `zhfacts store` commands (add, query, panel, conflicts), added to the zhfacts app by
`register`; `add_run` is what `zhfacts run --store FILE` calls once the run is published.

Exit codes: 0 done; 2 usage error (no such store or output folder, a failed query, the store
busy with another writer).
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from zhfacts.store.errors import StoreError

EXIT_USAGE = 2
DB_HELP = "The store: one DuckDB file."

store_app = typer.Typer(no_args_is_help=True, help="Batches of facts accumulated in one DuckDB file.")
out_console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def fail(message: str) -> typer.Exit:
    err_console.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def print_rows(columns: list[str], rows: list[tuple[Any, ...]], format: Format, title: str | None = None) -> None:
    if format is Format.json:
        typer.echo(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=2,
                              default=str))
    elif format is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
    else:
        table = Table(title=title)
        for name in columns:
            table.add_column(name, overflow="fold")
        for r in rows:
            table.add_row(*(Text("" if v is None else str(v)) for v in r))  # values are not rich markup
        out_console.print(table)
        out_console.print(Text(f"{len(rows)} rows"))


def describe_batch(added) -> str:
    counts = ", ".join(f"{n} {t}" for t, n in added.counts.items())
    return f"batch {added.batch_id} from {added.source}: {counts}"


@store_app.command("add")
def add(
    out: Annotated[Path, typer.Argument(help="A finished zhfacts output folder.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP + " Created when missing.")],
) -> None:
    """Add a finished output folder to the store as a new batch (all or nothing)."""
    add_run(db, out, quiet=False)


def add_run(db: Path, out: Path, quiet: bool, after_run: bool = False) -> None:
    """Add the output folder; after `zhfacts run --store`, a failure says the run itself is kept."""
    from zhfacts.store.add import add_output

    try:
        added = add_output(db, out)
    except StoreError as e:
        kept = f" (the run is complete in {out}: zhfacts store add {out} --db {db} adds it later)" if after_run else ""
        raise fail(f"{e}{kept}") from None
    if not quiet:
        out_console.print(Text(f"{db}: added {describe_batch(added)}"), soft_wrap=True)


@store_app.command("query")
def query(
    sql: Annotated[str, typer.Argument(help="SQL, run on a read-only connection.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)],
    format: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
) -> None:
    """Run SQL on the store (tables: batches, documents, claims, ...; views: claims_current, panel, conflicts)."""
    from zhfacts.store.query import run_query

    try:
        result = run_query(db, sql)
    except StoreError as e:
        raise fail(str(e)) from None
    print_rows(result.columns, result.rows, format)


@store_app.command("panel")
def panel(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)],
    out: Annotated[Path, typer.Option("--out", help="FILE.parquet or FILE.csv.")],
) -> None:
    """Write the panel: district, metric_key, period, modality, value, unit, sources, review state."""
    from zhfacts.store.query import export_panel

    try:
        count = export_panel(db, out)
    except StoreError as e:
        raise fail(str(e)) from None
    out_console.print(Text(f"wrote {count} panel rows to {out}"), soft_wrap=True)


@store_app.command("conflicts")
def conflicts_command(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)],
    format: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
) -> None:
    """The same district, metric_key, period and modality with different values in different documents."""
    from zhfacts.store.query import conflicts

    try:
        result = conflicts(db)
    except StoreError as e:
        raise fail(str(e)) from None
    if format is Format.table:  # one amount column, so that the table fits a terminal
        records = result.records()
        columns = ["district", "metric_key", "period", "modality", "amount", "n_documents", "review", "documents"]
        rows = [(r["district"], r["metric_key"], r["period"], r["modality"], amount_text(r), r["n_documents"],
                 r["review"], ", ".join(r["documents"])) for r in records]
        print_rows(columns, rows, format, title="conflicts")
    else:
        print_rows(result.columns, result.rows, format)


def amount_text(row: dict[str, Any]) -> str:
    """120 家, 5–50 微米, 1400 家 (upper)."""
    def number(v: float | None) -> str:
        return "?" if v is None else f"{v:,.6f}".rstrip("0").rstrip(".")

    if row["value"] is not None:
        amount = number(row["value"])
    else:
        amount = f"{number(row['value_min'])}–{number(row['value_max'])}"
    return f"{amount} {row['unit'] or ''}" + (f" ({row['approx']})" if row["approx"] else "")


def register(app: typer.Typer) -> None:
    """Add `store` (add, query, panel, conflicts) to the zhfacts app."""
    app.add_typer(store_app, name="store")
