"""Flattened tables: one cell per line, numbers in their column's unit, district rows as claims."""

from __future__ import annotations

import pytest

import zhfacts
from zhfacts.text.tables import find_tables


def cells(*lines: str, gap: str = "\n\n") -> str:
    """A table as a web page's copy gives it: one cell per line, blank lines between."""
    return gap.join(lines)


HEADER = ("附表：2023年前三季度各区县地区生产总值", "区  县", "总量", "（亿元）", "同比增长", "（%）")
ROWS = ("渝西地区", "2310.56", "5.9", "潼 南 区", "455.12", "6.4", "铜梁区", "512.80", "-1.2",
        "荣 昌 区", "601.33", "7.0")
TABLE = cells(*HEADER, *ROWS, "来源：某市统计局")


def _run(raw: str) -> zhfacts.Extraction:
    result = zhfacts.extract_text(raw, pub_date="2024-01-01")
    for table in ("quantities", "places", "claims"):
        for row in result.records(table):
            assert "".join(raw[row["start"]:row["end"]].split()) == "".join(row["text"].split())
    return result


def _quantities(raw: str) -> list[tuple[str, float, str]]:
    return [(q["text"], q["value"], q["unit"]) for q in _run(raw).records("quantities")]


def test_a_flattened_table_gives_each_number_its_columns_unit() -> None:
    assert _quantities(TABLE) == [
        ("2310.56", 231056000000.0, "CNY"), ("5.9", 5.9, "%"),
        ("455.12", 45512000000.0, "CNY"), ("6.4", 6.4, "%"),
        ("512.80", 51280000000.0, "CNY"), ("-1.2", -1.2, "%"),
        ("601.33", 60133000000.0, "CNY"), ("7.0", 7.0, "%"),
    ]
    assert {q["rule"] for q in _run(TABLE).records("quantities")} == {"quantity.table.column_unit"}


def test_a_district_rows_numbers_are_its_claims_measured_as_the_caption_and_header_say() -> None:
    claims = [(c["text"], c["district"], c["metric"], c["metric_key"], c["value"], c["period"], c["rule"])
              for c in _run(TABLE).records("claims")]
    period = "2023-01..2023-09"
    assert claims == [  # 渝西地区 is a region, no district
        ("455.12", "潼南区", "地区生产总值", "地区生产总值", 45512000000.0, period, "claims.table.row"),
        ("6.4", "潼南区", "地区生产总值增速", "地区生产总值增速", 6.4, period, "claims.table.row"),
        ("512.80", "铜梁区", "地区生产总值", "地区生产总值", 51280000000.0, period, "claims.table.row"),
        ("-1.2", "铜梁区", "地区生产总值增速", "地区生产总值增速", -1.2, period, "claims.table.row"),
        ("601.33", "荣昌区", "地区生产总值", "地区生产总值", 60133000000.0, period, "claims.table.row"),
        ("7.0", "荣昌区", "地区生产总值增速", "地区生产总值增速", 7.0, period, "claims.table.row"),
    ]


def test_a_table_without_blank_lines_keeps_its_cells_apart() -> None:
    raw = cells("某区县经济数据如下", *HEADER, *ROWS, "来源：某市统计局", gap="\n")
    assert _quantities(raw) == _quantities(TABLE)
    assert len(_run(raw).records("claims")) == 6
    text = zhfacts.extract_text(raw).records("quantities")[0]["sentence"]
    assert text == "2310.56"  # no cell joined to the next as a wrapped line


def test_wrapped_prose_around_a_table_is_still_joined() -> None:
    from zhfacts.text.repair import repair
    raw = cells("某区今年新增规上工业\n企业12家。", *HEADER, *ROWS, gap="\n\n")
    assert repair(raw).text.startswith("某区今年新增规上工业企业12家。\n附表")


def test_a_table_does_not_change_how_the_prose_around_it_is_laid_out() -> None:
    from zhfacts.text.repair import repair
    prose = "经济运行\n上半年，某区实现地区生产总值210亿元。\n工业生产\n规上工业增加值增长6.1%。"
    table = cells(*HEADER, *ROWS, gap="\n")
    assert repair(prose + "\n" + table).text.startswith(repair(prose).text + "\n" + HEADER[0] + "\n区县\n")


def test_letter_spaced_row_labels_are_places_at_their_raw_characters() -> None:
    places = [(p["text"], p["canonical"]) for p in _run(TABLE).records("places")]
    assert ("潼 南 区", "潼南区") in places and ("荣 昌 区", "荣昌区") in places


def test_a_column_named_by_its_own_header_and_a_unit_beside_its_name() -> None:
    raw = cells("各区县主要指标", "区县", "一般公共预算收入(亿元)", "规上工业增加值增长(%)",
                "潼南区", "21.5", "8.8", "铜梁区", "30.2", "9.1", "荣昌区", "25.7", "6.3")
    claims = [(c["district"], c["metric"], c["value"]) for c in _run(raw).records("claims")]
    assert claims == [("潼南区", "一般公共预算收入", 2.15e9), ("潼南区", "规上工业增加值增速", 8.8),
                      ("铜梁区", "一般公共预算收入", 3.02e9), ("铜梁区", "规上工业增加值增速", 9.1),
                      ("荣昌区", "一般公共预算收入", 2.57e9), ("荣昌区", "规上工业增加值增速", 6.3)]


def test_a_units_line_gives_the_columns_their_units_in_order() -> None:
    raw = cells("表2 2024年各区县主要指标", "单位：亿元，%", "区县", "地区生产总值", "增速",
                "潼南区", "470.3", "5.5", "铜梁区", "530.1", "6.1", "荣昌区", "622.8", "4.2", gap="\n")
    claims = [(c["district"], c["metric"], c["value"], c["period"]) for c in _run(raw).records("claims")]
    assert claims == [("潼南区", "地区生产总值", 4.703e10, "2024"), ("潼南区", "地区生产总值增速", 5.5, "2024"),
                      ("铜梁区", "地区生产总值", 5.301e10, "2024"), ("铜梁区", "地区生产总值增速", 6.1, "2024"),
                      ("荣昌区", "地区生产总值", 6.228e10, "2024"), ("荣昌区", "地区生产总值增速", 4.2, "2024")]


def test_one_unit_for_every_column_named_by_its_year() -> None:
    raw = cells("各区县一般公共预算收入", "单位：亿元", "区县", "2022年", "2023年",
                "潼南区", "20.1", "21.5", "铜梁区", "28.0", "30.2", "荣昌区", "24.4", "25.7")
    claims = [(c["district"], c["metric"], c["value"], c["period"]) for c in _run(raw).records("claims")]
    assert claims[:2] == [("潼南区", "一般公共预算收入", 2.01e9, "2022"), ("潼南区", "一般公共预算收入", 2.15e9, "2023")]
    assert len(claims) == 6


def test_a_first_column_of_row_numbers_is_passed_over() -> None:
    raw = cells("2024年各区县地区生产总值排行", "排名", "区县", "GDP（亿元）", "增速（%）",
                "1", "荣昌区", "622.8", "4.2", "2", "铜梁区", "530.1", "6.1", "3", "潼南区", "470.3", "5.5")
    assert [q["text"] for q in _run(raw).records("quantities")] == [
        "622.8", "4.2", "530.1", "6.1", "470.3", "5.5"]
    claims = [(c["district"], c["metric_key"], c["value"]) for c in _run(raw).records("claims")]
    assert claims[:2] == [("荣昌区", "地区生产总值", 6.228e10), ("荣昌区", "地区生产总值增速", 4.2)]
    assert len(claims) == 6


def test_thousands_separators_empty_cells_and_sub_rows() -> None:
    raw = cells("2024年某市各区县规模以上工业增加值", "地区", "总量(亿元)", "增长(%)", "全市", "1,204.5", "5.1",
                "其中：潼南区", "155.2", "—", "铜梁区", "1,012.80", "-1.2", "荣昌区", "201.33", "7.0", gap="\n")
    assert _quantities(raw) == [("1,204.5", 1.2045e11, "CNY"), ("5.1", 5.1, "%"), ("155.2", 1.552e10, "CNY"),
                                ("1,012.80", 1.0128e11, "CNY"), ("-1.2", -1.2, "%"), ("201.33", 2.0133e10, "CNY"),
                                ("7.0", 7.0, "%")]
    claims = [(c["district"], c["metric"], c["value"]) for c in _run(raw).records("claims")]
    assert claims[:2] == [("潼南区", "规模以上工业增加值", 1.552e10), ("铜梁区", "规模以上工业增加值", 1.0128e11)]
    assert len(claims) == 5  # 全市 is the city; 潼南区 has no growth figure (—)


def test_numbered_labels_and_short_forms_name_their_districts() -> None:
    raw = cells("2024年各区县地区生产总值", "地区", "总量(亿元)", "增长(%)",
                "1.潼南", "470.3", "5.5", "2.铜梁", "530.1", "6.1", "3.荣昌", "622.8", "4.2")
    claims = [(c["text"], c["district"], c["metric"]) for c in _run(raw).records("claims")]
    assert claims[::2] == [("470.3", "潼南区", "地区生产总值"), ("530.1", "铜梁区", "地区生产总值"),
                           ("622.8", "荣昌区", "地区生产总值")]


NOT_TABLES = [
    # a page counter and a view count: numbers alone on a line, no header with units
    cells("某区召开经济形势分析会。", "1", "2", "3", "下一页"),
    cells("阅读次数", "1024", "分享", "12"),
    # header cells without units: the numbers' unit is unknown
    cells("各区县地区生产总值", "区县", "总量", "增长", "潼南区", "455.12", "6.4", "铜梁区", "512.80",
          "5.2", "荣昌区", "601.33", "7.0"),
    # too few rows to be sure
    cells("各区县地区生产总值", "区县", "（亿元）", "潼南区", "455.12", "铜梁区", "512.80"),
    # a unit the unit rules do not read
    cells("各区县指标", "区县", "（某某）", "潼南区", "455", "铜梁区", "512", "荣昌区", "601"),
    # one unit for all columns, but a column is a growth rate: which unit is whose is unsure
    cells("各区县指标", "单位：亿元", "区县", "总量", "增速", "潼南区", "455.12", "6.4", "铜梁区", "512.80",
          "5.2", "荣昌区", "601.33", "7.0"),
    # units in order, one too few for the columns
    cells("各区县指标", "单位：亿元，%", "区县", "总量", "税收", "增速", "潼南区", "455.12", "40.1", "6.4",
          "铜梁区", "512.80", "38.2", "5.2", "荣昌区", "601.33", "51.0", "7.0"),
    # row numbers out of order: no serial column
    cells("各区县指标", "序号", "区县", "（亿元）", "1", "潼南区", "455.12", "3", "铜梁区", "512.80",
          "2", "荣昌区", "601.33"),
    # two unit columns but one number a row
    cells("各区县地区生产总值", "区县", "（亿元）", "（%）", "潼南区", "455.12", "铜梁区", "512.80",
          "荣昌区", "601.33"),
]


@pytest.mark.parametrize("raw", NOT_TABLES)
def test_numbers_alone_on_lines_elsewhere_stay_what_they_were(raw: str) -> None:
    result = _run(raw)
    assert not [q for q in result.records("quantities") if q["rule"] == "quantity.table.column_unit"]
    assert not result.records("claims")


def test_a_percent_column_that_names_no_growth_or_measure_gives_quantities_but_no_claims() -> None:
    raw = cells("各区县产业结构", "区县", "比重", "（%）", "潼南区", "41.2", "铜梁区", "38.5", "荣昌区", "44.0")
    assert _quantities(raw) == [("41.2", 41.2, "%"), ("38.5", 38.5, "%"), ("44.0", 44.0, "%")]
    assert not _run(raw).records("claims")


def test_a_count_column_of_growth_is_an_increase_not_the_level() -> None:
    raw = cells("各区县高新技术企业", "区县", "总数（家）", "比上年增长（家）",
                "潼南区", "120", "15", "铜梁区", "98", "7", "荣昌区", "143", "21")
    claims = [(c["text"], c["metric"]) for c in _run(raw).records("claims")]
    assert claims == [("120", "高新技术企业"), ("98", "高新技术企业"), ("143", "高新技术企业")]


def test_a_column_of_targets_gives_target_claims() -> None:
    raw = cells("各区县地区生产总值", "区县", "2024年(亿元)", "2025年目标(亿元)",
                "潼南区", "470.3", "500", "铜梁区", "530.1", "560", "荣昌区", "622.8", "650")
    claims = [(c["value"], c["period"], c["modality"]) for c in _run(raw).records("claims")]
    assert claims[:2] == [(4.703e10, "2024", "actual"), (5e10, "2025", "target")]


def test_group_headers_name_the_columns_under_them() -> None:
    raw = cells("2024年各区县主要经济指标", "区县", "地区生产总值", "总量(亿元)", "增速(%)", "一般公共预算收入",
                "总量(亿元)", "增速(%)", "潼南区", "470.3", "5.5", "21.5", "3.2", "铜梁区", "530.1", "6.1", "30.2",
                "-0.4", "荣昌区", "622.8", "4.2", "25.7", "2.0")
    claims = [(c["metric"], c["value"]) for c in _run(raw).records("claims")]
    assert claims[:4] == [("地区生产总值", 4.703e10), ("地区生产总值增速", 5.5), ("一般公共预算收入", 2.15e9),
                          ("一般公共预算收入增速", 3.2)]
    assert len(claims) == 12


def test_group_headers_with_units_on_lines_of_their_own() -> None:
    raw = cells("2024年各区县主要经济指标", "区县", "地区生产总值", "总量", "(亿元)", "增速", "(%)", "一般公共预算收入",
                "总量", "(亿元)", "增速", "(%)", "潼南区", "470.3", "5.5", "21.5", "3.2", "铜梁区", "530.1", "6.1",
                "30.2", "-0.4", "荣昌区", "622.8", "4.2", "25.7", "2.0")
    claims = [(c["metric"], c["value"]) for c in _run(raw).records("claims")]
    assert claims[2:4] == [("一般公共预算收入", 2.15e9), ("一般公共预算收入增速", 3.2)]
    assert len(claims) == 12


def test_a_percent_after_a_columns_name_is_its_unit() -> None:
    raw = cells("各区县规上工业增加值", "区县", "总量（亿元）", "比上年增长％",
                "潼南区", "210.3", "8.5", "铜梁区", "230.1", "9.1", "荣昌区", "250.8", "7.2")
    claims = [(c["metric"], c["value"], c["unit"]) for c in _run(raw).records("claims")]
    assert claims[:2] == [("规上工业增加值", 2.103e10, "CNY"), ("规上工业增加值增速", 8.5, "%")]


def test_a_caption_naming_two_measures_leaves_unnamed_columns_without_claims() -> None:
    raw = cells("各区县地区生产总值和一般公共预算收入", "区县", "（亿元）", "潼南区", "455.12", "铜梁区",
                "512.80", "荣昌区", "601.33")
    assert len(_quantities(raw)) == 3
    assert not _run(raw).records("claims")


def test_find_tables_reads_caption_header_columns_and_rows() -> None:
    text = "\n".join(TABLE.split("\n\n"))
    (table,) = find_tables(text)
    assert text[slice(*table.caption)] == HEADER[0]
    assert [(c.unit, text[slice(*c.name)] if c.name else None) for c in table.columns] == [
        ("亿元", "总量"), ("%", "同比增长")]
    assert [text[slice(*label)] for label, _ in table.rows] == ["渝西地区", "潼 南 区", "铜梁区", "荣 昌 区"]


def test_a_units_line_under_a_caption_stays_a_table() -> None:
    raw = cells("附表：2023年各区县主要指标", "单位：亿元，%", "区县", "地区生产总值", "增速",
                "潼南区", "35", "3.4", "铜梁区", "33", "3.2", "荣昌区", "31", "3.0", gap="\n")
    assert [(c["district"], c["value"]) for c in _run(raw).records("claims")] == [
        ("潼南区", 3500000000.0), ("潼南区", 3.4), ("铜梁区", 3300000000.0), ("铜梁区", 3.2),
        ("荣昌区", 3100000000.0), ("荣昌区", 3.0)]


def test_a_table_whose_only_unit_is_a_percent_after_its_column_name() -> None:
    raw = cells("附表：2023年各区县地区生产总值增速", "区县", "比上年增长%", "潼南区", "6.4", "铜梁区", "-1.2",
                "荣昌区", "7.0")
    assert [(c["district"], c["value"]) for c in _run(raw).records("claims")] == [
        ("潼南区", 6.4), ("铜梁区", -1.2), ("荣昌区", 7.0)]
