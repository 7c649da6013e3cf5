"""Reading inputs: files, folders and stdin; plain text and JSONL; any common encoding.

`iter_sources(inputs)` yields one `Source` per document, in a deterministic order, and never
raises for a bad input: an unreadable file, undecodable bytes or a broken JSONL line
becomes a Source with `error` set, so every input gets its row in `documents`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from pipeline.rules import load_yaml, require

RULES_FILE = "ingest.yaml"
STDIN = "-"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls but tab, LF, form feed and CR
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class Source:
    """One input document: its decoded text, or the reason it could not be read."""

    doc_id: str
    path: str
    text: str | None = None
    error: str | None = None
    pub_date: str | None = None
    source: str | None = None
    nbytes: int = 0  # the input bytes it came from, for progress and ETA

    @property
    def sha256(self) -> str | None:
        if self.text is None:
            return None
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class NotText(ValueError):
    """Bytes that are not article text; the message says what they are."""


@cache
def _ingest_rules() -> dict[str, Any]:
    return load_yaml(RULES_FILE)


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: a BOM decides first, then strict UTF-8, then charset-normalizer
    (GB18030/GBK, Big5, ...). Raises NotText for empty, binary or undecodable input."""
    if not data:
        raise NotText("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding, errors="strict"))
            except UnicodeDecodeError as e:
                raise NotText(f"undecodable bytes: starts with a {encoding} byte-order mark but byte {e.start} "
                              f"is not {encoding} ({e.reason})") from None
    kind = _signature(data)
    if kind:
        raise NotText(f"not text: {kind}")
    if b"\0" in data:
        raise NotText("not text: binary data (contains NUL bytes and no UTF-16 byte-order mark)")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise NotText("undecodable bytes: not UTF-8, UTF-16 or any encoding charset-normalizer recognizes")
    return _checked(str(best))


def _signature(data: bytes) -> str | None:
    for sig in require(_ingest_rules(), "signatures", RULES_FILE):
        if data.startswith(bytes.fromhex(sig["magic"])):
            return sig["name"]
    return None


def _checked(text: str) -> str:
    if not text.strip():
        raise NotText("only whitespace" if text else "empty file")
    controls = sum(1 for _ in CONTROL.finditer(text))
    if controls > require(_ingest_rules(), "max_control_share", RULES_FILE) * len(text):
        raise NotText("not text: binary data (too many control characters)")
    return text


def without_surrogates(text: str) -> str:
    """JSON escapes can hold lone surrogates, which no UTF-8 file can: each becomes U+FFFD,
    one character for one, so offsets into the decoded text stay as they were."""
    return LONE_SURROGATE.sub("\ufffd", text)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str]:
    """Files as given, folders as their *.txt/*.md/*.jsonl files in sorted order, '-' as is."""
    suffixes = tuple(require(_ingest_rules(), "folder_suffixes", RULES_FILE))
    for item in inputs:
        if item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix.lower() in suffixes and (p.is_file() or p.is_symlink())]
            yield from sorted(found, key=lambda p: p.relative_to(path).as_posix())
        else:
            yield path


def read_path(path: Path | str) -> Iterator[Source]:
    """The sources in one input: a text file is one, a JSONL file one per line."""
    if path == STDIN:
        yield from _sources_from_bytes(sys.stdin.buffer, "stdin", "<stdin>")
        return
    label = str(path)
    if path.is_symlink() and not path.exists():
        yield Source(path.stem, label, error=f"{label}: broken link (points to {path.readlink()})")
        return
    if not path.exists():
        yield Source(path.stem, label, error=f"{label}: no such file (it vanished or was never there)")
        return
    if path.is_dir():
        yield Source(path.name, label, error=f"{label}: is a folder with no *.txt, *.md or *.jsonl files")
        return
    try:
        with path.open("rb") as f:
            yield from _sources_from_bytes(f, path.stem, label, jsonl=path.suffix.lower() == ".jsonl")
    except OSError as e:
        yield Source(path.stem, label, error=f"{label}: cannot be read ({e.strerror or e})")


def _sources_from_bytes(stream: BinaryIO, stem: str, label: str, jsonl: bool = False) -> Iterator[Source]:
    if jsonl:
        yield from _jsonl_sources(stream, stem, label)
        return
    data = stream.read()
    try:
        text = decode_bytes(data)
    except NotText as e:
        yield Source(stem, label, error=f"{label}: {e}", nbytes=len(data))
        return
    yield Source(stem, label, text=text, nbytes=len(data))


def _jsonl_sources(stream: BinaryIO, stem: str, label: str) -> Iterator[Source]:
    seen_any = False
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{label}:{number}"
        fallback_id = f"{stem}-{number}"
        try:
            obj = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Source(fallback_id, where, error=f"{where}: line is not UTF-8", nbytes=len(line))
            continue
        except (json.JSONDecodeError, RecursionError) as e:
            problem = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            yield Source(fallback_id, where, error=f"{where}: line is not JSON ({problem})", nbytes=len(line))
            continue
        yield replace(_jsonl_source(obj, fallback_id, where), nbytes=len(line))
    if not seen_any:
        yield Source(stem, label, error=f"{label}: empty file (no JSONL lines)")


def _jsonl_source(obj: Any, fallback_id: str, where: str) -> Source:
    if not isinstance(obj, dict):
        return Source(fallback_id, where, error=f"{where}: line is JSON but not an object")
    raw_id = obj.get("id")
    usable_id = isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip()
    doc_id = without_surrogates(str(raw_id)) if usable_id else fallback_id
    text = obj.get("text")
    if "text" not in obj:
        return Source(doc_id, where, error=f"{where}: object has no 'text' field")
    if not isinstance(text, str):
        return Source(doc_id, where, error=f"{where}: 'text' is {type(text).__name__}, not a string")
    if not text.strip():
        return Source(doc_id, where, error=f"{where}: 'text' is empty or only whitespace")
    # any common form, read by the runner (times.parse_date); one it cannot read is a warning
    given = next((obj[k] for k in ("pub_date", "date") if obj.get(k) not in (None, "")), None)
    pub_date = None if given is None else without_surrogates(str(given))
    source = without_surrogates(obj["source"]) if isinstance(obj.get("source"), str) else None
    return Source(doc_id, where, text=without_surrogates(text), pub_date=pub_date, source=source)


def iter_sources(inputs: Iterable[str]) -> Iterator[Source]:
    """Every document of the inputs, with doc_ids made unique by a deterministic suffix:
    the second input whose id is X becomes X~2, the third X~3, in input order."""
    suffix = require(_ingest_rules(), "duplicate_suffix", RULES_FILE)
    used: set[str] = set()
    for item in expand_inputs(inputs):
        for src in read_path(item):
            doc_id, n = src.doc_id, 1
            while doc_id in used:
                n += 1
                doc_id = f"{src.doc_id}{suffix}{n}"
            used.add(doc_id)
            if doc_id != src.doc_id:
                src = replace(src, doc_id=doc_id)
            yield src
