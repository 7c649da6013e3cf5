"""Families of round 27, found on new real pages (county bulletins, work reports, signings, county
industry news, rankings, economic-operation news) and in the metric keys data users read. Sentences
written for these tests."""

from __future__ import annotations

import pytest

import zhfacts
from zhfacts.nlp.spacy_components import build_pipeline


def _keys(text: str) -> dict[str, str | None]:
    return {c["text"]: c["metric_key"] for c in zhfacts.extract_text(text).records("claims")}


@pytest.mark.parametrize("text, figure", [
    ("青川县规模以上工业企业利润增长8.1%。", "8.1%"),
    ("青川县规模以上工业企业资产负债率为55.3%。", "55.3%"),
    ("青川县新增企业增加值增长12%。", "12%"),
])
def test_a_measure_of_counted_bodies_is_not_their_number(text: str, figure: str) -> None:
    """规模以上工业企业|利润: the companies own what is measured; the vocabulary has no key for it."""
    assert _keys(text)[figure] is None


@pytest.mark.parametrize("text, figure, key", [
    ("青川县规模以上工业企业数量增长5%。", "5%", "规上企业数增速"),
    ("青川县新增规上工业企业12家。", "12家", "新增规上企业数"),
    ("青川县规上工业企业实现营业收入12亿元。", "12亿元", "营业收入"),
])
def test_the_bodies_number_and_a_known_measure_keep_their_keys(text: str, figure: str, key: str) -> None:
    assert _keys(text)[figure] == key


def _quantities(text: str) -> list[str]:
    return [q["text"] for q in zhfacts.extract_text(text).records("quantities")]


@pytest.mark.parametrize("text, name_part", [
    ("芜湖市三只松鼠股份有限公司参加活动，青川县签约项目12个。", "三只"),
    ("三棵树涂料股份有限公司参加活动，青川县签约项目12个。", "三棵"),
])
def test_a_numeral_inside_an_organizations_name_is_no_quantity(text: str, name_part: str) -> None:
    found = _quantities(text)
    assert name_part not in found and "12个" in found


def test_the_spacy_adapter_drops_a_names_numeral_from_its_spans_too() -> None:
    nlp = build_pipeline()
    doc = nlp("芜湖市三只松鼠股份有限公司参加活动，青川县签约项目12个。")
    assert [span.text for span in doc.spans["quantities"]] == ["12个"]
    assert [hit.start for hit in doc._.quantities] == [doc.text.index("12个")]


def _organizations(text: str) -> list[str]:
    return [o["text"] for o in zhfacts.extract_text(text).records("organizations")]


def test_a_real_estate_companys_trade_word_is_one_word() -> None:
    """置地 is a trade word of company names (as 置业, 地产) and a word of the segmenter's dictionary: jieba
    had cut 华润|置|地 and the group's short name stood alone."""
    found = _organizations("某区还分别与华润置地、香港置地、龙湖集团等进行战略签约。")
    assert found[:2] == ["华润置地", "香港置地"]


@pytest.mark.parametrize("text", ["企业购置地块用于建设", "盘活闲置地块20亩", "处置地方债务"])
def test_words_holding_zhidi_are_still_cut_as_before(text: str) -> None:
    from zhfacts.nlp.segment import tokenize
    tokens = tokenize(text)
    assert "置地" not in [text[a:b] for a, b in zip(tokens.word_starts, tokens.word_ends, strict=True)]


def test_a_line_ending_with_a_web_address_is_a_line_of_its_own() -> None:
    """![](http://…/a.png) above a paragraph: joined to it, the address ran into the sentence (…png27日上午)
    and the paragraph's figures were read as the address's characters."""
    text = "![](http://static.example.cn/images/cq27-min.png)\n27日上午，某县集中开工了22个重大项目，总投资69.3亿元。"
    assert _quantities(text) == ["22个", "69.3亿元"]


@pytest.mark.parametrize("text, figure", [
    ("网址：www.example.gov.cn新增企业12家。", "12家"),
    ("图片http://a.example.com/x.jpg!40)全县签约项目8个", "8个"),
])
def test_a_web_address_ends_where_its_characters_do(text: str, figure: str) -> None:
    assert _quantities(text) == [figure]


def _places(text: str) -> list[tuple[str, str]]:
    return [(p["text"], p["canonical"]) for p in zhfacts.extract_text(text).records("places")]


def test_a_short_form_that_is_a_common_word_gives_the_page_no_province() -> None:
    """突破500亿元大关 twice (大关县 of Yunnan) had outvoted 泽州 (Shanxi), the page's own county."""
    text = ("2022年，是泽州发展历程中极不平凡的一年。地区生产总值达到556.4亿元，首次突破500亿元大关；"
            "总产值突破1000亿元大关。")
    assert _places(text) == [("泽州", "泽州县")]
    assert ("泽州县", "556.4亿元") in [(c["district"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


@pytest.mark.parametrize("word", ["惠民", "威信", "高明", "光泽"])
def test_ordinary_words_that_are_county_short_forms_need_support(word: str) -> None:
    assert _places(f"这是一项{word}工程，合作共建产业园。") == []


def test_an_indicator_named_with_guonei_is_no_wide_scope() -> None:
    """国内税收收入 opening a clause after the county's own figures: 国内 is the indicator's word."""
    text = "1—9月，青川县一般公共预算收入5亿元、增长16.3%，国内税收收入8.7亿元、增长31.3%。"
    assert [c["text"] for c in zhfacts.extract_text(text).records("claims")] == ["5亿元", "16.3%", "8.7亿元", "31.3%"]


def test_guonei_alone_still_widens_the_scope() -> None:
    text = "青川县一般公共预算收入5亿元，国内同类县平均增长3%。"
    assert [c["text"] for c in zhfacts.extract_text(text).records("claims")] == ["5亿元"]


@pytest.mark.parametrize("text, figures", [
    ("大东区税收收入90亿元。在各项税收中，增值税41.7亿元；企业所得税44.0亿元，增长43.8%。",
     ["90亿元", "41.7亿元", "44.0亿元", "43.8%"]),
    ("青川县新增就业1200人，企业职工基本养老保险参保5万人。", ["1200人", "5万人"]),
])
def test_a_tax_or_insurance_of_all_companies_is_the_districts(text: str, figures: list[str]) -> None:
    """企业所得税, 企业职工…: indicators of all the district's companies, not a company as the subject."""
    assert [c["text"] for c in zhfacts.extract_text(text).records("claims")] == figures
    assert _keys(text).get("43.8%", None) is None  # the tax's growth, not the number of companies'


@pytest.mark.parametrize("text", ["沭阳县、泗阳县、泗洪县分别设立分会场。", "宁阳县、汶阳县、汶上县各签约项目3个。"])
def test_names_listed_that_share_characters_are_no_line_printed_twice(text: str) -> None:
    """阳县、泗 twice in 沭阳县、泗阳县: repair had read it once and dropped a county from the text."""
    from zhfacts.text.repair import repair
    assert repair(text).text == text


@pytest.mark.parametrize("text, name", [("某某科技在北交所上市。", "北交所"), ("某某股份登陆深交所创业板。", "深交所"),
                                        ("某某股份在上交所主板上市。", "上交所"),
                                        ("该县被联合国授予荣誉称号。", "联合国")])
def test_stock_exchanges_and_the_un_are_named_by_their_usual_names(text: str, name: str) -> None:
    assert _organizations(text) == [name]


@pytest.mark.parametrize("text", ["青川县要求企业按时上交所有申报材料。", "上交所属主管部门审核。"])
def test_shangjiao_of_handing_in_is_no_exchange(text: str) -> None:
    """上交所 is a known name, but 上交|所有, 上交|所属 are words of handing in (jieba cuts 上交所|有)."""
    assert _organizations(text) == []


@pytest.mark.parametrize("text", ["会议通报，一季度国内生产总值同比增长5.3%。", "今年国内旅游收入增长35%。"])
def test_national_indicators_named_with_guonei_stay_wide(text: str) -> None:
    assert _claims("青川县召开经济工作会议。" + text) == []


def test_a_groups_numbered_unit_glued_to_its_short_names_last_character() -> None:
    """jieba cuts 中|铁一局: the group's short name ends inside a token, its numbered unit is still its company."""
    assert _organizations("松江区与中铁一局战略签约。") == ["中铁一局"]


@pytest.mark.parametrize("text, name", [("与中铁第四勘察设计院就枢纽建设达成合作。", "中铁第四勘察设计院"),
                                        ("青川县建筑设计院负责编制。", "青川县建筑设计院")])
def test_a_design_institute_is_a_named_body(text: str, name: str) -> None:
    assert _organizations(text) == [name]


def test_a_design_institute_with_no_name_is_none() -> None:
    assert _organizations("规划设计院负责编制方案。") == []


def test_an_officers_title_after_a_trade_name_and_industry_word_names_a_company() -> None:
    """嘉兴鹏翔包装|总经理: 包装 ends no short name alone (a verb as often), the title says it is a company."""
    assert _organizations("国内真空镀铝行业领跑者、嘉兴鹏翔包装总经理曹某出席。") == ["嘉兴鹏翔包装"]


@pytest.mark.parametrize("text", ["产品包装总经理张三表示，", "公司营销总经理李四说，"])
def test_common_words_before_an_officers_title_name_no_company(text: str) -> None:
    assert _organizations(text) == []


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text).records("claims")]


def test_a_paragraph_a_company_opens_by_investing_in_a_project_is_the_projects() -> None:
    text = ("忠县重大招商项目签约仪式举行，5个签约项目协议引资77亿元。\n"
            "博远环保技术股份有限公司总投资50亿元建设碳酸钙循环经济产业化项目，占地1000亩。"
            "主要建设80万吨纳米碳酸钙生产线；同步配套建设约13公里皮带长廊输送线。购置生产设备62台，建成后安置就业300余人。\n"
            "今年以来，全县新增规上工业企业12家。")
    assert _claims(text) == [("忠县", "5个"), ("忠县", "77亿元"), ("忠县", "12家")]


def test_a_company_opening_a_paragraph_with_no_project_blocks_its_sentence_only() -> None:
    text = ("忠县召开经济运行分析会。\n"
            "鑫能电力有限公司完成售电量12亿千瓦时。全年规上工业增加值增长8%。")
    assert _claims(text) == [("忠县", "8%")]


@pytest.mark.parametrize("text, surface", [("郑州市管城区GDP增长8%。", "管城区"), ("管城新增企业5家，金水区增长6%。", "管城")])
def test_an_ethnic_district_goes_by_its_stem_without_the_people(text: str, surface: str) -> None:
    """管城回族区: its short form was 管城回族; news writes 管城区 and 管城."""
    assert (surface, "管城回族区") in _places(text)


def test_an_enumerations_list_item_with_de_before_its_figure_is_each_ones() -> None:
    """…即墨区的9家，芝罘区、胶州市的8家: districts listed before 的 and their count in an enumeration."""
    text = "上市公司数量方面，历下区16家，即墨区的9家，芝罘区、胶州市的8家，诸城市的6家。"
    claims = _claims(text)
    assert ("芝罘区", "8家") in claims and ("胶州市", "8家") in claims


def test_a_pronoun_that_means_the_pages_district_names_no_other_subject() -> None:
    """全区 after the figure, in a sentence of a page about one district: the page's figure still."""
    text = ("在全面建设和谐龙岗的道路上迈出坚实一步。\n一、综合\n第二产业增加值616.86亿元；"
            "第三产业增加值309.40亿元，增长14.1%，全区三次产业结构为0.43:66.31:33.26。")
    assert ("龙岗区", "309.40亿元") in _claims(text)


def test_a_pronoun_of_another_level_still_names_another_subject() -> None:
    """全县 on a page about a 区: some county, not the page's district."""
    text = "在全面建设和谐龙岗的道路上迈出坚实一步。\n一、综合\n第三产业增加值309.40亿元，全县三次产业结构为1:40:59。"
    assert ("龙岗区", "309.40亿元") not in _claims(text)


@pytest.mark.parametrize("borders", ["东与黄陂区接壤，西接云梦县、安陆市，北靠大悟县、广水市。",
                                     "与云梦县、安陆市毗邻。"])
def test_districts_named_as_neighbours_leave_the_county_the_subject(borders: str) -> None:
    text = f"孝昌县位于湖北省东北部。{borders}国土面积1191平方公里。"
    assert ("孝昌县", "1191平方公里") in _claims(text)


def test_a_district_that_opens_its_own_clause_is_still_the_subject() -> None:
    text = "孝昌县位于湖北省东北部。云梦县新增企业12家。"
    assert _claims(text) == [("云梦县", "12家")]


@pytest.mark.parametrize("tail, figures", [
    ("今年以来，共签约项目23个，总投资186亿元。", ["23个", "186亿元"]),
    ("此次活动共签约项目15个，签约金额86亿元。", ["15个", "86亿元"]),
    ("建成后安置就业300余人。", []),
    # the project's own progress, however the sentence opens (a reader's sentences)
    ("目前，项目已完成投资12亿元。", []),
    ("今年以来，项目已完成投资5亿元。", []),
    ("累计完成投资8亿元，全年可实现产值60亿元。", []),
])
def test_the_whole_event_ends_a_project_paragraph(tail: str, figures: list[str]) -> None:
    text = ("青川县重大招商项目签约仪式举行。\n"
            "博远环保技术股份有限公司总投资50亿元建设碳酸钙循环经济产业化项目，占地1000亩。购置生产设备62台。" + tail)
    assert _claims(text) == [("青川县", f) for f in figures]


@pytest.mark.parametrize("text", ["青川县川北矿业有限公司负责人介绍，今年企业所得税同比增长15%。",
                                  "青川县川北矿业有限公司负责人介绍，企业职工达到900人。"])
def test_a_company_named_before_its_tax_or_staff_keeps_them(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize("text, figure, key", [
    ("青川县规上工业企业投资超亿元的达到12家。", "12家", "规上企业数"),
    ("青川县规模以上工业企业增加值增长9.2%。", "9.2%", "规上工业增加值增速"),
])
def test_a_count_of_bodies_keeps_their_key_and_their_value_added_is_the_indicators(
        text: str, figure: str, key: str) -> None:
    assert _keys(text)[figure] == key


@pytest.mark.parametrize("text, figure", [("中蜂养殖10万箱。", "10万箱"), ("牲畜存栏220万头只。", "220万头只"),
                                          ("建成标准化厂房5.88万㎡。", "5.88万㎡")])
def test_boxes_heads_and_birds_and_the_square_metre_sign_are_units(text: str, figure: str) -> None:
    assert _quantities(text) == [figure]


@pytest.mark.parametrize("text", ["出口3个集装箱。", "生产箱包20万只。"])
def test_xiang_inside_other_words_is_no_unit(text: str) -> None:
    assert "箱" not in "".join(_quantities(text))


def test_an_enumerations_next_item_leaves_the_zone_the_item_before_made_the_subject() -> None:
    text = ("平利县2024年度地区生产总值完成83.97亿元。\n二是构建产业集群。经开区建成标准化厂房5.88万平方米。"
            "三是打造文旅矩阵。成功创建7个国家A级景区。\n系统推进产业整合。一是抓园区经济，集聚29家上下游企业。")
    claims = _claims(text)
    assert ("平利县", "7个") in claims and ("平利县", "29家") in claims
    assert ("平利县", "5.88万平方米") not in claims


def test_a_project_paragraph_ends_with_its_paragraph() -> None:
    text = ("武进区举行签约活动。\n"
            "常州瑞拓精密机械有限公司将投资12亿元新建高端数控机床智能工厂，项目建成后可新增就业岗位约800个。\n"
            "新签约的项目涵盖新能源、高端装备等领域，累计孵化科技企业46家。")
    assert ("武进区", "46家") in _claims(text)


@pytest.mark.parametrize("text, district", [
    ("孝昌县新增企业20家。大悟县北与河南省信阳市交界。全年接待游客600万人次。", "大悟县"),
    ("孝昌县新增企业20家。北与河南省交界的大悟县，全年接待游客600万人次。实现旅游综合收入45亿元。", "大悟县"),
])
def test_a_district_that_borders_others_as_its_clauses_subject_is_no_neighbour(text: str, district: str) -> None:
    assert {d for d, _ in _claims(text)[1:]} == {district}


@pytest.mark.parametrize("sentence", ["去年自治区地区生产总值增长4.1%，全区经济稳中向好。",
                                      "园区规上工业产值增长18%，全区经济稳中向好。"])
def test_a_page_pronoun_after_a_region_or_park_may_mean_them(sentence: str) -> None:
    text = "建设和谐龙岗迈出坚实一步。\n一、综合\n" + sentence
    assert _claims(text) == []


@pytest.mark.parametrize("text", ["2024年全市地区生产总值增长6%。一是工业提速，规上工业增加值增长8%。",
                                  "博远环保技术股份有限公司总投资50亿元建设碳酸钙产业化项目。一是建设生产线3条。"])
def test_an_enumerations_item_stays_a_citys_or_projects(text: str) -> None:
    assert [c for c in _claims("青川县召开会议。\n" + text) if c[1] in ("8%", "3条")] == []


def test_a_river_a_district_is_named_after_needs_support() -> None:
    assert _places("沿瀍河两岸新建游园5处。") == []


@pytest.mark.parametrize("text", ["3万头只是一个开始。", "2000头只占全县的5%。"])
def test_heads_before_zhi_meaning_only_are_heads(text: str) -> None:
    assert not any(q.endswith("头只") for q in _quantities(text))


def test_a_party_role_noun_opens_no_companys_name() -> None:
    """项目投资方|江苏名欧…有限公司: the investor's role is no word of its name (boundaries.yaml stop_tokens)."""
    assert _organizations("项目投资方江苏名欧高分子科技股份有限公司董事长出席。") == ["江苏名欧高分子科技股份有限公司"]


def test_the_copula_before_a_committee_opens_no_body() -> None:
    """孝昌县|是|中共湖北省委: the county was taken into the committee's name across 是."""
    assert not any(o.startswith("孝昌县") for o in _organizations("孝昌县是中共湖北省委、省人民政府确立的扩权县。"))


def test_a_byline_alone_on_its_line_is_a_line_of_its_own() -> None:
    """A title cut off without its punctuation above 某某商报首席记者 某某: joined, the media's name took the title's words."""
    text = "郑州几个区都是什么(郑州16个县区,金水区最富\n河南商报首席记者 吴军\n2017年，郑州市各县区发展如何？"
    assert _organizations(text) == ["河南商报"]


def test_a_groups_numbered_highway_bureau_is_its_company() -> None:
    assert _organizations("中交一公局承建该项目。") == ["中交一公局"]
