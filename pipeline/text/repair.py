"""Ingest repair: PDF column wraps, doubled glyphs, letter spacing, pinyin glosses and character
look-alikes, with an offset map.

`repair(raw)` runs four passes. Each pass returns its output text and, for every output
character, the index of the input character it came from; the maps compose, so every
repaired character points at one raw character and the map never goes backwards.

1. characters: full-width digits/letters/％ to half-width, radical look-alikes to ideographs,
   zero-width characters removed, CRLF to LF (always 1:1 or a deletion);
2. doubled glyphs: in a double-printed line (a run X X of a few ideographs), the second copy
   of every run and of every doubled glyph is dropped; such a line (a caption or byline)
   is a paragraph of its own;
3. lines: a line break inside a sentence (a column wrap) is removed, one that ends a
   paragraph is kept as a single "\\n";
4. letter spacing and glosses: the spaces a PDF put between letters (研 发 投 入) and the
   pinyin a converted page put after characters (集團(tuán)) are removed, so that every stage
   reads 研发投入 and 集團 (records still show the raw characters).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

from zhfacts.extract.scanning import Scanner
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.terminal import blank_control_sequences
from zhfacts.text.sentences import Paragraph, split_paragraphs, split_sentences
from zhfacts.text.tables import table_lines

RULES_FILE = "repair.yaml"
FULLWIDTH_OFFSET = 0xFEE0


@dataclass(frozen=True)
class RepairRules:
    sentence_end: frozenset[str]
    closing: frozenset[str]
    closing_chars: str  # the same, for str.rstrip
    opening: frozenset[str]
    inner_punctuation: frozenset[str]
    prose_marks: frozenset[str]  # a line with one is running prose (line-per-paragraph text)
    caption_words: tuple[str, ...]  # 来源, 图为: a source line or a photo caption, never a cut prose line
    caption_endings: tuple[str, ...]  # 记者 某某 摄
    caption_line_open: re.Pattern[str]  # 来源：, 图为: a line of its own
    footer_line_open: re.Pattern[str]  # 主办单位：: a footer's field opens its line
    caption_line_end: re.Pattern[str]  # …记者 某某 摄 at a line's end
    address_line_end: re.Pattern[str]  # …http://…/a.png at a line's end
    menu_line: re.Pattern[str]  # 首页 > … > …: a breadcrumb, a line of its own
    dateline_paragraph_open: re.Pattern[str]  # 某某网11月20日讯: an article's text opens there
    dateline_line_open: re.Pattern[str]  # 某某日报讯 (…: no wrap before it either
    menu_line_hints: re.Pattern[str]  # 位置, 首页, >: one of them is in every breadcrumb line
    heading_max_chars: int
    heading_enumerator: re.Pattern[str]  # 一、 （二） 3. opening a section heading
    heading_width_ratio: float  # a numbered heading is at most this share of the line under it
    doubled_min_run: int
    doubled_max_line: int
    doubled_list_separators: frozenset[str]  # in a short run with a numeral: a list's equal items
    doubled_list_item_max: int
    doubled_list_numerals: frozenset[str]  # with the digits
    min_lines_for_layout: int
    remove: frozenset[str]
    fold: dict[str, str]
    special_characters: re.Pattern[str]
    doubled_run: re.Pattern[str]
    letter_spacing: Scanner  # a letter-spaced run of ideographs (only where a space is)
    spaced_cell: re.Pattern[str]  # a line that is one letter-spaced name (a table cell: 海 口 市)
    pinyin_gloss: Scanner  # 集團(tuán): the reading a converted page put after a character (at a bracket)
    spaced_decimal: Scanner  # 8. 4亿元: group 1 is a space printed after a decimal point


@rules_cache
def repair_rules() -> RepairRules:
    data = load_yaml(RULES_FILE)

    def chars(key: str) -> frozenset[str]:
        return frozenset(require(data, key, RULES_FILE))

    return RepairRules(
        sentence_end=chars("sentence_end"),
        closing=chars("closing"),
        closing_chars="".join(sorted(chars("closing"))),
        opening=chars("opening"),
        inner_punctuation=chars("inner_punctuation"),
        prose_marks=chars("prose_marks"),
        caption_words=tuple(require(data, "caption_words", RULES_FILE)),
        caption_endings=tuple(require(data, "caption_endings", RULES_FILE)),
        address_line_end=re.compile(require(data, "address_line_end", RULES_FILE)),
        caption_line_open=re.compile(require(data, "caption_line_open", RULES_FILE)),
        footer_line_open=re.compile(require(data, "footer_line_open", RULES_FILE)),
        caption_line_end=re.compile(require(data, "caption_line_end", RULES_FILE)),
        menu_line=re.compile(require(data, "menu_line", RULES_FILE)),
        dateline_paragraph_open=re.compile(require(data, "dateline_paragraph_open", RULES_FILE)),
        dateline_line_open=re.compile(require(data, "dateline_line_open", RULES_FILE)),
        menu_line_hints=re.compile("|".join(map(re.escape, require(data, "menu_line_hints", RULES_FILE)))),
        heading_max_chars=int(require(data, "heading_max_chars", RULES_FILE)),
        heading_enumerator=re.compile(require(data, "heading_enumerator", RULES_FILE)),
        heading_width_ratio=float(require(data, "heading_width_ratio", RULES_FILE)),
        doubled_min_run=int(require(data, "doubled_min_run", RULES_FILE)),
        doubled_max_line=int(require(data, "doubled_max_line", RULES_FILE)),
        doubled_list_separators=chars("doubled_list_separators"),
        doubled_list_item_max=int(require(data, "doubled_list_item_max", RULES_FILE)),
        doubled_list_numerals=chars("doubled_list_numerals"),
        min_lines_for_layout=int(require(data, "min_lines_for_layout", RULES_FILE)),
        remove=chars("remove"),
        fold=dict(require(data, "fold", RULES_FILE)),
        special_characters=_special_characters(chars("remove"), dict(require(data, "fold", RULES_FILE))),
        doubled_run=_doubled_run_pattern(int(require(data, "doubled_min_run", RULES_FILE)),
                                         int(require(data, "doubled_max_run", RULES_FILE))),
        letter_spacing=Scanner.of(_letter_spacing_pattern(require(data, "letter_spacing", RULES_FILE))),
        spaced_cell=_spaced_cell_pattern(require(data, "letter_spacing", RULES_FILE)),
        pinyin_gloss=Scanner.of(_pinyin_gloss_pattern(require(data, "pinyin_gloss", RULES_FILE))),
        spaced_decimal=Scanner.of(re.compile(require(data, "spaced_decimal", RULES_FILE))),
    )


# A sentence is cut into pieces of at most this many characters (records show at most a window of
# pipeline.article.MAX_SENTENCE_CHARS of a longer one). Real sentences are far shorter;
# text without sentence punctuation (lists, tables, dumps) would otherwise be one sentence, and
# every record carries its sentence, and claims look through the whole of it for each figure.


@dataclass
class Repaired:
    text: str
    offsets: list[int]
    paragraphs: list[Paragraph]
    sentences: list[tuple[int, int]]
    warnings: list[str] = field(default_factory=list)
    glosses: dict[int, int] = field(default_factory=dict)  # raw start -> raw end of each pinyin gloss removed


def repair(raw: str) -> Repaired:
    """Repair raw article text; `offsets[i]` is the raw index of repaired character i."""
    rules = repair_rules()
    warnings: list[str] = []
    line_of = _raw_line_finder(raw)

    text1, map1, changed = normalize_characters(blank_control_sequences(raw), rules)
    if changed:
        warnings.append(f"normalized: {changed} full-width, look-alike or invisible characters")

    text2, map2, collapsed = collapse_doubled(text1, rules)
    for before, after, pos in collapsed:
        warnings.append(f"doubled-glyphs: raw line {line_of(map1[pos])}: "
                        f"{before!r} read as {after!r}")

    line_in_text1 = _raw_line_finder(text1)  # bisection over line starts: linear in the glyphs collapsed
    double_printed = {line_in_text1(pos) - 1 for _, _, pos in collapsed}  # 0-based line numbers
    # a flattened table's cells keep their lines (text/tables.py), blank lines between them or not
    text3, map3, joins = join_lines(text2, rules, double_printed, table_lines(text2))
    for kind, positions in joins.items():
        lines = _line_numbers(raw, sorted(map1[map2[p]] for p in positions))
        warnings.append(f"{kind}: joined {len(positions)} line breaks inside sentences "
                        f"(raw lines {_compact(lines)})")

    spaced, glosses = letter_spacing(text3, rules), pinyin_glosses(text3, rules)
    decimals = spaced_decimals(text3, rules)
    text4, map4 = remove_positions(text3, spaced + decimals + [i for start, end in glosses for i in range(start, end)])
    if spaced:
        lines = sorted({line_of(map1[map2[map3[p]]]) for p in spaced})
        warnings.append(f"letter-spacing: removed {len(spaced)} spaces between the letters of words "
                        f"(raw lines {_compact(lines)})")
    if decimals:
        lines = sorted({line_of(map1[map2[map3[p]]]) for p in decimals})
        warnings.append(f"spaced-decimals: removed {len(decimals)} spaces after decimal points "
                        f"(raw lines {_compact(lines)})")
    if glosses:
        lines = sorted({line_of(map1[map2[map3[start]]]) for start, _ in glosses})
        warnings.append(f"pinyin-glosses: removed {len(glosses)} readings after characters "
                        f"(raw lines {_compact(lines)})")

    map34 = _through(map4, map3, len(text2)) if map4 else map3
    offsets = _through(_through(map34, map2, len(text1)), map1, len(raw))
    paragraphs = split_paragraphs(text4)
    raw_glosses = {map1[map2[map3[start]]]: map1[map2[map3[end - 1]]] + 1 for start, end in glosses}
    return Repaired(text4, offsets, paragraphs, split_sentences(text4, paragraphs), warnings, raw_glosses)


def _through(positions: list[int], mapping: list[int], source_length: int) -> list[int]:
    """mapping[p] for each p. Every pass only drops or replaces characters, so a mapping as
    long as its source is the identity: then there is nothing to look up."""
    if len(mapping) == source_length:
        return positions
    return list(map(mapping.__getitem__, positions))


# -- pass 1: characters --------------------------------------------------------------------
def fold_character(c: str, rules: RepairRules) -> str:
    """The character extraction should see for c ('' to drop it)."""
    if c in rules.remove:
        return ""
    if c in rules.fold:
        return rules.fold[c]
    code = ord(c)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A or c == "％":
        return chr(code - FULLWIDTH_OFFSET)
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F:
        folded = unicodedata.normalize("NFKC", c)
        return folded if len(folded) == 1 else c
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # a lone surrogate cannot be written as UTF-8
    if c not in "\n\t" and unicodedata.category(c) == "Cc":
        return " "
    return c


def _special_characters(remove: frozenset[str], fold: dict[str, str]) -> re.Pattern[str]:
    """Every character pass 1 may change: the rest of the text is copied as it is."""
    listed = re.escape("".join(sorted(remove | set(fold))))
    return re.compile(f"[\r．％{listed}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u2e80-\u2fdf\uf900-\ufaff"
                      f"\U0002f800-\U0002fa1f\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_characters(raw: str, rules: RepairRules) -> tuple[str, list[int], int]:
    out: list[str] = []
    mapping: list[int] = []
    changed = 0
    n = len(raw)
    copied = 0
    for match in rules.special_characters.finditer(raw):
        i = match.start()
        if i > copied:
            out.append(raw[copied:i])
            mapping.extend(range(copied, i))
        copied = i + 1
        c = raw[i]
        if c == "\r":
            if i + 1 < n and raw[i + 1] == "\n":
                continue  # CRLF: the LF stands for both
            folded = "\n"
        elif c == "．" and out and out[-1][-1:].isdigit() and i + 1 < n and fold_character(raw[i + 1], rules).isdigit():
            folded = "."
        else:
            folded = fold_character(c, rules)
        if folded != c:
            changed += c != "\r"
        if folded:
            out.append(folded)
            mapping.append(i)
    out.append(raw[copied:])
    mapping.extend(range(copied, n))
    return "".join(out), mapping, changed


# -- pass 2: lines -------------------------------------------------------------------------
def is_content(c: str) -> bool:
    """Ideographs, digits and letters: characters a wrapped sentence continues with."""
    return c.isalnum() or c in "%.·"


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalpha()


@dataclass(slots=True)
class _Line:
    number: int
    start: int
    end: int
    text: str
    ends: bool  # ends_sentence(text): asked up to three times a line, worked out once


def _lines(text: str, rules: RepairRules) -> list[_Line]:
    lines, pos = [], 0
    for number, piece in enumerate(text.split("\n")):
        lines.append(_Line(number, pos, pos + len(piece), piece, ends_sentence(piece, rules)))
        pos += len(piece) + 1
    return lines


def ends_sentence(line: str, rules: RepairRules) -> bool:
    stripped = line.rstrip().rstrip(rules.closing_chars)  # closing marks after the end (。” ）)
    return bool(stripped) and stripped[-1] in rules.sentence_end


def is_heading(block: list[_Line], rules: RepairRules) -> bool:
    """A short line standing alone, without inner punctuation: a title or section head."""
    if len(block) != 1:
        return False
    return _heading_text(block[0].text, rules)


def _heading_text(text: str, rules: RepairRules) -> bool:
    """Short and without inner punctuation once a section number is taken off (一、综合), counted
    without the pinyin a converted page put after its characters (統(tǒng)計(jì)局)."""
    line = _without_glosses(text.strip(), rules)
    numbered = rules.heading_enumerator.match(line)
    rest = line[numbered.end():] if numbered else line
    return 0 < len(line) <= rules.heading_max_chars and not any(c in rules.inner_punctuation for c in rest)


def _without_glosses(text: str, rules: RepairRules) -> str:
    """The text without the pinyin glosses a converted page put after its characters."""
    if "(" not in text and "（" not in text:
        return text
    return remove_positions(text, [i for start, end in pinyin_glosses(text, rules) for i in range(start, end)])[0]


def _stacked_headings(block: list[_Line], li: int, widest: int, rules: RepairRules) -> bool:
    """A title, its issuer and its date on lines of their own above the body (…统计公报 / 某区统计局 /
    2018年3月15日): the line at li and the next have no punctuation, one of them is short as a heading
    is, and both are clearly shorter than the block's longest line, which a wrapped line is not (a
    narrow column's lines are about as long as each other). `widest`: the block's longest line."""
    if li + 1 >= len(block):
        return False
    pair = [_without_glosses(line.text.strip(), rules) for line in block[li:li + 2]]
    if not any(_heading_text(text, rules) for text in pair) or any(
            c in rules.inner_punctuation or c in rules.sentence_end for text in pair for c in text):
        return False  # a title may be longer than a heading; its issuer or date is not
    return all(len(text) <= rules.heading_width_ratio * widest for text in pair)


def _numbered_heading(line: _Line, nxt: _Line, rules: RepairRules) -> bool:
    """一、综合 above the body of its section, in any layout: a numbered short line, clearly
    shorter than the line under it (a line wrapped in a narrow column is about as long)."""
    text = line.text.strip()
    return (rules.heading_enumerator.match(text) is not None and _heading_text(text, rules)
            and len(text) <= rules.heading_width_ratio * len(nxt.text.strip()))


def _continues(a: str, b: str, rules: RepairRules, a_ends: bool | None = None) -> bool:
    """Can line a (stripped on the right) run on into line b? `a_ends`: ends_sentence(a), when known."""
    if not a or not b or b[0].isspace() or (ends_sentence(a, rules) if a_ends is None else a_ends):
        return False
    return (is_content(a[-1]) or a[-1] in rules.inner_punctuation or a[-1] in rules.closing) and (
        is_content(b[0]) or b[0] in rules.opening)


def join_lines(text: str, rules: RepairRules, hard_ends: set[int] = frozenset(), tables: set[int] = frozenset()
               ) -> tuple[str, list[int], dict[str, list[int]]]:
    """Remove line breaks inside sentences; keep one "\\n" where a paragraph ends.

    Two layouts are told apart by their breaks: newspaper columns separate paragraphs by
    blank lines (every single break is a wrap), web text puts one paragraph on a line (a
    single break after sentence-final punctuation or a heading ends a paragraph; where
    most lines end a sentence, only a figure cut from its unit is a wrap). Lines
    numbered in `hard_ends` always end their paragraph, and so do the lines of a table
    (`tables`), which do not count in telling the layout: a table's cells on lines of their own
    make no page a newspaper's columns."""
    all_lines = _lines(text, rules)
    ends = hard_ends | tables | {n - 1 for n in tables}  # a table's lines, and the line before it
    if tables:
        blocks = _blocks(all_lines, ends)
        prose = _blocks([line for line in all_lines if line.number not in tables], hard_ends)
    else:
        blocks = prose = _blocks(all_lines, hard_ends)
    n_blank = max(0, len(prose) - 1)
    n_single_end = sum(1 for b in prose for a in b[:-1] if a.ends)
    column_layout = n_blank >= n_single_end and n_blank > 0
    lines = [line for b in prose for line in b]
    line_paragraphs = not column_layout and len(lines) >= rules.min_lines_for_layout and sum(
        line.ends for line in lines) >= len(lines) / 2

    out: list[str] = []
    mapping: list[int] = []
    joins: dict[str, list[int]] = {"wrap": [], "column-break": []}

    for bi, block in enumerate(blocks):
        widest = _block_width(block, rules) if len(block) > 1 and not column_layout else 0
        for li, line in enumerate(block):
            out.append(line.text)
            mapping.extend(range(line.start, line.end))
            if li + 1 < len(block):
                nxt = block[li + 1]
                joined = _wraps(block, li, column_layout, widest, rules) and (
                    not line_paragraphs or is_content_break(line.text.rstrip()[-1:] or " ")
                    or _prose_cut_in_word(line.text, nxt.text, rules)) and (
                    rules.dateline_line_open.match(nxt.text.lstrip()) is None)
                _break(out, mapping, line.end, line.text, nxt.text, joined, joins["wrap"])
        if bi + 1 < len(blocks):
            nxt_block = blocks[bi + 1]
            last = block[-1]
            joined = (_continues(last.text.rstrip(), nxt_block[0].text, rules, last.ends)
                      and not is_heading(block, rules) and not is_heading(nxt_block, rules)
                      and not _opens_numbered(nxt_block[0].text, rules) and not _caption_line(last.text, rules)
                      and not _opens_own_line(nxt_block[0].text, rules)
                      and rules.dateline_paragraph_open.match(nxt_block[0].text.lstrip()) is None
                      and last.number not in ends and nxt_block[0].number not in ends)
            _break(out, mapping, last.end, last.text, nxt_block[0].text, joined, joins["column-break"])
    if out and out[-1] == "\n":
        out.pop()
        mapping.pop()
    return "".join(out), mapping, {k: v for k, v in joins.items() if v}


def _block_width(block: list[_Line], rules: RepairRules) -> int:
    """The block's longest line, counted without pinyin glosses: once per block."""
    return max(len(_without_glosses(line.text.strip(), rules)) for line in block)


def _wraps(block: list[_Line], li: int, column_layout: bool, widest: int, rules: RepairRules) -> bool:
    """Is the single line break after block[li] a wrap inside a paragraph?"""
    line, nxt = block[li], block[li + 1]
    if nxt.text[0].isspace():
        return False  # an indented line opens a paragraph
    starts_paragraph = li == 0 or block[li - 1].ends
    if starts_paragraph and _numbered_heading(line, nxt, rules):
        return False  # 一、综合 heads its section's text
    if _caption_line(line.text, rules) or _opens_own_line(nxt.text, rules):
        return False  # 来源：某某日报 / 图为…记者 某某 摄: a source line or a caption is a line of its own
    if column_layout:
        return True  # paragraphs are separated by blank lines: every single break is a wrap
    if li and _stacked_headings(block, li - 1, widest, rules):
        starts_paragraph = True  # the line under a stack of heading lines opens its paragraph
    if starts_paragraph and _stacked_headings(block, li, widest, rules):
        return False  # a title and its issuer: only where a paragraph starts, never inside a wrapped one
    if starts_paragraph and _heads_paragraph(line, nxt, rules):
        return False
    return _continues(line.text.rstrip(), nxt.text, rules, line.ends)


def _heads_paragraph(line: _Line, nxt: _Line, rules: RepairRules) -> bool:
    """In one-paragraph-per-line text: a short line without punctuation, ending in an
    ideograph, above a full-length line, is a heading (a wrapped line is followed by
    another short piece, or ends in a digit or letter cut off from its unit)."""
    text = line.text.strip()
    return (is_heading([line], rules) and not is_content_break(text[-1])
            and len(nxt.text.strip()) > rules.heading_max_chars)


def _caption_line(line: str, rules: RepairRules) -> bool:
    """A source line, a photo caption or a breadcrumb: opens as caption_line_open says (来源：…, 图为…),
    ends as caption_line_end says (…记者 某某 摄) or with a web address (address_line_end), or is a
    page's breadcrumb (menu_line); not prose
    holding the words (来源于, 摄|入量, 当前位置)."""
    text = line.strip()
    return _source_or_menu(text, rules) or text.endswith(rules.caption_endings) and rules.caption_line_end.search(
        text) is not None or text[-1:].isascii() and rules.address_line_end.search(text) is not None


def _opens_own_line(line: str, rules: RepairRules) -> bool:
    """A source line, a caption, a breadcrumb or a footer's field (主办单位：…) opens the line: never the end of
    the one before (a footer's value may still wrap onto the next line)."""
    text = line.lstrip()
    return _source_or_menu(text, rules) or rules.footer_line_open.match(text) is not None


def _source_or_menu(text: str, rules: RepairRules) -> bool:
    """来源：…, 图为…, 首页 > …: the cheap tests first, asked of every line break."""
    return rules.caption_line_open.match(text) is not None or rules.menu_line_hints.search(text) is not None and \
        rules.menu_line.search(text) is not None


def _opens_numbered(line: str, rules: RepairRules) -> bool:
    """（一）县域经济…, 2. 工业: a numbered section opens the line (1.2亿元 is a number)."""
    text = line.strip()
    numbered = rules.heading_enumerator.match(text)
    return numbered is not None and not text[numbered.end():numbered.end() + 1].isdigit()


def _prose_cut_in_word(line: str, nxt: str, rules: RepairRules) -> bool:
    """In one-paragraph-per-line text: a prose line (a comma in it) that ends on an ideograph
    was cut inside a word (…其中国家级科技 / 企业孵化器2个), unlike a heading, a caption or a
    byline: a short line above a long one is a subheading (稳中求进，工业经济持续向好 / 今年以来，…),
    a numbered line is a heading however long (（一）从供给侧看，…显著), and so is the one above
    a numbered line."""
    text, following = line.strip(), nxt.strip()
    last = text[-1:]
    if not last or not last.isalpha() or last.isascii() or not any(c in rules.prose_marks for c in text):
        return False
    if len(text) <= rules.heading_max_chars < len(following):
        return False
    if any(word in text for word in rules.caption_words) or text.endswith(rules.caption_endings):
        return False
    return not _opens_numbered(line, rules) and not _opens_numbered(nxt, rules)


def is_content_break(c: str) -> bool:
    """A digit or Latin letter at a line end: a figure or word cut by the wrap."""
    return c.isdigit() or (c.isascii() and c.isalpha())


def _blocks(lines: list[_Line], hard_ends: set[int]) -> list[list[_Line]]:
    """Runs of non-blank lines; blank (or white-space only) lines and hard ends separate them."""
    blocks: list[list[_Line]] = []
    closed = True
    for line in lines:
        if not line.text.strip():
            closed = True
            continue
        if closed:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        closed = line.number in hard_ends
    return blocks


def _break(out: list[str], mapping: list[int], newline_at: int, a: str, b: str, joined: bool,
           log: list[int]) -> None:
    """Emit the separator between two lines: nothing (joined), a space between two Latin
    words, or a paragraph break."""
    if not joined:
        out.append("\n")
        mapping.append(newline_at)
        return
    log.append(newline_at)
    if _ascii_word(a[-1:]) and _ascii_word(b[:1]):  # a Latin letter ends a (so no white space does)
        out.append(" ")
        mapping.append(newline_at)


# -- pass 3: doubled glyphs ----------------------------------------------------------------
def _has_ideograph(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in s)


def _doubled_run_pattern(min_run: int, max_run: int) -> re.Pattern[str]:
    """X X with X of min_run to max_run characters, longest X first at each point."""
    return re.compile(f"(\\S.{{{min_run - 1},{max_run - 1}}})\\1")


def doubled_runs_by_line(text: str, rules: RepairRules) -> dict[int, list[tuple[int, int]]]:
    """Start of a line -> (start in the line, length) of each run X immediately repeated
    (X X) that holds an ideograph. One scan of the whole text: a run never crosses a line
    break, so these are the runs a scan of each line would find."""
    runs: dict[int, list[tuple[int, int]]] = {}
    line_start = 0
    for m in rules.doubled_run.finditer(text):
        if not _has_ideograph(m.group(1)) or _repeated_list_item(m.group(1), rules) or _shared_by_list_items(
                text, m, rules):
            continue
        line_start = text.rfind("\n", line_start, m.start()) + 1 or line_start
        runs.setdefault(line_start, []).append((m.start() - line_start, len(m.group(1))))
    return runs


def _repeated_list_item(run: str, rules: RepairRules) -> bool:
    """个、3 twice in 上升5个、3个、3个位次, 家、三 in 三家、三家、一家: equal figures listed."""
    return len(run) <= rules.doubled_list_item_max and not rules.doubled_list_separators.isdisjoint(run) and any(
        c.isdigit() or c in rules.doubled_list_numerals for c in run)


def _shared_by_list_items(text: str, m: re.Match[str], rules: RepairRules) -> bool:
    """阳县、泗 twice in 沭阳县、泗阳县、泗洪县: names listed that share characters, glued to ideographs on
    both sides; a line printed twice repeats whole words (张三、李四张三、李四) from a boundary."""
    run = m.group(1)
    return not rules.doubled_list_separators.isdisjoint(run) and m.start() > 0 and m.end() < len(text) and \
        _has_ideograph(text[m.start() - 1]) and _has_ideograph(text[m.end()]) and \
        _has_ideograph(run[0]) and _has_ideograph(run[-1])


def _doubled_word(word: str) -> bool:
    return len(word) >= 2 and len(word) % 2 == 0 and all(word[k] == word[k + 1] for k in range(0, len(word), 2))


def collapse_doubled(text: str, rules: RepairRules) -> tuple[str, list[int], list[tuple[str, str, int]]]:
    """Double-printed lines read once; (text, map to the input, (line, line read once, its start))."""
    runs_by_line = doubled_runs_by_line(text, rules)
    if not runs_by_line:
        return text, list(range(len(text))), []  # the common case: nothing printed twice
    dropped: list[int] = []
    collapsed: list[tuple[str, str, int]] = []
    for line_start, runs in runs_by_line.items():
        line_end = text.find("\n", line_start)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if len(line) > rules.doubled_max_line:
            continue
        drop = _doubled_glyphs(line, runs)
        dropped.extend(line_start + k for k in sorted(drop))
        after = "".join(c for k, c in enumerate(line) if k not in drop)
        collapsed.append((line.strip(), after.strip(), line_start))
    kept = _kept_ranges(len(text), dropped)
    return "".join(text[a:b] for a, b in kept), list(chain.from_iterable(range(a, b) for a, b in kept)), collapsed


def _doubled_glyphs(line: str, runs: list[tuple[int, int]]) -> set[int]:
    """Positions in a double-printed line to drop: the second copy of each run, and the
    second glyph of each doubled word outside the runs."""
    drop: set[int] = set()
    covered = [False] * len(line)
    for start, length in runs:
        drop.update(range(start + length, start + 2 * length))
        for k in range(start, start + 2 * length):
            covered[k] = True
    return drop | _doubled_glyphs_outside(line, covered)


def _kept_ranges(length: int, dropped: list[int]) -> list[tuple[int, int]]:
    """The ranges of [0, length) between the dropped positions (sorted)."""
    ranges, start = [], 0
    for i in dropped:
        if i > start:
            ranges.append((start, i))
        start = i + 1
    if start < length:
        ranges.append((start, length))
    return ranges


def _doubled_glyphs_outside(line: str, covered: list[bool]) -> set[int]:
    """In a double-printed line, words outside the doubled runs whose every glyph is doubled
    (马马 艾艾, ：：): the second glyph of each pair."""
    drop: set[int] = set()
    k, n = 0, len(line)
    while k < n:
        if covered[k] or line[k].isspace():
            k += 1
            continue
        start = k
        while k < n and not covered[k] and not line[k].isspace():
            k += 1
        if _doubled_word(line[start:k]):
            drop.update(range(start + 1, k, 2))
    return drop


# -- warnings ------------------------------------------------------------------------------
def _raw_line_finder(raw: str) -> Callable[[int], int]:
    """pos -> its 1-based raw line number; the line starts are found on first use (most
    articles need no warning that names a line)."""
    newlines: list[int] = []

    def line_of(pos: int) -> int:
        if not newlines:
            newlines.extend(m.start() for m in re.finditer("\n", raw))
            newlines.append(len(raw))  # a sentinel: the list is never empty once built
        return bisect_right(newlines, pos - 1) + 1

    return line_of


def _line_numbers(raw: str, positions: list[int]) -> list[int]:
    """The distinct 1-based raw line numbers of the sorted positions, in order: one count of
    line breaks from each position to the next (a page may join thousands of wrapped lines)."""
    numbers: list[int] = []
    line, previous = 1, 0
    for pos in positions:
        line += raw.count("\n", previous, pos)
        previous = pos
        if not numbers or numbers[-1] != line:
            numbers.append(line)
    return numbers


def _compact(numbers: list[int], limit: int = 30) -> str:
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f", ... {len(numbers) - limit} more" if len(numbers) > limit else "")


# -- pass 4: letter spacing and pinyin glosses ----------------------------------------------------------------
def _letter_spacing_pattern(rules: dict) -> re.Pattern[str]:
    """At least min_letters ideographs, each inner one standing alone between gaps of at most
    max_gap spaces (研 发 投 入; the first and the last may be part of a word: 助力泳 锋 新 材 料).
    Words set apart by spaces (江苏省 昆山市, 记者 张 三, 综 合 初步核算) are no letter spacing."""
    letter, gap = f"[{rules['letters']}]", f"[{rules['spaces']}]{{1,{int(rules['max_gap'])}}}"
    inner = int(rules["min_letters"]) - 2
    return re.compile(f"{letter}(?:{gap}{letter}(?={gap}{letter})){{{inner},}}{gap}{letter}")


def _spaced_cell_pattern(rules: dict) -> re.Pattern[str]:
    """A whole line of cell_min_letters or more single ideographs apart by gaps of at most
    cell_max_gap spaces: a table cell padded to its column's width (海 口 市, 洋  浦). Only the
    whole line: a name padded in a cell stands alone, while two words on a line (海口 三亚) or
    single letters inside prose (字体：大 中 小) are no such cell. Group 1 is the name."""
    letter = f"[{rules['letters']}]"
    gap, edge = f"[{rules['spaces']}]{{1,{int(rules['cell_max_gap'])}}}", f"[{rules['spaces']}]*"
    more = int(rules["cell_min_letters"]) - 1
    return re.compile(f"^{edge}({letter}(?:{gap}{letter}){{{more},}}){edge}$", re.MULTILINE)


def letter_spacing(text: str, rules: RepairRules) -> list[int]:
    """Where the spaces inside letter-spaced runs and letter-spaced table cells stand."""
    spans = [m.span() for m in rules.letter_spacing.finditer(text)]
    spans += [m.span(1) for m in rules.spaced_cell.finditer(text)]
    return sorted({i for start, end in spans for i in range(start, end) if text[i].isspace()})


def _pinyin_gloss_pattern(rules: dict) -> re.Pattern[str]:
    """A bracketed pinyin syllable with one tone mark right after an ideograph: 地區(qū), 集團（tuán）.
    Letters that make no syllable (咖啡(café)) or carry no tone mark ((GDP), (ai)) stay."""
    tones, vowels = rules["tone_marks"], rules["vowels"]
    initials, codas = "|".join(rules["initials"]), "|".join(rules["codas"])
    return re.compile(f"(?<=[{rules['after']}])[(（](?=[^{tones})）]*[{tones}][^{tones})）]*[)）])"
                      f"(?:{initials})?[{vowels}]{{1,3}}(?:{codas})?[)）]")


def pinyin_glosses(text: str, rules: RepairRules) -> list[tuple[int, int]]:
    """The spans of the pinyin readings a converted page put after characters."""
    return [match.span() for match in rules.pinyin_gloss.finditer(text)]


def spaced_decimals(text: str, rules: RepairRules) -> list[int]:
    """Where the spaces printed after decimal points inside numbers stand (8. 4亿元); the Scanner
    skips a text without a point."""
    return [match.start(1) for match in rules.spaced_decimal.finditer(text)]


def remove_positions(text: str, positions: list[int]) -> tuple[str, list[int]]:
    """The text without the characters at `positions`, and its map ([] when nothing is removed:
    the map is the identity)."""
    if not positions:
        return text, []
    drop = set(positions)
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), kept
