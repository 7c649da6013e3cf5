"""A rules folder that passed validate_all is not checked again while its files, schemas and
validator stay the same (a marker in the user cache folder): a changed or broken file is
still checked and named with its line, and a cache folder that cannot be written only means
validating every time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zhfacts import rules
from zhfacts.rules import VALIDATED_CACHE, RulesError, load_yaml, using_rules, validate_all

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "zhfacts" / VALIDATED_CACHE


def copy_of_rules(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(RULES, folder)
    return folder


def no_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files checked against their schema from now on."""
    checked: list[str] = []
    check = rules._first_error

    def counting(name: str, data: object) -> object:
        checked.append(name)
        return check(name, data)

    monkeypatch.setattr(rules, "_first_error", counting)
    return checked


def test_a_validated_folder_is_not_checked_again_and_its_copy_neither(cache: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with using_rules(copy_of_rules(tmp_path, "a")):
        validate_all()
    assert len(list(cache.iterdir())) == 1
    checked = no_checks(monkeypatch)
    with using_rules(copy_of_rules(tmp_path, "b")):  # the same bytes elsewhere: the same validated state
        validate_all()
        assert load_yaml("quantities/units.yaml")["categories"]
    assert checked == []


def test_a_broken_file_still_fails_with_its_file_and_line(cache: Path, tmp_path: Path) -> None:
    with using_rules(copy_of_rules(tmp_path, "a")):
        validate_all()
    broken = copy_of_rules(tmp_path, "b")
    units = broken / "quantities" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("kind: money", "kind: currency", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(units.read_text(encoding="utf-8").splitlines(), 1) if "kind: currency" in text)
    with using_rules(broken), pytest.raises(RulesError) as e:
        validate_all()
    assert f"units.yaml:{line}: field categories.0.kind: 'currency' must be one of" in str(e.value)
    assert len(list(cache.iterdir())) == 1  # the broken state is never remembered


def test_a_file_changed_after_the_check_is_checked_when_loaded(cache: Path, tmp_path: Path) -> None:
    with using_rules(copy_of_rules(tmp_path, "a")):
        validate_all()
    folder = copy_of_rules(tmp_path, "b")
    with using_rules(folder):
        validate_all()  # trusted: nothing parsed yet
        ingest = folder / "ingest.yaml"
        ingest.write_text(ingest.read_text(encoding="utf-8").replace("max_control_share: ", 'max_control_share: "x" #', 1),
                          encoding="utf-8")
        with pytest.raises(RulesError, match=r"ingest\.yaml:\d+: field max_control_share: 'x'"):
            load_yaml("ingest.yaml")


def test_a_cache_folder_that_cannot_be_written_validates_every_time(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    checked = no_checks(monkeypatch)
    for name in ("a", "b"):
        with using_rules(copy_of_rules(tmp_path, name)):
            validate_all()
    assert checked.count("quantities/units.yaml") == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_relative_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert rules.user_cache_dir() == Path.home() / ".cache" / "zhfacts"


def test_a_run_after_a_cached_check_still_stops_at_a_broken_rule(zhfacts, tmp_path: Path) -> None:
    folder = copy_of_rules(tmp_path, "rules")
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("今年，某区新签约项目12个，协议引资额达30亿元。", encoding="utf-8")
    env = {"ZHFACTS_RULES": str(folder), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert zhfacts("run", str(article.parent), "--out", str(tmp_path / "out1"), "--jobs", "1", env=env).returncode == 0
    assert list((tmp_path / "cache" / "zhfacts" / VALIDATED_CACHE).iterdir())
    units = folder / "quantities" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("kind: money", "kind: currency", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(units.read_text(encoding="utf-8").splitlines(), 1) if "kind: currency" in text)
    result = zhfacts("run", str(article.parent), "--out", str(tmp_path / "out2"), "--jobs", "1", env=env)
    assert result.returncode == 2
    assert f"units.yaml:{line}: field categories.0.kind: 'currency'" in result.stderr, result.stderr
    assert not (tmp_path / "out2" / "documents.jsonl").exists()


def test_a_file_broken_after_this_process_checked_it_is_checked_again(cache: Path, tmp_path: Path) -> None:
    folder = copy_of_rules(tmp_path, "a")
    with using_rules(folder):
        validate_all()
        units = folder / "quantities" / "units.yaml"
        units.write_text(units.read_text(encoding="utf-8").replace("kind: money", "kind: currency", 1),
                         encoding="utf-8")
        with pytest.raises(RulesError, match=r"units\.yaml:\d+: field categories\.0\.kind: 'currency'"):
            validate_all()  # what this process parsed before vouches for nothing
    assert len(list(cache.iterdir())) == 1  # only the state that passed is remembered
