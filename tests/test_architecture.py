"""The package's shape: the import name, the spaCy-free core, the spaCy adapter's contract,
no import cycles, and a packaging list that names every package and rules folder."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy

from zhfacts.nlp.spacy_components import COMPONENTS, blank_zh, build_pipeline

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT / "pipeline"
RULES = ROOT / "rules"
SENTENCE = "铜梁区拥有汽车零部件企业137家。"


def python(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


# -- the import name --------------------------------------------------------------------------
def test_a_users_own_pipeline_module_does_not_shadow_zhfacts(tmp_path: Path) -> None:
    (tmp_path / "pipeline.py").write_text("MINE = True\n", encoding="utf-8")
    done = python("import pipeline, zhfacts; print(pipeline.MINE, zhfacts.__version__)", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "True"


def test_no_top_level_pipeline_package_is_installed(tmp_path: Path) -> None:
    done = python("import pipeline", tmp_path)
    assert "ModuleNotFoundError" in done.stderr


def test_python_dash_m_zhfacts_prints_the_version(tmp_path: Path) -> None:
    import zhfacts

    done = subprocess.run([sys.executable, "-m", "zhfacts", "--version"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == f"zhfacts {zhfacts.__version__}"


def test_the_core_runs_without_importing_spacy(tmp_path: Path) -> None:
    done = python("import sys, zhfacts; r = zhfacts.extract_text('铜梁区拥有企业137家。'); "
                  "print(len(r.records('claims')), 'spacy' in sys.modules)", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "False"]


# -- imports ----------------------------------------------------------------------------------
def module_name(path: Path) -> str:
    parts = ["zhfacts", *path.relative_to(CODE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """The zhfacts modules a file imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found.update(n for n in names if n in known)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in CODE.rglob("*.py")}
    known = set(files)
    graph = {name: imported_modules(path, known) - {name} for name, path in files.items()}
    for name in graph:  # importing a.b runs a/__init__.py first, which is no edge of a.b's own
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_only_the_adapter_imports_spacy() -> None:
    users = sorted(module_name(p) for p in CODE.rglob("*.py")
                   if any(isinstance(n, (ast.Import, ast.ImportFrom)) and "spacy" in
                          ([a.name.split(".")[0] for a in n.names] if isinstance(n, ast.Import)
                           else [(n.module or "").split(".")[0]])
                          for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))))
    assert users == ["zhfacts.nlp.spacy_components"]


# -- packaging ---------------------------------------------------------------------------------
def test_pyproject_lists_every_package_and_rules_folder() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    code = {module_name(p) for p in CODE.rglob("__init__.py")}
    rules = {".".join(["zhfacts._rules", *d.relative_to(RULES).parts]) for d in [RULES, *RULES.rglob("*")]
             if d.is_dir()}
    assert code | {"zhfacts._rules"} | rules | {"zhfacts._corpus.articles"} == listed


# -- the spaCy adapter -------------------------------------------------------------------------
def test_a_component_before_the_stages_it_reads_says_so() -> None:
    nlp = blank_zh()
    nlp.add_pipe("zhfacts_claims")
    with pytest.raises(ValueError, match="zhfacts_quantities.*before zhfacts_claims"):
        nlp(SENTENCE)


def test_components_declare_what_they_read_and_write() -> None:
    analysis = build_pipeline().analyze_pipes()
    assert not analysis["problems"]["zhfacts_claims"]
    assert "doc._.claims" in analysis["attrs"] and "doc._.places" in analysis["attrs"]


def rules_without_tongliang(tmp_path: Path) -> Path:
    """A copy of the rules whose gazetteer does not know 铜梁."""
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    gazetteer = copy / "places" / "gazetteer.tsv"
    lines = gazetteer.read_text(encoding="utf-8").splitlines(keepends=True)
    gazetteer.write_text("".join(line for line in lines if "铜梁" not in line), encoding="utf-8")
    return copy


def test_two_pipelines_with_different_rules_live_in_one_process(tmp_path: Path) -> None:
    packaged, custom = build_pipeline(), build_pipeline(rules=rules_without_tongliang(tmp_path))
    for _ in range(2):  # interleaved, so that neither reads the other's cached rules
        assert [h.get("canonical") for h in packaged(SENTENCE)._.places] == ["铜梁区"]
        assert custom(SENTENCE)._.places == []


def test_a_saved_pipeline_loads_with_the_rules_it_ran_with(tmp_path: Path) -> None:
    nlp = build_pipeline(rules=rules_without_tongliang(tmp_path))
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(tmp_path / "rules")  # the saved pipeline carries its own copy
    loaded = spacy.load(tmp_path / "saved")
    assert list(loaded.pipe_names) == list(COMPONENTS)
    doc = loaded(SENTENCE)
    assert [s.text for s in doc.spans["places"]] == []
    assert [(h.get("value"), h.get("unit")) for h in doc._.quantities] == [(137, "家")]
