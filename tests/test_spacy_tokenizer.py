"""The spaCy adapter's tokenizer segments with the user dictionary of its pipeline's rules
folder: two pipelines with different dictionaries live in one process, and a saved pipeline
keeps its dictionary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from zhfacts.nlp.segment import BACKENDS, load_segmenter
from zhfacts.nlp.spacy_components import blank_zh, build_pipeline
from zhfacts.rules import using_rules

RULES = Path(__file__).resolve().parent.parent / "rules"
SENTENCE = "某区拥有汽车零部件企业137家。"
WORD = "零部件企业"


def rules_with_word(tmp_path: Path, word: str) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    with (copy / "lexicon" / "userdict.txt").open("a", encoding="utf-8") as f:
        f.write(f"{word} 100000\n")
    return copy


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_pipelines_with_different_user_dictionaries_cut_differently(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(backend)
    packaged, custom = blank_zh(backend), blank_zh(backend, rules_with_word(tmp_path, WORD))
    for _ in range(2):  # interleaved: neither may take the other's words
        assert WORD not in [t.text for t in packaged(SENTENCE)]
        assert WORD in [t.text for t in custom(SENTENCE)]


def test_a_custom_dictionary_leaves_the_core_segmenter_alone(tmp_path: Path) -> None:
    pytest.importorskip("jieba")
    with using_rules(rules_with_word(tmp_path, WORD)):
        assert WORD in load_segmenter("jieba")(SENTENCE)
    assert WORD not in load_segmenter("jieba")(SENTENCE)


def test_a_saved_pipeline_keeps_its_user_dictionary(tmp_path: Path) -> None:
    nlp = build_pipeline(rules=rules_with_word(tmp_path, WORD), components=["zhfacts_quantities"])
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(tmp_path / "rules")  # the saved pipeline carries its own copy
    doc = spacy.load(tmp_path / "saved")(SENTENCE)
    assert WORD in [t.text for t in doc]
    assert [(h.get("value"), h.get("unit")) for h in doc._.quantities] == [(137, "家")]


def test_to_bytes_refuses_a_custom_dictionary_it_cannot_carry(tmp_path: Path) -> None:
    assert blank_zh().tokenizer.to_bytes() == b""
    custom = blank_zh(rules=rules_with_word(tmp_path, WORD))
    with pytest.raises(ValueError, match="to_disk"):
        custom.tokenizer.to_bytes()
