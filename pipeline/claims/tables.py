"""District claims of flattened tables (text/tables.py): a row whose label is one
county-level district gives it each number of the row, measured as the column says; in a
district's own bulletin or report, a table whose rows name no place (户籍人口 / 684698 under
年末数(人)) gives the district each row's numbers, measured as the row says.

The metric is the indicator the column's name gives (地区生产总值(亿元)), else the one the
header names last above it (a group header over 总量 (亿元) and 增速 (%)), else the one the
caption names (附表：各区县地区生产总值及增速); a percent column whose name says
growth (比上年增长 (%)) is that indicator's growth rate (地区生产总值增速). A column whose
measure the indicator vocabulary (rules/indicators.yaml) does not name gives no claims: a
table of unnamed figures is no district's claim. The period is the column's (2023年) or the caption's.
"""

from __future__ import annotations

from zhfacts.claims.context import Context, _last_period, markers_in, times_within
from zhfacts.claims.metric_keys import describe, vocabulary
from zhfacts.claims.metrics import GROWTH
from zhfacts.records.build import record_id
from zhfacts.text.article import Hit
from zhfacts.text.tables import Table, table_rules

RULE = "claims.table.row"
HOW = "sentence"  # the row is the label's own sentence: its district is named with its figures
INDICATOR_RULE = "claims.table.indicator"
INDICATOR_HOW = "section"  # the document's district, as for its sentences (claims.document)


def is_table_cell(quantity: Hit) -> bool:
    return quantity.get("table_cell") is not None


def table_claims(ctx: Context) -> list[Hit]:
    """The claims of every table cell in a district's row."""
    claims: list[Hit] = []
    for quantity in ctx.quantities:
        cell = quantity.get("table_cell")
        if cell is not None:
            claims.extend(_cell_claims(ctx, quantity, *cell))
    return claims


def _cell_claims(ctx: Context, quantity: Hit, table: Table, row: int, column: int) -> list[Hit]:
    label = table.rows[row][0]
    districts = [m.district for m in markers_in(ctx, *label) if m.kind == "district" and m.district is not None]
    rule, how = RULE, HOW
    if not districts and ctx.document_subject is not None and indicator_table(ctx, table):
        districts, rule, how = [ctx.document_subject], INDICATOR_RULE, INDICATOR_HOW
        metric = row_metric(ctx, table, row, column, quantity.get("kind"))
    elif len(districts) == 1:
        metric = column_metric(ctx, table, column, quantity.get("kind"))
    else:
        return []
    if metric is None:
        return []
    figure = {k: quantity.get(k) for k in ("value", "value_min", "value_max", "approx", "unit")}
    name = table.columns[column].name
    figure["period"] = ((_last_period(ctx, *name) if name else None)  # a column named by its year
                        or (_last_period(ctx, *table.caption) if table.caption else None))
    figure["modality"] = _modality(ctx, table, name)
    surface = ctx.text[quantity.start:quantity.end]
    key = describe(metric, {"kind": quantity.get("kind"), "unit": quantity.get("unit")}, surface, metric, metric).key
    district = districts[0]
    return [Hit(quantity.start, quantity.end, rule, {
        "district": district.get("canonical"),
        "adcode": district.get("adcode"),
        "metric": metric,
        "metric_key": key,
        **figure,
        "quantity_id": record_id(ctx.article, quantity, "quantities"),
        "attribution": how,
        "speaker": None,
        "confidence": ctx.rules.confidence[how],
        "key": district.get("canonical"),
        "sentence_start": label[0],
    })]


def indicator_table(ctx: Context, table: Table) -> bool:
    """A table of the district's own indicators, one row each: one measure column, a rate or share beside it at
    most (年末数(人) | 比重(%)), no place in the header (汉阴县(亿元) | 全市(亿元)), no row naming a place, a body,
    a township, a project or a time (甲区, 某镇, 某产业园, 2020年, 一季度: the rows are those, or years of a series)."""
    units = [column.unit for column in table.columns]
    if len(units) > 2 or units.count("%") != len(units) - 1:
        return False
    if markers_in(ctx, *table.header):
        return False  # 汉阴县(亿元) | 全市(亿元): the columns are places (the caption may name the district)
    endings = ctx.rules.table_place_endings
    for label, _ in table.rows:
        text = ctx.text[label[0]:label[1]].rstrip()
        if markers_in(ctx, *label) or text.endswith(endings) or times_within(ctx, *label):
            return False
    return True


def row_metric(ctx: Context, table: Table, row: int, column: int, kind: str | None) -> str | None:
    """What a row of the district's own indicators measures: its label (其中:男性 -> 男性), with a rate
    column's name (比重, 比上年增长 -> 增速) after it; a column of neither level nor named rate gives none."""
    start, end = table.rows[row][0]
    label = table_rules().label_prefix.sub("", ctx.text[start:end], count=1).strip()
    level = next((c for c in table.columns if c.unit != "%"), None)  # the table's one measure column
    measure = label + _measure_name(ctx, level.name if level else None)
    col = table.columns[column]
    name = ctx.text[col.name[0]:col.name[1]].strip() if col.name else ""
    if kind != "percent":  # 农林牧渔业 under 增加值(亿元): 农林牧渔业增加值; 户籍人口 under 年末数(人): 户籍人口
        return measure
    if vocabulary().growth.search(name):
        return measure + GROWTH  # 比上年增长(%): 农林牧渔业增加值增速
    return label + name if name else None  # 比重(%): 男性比重


def _measure_name(ctx: Context, name: tuple[int, int] | None) -> str:
    """A measure column's name after a row's label: none where it only says how it counts (年末数)."""
    text = ctx.text[name[0]:name[1]].strip() if name else ""
    return "" if text in ctx.rules.table_count_columns else text


def column_metric(ctx: Context, table: Table, column: int, kind: str | None) -> str | None:
    """The column's indicator as written (地区生产总值), with 增速 for a growth rate column."""
    vocab = vocabulary()
    col = table.columns[column]
    name = ctx.text[col.name[0]:col.name[1]] if col.name else ""
    anchor = col.name[1] if col.name else col.unit_cell[1]
    above = ctx.text[table.header[0]:max(table.header[0], anchor)]  # 地区生产总值 over 总量 (亿元)
    caption = ctx.text[table.caption[0]:table.caption[1]] if table.caption else ""
    indicator = _named(name) or _last_named(above) or _named(caption, only=True)
    if indicator is None:
        return None
    if vocab.growth.search(name) and kind != "percent":
        return None  # 比上年增长 (家): an increase, not the level the indicator names
    if kind == "percent" and vocab.growth.search(name) and not indicator.endswith(GROWTH):
        return indicator + GROWTH
    if kind == "percent" and not vocab.growth.search(name) and not _named(name):
        return None  # a share or a rate the column does not name
    return indicator


def _modality(ctx: Context, table: Table, name: tuple[int, int] | None) -> str:
    """target or forecast when the caption or the column's name says so (2025年目标 (亿元)), else actual."""
    texts = [ctx.text[span[0]:span[1]] for span in (table.caption, name) if span]
    rules = ctx.rules
    cues = [m for text in texts for m in rules.modality_cues.finditer(rules.not_cues.sub("", text))]
    return (cues[-1].lastgroup or "actual") if cues else "actual"


def _last_named(text: str) -> str | None:
    """The indicator named last in the text (a group header over its columns), as written."""
    names = [m.group() for m in vocabulary().any_alias.finditer(text)]
    return names[-1] if names else None


def _named(text: str, only: bool = False) -> str | None:
    """The indicator the text names, as written (with `only`: None when it names two)."""
    vocab = vocabulary()
    by_label: dict[str, str] = {}
    for m in vocab.any_alias.finditer(text):
        label = vocab.by_alias[m.group()].label
        by_label[label] = max(by_label.get(label, ""), m.group(), key=len)
    if not by_label or (only and len(by_label) > 1):
        return None
    return max(by_label.values(), key=len)
