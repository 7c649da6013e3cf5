"""Ingest and repair on any input: encodings, errors, and properties over arbitrary text and bytes."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhfacts
from zhfacts.text.article import Article
from zhfacts.text.ingest import NotText, Source, _sources_from_bytes, decode_bytes, iter_sources, without_surrogates
from zhfacts.text.repair import repair

NEWS = "潼南区今年新增科技型企业137家，同比增长12.5%。\r\n全区实现工业产值526.8亿元。\n"


@pytest.mark.parametrize("data", [
    NEWS.encode("utf-8"),
    codecs.BOM_UTF8 + NEWS.encode("utf-8"),
    codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"),
    NEWS.encode("gb18030"),
    NEWS.encode("gbk"),
], ids=["utf8", "utf8-bom", "utf16le", "utf16be", "gb18030", "gbk"])
def test_common_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == NEWS


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "empty file"),
    (b" \r\n\t ", "only whitespace"),
    ("\u3000\n".encode(), "only whitespace"),
    (b"\x00\x01\x02" * 50, "binary data"),
    (b"\x89PNG\r\n\x1a\n" + bytes(20), "a PNG image"),
    (b"PK\x03\x04" + bytes(20), "a ZIP archive"),
    (b"%PDF-1.7\n", "a PDF file"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable bytes"),  # a lone surrogate after the BOM
    ("文字".encode() + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e", "too many control characters"),
])
def test_unusable_bytes_say_what_they_are(data: bytes, problem: str) -> None:
    with pytest.raises(NotText, match=problem):
        decode_bytes(data)


def test_jsonl_lines_each_become_a_source_or_an_error() -> None:
    lines = [b'{"id": "a", "text": "\\u6f7c\\u5357\\u533a12\\u5bb6", "pub_date": "2025-03-01", "source": "cq"}',
             b"", b"not json", b"[1, 2]", b'{"text": "x\\ud800y"}', b'{"id": true, "text": "ok"}',
             b'{"id": "b", "text": "  "}', b'{"id": "c", "text": "t", "pub_date": "March"}', b"\xff\xfe{",
             b'{"id": "d", "text": "t", "pub_date": "2025-02-30"}']
    sources = list(_sources_from_bytes(io.BytesIO(b"\n".join(lines)), "f", "f.jsonl", jsonl=True))
    assert [s.doc_id for s in sources] == ["a", "f-3", "f-4", "f-5", "f-6", "b", "c", "f-9", "d"]
    assert sources[0].text == "潼南区12家" and sources[0].pub_date == "2025-03-01" and sources[0].source == "cq"
    assert "line is not JSON" in sources[1].error and sources[1].path == "f.jsonl:3"
    assert "not an object" in sources[2].error
    assert sources[3].text == "x\ufffdy"  # a lone surrogate cannot be written out: one U+FFFD for it
    assert sources[4].text == "ok"  # true is no id
    assert "empty or only whitespace" in sources[5].error
    assert sources[6].pub_date == "March"  # passed on as given: the runner reads it or warns
    assert "not UTF-8" in sources[7].error
    assert sources[8].text == "t" and sources[8].pub_date == "2025-02-30"


def test_same_ids_get_a_deterministic_suffix(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "z" / "more.jsonl").write_text('{"id": "same", "text": "正文"}\n', encoding="utf-8")
    sources = list(iter_sources([str(tmp_path)]))
    assert [(s.doc_id, Path(s.path).parent.name) for s in sources] == [
        ("same", "x"), ("same~2", "y"), ("same~3", "z"), ("same~4", "z")]


# -- properties ------------------------------------------------------------------------------------
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text with what articles and hostile inputs bring: CJK, digits, punctuation, line breaks of every
# style, white space, zero-width and control characters, surrogates, combining marks, emoji.
ARTICLE_CHARS = st.one_of(
    st.sampled_from(list("潼南区新增企业家亿元万，。；：“”（）%.0123456789０１２％⺠⻄\r\n\n\t 　\u200b\ufeff\x07\x00")),
    st.characters(),
)
ARTICLE_TEXT = st.text(ARTICLE_CHARS, max_size=300)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_say_why(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except NotText as e:
        assert str(e)
    else:
        assert text.strip()


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_jsonl_give_sources_and_never_raise(data: bytes) -> None:
    sources = list(_sources_from_bytes(io.BytesIO(data), "f", "f.jsonl", jsonl=True))
    assert sources
    for src in sources:
        assert (src.text is None) != (src.error is None)
        if src.text is not None:
            src.text.encode("utf-8")  # writable: no lone surrogates


@SETTINGS
@given(st.text(max_size=50), st.text(max_size=200))
def test_any_json_text_field_is_accepted_or_refused(doc_id: str, text: str) -> None:
    line = json.dumps({"id": doc_id, "text": text}).encode()
    (src,) = _sources_from_bytes(io.BytesIO(line), "f", "f.jsonl", jsonl=True)
    if src.text is not None:
        assert src.text == without_surrogates(text) and len(src.text) == len(text)
    src.doc_id.encode("utf-8")


@SETTINGS
@given(ARTICLE_TEXT, st.data())
def test_provenance_holds_for_any_span(raw: str, data: st.DataObject) -> None:
    repaired = repair(raw)
    if not repaired.text:
        return
    article = Article(doc_id="d", raw=raw, text=repaired.text, offsets=repaired.offsets,
                      sentences=repaired.sentences, paragraphs=repaired.paragraphs,
                      sha256=Source("d", "p", text=raw).sha256 or "")
    start = data.draw(st.integers(0, len(repaired.text) - 1))
    end = data.draw(st.integers(start + 1, len(repaired.text)))
    prov = article.provenance(start, end, "rule", "quantities")
    assert 0 <= prov["start"] < prov["end"] <= len(raw)
    assert "".join(prov["text"].split()) == "".join(raw[prov["start"]:prov["end"]].split())
    assert prov["id"] == article.provenance(start, end, "rule", "quantities")["id"]


# -- sizes: a limit per document, and long documents supported up to it --------------------------
def test_a_file_over_the_size_limit_is_an_error_row_read_no_further(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("江津区新增企业12家。" * 1000, encoding="utf-8")
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")  # endless: only the limit ends the read
    small = tmp_path / "small.txt"
    small.write_text(NEWS, encoding="utf-8")
    rows = {s.doc_id: s for s in iter_sources([str(tmp_path)], max_bytes=10_000)}
    for name in ("big", "zero"):
        assert rows[name].text is None
        assert rows[name].error.startswith(str(tmp_path / f"{name}.txt"))
        assert "larger than the limit of" in rows[name].error and "--max-doc-mb" in rows[name].error
    assert rows["small"].text == NEWS


def test_a_jsonl_line_over_the_size_limit_is_an_error_row_and_the_next_line_is_read() -> None:
    lines = [json.dumps({"id": "long", "text": "江津区新增企业12家。" * 2000}, ensure_ascii=False),
             json.dumps({"id": "short", "text": "江津区新增企业12家。"}, ensure_ascii=False)]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    sources = list(_sources_from_bytes(stream, "batch", "batch.jsonl", jsonl=True, max_bytes=5_000))
    assert [(s.doc_id, s.text is None) for s in sources] == [("batch-1", True), ("short", False)]
    assert sources[0].error.startswith("batch.jsonl:1: larger than the limit")


def test_a_sentence_without_punctuation_is_cut_into_bounded_pieces() -> None:
    """Text without sentence punctuation is not one sentence as long as the document: every
    record carries its sentence, and claims look through it for each figure."""
    from zhfacts.text.sentences import MAX_SENTENCE_PIECE

    text = "江津区新增企业12家，永川区投资5亿元 " * 3000
    fixed = repair(text)
    assert len(fixed.sentences) > 1
    assert max(end - start for start, end in fixed.sentences) <= MAX_SENTENCE_PIECE
    pieces = [fixed.text[s:e] for s, e in fixed.sentences]
    assert all(p.endswith(("，", "元")) for p in pieces)  # cut at a pause, never inside a figure
    assert "".join(pieces).replace(" ", "") == fixed.text.replace(" ", "")


@pytest.fixture(scope="module")
def processor():
    from zhfacts.run.processor import DocumentProcessor

    return DocumentProcessor()


def test_a_document_of_one_and_a_half_million_characters_is_processed(processor) -> None:
    unit = "今年上半年，江津区新增科技型企业137家，同比增长12.5%。全区实现工业产值526.8亿元。\n"
    text = unit * (1_500_000 // len(unit) + 1)
    assert len(text) > 1_500_000
    result = processor.process(Source("long", "long.txt", text=text))
    assert result.document["status"] == "ok", result.document["error"]
    figures = [q for q in result.tables["quantities"] if q["text"] == "137家"]
    assert len(figures) == text.count("137家")
    last = figures[-1]
    assert text[last["start"]:last["end"]] == "137家"


def test_terminal_control_sequences_are_not_read_as_text() -> None:

    result = zhfacts.extract_text("璧山区新增企业\x1b[31m23家\x1b[0m，\x1b]0;标题\x07道路长\x1b[2J。")
    assert [q["text"] for q in result.records("quantities")] == ["23家"]


@pytest.mark.parametrize(("pub_date", "problem"), [
    ("0001-01-01", "cannot be read as a date"), ("9999-12-31", "cannot be read as a date"),
    ("2025-02-30", "cannot be read as a date"),
    ("soon", "cannot be read as a date"),
])
def test_an_unusable_pub_date_is_ignored_with_a_warning_on_the_row(processor, pub_date, problem: str) -> None:
    line = json.dumps({"id": "d", "text": "今年上半年，江津区新增企业12家。", "pub_date": pub_date}, ensure_ascii=False)
    (src,) = _sources_from_bytes(io.BytesIO(line.encode("utf-8")), "b", "b.jsonl", jsonl=True)
    row = processor.process(src).document
    assert row["status"] == "ok" and row["pub_date_source"] != "metadata"
    assert any(w.startswith("pub_date ignored") and problem in w for w in row["warnings"]), row["warnings"]


@pytest.mark.parametrize(("line", "expected", "source", "warned"), [
    ('{"id": "a", "text": "潼南区新增企业12家。", "pub_date": "2025/04/20"}', "2025-04-20", "metadata", False),
    ('{"id": "a", "text": "潼南区新增企业12家。", "date": "2025-04-20T08:00:00+08:00"}', "2025-04-20", "metadata", False),
    ('{"id": "a", "text": "潼南区新增企业12家。", "pub_date": "2025年4月20日"}', "2025-04-20", "metadata", False),
    ('{"id": "a", "text": "潼南区新增企业12家。", "pub_date": "March"}', None, None, True),
    ('{"id": "a", "text": "潼南区新增企业12家。", "pub_date": "2025-02-30"}', None, None, True),
    ('{"id": "a", "text": "2024-05-06 来源：本地\\n潼南区新增企业12家。", "pub_date": "??"}', "2024-05-06", "inferred", True),
])
def test_jsonl_dates_in_any_common_form_and_a_warning_for_the_rest(tmp_path, line, expected, source, warned) -> None:
    from zhfacts import extract_path

    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (document,) = extract_path(path).records("documents")
    assert (document["pub_date"], document["pub_date_source"]) == (expected, source)
    assert any("pub_date" in w and "cannot be read" in w for w in document["warnings"]) == warned


def test_a_folder_lists_its_articles_in_order_but_never_a_runs_outputs(tmp_path: Path) -> None:
    from zhfacts.text.ingest import expand_inputs

    for name in ["b.txt", "a.md", "sub/c.txt", "sub/out/d.txt", "sub/out/.zhfacts/e.txt", "out2/f.jsonl",
                 "out2/deep/g.txt", "notes.docx", "sub/A.TXT"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("今年新增企业5家。", encoding="utf-8")
    (tmp_path / "out2" / ".zhfacts").mkdir()  # a run's output folder: nothing below it is read
    (tmp_path / "sub" / "out" / ".zhfacts" / "current").mkdir()
    listed = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert listed == ["a.md", "b.txt", "sub/A.TXT", "sub/c.txt"]
