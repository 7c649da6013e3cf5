"""The HTML report: spans on the raw text at the records' offsets (never repaired again),
claims table, conflicts, and escaping of untrusted article text and field values."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from helpers import load_audit_fixture
from typer.testing import CliRunner

from zhfacts.audit.assets import CSS, JS
from zhfacts.audit.cli import register
from zhfacts.audit.conflicts import find_conflicts
from zhfacts.audit.report import (
    ReportRecord,
    Span,
    build_report,
    csp_hash,
    format_amount,
    raw_span,
    render_text,
    script_json,
    write_report,
)
from zhfacts.audit.tables import read_run

fixture = load_audit_fixture()


class Page(HTMLParser):
    """The parts of the report the tests look at: every element, the text under each
    record index, the script bodies and the claims table's rows."""

    VOID = {"meta", "input", "br", "img", "link"}

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text_of_record: dict[int, str] = {}
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.claim_rows: list[dict[str, str]] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "tr" and "data-district" in attributes:
            self.claim_rows.append({"row-district": attributes["data-district"],
                                    "row-metric": attributes["data-metric"]})
        if tag == "script":
            self.scripts.append((attributes, ""))
        if tag == "td" and self.claim_rows and attributes.get("class") and self.in_claims_table():
            self.claim_rows[-1][attributes["class"].split()[-1]] = ""
        if tag not in self.VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            attributes, body = self.scripts[-1]
            self.scripts[-1] = (attributes, body + data)
            return
        if self.stack and self.stack[-1][0] == "style":
            return
        self.text.append(data)
        for tag, attributes in self.stack:
            if tag == "span" and "seg" in (attributes.get("class") or "").split():
                for index in (attributes.get("data-r") or "").split():
                    self.text_of_record[int(index)] = self.text_of_record.get(int(index), "") + data
            if tag == "td" and self.claim_rows and "class" in attributes and self.in_claims_table():
                key = (attributes["class"] or "").split()[-1]
                self.claim_rows[-1][key] = self.claim_rows[-1].get(key, "") + data

    def in_claims_table(self) -> bool:
        return any(tag == "table" and attrs.get("id") == "claims-table" for tag, attrs in self.stack)

    def data_json(self) -> dict:
        return json.loads(next(body for attrs, body in self.scripts if attrs.get("type") == "application/json"))


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    return fixture.build_run(tmp_path_factory.mktemp("run"))


@pytest.fixture(scope="module")
def page(run_dir) -> Page:
    return Page(build_report(read_run(run_dir)))


def squash(text: str) -> str:
    return "".join(text.split())


def test_every_record_is_drawn_over_its_own_text(run_dir, page):
    records = list(read_run(run_dir).records())
    assert len(records) == 36
    for index, (_, row) in enumerate(records):
        assert squash(page.text_of_record[index]) == squash(row["text"]), row


def test_a_span_across_a_pdf_line_break_is_drawn_whole(run_dir, page):
    records = list(read_run(run_dir).records())
    index, row = next((i, r) for i, (t, r) in enumerate(records) if t == "quantities" and r["doc_id"] == "qijiang-b"
                      and r["value"] == 135)
    raw = read_run(run_dir).texts["qijiang-b"]
    assert "\n" in raw[row["start"]:row["end"]]  # the fixture wraps 13|5家 on purpose
    assert page.text_of_record[index] == raw[row["start"]:row["end"]] == "13\n5家"  # the text the run read


def test_nested_spans_get_one_layer_per_kind():
    text = "走进潼南高新区的"
    org = ReportRecord(0, "organizations", {"text": "潼南高新区", "rule": "org", "canonical": "潼南高新区"})
    place = ReportRecord(1, "places", {"text": "潼南", "rule": "place", "canonical": "潼南区"})
    html = render_text(text, [Span(2, 7, org), Span(2, 4, place)])
    layered = re.findall(r'<span class="seg" data-r="([0-9 ]+)"[^>]*>(.*?)</span>(?=<span class="seg"|的)', html)
    assert [(ids, re.sub("<[^>]+>", "", inner)) for ids, inner in layered] == [("1 0", "潼南"), ("0", "高新区")]
    assert '<span class="L L-organizations"><span class="L L-places">潼南</span></span>' in html
    assert html.startswith("走进") and html.endswith("的")
    assert html.count('class="anchor"') == 2


@pytest.mark.parametrize(("span", "expected"), [
    ((1, 3), (1, 3)),
    ((0, 4), (0, 4)),
    ((3, 9), None),  # past the text's end
    ((-1, 2), None),
    ((3, 3), None),
    (("3", 4), None),
    ((True, 4), None),
])
def test_a_record_is_placed_at_its_raw_offsets_or_not_at_all(span, expected):
    assert raw_span(4, *span) == expected


def test_hostile_text_and_values_stay_text(page):
    executable = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    assert executable == [JS]
    assert not [(tag, a) for tag, attrs in page.elements for a in attrs if a.lower().startswith("on")]
    assert not [tag for tag, _ in page.elements if tag in ("img", "b", "iframe", "object")]
    shown = "".join(page.text)
    for hostile in ("标题<script>window.__pwned=1</script>", '</script><img src=x onerror="window.__pwned=2">',
                    '"引号"与\'单引号\'及&amp;实体', fixture.HOSTILE_ID, fixture.HOSTILE_METRIC,
                    fixture.HOSTILE_SPEAKER, fixture.HOSTILE_RULE, "cannot decode: <script>window.__pwned=6</script>"):
        assert hostile in shown, hostile


def test_hostile_values_reach_the_side_panel_data_unchanged(page):
    details = [dict(r["details"]) for r in page.data_json()["records"]]
    assert any(d.get("metric") == fixture.HOSTILE_METRIC and d.get("speaker") == fixture.HOSTILE_SPEAKER
               and d.get("period") == "2025</td><td>" for d in details)
    assert any(d.get("canonical") == "</script><script>window.__pwned=7</script>" for d in details)


def test_script_json_cannot_close_its_script_element():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_content_security_policy_allows_only_the_inline_style_and_script(page):
    csp = next(a["content"] for tag, a in page.elements if tag == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp
    assert f"script-src {csp_hash(JS)};" in csp and f"style-src {csp_hash(CSS)};" in csp
    assert not [a for tag, a in page.elements if tag in ("link", "img") or a.get("src") or a.get("style")]


def test_claims_table_lists_every_claim_with_its_reading(page):
    seed = [r for r in page.claim_rows if r.get("doc") == "seed004"]
    assert [(r["district"], r["row-metric"], r["value"], r["unit"], r["period"]) for r in seed] == [
        ("永川区", "新增市级专精特新企业", "53", "家", "2025-H1"),
        ("永川区", "市级专精特新企业总量", "210", "家", ""),
        ("潼南区", "新孵化科技初创企业", "10", "家", "2025-H1"),
        ("潼南区", "新增科技型企业", "168", "家", "2025-H1"),
        ("潼南区", "市级及以上科技计划项目", "45", "项", "2025-H1"),
    ]
    assert len(page.claim_rows) == 10
    assert all(r["district"] == r["row-district"] for r in page.claim_rows)
    assert next(r for r in seed if r["value"] == "168")["metric"] == "新增科技型企业new_tech_firms"
    assert {r["district"] for r in page.claim_rows} == {"永川区", "潼南区", "璧山区", "綦江区"}


def test_filters_offer_every_district_and_metric(page):
    def option_values(select_id: str) -> list[str]:
        values, inside = [], False
        for tag, attrs in page.elements:
            if tag == "select":
                inside = attrs.get("id") == select_id
            elif tag == "option" and inside:
                values.append(attrs["value"])
        return values

    assert option_values("filter-district") == ["", "永川区", "潼南区", "璧山区", "綦江区"]
    assert fixture.HOSTILE_METRIC in option_values("filter-metric")


def test_conflict_between_two_documents_is_found(run_dir):
    conflicts = find_conflicts(read_run(run_dir).tables["claims"])
    assert len(conflicts) == 1
    c = conflicts[0]
    assert (c.district, c.metric, c.period) == ("綦江区", "new_tech_firms", "2025-H1")
    by_value = {amount[0]: sorted(str(x["doc_id"]) for x in claims) for amount, claims in c.values.items()}
    assert by_value == {120: sorted([fixture.HOSTILE_ID, "qijiang-a"]), 135: ["qijiang-b"]}


def claim(doc_id, value, period="2025", metric="新增科技型企业", district="綦江区"):
    return {"doc_id": doc_id, "district": district, "metric": metric, "metric_key": None, "value": value,
            "unit": "家", "period": period}


@pytest.mark.parametrize(("claims", "n_conflicts"), [
    ([claim("a", 1), claim("b", 1)], 0),  # agree
    ([claim("a", 1), claim("a", 2)], 0),  # one document only
    ([claim("a", 1), claim("b", 2, period="2024")], 0),  # different periods
    ([claim("a", 1), claim("b", 2, district="璧山区")], 0),
    ([claim("a", 1), claim("b", 2, metric="新增 科技型企业")], 1),  # white space does not make a metric
    ([claim("a", 1), claim("a", 2), claim("b", 1)], 1),
    ([claim("a", 1, period=None), claim("b", 2, period=None)], 1),  # a candidate, shown apart
])
def test_conflict_rules(claims, n_conflicts):
    assert len(find_conflicts(claims)) == n_conflicts


def test_conflicts_section_shows_the_dated_conflict(page):
    shown = "".join(page.text)
    assert "Conflicts (1)" in shown and "綦江区 · 新增科技型企业 · period 2025-H1" in shown


@pytest.mark.parametrize(("row", "expected"), [
    ({"value": 52680000000.0}, "52,680,000,000"),
    ({"value": 27.78}, "27.78"),
    ({"value": 1400, "approx": "upper"}, "1,400 (upper)"),
    ({"value": None, "value_min": 5, "value_max": 50}, "5–50"),
])
def test_format_amount(row, expected):
    assert format_amount(row) == expected


def test_every_document_has_a_section_and_the_failed_one_says_why(page):
    headings = [attrs.get("id") for tag, attrs in page.elements if tag == "section" and attrs.get("class") == "doc"]
    assert len(headings) == 5
    assert "error" in "".join(page.text)


def test_write_report_replaces_the_file_atomically(run_dir, tmp_path):
    target = tmp_path / "sub" / "report.html"
    write_report(run_dir, target)
    first = target.read_text(encoding="utf-8")
    write_report(run_dir, target)
    assert target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]
    assert os.stat(target).st_mode & 0o044  # readable by others, like any file the user writes


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_cli_report_writes_the_page(run_dir, tmp_path):
    target = tmp_path / "r.html"
    result = CliRunner().invoke(cli(), ["report", str(run_dir), "--html", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_report_names_a_missing_or_foreign_folder(tmp_path):
    missing = tmp_path / "nope"
    result = CliRunner().invoke(cli(), ["report", str(missing), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "nope" in result.output and "no such folder" in result.output
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("hello")
    result = CliRunner().invoke(cli(), ["report", str(tmp_path / "other")])
    assert result.exit_code == 2 and "not a zhfacts output" in result.output


def test_a_run_with_no_records_still_makes_a_page(tmp_path):
    (tmp_path / "manifest.json").write_text('{"schema_version": "1.0.0"}', encoding="utf-8")
    shown = "".join(Page(build_report(read_run(tmp_path))).text)
    assert "Claims by district (0)" in shown and "No conflicts." in shown and "Documents (0)" in shown


def test_records_of_a_document_without_text_are_listed(run_dir, tmp_path):
    shutil.copytree(run_dir, tmp_path / "run")
    (tmp_path / "run" / "texts.jsonl").unlink()
    page = Page(build_report(read_run(tmp_path / "run")))
    assert page.text_of_record == {}
    shown = "".join(page.text)
    assert "The run has no text for this document" in shown and "Records not placed on the text (16)" in shown


def test_the_page_is_chinese_with_a_cjk_font_stack(run_dir):
    assert build_report(read_run(run_dir)).startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    stack = re.search(r"body \{[^}]*font:([^;]*);", CSS).group(1)
    for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"):
        assert f'"{font}"' in stack
    assert re.search(r"td\.metric \{[^}]*min-width: 12em", CSS)  # the metric column reads as a phrase


def test_a_document_given_twice_is_counted_once(tmp_path, zhfacts, read_table):
    """The same text under two names: a warning on the second's row, its claims not listed twice."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = "今年上半年，江津区新签约项目59个，协议引资额达419亿元。\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")
    (folder / "c.txt").write_text("今年上半年，永川区新增企业12家。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert zhfacts("run", str(folder), "--out", str(out), "-j", "1", "-q").returncode == 0
    rows = {d["doc_id"]: d for d in read_table(out, "documents")}
    assert [w for w in rows["b"]["warnings"] if w.startswith("duplicate")] == [
        "duplicate: the same text as document a (same sha256)"]
    assert not any(w.startswith("duplicate") for d in ("a", "c") for w in rows[d]["warnings"])
    page = build_report(read_run(out))
    assert "Claims by district (3)" in page  # a's two and c's one; b's are a's again
    assert len([c for c in read_table(out, "claims") if c["doc_id"] in ("a", "b")]) == 4  # the tables keep both


def test_a_large_run_is_written_as_pages(run_dir, tmp_path, monkeypatch):
    """Past PAGE_DOCS documents, the main page holds the claims, the conflicts and an index of
    pages; each page its documents, drawn, and the records its panel shows."""
    from zhfacts.audit import report

    run_dir = Path(shutil.copytree(run_dir, tmp_path / "run"))
    rows = [json.loads(line) for line in (run_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    (run_dir / "documents.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(
        rows, key=lambda r: r["doc_id"])), encoding="utf-8")  # in doc_id order, as a run writes it
    single = Page(build_report(read_run(run_dir)))
    monkeypatch.setattr(report, "PAGE_DOCS", 2)
    target = write_report(run_dir, tmp_path / "report.html")
    pages = sorted((tmp_path / "report-pages").glob("page-*.html"))
    documents = [json.loads(line)["doc_id"] for line in (run_dir / "documents.jsonl").read_text().splitlines()]
    assert len(pages) == (len(documents) + 1) // 2
    main = Page(target.read_text(encoding="utf-8"))
    assert len(main.claim_rows) == len(single.claim_rows)  # every claim, on the main page
    html_text = target.read_text(encoding="utf-8")
    assert "Conflicts (1)" in html_text and 'id="doc-' not in html_text  # no document text on the main page
    drawn = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and len(re.findall('class="doc"', text)) <= 2
        drawn[page.name] = set(re.findall(r'id="(r\d+)"', text))
    links = re.findall(r'href="report-pages/(page-\d+\.html)#(r\d+)"', html_text)
    assert links and all(anchor in drawn[name] for name, anchor in links)  # every claim link lands on its span
    sections = "".join(p.read_text(encoding="utf-8") for p in pages)
    headings = re.findall(r'<section class="doc" id="doc-\d+"><h2>([^<]*)</h2>', sections)
    assert sorted(map(html.unescape, headings)) == sorted(documents)


def test_claim_rows_past_the_first_page_start_hidden_with_a_pager(tmp_path):
    """The page's script pages the claims (tests/test_browser.py drives it); before it runs, only the
    first CLAIMS_PAGE rows are laid out."""
    from zhfacts.audit.report import CLAIMS_PAGE

    run = fixture.build_large_run(tmp_path / "run", n_docs=3, per_doc=50)
    text = write_report(run, tmp_path / "report.html").read_text(encoding="utf-8")
    table = text[text.index('<table id="claims-table"'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr data-district=[^>]*>", table)
    assert len(rows) == 150
    assert [r.endswith(" hidden>") for r in rows] == [False] * CLAIMS_PAGE + [True] * (150 - CLAIMS_PAGE)
    assert f'data-page-size="{CLAIMS_PAGE}"' in table
    for control in ("claims-first", "claims-prev", "claims-next", "claims-last", "claims-size"):
        assert f'id="{control}"' in text
    assert f"rows 1–{CLAIMS_PAGE} of 150" in text


def report_peak_memory(tmp_path: Path, n_docs: int) -> int:
    """Peak Python memory while writing the report of a synthetic run of n_docs documents."""
    import tracemalloc

    run = fixture.build_large_run(tmp_path / f"run{n_docs}", n_docs=n_docs, per_doc=20)
    tracemalloc.start()
    try:
        write_report(run, tmp_path / f"report{n_docs}" / "report.html")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_report_holds_a_page_of_documents_not_the_batch(tmp_path: Path) -> None:
    """Four times the documents and claims, about the same peak: the claims wait on disk until
    the main page is written row by row (allocations counted, not timed)."""
    small, large = report_peak_memory(tmp_path, 150), report_peak_memory(tmp_path, 600)
    assert large < 1.5 * small, (small, large)
    main = (tmp_path / "report600" / "report.html").read_text(encoding="utf-8")
    assert "Claims by district (12000)" in main and main.count("<tr data-district=") == 12000


def test_an_old_runs_report_shows_what_that_run_read_after_the_repair_rules_change(tmp_path, zhfacts, read_table):
    """The report reads the run's texts and offsets, never today's repair rules."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wrap.txt").write_text("某县新增科技型企\n业35家，研发投入增长\n12.5%。\n", encoding="utf-8")
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", rules)
    repair_yaml = rules / "repair.yaml"
    repair_yaml.write_text(repair_yaml.read_text(encoding="utf-8").replace("\nremove: \"", "\nremove: \"增", 1),
                           encoding="utf-8")
    old, new = tmp_path / "old", tmp_path / "new"
    assert zhfacts("run", str(tmp_path / "in"), "--out", str(old), "--jobs", "1", "--quiet").returncode == 0
    changed = {"ZHFACTS_RULES": str(rules)}
    assert zhfacts("run", str(tmp_path / "in"), "--out", str(new), "--jobs", "1", "--quiet", env=changed).returncode == 0
    assert read_table(old, "quantities") != read_table(new, "quantities")  # the changed rule matters to a run
    pages = []
    for env in ({}, changed):
        html_path = tmp_path / f"report-{len(pages)}.html"
        done = zhfacts("report", str(old), "--html", str(html_path), env=env)
        assert done.returncode == 0, done.stderr
        pages.append(html_path.read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    page = Page(pages[0])
    quantities = read_table(old, "quantities")
    assert len(quantities) == 2
    raw = read_table(old, "texts")[0]["raw"]
    for index, row in enumerate(read_run(old).records()):
        assert page.text_of_record[index] == raw[row[1]["start"]:row[1]["end"]]
