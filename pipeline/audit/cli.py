"""The audit commands `report`, `diff` and `eval`, added to the zhfacts app by `register`.

Exit codes: 0 done; 1 `diff` found facts that the new run lost; 2 usage error (an output
folder that is missing or not a zhfacts output, a gold folder without gold files, a file
that cannot be read).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from zhfacts.audit.tables import BadOutputFile, NotAnOutputFolder
from zhfacts.terminal import printable

EXIT_LOST, EXIT_USAGE = 1, 2
DIFF_VALUE_FIELDS = ("value", "value_min", "value_max", "unit", "district", "metric", "period", "canonical",
                     "normalized")

out_console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


class Format(StrEnum):
    table = "table"
    json = "json"


def fail(message: str) -> typer.Exit:
    err_console.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def cells(*values: Any) -> list[Text]:
    """Table cells as plain text: article text must not be read as rich markup, nor control
    characters in ids and texts reach the terminal (printed as their escapes)."""
    return [Text("" if v is None else printable(str(v))) for v in values]


# -- report --------------------------------------------------------------------------------------
def report(
    out: Annotated[Path, typer.Argument(help="A zhfacts output folder (what `zhfacts run` wrote).")],
    html: Annotated[Path | None, typer.Option("--html", help="The HTML file. Default: OUT/report.html.")] = None,
) -> None:
    """Write one self-contained HTML page to audit a run: highlighted texts, claims, conflicts."""
    from zhfacts.audit.report import write_report

    try:
        path = write_report(out, html or out / "report.html")
    except (NotAnOutputFolder, BadOutputFile) as e:
        raise fail(str(e)) from None
    out_console.print(Text(f"wrote {path}"), soft_wrap=True)


# -- diff ----------------------------------------------------------------------------------------
def fact_value(brief: dict[str, Any]) -> str:
    return " ".join(f"{k}={brief[k]}" for k in DIFF_VALUE_FIELDS if brief.get(k) is not None)


def print_diff(result, limit: int) -> None:
    summary = Table(title=printable(f"facts: {result.old} -> {result.new}"))
    for name in ("table", "added", "removed", "changed", "rekeyed"):
        summary.add_column(name, justify="left" if name == "table" else "right")
    for table, counts in result.counts().items():
        summary.add_row(*cells(table, *counts.values()))
    out_console.print(summary)
    out_console.print(Text(f"{result.unchanged} unchanged"))
    listing = Table(show_lines=False)
    for name in ("", "table", "doc_id", "text", "value", "id"):
        listing.add_column(name, overflow="fold")
    shown = [("-", f) for f in result.removed[:limit]] + [("+", f) for f in result.added[:limit]]
    for sign, fact in shown:
        brief = fact.brief()
        listing.add_row(*cells(sign, fact.table, fact.doc_id, fact.text, fact_value(brief), fact.id))
    for change in result.changed[:limit]:
        what = "; ".join(f"{k}: {a} -> {b}" for k, (a, b) in change.fields.items())
        if change.new.table == "claims" and "metric" not in change.fields:  # say which claim it is
            what = f"metric={change.new.row.get('metric')}; {what}"
        listing.add_row(*cells("~", change.new.table, change.new.doc_id, change.new.text, what, change.new.id))
    if listing.row_count:
        out_console.print(listing)
    hidden = sum(max(0, len(x) - limit) for x in (result.removed, result.added, result.changed))
    if hidden:
        out_console.print(Text(f"... {hidden} more (--limit, or --format json for all)"))


def diff(
    old: Annotated[Path, typer.Argument(help="The output folder of the earlier run.")],
    new: Annotated[Path, typer.Argument(help="The output folder of the later run.")],
    format: Annotated[Format, typer.Option("--format", help="table for people, json for tools.")] = Format.table,
    limit: Annotated[int, typer.Option(help="Facts listed per group in the table format.")] = 30,
) -> None:
    """Fact-level differences between two runs: added, removed and changed facts.

    Exit code 1 when the new run lost facts that the old one had (for CI)."""
    from zhfacts.audit.diff import diff_runs

    try:
        result = diff_runs(old, new)
    except (NotAnOutputFolder, BadOutputFile) as e:
        raise fail(str(e)) from None
    if format is Format.json:
        print_json(result.to_json())
    else:
        print_diff(result, limit)
    if result.lost:
        err_console.print(Text(f"{len(result.lost)} fact(s) lost", style="bold red"))
        raise typer.Exit(EXIT_LOST)


# -- eval ----------------------------------------------------------------------------------------
def print_scores(result: dict[str, Any], show: int) -> None:
    from zhfacts.audit.evaluate import KINDS

    scores = Table(title=f"scores over {result['documents']} documents with gold")
    for name in ("kind", "P", "R", "F1", "tp", "fp", "fn"):
        scores.add_column(name, justify="left" if name == "kind" else "right")
    for kind in KINDS:
        r = result[kind]
        scores.add_row(*cells(kind, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                              r["tp"], r["fp"], r["fn"]))
    out_console.print(scores)
    out_console.print(Text(f"claims with a matching metric: {result['claims']['metric_share']:.3f}"))
    out_console.print(Text(f"mean F1: {result['mean_f1']:.3f}"))
    rules = Table(title="per rule (most false positives first)")
    for name in ("kind", "rule", "tp", "fp", "optional", "precision"):
        rules.add_column(name, justify="left" if name in ("kind", "rule") else "right")
    for kind in KINDS:
        for rule, c in result["by_rule"][kind].items():
            rules.add_row(*cells(kind, rule, c["tp"], c["fp"], c["optional"], f"{c['precision']:.3f}"))
    out_console.print(rules)
    for kind in KINDS if show else ():
        for row in result["misses"][kind][:show]:
            out_console.print(Text(f"MISS  {kind:<13} {row['doc_id']}: {brief_row(row)}"))
        for row in result["alarms"][kind][:show]:
            out_console.print(Text(f"ALARM {kind:<13} {row['doc_id']}: {brief_row(row)} (rule {row.get('rule')})"))


def brief_row(row: dict[str, Any]) -> str:
    keep = ("text", "value", "value_min", "value_max", "unit", "district", "metric", "canonical", "type")
    return json.dumps({k: row[k] for k in keep if row.get(k) is not None}, ensure_ascii=False)


def evaluate_command(
    out: Annotated[Path, typer.Argument(help="A zhfacts output folder.")],
    gold: Annotated[Path, typer.Option("--gold", help="A folder of <doc_id>.json gold files.")],
    format: Annotated[Format, typer.Option("--format", help="table for people, json for tools.")] = Format.table,
    show: Annotated[int, typer.Option(help="List up to N misses and false alarms per kind.")] = 0,
) -> None:
    """Precision, recall and F1 per kind against gold, and true and false positives per rule.

    A gold folder holds one <doc_id>.json per document (format: docs/gold-format.md); its
    doc_ids must be documents of the run (an error when none is, a warning for each one missing)."""
    from zhfacts.audit.evaluate import GoldError, evaluate

    try:
        result = evaluate(out, gold)
    except (NotAnOutputFolder, BadOutputFile, GoldError) as e:
        raise fail(str(e)) from None
    from zhfacts.audit.evaluate import no_gold_matches

    problem = no_gold_matches(out, gold, result)
    if problem:
        raise fail(printable(problem))
    if result["unmatched_gold"]:
        unmatched = result["unmatched_gold"]
        err_console.print(Text(f"warning: {len(unmatched)} of {result['documents']} gold documents have no document "
                               f"in {out} and count as all missed: {', '.join(map(printable, unmatched))}",
                               style="yellow"), soft_wrap=True)
    if format is Format.json:
        print_json(result)
    else:
        print_scores(result, show)


def register(app: typer.Typer) -> None:
    """Add `report`, `diff` and `eval` to the zhfacts app."""
    app.command("report")(report)
    app.command("diff")(diff)
    app.command("eval")(evaluate_command)
