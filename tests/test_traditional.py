"""Traditional Chinese input: matched through a Simplified view, offsets into the raw text."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhfacts
from zhfacts.text.ingest import iter_sources
from zhfacts.text.traditional import simplified_view

ROOT = Path(__file__).resolve().parent.parent
TRADITIONAL = "今年上半年，江津區新簽約項目59個，協議引資額達419億元。永川區新增規模以上工業企業36家。\n"


def check_offsets(result: zhfacts.Extraction, raw: str) -> None:
    for table in ("quantities", "places", "claims"):
        for row in result.records(table):
            assert raw[row["start"]:row["end"]] == row["text"], row


def test_traditional_text_yields_places_and_claims_with_raw_offsets() -> None:
    result = zhfacts.extract_text(TRADITIONAL, pub_date="2025-08-01")
    assert {(c["district"], c["text"]) for c in result.records("claims")} >= {
        ("江津区", "59個"), ("江津区", "419億元"), ("永川区", "36家")}
    assert {(p["text"], p["canonical"]) for p in result.records("places")} >= {("江津區", "江津区"), ("永川區", "永川区")}
    check_offsets(result, TRADITIONAL)
    assert any(w.startswith("traditional:") for w in result.records("documents")[0]["warnings"])


def test_a_big5_file_reads_the_same(tmp_path: Path) -> None:
    (tmp_path / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (src,) = iter_sources([str(tmp_path / "big5.txt")])
    assert src.text == TRADITIONAL
    result = zhfacts.extract_path(tmp_path / "big5.txt")
    assert {c["text"] for c in result.records("claims")} >= {"59個", "419億元", "36家"}
    check_offsets(result, TRADITIONAL)


@pytest.mark.parametrize("path", sorted((ROOT / "corpus" / "articles").glob("*.txt")), ids=lambda p: p.stem)
def test_simplified_text_is_read_as_it_is(path: Path) -> None:
    assert simplified_view(path.read_text(encoding="utf-8")) is None
