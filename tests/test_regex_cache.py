"""The compiled-pattern cache gives the very patterns re compiles (Pattern equality compares
the sre program), survives a damaged file, stays out of the way of what it cannot keep, and
serves zhfacts' own start-up only: a user's patterns, before or after zhfacts runs or in
another thread meanwhile, take re's ordinary path and never reach the cache."""

from __future__ import annotations

import _sre
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import orjson
import pytest

from zhfacts import regex_cache

pytestmark = pytest.mark.skipif(not regex_cache.enabled(), reason="the cache is off in this Python")

SOURCES = [
    (r"(?P<value>\d+(?:\.\d+)?)(?P<scale>万|亿)?(?:元|个)", 0),
    (r"(?<![一二三四五六七八九十])[一二三四五六七八九十]{2,}(?=年)", 0),
    (r"(?i)gdp|cpi", 0),
    ("同比(增长|下降)", int(re.MULTILINE)),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache in a folder of its own; the process's cache comes back afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_programs", {})
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_missed", 0.0)
    monkeypatch.setattr(regex_cache, "_missed_stable", 0.0)
    monkeypatch.setattr(regex_cache, "_stable", True)
    monkeypatch.setattr(regex_cache, "SAVE_AFTER", 0.0)
    monkeypatch.setattr(regex_cache, "SAVE_STABLE_AFTER", 0.0)
    monkeypatch.setattr(regex_cache, "_loaded", True)
    monkeypatch.setattr(regex_cache, "_owner", threading.get_ident())  # as inside a block
    path = regex_cache.cache_file()
    assert path is not None
    return path


def written(path: Path) -> set[tuple[str, int]]:
    return {(pattern, flags) for pattern, flags, *_ in orjson.loads(path.read_bytes())}


def reload() -> None:
    regex_cache._programs.clear()
    regex_cache._loaded = False
    regex_cache._load_once()


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(fresh: Path) -> None:
    made = [regex_cache._compile(source, flags) for source, flags in SOURCES]
    regex_cache.save()
    assert written(fresh) == set(SOURCES)
    reload()
    read = [regex_cache._compile(source, flags) for source, flags in SOURCES]
    for source_flags, a, b in zip(SOURCES, made, read, strict=True):
        assert a == b == regex_cache._original(*source_flags)  # same pattern, flags and program
    assert read[0].match("12.5亿元").group("scale") == "亿"
    assert read[1].search("共二十年").group() == "二十"


def test_nothing_is_written_when_the_misses_cost_less_than_a_write(fresh: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    regex_cache.save()
    assert not fresh.exists()
    monkeypatch.setattr(regex_cache, "SAVE_AFTER", 60.0)
    monkeypatch.setattr(regex_cache, "SAVE_STABLE_AFTER", 60.0)
    regex_cache._compile(*SOURCES[0])
    regex_cache.save()
    assert not fresh.exists()


def test_misses_of_a_block_of_unstable_patterns_alone_wait_for_the_higher_bound(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_owner", None)
    monkeypatch.setattr(regex_cache, "SAVE_AFTER", 60.0)
    with regex_cache.compiling(stable=False):  # as a library's import that builds a pattern from a set
        re.compile("库里每次不同的模式(\\d+)")
    regex_cache.save()
    assert not fresh.exists()
    with regex_cache.compiling():  # zhfacts' own: an edited rule
        re.compile("规则改过的模式(\\d+)")
    regex_cache.save()
    assert written(fresh) == {("库里每次不同的模式(\\d+)", 0), ("规则改过的模式(\\d+)", 0)}


def test_only_the_programs_used_are_written(fresh: Path) -> None:
    regex_cache._programs[("不再使用", 0)] = regex_cache._program("不再使用", 0)
    regex_cache._compile(*SOURCES[0])
    regex_cache.save()
    assert written(fresh) == {SOURCES[0]}


def test_a_damaged_file_or_entry_is_compiled_again(fresh: Path) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"\x00not JSON")
    reload()
    source, flags = SOURCES[0]
    assert regex_cache._compile(source, flags) == regex_cache._original(source, flags)
    program = regex_cache._programs[(source, flags)]
    regex_cache._programs[(source, flags)] = (program[0], [999, 1, 2], *program[2:])  # a program sre refuses
    assert regex_cache._compile(source, flags) == regex_cache._original(source, flags)


def test_bytes_and_lone_surrogates_are_compiled_as_re_does(fresh: Path) -> None:
    assert regex_cache._compile(rb"\d+", 0).match(b"12")
    surrogates = "[\ud800-\udfff]"  # the characters themselves, as an f-string writes them
    assert regex_cache._compile(surrogates, 0) == regex_cache._original(surrogates, 0)
    regex_cache._compile(*SOURCES[0])
    regex_cache.save()
    assert written(fresh) == {SOURCES[0]}


def test_a_file_of_other_data_is_ignored(fresh: Path) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(orjson.dumps([["同比", 0, "not a program"], {"a": 1}]))
    reload()
    assert regex_cache._compile("同比", 0) == regex_cache._original("同比", 0)


def test_the_cache_stops_growing_at_its_bound(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "MAX_PROGRAMS", 2)
    made = [regex_cache._compile(f"第{n}次", 0) for n in range(4)]
    assert len(regex_cache._programs) == 2
    assert [m.pattern for m in made] == [f"第{n}次" for n in range(4)]


def test_errors_still_raise_and_flags_are_kept(fresh: Path) -> None:
    with pytest.raises(re.error):
        regex_cache._compile("(未闭合", 0)
    assert regex_cache._compile("(?i)ab", re.ASCII).flags & re.IGNORECASE


def test_a_block_serves_its_own_thread_and_restores_re(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_owner", None)
    original = re._compiler.compile
    others: list[re.Pattern[str]] = []
    other = threading.Thread(target=lambda: others.append(re.compile("别的线程第(\\d+)个")))
    with regex_cache.compiling():
        assert re._compiler.compile is regex_cache._compile
        with regex_cache.compiling():  # blocks nest
            re.compile("本块之内第(\\d+)个")
        assert re._compiler.compile is regex_cache._compile
        other.start()
        other.join()
    assert re._compiler.compile is original
    assert others[0].match("别的线程第3个")
    assert set(regex_cache._programs) == {("本块之内第(\\d+)个", 0)}


def test_an_exception_in_a_block_restores_re(fresh: Path) -> None:
    original = re._compiler.compile
    with pytest.raises(re.error), regex_cache.compiling():
        re.compile("(块内未闭合")
    assert re._compiler.compile is original
    re.compile("块外第(\\d+)个")
    assert ("块外第(\\d+)个", 0) not in regex_cache._programs


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_child_forked_inside_a_block_starts_with_re_restored(fresh: Path) -> None:
    read, write = os.pipe()
    with regex_cache.compiling():
        pid = os.fork()
        if pid == 0:  # the child: report and leave at once
            os.write(write, b"1" if re._compiler.compile is regex_cache._original else b"0")
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    os.close(read)
    os.close(write)


USER = r"""
import json, re, sys
from pathlib import Path
original = re._compiler.compile
re.compile("用户在导入之前的模式(\d+)")
from zhfacts import regex_cache
from zhfacts.run.batch import run
after_import = re._compiler.compile is original
run([sys.argv[1]], Path(sys.argv[2]), jobs=int(sys.argv[3]))
after_run = re._compiler.compile is original
re.compile("用户在运行之后的模式(\d+)")
regex_cache.save()  # would write a program the cache took in since the run
print(json.dumps([after_import, after_run, sorted(p for p, _ in regex_cache._programs if "用户" in p)]))
"""


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_users_patterns_after_importing_zhfacts_and_after_a_run_are_untouched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("今年，某区新签约项目12个，投资额8.5亿元。", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZHFACTS_REGEX_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", USER, str(tmp_path / "in"), str(tmp_path / "out"), str(jobs)],
                          env=env, capture_output=True, text=True, check=True)
    after_import, after_run, users = orjson.loads(done.stdout.strip().splitlines()[-1])
    assert after_import and after_run and users == []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = regex_cache.cache_file()
    assert path is not None
    entries = orjson.loads(path.read_bytes())
    assert len(entries) > 100  # the run's own patterns were kept
    assert not [pattern for pattern, *_ in entries if "用户" in pattern]
    for pattern, flags, final, code, groups, groupindex, indexgroup in entries:  # each is what re makes
        cached = _sre.compile(pattern, final, code, groups, groupindex, tuple(indexgroup))
        assert cached == regex_cache._original(pattern, flags)


def test_the_environment_turns_the_cache_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHFACTS_REGEX_CACHE", "0")
    original = re._compiler.compile
    with regex_cache.compiling():
        assert re._compiler.compile is original
    regex_cache._missed = 1.0
    regex_cache.save()
    assert not fresh.exists()


def test_released_programs_are_read_again_by_the_next_block(fresh: Path) -> None:
    regex_cache._compile(*SOURCES[0])
    regex_cache.save()
    regex_cache.release()
    assert not regex_cache._programs and not regex_cache._used
    with regex_cache.compiling():
        assert set(regex_cache._programs) == {SOURCES[0]}  # the file, read again


def test_a_block_whose_cache_cannot_be_read_leaves_re_as_it_was(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise MemoryError

    load_once = regex_cache._load_once
    monkeypatch.setattr(regex_cache, "_load_once", broken)
    original = re._compiler.compile
    with pytest.raises(MemoryError), regex_cache.compiling():
        pass
    assert re._compiler.compile is original and regex_cache._depth == 0
    monkeypatch.setattr(regex_cache, "_load_once", load_once)
    with regex_cache.compiling():  # the next block works
        assert re._compiler.compile is regex_cache._compile
    assert re._compiler.compile is original


def test_a_cache_folder_that_cannot_be_written_only_means_compiling_again(fresh: Path) -> None:
    fresh.parent.parent.mkdir(parents=True)
    fresh.parent.write_text("a file where the folder would be", encoding="utf-8")
    regex_cache._compile(*SOURCES[0])
    regex_cache.save()  # no error
    assert fresh.parent.is_file() and regex_cache._missed > 0
