"""Organization families of round 12 (issue 11) found by the lead, negatives included. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from helpers import organization_mentions as mentions


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


REPEATED = [
    # (text, short name, how many mentions): a company named by a short name in a list comes again bare
    ("华鼎、鑫源等企业现场签约。华鼎负责人表示，鑫源今年将扩产。", "华鼎", 2),
    ("华鼎、鑫源等企业现场签约。华鼎负责人表示，鑫源今年将扩产。", "鑫源", 2),
    ("县里正在为瑞丰和博源两家公司申请展位，博源已报名。", "博源", 2),
]


@pytest.mark.parametrize(("text", "name", "count"), REPEATED)
def test_a_short_name_named_once_is_found_where_it_comes_again(nlp, text, name, count):
    found = [m for m in mentions(nlp, text) if m[0] == name]
    assert len(found) == count, mentions(nlp, text)
    assert {canonical for _, canonical, _ in found} == {name}


NOT_REPEATED = [
    # (text, surface): the short name inside a longer word, or no short name named before
    ("华鼎、鑫源等企业现场签约。华鼎盛世小区交付使用。", "华鼎"),
    ("鑫源今年将扩产。", "鑫源"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_REPEATED)
def test_a_short_name_is_not_found_inside_other_words_or_unannounced(nlp, text, surface):
    found = [m for m in mentions(nlp, text) if m[0] == surface]
    assert len(found) <= (1 if text.startswith(surface + "、") else 0), mentions(nlp, text)


NOT_NAMES = [
    # (text, no organization): an adverb and a verb jieba holds as one word (tagged a noun at times)
    # open no name on the walk left
    ("充分发挥行业协会商会作用。", "充分发挥行业协会"),
    ("要充分发挥县工商联桥梁纽带作用。", "充分发挥县工商联"),
]


def test_no_name_holds_a_list_delimiter(nlp):
    found = [m[0] for m in mentions(nlp, "江城大学园艺学院教授李某、农学院教授张大炜、食品学院副教授王某出席。")]
    assert not [name for name in found if "、" in name], found


@pytest.mark.parametrize(("text", "not_name"), NOT_NAMES)
def test_an_adverb_and_verb_word_opens_no_name(nlp, text, not_name):
    assert not_name not in [m[0] for m in mentions(nlp, text)]


def test_the_body_after_an_adverb_and_verb_word_is_found(nlp):
    assert "县工商联" in [m[0] for m in mentions(nlp, "要充分发挥县工商联桥梁纽带作用。")]


FOUND = [
    # (text, name, canonical, rule)
    # a full name whose business no industry word of ours ends: an opening of its trade name, written
    # again, is its short name
    ("华瑞兴盛精密铸件有限公司投产。作为龙头企业，华瑞兴盛的订单已排满。", "华瑞兴盛", "华瑞兴盛精密铸件有限公司",
     "org.alias"),
    # a common verb before a province that opens a registered name: the name opens at the province
    ("当天，禄劝县宣布云南方德尔康园艺有限公司基地开工。", "云南方德尔康园艺有限公司", "云南方德尔康园艺有限公司",
     "org.suffix.company"),
    # a conjunction of two characters ends a name, a registered one too
    ("加工厂只是瑞丰公司的一个项目。", "瑞丰公司", "瑞丰公司", "org.suffix.company"),
    # a bank's name ends inside a word jieba glued after its head (某某|银行贷款)
    ("去年，他又从邮储银行贷款10万元。", "邮储银行", "中国邮政储蓄银行股份有限公司", "org.suffix.company"),
    # a numeral that opens a trade name after a place (南通|万|维新|…)
    ("绵阳万维新能源科技有限公司获评瞪羚企业。", "绵阳万维新能源科技有限公司", "绵阳万维新能源科技有限公司",
     "org.suffix.company"),
    # a four-character phrase of manner (z) ends a name: 认真落实|中央宣传部
    ("全体党员认真落实省委宣传部的要求。", "省委宣传部", "省委宣传部", "org.suffix.government"),
    # a two-character word jieba tags z stays a trade name's
    ("无锡鼎邦科技有限公司成立。", "无锡鼎邦科技有限公司", "无锡鼎邦科技有限公司", "org.suffix.company"),
    # an autonomous county's full name holds its peoples' names, which jieba cuts apart
    ("化隆回族自治县人民政府发布通知。", "化隆回族自治县人民政府", "化隆回族自治县人民政府",
     "org.suffix.government"),
    ("石柱土家族自治县政府召开常务会议。", "石柱土家族自治县政府", "石柱土家族自治县政府", "org.suffix.government"),
    # an autonomous level written alone stands for the document's own place, as 县 does
    ("我代表自治县人民政府，向大会报告工作。", "自治县人民政府", "自治县人民政府", "org.suffix.government"),
    # a prefecture's everyday name cut before its committee (楚雄州|委)
    ("恩施州委召开全会。", "恩施州委", "恩施州委", "org.suffix.government"),
    # a province and a prefecture jieba's dictionary holds as one word are places before the head
    ("四川省阿坝藏族羌族自治州州委召开全会。", "四川省阿坝藏族羌族自治州州委", "四川省阿坝藏族羌族自治州州委",
     "org.suffix.government"),
    # a rarer verb before the head may be the business (担保)
    ("华信融资担保公司签约。", "华信融资担保公司", "华信融资担保公司", "org.suffix.company"),
    # a list's last item of proper words cut at an adverb before the clause's verb
    ("金河电缆、力恒机械、三利泰、鑫返特玻分别被评为市级企业。", "鑫返特玻", "鑫返特玻", "org.short_name.list"),
    # a newspaper's group named by its paper is a name
    ("江城日报报业集团主办。", "江城日报报业集团", "江城日报报业集团", "org.suffix.company"),
    # companies before 等项目, one of common words among trade names
    ("察看了威翔航空、星际动漫、众瑞机械等园区产业项目。", "星际动漫", "星际动漫", "org.short_name.list"),
    # innovation promotion centres (创新促进中心), a bracketed place inside the name; a level's promotion
    # centre stays the government pattern's
    ("县生产力促进中心开展上门服务。", "县生产力促进中心", "县生产力促进中心", "org.government.pattern"),
    ("华创谷生产力促进中心开展上门服务。", "华创谷生产力促进中心", "华创谷生产力促进中心", "org.suffix.other"),
    ("会上宣布华创谷(涪城)创新促进中心启动。", "华创谷(涪城)创新促进中心", "华创谷(涪城)创新促进中心",
     "org.suffix.other"),
]


@pytest.mark.parametrize(("text", "name", "canonical", "rule"), FOUND)
def test_names_found_by_family(nlp, text, name, canonical, rule):
    assert (name, canonical, rule) in mentions(nlp, text), mentions(nlp, text)


NOT_FOUND = [
    # (text, surface): an opening shorter than four characters is a product's brand as often
    ("沁源黄小米有限公司成立。沁源黄小米远销各地。", "沁源黄"),
    # the verb and the places before it are no part of the name
    ("当天，禄劝县宣布云南方德尔康园艺有限公司基地开工。", "禄劝县宣布云南方德尔康园艺有限公司"),
    ("加工厂只是瑞丰公司的一个项目。", "加工厂只是瑞丰公司"),
    # an autonomous level before a common word is no body
    ("推进自治县建设。", "自治县建设"),
    # a very common verb right before the head names no business
    ("新城项目作为公司今年开工的重点项目。", "新城项目作为公司"),
    ("新城项目作为公司今年开工的重点项目。", "新城项目"),
    # an autonomous region's level is a kind of centre, no name
    ("新认定自治区级技术创新中心2个。", "自治区级技术创新中心"),
    ("他从银行贷款10万元。", "银行"),
    # a page's source that names no media
    ("时间：2021-04-08 作者：本站整理 来源：网络", "网络"),
    # a nominal verb after an adverb stays a name's field (终身|教育)
    ("近日，成都市终身教育学会召开年会。", "终身教育学会"),
    # a list of kinds of projects in common words before 等项目
    ("其中绿色有机农业、生态观光现代农业、循环利用发展等项目占比较大。", "绿色有机农业"),
    ("其中绿色有机农业、生态观光现代农业、循环利用发展等项目占比较大。", "生态观光现代农业"),
    ("全县将成立创新促进中心。", "创新促进中心"),
    # a last item that ran into its clause's verb (jieba glued the adverb to the name: 泰丰均|获得)
    ("鑫源科技、华鼎、泰丰均获得奖励。", "泰丰均获得奖励"),
    # a list delimiter is no half of a name after a person's name cut into characters
    ("江城大学园艺学院教授李某、农学院教授张大炜、食品学院副教授王某出席。", "、食品学院"),
    # kinds by trade, or by where members come from
    ("未经报业集团书面授权，不得转载。", "报业集团"),
    ("积极发挥异地商会作用。", "异地商会"),
    ("全县38家农牧民专业合作社获得贷款。", "农牧民专业合作社"),
    ("全县有10余家种植业合作社、农机合作社参与。", "种植业合作社"),
    ("全县有10余家种植业合作社、农机合作社参与。", "农机合作社"),
    # a list of companies closed by 等…企业 opens after another list's closer: the kinds of projects
    # before that closer are no items of it
    ("争取省级、市级中小企业发展、节能降耗、技术改造、绿色制造等项目的有华鼎纺织品有限公司、"
     "新疆瑞丰纺织科技有限公司、华康农业科技有限公司等十余家企业，", "节能降耗"),
    ("争取省级、市级中小企业发展、节能降耗、技术改造、绿色制造等项目的有华鼎纺织品有限公司、"
     "新疆瑞丰纺织科技有限公司、华康农业科技有限公司等十余家企业，", "技术改造"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_FOUND)
def test_no_names_by_family(nlp, text, surface):
    assert surface not in [m[0] for m in mentions(nlp, text)]


def test_an_autonomous_countys_body_takes_the_county_as_its_district(nlp):
    doc = nlp("化隆回族自治县人民政府发布通知。")
    (hit,) = doc._.organizations
    assert (hit.fields["district"], hit.fields["adcode"]) == ("化隆回族自治县", "630224")


SIBLINGS = [
    # (text, the group's other numbered units): after a company ending with a number and a unit word
    ("项目由中建三局一公司、二公司、八公司联合承建。", ["二公司", "八公司"]),
    ("公园由某某建投三公司、五公司、十六公司承建。", ["五公司", "十六公司"]),
]


@pytest.mark.parametrize(("text", "units"), SIBLINGS)
def test_a_groups_numbered_units_listed_after_the_first(nlp, text, units):
    found = [m[0] for m in mentions(nlp, text)]
    assert all(unit in found for unit in units), found


def test_a_number_and_unit_after_a_company_without_one_is_no_unit(nlp):
    assert "五公司" not in [m[0] for m in mentions(nlp, "华为公司、五公司等参加。")]


SCHOOLS = [
    # (text, school, canonical): a university's schools listed after one of its schools, by field alone
    ("江城大学外国语学院、法学院、经济学院的师生参加。", "法学院", "江城大学法学院"),
    ("江城大学外国语学院、法学院、经济学院的师生参加。", "经济学院", "江城大学经济学院"),
    ("江城大学代表团来访。园艺园林学院教授李某、农学院教授张某、食品学院副教授王某出席。", "农学院",
     "江城大学农学院"),
]


@pytest.mark.parametrize(("text", "school", "canonical"), SCHOOLS)
def test_a_universitys_schools_listed_by_field(nlp, text, school, canonical):
    assert (school, canonical, "org.suffix.university") in mentions(nlp, text), mentions(nlp, text)


def test_a_list_after_a_school_stops_at_an_item_that_is_no_school(nlp):
    found = [m[0] for m in mentions(nlp, "江城大学园艺学院、学院路街道参加。")]
    assert found == ["江城大学园艺学院"]


REVIEWED = [
    # (text, surface, rule or None): names the second reading of round 12 asked about
    ("近日，江城市终身教育学会召开年会。", "江城市终身教育学会", "org.suffix.other"),
    ("县政府与华鼎、优等光电、鑫源等企业签订合作协议。", "优等光电", "org.short_name.list"),
    ("会上，华鼎、中科等离子、鑫源等企业代表发言。", "中科等离子", "org.short_name.list"),
    # a person before 分别 is no company, nor are its later mentions
    ("会上，鑫源科技、王建国分别作了发言。王建国表示，很好。", "王建国", None),
    # a short name before a place's feature names the place (万达|广场)
    ("会上，银泰、万达等企业代表发言。市民可到万达广场参加活动。", "万达", "org.short_name.list"),
    # an independent college is no school of the document's university
    ("西南大学与县政府签约。会上，西昌学院、农学院的代表发言。", "农学院", None),
    # a place or a phrase a company is named after is no short name of it
    ("成都天府国际机场临空建设有限公司成立。今年天府国际机场旅客吞吐量增长20%。", "天府国际机场", None),
    ("成都东郊记忆文化创意有限公司成立。东郊记忆已成为网红打卡地。", "东郊记忆", None),
    # a stop word jieba glued to the trade name parts it from the place (某区|的禧龙|…)
    ("在位于哈尔滨道外区的禧瑞国际商贸物流园内，货品齐全。", "哈尔滨道外区的禧瑞国际商贸", None),
]


@pytest.mark.parametrize(("text", "surface", "rule"), REVIEWED)
def test_reviewed_cases(nlp, text, surface, rule):
    rules_found = [m[2] for m in mentions(nlp, text) if m[0] == surface]
    assert rules_found == ([rule] if rule else []), mentions(nlp, text)


def test_a_groups_numbered_unit_takes_the_group_as_canonical(nlp):
    found = {m[0]: m[1] for m in mentions(nlp, "项目由中建三局一公司、二公司联合承建。")}
    assert found["二公司"] == "中建三局二公司"


SECOND_READING = [
    # (text, surface, rule or None)
    ("其中居民银行存款增长12%。", "居民银行", None),
    ("城乡居民银行存款余额增长9%。", "城乡居民银行", None),
    ("干干净净家政服务有限公司成立。", "干干净净家政服务有限公司", "org.suffix.company"),
    ("西南大学与县政府签约。会上，市场营销学院、农学院的代表发言。", "农学院", "org.suffix.university"),
    ("西南大学与县政府签约。会上，县卫生学院、农学院的代表发言。", "农学院", None),
]


@pytest.mark.parametrize(("text", "surface", "rule"), SECOND_READING)
def test_second_reading_cases(nlp, text, surface, rule):
    rules_found = [m[2] for m in mentions(nlp, text) if m[0] == surface]
    assert rules_found == ([rule] if rule else []), mentions(nlp, text)
