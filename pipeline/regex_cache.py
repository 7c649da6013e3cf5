"""Compiled regular expressions kept between runs, for zhfacts' own start-up only.

A run's start-up compiles about 250 patterns (the quantities grammar, cn2an's numeral
patterns, the rules' alternations): 0.2 CPU s, a fifth of it. What `re` makes of a pattern
(the sre program handed to `_sre.compile`) depends only on the pattern, its flags and the
Python version, so it is stored in the user cache folder (one JSON file per Python version
and sre format: plain data, never code) and given to `_sre.compile` directly the next time:
the same Pattern object, without the parse. `_sre` checks every program it is given, so a
damaged file cannot make an invalid one; the folder is trusted as the rules-validated
markers beside it are (zhfacts.rules.validate_all).

The cache serves only what zhfacts compiles itself, inside `with compiling():` (cn2an's
import, the rule builders, the warm-up): for that block, and for the thread that opened it
alone, `re`'s compile step looks in the cache first; when the block ends, by return or by
exception, `re` is as it was. A user's patterns (before, after, or in another thread
meanwhile) take `re`'s ordinary path and never reach the cache; a process forked inside a
block starts with `re` restored. `save()` (done once the warm-up is over) writes the
programs this process used, when compiling its misses took clearly longer than writing the
file does, and `release()` drops them from memory (~5 MiB). A miss, a debug flag, a pattern JSON
cannot hold (bytes, lone surrogates), a Python whose compile step differs from the one
copied here, or a cache file that cannot be read all take the ordinary path; a program that
`_sre` refuses is compiled again. ZHFACTS_REGEX_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

log = logging.getLogger(__name__)

# the Pythons whose re._compiler.compile is the one `_program` repeats (3.11-3.13: identical)
SUPPORTED = ((3, 11), (3, 12), (3, 13))
# CPU s spent compiling misses that make a new file worth writing (the write: ~0.003 CPU s):
# misses in a block of stable patterns (zhfacts' own: a rule edited) count from SAVE_STABLE_AFTER,
# all misses from SAVE_AFTER (proces builds a pattern from a set at import, so its order and
# program change with string hashing: 0.02 CPU s missed by every run, never worth a write alone)
SAVE_STABLE_AFTER = 0.01
SAVE_AFTER = 0.05
FOLDER = "regex"
MAX_PROGRAMS = 4096  # a bound, whatever zhfacts' blocks compile

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation of re
    _sre = _compiler = _parser = None  # type: ignore[assignment]

Key = tuple[str, int]
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_programs: dict[Key, Program] = {}  # loaded from the file, and made here
_used: set[Key] = set()
_missed = 0.0  # CPU seconds spent compiling what the cache did not hold, since the last save
_missed_stable = 0.0  # the part of it in blocks of stable patterns
_stable = True  # the open block's
_loaded = False
_original: Any = _compiler.compile if _compiler is not None else None  # re's own compile step
_lock = threading.RLock()  # held by the thread inside a block, for the whole block
_owner: int | None = None  # that thread's id, read by _compile on every compile
_depth = 0


def enabled() -> bool:
    return (_sre is not None and sys.version_info[:2] in SUPPORTED
            and os.environ.get("ZHFACTS_REGEX_CACHE", "1") != "0")


def cache_file() -> Path | None:
    """$XDG_CACHE_HOME/zhfacts/regex/<python>-<sre format>.json (as zhfacts.rules.user_cache_dir)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{getattr(_sre, 'MAGIC', 0)}"
    return Path(base) / "zhfacts" / FOLDER / f"{tag}.json"


@contextlib.contextmanager
def compiling(stable: bool = True) -> Iterator[None]:
    """Patterns this thread compiles inside the block come from the cache (and go into it);
    `re` is restored when the block ends. Blocks nest; a second thread's block while one is
    open runs without the cache. `stable=False` for a block whose patterns may change from
    run to run (a library's import): its misses alone are worth a write later (SAVE_AFTER)."""
    global _owner, _depth, _stable
    if not enabled() or not _lock.acquire(blocking=False):
        yield
        return
    _depth += 1
    try:
        if _depth == 1:
            _load_once()  # before re is touched: a failure here leaves it as it was
            _stable = stable
            _owner = threading.get_ident()
            _compiler.compile = _compile
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            _restore()
        _lock.release()


def _restore() -> None:
    global _owner
    _owner = None
    if _compiler.compile is _compile:  # one who patched it after us keeps theirs (ours then only passes through)
        _compiler.compile = _original


def _after_fork_in_child() -> None:
    """A child forked inside a block (by another thread, say) starts with re as it was."""
    global _lock, _depth
    _lock = threading.RLock()
    _depth = 0
    if _compiler is not None:
        _restore()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _load_once() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    path = cache_file()
    if path is None:
        return
    try:
        entries = orjson.loads(path.read_bytes())
        for pattern, flags, *program in entries:  # [pattern, flags, final flags, code, groups, groupindex, indexgroup]
            final, code, groups, groupindex, indexgroup = program
            _programs[pattern, flags] = final, code, groups, groupindex, tuple(indexgroup)
    except (OSError, orjson.JSONDecodeError, TypeError, ValueError):
        return  # what was read before the fault is kept: each program is checked when used


def _compile(p: Any, flags: int = 0) -> Any:
    """re._compiler.compile, reading the program from the cache when the block's thread asks
    for one the cache holds."""
    global _missed, _missed_stable
    # another thread, bytes (JSON holds none), a str subclass (may mean more), a debug flag
    if _owner != threading.get_ident() or type(p) is not str or flags & re.DEBUG:
        return _original(p, flags)
    flags = int(flags)
    key = (p, flags)
    program = _programs.get(key)
    if program is not None:
        try:
            pattern = _sre.compile(p, *program)
        except Exception:  # a damaged entry: _sre refuses it (RuntimeError, TypeError ...)
            del _programs[key]
        else:
            _used.add(key)
            return pattern
    if len(_programs) >= MAX_PROGRAMS:
        return _original(p, flags)
    started = time.process_time()
    program = _program(p, flags)
    pattern = _sre.compile(p, *program)
    _programs[key] = program
    _used.add(key)
    spent = time.process_time() - started
    _missed += spent
    if _stable:
        _missed_stable += spent
    return pattern


def _program(pattern: str, flags: int) -> Program:
    """What re._compiler.compile gives _sre.compile after the pattern: the same steps."""
    parsed = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(parsed, flags)))  # its opcodes are named int subclasses
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def save() -> None:
    """Write the programs this process used to the cache file when its misses cost more than
    the write (atomically: a temp file renamed; programs no process uses any more drop out); a
    cache folder that cannot be written only means compiling again."""
    global _missed, _missed_stable
    if (_missed_stable <= SAVE_STABLE_AFTER and _missed <= SAVE_AFTER) or not enabled():
        return
    path = cache_file()
    if path is None:
        return
    keep = {key: _programs[key] for key in _used if key in _programs and _utf8(key[0])}
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(orjson.dumps([[*key, *program] for key, program in keep.items()]))
        os.replace(tmp, path)
        _missed = _missed_stable = 0.0
    except (OSError, orjson.JSONEncodeError) as e:
        log.debug("cannot cache compiled patterns in %s: %s", path.parent, e)
        with contextlib.suppress(OSError):
            tmp.unlink()


def release() -> None:
    """Drop the programs held (~5 MiB, in every worker too): start-up is over. A later block
    reads the file again."""
    global _loaded, _missed, _missed_stable
    _programs.clear()
    _used.clear()
    _loaded, _missed, _missed_stable = False, 0.0, 0.0


def _utf8(pattern: str) -> bool:
    """Whether JSON can hold the pattern: not one holding a lone surrogate (as repair's class of them does)."""
    try:
        pattern.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
