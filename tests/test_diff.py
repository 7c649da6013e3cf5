"""Fact-level diff of two runs: what is lost, added, changed or only renamed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from helpers import load_audit_fixture
from typer.testing import CliRunner

from zhfacts.audit.cli import register
from zhfacts.audit.diff import diff_runs

fixture = load_audit_fixture()


@pytest.fixture(scope="module")
def base_run(tmp_path_factory) -> Path:
    return fixture.build_run(tmp_path_factory.mktemp("old"))


@pytest.fixture
def new_run(base_run, tmp_path) -> Path:
    """A copy of the base run for a test to edit."""
    return Path(shutil.copytree(base_run, tmp_path / "new"))


def edit(run: Path, table: str, change) -> None:
    """Rewrite one table: `change(rows)` returns the new rows."""
    path = run / f"{table}.jsonl"
    fixture.write_jsonl(path, change(fixture.read_jsonl(path)))


def claim_168(rows):
    return next(r for r in rows if r["text"] == "168家")


def test_same_run_has_no_differences(base_run, new_run):
    result = diff_runs(base_run, new_run)
    assert (result.added, result.removed, result.changed, result.rekeyed) == ([], [], [], [])
    assert result.unchanged == 36


def test_a_removed_fact_is_lost(base_run, new_run):
    edit(new_run, "claims", lambda rows: [r for r in rows if r["text"] != "168家"])
    result = diff_runs(base_run, new_run)
    assert [(f.table, f.doc_id, f.text) for f in result.lost] == [("claims", "seed004", "168家")]
    assert result.added == [] and result.changed == []
    assert result.counts()["claims"] == {"added": 0, "removed": 1, "changed": 0, "rekeyed": 0}


def test_a_new_fact_is_added_and_nothing_lost(base_run, new_run):
    edit(new_run, "quantities", lambda rows: [*rows, {**rows[0], "id": "qnew", "text": "99家", "value": 99}])
    result = diff_runs(base_run, new_run)
    assert [(f.id, f.text) for f in result.added] == [("qnew", "99家")]
    assert result.lost == []


def test_a_value_changed_under_the_same_id(base_run, new_run):
    def change(rows):
        claim_168(rows).update(value=186, metric="新增科技企业")
        return rows

    edit(new_run, "claims", change)
    result = diff_runs(base_run, new_run)
    assert len(result.changed) == 1 and result.lost == []
    assert result.changed[0].fields == {"metric": ("新增科技型企业", "新增科技企业"), "value": (168, 186)}


def test_a_renamed_rule_gives_a_new_id_for_the_same_fact(base_run, new_run):
    def rename(rows):
        claim_168(rows).update(rule="claim.paragraph", id="cRENAMED")
        return rows

    edit(new_run, "claims", rename)
    result = diff_runs(base_run, new_run)
    assert result.lost == [] and result.added == []
    assert [c.fields for c in result.changed] == [{"rule": ("claim.sentence", "claim.paragraph")}]
    assert result.changed[0].old.id != result.changed[0].new.id == "cRENAMED"


def test_moved_offsets_alone_are_a_new_key_not_a_change(base_run, new_run):
    def move(rows):
        claim_168(rows).update(id="cMOVED", start=claim_168(rows)["start"] + 2, end=claim_168(rows)["end"] + 2)
        return rows

    edit(new_run, "claims", move)
    result = diff_runs(base_run, new_run)
    assert [(old.text, new.id) for old, new in result.rekeyed] == [("168家", "cMOVED")]
    assert result.changed == [] and result.lost == []


def test_a_new_reading_of_the_same_span_is_a_change(base_run, new_run):
    def reread(rows):
        claim_168(rows).update(id="cREREAD", rule="claim.v2", value=1680)
        return rows

    edit(new_run, "claims", reread)
    result = diff_runs(base_run, new_run)
    assert result.lost == [] and result.added == []
    assert result.changed[0].fields == {"rule": ("claim.sentence", "claim.v2"), "value": (168, 1680)}


def test_float_noise_and_nan_are_not_changes(base_run, new_run):
    def noise(rows):
        for r in rows:
            r["value"] = float(r["value"]) if r["value"] is not None else float("nan")
        return rows

    edit(new_run, "quantities", noise)
    assert diff_runs(base_run, new_run).changed == []


def test_a_document_that_now_fails_loses_its_facts(base_run, new_run):
    for table in ("quantities", "places", "organizations", "claims", "times"):
        edit(new_run, table, lambda rows: [r for r in rows if r["doc_id"] != "qijiang-b"])
    result = diff_runs(base_run, new_run)
    assert {f.doc_id for f in result.lost} == {"qijiang-b"} and len(result.lost) == 5


def test_rows_without_ids_pair_by_content_only(base_run, new_run):
    def drop_ids(rows):
        for r in rows:
            r["id"] = None
        return rows

    edit(new_run, "claims", drop_ids)
    old_copy = Path(shutil.copytree(new_run, new_run.parent / "old"))
    edit(new_run, "claims", lambda rows: [r for r in rows if r["text"] != "168家"])
    result = diff_runs(old_copy, new_run)
    assert [f.text for f in result.lost] == ["168家"] and result.changed == [] and result.added == []


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_cli_exits_1_when_facts_were_lost(base_run, new_run):
    runner = CliRunner()
    assert runner.invoke(cli(), ["diff", str(base_run), str(new_run)]).exit_code == 0
    edit(new_run, "claims", lambda rows: [r for r in rows if r["text"] != "168家"])
    result = runner.invoke(cli(), ["diff", str(base_run), str(new_run)])
    assert result.exit_code == 1
    assert "168家" in result.output and "1 fact(s) lost" in result.output


def test_cli_json_lists_every_difference(base_run, new_run):
    edit(new_run, "claims", lambda rows: [r for r in rows if r["text"] != "168家"])
    edit(new_run, "quantities", lambda rows: [*rows, {**rows[0], "id": "qnew", "text": "99家", "value": 99}])
    result = CliRunner().invoke(cli(), ["diff", str(base_run), str(new_run), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [f["text"] for f in data["removed"]] == ["168家"]
    assert [f["id"] for f in data["added"]] == ["qnew"]
    assert data["counts"]["claims"]["removed"] == 1 and data["unchanged"] == 35


def test_cli_diff_names_the_folder_that_is_not_a_run(base_run, tmp_path):
    result = CliRunner().invoke(cli(), ["diff", str(base_run), str(tmp_path / "missing")])
    assert result.exit_code == 2 and "missing: no such folder" in result.output


def test_an_edited_figure_is_a_change_not_a_loss(base_run, new_run):
    """The article now says 186家 where it said 168家: same span, a new value and new ids."""
    def edit_figure(rows):
        claim_168(rows).update(text="186家", value=186, id="cEDITED", quantity_id="qEDITED")
        return rows

    def edit_quantity(rows):
        row = next(r for r in rows if r["text"] == "168家")
        row.update(text="186家", value=186, id="qEDITED")
        return rows

    edit(new_run, "claims", edit_figure)
    edit(new_run, "quantities", edit_quantity)
    result = diff_runs(base_run, new_run)
    assert result.lost == [] and result.added == []
    assert sorted((c.new.table, tuple(sorted(c.fields))) for c in result.changed) == [
        ("claims", ("text", "value")), ("quantities", ("text", "value"))]
    runner = CliRunner()
    shown = runner.invoke(cli(), ["diff", str(base_run), str(new_run)], env={"COLUMNS": "250"})
    assert shown.exit_code == 0, shown.output  # exit 1 only when facts are lost
    assert "value: 168 -> 186" in shown.output and "新增科技型企业" in shown.output  # the claim's metric shown


def test_a_moved_internal_id_alone_is_no_change(base_run, new_run):
    def relink(rows):
        for r in rows:
            r["quantity_id"] = "q" + r["quantity_id"][::-1]
        return rows

    edit(new_run, "claims", relink)
    result = diff_runs(base_run, new_run)
    assert result.changed == [] and result.lost == [] and result.added == []


def test_a_renamed_document_keeps_its_facts(base_run, new_run):
    """Matched by the document's text (sha256), a renamed document loses nothing."""
    for table in ("documents", "quantities", "places", "organizations", "claims", "times"):
        edit(new_run, table, lambda rows: [{**r, "doc_id": "renamed" if r["doc_id"] == "qijiang-b" else r["doc_id"]}
                                           for r in rows])
    result = diff_runs(base_run, new_run)
    assert result.lost == [] and result.added == [] and result.changed == []


def test_control_characters_in_ids_are_printed_escaped(base_run, new_run):
    edit(new_run, "quantities", lambda rows: [*rows, {**rows[0], "id": "q\x1b]0;x\x07", "doc_id": "d\x1b[2J",
                                                      "text": "99家", "value": 99}])
    result = CliRunner().invoke(cli(), ["diff", str(base_run), str(new_run)], env={"COLUMNS": "250"})
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "d\\x1b[2J" in result.output
