"""`evaluate` gives the same figures as the reference scorer (tests/data/score.py, a copy of
../shared/eval/score.py), and breaks true and false positives down per rule."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from zhfacts.audit.cli import register
from zhfacts.audit.evaluate import GoldError, evaluate, harmful_rules

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
GOLD = ROOT / "corpus" / "gold"
SHARED_SCORE = ROOT.parent / "shared" / "eval" / "score.py"
COPY_HEADER_LINES = 4  # the comment that says where tests/data/score.py comes from


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = load("reference_score", DATA / "score.py")
fixture = load("audit_fixture", DATA / "audit" / "build_fixture.py")


def reference(out_dir: Path, gold_dir: Path) -> dict:
    """score.py's result in evaluate's shape: misses and false alarms as rows with doc_id."""
    result = score.score(out_dir, gold_dir)
    for name in ("_misses", "_alarms"):
        result[name.strip("_")] = {kind: [{"doc_id": doc, **row} for doc, row in rows]
                                   for kind, rows in result.pop(name).items()}
    return result


def ours(out_dir: Path, gold_dir: Path) -> dict:
    result = evaluate(out_dir, gold_dir)
    result.pop("by_rule")
    result.pop("unmatched_gold")  # zhfacts' own: the gold documents the run does not have
    return result


def write_run(out_dir: Path, tables: dict[str, list[dict]]) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        fixture.write_jsonl(out_dir / f"{table}.jsonl", rows)
    return out_dir


# -- predictions derived from the bundled gold, with every kind of error ---------------------------
TABLE_OF = {"quantities": "quantities", "organizations": "organizations", "districts": "places", "claims": "claims"}


def perturbed(kind: str, i: int, gold: dict) -> list[dict]:
    """What a flawed extractor might emit for gold item i: nothing, a wrong value, a shorter
    surface, the item twice, or the item itself."""
    row = {k: v for k, v in gold.items() if k not in ("optional", "note")}
    row["rule"] = f"{kind}.rule{i % 3}"
    if kind == "districts":
        row["level"] = "county" if i % 4 == 0 else "district"
    if i % 7 == 0:
        return []
    if i % 5 == 1 and row.get("value") is not None:
        return [{**row, "value": row["value"] * 10}]
    if i % 6 == 2 and len(row.get("text", "")) > 1:
        return [{**row, "text": row["text"][1:]}]
    if i % 4 == 3:
        return [row, {**row, "text": row["text"] + " 之", "rule": "dup"}]
    return [row]


def predictions_from_gold(gold_dir: Path) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {t: [] for t in TABLE_OF.values()}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for kind, table in TABLE_OF.items():
            for i, item in enumerate(gold.get(kind, [])):
                tables[table] += [{"doc_id": gold["doc_id"], **row} for row in perturbed(kind, i, item)]
        tables["places"].append({"doc_id": gold["doc_id"], "text": "重庆", "canonical": "重庆市", "level": "city"})
    return tables


def test_agrees_with_score_py_on_the_bundled_gold_with_flawed_predictions(tmp_path):
    out = write_run(tmp_path / "out", predictions_from_gold(GOLD))
    expected = reference(out, GOLD)
    assert expected["quantities"]["tp"] > 0 and expected["quantities"]["fp"] > 0 and expected["claims"]["fn"] > 0
    assert ours(out, GOLD) == expected


def test_agrees_with_score_py_on_the_hand_made_run(tmp_path):
    out = fixture.build_run(tmp_path / "out")
    assert ours(out, GOLD) == reference(out, GOLD)


@pytest.fixture(scope="module")
def bundled_run(tmp_path_factory) -> Path:
    """A real run of the pipeline over the bundled articles."""
    out = tmp_path_factory.mktemp("bundled") / "out"
    done = subprocess.run([sys.executable, "-m", "zhfacts", "run", str(ROOT / "corpus" / "articles"), "--out",
                           str(out), "--quiet", "--jobs", "1"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode in (0, 3), done.stderr
    return out


def test_agrees_with_score_py_on_a_real_run_of_the_bundled_corpus(bundled_run):
    expected = reference(bundled_run, GOLD)
    assert ours(bundled_run, GOLD) == expected


# -- edge cases of the matching, then any predictions and gold --------------------------------------
def compare_on(tmp: Path, tables: dict[str, list[dict]], golds: dict[str, dict]) -> None:
    out = write_run(tmp / "out", tables)
    gold_dir = tmp / "gold"
    gold_dir.mkdir()
    for doc, gold in golds.items():
        (gold_dir / f"{doc}.json").write_text(json.dumps({"doc_id": doc, **gold}, ensure_ascii=False))
    assert ours(out, gold_dir) == reference(out, gold_dir)


def q(text, value=10, unit="家", **more) -> dict:
    return {"doc_id": "d1", "text": text, "value": value, "unit": unit, **more}


EDGE_CASES = {
    "number tolerance": ({"quantities": [q("10家", 10.0000001), q("10家", 10.1)]},
                         {"quantities": [q("10家"), q("10家")]}),
    "equal surfaces pair first": (
        {"claims": [q("近10家", district="潼南区", metric="企业"), q("10家", district="潼南区", metric="科技型")]},
        {"claims": [q("10家", district="潼南区", metric="科技型"), q("近10家", district="潼南区", metric="企业")]}),
    "surface inside the gold one": ({"quantities": [q("10家")]}, {"quantities": [q("近10家")]}),
    "gold inside the surface": ({"quantities": [q("近10家")]}, {"quantities": [q("10家")]}),
    "white space in unit and text": ({"quantities": [q("10 家", unit="家 ")]}, {"quantities": [q("10家")]}),
    "range": ({"quantities": [q("5至50微米", None, "微米", value_min=5, value_max=50)]},
              {"quantities": [q("5至50微米", None, "微米", value_min=5, value_max=50.0)]}),
    "county level is a district": (
        {"places": [q("綦江", None, canonical="綦江区", level="county"), q("重庆", None, canonical="重庆市",
                                                                           level="city")]},
        {"districts": [{"text": "綦江", "canonical": "綦江区"}]}),
    "optional hits cost nothing": ({"organizations": [q("宇树科技"), q("西洽会")]},
                                   {"organizations": [{"text": "宇树科技"}, {"text": "西洽会", "optional": True}]}),
    "document without predictions": ({"quantities": [q("10家")]}, {"quantities": [q("10家")], "claims": []}),
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_agrees_with_score_py_on_edge_cases(case, tmp_path):
    tables, gold = EDGE_CASES[case]
    compare_on(tmp_path, tables, {"d1": gold, "d2": gold})


# Few values, so that matches, near misses and ties between candidates are common.
texts = st.sampled_from(["10家", "10 家", "近10家", "潼南", "潼南区", ""])
numbers = st.sampled_from([None, 10, 10.0000001, 10.1, 0])
units = st.sampled_from(["家", "家 ", None])
districts = st.sampled_from(["潼南区", "永川区", " 潼南区"])


@st.composite
def items(draw, with_level: bool = False) -> dict:
    row = {"text": draw(texts), "value": draw(numbers), "unit": draw(units), "canonical": draw(districts),
           "district": draw(districts), "metric": draw(st.sampled_from(["科技型", "企业", "", None])),
           "rule": draw(st.sampled_from(["r1", "r2", None]))}
    if draw(st.booleans()):
        row.update(value=None, value_min=draw(numbers), value_max=draw(numbers))
    if with_level:
        row["level"] = draw(st.sampled_from(["district", "county", "city"]))
    else:
        row["optional"] = draw(st.booleans())
    return row


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(preds=st.lists(st.tuples(st.sampled_from(list(TABLE_OF.values())), st.sampled_from(["d1", "d2"]),
                                items(with_level=True)), max_size=16),
       golds=st.dictionaries(st.sampled_from(["d1", "d3"]), st.dictionaries(
           st.sampled_from(list(TABLE_OF)), st.lists(items(), max_size=6)), min_size=1))
def test_agrees_with_score_py_on_any_predictions(preds, golds):
    tables: dict[str, list[dict]] = {t: [] for t in TABLE_OF.values()}
    for table, doc, row in preds:
        tables[table].append({"doc_id": doc, **row})
    with tempfile.TemporaryDirectory() as tmp:
        compare_on(Path(tmp), tables, golds)


# -- per-rule breakdown ------------------------------------------------------------------------
@pytest.fixture
def small_gold(tmp_path) -> Path:
    """Gold for seed004 that knows two of the hand-made run's quantities, and one optional."""
    gold = {"doc_id": "seed004", "quantities": [
        {"text": "10家", "value": 10, "unit": "家"},
        {"text": "168家", "value": 168, "unit": "家"},
        {"text": "45项", "value": 45, "unit": "项", "optional": True},
        {"text": "999家", "value": 999, "unit": "家"},
    ], "claims": [{"district": "潼南区", "value": 10, "unit": "家", "text": "10家", "metric": "初创企业"}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "seed004.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "gold"


def test_true_and_false_positives_per_rule(tmp_path, small_gold):
    out = fixture.build_run(tmp_path / "out")
    result = evaluate(out, small_gold)
    q = result["quantities"]
    assert (q["tp"], q["fp"], q["fn"]) == (2, 3, 1)
    assert result["by_rule"]["quantities"] == {
        "quantity.count": {"tp": 2, "fp": 2, "optional": 1, "precision": 0.5},  # 53 家 and 210家 are not in gold
        "quantity.range": {"tp": 0, "fp": 1, "optional": 0, "precision": 0.0},
    }
    assert result["by_rule"]["claims"]["claim.sentence"] == {"tp": 1, "fp": 4, "optional": 0, "precision": 0.2}
    assert result["claims"]["metric_share"] == 1.0
    assert [(kind, rule) for kind, rule, _ in harmful_rules(result)] == [
        ("claims", "claim.sentence"), ("districts", "place.gazetteer"), ("organizations", "org.company"),
        ("organizations", "org.zone"), ("quantities", "quantity.range")]


def test_missing_or_empty_gold_folder_is_an_error(tmp_path):
    out = fixture.build_run(tmp_path / "out")
    with pytest.raises(GoldError, match="no such gold folder"):
        evaluate(out, tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldError, match="no gold files"):
        evaluate(out, tmp_path / "empty")


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_cli_eval_prints_scores_and_rules(tmp_path, small_gold):
    out = fixture.build_run(tmp_path / "out")
    result = CliRunner().invoke(cli(), ["eval", str(out), "--gold", str(small_gold), "--show", "2"])
    assert result.exit_code == 0, result.output
    assert "quantity.range" in result.output and "ALARM quantities" in result.output
    as_json = CliRunner().invoke(cli(), ["eval", str(out), "--gold", str(small_gold), "--format", "json"])
    assert json.loads(as_json.stdout) == json.loads(json.dumps(evaluate(out, small_gold), ensure_ascii=False))


def test_cli_eval_names_what_is_missing(tmp_path):
    out = fixture.build_run(tmp_path / "out")
    result = CliRunner().invoke(cli(), ["eval", str(out), "--gold", str(tmp_path / "nogold")])
    assert result.exit_code == 2 and "nogold: no such gold folder" in result.output
    result = CliRunner().invoke(cli(), ["eval", str(tmp_path / "noout"), "--gold", str(GOLD)])
    assert result.exit_code == 2 and "noout: no such folder" in result.output


@pytest.mark.skipif(not SHARED_SCORE.exists(), reason="../shared/eval/score.py is not beside this checkout")
def test_the_copy_of_score_py_is_current():
    copy = (DATA / "score.py").read_text(encoding="utf-8").splitlines()
    original = SHARED_SCORE.read_text(encoding="utf-8").splitlines()
    assert copy[:1] + copy[1 + COPY_HEADER_LINES:] == original


def test_eval_with_no_matching_doc_id_is_an_error_naming_both(zhfacts, bundled_run: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "other-article.json").write_text(json.dumps({"doc_id": "other-article", "quantities": []}), encoding="utf-8")
    result = zhfacts("eval", str(bundled_run), "--gold", str(gold))
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    assert "other-article" in message and "seed000" in message and str(gold) in message
    shutil.copy(GOLD / "seed000.json", gold)  # partial overlap: scored, with a warning naming the rest
    partial = zhfacts("eval", str(bundled_run), "--gold", str(gold))
    assert partial.returncode == 0, partial.stderr
    assert "warning: 1 of 2 gold documents" in " ".join(partial.stderr.split()) and "other-article" in partial.stderr
