"""Scanner (pipeline/extract/scanning.py) finds exactly what `pattern.finditer` finds, on every rule
pattern read through one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.extract.orgs.government import government_rules
from zhfacts.extract.orgs.media import media_rules
from zhfacts.extract.quantities import grammar
from zhfacts.extract.scanning import Scanner, words_pattern
from zhfacts.extract.times import time_rules
from zhfacts.text.repair import repair_rules


def rule_scanners() -> dict[str, Scanner]:
    g = grammar()
    scanners = {name: getattr(g, name) for name in
                ("numeral", "percent_words", "ordinal", "first_place", "doubling", "symbol", "top", "standing_rank",
                 "listed_rank", "bare_scale_money", "spoken_scale_money")}
    if g.bare_scale_money_close is not None:
        scanners["bare_scale_money_close"] = g.bare_scale_money_close
    scanners.update({f"blocked{i}": s for i, s in enumerate(g.blocked)})
    scanners.update(dict(time_rules().patterns))
    scanners.update({"letter_spacing": repair_rules().letter_spacing, "pinyin_gloss": repair_rules().pinyin_gloss,
                     "spaced_decimal": repair_rules().spaced_decimal})
    scanners.update({"census_office": government_rules().census_office, "photo_credit": media_rules().photo_credit,
                     "quoted_channel": media_rules().quoted_channel})
    return scanners


SCANNERS = rule_scanners()
# what the rule patterns are made of (figures, dates, census offices, photo credits, outlets' accounts), and
# what stands around them in news text
PIECES = ["0", "1", "2", "5", "9", ".", ",", "-", "—", "~", "%", "％", "/", " ", "\n", "年", "月", "日", "号",
          "季度", "上半年", "前三季度", "今年", "去年", "截至", "十四五", "一", "二", "三", "两", "十", "百", "千",
          "万", "亿", "零", "〇", "多", "余", "近", "超过", "第", "名", "位", "首位", "翻一番", "百分之", "千分之",
          "元", "家", "个", "吨", "人次", "同比增长", "全区", "，", "。", "、", "（", "）", "企业", "$", "￥", "US",
          "A", "增", "长", "个月", "2025", "2020", "1.5", "23,876", "研", "发", "集團", "(", "（", ")", "tuán", "qū",
          "全国", "第四次", "次", "经济", "普查", "领导小组", "办公室", "摄", "供图", "公众号", "“", "”", "时讯",
          "排名", "位列", "安", "上升", "后", "强", "市", "县", "区", "投资", "签下"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def spans(matches) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("name", sorted(SCANNERS))
@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_scanner_finds_what_finditer_finds(name: str, text: str) -> None:
    scanner = SCANNERS[name]
    assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))


def test_rule_patterns_that_open_loosely_are_scanned_ahead() -> None:
    # the numeral pattern opens with (?<![0-9.]), the date patterns with an optional 截至, the census
    # office with an optional ordinal, photo credits and outlets' accounts with a choice
    for name in ("numeral", "time.explicit", "census_office", "photo_credit", "quoted_channel", "listed_rank"):
        assert SCANNERS[name].opening is not None, name
    assert SCANNERS["numeral"].needed is not None


@pytest.mark.parametrize("source", [
    r"(?i)(?<!x)abc",  # inline flags change what a literal matches
    r"(?<!x).bc",  # opens with any character
    r"(?<!x)[^a]bc",  # a negated class
    r"(?<!x)\dbc",  # a category
    r"(?:abc)?",  # matches the empty string
])
def test_patterns_it_does_not_follow_are_scanned_by_finditer(source: str) -> None:
    scanner = Scanner.of(re.compile(source))
    assert scanner.opening is None
    text = "xabc abc 1bc ABC"
    assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))


def test_lookbehind_before_the_opener_is_kept() -> None:
    scanner = Scanner.of(re.compile(r"(?<![0-9.])(?:截至)?[0-9]+万"))
    assert scanner.opening is not None
    text = "1.5万 截至35万，2万与x3万"
    found = [m.group() for m in scanner.finditer(text)]
    assert found == [m.group() for m in scanner.pattern.finditer(text)] == ["截至35万", "2万", "3万"]


def test_a_lookbehind_the_match_must_follow_is_kept() -> None:
    scanner = Scanner.of(re.compile(r"(?<=[一-鿿])[ \u3000]?[0-9]{1,3}\. "))
    assert scanner.opening is not None and "(?<=" in scanner.opening.pattern
    text = "增长 5. 3%，x 7. 2与12. 5、全年3. 1"
    found = [m.group() for m in scanner.finditer(text)]
    assert found == [m.group() for m in scanner.pattern.finditer(text)] == [" 5. ", "12. ", "3. "]


def test_without_the_private_parser_a_scanner_is_plain_finditer(monkeypatch: pytest.MonkeyPatch) -> None:
    import zhfacts.extract.scanning as scanning

    monkeypatch.setattr(scanning, "sre_parse", None)  # a Python whose re internals moved
    scanner = Scanner.of(re.compile(r"(?<![0-9.])[0-9]+万"))
    assert scanner.opening is None
    assert [m.group() for m in scanner.finditer("1.5万 2万")] == ["2万"]


@pytest.mark.parametrize("source", [
    r"[0-9一二三]+届(?:全会|人大)",  # a repeated class: sre has no charset prefix for it
    r"(?<![0-9])[0-2]?[0-9]:[0-5][0-9]|[0-9一二三]{1,3}[时点]",  # a choice whose branches open with classes
])
def test_patterns_sre_tries_everywhere_are_scanned_ahead(source: str) -> None:
    scanner = Scanner.of(re.compile(source))
    assert scanner.opening is not None
    text = "第十二届全会于9:30开幕，12:05、三时、二十届人大闭幕，19:300不是时刻"
    assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))
    assert spans(scanner.finditer(text))


@pytest.mark.parametrize("source", [r"万元|亿元", r"[万亿]元", r"abc"])
def test_patterns_sre_skips_ahead_itself_are_left_to_it(source: str) -> None:
    assert Scanner.of(re.compile(source)).opening is None


def joined(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


WORDS = st.lists(st.text(alphabet="区县潼南.(?*a", min_size=1, max_size=4), min_size=1, max_size=12)
WORD_TEXTS = st.text(alphabet="区县潼南.(?*ab ", max_size=30)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, text=WORD_TEXTS)
def test_words_pattern_matches_what_the_longest_first_alternation_matches(words: list[str], text: str) -> None:
    trie, plain = words_pattern(words), joined(words)
    assert spans(re.finditer(trie, text)) == spans(re.finditer(plain, text))
    # inside a larger pattern, backtracking gives up the same words in the same order
    for wrap in ("({})({})?b", "(?:{})a", "({})+?区$"):
        assert spans(re.finditer(wrap.format(trie, trie), text)) == spans(re.finditer(wrap.format(plain, plain), text))


def test_words_pattern_is_a_trie() -> None:
    assert words_pattern(["潼南区", "潼南", "南川区"]) == "(?:南川区|潼南区?)"
    assert words_pattern([]) == ""
    assert re.fullmatch(words_pattern(["a.b"]), "a.b") and not re.fullmatch(words_pattern(["a.b"]), "axb")


def test_a_pattern_sre_skips_ahead_for_is_not_run_on_a_text_without_a_character_it_needs() -> None:
    scanner = Scanner.of(re.compile(r"[一二三][一二三]* [万亿]"))  # sre finds where it opens; it needs a space
    assert scanner.opening is None and scanner.needed is not None
    for text in ("三万人", "二 万人，三 亿元"):
        assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))


@pytest.mark.parametrize("source", [
    r"[0-9一二三]+届(?:全会|人大)",  # the second character: a digit or 届
    r"(?<![0-9])(?:[上下]半年|前[一二三]季度|度)",  # 度 is a match alone: its second character is anything
    r"(?<![0-9])[0-2]?[0-9]\s*[:：][0-5][0-9]",  # \s between the first and the second
])
def test_the_second_character_is_tested_before_the_pattern(source: str) -> None:
    scanner = Scanner.of(re.compile(source))
    assert scanner.opening is not None and scanner.opening.pattern.count("[") >= 2
    text = "统一、上涨的二十届全会，上半年与前三季度、年度，9 :30、3：05与一二三届人大，度"
    assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))
    assert spans(scanner.finditer(text))


def test_whitespace_is_what_backslash_s_matches() -> None:
    from zhfacts.extract.scanning import _WHITESPACE

    listed = {chr(lo) for lo, _ in _WHITESPACE}
    assert all((chr(c) in listed) == (re.match(r"\s", chr(c)) is not None) for c in range(0x110000))
