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
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from zhfacts.rules import load_yaml, require, rules_cache

RULES_FILE = "ingest.yaml"
STDIN = "-"
STATE_FOLDER = ".zhfacts"  # what marks a zhfacts output folder (zhfacts.run.write.STATE_DIR)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls but tab, LF, form feed and CR
DEFAULT_MAX_DOC_BYTES = 16 * 2**20  # bytes per document (a file, or a JSONL line): a larger one is an error row
DUPLICATE_WARNING = "duplicate: the same text as document"  # + the first's doc_id, on a later copy's row
READ_BLOCK = 2**20  # bytes read at a time while skipping the rest of an overlong JSONL line
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
    warnings: tuple[str, ...] = ()  # problems with its metadata, shown on its documents row

    @property
    def sha256(self) -> str | None:
        if self.text is None:
            return None
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class NotText(ValueError):
    """Bytes that are not article text; the message says what they are."""


@rules_cache
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


@rules_cache
def _signatures() -> tuple[tuple[bytes, ...], tuple[str, ...]]:
    """The file signatures' magic bytes and names, in the rules' order."""
    signatures = require(_ingest_rules(), "signatures", RULES_FILE)
    return tuple(bytes.fromhex(sig["magic"]) for sig in signatures), tuple(sig["name"] for sig in signatures)


def _signature(data: bytes) -> str | None:
    magics, names = _signatures()
    if not data.startswith(magics):  # one test of all of them: the common case
        return None
    return next(name for magic, name in zip(magics, names, strict=True) if data.startswith(magic))


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
        yield from files_below(path, suffixes) if path.is_dir() else [path]


def files_below(top: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files below a folder with one of the suffixes, sorted by their path from it, but
    those of a zhfacts output folder (one holding a .zhfacts/ folder): a run's own outputs are
    never read back as articles. Each folder is asked once whether it is one (a folder of
    thousands of articles was asked once per article: half the time of listing them)."""
    is_output: dict[Path, bool] = {}

    def output_folder(folder: Path) -> bool:
        found = is_output.get(folder)
        if found is None:
            found = is_output[folder] = (folder / STATE_FOLDER).is_dir()
        return found

    keyed = []
    for p in top.rglob("*"):
        if p.suffix.lower() not in suffixes or not (p.is_file() or p.is_symlink()):
            continue
        relative = p.relative_to(top)
        if STATE_FOLDER in relative.parts or any(map(output_folder, [*p.parents[:len(relative.parts) - 1], top])):
            continue
        keyed.append((relative.as_posix(), p))
    keyed.sort(key=itemgetter(0))
    return [p for _, p in keyed]


def read_path(path: Path | str, max_bytes: int = DEFAULT_MAX_DOC_BYTES) -> Iterator[Source]:
    """The sources in one input: a text file is one, a JSONL file one per line. No more than
    max_bytes (+1) of one document is ever read: a larger one becomes an error row."""
    if path == STDIN:
        yield from _sources_from_bytes(sys.stdin.buffer, "stdin", "<stdin>", max_bytes=max_bytes)
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
            yield from _sources_from_bytes(f, path.stem, label, jsonl=path.suffix.lower() == ".jsonl",
                                           max_bytes=max_bytes)
    except OSError as e:
        yield Source(path.stem, label, error=f"{label}: cannot be read ({e.strerror or e})")


def too_large(label: str, max_bytes: int) -> str:
    return (f"{label}: larger than the limit of {max_bytes / 2**20:g} MB per document (--max-doc-mb); skipped")


def _sources_from_bytes(stream: BinaryIO, stem: str, label: str, jsonl: bool = False,
                        max_bytes: int = DEFAULT_MAX_DOC_BYTES) -> Iterator[Source]:
    if jsonl:
        yield from _jsonl_sources(stream, stem, label, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Source(stem, label, error=too_large(label, max_bytes), nbytes=len(data))
        return
    try:
        text = decode_bytes(data)
    except NotText as e:
        yield Source(stem, label, error=f"{label}: {e}", nbytes=len(data))
        return
    yield Source(stem, label, text=text, nbytes=len(data))


def _lines_within(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a stream, each read with at most max_bytes + 1 bytes in memory; a longer
    line is skipped to its end and given as its length (an int) instead."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line if len(line) <= max_bytes else len(line)
            continue
        length = len(line)
        while (rest := stream.readline(READ_BLOCK)) and not rest.endswith(b"\n"):
            length += len(rest)
        yield length + len(rest)


def _jsonl_sources(stream: BinaryIO, stem: str, label: str, max_bytes: int = DEFAULT_MAX_DOC_BYTES
                   ) -> Iterator[Source]:
    seen_any = False
    for number, line in enumerate(_lines_within(stream, max_bytes), 1):
        where = f"{label}:{number}"
        fallback_id = f"{stem}-{number}"
        if isinstance(line, int):
            seen_any = True
            yield Source(fallback_id, where, error=too_large(where, max_bytes), nbytes=line)
            continue
        if not line.strip():
            continue
        seen_any = True
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
    # any common form, read when the document is processed (zhfacts.text.pubdate); one that cannot
    # be read, or lies outside the supported range, is a warning on the document
    given = next((obj[k] for k in ("pub_date", "date") if obj.get(k) not in (None, "")), None)
    pub_date = None if given is None else without_surrogates(str(given))
    source = without_surrogates(obj["source"]) if isinstance(obj.get("source"), str) else None
    return Source(doc_id, where, text=without_surrogates(text), pub_date=pub_date, source=source)


def iter_sources(inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_DOC_BYTES) -> Iterator[Source]:
    """Every document of the inputs, with doc_ids made unique by a deterministic suffix:
    the second input whose id is X becomes X~2, the third X~3, in input order. A document
    larger than max_bytes becomes an error row without being read whole."""
    suffix = require(_ingest_rules(), "duplicate_suffix", RULES_FILE)
    used: set[str] = set()
    for item in expand_inputs(inputs):
        for src in read_path(item, max_bytes):
            doc_id, n = src.doc_id, 1
            while doc_id in used:
                n += 1
                doc_id = f"{src.doc_id}{suffix}{n}"
            used.add(doc_id)
            if doc_id != src.doc_id:
                src = replace(src, doc_id=doc_id)
            yield src
