"""Loading rules/ files: safe YAML, TSV and JSONL, with errors that name the file and line.

Every rule the pipeline applies lives under rules/ as data. This module is the only place
that finds and parses those files, and it computes the rules fingerprint that the manifest
and incremental runs use.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import logging
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache, wraps
from pathlib import Path
from typing import IO, Any, TypeVar

import fastjsonschema
import yaml

from zhfacts._version import __version__
from zhfacts.records.types import TABLES

log = logging.getLogger(__name__)

PACKAGED_RULES = Path(__file__).resolve().parent / "_rules"
SCHEMAS = "schemas"  # rules/schemas/<name without suffix>.schema.yaml describes rules/<name>
SOURCE_RULES = Path(__file__).resolve().parent.parent / "rules"
# libyaml's safe loader when PyYAML was built with it (10x faster than the pure-Python one,
# same documents); both report syntax errors with a line and column
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Under the user cache folder: one small marker file per state of a rules folder that passed
# validate_all, named by the validation key (see _validation_key).
VALIDATED_CACHE = "rules-validated"

F = TypeVar("F", bound=Callable[..., Any])
# The rules folder of the code running now, when a caller chose one (a spaCy component
# configured with its own rules); a context variable, so threads and pipelines keep theirs.
_ACTIVE_RULES: ContextVar[Path | None] = ContextVar("zhfacts_rules", default=None)
_active_rules = _ACTIVE_RULES.get
DEFAULT_RULES = SOURCE_RULES if SOURCE_RULES.is_dir() else PACKAGED_RULES


class RulesError(Exception):
    """A rules file that is missing or malformed; the message names the file and line."""


def rules_dir() -> Path:
    """The rules folder in use: the one chosen with `using_rules`, else $ZHFACTS_RULES (read
    when first asked), else rules/ of a source checkout or the copy packed into the wheel."""
    active = _ACTIVE_RULES.get()
    if active is not None:
        return active
    return _environment_rules()


@cache
def _environment_rules() -> Path:
    """$ZHFACTS_RULES or the default, read once: rules_dir() is asked on every cached rule
    lookup, and a process's environment does not choose its rules twice."""
    override = os.environ.get("ZHFACTS_RULES")
    return Path(override) if override else DEFAULT_RULES


@contextmanager
def using_rules(folder: str | Path | None) -> Iterator[None]:
    """Every rule read inside the block comes from `folder` (None: the default rules)."""
    if folder is None:
        yield
        return
    token = _ACTIVE_RULES.set(Path(folder))
    try:
        yield
    finally:
        _ACTIVE_RULES.reset(token)


def rules_cache(fn: F | None = None, *, maxsize: int | None = None) -> Any:
    """functools.cache (or lru_cache(maxsize)) kept apart for each rules folder, for anything
    derived from rules: two pipelines with different rules share one process safely."""

    def decorate(func: F) -> F:
        per_folder: dict[Path, Callable[..., Any]] = {}
        make = cache if maxsize is None else lru_cache(maxsize=maxsize)
        # the cache of the environment's folder, kept in a closure cell: the common case (no
        # folder chosen) then costs one context-variable read, not a rules_dir() call and a
        # dict lookup on each of the ~300K lookups per million characters
        default: Callable[..., Any] | None = None

        def for_folder(folder: Path) -> Callable[..., Any]:
            found = per_folder.get(folder)
            if found is None:
                found = per_folder[folder] = make(func)
            return found

        @wraps(func)
        def cached(*args: Any) -> Any:
            nonlocal default
            folder = _active_rules()
            if folder is None:
                if default is None:
                    default = for_folder(_environment_rules())
                return default(*args)
            return for_folder(folder)(*args)

        def cache_clear() -> None:
            nonlocal default
            per_folder.clear()
            default = None

        cached.cache_clear = cache_clear  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate(fn) if fn is not None else decorate


def rule_path(name: str) -> Path:
    path = rules_dir() / name
    if not path.is_file():
        raise RulesError(f"{path}: rules file not found")
    return path


def _safe_load(stream: IO[str]) -> Any:
    """yaml.safe_load with SAFE_LOADER: plain data only, never arbitrary objects."""
    loader = SAFE_LOADER(stream)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@rules_cache
def load_yaml(name: str) -> Any:
    """Parse rules/<name> with a safe loader; a syntax error names file, line and problem."""
    path = rule_path(name)
    try:
        with path.open(encoding="utf-8") as f:
            data = _safe_load(f)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise RulesError(f"{path}{where}: {e.problem or e}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise RulesError(f"{path}: {e}") from None
    error = None if _trusted(name, path) else _first_error(name, data)
    if error is not None:
        raise RulesError(f"{path}:{_yaml_line(path, _field_path(error))}: {_describe(error)}")
    return data


@rules_cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated rules file with a header line; '#' lines are comments."""
    path = rule_path(name)
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    header_line, *body = lines
    header = header_line[1].rstrip("\r\n").split("\t")
    checked = not _trusted(name, path)
    rows = []
    for n, row in zip((n for n, _ in body), csv.reader((line for _, line in body), delimiter="\t"), strict=False):
        if len(row) != len(header):
            raise RulesError(f"{path}:{n}: expected {len(header)} tab-separated fields, got {len(row)}")
        record = dict(zip(header, row, strict=False))
        error = _first_error(name, record) if checked else None
        if error is not None:
            raise RulesError(f"{path}:{n}: {_describe(error)}")
        rows.append(record)
    return tuple(rows)


@rules_cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    path = rule_path(name)
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise RulesError(f"{path}:{n}: not JSON: {e.msg}") from None
    return tuple(rows)


# -- schemas -----------------------------------------------------------------------------------
def schema_path(name: str) -> Path:
    return rules_dir() / SCHEMAS / Path(name).with_suffix(".schema.yaml")


@rules_cache
def _validator(name: str) -> Callable[[Any], Any] | None:
    """The compiled check of rules/<name> (of each row, for a TSV file), or None without a schema.
    fastjsonschema turns a schema into Python code: the gazetteer's 3,000 rows are checked in
    milliseconds at every start-up, where an interpreting validator took half a second."""
    path = schema_path(name)
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as f:
            schema = _with_record_enums(_safe_load(f), path)
        return fastjsonschema.compile(schema)
    except (yaml.YAMLError, fastjsonschema.JsonSchemaDefinitionException) as e:
        raise RulesError(f"{path}: not a valid schema: {e}") from None


def _with_record_enums(schema: Any, path: Path) -> Any:
    """The schema with every `enum_of: TABLE.FIELD` replaced by the values the output schema
    allows for that field (zhfacts.records.types), so rules and records never disagree."""
    if isinstance(schema, list):
        return [_with_record_enums(item, path) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _with_record_enums(v, path) for k, v in schema.items() if k != "enum_of"}
    if "enum_of" in schema:
        table, _, name = str(schema["enum_of"]).partition(".")
        fields_ = getattr(TABLES.get(table), "__dataclass_fields__", {})
        if name not in fields_ or "allowed" not in fields_[name].metadata:
            raise RulesError(f"{path}: enum_of {schema['enum_of']!r} names no record field with allowed values")
        out["enum"] = [v for v in fields_[name].metadata["allowed"] if v is not None]
    return out


def _first_error(name: str, data: Any) -> fastjsonschema.JsonSchemaValueException | None:
    validate = _validator(name)
    if validate is None:
        return None
    try:
        validate(data)
    except fastjsonschema.JsonSchemaValueException as e:
        return e
    return None


def _field_path(error: fastjsonschema.JsonSchemaValueException) -> list[str]:
    return [str(p) for p in (error.path or [])[1:]]  # the first element names the document itself


def _describe(error: fastjsonschema.JsonSchemaValueException) -> str:
    where = ".".join(_field_path(error)) or "(top level)"
    problem = error.message.removeprefix(f"{error.name} ") if error.name else error.message
    value = f"{error.value!r} " if error.rule in ("enum", "type", "pattern", "format", "const") else ""
    return f"field {where}: {value}{problem}"


def _yaml_line(path: Path, keys: list[str]) -> int:
    """The 1-based line of the node at `keys` in a YAML file (the deepest one that exists)."""
    with path.open(encoding="utf-8") as f:
        node = yaml.compose(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    line = node.start_mark.line if node is not None else 0
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            found = node.value[int(key)]
        else:
            found = None
        if found is None:
            break
        node, line = found, found.start_mark.line
    return line + 1


def require(data: Any, key: str, name: str) -> Any:
    """data[key], or a RulesError naming the rules file when the key is missing."""
    if not isinstance(data, dict) or key not in data:
        raise RulesError(f"{rules_dir() / name}: missing required key '{key}'")
    return data[key]


def write_or_check(path: Path, text: str, check: bool, command: str) -> int:
    """For the build scripts of generated rules files: write the file, or with `check`, exit
    status 1 when the checked-in file differs from what the build gives now."""
    if check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != text:
            print(f"{path} is stale: run {command}", file=sys.stderr)
            return 1
        print(f"{path} is current")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}: {text.count(chr(10))} lines")
    return 0


def fingerprint() -> str:
    """sha256 over every file under rules/ (path and bytes), in sorted order."""
    root = rules_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def validate_all() -> None:
    """Parse and check every rules file once against its schema, so a malformed one fails
    before any document is read. A rules folder whose every file, schema and validator are as
    they were when it last passed (a marker in the user cache folder says so) is not checked
    again: its files are then trusted when loaded with the bytes they had here."""
    root = rules_dir()
    digests = _file_digests(root)
    marker = _validated_marker(_validation_key(digests))
    if marker is not None and _exists(marker):
        _TRUSTED[root] = digests
        return
    # a miss checks the files as they are now: nothing this process parsed or compiled before
    # (an earlier check's data and validators) may vouch for bytes it never read
    _TRUSTED.pop(root, None)
    for loader in (load_yaml, load_tsv, load_jsonl, _validator):
        loader.cache_clear()
    for name in digests:
        if name.startswith(SCHEMAS + "/"):
            continue
        suffix = Path(name).suffix
        if suffix in (".yaml", ".yml"):
            load_yaml(name)
        elif suffix == ".tsv":
            load_tsv(name)
        elif suffix == ".jsonl":
            load_jsonl(name)
    if marker is not None:
        _remember_validated(marker, root)


# rules folder -> {file name: sha256 of its bytes} of the folders validate_all found validated
# by an earlier process: a file loaded with those bytes skips its schema check.
_TRUSTED: dict[Path, dict[str, str]] = {}


def _trusted(name: str, path: Path) -> bool:
    digests = _TRUSTED.get(rules_dir())
    if digests is None or name not in digests:
        return False
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == digests[name]
    except OSError:
        return False


def _file_digests(root: Path) -> dict[str, str]:
    """{name: sha256} of every file under the rules folder (schemas too), in sorted order."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def _validation_key(digests: dict[str, str]) -> str:
    """What decides whether a rules folder passes validate_all: every file's bytes (schemas
    included), the values records allow (enum_of), this module and the libraries that parse
    and check, and the tool version."""
    enums = sorted((table, f, repr(spec.metadata.get("allowed")))
                   for table, cls in TABLES.items() for f, spec in getattr(cls, "__dataclass_fields__", {}).items())
    digest = hashlib.sha256()
    for part in (__version__, fastjsonschema.VERSION, yaml.__version__, repr(enums), *digests.items()):
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def user_cache_dir() -> Path | None:
    """zhfacts' folder of the user's cache: $XDG_CACHE_HOME/zhfacts (an absolute path, as the
    XDG spec asks), else ~/.cache/zhfacts; None when there is no home folder."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no password entry
            return None
    return Path(base) / "zhfacts"


def _validated_marker(key: str) -> Path | None:
    folder = user_cache_dir()
    return None if folder is None else folder / VALIDATED_CACHE / key


def _exists(marker: Path) -> bool:
    try:
        return marker.is_file()
    except OSError:
        return False


def _remember_validated(marker: Path, root: Path) -> None:
    """Write the marker atomically (a temp file renamed); a cache folder that cannot be written
    only means the next run validates again."""
    tmp = marker.with_name(f".{marker.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"rules": str(root), "tool_version": __version__}) + "\n", encoding="utf-8")
        os.replace(tmp, marker)
    except OSError as e:
        log.debug("cannot cache the rules validation in %s: %s", marker.parent, e)
        with contextlib.suppress(OSError):
            tmp.unlink()
