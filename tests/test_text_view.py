"""TextView (pipeline/nlp/text_view.py): the tokens around a position, as the matchers ask for them."""

from __future__ import annotations

from zhfacts.nlp.segment import tokenize
from zhfacts.nlp.text_view import TextView


def view_of(words: list[str]) -> TextView:
    starts, ends, pos = [], [], 0
    for word in words:
        starts.append(pos)
        ends.append(pos + len(word))
        pos += len(word)
    return TextView("".join(words), set(starts), set(ends), starts, ends)


def test_the_token_before_and_after_a_position_are_those_that_end_and_start_there() -> None:
    view = view_of(["铜梁区", "新增", "企业", "12", "家"])
    assert view.token_after(0) == "铜梁区" and view.token_after(3) == "新增" and view.token_after(9) == "家"
    assert view.token_before(3) == "铜梁区" and view.token_before(10) == "家"
    assert view.token_after(1) == "" and view.token_before(2) == ""  # inside 铜梁区: none starts or ends there
    assert view.token_before(0) == "" and view.token_after(10) == ""  # the text's ends


def test_token_at_gives_the_span_holding_a_position() -> None:
    view = view_of(["铜梁区", "新增"])
    assert view.token_at(0) == (0, 3) and view.token_at(2) == (0, 3) and view.token_at(3) == (3, 5)
    assert view.token_at(5) is None and view.token_at(-1) is None


def test_token_texts_are_the_segmenters_words_or_sliced_from_the_text() -> None:
    view = view_of(["铜梁区", "新增", "企业"])
    assert view.token_texts() == ["铜梁区", "新增", "企业"]  # no tokens given: sliced once, then kept
    assert view.token_texts() is view.token_texts()
    text = "铜梁区\n\n新增 企业"
    tokens = tokenize(text)
    built = TextView(text, set(tokens.word_starts), set(tokens.word_ends), tokens.word_starts, tokens.word_ends,
                     tokens=tokens)
    assert built.token_texts() == [text[s:e] for s, e in zip(tokens.word_starts, tokens.word_ends, strict=True)]
    assert "".join(built.token_texts()) == "铜梁区新增企业"  # the white space is no token's text
