"""Flattened tables: a statistics table a web page's copy turned into one cell per line.

A caption (附表：2023年各区县地区生产总值), header cells of which some give their column's unit
in brackets (绝对数 / (亿元) / 比上年增长 / (%)), then row-major cells: a row label (a
district, a city, a region) and one bare number per unit column. `find_tables` reads that
structure; repair (text/repair.py) keeps a table's cells on their own lines (`table_lines`),
quantities (extract/quantities.py) give each number its column's unit, claims
(claims/tables.py) give a district row's numbers to the district. What
makes a table is data in rules/tables.yaml. Only the whole structure is read: a number alone
on a line elsewhere (a page counter, a part of a date) is no cell.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from zhfacts.rules import load_yaml, require, rules_cache

RULES_FILE = "tables.yaml"
Span = tuple[int, int]


@dataclass(frozen=True)
class TableRules:
    id: str
    unit_cell: re.Pattern[str]
    percent_cell: re.Pattern[str]  # 比上年增长%: a name and % without brackets
    number_cell: re.Pattern[str]
    empty_cell: re.Pattern[str]  # — or / where a table has no figure: a cell without a number
    label_prefix: re.Pattern[str]  # 其中：before a sub-row's label
    caption_stops: frozenset[str]  # a line with one of these is prose, no caption
    label_max_chars: int
    label_stops: frozenset[str]
    year_label: re.Pattern[str]  # 2023年: a label with digits (a column or row named by it)
    serial_headers: frozenset[str]  # 序号, 排名: a first column of row numbers 1, 2, 3 ...
    min_rows: int
    max_header_lines: int
    max_caption_chars: int
    units_line: re.Pattern[str]  # 单位：亿元，%: the columns' units in order, or one for them all
    unit_word: re.Pattern[str]  # one unit of a units line, between its separators
    not_shared: frozenset[str]  # a column name with one of these has no shared unit (增速 is no 亿元)
    hint: re.Pattern[str]  # a text without a match has no table
    pipe_cell: re.Pattern[str]  # a cell of a row set apart by pipes, white space trimmed
    clause_marks: frozenset[str]  # label_stops but the digits: what no pipe row's label holds
    continued_label_max_chars: int  # a label between a table's rows may be this long and hold a figure


@rules_cache
def table_rules() -> TableRules:
    data = load_yaml(RULES_FILE)
    return TableRules(
        id=str(require(data, "id", RULES_FILE)),
        unit_cell=re.compile(require(data, "unit_cell", RULES_FILE)),
        percent_cell=re.compile(require(data, "percent_cell", RULES_FILE)),
        number_cell=re.compile(require(data, "number_cell", RULES_FILE)),
        empty_cell=re.compile(require(data, "empty_cell", RULES_FILE)),
        label_prefix=re.compile(require(data, "label_prefix", RULES_FILE)),
        caption_stops=frozenset(require(data, "caption_stops", RULES_FILE)),
        label_max_chars=int(require(data, "label_max_chars", RULES_FILE)),
        label_stops=frozenset(require(data, "label_stops", RULES_FILE)),
        year_label=re.compile(require(data, "year_label", RULES_FILE)),
        serial_headers=frozenset(require(data, "serial_headers", RULES_FILE)),
        min_rows=int(require(data, "min_rows", RULES_FILE)),
        max_header_lines=int(require(data, "max_header_lines", RULES_FILE)),
        max_caption_chars=int(require(data, "max_caption_chars", RULES_FILE)),
        units_line=re.compile(require(data, "units_line", RULES_FILE)),
        unit_word=re.compile(f"[^{re.escape(require(data, 'unit_separators', RULES_FILE))}]+"),
        not_shared=frozenset(require(data, "not_shared_unit_words", RULES_FILE)),
        hint=re.compile(require(data, "hint", RULES_FILE)),
        pipe_cell=re.compile(require(data, "pipe_cell", RULES_FILE)),
        clause_marks=frozenset(require(data, "label_stops", RULES_FILE)) - frozenset("0123456789"),
        continued_label_max_chars=int(require(data, "continued_label_max_chars", RULES_FILE)),
    )


@dataclass(frozen=True)
class Column:
    unit: str  # the unit as the header prints it (亿元, %)
    unit_cell: Span
    name: Span | None  # the column's name cell (绝对数, 比上年增长), when it has one


@dataclass(frozen=True)
class Table:
    caption: Span | None  # the line above the header cells
    header: Span  # from the first header cell to the last
    columns: tuple[Column, ...]
    rows: tuple[tuple[Span, tuple[Span, ...]], ...]  # (label, one number cell per column)


@dataclass(frozen=True)
class _Line:
    span: Span  # without the white space around it
    text: str
    kind: str  # number | empty | unit | units | label | other


def find_tables(text: str) -> list[Table]:
    """Every flattened table of the text, in order (repair reads them before joining lines,
    the extractors in the repaired text)."""
    rules = table_rules()
    if rules.hint.search(text) is None or not _has_cell(text, rules):
        return []
    lines = _lines(text, rules)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        table, end = _table_at(lines, i, rules)
        if table is not None:
            tables.append(table)
        i = max(end, i + 1)  # rows that make no table are passed whole: linear in the lines
    return tables


def table_lines(text: str) -> set[int]:
    """The numbers (0-based) of the lines a table spans, from its caption to its last cell: repair
    joins none of them to the next (a table copied without blank lines between its cells reads
    as wrapped lines otherwise)."""
    tables = find_tables(text)
    if not tables:
        return set()
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: set[int] = set()
    for table in tables:
        first = bisect_right(starts, (table.caption or table.header)[0]) - 1
        last = bisect_right(starts, table.rows[-1][1][-1][0]) - 1
        out.update(range(first, last + 1))
    return out


def _has_cell(text: str, rules: TableRules) -> bool:
    """Does a line (or a pipe row's cell) hold nothing but a number or an empty cell? A table's rows need one: most
    pages the hint lets through have none, and are spared reading every line's kind."""
    for line in text.split("\n"):
        for cell in line.split("|") if "|" in line else (line,):
            stripped = cell.strip()
            if stripped and (rules.number_cell.match(stripped) or rules.empty_cell.match(stripped)):
                return True
    return False


def _lines(text: str, rules: TableRules) -> list[_Line]:
    """The text's non-blank lines, each with its kind; a row of cells a page's copy set apart by
    pipes (指标 | 年末人口(万人) | 比重(%) |) gives one line per cell, as if each stood on its own."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if "|" in m.group():
            _add_pipe_cells(text, m.start(), m.end(), rules, out)
            continue
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped)
            out.append(_Line((start, start + len(stripped)), stripped, _kind(stripped, rules)))
    return out


def _add_pipe_cells(text: str, start: int, end: int, rules: TableRules, out: list[_Line]) -> None:
    """Add the cells of a line with pipes to out (none for a border line ||, one for 4491 |). A row's
    first cell is its label by its place, so it may hold a figure (0-17岁, 60岁以上)."""
    cells = [(c.start(), c.end()) for c in rules.pipe_cell.finditer(text, start, end)]  # none in a border ||
    for n, (cell_start, cell_end) in enumerate(cells):
        cell = text[cell_start:cell_end]
        kind = _kind(cell, rules)
        if n == 0 and len(cells) > 1 and kind == "other" and _row_label(cell, rules):
            kind = "label"  # a row's first cell, by its place (4491 | alone on its line is one cell)
        out.append(_Line((cell_start, cell_end), cell, kind))


def _row_label(cell: str, rules: TableRules, max_chars: int | None = None) -> bool:
    """A row's label by its place (a pipe row's first cell, a line between a table's rows): short, with an
    ideograph, no clause punctuation; it may hold a figure (0-15岁(含不满16周岁))."""
    cell = rules.label_prefix.sub("", cell, count=1)
    return (len(cell) <= (max_chars or rules.label_max_chars) and not rules.clause_marks.intersection(cell)
            and any("\u3400" <= c <= "\u9fff" for c in cell))


CELLS = ("number", "empty")  # what a row holds after its label


def _kind(line: str, rules: TableRules) -> str:
    if rules.number_cell.match(line):
        return "number"
    if rules.empty_cell.match(line):
        return "empty"
    if rules.units_line.match(line):
        return "units"
    if rules.unit_cell.match(line) or rules.percent_cell.match(line):
        return "unit"
    if rules.year_label.match(line):
        return "label"
    line = rules.label_prefix.sub("", line, count=1)
    if (len(line) <= rules.label_max_chars and not rules.label_stops.intersection(line)
            and any("\u3400" <= c <= "\u9fff" for c in line)):
        return "label"
    return "other"


def _row_width(lines: list[_Line], i: int, rules: TableRules | None = None) -> int:
    """How many number cells follow the label at i (0 when i is no label). With rules, between a table's
    rows, a longer line with a figure is a label too (其中:0-15岁(含不满16周岁) above its numbers)."""
    if lines[i].kind != "label" and not (rules and lines[i].kind == "other"
                                         and _row_label(lines[i].text, rules, rules.continued_label_max_chars)):
        return 0
    width = 0
    while i + 1 + width < len(lines) and lines[i + 1 + width].kind in CELLS:
        width += 1
    return width


def _table_at(lines: list[_Line], first: int, rules: TableRules) -> tuple[Table | None, int]:
    """The table whose first row's label is line `first` (or None), and the line after its rows."""
    width = _row_width(lines, first)
    if width == 0:
        return None, first
    if _serial_before(lines, first, rules):
        return _serial_table_at(lines, first - 1, width - 1, rules)
    rows = []
    i = first
    while i < len(lines) and _row_width(lines, i, rules) == width:
        rows.append((lines[i].span, tuple(line.span for line in lines[i + 1:i + 1 + width])))
        i += 1 + width
    return _with_header(lines, first, width, rows, i, rules)


def _serial_before(lines: list[_Line], first: int, rules: TableRules) -> bool:
    """Is the number above the label at `first` a row number 1, under a 序号 or 排名 header?"""
    if first < 2 or lines[first - 1].text != "1":
        return False
    header = _header(lines, first - 1, rules)
    return bool(header) and lines[header[0]].text in rules.serial_headers


def _serial_table_at(lines: list[_Line], first: int, width: int, rules: TableRules) -> tuple[Table | None, int]:
    """Rows of a row number 1, 2, 3 ..., a label and `width` numbers, from line `first`. The row
    numbers are no figures of the rows: only the rest is read."""
    rows = []
    i = first
    while (width > 0 and i + 1 + width < len(lines) and lines[i].text == str(len(rows) + 1)
           and lines[i + 1].kind == "label"
           and all(line.kind in CELLS for line in lines[i + 2:i + 2 + width])
           and (i + 2 + width == len(lines) or lines[i + 2 + width].kind not in CELLS
                or lines[i + 2 + width].text == str(len(rows) + 2))):
        rows.append((lines[i + 1].span, tuple(line.span for line in lines[i + 2:i + 2 + width])))
        i += 2 + width
    return _with_header(lines, first, width, rows, i, rules)


def _with_header(lines: list[_Line], first: int, width: int, rows: list[tuple[Span, tuple[Span, ...]]],
                 end: int, rules: TableRules) -> tuple[Table | None, int]:
    """The table of `rows` under the header cells above line `first`, or None (too few rows,
    no header with a unit for every column); and the line after the rows."""
    if len(rows) < rules.min_rows:
        return None, end
    header = _header(lines, first, rules)
    columns = _columns(lines, header, width, rules)
    if columns is None:
        return None, end
    caption_at = header[0] - 1
    caption = lines[caption_at] if caption_at >= 0 else None
    fits = (caption is not None and len(caption.text) <= rules.max_caption_chars and caption.kind not in CELLS
            and not rules.caption_stops.intersection(caption.text))
    table = Table(caption.span if fits and caption else None,
                  (lines[header[0]].span[0], lines[header[-1]].span[1]), columns, tuple(rows))
    return table, end


def _header(lines: list[_Line], first: int, rules: TableRules) -> list[int]:
    """The header cells above the first row: label and unit lines, at most max_header_lines."""
    i = first
    while i > 0 and first - i < rules.max_header_lines and lines[i - 1].kind in ("label", "unit", "units"):
        i -= 1
    return list(range(i, first))


def _columns(lines: list[_Line], header: list[int], width: int, rules: TableRules) -> tuple[Column, ...] | None:
    """One column per unit cell of the header, or per column name under a units line (单位：亿元);
    None unless there are as many as numbers in a row."""
    units = [i for i in header if lines[i].kind == "unit"]
    shared = [i for i in header if lines[i].kind == "units"]
    if not units and len(shared) == 1:
        return _columns_under_units_line(lines, header, shared[0], width, rules)
    if len(units) != width or shared:
        return None
    named = set()
    columns = []
    for i in units:
        line = lines[i]
        m = rules.unit_cell.match(line.text) or rules.percent_cell.match(line.text)
        assert m is not None
        start = line.span[0]
        name: Span | None = None
        if m["name"]:
            name = (start + m.start("name"), start + m.start("name") + len(m["name"].rstrip()))
        elif i - 1 in header and lines[i - 1].kind == "label" and i - 1 not in named:
            name = lines[i - 1].span  # 绝对数 above (亿元)
            named.add(i - 1)
        unit_start = start + m.start("unit")
        columns.append(Column(m["unit"], (unit_start, unit_start + len(m["unit"])), name))
    return tuple(columns)


def _columns_under_units_line(lines: list[_Line], header: list[int], units_at: int, width: int,
                              rules: TableRules) -> tuple[Column, ...] | None:
    """单位：亿元，% above or among the header: the column names are the header's last `width`
    labels (a label before them titles the rows); the units go to the columns in order, or
    one unit to every column unless a column's name says it is a rate (增速 is no 亿元)."""
    line = lines[units_at]
    m = rules.units_line.match(line.text)
    assert m is not None
    start = line.span[0] + m.start("units")
    units = [(u.group(), (start + u.start(), start + u.end()))
             for u in rules.unit_word.finditer(m["units"])]
    names = [i for i in header if lines[i].kind == "label" and i != units_at]
    if len(names) < width or not units:
        return None
    names = names[-width:]
    if len(units) == 1:
        if width > 1 and any(w in lines[i].text for i in names for w in rules.not_shared):
            return None
        units = units * width
    if len(units) != width:
        return None
    return tuple(Column(unit, span, lines[i].span) for (unit, span), i in zip(units, names, strict=True))
