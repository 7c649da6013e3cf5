"""A self-contained HTML report of one run, for a person to audit in a browser.

Per document, the raw text the run read (OUT/texts.jsonl) with every record's span drawn at
its raw offsets as a coloured bar under it (one layer per kind, so a place inside an
organization or a claim on its quantity both show); clicking a span lists the records under
it in a side panel. The report never repairs the text again: a report of an old run shows
what that run read and found, whatever the rules are today. Then a sortable,
filterable table of all claims, shown CLAIMS_PAGE rows at a time (the page's script keeps the
other rows out of the document, so 10,000 claims open and filter as quickly as 100), and the
claims that disagree across documents.

A run of more than PAGE_DOCS documents is written as pages: the main page (claims, conflicts,
an index of the pages) and `<name>-pages/page-NNNN.html`, each with PAGE_DOCS documents,
read from the tables as a stream in doc_id order (the order the run wrote them): a page is
small and quick to open however large the run, and only one page of documents is ever in
memory: the claims wait in a temporary DuckDB database on disk until the main page is
written, row by row.

Everything from the run (article text, field values, ids, file names) is untrusted: it is
written only through `esc` or as JSON with <, > and & escaped, and the page's Content
Security Policy runs no script and loads nothing but its own inline style and script.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import html
import itertools
import json
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhfacts.audit.assets import CSS, JS
from zhfacts.audit.claim_spill import ClaimSpill, SpilledClaim
from zhfacts.audit.conflicts import Conflict, find_conflicts
from zhfacts.audit.tables import RunOutput, check_output_folder, iter_jsonl, read_manifest, read_run
from zhfacts.records.types import RECORD_TABLES

# Layers from the innermost bar (nearest the text) outwards.
LAYERS = ("quantities", "times", "places", "organizations", "claims")
LABEL = {"quantities": "quantity", "times": "time", "places": "place", "organizations": "organization",
         "claims": "claim"}
# Fields the side panel lists first, in this order; any other field follows them.
DETAIL_ORDER = ("district", "adcode", "metric", "metric_key", "value", "value_min", "value_max", "approx", "unit",
                "kind", "period", "normalized", "resolved_with", "canonical", "type", "level", "parent", "note",
                "attribution", "speaker", "confidence", "quantity_id", "rule", "id", "sentence")
NOT_DETAILED = frozenset({"doc_id", "start", "end", "text"})
NUMBERS = frozenset({"value", "value_min", "value_max"})
PAGE_DOCS = 100  # documents per page: a larger run's report is written as pages
CLAIMS_PAGE = 100  # claim rows shown at once: the page's script pages, sorts and filters the rest
CLAIMS_PAGE_SIZES = (100, 500, 1000)


def esc(value: Any) -> str:
    """Text or attribute value, escaped for HTML (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no "</script>", no "<!--", no HTML entities."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                       ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


# -- values ----------------------------------------------------------------------------------
def format_number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_amount(row: dict[str, Any]) -> str:
    """The normalized value without unit: 1,400, a range 5–50, with its approx mark."""
    if row.get("value") is not None:
        amount = format_number(row["value"])
    elif row.get("value_min") is not None or row.get("value_max") is not None:
        amount = f"{format_number(row.get('value_min', '?'))}–{format_number(row.get('value_max', '?'))}"
    else:
        amount = "?"
    return f"{amount} ({row['approx']})" if row.get("approx") else amount


def sort_number(row: dict[str, Any]) -> str:
    for name in ("value", "value_min", "value_max"):
        if isinstance(row.get(name), int | float):
            return str(row[name])
    return ""


def summary_line(table: str, row: dict[str, Any]) -> str:
    """One line per record for the tooltip: what was found, what it means, which rule."""
    text = row.get("text", "")
    if table == "quantities":
        said = f"{format_amount(row)} {row.get('unit') or ''} · period {row.get('period') or '-'}"
    elif table == "claims":
        said = (f"{row.get('district')} · {row.get('metric') or '-'} = {format_amount(row)} {row.get('unit') or ''}"
                f" · period {row.get('period') or '-'} · by {row.get('attribution') or '-'}"
                + (f" ({row['speaker']})" if row.get("speaker") else ""))
    elif table == "places":
        said = f"{row.get('canonical')} · {row.get('level')} · {row.get('adcode') or '-'}"
    elif table == "organizations":
        said = f"{row.get('canonical')} · {row.get('type')}"
    else:
        said = f"{row.get('normalized') or '-'}"
    return f"{LABEL.get(table, table)} {text}: {said} · rule {row.get('rule')}"


def details(row: dict[str, Any]) -> list[list[str]]:
    names = [n for n in DETAIL_ORDER if n in row] + [n for n in row if n not in DETAIL_ORDER]
    pairs = []
    for name in names:
        value = row.get(name)
        if name in NOT_DETAILED or value is None or value == "" or value == []:
            continue
        shown = format_number(value) if name in NUMBERS else value
        pairs.append([name, shown if isinstance(shown, str) else json.dumps(shown, ensure_ascii=False)])
    return pairs


# -- records and where they sit on the raw text ----------------------------------------------------
@dataclass(frozen=True)
class ReportRecord:
    index: int
    table: str
    row: dict[str, Any]
    href: str | None = None  # where it is drawn when that is another page of the report

    @property
    def doc_id(self) -> str:
        return str(self.row.get("doc_id"))

    def heading(self) -> str:
        if self.table == "claims":
            return f"claim · {self.row.get('district')} · {self.row.get('text', '')}"
        return f"{LABEL.get(self.table, self.table)} · {self.row.get('text', '')}"

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "heading": self.heading(), "details": details(self.row)}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    record: ReportRecord


def raw_span(length: int, start: Any, end: Any) -> tuple[int, int] | None:
    """A record's [start, end) in a raw text of this length; None when the offsets are not a
    non-empty span inside it (a table edited by hand, a text the run did not keep)."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return None
    return (start, end) if 0 <= start < end <= length else None


def place_records(text: str, records: Iterable[ReportRecord]) -> tuple[list[Span], list[ReportRecord]]:
    """(spans on the raw text, records that could not be placed)."""
    spans, unplaced = [], []
    for record in records:
        where = raw_span(len(text), record.row.get("start"), record.row.get("end"))
        if where:
            spans.append(Span(where[0], where[1], record))
        else:
            unplaced.append(record)
    return spans, unplaced


# -- rendering the text --------------------------------------------------------------------
def layer_rank(table: str) -> int:
    return LAYERS.index(table) if table in LAYERS else len(LAYERS)


def render_segment(piece: str, active: list[Span]) -> str:
    """A piece of text under the same spans: one nested layer per kind, innermost first."""
    inner = esc(piece)
    if not active:
        return inner
    for table in LAYERS:
        if any(s.record.table == table for s in active):
            inner = f'<span class="L L-{table}">{inner}</span>'
    # Shortest first: the panel lists, and a click marks, the most specific record.
    ordered = sorted(active, key=lambda s: (s.end - s.start, layer_rank(s.record.table), s.start))
    indexes = " ".join(str(s.record.index) for s in ordered)
    title = "\n".join(summary_line(s.record.table, s.record.row) for s in ordered)
    return f'<span class="seg" data-r="{indexes}" title="{esc(title)}">{inner}</span>'


def render_text(text: str, spans: list[Span]) -> str:
    """The text cut at every span boundary; each piece wrapped in the layers over it, and an
    anchor (#r<index>) where each record starts."""
    starts: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        starts[span.start].append(span)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    active: list[Span] = []
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        out.extend(f'<span class="anchor" id="r{s.record.index}"></span>' for s in starts.get(a, []))
        out.append(render_segment(text[a:b], active))
    return "".join(out)


def render_record_table(records: list[ReportRecord]) -> str:
    rows = "".join(f"<tr><td>{esc(LABEL.get(r.table, r.table))}</td><td>{esc(r.row.get('text'))}</td>"
                   f"<td>{esc(summary_line(r.table, r.row))}</td></tr>" for r in records)
    return f"<table><thead><tr><th>kind</th><th>text</th><th>reading</th></tr></thead><tbody>{rows}</tbody></table>"


def render_document(number: int, doc_id: str, doc: dict[str, Any], raw: str | None,
                    records: list[ReportRecord]) -> tuple[str, set[int]]:
    """The document's section, and the indexes of the records drawn on its text."""
    counts = ", ".join(f"{sum(r.table == t for r in records)} {t}" for t in RECORD_TABLES)
    status = doc.get("status") or ("ok" if raw is not None else "unknown")
    parts = [f'<section class="doc" id="doc-{number}"><h2>{esc(doc_id)}</h2>',
             f'<p class="muted"><span class="status-{esc(status)}">{esc(status)}</span> · pub_date '
             f'{esc(doc.get("pub_date") or "-")} ({esc(doc.get("pub_date_source") or "-")}) · '
             f'{esc(doc.get("n_chars", "?"))} chars · {esc(counts)}</p>']
    if doc.get("error"):
        parts.append(f'<p class="status-error">{esc(doc["error"])}</p>')
    warnings = doc.get("warnings") or []
    if warnings:
        items = "".join(f"<li>{esc(w)}</li>" for w in warnings)
        parts.append(f"<details><summary>{len(warnings)} repair warnings</summary><ul>{items}</ul></details>")
    unplaced, placed = records, set()
    if raw is not None:
        spans, unplaced = place_records(raw, records)
        placed = {s.record.index for s in spans}
        parts.append(f'<div class="doc-text" lang="zh">{render_text(raw, spans)}</div>')
    elif records:
        parts.append('<p class="muted">The run has no text for this document (texts.jsonl).</p>')
    if unplaced:
        parts.append(f"<h3>Records not placed on the text ({len(unplaced)})</h3>{render_record_table(unplaced)}")
    parts.append("</section>")
    return "".join(parts), placed


# -- claims and conflicts ----------------------------------------------------------------------
def doc_link(record: ReportRecord, placed: set[int]) -> str:
    if record.index in placed and record.href:
        return f'<a href="{esc(record.href)}">{esc(record.doc_id)}</a>'
    if record.index in placed:
        return f'<a class="goto" href="#r{record.index}" data-r="{record.index}">{esc(record.doc_id)}</a>'
    return esc(record.doc_id)


def metric_label(row: dict[str, Any]) -> str:
    return str(row.get("metric") or row.get("metric_key") or "")


def options(values: Iterable[str], everything: str) -> str:
    shown = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in sorted(set(values)) if v)
    return f'<option value="">{esc(everything)}</option>{shown}'


CLAIM_COLUMNS = (("district", "text"), ("metric", "text"), ("value", "num"), ("unit", "text"), ("period", "text"),
                 ("text", "text"), ("document", "text"), ("attribution", "text"), ("confidence", "num"),
                 ("rule", "text"))


def claim_row(record: ReportRecord, placed: set[int], hidden: bool = False) -> str:
    row = record.row
    metric_key = f'<div class="muted">{esc(row["metric_key"])}</div>' if row.get("metric_key") else ""
    speaker = f' <span class="muted">({esc(row["speaker"])})</span>' if row.get("speaker") else ""
    confidence = row.get("confidence")
    cells = [
        f'<td class="district">{esc(row.get("district"))}</td>',
        f'<td class="metric">{esc(metric_label(row))}{metric_key}</td>',
        f'<td class="num value" data-sort="{esc(sort_number(row))}">{esc(format_amount(row))}</td>',
        f'<td class="unit">{esc(row.get("unit"))}</td>',
        f'<td class="period">{esc(row.get("period") or "")}</td>',
        f'<td class="text">{esc(row.get("text"))}</td>',
        f'<td class="doc">{doc_link(record, placed)}</td>',
        f'<td class="attribution">{esc(row.get("attribution"))}{speaker}</td>',
        f'<td class="num confidence">{esc(confidence if confidence is not None else "")}</td>',
        f'<td class="rule">{esc(row.get("rule"))}</td>',
    ]
    return (f'<tr data-district="{esc(row.get("district") or "")}" data-metric="{esc(metric_label(row))}"'
            + (" hidden" if hidden else "") + ">" + "".join(cells) + "</tr>")


def render_claims(claims: list[ReportRecord], placed: set[int]) -> str:
    ordered = sorted(claims, key=lambda r: (str(r.row.get("district")), r.doc_id, r.row.get("start") or 0))
    # Rows past the first page start hidden, so that the browser never lays out thousands of them.
    body = "".join(claim_row(r, placed, hidden=n >= CLAIMS_PAGE) for n, r in enumerate(ordered))
    start = claims_section_start(len(claims), (str(r.row.get("district") or "") for r in claims),
                                 (metric_label(r.row) for r in claims))
    return start + body + CLAIMS_SECTION_END


CLAIMS_SECTION_END = "</tbody></table></div></section>"


def claims_section_start(n_claims: int, districts: Iterable[str], metrics: Iterable[str]) -> str:
    """The claims section up to its first row: heading, filters, pager and the table's head."""
    head = "".join(f'<th data-type="{kind}"><button type="button">{esc(name)}</button></th>'
                   for name, kind in CLAIM_COLUMNS)
    sizes = "".join(f'<option value="{n}"{" selected" if n == CLAIMS_PAGE else ""}>{n}</option>'
                    for n in CLAIMS_PAGE_SIZES)
    shown = min(n_claims, CLAIMS_PAGE)
    return (
        f'<section id="claims"><h2>Claims by district ({n_claims})</h2>'
        '<div class="filters">'
        f'<label>district <select id="filter-district">{options(districts, "all districts")}</select></label>'
        f'<label>metric <select id="filter-metric">{options(metrics, "all metrics")}</select></label>'
        '<label>text <input id="filter-text" type="search" placeholder="any cell contains"></label>'
        f'<span id="claims-count" class="muted">{n_claims} claims</span></div>'
        '<div class="pager"><button type="button" id="claims-first">first</button>'
        '<button type="button" id="claims-prev">previous</button>'
        f'<span id="claims-where">rows 1–{shown} of {n_claims}</span>'
        '<button type="button" id="claims-next">next</button><button type="button" id="claims-last">last</button>'
        f'<label>rows per page <select id="claims-size">{sizes}</select></label></div>'
        f'<div class="scroll"><table id="claims-table" class="sortable" data-page-size="{CLAIMS_PAGE}">'
        f"<thead><tr>{head}</tr></thead><tbody>"
    )


def render_conflict(conflict: Conflict, record_of: dict[int, ReportRecord], placed: set[int]) -> str:
    rows = []
    for claims in conflict.values.values():
        first = claims[0]
        links = ", ".join(doc_link(record_of[id(c)], placed) for c in claims)
        texts = " / ".join(dict.fromkeys(str(c.get("text")) for c in claims))
        rows.append(f'<tr><td class="num">{esc(format_amount(first))}</td><td>{esc(first.get("unit"))}</td>'
                    f"<td>{links}</td><td>{esc(texts)}</td><td>{esc(first.get('sentence'))}</td></tr>")
    metrics = " / ".join(dict.fromkeys(metric_label(c) for cs in conflict.values.values() for c in cs))
    return (f'<div class="conflict"><h3>{esc(conflict.district)} · {esc(metrics)} · period '
            f'{esc(conflict.period or "unknown")}</h3>'
            '<table><thead><tr><th>value</th><th>unit</th><th>documents</th><th>text</th><th>sentence</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></div>')


def render_conflicts(claims: list[ReportRecord], placed: set[int]) -> str:
    record_of = {id(r.row): r for r in claims}
    return render_found_conflicts(find_conflicts([r.row for r in claims]), record_of, placed)


def render_found_conflicts(conflicts: list[Conflict], record_of: dict[int, ReportRecord], placed: set[int]) -> str:
    """The conflicts section; record_of finds the report record of each conflicting claim row."""
    dated = [c for c in conflicts if c.period]
    undated = [c for c in conflicts if not c.period]
    parts = [f'<section id="conflicts"><h2>Conflicts ({len(dated)})</h2>',
             '<p class="muted">The same district, metric and period with different values in different '
             "documents.</p>"]
    parts += [render_conflict(c, record_of, placed) for c in dated] or ['<p class="none">No conflicts.</p>']
    if undated:
        parts.append(f"<h3>Candidates without a period ({len(undated)})</h3>")
        parts += [render_conflict(c, record_of, placed) for c in undated]
    parts.append("</section>")
    return "".join(parts)


# -- the page ----------------------------------------------------------------------------------
def render_header(run: RunOutput, n_docs: int, n_records: int) -> str:
    m = run.manifest
    shown = {k: m.get(k) for k in ("schema_version", "tool_version", "segmenter", "started", "finished")}
    shown["rules"] = str(m["rules_fingerprint"])[:12] if m.get("rules_fingerprint") else None
    facts = " · ".join(f"{k}: {esc(v)}" for k, v in shown.items() if v is not None)
    boxes = "".join(f'<label><input class="layer" type="checkbox" value="{t}" checked>'
                    f'<span class="swatch sw-{t}"></span>{LABEL[t]}</label>' for t in LAYERS)
    return (f"<header><h1>zhfacts report: {esc(run.folder.name or run.folder)}</h1>"
            f'<div class="meta">{esc(run.folder)} · {n_docs} documents · {n_records} records'
            f'{" · " + facts if facts else ""}</div>'
            '<nav><a href="#documents">documents</a><a href="#claims">claims by district</a>'
            f'<a href="#conflicts">conflicts</a></nav><div class="legend">{boxes}</div></header>')


def build_report(run: RunOutput) -> str:
    """The report of a run, as one HTML page."""
    records = [ReportRecord(i, table, row) for i, (table, row) in enumerate(run.records())]
    by_doc: dict[str, list[ReportRecord]] = defaultdict(list)
    for record in records:
        by_doc[record.doc_id].append(record)
    documents = {str(d.get("doc_id")): d for d in run.tables.get("documents", [])}
    doc_ids = run.doc_ids()
    sections, placed = [], set()
    for n, doc_id in enumerate(doc_ids):
        section, drawn = render_document(n, doc_id, documents.get(doc_id, {}), run.texts.get(doc_id), by_doc[doc_id])
        sections.append(section)
        placed |= drawn
    duplicates = run.duplicates()  # the same text again: drawn with its document, counted once
    claims = [r for r in records if r.table == "claims" and r.doc_id not in duplicates]
    main = (render_claims(claims, placed) + render_conflicts(claims, placed)
            + f'<section id="documents"><h2>Documents ({len(doc_ids)})</h2>{"".join(sections)}</section>')
    return render_page(f"zhfacts report: {run.folder.name}", render_header(run, len(doc_ids), len(records)), main,
                       records)


def render_page(title: str, header: str, main: str, records: list[ReportRecord]) -> str:
    """A whole page: its header, main part, side panel, and the data of its records."""
    return page_start(title, header) + main + page_end(records)


def page_start(title: str, header: str) -> str:
    """A page up to its main part."""
    csp = (f"default-src 'none'; script-src {csp_hash(JS)}; style-src {csp_hash(CSS)}; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        + header
        + '<div class="layout"><main>'
    )


def page_end(records: list[ReportRecord]) -> str:
    """A page after its main part: the side panel and the data of its records."""
    data = script_json({"records": [r.to_json() for r in records]})
    return ('</main><aside id="panel"><h2>Records here</h2><div id="panel-body"><p class="muted">Click a highlighted '
            "span, or a document link in a table.</p></div></aside></div>"
            + f'<script type="application/json" id="zh-data">{data}</script><script>{JS}</script></body></html>\n')


# -- a large run, in pages ---------------------------------------------------------------------
@dataclass
class StreamedDocument:
    doc_id: str
    row: dict[str, Any]
    raw: str | None
    records: dict[str, list[dict[str, Any]]]


def stream_documents(out_dir: Path) -> Iterator[StreamedDocument]:
    """Each document with its rows, merged from the tables as streams sorted by doc_id."""
    names = ["documents", "texts", *RECORD_TABLES]
    streams = [_keyed(out_dir / f"{name}.jsonl", rank) for rank, name in enumerate(names)]
    merged = heapq.merge(*streams, key=lambda item: item[0])
    for doc_id, group in itertools.groupby(merged, key=lambda item: item[0]):
        doc = StreamedDocument(doc_id, {}, None, defaultdict(list))
        for _, rank, row in group:
            if names[rank] == "documents":
                doc.row = row
            elif names[rank] == "texts":
                doc.raw = str(row.get("raw") or "")
            else:
                doc.records[names[rank]].append(row)
        yield doc


def _keyed(path: Path, rank: int) -> Iterator[tuple[str, int, dict[str, Any]]]:
    for row in iter_jsonl(path):
        yield str(row.get("doc_id")), rank, row


def sorted_by_doc_id(out_dir: Path) -> bool:
    """Whether every table is in doc_id order, as `zhfacts run` writes them: then documents can
    be streamed (a folder edited by hand is read whole instead)."""
    for name in ("documents", "texts", *RECORD_TABLES):
        previous = ""
        for row in iter_jsonl(out_dir / f"{name}.jsonl"):
            doc_id = str(row.get("doc_id"))
            if doc_id < previous:
                return False
            previous = doc_id
    return True


def count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def page_name(number: int) -> str:
    return f"page-{number:04d}.html"


def write_paged_report(out_dir: Path, html_path: Path, n_docs: int) -> None:
    """The main page (claims, conflicts, pages) and one page per PAGE_DOCS documents. Only one
    page of documents is in memory; the claims wait on disk (ClaimSpill) until the main page is
    written, row by row."""
    folder = html_path.with_name(f"{html_path.stem}-pages")
    folder.mkdir(exist_ok=True)
    spill = ClaimSpill(metric_label)
    try:
        index, n_records = write_document_pages(out_dir, html_path, folder, n_docs, spill)
        write_main_page(out_dir, html_path, folder, index, n_docs, n_records, spill)
    finally:
        spill.close()


def write_document_pages(out_dir: Path, html_path: Path, folder: Path, n_docs: int,
                         spill: ClaimSpill) -> tuple[list[tuple[str, str, str, int]], int]:
    """The pages of documents; each claim goes to the spill. Returns the index of the pages
    (file, first doc_id, last doc_id, documents) and the number of records."""
    n_pages = (n_docs + PAGE_DOCS - 1) // PAGE_DOCS
    index: list[tuple[str, str, str, int]] = []
    seen_texts: set[str] = set()
    n_records = 0
    docs = stream_documents(out_dir)
    for number in itertools.count(1):
        page = list(itertools.islice(docs, PAGE_DOCS))
        if not page:
            break
        records: list[ReportRecord] = []
        sections = []
        for k, doc in enumerate(page):
            mine = [ReportRecord(len(records) + i, table, row)
                    for i, (table, row) in enumerate((t, r) for t in RECORD_TABLES for r in doc.records.get(t, []))]
            records += mine
            section, drawn = render_document((number - 1) * PAGE_DOCS + k, doc.doc_id, doc.row, doc.raw, mine)
            sections.append(section)
            sha = doc.row.get("sha256")
            if sha and sha in seen_texts:
                continue  # a copy of an earlier document: its claims are counted once
            if sha:
                seen_texts.add(sha)
            for record in mine:
                if record.table == "claims":
                    spill.add(record.row, f"{folder.name}/{page_name(number)}#r{record.index}", record.index in drawn)
        n_records += len(records)
        name = page_name(number)
        index.append((name, page[0].doc_id, page[-1].doc_id, len(page)))
        header = render_page_header(out_dir, number, n_pages, html_path.name)
        main = f'<section id="documents"><h2>Documents {esc(page[0].doc_id)} … {esc(page[-1].doc_id)}</h2>' \
               f'{"".join(sections)}</section>'
        write_text_atomic(folder / name, render_page(f"zhfacts report: {out_dir.name}, page {number}", header, main,
                                                     records))
    for stale in folder.glob("page-*.html"):
        if stale.name not in {name for name, *_ in index}:
            stale.unlink()
    return index, n_records


def write_main_page(out_dir: Path, html_path: Path, folder: Path, index: list[tuple[str, str, str, int]],
                    n_docs: int, n_records: int, spill: ClaimSpill) -> None:
    """Claims (read back sorted, a batch at a time), conflicts and the index of pages."""
    run = RunOutput(folder=out_dir, manifest=read_manifest(out_dir), tables={})
    pages = "".join(f'<tr><td><a href="{esc(folder.name)}/{esc(name)}">{esc(name)}</a></td><td>{esc(first)}</td>'
                    f"<td>{esc(last)}</td><td class=\"num\">{count}</td></tr>" for name, first, last, count in index)

    def parts() -> Iterator[str]:
        yield page_start(f"zhfacts report: {out_dir.name}", render_header(run, n_docs, n_records))
        yield claims_section_start(spill.count, spill.distinct("district"), spill.distinct("metric"))
        for n, claim in enumerate(spill.sorted_claims()):
            record = ReportRecord(claim.seq, "claims", claim.row, claim.href)
            yield claim_row(record, {claim.seq} if claim.placed else set(), hidden=n >= CLAIMS_PAGE)
        yield CLAIMS_SECTION_END
        yield from spilled_conflicts(spill)
        yield (f'<section id="documents"><h2>Documents ({n_docs}, in {len(index)} pages of {PAGE_DOCS})</h2>'
               '<table><thead><tr><th>page</th><th>first doc_id</th><th>last doc_id</th><th>documents</th></tr>'
               f"</thead><tbody>{pages}</tbody></table></section>")
        yield page_end([])

    write_parts_atomic(html_path, parts())


def spilled_conflicts(spill: ClaimSpill) -> Iterator[str]:
    """The conflicts section from the spill, written as render_found_conflicts would, one
    conflict group in memory at a time."""
    dated = spill.conflict_count(dated=True)
    yield (f'<section id="conflicts"><h2>Conflicts ({dated})</h2><p class="muted">The same district, metric and '
           "period with different values in different documents.</p>")
    yield from (render_spilled_conflict(group) for group in spill.conflict_groups(dated=True))
    if not dated:
        yield '<p class="none">No conflicts.</p>'
    undated = spill.conflict_count(dated=False)
    if undated:
        yield f"<h3>Candidates without a period ({undated})</h3>"
        yield from (render_spilled_conflict(group) for group in spill.conflict_groups(dated=False))
    yield "</section>"


def render_spilled_conflict(group: list[SpilledClaim]) -> str:
    (conflict,) = find_conflicts([c.row for c in group])
    record_of = {id(c.row): ReportRecord(c.seq, "claims", c.row, c.href) for c in group}
    return render_conflict(conflict, record_of, {c.seq for c in group if c.placed})


def render_page_header(out_dir: Path, number: int, n_pages: int, main_name: str) -> str:
    previous = f'<a href="{page_name(number - 1)}">previous page</a>' if number > 1 else ""
    following = f'<a href="{page_name(number + 1)}">next page</a>' if number < n_pages else ""
    boxes = "".join(f'<label><input class="layer" type="checkbox" value="{t}" checked>'
                    f'<span class="swatch sw-{t}"></span>{LABEL[t]}</label>' for t in LAYERS)
    return (f"<header><h1>zhfacts report: {esc(out_dir.name or out_dir)} · page {number} of {n_pages}</h1>"
            f'<nav><a href="../{esc(main_name)}">claims, conflicts and all pages</a>{previous}{following}</nav>'
            f'<div class="legend">{boxes}</div></header>')


def write_text_atomic(path: Path, text: str) -> None:
    """Write through a temp file in the same folder and a rename: never a half-written page."""
    write_parts_atomic(path, [text])


def write_parts_atomic(path: Path, parts: Iterable[str]) -> None:
    """write_text_atomic for a page made piece by piece, never whole in memory."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with tmp.open("x", encoding="utf-8", errors="replace") as f:
            for part in parts:
                f.write(part)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_report(out_dir: Path, html_path: Path) -> Path:
    """Write the report of the run in out_dir to html_path (its folder is created); a run of
    more than PAGE_DOCS documents as pages beside it (see the module's doc)."""
    html_path, out_dir = Path(html_path), Path(out_dir)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    check_output_folder(out_dir)
    n_docs = count_lines(out_dir / "documents.jsonl")
    if n_docs > PAGE_DOCS and sorted_by_doc_id(out_dir):
        write_paged_report(out_dir, html_path, n_docs)
    else:
        write_text_atomic(html_path, build_report(read_run(out_dir)))
    return html_path
