"""Cases of the review of round 11 (organizations and repair), each a defect found in the change and
fixed: sentences written for these tests."""
from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.text.repair import repair


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def test_a_narrow_column_under_a_wide_line_is_still_joined() -> None:
    raw = ("来源：某某日报 发布时间：2024年3月15日 作者：张三 责任编辑：李四\n"
           "今年以来，全区规模以上工\n业企业实现营业收入同比增\n长百分之十二其中高技术制\n造业增加值增长较快。")
    assert "同比增长" in repair(raw).text


def test_a_bank_brand_after_a_place_of_two_levels_has_a_branch_head(nlp) -> None:
    assert found(nlp, "长沙农行发放贷款。")["长沙农行"]["canonical"].endswith("行")


def test_an_industry_association_is_no_bank(nlp) -> None:
    orgs = found(nlp, "四川省银行业协会召开年会。会上，绵阳分行作交流发言。")
    assert orgs.get("绵阳分行", {}).get("canonical") != "四川省银行绵阳分行"


@pytest.mark.parametrize("text", ["以项目建设为龙头的各项工作扎实推进。", "以省会城市为龙头的城市群加快发展。",
                                  "以白酒酿造为龙头的食品产业集群。"])
def test_a_field_before_wei_longtou_is_no_company(nlp, text) -> None:
    assert not [o for o in found(nlp, text).values() if o["rule"] == "org.short_name.list"]


@pytest.mark.parametrize(("text", "name"), [("签约企业包括达成科技、鼎盛实业、恒发食品。", "达成科技"),
                                            ("龙头企业包括成长电子、腾飞物流、奋进建材。", "成长电子")])
def test_a_trade_name_that_is_a_verb_stays_in_its_list(nlp, text, name) -> None:
    assert name in found(nlp, text)


@pytest.mark.parametrize(("text", "name"), [("华科长江电子、丰瑞实业等企业参加签约。", "华科长江电子"),
                                            ("鼎盛实业、国科长兴科技等企业参加签约。", "国科长兴科技")])
def test_a_title_s_characters_across_words_are_no_title(nlp, text, name) -> None:
    assert name in found(nlp, text)


@pytest.mark.parametrize(("text", "name"), [("市政府在线回复网民留言128条。", "市政府"),
                                            ("区商务局在线解答企业咨询。", "区商务局")])
def test_a_body_acting_online_is_still_a_body(nlp, text, name) -> None:
    assert name in found(nlp, text)


@pytest.mark.parametrize(("text", "partner", "company"), [("县领导与鼎盛实业等企业代表座谈。", "县领导", "鼎盛实业"),
                                                         ("园区与鼎盛实业等企业签约。", "园区", "鼎盛实业"),
                                                         ("近日，高新区管委会与恒发食品等企业签约。", "高新区管委会", "恒发食品")])
def test_the_partner_before_yu_is_no_item_of_the_list(nlp, text, partner, company) -> None:
    orgs = found(nlp, text)
    assert company in orgs
    assert orgs.get(partner, {}).get("rule") != "org.short_name.list"


@pytest.mark.parametrize(("text", "name"), [("培育了以康宏药业、华鼎机械等为代表的一批龙头企业。", "华鼎机械"),
                                            ("形成以鼎盛实业、恒发食品等为龙头的食品产业集群。", "恒发食品")])
def test_deng_before_a_frame_closer_is_no_part_of_the_last_item(nlp, text, name) -> None:
    orgs = found(nlp, text)
    assert name in orgs and name + "等" not in orgs


def test_entrepreneurs_of_a_frame_are_no_companies(nlp) -> None:
    assert "张明" not in found(nlp, "涌现出以张明、王强为代表的一批优秀企业家。")


def test_a_cue_inside_a_longer_word_gives_way_to_the_cue_after_it(nlp) -> None:
    # 外国企业: 国企 ends inside 企业, which is the list's cue
    assert "松田油脂" in found(nlp, "市场长期被日本松田油脂等少数外国企业垄断。")


# The second read of round 11 (the merge of the organization helper's work and the lead's after it).
@pytest.mark.parametrize(("text", "name"), [
    ("于氏骨科医院开展义诊。", "于氏骨科医院"),  # a preposition's character opening a name at a clause's start
    ("与同曦康复医院签订合作协议。", "同曦康复医院"),  # ... or after a preposition
    ("火炬开发区管委会主任出席会议。", "火炬开发区管委会"),
    ("辽宁北国网讯 记者从市里获悉。", "辽宁北国网"),  # a place before a brand stays in it, no known name cut out
])
def test_names_kept_whole(nlp, text, name) -> None:
    assert name in found(nlp, text)


@pytest.mark.parametrize(("text", "not_name"), [
    ("江苏各地科技局加强指导。", "江苏各地科技局"),  # a pronoun after a place
    ("化工园区管委会负责人介绍情况。", "化工园区管委会"),  # a kind of zone by its industry
    ("像张建国这样的企业家越来越多。", "张建国"),  # a frame of a person
    ("银行为种养大户授信。", "种养大户"),  # a kind in a frame
    ("组织了子公司、鑫源无纺布公司参展。", "了子公司"),
    ("产业涵盖食品、纺织，龙头带动5家企业获评。", "龙头带动"),  # a 、 in an earlier clause
    ("来源：“某某发布”微信公众号", "微信"),  # an account type is no media name
    ("引进一家食品和一家服装两家企业。", "一家食品"),  # counted kinds before a pair's count
])
def test_no_names_in_the_second_read(nlp, text, not_name) -> None:
    assert not_name not in found(nlp, text)
