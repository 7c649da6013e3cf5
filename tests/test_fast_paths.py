"""The speed paths give exactly what the reference paths give: tokens from running sums,
rows without the record dataclasses, JSONL through orjson, word sets matched by one automaton."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.extract.orgs.rules import automaton_of
from zhfacts.nlp.analysis import Tokens
from zhfacts.nlp.segment import _from_complete_cut, _tokens_of_complete_cut, tokenize
from zhfacts.records.build import build_records, build_rows
from zhfacts.records.types import field_names
from zhfacts.run.processor import DocumentProcessor
from zhfacts.run.write import encode_line, encode_rows
from zhfacts.text.ingest import Source

REFERENCE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

# what segmenters return: words, runs of white space, words with a space inside
WORDS = st.lists(st.one_of(st.text(alphabet="中文a1。", min_size=1, max_size=4),
                           st.text(alphabet=" \t\n\u3000", min_size=1, max_size=3),
                           st.sampled_from(["a b", " a", "a "])), max_size=30)


SET_WORDS = st.lists(st.text(alphabet="有限公司集团局", min_size=1, max_size=4), min_size=1, max_size=8, unique=True)


@settings(max_examples=300, deadline=None)
@given(SET_WORDS, SET_WORDS, st.text(alphabet="有限公司集团局x\ud800😀", max_size=40))
def test_word_sets_match_every_occurrence_by_end_then_longest_first(heads: list[str], cues: list[str],
                                                                     text: str) -> None:
    sets = automaton_of(("head", frozenset(heads)), ("cue", frozenset(cues)))
    expected = sorted(((sets.words.index(word), end) for end in range(len(text) + 1) for word in sets.words
                       if len(word) <= end and text[end - len(word):end] == word),
                      key=lambda found: (found[1], -len(sets.words[found[0]])))
    assert sets.matches(text) == expected  # a lone surrogate and a character beyond the BMP count as one
    for index, _ in expected:
        word = sets.words[index]
        assert set(sets.names[index]) == {name for name, words in (("head", heads), ("cue", cues)) if word in words}


def test_an_empty_word_in_a_set_matches_nothing() -> None:
    sets = automaton_of(("head", frozenset({"", "公司"})))
    assert sets.words == ("公司",) and sets.matches("某公司") == [(0, 3)] and sets.matches("") == []


@settings(max_examples=500, deadline=None)
@given(WORDS)
def test_tokens_of_a_complete_cut_equal_the_word_by_word_path(words: list[str]) -> None:
    assert _tokens_of_complete_cut(words) == Tokens.from_words(*_from_complete_cut(words))


@settings(max_examples=300, deadline=None)
@given(WORDS)
def test_the_word_texts_are_those_of_the_tokens_that_are_not_white_space(words: list[str]) -> None:
    text = "".join(words)
    sliced = Tokens.from_words(*_from_complete_cut(words))  # no cut kept: slices of the text
    kept = _tokens_of_complete_cut(words)  # the segmenter's own strings
    expected = [text[s:e] for s, e in zip(kept.word_starts, kept.word_ends, strict=True)]
    assert kept.word_texts(text) == expected and sliced.word_texts(text) == expected


def test_tokenize_keeps_paragraph_breaks_and_trailing_spaces() -> None:
    text = "潼南区 新增企业12家。\n\n  铜梁区\u3000增长 8%"
    tokens = tokenize(text)
    words = [text[s:e] for s, e in zip(tokens.word_starts, tokens.word_ends, strict=True)]
    assert "".join(words) == text.replace(" ", "").replace("\n", "").replace("\u3000", "")
    all_tokens = [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    assert "\n\n  " in all_tokens and "\u3000" in all_tokens  # a break and its indent are one token
    assert " " not in all_tokens  # one space after a word is the word's trailing space
    assert tokens.word_texts(text) == words


FLOATS = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e-5, 5e-7, 1e16, 0.0001]),
                   st.integers(-(2**70), 2**70), st.none())


@settings(max_examples=500, deadline=None)
@given(FLOATS, st.text(max_size=8))
def test_jsonl_lines_equal_the_stdlib_encoders(value, text: str) -> None:
    row = {"doc_id": text, "value": value, "warnings": [text, "甲"], "ok": True}
    try:
        expected = (REFERENCE.encode(row) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: both refuse it
        return
    if isinstance(value, float) and value and not 1e-4 <= abs(value) < float("inf"):
        return  # encode_rows keeps such rows from orjson: see the next test
    assert encode_line(row) == expected


def test_rows_with_tiny_or_infinite_floats_are_written_as_the_stdlib_writes_them() -> None:
    doc = DocumentProcessor().process(_source("潼南区新增企业12家，增长8.5%。"))
    row = doc.tables["quantities"][0]
    for value in (1e-5, 3.2e-9, float("inf"), 12.5, 0.0):
        rows = [dict(row, value=value)]
        assert encode_rows("quantities", rows) == ("\n".join(map(REFERENCE.encode, rows)) + "\n").encode()


def test_rows_equal_the_records_as_dicts() -> None:
    processor = DocumentProcessor()
    article = processor.article(_source("2024年上半年，潼南区新增科技型企业12家，重庆市科技局表示，同比增长8.5%。"))
    hits = processor.annotate(article).hits
    rows, records = build_rows(article, hits), build_records(article, hits)
    assert rows["quantities"] and rows["places"] and rows["claims"]
    for table, table_rows in rows.items():
        assert table_rows == [dataclasses.asdict(r) for r in records[table]]
        assert all(list(r) == field_names(table) for r in table_rows)


def _source(text: str) -> Source:
    return Source("t", "t.txt", text=text)


def test_tables_written_by_forked_processes_equal_those_written_in_turn(tmp_path) -> None:
    from zhfacts.run.batch import ALL_TABLES
    from zhfacts.run.write import RunWriter

    processor = DocumentProcessor()
    texts = {f"d{n}": f"{2020 + n}年，潼南区新增企业{n + 3}家，增长{n}.5%。重庆市科技局表示满意。" for n in range(6)}
    outs = []
    for jobs in (1, 2):
        writer = RunWriter(tmp_path / f"out{jobs}", ALL_TABLES)
        for doc_id in sorted(texts, reverse=True):  # written out of order: the merge sorts them
            result = processor.encode(Source(doc_id, doc_id, text=texts[doc_id]))
            writer.add_encoded(doc_id, result.blocks)
            writer.add_text(doc_id, texts[doc_id])
        writer.spools["quantities"].flush()  # one table both spooled to disk and buffered
        writer.finish({}, jobs=jobs)
        outs.append(writer)
    for name in [*ALL_TABLES, "texts"]:
        suffixes = ["jsonl"] if name == "texts" else ["jsonl", "parquet"]
        for suffix in suffixes:
            assert (tmp_path / "out1" / f"{name}.{suffix}").read_bytes() == \
                (tmp_path / "out2" / f"{name}.{suffix}").read_bytes(), (name, suffix)
    assert outs[0].counts == outs[1].counts and outs[0].counts["quantities"] == 12


def test_pieces_of_lines_end_at_line_ends_and_lose_nothing(tmp_path) -> None:
    from zhfacts.run.write import _pieces_of_lines

    path = tmp_path / "t.jsonl"
    data = b"".join(b"x" * n + b"\n" for n in (3, 40, 1, 0, 17)) + b"tail without a line break"
    path.write_bytes(data)
    pieces = list(_pieces_of_lines(path, 8))  # lines longer than a piece are read on to their end
    assert b"".join(pieces) == data
    assert all(p.endswith(b"\n") for p in pieces[:-1]) and pieces[-1] == b"tail without a line break"
