"""Families of round 22, found on county half-year reviews, work reports and investment news: a bare
level body after 落实, a known body after a phrase of manner, a common-word county beside a place that
opens a longer item, a page footer's fields, fields counted after 等. Sentences written for these tests."""

from __future__ import annotations

import pytest

import zhfacts


def _orgs(text: str) -> list[tuple[str, str]]:
    return [(o["text"], o["type"]) for o in zhfacts.extract_text(text).records("organizations")]


def _places(text: str) -> list[tuple[str, str]]:
    return [(p["text"], p["canonical"]) for p in zhfacts.extract_text(text).records("places")]


@pytest.mark.parametrize("verb", ["落实", "认真落实", "贯彻落实", "贯彻"])
def test_a_level_committee_is_the_object_of_a_verb(verb: str) -> None:
    assert ("省委", "government") in _orgs(f"全县上下深入{verb}省委决策部署，经济稳中向好。")


def test_an_idiom_before_a_level_committee_still_keeps_it_out() -> None:
    assert _orgs("全县紧紧围绕县委部署，经济稳中向好。") == []


def test_a_known_body_after_a_phrase_of_manner() -> None:
    assert _orgs("我们认真落实党中央、国务院决策部署。") == [("党中央", "government"), ("国务院", "government")]


def test_a_common_word_county_needs_a_whole_item_after_it() -> None:
    text = "会上签约了潼南区人民政府某某大学专项合作、潼南区人民政府某某学院深度合作等项目。"
    assert [p for p in _places(text) if p[1] == "合作市"] == []


@pytest.mark.parametrize("text", ["甘南州的夏河、合作等县市。", "临夏、合作两市。", "合作、夏河两县。", "夏河和合作增速较快。"])
def test_a_common_word_county_in_a_list_of_places(text: str) -> None:
    assert ("合作", "合作市") in _places(text)


def test_a_footer_field_is_a_line_of_its_own() -> None:
    text = "欢迎关注本厅公众号\n主办单位:湖南省商务厅\n政府网站标识码:4300000000\n备案号:湘ICP备00000000号"
    assert _orgs(text) == [("湖南省商务厅", "government")]


def test_an_empty_source_line_names_no_media() -> None:
    assert _orgs("文件下载\n来源: 责任编辑:\n分享到") == []
    assert _orgs("来源:梧桐日报 责任编辑:张三") == [("梧桐日报", "other")]


def test_fields_counted_after_a_list_are_no_companies() -> None:
    assert _orgs("重点发展新能源新材料、高端化工与纺织新材料、海洋工程装备等6条县域重点产业链。") == []
    assert _orgs("引进华为科技、宁德电池等5家企业。") == [("华为科技", "company"), ("宁德电池", "company")]


def test_an_industry_word_glued_to_its_field_names_no_company() -> None:
    assert _orgs("我县为做大做强电子信息产业引进了一批新项目。") == []


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c["district"], c["text"]) for c in zhfacts.extract_text(text, pub_date="2025-03-01").records("claims")]


def test_an_age_range_before_a_noun_names_a_class() -> None:
    text = "潼南区今年为0-6岁孤独症儿童提供康复救助，全区0-6岁儿童达3.2万人。"
    assert _claims(text) == [("潼南区", "3.2万人")]


@pytest.mark.parametrize("text", ["长寿与涪陵签署战略合作协议。", "合作与夏河签订协作协议。", "长寿和涪陵经济增速位居前列。",
                                  "光明、宝安区率先推行。"])
def test_a_common_word_county_opening_a_list_that_runs_on(text: str) -> None:
    assert len(_places(text)) == 2


def test_a_ranked_list_keeps_each_place_its_rank() -> None:
    text = "长寿(第5位)、涪陵(第7位)进入前十。"
    assert _places(text) == [("长寿", "长寿区"), ("涪陵", "涪陵区")]


def test_a_footer_fields_value_may_wrap() -> None:
    assert _orgs("主办单位：重庆市潼南区人民\n政府办公室") == [("重庆市潼南区人民政府办公室", "government")]


@pytest.mark.parametrize("text", ["近日，新县委书记带队调研。", "在高县委统一领导下，全县稳步发展。"])
def test_a_one_character_adjective_is_no_verb_before_a_committee(text: str) -> None:
    assert ("县委", "government") not in _orgs(text)


def test_an_age_range_before_no_noun_is_a_figure() -> None:
    assert ("潼南区", "18-35岁") in _claims("潼南区招募志愿者1200名，年龄在18-35岁之间。")


def test_a_township_named_after_its_district_owns_its_rank() -> None:
    text = "千强镇榜单发布。前100强中，潼南区双江镇位居第31位，长寿区渡舟街道位居第74位。"
    assert _claims(text) == []


@pytest.mark.parametrize("text", ["潼南区城镇居民人均可支配收入增长5%。", "潼南区新型城镇化率达55%。", "潼南区乡镇企业产值增长5%。",
                                  "潼南区各镇街税收增长5%。"])
def test_words_opening_like_a_township_leave_the_district_its_figure(text: str) -> None:
    assert [d for d, _ in _claims(text)] == ["潼南区"]


def test_counts_of_county_level_divisions_and_the_nations_figures_are_no_claims() -> None:
    text = ("潼南区发布评价报告。研究覆盖361个县级市和648个市辖区。截至2023年底，我国建制镇数量达到21421个。"
            "潼南区有3个县级工业园区。")
    assert _claims(text) == [("潼南区", "3个")]


def test_a_district_and_a_conjunction_stand_before_a_registered_name() -> None:
    assert _orgs("潼南区与人民电器集团有限公司签订战略合作协议。") == [("人民电器集团有限公司", "company")]


def test_a_sites_dispatch_cue_repeats_its_head() -> None:
    assert ("驻马店广视网", "other") in _orgs("驻马店广视网网讯(通讯员 张三)今年以来，全县经济稳步发展。")


def test_a_list_of_comparisons_names_no_companies() -> None:
    assert _orgs("企业有信心做得更好、更强、更大。") == []


def test_a_rank_then_为_names_its_holder() -> None:
    text = "百强县名单发布，江苏省昆山市位列第一名，西部地区第一名为四川省双流县。"
    assert _claims(text) == [("昆山市", "第一名"), ("双流区", "第一名")]  # 双流县 is 双流区 since 2015
    assert _claims("今年排名第一的是潼南区，排名第二的是长寿区。") == [("潼南区", "第一"), ("长寿区", "第二")]


def test_the_owner_of_a_pages_rights_is_named_without_the_label() -> None:
    assert _orgs("本网所有作品，版权归高原(北京)文化传播有限公司。") == [("高原(北京)文化传播有限公司", "company")]


def _ranks(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    return [(q["text"], q["value"], q["value_min"], q["value_max"])
            for q in zhfacts.extract_text(text).records("quantities") if q["unit"] == "rank"]


@pytest.mark.parametrize(("text", "span", "low", "high"), [
    ("排在第4名到第10名的分别是甲县、乙县。", "第4名到第10名", 4, 10),
    ("潼南区今年居第3至5位。", "第3至5位", 3, 5),
])
def test_a_range_of_positions_is_one_rank(text: str, span: str, low: int, high: int) -> None:
    assert _ranks(text) == [(span, None, low, high)]


def test_ordinals_apart_stay_two_ranks() -> None:
    assert [r[0] for r in _ranks("潼南区居全市第2位，长寿区第5位。")] == ["全市第2位", "第5位"]


@pytest.mark.parametrize("text", ["总体评价中，排在前5名的分别是新郑市、荥阳市、巩义市、新密市、中牟县。",
                                  "就民生幸福来看，巩义市、新郑市、荥阳市排前3名。"])
def test_a_top_n_a_list_shares_is_no_ones(text: str) -> None:
    assert _claims(text) == []


def test_one_district_in_a_top_n_and_a_tie_keep_their_ranks() -> None:
    assert _claims("深圳福田区跻身前10名。") == [("福田区", "前10名")]
    assert _claims("长寿区和潼南区并列全市第一。") == [("长寿区", "全市第一"), ("潼南区", "全市第一")]


def test_a_top_n_then_its_list_is_no_ones() -> None:
    assert _claims("根据榜单，其前十名分别为：河北省承德市丰宁满族自治县，贵州省毕节市威宁彝族回族苗族自治县。") == []
    assert _claims("前十名分别为潼南区、长寿区、璧山区。") == []
    assert _claims("排在第4名到第10名的分别是潼南区、长寿区、璧山区。") == []


def test_a_quoted_account_before_a_spaced_channel() -> None:
    assert _orgs("敬请关注“湖南商务” 微信公众号") == [("湖南商务", "other")]


@pytest.mark.parametrize("text", ["潼南区实施乡村振兴战略，投资5亿元。", "潼南区特色小镇建设加快，完成投资5亿元。",
                                  "潼南区中心镇建设投入5亿元。", "潼南区美丽乡村建设投入资金5亿元。"])
def test_a_phrase_that_only_looks_like_a_township_leaves_the_district_its_figure(text: str) -> None:
    assert [d for d, _ in _claims(text)] == ["潼南区"]


def test_a_real_township_after_its_district_owns_its_figures() -> None:
    assert _claims("潼南区双江镇实现产值12亿元。") == []


def test_a_county_level_market_is_no_count_of_divisions() -> None:
    assert _claims("潼南区新建5个县级市场监管示范所。") == [("潼南区", "5个")]


def test_one_district_holds_the_top_n_it_is_named_for() -> None:
    assert _claims("进入全市前10名的是潼南区。") == [("潼南区", "全市前10名")]
    assert _claims("潼南区、长寿区均进入全市前10名。") == [("潼南区", "全市前10名"), ("长寿区", "全市前10名")]


def test_a_rank_before_a_districts_body_is_the_bodys() -> None:
    assert _claims("全市评比中，第一名为潼南区人民医院。") == []


def test_a_common_word_short_form_before_与_stays_in_a_name() -> None:
    assert ("中国长寿与健康研究中心", "research") in _orgs("中国长寿与健康研究中心发布报告。")


def test_a_government_then_a_placed_university_are_two_parties() -> None:
    orgs = _orgs("签约项目有连江县人民政府福建商学院深度合作项目。")
    assert ("连江县人民政府", "government") in orgs and ("福建商学院", "university") in orgs
    assert ("重庆市人民政府发展研究中心", "research") in _orgs("重庆市人民政府发展研究中心发布报告。")
