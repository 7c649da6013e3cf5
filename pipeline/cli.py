"""The `zhfacts` command (also `python -m pipeline`).

Exit codes of `zhfacts run`: 0 every document ok; 3 some documents failed (the run still
completes and writes everything); 2 usage error (bad option, missing input, malformed
rules file); 1 internal failure.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipeline.rules import RulesError, rules_dir

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_DOCUMENTS_FAILED = 0, 1, 2, 3
PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "corpus" / "articles"
DEFAULT_OUT = PROJECT_ROOT / "outputs"

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Figures, places, organizations and district claims from Chinese regional news.")
err = Console(stderr=True)


@app.command()
def run(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (every *.txt, *.md, *.jsonl below) or - for stdin. Default: the bundled corpus.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder. Default: outputs/.")] = None,
    segmenter: Annotated[str, typer.Option(help="Segmenter backend: jieba or rjieba.")] = "jieba",
    strict: Annotated[bool, typer.Option(help="Stop at the first document that fails.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each stage.")] = False,
) -> None:
    """Extract every table from INPUTS into OUT (JSONL + Parquet + manifest.json).

    Exit codes: 0 all documents ok; 3 some documents failed (everything else is still
    written; see the documents table); 2 usage error or malformed rules file; 1 internal
    failure."""
    from pipeline.runner import run as run_batch

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if inputs is None:
        inputs = [str(BUNDLED_CORPUS)]
        out = out or DEFAULT_OUT
    out = out or DEFAULT_OUT
    missing = [i for i in inputs if i != "-" and not Path(i).exists() and not Path(i).is_symlink()]
    if missing and len(missing) == len(inputs):
        err.print(f"[red]error:[/red] no such input: {', '.join(missing)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        summary = run_batch(inputs, out, backend=segmenter, strict=strict)
    except RulesError as e:
        err.print(f"[red]error in rules ({rules_dir()}):[/red] {e}")
        raise typer.Exit(EXIT_USAGE) from None
    except ValueError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_USAGE) from None
    if not quiet:
        print_summary(summary)
    for message in summary.errors:
        err.print(f"[yellow]failed:[/yellow] {message}", markup=True, highlight=False)
    raise typer.Exit(EXIT_DOCUMENTS_FAILED if summary.failed else EXIT_OK)


def print_summary(summary) -> None:
    table = Table(title=f"zhfacts: {summary.documents} documents -> {summary.out_dir}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, str(count))
    Console().print(table)
    Console().print(f"{summary.failed} failed, {summary.seconds:.1f}s")


@app.command()
def schema() -> None:
    """Print the output tables' JSON Schemas (one object: schema_version and tables)."""
    from pipeline.schema import all_json_schemas

    typer.echo(json.dumps(all_json_schemas(), ensure_ascii=False, indent=2, default=str))


def _register_audit() -> None:
    try:
        from pipeline.audit.cli import register
    except ImportError:
        return
    register(app)


_register_audit()


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:  # the last line of defence: a clear message and exit code 1
        err.print(f"[red]internal error:[/red] {type(e).__name__}: {e}")
        sys.exit(EXIT_INTERNAL)
