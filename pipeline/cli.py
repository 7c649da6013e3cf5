"""The `zhfacts` command (also `python -m zhfacts`).

Exit codes of `zhfacts run`: 0 every document ok; 3 some documents failed (the run still
completes and writes everything); 2 usage error (bad option, missing input, malformed
rules file, Dask missing or unreachable, output folder busy); 1 internal failure.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from zhfacts._version import __version__
from zhfacts.extract.orgs.model import ModelUnavailable
from zhfacts.nlp.segment import BACKENDS, DEFAULT_BACKEND
from zhfacts.rules import RulesError, rules_dir
from zhfacts.run.engines import ENGINES, EngineError
from zhfacts.run.processor import DEFAULT_DOC_TIMEOUT, ORG_MODELS
from zhfacts.run.write import OutputBusy, OutputError, current_generation
from zhfacts.terminal import printable
from zhfacts.text.ingest import DEFAULT_MAX_DOC_BYTES

if TYPE_CHECKING:
    from zhfacts.run.batch import ProgressHook, RunSummary
    from zhfacts.run.processor import EncodedResult
    from zhfacts.text.ingest import Source

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_DOCUMENTS_FAILED = 0, 1, 2, 3
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGED_CORPUS = Path(__file__).resolve().parent / "_corpus" / "articles"  # in a wheel (see pyproject.toml)
DEFAULT_OUT = Path("outputs")  # of the current directory, never the install folder

EngineName = Enum("EngineName", {name: name for name in ENGINES}, type=str)
Backend = Enum("Backend", {name: name for name in BACKENDS}, type=str)
OrgModel = Enum("OrgModel", {name: name for name in ORG_MODELS}, type=str)
LOCAL_ENGINE, DEFAULT_SEGMENTER = EngineName("local"), Backend(DEFAULT_BACKEND)

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Figures, places, organizations and district claims from Chinese regional news.")
err = Console(stderr=True, soft_wrap=True, highlight=False)  # no wrapping: messages hold paths


def _print_version(value: bool) -> None:
    if value:
        print(f"zhfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False) -> None:
    """Figures, places, organizations and district claims from Chinese regional news."""


def bundled_corpus() -> Path:
    """The bundled articles: of the source checkout, or the copy packed into the package."""
    source = PROJECT_ROOT / "corpus" / "articles"
    return source if source.is_dir() else PACKAGED_CORPUS


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@app.command(epilog="Exit codes: 0 every document ok; 3 some documents failed (the run still completes and writes "
                    "everything; see the documents table); 2 usage error (bad option, no such input, malformed rules "
                    "file, Dask missing or unreachable, output folder busy); 1 internal failure.")
def run(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (every *.txt, *.md, *.jsonl below) or - for stdin. Default: the bundled corpus.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder. Default: ./outputs.")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, show_default="the number of cores",
                                             help="Worker processes (Dask: workers of the local cluster).")] = None,
    engine: Annotated[EngineName, typer.Option(help="local (this machine) or dask (pip install 'zhfacts\\[dask]').")
                      ] = LOCAL_ENGINE,
    scheduler: Annotated[str | None, typer.Option(
        help="With --engine dask: an existing Dask scheduler (tcp://HOST:PORT) instead of a local cluster.")] = None,
    incremental: Annotated[bool, typer.Option(
        help="Reuse the records of documents unchanged since the last run in OUT (same text, rules and version).")
    ] = False,
    doc_timeout: Annotated[float, typer.Option(
        min=0, help="Seconds one document may take; past that it becomes an error row and the batch goes on "
                    "(0: no limit).")] = DEFAULT_DOC_TIMEOUT,
    segmenter: Annotated[Backend, typer.Option(help="Segmenter backend.")] = DEFAULT_SEGMENTER,
    org_model: Annotated[OrgModel | None, typer.Option(
        help="Add a statistical organization source where the rules find none: lac (Baidu LAC, "
             "pip install 'zhfacts\\[org-model]'; several times slower, see bench/README.md).")] = None,
    max_doc_mb: Annotated[float, typer.Option(
        min=0.001, help="Largest document read, in MB (a file, or one JSONL line); a larger one becomes an error row "
                        "and the batch goes on.")] = DEFAULT_MAX_DOC_BYTES / 2**20,
    pub_date: Annotated[str | None, typer.Option(
        help="Publication date of inputs that carry none (plain text files), in any common form "
             "(2025-08-06, 2025/8/6, 2025年8月6日), for 今年, 上半年 ...")
    ] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first document that fails (what was done is written).")
                      ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
    store: Annotated[Path | None, typer.Option(
        "--store", help="Then add the run to this DuckDB store as a batch (created when missing).")] = None,
) -> None:
    """Extract every table from INPUTS into OUT (JSONL + Parquet + manifest.json).

    A progress bar (documents, chars/s, errors, ETA) shows on stderr when it is a terminal."""
    from zhfacts.run.batch import NothingRead
    from zhfacts.run.batch import run as run_batch
    from zhfacts.run.processor import RunOptions
    from zhfacts.text.pubdate import parse_date, pub_date_problem

    level = logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    if quiet and verbose:
        usage_error("--quiet and --verbose exclude each other")
    if scheduler and engine.value != "dask":
        usage_error("--scheduler needs --engine dask")
    if pub_date is not None and (problem := pub_date_problem(pub_date, parse_date(pub_date))):
        usage_error(f"--pub-date {problem}")
    if inputs is None:
        inputs = [str(bundled_corpus())]
    out = out or DEFAULT_OUT
    replaced = current_generation(out) is not None
    for folder in (Path(i) for i in inputs if i != "-" and Path(i).is_dir()):
        if not quiet and out.resolve().is_relative_to(folder.resolve()):
            err.print(f"note: --out {escape(printable(str(out)))} is inside the input folder "
                      f"{escape(printable(str(folder)))}: output folders are never read as articles", highlight=False)
    if out.exists() and not out.is_dir():
        usage_error(f"--out {out} is a file, not a folder")
    missing = [i for i in inputs if i != "-" and not Path(i).exists() and not Path(i).is_symlink()]
    if missing and len(missing) == len(inputs):
        usage_error(f"no such input: {', '.join(missing)}")
    options = RunOptions(backend=segmenter.value, org_model=org_model.value if org_model else "",
                         jobs=jobs or default_jobs(), engine=engine.value, scheduler=scheduler,
                         incremental=incremental, doc_timeout=doc_timeout or None, strict=strict,
                         max_doc_bytes=int(max_doc_mb * 2**20), pub_date=pub_date)
    try:
        with progress_bar(inputs, enabled=not quiet and err.is_terminal) as progress:
            summary = run_batch(inputs, out, options, progress=progress)
    except RulesError as e:
        err.print(f"[red]error in rules ({escape(str(rules_dir()))}):[/red] {escape(printable(str(e)))}",
                  highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    except NothingRead as e:
        report_failures(e.summary)
        usage_error(printable(str(e)))
    except (ValueError, OutputBusy, OutputError, EngineError, ModelUnavailable) as e:
        usage_error(printable(str(e)))
    if not quiet:
        print_summary(summary, replaced, stored=store is not None)
    if store is not None:
        from zhfacts.store.cli import add_run

        add_run(store, out, quiet, after_run=True)
    report_failures(summary)
    raise typer.Exit(EXIT_DOCUMENTS_FAILED if summary.failed else EXIT_OK)


def usage_error(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(EXIT_USAGE)


def report_failures(summary: RunSummary) -> None:
    for message in summary.errors:
        err.print(f"[yellow]failed:[/yellow] {escape(printable(message))}", highlight=False)
    if summary.failed > len(summary.errors):
        err.print(f"... and {summary.failed - len(summary.errors)} more failed documents: see the documents table")
    if summary.stopped_early:
        err.print("stopped at the first failed document (--strict)")


@contextmanager
def progress_bar(inputs: list[str], enabled: bool) -> Iterator[ProgressHook | None]:
    """A rich progress bar on stderr, advanced once per document; None when not shown."""
    if not enabled:
        yield None
        return
    from zhfacts.run.batch import input_bytes

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TextColumn("{task.fields[docs]} docs"),
               TextColumn("{task.fields[rate]} chars/s"), TextColumn("{task.fields[errors]} errors"),
               TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("zhfacts", total=input_bytes(inputs), docs=0, rate="-", errors=0)
        counts = {"docs": 0, "chars": 0, "errors": 0}
        started = time.perf_counter()

        def advance(src: Source, result: EncodedResult | None) -> None:
            counts["docs"] += 1
            counts["chars"] += len(src.text or "")
            counts["errors"] += result is not None and not result.ok
            rate = counts["chars"] / max(time.perf_counter() - started, 1e-6)
            bar.update(task, advance=src.nbytes, docs=counts["docs"], rate=f"{rate:,.0f}", errors=counts["errors"])

        yield advance


def print_summary(summary: RunSummary, replaced: bool = False, stored: bool = False) -> None:
    table = Table(title=f"zhfacts: {summary.documents} documents")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, str(count))
    Console().print(table)
    reused = f", {summary.reused} reused from the previous run" if summary.reused else ""
    rate = summary.chars / summary.seconds if summary.seconds else 0
    console = Console(soft_wrap=True, highlight=False)
    console.print(f"{summary.failed} failed{reused}, {summary.seconds:.1f}s ({rate:,.0f} chars/s)")
    out = escape(printable(str(summary.out_dir.absolute())))
    console.print(f"outputs: {out}")
    if replaced and not summary.reused:
        console.print("(this replaced the batch that was there; give each batch its own --out to keep them apart)")
        if not stored:  # a store keeps every batch added to it, whatever happens to OUT later
            console.print("to accumulate batches: zhfacts run INPUT --out DIR --store FILE.duckdb "
                          f"(or add this one now: zhfacts store add {out} --db FILE.duckdb)")
    console.print(f"next: zhfacts report {out}   zhfacts eval {out} --gold DIR   zhfacts diff OLD {out}")


@app.command()
def schema(markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the data dictionary (docs/data-dictionary.md) instead.")] = False) -> None:
    """Print the output tables' JSON Schemas (one object: schema_version and tables), each field with its
    description."""
    from zhfacts.records.schema import all_json_schemas, data_dictionary

    if markdown:
        sys.stdout.write(data_dictionary())
        return
    typer.echo(json.dumps(all_json_schemas(), ensure_ascii=False, indent=2, default=str))


def _register_audit() -> None:
    try:
        from zhfacts.audit.cli import register
    except ImportError:
        return
    register(app)


_register_audit()


def _register_store_and_review() -> None:
    from zhfacts.review.cli import register as register_review
    from zhfacts.store.cli import register as register_store

    register_store(app)
    register_review(app)


_register_store_and_review()


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:  # the last line of defence: a clear message and exit code 1
        err.print(f"[red]internal error:[/red] {escape(printable(f'{type(e).__name__}: {e}'))}")
        sys.exit(EXIT_INTERNAL)
