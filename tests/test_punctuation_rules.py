"""Punctuation sets are rules: each comes from one rules file, and a rules copy that edits it
changes what the code does, with no code change."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import zhfacts
from zhfacts.rules import using_rules
from zhfacts.text.sentences import MAX_SENTENCE_PIECE, split_paragraphs, split_sentences

RULES = Path(__file__).resolve().parent.parent / "rules"
TITLE = "总投资58亿元{sep}某某科学城北碚片区12个重大项目集中开工\n2月25日，活动举行。"


@pytest.fixture
def rules_copy(tmp_path: Path) -> Callable[[str, str, str], Path]:
    """A copy of rules/ with one line of one file replaced: edit(name, old, new) -> the folder."""
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)

    def edit(name: str, old: str, new: str) -> Path:
        path = copy / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        return copy

    return edit


def _claims(text: str) -> list[tuple[float, str]]:
    return [(c["value"], c["rule"]) for c in zhfacts.extract_text(text, pub_date="2025-03-01").records("claims")]


def test_a_title_with_a_comma_of_either_width_is_prose() -> None:
    assert _claims(TITLE.format(sep="，")) == _claims(TITLE.format(sep=",")) == [(12, "claims.sentence.district")]


def test_heading_punctuation_is_one_rule(rules_copy) -> None:
    folder = rules_copy("claims.yaml", 'heading_punctuation: "，。；,;"', 'heading_punctuation: "，。；;"')
    with using_rules(folder):
        assert (5.8e9, "claims.title") in _claims(TITLE.format(sep=","))


def test_speaker_punctuation_is_one_rule(rules_copy) -> None:
    text = "铜梁区科技局副局长王某说；“今年新增企业120家。”"
    rules = [c["rule"] for c in zhfacts.extract_text(text).records("claims")]
    assert rules == ["claims.section"]  # a sentence ends before the quote: no speaker of it
    folder = rules_copy("claims.yaml", 'speaker_punctuation: "：:，,"', 'speaker_punctuation: "：:，,；"')
    with using_rules(folder):
        assert [c["rule"] for c in zhfacts.extract_text(text).records("claims")] == ["claims.speaker.quote"]


def test_an_overlong_run_is_cut_at_a_pause_the_rules_name(rules_copy) -> None:
    text = "甲" * 1800 + "乙" + "甲" * 1200
    paragraphs = split_paragraphs(text)
    assert split_sentences(text, paragraphs)[0] == (0, MAX_SENTENCE_PIECE)  # no pause: cut at the limit
    folder = rules_copy("repair.yaml", 'sentence_pauses: "，,、：:\\n\\t 　"', 'sentence_pauses: "乙，,、：:\\n\\t 　"')
    with using_rules(folder):
        assert split_sentences(text, paragraphs)[0] == (0, 1801)


def test_clause_and_item_punctuation_is_one_rule_every_stage_reads(rules_copy) -> None:
    from zhfacts.claims.rules import claim_rules
    from zhfacts.extract.orgs.government import government_rules
    from zhfacts.extract.orgs.rules import org_rules

    folder = rules_copy("repair.yaml", 'clause_delimiters: "，。；：！？,;:!?"', 'clause_delimiters: "，。；：！？,;:!?|"')
    for rules in (None, folder):
        with using_rules(rules):
            bar = rules is not None
            assert ("|" in claim_rules().clause_delimiters) == bar
            assert ("|" in org_rules().list_ends) == bar
            assert ("|" in org_rules().speech_punctuation) == bar
            assert ("|" in government_rules().item_stops) == bar

