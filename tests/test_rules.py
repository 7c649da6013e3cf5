"""Rules files are checked against their schemas when loaded: a bad rule is an error naming
the file, the line and the field, raised before any document is read."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from zhfacts.rules import RulesError, load_tsv, load_yaml, schema_path, using_rules, validate_all
from zhfacts.stages import check_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
NOT_RULES = {"lexicon/userdict.txt"}  # jieba's own dictionary format


def rules_files() -> list[str]:
    return sorted(p.relative_to(RULES).as_posix() for p in RULES.rglob("*")
                  if p.is_file() and p.relative_to(RULES).parts[0] != "schemas")


@pytest.mark.parametrize("name", [n for n in rules_files() if n not in NOT_RULES])
def test_every_rules_file_has_a_schema(name: str) -> None:
    assert schema_path(name).is_file(), f"rules/{name} has no schema under rules/schemas/"


def test_the_shipped_rules_pass_their_schemas() -> None:
    validate_all()
    check_rules()


@pytest.fixture
def rules_copy(tmp_path: Path) -> Callable[[str, Callable[[str], str]], Path]:
    """A copy of rules/ with one file edited: edit(name, change) -> the copy's folder."""
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)

    def edit(name: str, change: Callable[[str], str]) -> Path:
        path = copy / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return copy

    return edit


def line_of(folder: Path, name: str, needle: str) -> int:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_unit_kind_no_record_may_carry_names_file_line_and_field(rules_copy) -> None:
    folder = rules_copy("quantities/units.yaml", lambda s: s.replace("kind: money", "kind: currency", 1))
    with using_rules(folder), pytest.raises(RulesError) as e:
        load_yaml("quantities/units.yaml")
    line = line_of(folder, "quantities/units.yaml", "kind: currency")
    assert f"units.yaml:{line}: field categories.0.kind: 'currency' must be one of" in str(e.value)


def test_an_unknown_correction_action_is_an_error(rules_copy) -> None:
    folder = rules_copy("places/corrections.tsv", lambda s: s.replace("\ndrop\t", "\nremove\t", 1))
    with using_rules(folder), pytest.raises(RulesError, match=r"corrections\.tsv:\d+: field action: 'remove'"):
        load_tsv("places/corrections.tsv")


def test_an_organization_head_of_an_unknown_type_is_an_error(rules_copy) -> None:
    folder = rules_copy("organizations/heads.tsv", lambda s: s.replace("\tcompany\t", "\tfirm\t", 1))
    with using_rules(folder), pytest.raises(RulesError, match=r"heads\.tsv:\d+: field type: 'firm'"):
        load_tsv("organizations/heads.tsv")


def test_a_value_of_the_wrong_type_is_an_error(rules_copy) -> None:
    folder = rules_copy("ingest.yaml", lambda s: re.sub(r"max_control_share: .*", 'max_control_share: "five percent"', s))
    with using_rules(folder), pytest.raises(RulesError, match=r"ingest\.yaml:\d+: field max_control_share: 'five percent'"):
        load_yaml("ingest.yaml")


def test_a_pattern_that_does_not_compile_is_a_rules_error(rules_copy) -> None:
    folder = rules_copy("quantities/exclusions.yaml", lambda s: s.replace("regex: '(?:https?://", "regex: '((?:https?://", 1))
    with using_rules(folder), pytest.raises(RulesError, match=r"exclusions\.yaml:\d+: field patterns\.0\.regex"):
        load_yaml("quantities/exclusions.yaml")


def test_a_time_pattern_that_does_not_compile_fails_the_rules_check(rules_copy) -> None:
    folder = rules_copy("times.yaml", lambda s: s.replace("regex: ", "regex: (", 1))
    with using_rules(folder), pytest.raises(RulesError, match=r"times\.yaml: error: "):
        check_rules()


def test_a_bad_rule_stops_the_run_before_any_document(zhfacts, rules_copy, tmp_path: Path) -> None:
    folder = rules_copy("quantities/units.yaml", lambda s: s.replace("kind: money", "kind: currency", 1))
    out = tmp_path / "out"
    result = zhfacts("run", str(ROOT / "corpus" / "articles"), "--out", str(out), env={"ZHFACTS_RULES": str(folder)})
    assert result.returncode == 2
    assert re.search(r"units\.yaml:\d+: field categories\.0\.kind", result.stderr), result.stderr
    assert not (out / "documents.jsonl").exists()


def test_a_table_pattern_that_does_not_compile_fails_the_rules_check(rules_copy) -> None:
    folder = rules_copy("tables.yaml", lambda s: s.replace("number_cell: '", "number_cell: '(", 1))
    with using_rules(folder), pytest.raises(RulesError, match=r"tables\.yaml"):
        check_rules()
