"""The `zhfacts review` commands, added to the zhfacts app by `register`: without a
subcommand it serves the review app; `apply` records verdicts from a JSONL file; `export`
writes gold files.

Exit codes: 0 done; 2 usage error (no such store, store busy, unreadable file); 3 `apply`
recorded some verdicts but refused others (each named with its line).
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from zhfacts.store.errors import StoreError

EXIT_USAGE, EXIT_SOME_REFUSED = 2, 3
DB_HELP = "The store: one DuckDB file (zhfacts store add)."

review_app = typer.Typer(invoke_without_command=True, help="Review the facts of a store in a local web app.")
out_console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def fail(message: str) -> typer.Exit:
    err_console.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


@review_app.callback()
def serve(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback exposes the store.")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free one).")] = 8765,
    reviewer: Annotated[str | None, typer.Option(help="Name recorded with each verdict.",
                                                 show_default="your login name")] = None,
) -> None:
    """Serve the review app: the article with highlighted facts; accept, reject, correct, add."""
    if ctx.invoked_subcommand is not None:
        return
    if db is None:
        raise fail("--db FILE is required")
    if not db.is_file():
        raise fail(f"{db}: no such store (zhfacts store add OUT --db {db} creates it)")
    import uvicorn

    from zhfacts.review.app import LOOPBACK_NAMES, create_app

    app = create_app(db, reviewer=reviewer or default_reviewer(), allowed_hosts=[*LOOPBACK_NAMES, host])
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(Text(f"warning: listening on {host}: anyone who can reach it can read the store"))
    out_console.print(Text(f"reviewing {db} at http://{'[' + host + ']' if ':' in host else host}:{port}/ "
                           "(Ctrl-C stops)"), soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@review_app.command("apply")
def apply_command(
    decisions: Annotated[Path, typer.Argument(help="JSONL: one verdict a line (docs: README, Review).")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)],
    reviewer: Annotated[str | None, typer.Option(help="Name recorded with each verdict that names none.",
                                                 show_default="your login name")] = None,
) -> None:
    """Record verdicts from a file, through the same checks as the app."""
    from zhfacts.review.apply import apply_file

    if not db.is_file():
        raise fail(f"{db}: no such store")
    try:
        result = apply_file(db, decisions, reviewer or default_reviewer())
    except StoreError as e:
        raise fail(str(e)) from None
    for message in result.errors:
        err_console.print(Text(f"refused: {message}"), soft_wrap=True)
    out_console.print(Text(f"{len(result.review_ids)} verdicts recorded, {len(result.errors)} refused"))
    if result.errors:
        raise typer.Exit(EXIT_SOME_REFUSED)


@review_app.command("export")
def export_command(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)],
    gold: Annotated[Path, typer.Option("--gold", help="Folder for <doc_id>.json gold files (and articles/).")],
) -> None:
    """Write a gold file for every reviewed document (docs/gold-format.md); score runs with `zhfacts eval`."""
    from zhfacts.review.export import export_gold

    try:
        written = export_gold(db, gold)
    except StoreError as e:
        raise fail(str(e)) from None
    out_console.print(Text(f"wrote {len(written)} gold files to {gold}"), soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add `review` (serve, apply, export) to the zhfacts app."""
    app.add_typer(review_app, name="review")
