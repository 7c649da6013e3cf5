"""Repair: column wraps, doubled glyphs, character folding, sentences, and the offset map."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhfacts
from zhfacts.rules import using_rules
from zhfacts.text.article import Article
from zhfacts.text.repair import repair

WRAPS = [
    # (raw, repaired text): breaks inside a sentence go, paragraph breaks stay
    ("总量达 210\n家，居全省前列。", "总量达 210家，居全省前列。"),
    ("潼南区深\n入贯彻落实。", "潼南区深入贯彻落实。"),
    ("对获评企业给予20\n万至100万元奖励。", "对获评企业给予20万至100万元奖励。"),
    ("全县贷款累计达到\n10.45亿元。", "全县贷款累计达到10.45亿元。"),
    ("引进MEMS\n传感器中试平台。", "引进MEMS传感器中试平台。"),
    ("建成Smart\nFactory示范线。", "建成Smart Factory示范线。"),
    # web layout: one paragraph per line, no blank lines
    ("盐城市大丰区经济运行稳中有进。\n上半年，全区规上工业增加值增长9.2%。",
     "盐城市大丰区经济运行稳中有进。\n上半年，全区规上工业增加值增长9.2%。"),
    ("经济运行\n上半年，义乌市实现进出口总额3200亿元。", "经济运行\n上半年，义乌市实现进出口总额3200亿元。"),
    # web layout: a prose line (a comma in it) cut inside a word runs on; a heading, a
    # numbered heading with commas and a byline do not
    ("甲县召开会议。\n乙县新增企业12家，其中国家级科技\n企业孵化器3个，省级\n众创空间5个。\n丙县增长5%。\n丁县增长6%。",
     "甲县召开会议。\n乙县新增企业12家，其中国家级科技企业孵化器3个，省级众创空间5个。\n丙县增长5%。\n丁县增长6%。"),
    ("（一）从需求侧看，消费回升，投资稳定\n1.消费回升。全县社零额增长5%。\n2.投资稳定。增长3%。\n3.出口增长。增长2%。",
     "（一）从需求侧看，消费回升，投资稳定\n1.消费回升。全县社零额增长5%。\n2.投资稳定。增长3%。\n3.出口增长。增长2%。"),
    ("甲县召开会议。\n乙县增长5%。\n丙县增长6%。\n记者 张三、李四\n编辑：王五",
     "甲县召开会议。\n乙县增长5%。\n丙县增长6%。\n记者 张三、李四\n编辑：王五"),
    # ... but a short subheading above a long line, a source line and a photo caption stay
    ("甲县召开会议。\n稳中求进，工业经济持续向好\n今年以来，全县规上工业增加值增长8.5%，高于全市平均水平2个百分点。\n乙县增长5%。",
     "甲县召开会议。\n稳中求进，工业经济持续向好\n今年以来，全县规上工业增加值增长8.5%，高于全市平均水平2个百分点。\n乙县增长5%。"),
    ("甲县召开会议。\n来源：某区融媒体中心，作者：张三\n乙县新增企业8家。\n丙县增长6%。",
     "甲县召开会议。\n来源：某区融媒体中心，作者：张三\n乙县新增企业8家。\n丙县增长6%。"),
    ("甲县召开会议。\n图为园区一角，记者 张三 摄\n某某集团新签约项目5个。\n丙县增长6%。",
     "甲县召开会议。\n图为园区一角，记者 张三 摄\n某某集团新签约项目5个。\n丙县增长6%。"),
    # a byline above a blank line and a numbered section: not one sentence; a figure cut by a
    # column break still is
    ("2024-03-01 来源：某某新闻网\n\n\n（一）工业稳步增长。全县增长5%。",
     "2024-03-01 来源：某某新闻网\n（一）工业稳步增长。全县增长5%。"),
    ("今年以来，全县规上工业产值达到\n\n1.2亿元。", "今年以来，全县规上工业产值达到1.2亿元。"),
    # a space printed after a decimal point inside a number goes; a list's number stays
    ("项目总投资6. 8亿元，新建厂房2. 35万平方米。", "项目总投资6.8亿元，新建厂房2.35万平方米。"),
    ("全年计划投资 4. 2亿元。", "全年计划投资 4.2亿元。"),
    ("今年抓好三件事。\n1. 5G基站新建120个。", "今年抓好三件事。\n1. 5G基站新建120个。"),
    # newspaper columns: paragraphs separated by blank lines, every single break a wrap
    ("近年来，阆中市大力发展文旅产\n业。全年接待游客\n2100万人次。\n\n下一步，该市将继续推进。",
     "近年来，阆中市大力发展文旅产业。全年接待游客2100万人次。\n下一步，该市将继续推进。"),
    # a column break across a blank line inside a sentence
    ("该县培育壮大县域经济，构建起\n\n“一主两辅”产业体系。", "该县培育壮大县域经济，构建起“一主两辅”产业体系。"),
    # a photo caption or a source line between blank lines, or in newspaper columns, stays a line
    # of its own; a source line opens one
    ("图为园区一角。 张三 摄\n\n某某网成都3月2日电 甲县新增企业8家。",
     "图为园区一角。 张三 摄\n某某网成都3月2日电 甲县新增企业8家。"),
    ("甲县新增企业\n8家。\n\n图为园区一角，记者 张三 摄\n\n乙县增长5%。",
     "甲县新增企业8家。\n图为园区一角，记者 张三 摄\n乙县增长5%。"),
    ("甲县召开会议。(记者 张三)\n来源：某某日报\n热点阅读", "甲县召开会议。(记者 张三)\n来源：某某日报\n热点阅读"),
    # a page's date and time before its source: a line of its own, the byline under it opens a paragraph
    ("2024-02-07 13:53:16 来源:某某网\n\n某某网讯(记者 张三) 甲县增长5%。",
     "2024-02-07 13:53:16 来源:某某网\n某某网讯(记者 张三) 甲县增长5%。"),
    # a page's breadcrumb and its tool labels are lines of their own, not joined to the title between
    ("当前位置：首页 > 县区动态 > 部门动态\n\n某某县工商联获评全国“五好”工商联\n\n【字体：大 中 小】",
     "当前位置：首页 > 县区动态 > 部门动态\n某某县工商联获评全国“五好”工商联\n【字体：大 中 小】"),
    ("当前位置：首页 > 县区动态 > 部门动态\n某某县工商联获评全国“五好”工商联", "当前位置：首页 > 县区动态 > 部门动态\n某某县工商联获评全国“五好”工商联"),
    # a source line without a colon, a caption with its byline word and no space
    ("甲县召开经济运行分析会\n来源 某某日报\n\n会议指出，全县增长6.5%。", "甲县召开经济运行分析会\n来源 某某日报\n会议指出，全县增长6.5%。"),
    ("甲县召开会议。\n\n市民在新建的广场上健身。本报记者张三摄\n\n乙县增长5%。",
     "甲县召开会议。\n市民在新建的广场上健身。本报记者张三摄\n乙县增长5%。"),
    # ... but prose that merely holds a caption's or a breadcrumb's words is still joined
    ("用户可查询停车场所在位置\n和空余车位数量。\n\n乙县增长5%。", "用户可查询停车场所在位置和空余车位数量。\n乙县增长5%。"),
    ("该县农民收入主要\n来源于特色种植。\n\n乙县增长5%。", "该县农民收入主要来源于特色种植。\n乙县增长5%。"),
    ("专家提醒市民控制盐的摄\n入量，每日不超过5克。\n\n乙县增长5%。", "专家提醒市民控制盐的摄入量，每日不超过5克。\n乙县增长5%。"),
    # a heading between blank lines is never joined to its paragraph
    ("产业升级\n\n今年以来，晋江市新增规上企业86家。", "产业升级\n今年以来，晋江市新增规上企业86家。"),
    # an indented line opens a new section
    ("全区新增市场主体1.2万户。\n 在南浔区，织里镇童装产业集群年产值超过600亿元。",
     "全区新增市场主体1.2万户。\n 在南浔区，织里镇童装产业集群年产值超过600亿元。"),
    ("第一行，\r\n第二行。\r\n\r\n第三段。", "第一行，第二行。\n第三段。"),
    # a bulletin's numbered headings are headings: not joined to the section under them, in
    # newspaper columns or between blank lines (its 、 is a section number, not prose)
    ("某县统计公报\n\n一、综合\n全年地区生产总值312.5亿元，比上年\n增长4.1%。\n\n二、农业\n\n全年粮食产量30.2万吨，增长\n1.2%。",
     "某县统计公报\n一、综合\n全年地区生产总值312.5亿元，比上年增长4.1%。\n二、农业\n全年粮食产量30.2万吨，增长1.2%。"),
    ("（三）工业和建筑业\n全年全部工业增加值100亿元，增长\n5%。\n\n下一步推进。",
     "（三）工业和建筑业\n全年全部工业增加值100亿元，增长5%。\n下一步推进。"),
    # a numbered first line wrapped in a narrow column is as long as the next: joined
    ("某报讯\n\n一、全县实现地区生产总\n值312.5亿元，同比增长\n4.1%。\n\n二、新增企业\n50家。",
     "某报讯\n一、全县实现地区生产总值312.5亿元，同比增长4.1%。\n二、新增企业50家。"),
]

DOUBLED = [
    ("成渝中部科创走廊成渝中部科创走廊：：\n正文开始。", "成渝中部科创走廊：\n正文开始。"),
    ("余杭区融媒体中心记者余杭区融媒体中心记者 马马 艾艾", "余杭区融媒体中心记者 马 艾"),
    ("县融媒体中心县融媒体中心 王晓明王晓明//文文", "县融媒体中心 王晓明/文"),
    # real repeats stay
    ("农民天天下地，常常加班，问题还要研究研究。", "农民天天下地，常常加班，问题还要研究研究。"),
    ("人人参与，处处可见。", "人人参与，处处可见。"),
]

FOLDING = [
    ("增长１２．５％", "增长12.5%"),
    ("ＡＢＣ公司", "ABC公司"),
    ("⻄部陆海新通道", "西部陆海新通道"),
    ("⻓江经济带", "长江经济带"),
    ("\uf900", "豈"),  # a CJK compatibility ideograph
    ("产值\u200b增长\ufeff5%", "产值增长5%"),
    ("（一）全县概况", "（一）全县概况"),  # full-width brackets are punctuation, kept
]


LETTER_SPACING = [
    ("某 某 县 统 计 局", "某某县统计局"),
    ("助力星 岚 新 材 料 公 司 完成中试", "助力星岚新材料公司完成中试"),  # the run's ends may touch a word
    ("研  发 投 入　增 长 5%", "研发投入增长 5%"),  # gaps of one or two spaces
    ("增长5 个 百 分 点", "增长5 个百分点"),
    ("某 某 县 统 计\n局发布公报。", "某某县统计局发布公报。"),  # a column wrap inside a letter-spaced line
    # words set apart by spaces are no letter spacing
    ("江苏省 昆山市完成进出口总额", "江苏省 昆山市完成进出口总额"),
    ("记者 张 三", "记者 张 三"),
    ("一、综 合 初步核算，全县生产总值", "一、综 合 初步核算，全县生产总值"),
    ("字体：大 中 小", "字体：大 中 小"),
    # a table cell padded to its column's width: the whole line is one spaced name
    ("各县产值\n\n甲 乙 县\n\n12.5\n\n丙  丁\n\n8.1", "各县产值\n甲乙县\n12.5\n丙丁\n8.1"),
    ("  某 某 市  \n\n33.6", "  某某市  \n33.6"),
    ("地 区\n\n绝对数", "地区\n绝对数"),
    # two words on a line, a word beside a letter, a gap wider than a cell's: left alone
    ("甲乙 丙丁\n\n12.5", "甲乙 丙丁\n12.5"),
    ("甲乙县 丙\n\n12.5", "甲乙县 丙\n12.5"),
    ("甲      乙\n\n12.5", "甲      乙\n12.5"),
    ("正文说了甲 乙 县的事。", "正文说了甲 乙 县的事。"),
]

PINYIN_GLOSSES = [
    ("某縣地區(qū)生產(chǎn)總值增長5%", "某縣地區生產總值增長5%"),
    ("某某集團（tuán）有限公司", "某某集團有限公司"),  # full-width brackets too
    ("綠(lǜ)色發展", "綠色發展"),
    # letters without a tone mark, or after no ideograph, are abbreviations or notes
    ("國內生產總值(GDP)增長", "國內生產總值(GDP)增長"),
    ("某某(ai)公司", "某某(ai)公司"),
    ("2024(nián)", "2024(nián)"),
    ("手冲咖啡(café)门店", "手冲咖啡(café)门店"),  # a word, no syllable
    ("莊(zhuāng)園(yuán)與創(chuàng)新", "莊園與創新"),
]


@pytest.mark.parametrize("dateline", ["某某网11月20日讯(记者 张三)", "某某网2023年11月20日讯(记者 张三)",
                                      "央广网北京11月20日消息（记者 张三）", "新华社北京3月5日电 ",
                                      "某某日报讯 (记者/张三) "])
def test_an_outlets_dateline_opens_a_paragraph(dateline: str) -> None:
    # a column break before an outlet's dateline is no cut sentence, whatever ends the paragraph before
    # (a menu's 分享)
    text = repair(f"县区新闻\n分享\n\n{dateline}甲县增长5%。").text
    assert f"\n{dateline}甲县增长5%。" in text


def test_a_line_opening_with_a_dateline_is_no_wrap() -> None:
    # a single line break before an outlet's dateline is kept, whatever ends the line before (a list's 等)
    text = repair("涵盖文旅融合、森林康养、乡村振兴等\n某某在线9月27日讯(全媒体记者 张三)甲县签约。").text
    assert "乡村振兴等\n某某在线9月27日讯" in text


@pytest.mark.parametrize(("raw", "joined"), [
    # a word ending with the cue is no outlet's dateline, before a bracket or not: the wrap is joined
    ("县政府与江\n城华讯（集团）有限公司签约。", "县政府与江城华讯（集团）有限公司"),
    ("县里发布\n农业资讯。", "县里发布农业资讯。"),
    # a place's dateline after the agency's name is a wrap of its own sentence
    ("据新华社\n北京3月5日电（记者 张三）甲县增长。", "据新华社北京3月5日电"),
])
def test_a_wrap_before_a_word_ending_with_the_cue(raw: str, joined: str) -> None:
    assert joined in repair(raw).text


def test_a_date_before_a_word_opening_with_the_cue_is_no_dateline() -> None:
    # 12月20日|电网: the cut sentence runs on
    text = repair("县发展改革局介绍，受寒潮影响，\n\n全市12月20日电网最高负荷达到1200万千瓦，创历史新高。").text
    assert "受寒潮影响，全市12月20日电网" in text


@pytest.mark.parametrize(("raw", "expected"), WRAPS + DOUBLED + FOLDING + LETTER_SPACING + PINYIN_GLOSSES)
def test_repaired_text(raw: str, expected: str) -> None:
    assert repair(raw).text == expected


@pytest.mark.parametrize(("raw", "expected"), WRAPS + DOUBLED + FOLDING + LETTER_SPACING + PINYIN_GLOSSES)
def test_every_repaired_character_points_at_its_raw_character(raw: str, expected: str) -> None:
    result = repair(raw)
    radicals = {"⻄": "西", "⻓": "长"}
    for i, c in enumerate(result.text):
        source = raw[result.offsets[i]]
        folded = radicals.get(source) or unicodedata.normalize("NFKC", source)
        assert c in (source, folded) or (c in "\n " and source in "\r\n")


SENTENCES = [
    ("他说：“今年要再上一个台阶。”随后离开了会场。", ["他说：“今年要再上一个台阶。”", "随后离开了会场。"]),
    ("全县完成投资12亿元；新开工项目8个！同比增长多少？", ["全县完成投资12亿元；", "新开工项目8个！", "同比增长多少？"]),
    ("县域经济\n全县生产总值首次突破三百亿元大关，同比增长6%。正文第二句",
     ["县域经济", "全县生产总值首次突破三百亿元大关，同比增长6%。", "正文第二句"]),
]


@pytest.mark.parametrize(("raw", "expected"), SENTENCES)
def test_sentences(raw: str, expected: list[str]) -> None:
    result = repair(raw)
    assert [result.text[s:e] for s, e in result.sentences] == expected


def test_letter_spacing_is_a_warning_naming_its_raw_lines() -> None:
    result = repair("标题\n\n某 某 县 统 计 局\n\n正文。")
    assert result.warnings == ["letter-spacing: removed 5 spaces between the letters of words (raw lines 3)"]


def test_the_extractors_read_a_letter_spaced_line_as_plain_text() -> None:
    raw = "2024年，铜 梁 区 研 发 投 入 达 到 12.5 亿 元，新 增 科 技 型 企 业 35 家。"
    result = zhfacts.extract_text(raw, pub_date="2025-01-01")
    claims = result.records("claims")
    assert [(c["district"], c["metric"], c["value"]) for c in claims] == [
        ("铜梁区", "研发投入", 1.25e9), ("铜梁区", "新增科技型企业", 35)]
    for table in ("quantities", "places", "claims"):
        for row in result.records(table):
            assert "".join(raw[row["start"]:row["end"]].split()) == "".join(row["text"].split())


def test_pinyin_glosses_are_a_warning_and_records_keep_the_raw_characters() -> None:
    raw = "2024年，江北區規(guī)劃局與重慶華遠集團(tuán)有限公司簽約，新增企業12家。"
    result = zhfacts.extract_text(raw, pub_date="2025-01-01")
    assert repair(raw).warnings == ["pinyin-glosses: removed 2 readings after characters (raw lines 1)"]
    assert {o["text"] for o in result.records("organizations")} == {"江北區規(guī)劃局", "重慶華遠集團(tuán)有限公司"}
    for table in ("quantities", "organizations", "places", "claims"):
        for row in result.records(table):
            assert "".join(raw[row["start"]:row["end"]].split()) == "".join(row["text"].split())


def test_a_reading_after_a_name_s_last_character_goes_with_the_name() -> None:
    raw = "2024年，某縣統(tǒng)計(jì)局發布數據，全縣新增企業12家。本報與渝北區國資委(huì)簽約。"
    result = zhfacts.extract_text(raw, pub_date="2025-01-01")
    assert "渝北區國資委(huì)" in {o["text"] for o in result.records("organizations")}
    for table in ("quantities", "organizations", "places", "claims"):
        for row in result.records(table):
            assert "".join(raw[row["start"]:row["end"]].split()) == "".join(row["text"].split())


def test_a_title_its_issuer_and_its_date_stay_lines_of_their_own() -> None:
    raw = ("2023年某某区国民经济和社会发展统计公报\n某某区统计局\n国家统计局某某调查队\n2024年3月10日\n"
           "2023年，全区上下坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，全年实现地区生产总值520亿元。")
    lines = repair(raw).text.split("\n")
    assert lines[:4] == ["2023年某某区国民经济和社会发展统计公报", "某某区统计局", "国家统计局某某调查队", "2024年3月10日"]


def test_a_glossed_issuer_line_is_as_short_as_its_characters() -> None:
    raw = ("某某區(qū)統(tǒng)計(jì)局\n國家統(tǒng)計(jì)局某某調(diào)查隊(duì)\n2024年3月10日\n"
           "2023年，全區上下堅持穩中求進工作總基調，經濟運行總體平穩，發展質量穩步提升，全年實現地區生產總值520億元。")
    assert repair(raw).text.split("\n")[:2] == ["某某區統計局", "國家統計局某某調查隊"]


def test_lines_of_a_narrow_column_are_still_joined() -> None:
    raw = "全区新增科技型企业\n168家，研发投入\n增长8.7%，高新技\n术企业达到52家。"
    assert repair(raw).text == "全区新增科技型企业168家，研发投入增长8.7%，高新技术企业达到52家。"


def test_the_letter_spacing_rule_is_data(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", copy)
    path = copy / "repair.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("min_letters: 4", "min_letters: 3"), encoding="utf-8")
    assert repair("字体：大 中 小").text == "字体：大 中 小"
    with using_rules(copy):
        assert repair("字体：大 中 小").text == "字体：大中小"


def test_repairs_are_recorded_as_warnings() -> None:
    result = repair("标题标题标题标题：：\n\n该区新增\n企业12家。\n\n全区坚持创新驱动，构建起\n\n“一核两翼”格局。")
    kinds = [w.split(":")[0] for w in result.warnings]
    assert kinds == ["doubled-glyphs", "wrap", "column-break"]
    assert "raw line 1" in result.warnings[0]


def test_indented_paragraphs_are_marked() -> None:
    result = repair("第一节内容。\n\n 第二节开头。")
    assert [p.indented for p in result.paragraphs] == [False, True]


# -- properties of the offset map ----------------------------------------------------------
ARTICLE_TEXT = st.text(
    alphabet=st.sampled_from(list("区县企业增长亿元万家个，。；！“”（）:\n \r\t１２％ＡＢ⻄⻓0123456789.%abc") + ["\u200b", "\ufeff"]),
    max_size=300)


@settings(max_examples=300, deadline=None)
@given(ARTICLE_TEXT)
def test_offset_map_is_total_and_monotonic(raw: str) -> None:
    result = repair(raw)
    assert len(result.offsets) == len(result.text)
    assert all(0 <= o < len(raw) for o in result.offsets)
    assert all(a < b for a, b in zip(result.offsets, result.offsets[1:], strict=False))
    for start, end in result.sentences:
        assert 0 <= start < end <= len(result.text)
    for para in result.paragraphs:
        assert 0 <= para.start < para.end <= len(result.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_repairs_and_spans_keep_provenance(raw: str) -> None:
    result = repair(raw)
    article = Article(doc_id="t", raw=raw, text=result.text, offsets=result.offsets,
                      sentences=result.sentences, paragraphs=result.paragraphs, sha256="0")
    for start, end in result.sentences:
        surface = article.surface(start, end)
        raw_start, raw_end = article.raw_span(start, end)
        assert "".join(surface.split()) == "".join(raw[raw_start:raw_end].split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("区县企业增长亿元万家个，。的了是在有和abc0123456789")), max_size=200))
def test_text_needing_no_repair_maps_to_itself(raw: str) -> None:
    result = repair(raw)
    if result.text == raw:
        assert result.offsets == list(range(len(raw)))
    else:  # only doubled runs (X X of three or more) may change such text
        assert any(w.startswith("doubled-glyphs") for w in result.warnings)
