"""Times: normalized periods, resolution against the pub_date, the period each quantity gets,
and the publication date read from the text."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.extract.quantities import extract_quantities
from zhfacts.extract.times import extract_times, find_times, periods_for
from zhfacts.nlp.analysis import Analysis
from zhfacts.nlp.segment import tokenize
from zhfacts.text.article import Article, Hit
from zhfacts.text.prepare import prepare_article
from zhfacts.text.pubdate import infer_pub_date, parse_date

PUB = datetime.date(2025, 8, 1)


def times(text: str, pub_date: datetime.date | None = PUB) -> list[tuple[str, str | None, str | None]]:
    return [(text[h.start:h.end], h.get("normalized"), h.get("resolved_with")) for h in extract_times(text, pub_date)]


# (sentence, [(surface, normalized, resolved_with)]) with pub_date 2025-08-01
TIMES = [
    ("2025年上半年，新签约项目59个。", [("2025年上半年", "2025-H1", "explicit")]),
    ("2024年下半年，出口回升。", [("2024年下半年", "2024-H2", "explicit")]),
    ("今年一季度，全县投资增长12.6%。", [("今年一季度", "2025-Q1", "pub_date")]),
    ("一季度，全县经济实现开门红。", [("一季度", "2025-Q1", "pub_date")]),
    ("第二季度，销售额回升。", [("第二季度", "2025-Q2", "pub_date")]),
    ("前三季度，GDP增长5.2%。", [("前三季度", "2025-01..2025-09", "pub_date")]),
    ("今年前三个季度，GDP增长5.2%。", [("今年前三个季度", "2025-01..2025-09", "pub_date")]),
    ("2024年前10个月，税收增长3%。", [("2024年前10个月", "2024-01..2024-10", "explicit")]),
    ("前两个月，出口回升。", [("前两个月", "2025-01..2025-02", "pub_date")]),
    ("2025年1—6月，研发费用上报4.6亿元。", [("2025年1—6月", "2025-01..2025-06", "explicit")]),
    ("1-7月，全市进出口总额增长8%。", [("1-7月", "2025-01..2025-07", "pub_date")]),
    ("今年1至5月，全省新增企业3万家。", [("今年1至5月", "2025-01..2025-05", "pub_date")]),
    ("截至6月30日，完成新增项目15个。", [("截至6月30日", "2025-06-30", "pub_date")]),
    ("截至2024年底，全县共有企业100家。", [("截至2024年", "2024", "explicit")]),
    ("从2020年的526.8亿元增至2024年的797.3亿元。", [("2020年", "2020", "explicit"), ("2024年", "2024", "explicit")]),
    ("去年，全县粮食产量创新高。", [("去年", "2024", "pub_date")]),
    ("上年同期增长3.1%。", [("上年", "2024", "pub_date")]),
    ("明年将建成投产。", [("明年", "2026", "pub_date")]),
    ("今年4月，首期沙龙举办。", [("今年4月", "2025-04", "pub_date")]),
    ("上半年，新孵化科技企业10家。", [("上半年", "2025-H1", "pub_date")]),
    ("2020—2024年，全省累计投入126亿元。", [("2020—2024年", "2020..2024", "explicit")]),
    ("2020年至2024年，累计投入科技资金。", [("2020年至2024年", "2020..2024", "explicit")]),
    ("“十四五”以来，全市新增企业2万家。", [("十四五", "2021..2025", "explicit")]),
    ("2025年度企业科技攻关联合行动计划。", [("2025年度", "2025", "explicit")]),
    ("2024年12月，项目正式开工。", [("2024年12月", "2024-12", "explicit")]),
    ("七月盛夏，基地迎来重大进展。", [("七月", "2025-07", "pub_date")]),
    ("2025年8月6日，记者从市统计局获悉。", [("2025年8月6日", "2025-08-06", "explicit")]),
    ("二〇二四年，全县经济稳中向好。", [("二〇二四年", "2024", "explicit")]),
    ("发布时间：2025-08-06 10:30", [("2025-08-06", "2025-08-06", "explicit")]),
    ("2024年，全市GDP增长5%；6月，出口回升。", [("2024年", "2024", "explicit"), ("6月", "2025-06", "pub_date")]),
    ("2024年全市出口下降，6月降幅收窄。", [("2024年", "2024", "explicit"), ("6月", "2024-06", "explicit")]),
    # not times
    ("企业通过15年自主研发突破技术瓶颈，用了6个月时间完成验证。", []),
    ("全县市级科技型企业达1902家。", []),
    ("项目提前两个月完成建设。", []),  # two months ahead of time, no part of a year
    ("此前两个月，新增企业50家。", []),  # the two months before, no part of a year
    ("推进“一号工程”，入选2024天府碳中和技术创新十大案例。", []),
    ("该区力度不减，年度目标全面完成。", []),
    ("6月31日", []),
]


@pytest.mark.parametrize(("sentence", "expected"), TIMES, ids=[f"time{i}" for i in range(len(TIMES))])
def test_times_table(sentence: str, expected: list[tuple]) -> None:
    assert times(sentence) == expected


def test_relative_times_stay_null_without_a_pub_date() -> None:
    assert times("今年上半年，去年同期，1—6月，2025年一季度。", pub_date=None) == [
        ("今年上半年", None, None), ("去年", None, None), ("1—6月", None, None), ("2025年一季度", "2025-Q1", "explicit")]


# -- periods of quantities -----------------------------------------------------------------
def article_for(raw: str, pub_date: datetime.date | None = PUB) -> Article:
    return prepare_article("t", raw, sha256="t", pub_date=pub_date)


def periods(raw: str, pub_date: datetime.date | None = PUB) -> list[tuple[str, str | None]]:
    article = article_for(raw, pub_date)
    text = article.text
    found = periods_for(extract_quantities(text), extract_times(text, pub_date, article.sentence_span),
                        article.sentence_span)
    return [(text[h.start:h.end], h.get("period")) for h in found]


PERIODS = [
    ("从2020年的526.8亿元增至2024年的797.3亿元。", [("526.8亿元", "2020"), ("797.3亿元", "2024")]),
    ("今年上半年，新增科技型企业168家。", [("168家", "2025-H1")]),
    ("2025年1—6月，研发费用4.6亿元，同比增长27.78%。", [("4.6亿元", "2025-01..2025-06"), ("27.78%", "2025-01..2025-06")]),
    ("截至6月30日，完成项目15个；累计建成中心23家。", [("15个", "2025-06-30"), ("23家", None)]),
    ("新增企业53家。2024年，全县新增企业48家。", [("53家", None), ("48家", "2024")]),
    ("全县拥有企业137家，2023年完成投资8亿元。", [("137家", None), ("8亿元", "2023")]),
]


@pytest.mark.parametrize(("sentence", "expected"), PERIODS)
def test_periods(sentence: str, expected: list[tuple]) -> None:
    assert periods(sentence) == expected


def test_periods_are_null_when_the_governing_time_is_unresolved() -> None:
    assert periods("今年上半年，新增科技型企业168家。", pub_date=None) == [("168家", None)]


def test_assign_periods_returns_new_hits() -> None:
    q = Hit(5, 9, "quantity.count", {"value": 3.0})
    t = Hit(0, 5, "time.explicit", {"normalized": "2025", "resolved_with": "explicit"})
    (out,) = periods_for([q], [t], lambda pos: (0, 20))
    assert out.get("period") == "2025" and "period" not in q.fields


def test_find_times_reads_the_article_pub_date() -> None:
    article = article_for("今年一季度，全县投资增长12.6%。", pub_date=datetime.date(2024, 5, 3))
    doc = Analysis(article, tokenize(article.text))
    assert [h.get("normalized") for h in find_times(doc)] == ["2024-Q1"]


# -- publication date ----------------------------------------------------------------------
PUB_DATES = [
    ("发布时间：2025-08-06 10:30\n正文第一段。", datetime.date(2025, 8, 6)),
    ("标题\n发布日期：2025年8月6日\n正文。", datetime.date(2025, 8, 6)),
    ("2025-07-15 10:20  来源：合肥日报\n正文。", datetime.date(2025, 7, 15)),
    ("湖北日报 2025年3月12日 星期三\n\n标题\n正文，全县经济稳定增长。", datetime.date(2025, 3, 12)),
    ("来源：新华网  2025/8/6\n正文。", datetime.date(2025, 8, 6)),
    ("标题\n正文。\n\n（编辑：王某）\n2024.11.02", datetime.date(2024, 11, 2)),
    # a date inside a sentence or run into a heading is an event, never the publication date
    ("2025年7月23日召开全县经济工作会议\n会议指出……", None),
    ("2025年8月6日，记者从市统计局获悉，全市经济稳中向好。", None),
    ("今年上半年，全县新增企业100家。", None),
    ("发布时间：2025-02-30", None),
    ("", None),
    # time stamps: a date with a clock time, run into a paper's name or with the year apart
    ("某区新闻\n源某某报2019-01-04 20:25\n正文。", datetime.date(2019, 1, 4)),
    ("标题\n2016 06/30 19:45\n正文。", datetime.date(2016, 6, 30)),
    ("标题\n2020-05-29 20:31:12 来源: 某某网 作者: 某某\n正文。", datetime.date(2020, 5, 29)),
    ("标题\n时间:2021-04-06 10:35:29 来源:某县科技局\n正文。", datetime.date(2021, 4, 6)),
    ("标题\n2021-05-24\n本报讯(记者 某某)5月21日，某区签下5个项目。", datetime.date(2021, 5, 24)),
    ("标题\n2022年03月15日08:40 | 来源：某某网-某省频道\n正文。", datetime.date(2022, 3, 15)),  # 日 then the clock
    ("会议于2019-01-04 20:25在某地召开，全县干部参加。", None),  # in a sentence: an event
    ("会议于2019年1月4日20:25在某地召开，全县干部参加。", None),
]

METADATA_DATES = [
    ("2025-04-20", datetime.date(2025, 4, 20)), ("2025/04/20", datetime.date(2025, 4, 20)),
    ("2025/4/2", datetime.date(2025, 4, 2)), ("2025.04.20", datetime.date(2025, 4, 20)),
    ("2025-04-20T08:00:00", datetime.date(2025, 4, 20)), ("2025-04-20T08:00:00+08:00", datetime.date(2025, 4, 20)),
    ("2025-04-20 08:00", datetime.date(2025, 4, 20)), ("2025年4月20日", datetime.date(2025, 4, 20)),
    ("20250420", datetime.date(2025, 4, 20)), (" 2025-04-20 ", datetime.date(2025, 4, 20)),
    ("2025-02-30", None), ("March", None), ("", None), (None, None), (20250420, None), ("2025-04", None),
]


@pytest.mark.parametrize(("value", "expected"), METADATA_DATES)
def test_parse_date_reads_every_common_metadata_form(value: object, expected: datetime.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(("text", "expected"), PUB_DATES)
def test_infer_pub_date(text: str, expected: datetime.date | None) -> None:
    assert infer_pub_date(text) == expected


def test_infer_pub_date_looks_only_at_the_head_and_tail() -> None:
    body = "\n".join(["正文，全县经济稳定增长。"] * 40)
    assert infer_pub_date(body + "\n2025-08-06\n" + body) is None
    assert infer_pub_date(body + "\n2025-08-06") == datetime.date(2025, 8, 6)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=100),
                 st.text(alphabet=st.sampled_from(list("0123456789年月日季度上下半前第一二三四今去明至—-~截至十五 \n，。")),
                         max_size=60)))
def test_times_never_raise_and_stay_in_bounds(text: str) -> None:
    last_end = 0
    for hit in extract_times(text, PUB):
        assert last_end <= hit.start < hit.end <= len(text)
        last_end = hit.end
        assert hit.get("resolved_with") in {"explicit", "pub_date", None}
    infer_pub_date(text)
