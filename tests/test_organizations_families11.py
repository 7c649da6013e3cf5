"""Organization families of round 11 (issue 11), one table per family, negatives included. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


FOUND = [
    # (text, name, type, rule)
    # (round 19) the name starts after a verb that takes it as its object; a trade the name holds stays
    ("张建军会见华信粮油有限公司董事长。", "华信粮油有限公司", "company", "org.suffix.company"),
    ("河北华信农副产品收购有限公司今年收购玉米5万吨。", "河北华信农副产品收购有限公司", "company", "org.suffix.company"),
    # the frame 以…为代表的 closes a list of companies, as 等 does, before a company or cluster cue
    ("培育了以康宏药业、华鼎机械为代表的一批龙头企业。", "华鼎机械", "company", "org.short_name.list"),
    ("形成以青松酒业、丰瑞实业、禾家王食品、骏宇茂泰为代表的食品产业集群。", "骏宇茂泰", "company",
     "org.short_name.list"),
    ("形成以丰川铜业、宁安硅业、宏湘钢铁为代表的冶金产业集群。", "宁安硅业", "company", "org.short_name.list"),
    # 以…为龙头的 says the items are companies, whatever cue follows
    ("已形成以华泰阳光为龙头的有机颜料产业集群。", "华泰阳光", "company", "org.short_name.list"),
    ("形成以丰源集团、瑞康生物为龙头的食品产业集群。", "瑞康生物", "company", "org.short_name.list"),
    # a body with its place before a title jieba glued to it (政协|主席 as one token)
    ("四川省政协主席李明出席会议。", "四川省政协", "government", "org.suffix.government"),
    # a leading group and its office, named by a place or a level and its work (government.yaml office_heads)
    ("绵阳市防汛抗旱工作领导小组办公室发出通知。", "绵阳市防汛抗旱工作领导小组办公室", "government",
     "org.government.pattern"),
    ("经县乡村振兴工作领导小组研究决定。", "县乡村振兴工作领导小组", "government", "org.government.pattern"),
    # a level before a bank's short name: the place's branch
    ("会上，县农行与五家企业签订合作协议。", "县农行", "company", "org.knowledge"),
    # a full name of common words in a 、-list of full names
    ("考察了华泰食品有限公司、常常食品有限公司。", "常常食品有限公司", "company", "org.short_name.list"),
    # 和 after a common word is a conjunction before a level's own body, not the county 和县
    ("县领导和县委宣传部负责人出席。", "县委宣传部", "government", "org.suffix.government"),
    ("安徽省和县人民政府发布通告。", "安徽省和县人民政府", "government", "org.suffix.government"),
    # a zone named by a common noun, its committee
    ("火炬开发区管委会主任出席会议。", "火炬开发区管委会", "government", "org.suffix.government"),
    # a registered name opens at its largest place: the smaller places before it say where it is
    ("名单公布，绵阳市涪城区四川华瑞科技有限公司上榜。", "四川华瑞科技有限公司", "company", "org.suffix.company"),
    ("四川省绵阳市华瑞科技有限公司上榜。", "四川省绵阳市华瑞科技有限公司", "company", "org.suffix.company"),
    # a pair joined by 和 before its count closes a list too, its first item after the clause's words
    ("县里正在为瑞丰和博源两家公司申请展位。", "瑞丰", "company", "org.short_name.list"),
    ("县里正在为瑞丰和博源两家公司申请展位。", "博源", "company", "org.short_name.list"),
    # a bank's branch written by its place alone after the document named the bank
    ("建设银行成都分行召开会议。会上，温江支行介绍了经验。", "温江支行", "company", "org.branch.by_place"),
    ("农发行湖南省分行与县政府签约。省分行辖内桃源县支行当年投放贷款9亿元。", "桃源县支行", "company",
     "org.branch.by_place"),
    # a commission written by one function character (市|科委), a title after it or not
    ("市科委召开专题会议。", "市科委", "government", "org.government.pattern"),
    ("县经委主任出席了座谈会。", "县经委", "government", "org.government.pattern"),
    # a character glued before the level into no word, the level's own body right after it
    ("各单位于月底前将总结报区人民政府办公室。", "区人民政府办公室", "government", "org.government.pattern"),
    # a bank's known short name after a place: the branch
    ("渝北建行举办了小微企业融资对接会。", "渝北建行", "company", "org.knowledge"),
    ("四川农发行今年加大了水利贷款投放。", "四川农发行", "company", "org.knowledge"),
]


@pytest.mark.parametrize(("text", "name", "type_", "rule"), FOUND)
def test_names_found_by_family(nlp, text, name, type_, rule):
    orgs = found(nlp, text)
    assert name in orgs, orgs
    assert (orgs[name]["type"], orgs[name]["rule"]) == (type_, rule)


NOT_FOUND = [
    # (text, what is no organization)
    # (round 19) what an official does to a body, or a deal with one, is no word of its name
    ("张建军听取公司经营情况介绍。", "张建军听取公司"),
    ("张建军会见华信粮油有限公司董事长。", "张建军会见华信粮油有限公司"),
    ("张建军举行公司成立十周年庆典。", "张建军举行公司"),
    # 以…为代表的 after fields, places or products: no companies
    ("形成以电子信息、生物医药、新材料为代表的战略性新兴产业集群。", "电子信息"),
    ("以张江、临港为代表的产业集群加快成长。", "临港"),
    ("形成了以汽车零部件、装备制造为代表的先进制造业集群。", "装备制造"),
    ("打响以大米、茶叶为代表的特色农产品品牌。", "茶叶"),
    # a branch by its place with no bank named before it, by a level alone or by a common word
    ("桃源县支行当年投放贷款9亿元。", "桃源县支行"),
    ("农发行湖南省分行与县政府签约。省分行当年投放贷款9亿元。", "省分行"),
    ("县农商银行召开大会，城区支行获表彰。", "城区支行"),
    # a branch right after the bank's bracketed short name is the bank's, named before the bracket
    ("市政府与中国建设银行(简称建行)宜都分行签约。", "宜都分行"),
    # words that end like a commission or a bank's short name
    ("全县形成了新的发展格局。", "县形成了新的发展格局"),
    ("集中行动取得明显成效。", "集中行"),
    ("市区政府大楼正在翻修。", "区政府"),
    # 以…为龙头的 after a sector or a place
    ("以旅游业为龙头的第三产业快速发展。", "旅游业"),
    ("以中心城区为龙头带动全域发展。", "中心城区"),
    ("以龙头企业为龙头的产业链条。", "龙头的产业链条"),
    # a numeral glued before a level character opens no body (a name's characters, or a count)
    ("九州纵横交易中心正式运营。", "州纵横交易中心"),
    ("引进三县通物流服务中心。", "县通物流服务中心"),
    # a leading group named by its kind alone, a bank's short name inside a word
    ("会议决定成立领导小组。", "领导小组"),
    ("成立县中行业协会。", "县中行"),
    # a full name of common words alone stays a kind
    ("当地的物资储备有限公司开展轮换。", "物资储备有限公司"),
    # companies counted by where they are listed
    ("全市境内外上市公司累计已达30家。", "境内外上市公司"),
    ("新增境外上市公司2家。", "境外上市公司"),
    # a zone named by its kind or a domain word alone
    ("工业开发区管委会负责园区建设。", "工业开发区管委会"),
    ("县领导和县委宣传部负责人出席。", "县领导和县委宣传部"),
    # the smaller places before a registered name opening with a larger one
    ("名单公布，绵阳市涪城区四川华瑞科技有限公司上榜。", "绵阳市涪城区四川华瑞科技有限公司"),
    # a person by title is no item of a list of companies
    ("县委书记张强和华鼎机械等企业负责人座谈。", "县委书记张强"),
    ("规上工业和建筑业12家企业入库。", "规上工业"),
    # one item after an opening cue is no list: a company only with an industry word
    ("帮助企业为员工办理社保。", "员工办理社保"),
    # a quoted slogan whose words hold a common verb, though it ends with an industry word
    ("召开“政企对接促发展”座谈会。", "政企对接促发展"),
    # a body's name opening a website's name
    ("友情链接：某某区政府在线 | 某某政务网", "区政府"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


def test_a_bank_brand_after_a_place_takes_the_branch_of_its_level(nlp):
    assert found(nlp, "渝北建行举办了对接会。")["渝北建行"]["canonical"] == "中国建设银行股份有限公司渝北区支行"
    assert found(nlp, "重庆农行发放贷款。")["重庆农行"]["canonical"] == "中国农业银行股份有限公司重庆市分行"


def test_a_branch_by_its_place_takes_the_bank_named_before_it(nlp):
    orgs = found(nlp, "农业银行绵阳分行积极服务。涪城支行新增贷款2亿元。")
    assert orgs["涪城支行"]["canonical"] == "中国农业银行股份有限公司涪城支行"
