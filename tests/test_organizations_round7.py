"""Organization families of round 7 (issue 11), one table per family, negatives included: listed
companies whose short names end with a company's word, banners' everyday names before a body's
head, titles that a bare committee opens, schools, works (厂), mastheads, university short names,
conjunctions glued to a level character, programmes named by numbers, groups of people in lists.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

from zhfacts.extract.orgs import build


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


# -- listed companies kept by the build -----------------------------------------------------
@pytest.mark.parametrize("name", ["江苏银行", "长江证券", "上海建工", "胜利股份", "中联重科", "上海石化"])
def test_listed_names_with_a_companys_word_or_an_abbreviation_are_kept(name):
    assert build.listed_name_ok(name)


@pytest.mark.parametrize("name", ["湖南发展", "智慧农业", "西安旅游", "中国医药", "中青旅"])
def test_listed_names_that_read_as_phrases_stay_out(name):
    assert not build.listed_name_ok(name)


FOUND = [
    # listed short names that end with a company's word, linked to the full name
    ("会上，江苏银行与三家企业签约。", "江苏银行", "org.knowledge", "company"),
    ("长江证券、上海建工等企业参加推介会。", "长江证券", "org.knowledge", "company"),
    ("县里与中联重科签订农机合作协议。", "中联重科", "org.knowledge", "company"),
    # a banner's everyday name with its level character, named nowhere else in full
    ("东乌旗人民政府与企业签订合作协议。", "东乌旗人民政府", "org.suffix.government", "government"),
    ("会上，达茂旗人民政府负责人作了发言。", "达茂旗人民政府", "org.suffix.government", "government"),
    # a 社 body
    ("广西中华职教社组织专家到学校调研。", "广西中华职教社", "org.suffix.other", "other"),
    ("浙江人民出版社出版了这本新书。", "浙江人民出版社", "org.suffix.other", "other"),
    # schools by their heads
    ("北理工附属实验学校已经投用。", "北理工附属实验学校", "org.suffix.other", "other"),
    ("清华附中高中部正在建设。", "清华附中", "org.suffix.other", "other"),
    ("县实验幼儿园新增学位200个。", "县实验幼儿园", "org.suffix.other", "other"),
    # a works by its place or a rare trade name
    ("剑河民合服饰厂工人正在赶制订单。", "剑河民合服饰厂", "org.suffix.company", "company"),
    ("华能珞璜电厂今年发电量增长。", "华能珞璜电厂", "org.suffix.company", "company"),
    # a university's technology-transfer centre
    ("重庆大学技术转移中心参加对接会。", "重庆大学技术转移中心", "org.suffix.research", "research"),
    # mastheads
    ("据中国经济导报报道，该项目进展顺利。", "中国经济导报", "org.suffix.other", "other"),
    ("潇湘晨报记者从会上获悉。", "潇湘晨报", "org.suffix.other", "other"),
    # short names the universities use
    ("北工大新校区初步选址大学城。", "北工大", "org.knowledge", "university"),
    ("武大和厦大的学者参加论坛。", "厦大", "org.knowledge", "university"),
    ("社科院学部委员出席会议。", "社科院", "org.knowledge", "research"),
    # 会同 joins two bodies
    ("区商务委会同区财政局制定办法。", "区财政局", "org.suffix.government", "government"),
    # a conjunction glued to a level character after a full name joins two names
    ("县实验中学和县第二中学结对帮扶。", "县第二中学", "org.suffix.other", "other"),
    ("县科技局和县教育局联合举办活动。", "县教育局", "org.suffix.government", "government"),
    # …but after a province it is the county 和县
    ("安徽省和县人民政府发布通知。", "安徽省和县人民政府", "org.suffix.government", "government"),
    # a county's name jieba cut off its level character, which it glued to the committee (新干|县委)
    ("会上，新干县委、县政府负责人发言。", "新干县委", "org.government.pattern", "government"),
    # a bare committee as a verb's object
    ("认真贯彻落实省委“三个重点”部署。", "省委", "org.government.pattern", "government"),
    # a university's hospital or school named with 附属 and an ordinal
    ("县医院与安徽医科大学第一附属医院合作。", "安徽医科大学第一附属医院", "org.suffix.other", "other"),
    ("浙江大学医学院附属第一医院专家坐诊。", "浙江大学医学院附属第一医院", "org.suffix.other", "other"),
    ("北京师范大学附属实验学校开学。", "北京师范大学附属实验学校", "org.suffix.other", "other"),
    # rural credit cooperatives and a bank's usual short name
    ("长丰县农村信用合作联社发放贷款。", "长丰县农村信用合作联社", "org.suffix.company", "company"),
    ("中行、农发行等金融机构积极支持。", "中行", "org.known", "company"),
    # a level body before a title is named with its place, and alone when no title follows
    ("驻马店市政协副主席王五出席。", "驻马店市政协", "org.suffix.government", "government"),
    ("县人大常委会和县政协组织视察。", "县政协", "org.suffix.government", "government"),
    # a province's government's own commission: the level body is no function word
    ("湖北省人民政府国有资产监督管理委员会参加签约。", "湖北省人民政府国有资产监督管理委员会",
     "org.government.pattern", "government"),
    # a page's source without a colon, before its date
    ("来源 某州新闻网 2021-03-04", "某州新闻网", "org.media.source", "other"),
    # a committee before a title is named, with its place or by its level alone
    ("利津县委书记在会上讲话。", "利津县委", "org.government.pattern", "government"),
    ("县委书记张三主持会议。", "县委", "org.government.pattern", "government"),
    ("区委常委李四出席。", "区委", "org.government.pattern", "government"),
    ("出席会议的市委委员30人。", "市委", "org.government.pattern", "government"),
    ("会议由县长主持，县人大常委会主任出席。", "县人大常委会", "org.suffix.government", "government"),
    ("县政协副主席王五出席。", "县政协", "org.suffix.government", "government"),
    ("县政协主席出席开幕式。", "县政协", "org.suffix.government", "government"),
]


@pytest.mark.parametrize(("text", "name", "rule", "type_"), FOUND)
def test_names_found_by_family(nlp, text, name, rule, type_):
    org = found(nlp, text)[name]
    assert (org["rule"], org["type"]) == (rule, type_)


def test_a_listed_name_links_to_its_full_name(nlp):
    assert found(nlp, "会上，江苏银行与三家企业签约。")["江苏银行"]["canonical"] == "江苏银行股份有限公司"


NOT_FOUND = [
    # kinds of schools and works, no names
    ("全县共有民办学校3所。", "民办学校"),
    ("新建九年一贯制学校2所。", "一贯制学校"),
    ("县里新建了自来水厂和污水处理厂。", "污水处理厂"),
    ("村里的服装加工厂吸纳就业50人。", "服装加工厂"),
    ("该企业获评省级数字工厂。", "省级数字工厂"),
    # words that end like a masthead
    ("系统实时报送数据，快报显示增长。", "快报"),
    # 会同 is no part of a body's name
    ("区商务委会同区财政局制定办法。", "区商务委会同区财政局"),
    # 和县 after an adverb: 和 is a conjunction, and what follows is a kind of body
    ("这是银行首次和县区级政府签订协议。", "银行首次和县区级政府"),
    ("县实验中学和县第二中学结对帮扶。", "县实验中学和县第二中学"),
    # a one-character conjunction before 县委 makes no county 和县
    ("在市委、市政府和县委的关心支持下，全县经济稳步发展。", "和县委"),
    # the 区 that closes a zone's name (合作|区) opens no body of its own
    ("横琴粤澳深度合作区执行委员会印发通知。", "区执行委员会"),
    # a programme named by numbers is no company
    ("“五个一工程”强力推进。", "五个一工程"),
    # a group of people in a list of bodies is no body
    ("各民主党派、区工商联、无党派人士、市妇联等单位参加。", "无党派人士"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


def test_an_item_between_two_bodies_of_one_kind_takes_their_kind(nlp):
    orgs = found(nlp, "区工商联、某某联谊会、市妇联参加活动。")
    assert (orgs["某某联谊会"]["rule"], orgs["某某联谊会"]["type"]) == ("org.short_name.list", "other")


RANKING = "这份榜单的前八位是：华为、腾讯、阿里巴巴、京东、美团、百度、网易、小米。"


@pytest.mark.parametrize(("name", "rule"), [
    ("京东", "org.short_name.list"), ("百度", "org.short_name.list"), ("小米", "org.short_name.list"),
    ("美团", "org.knowledge"),  # a knowledge name since the large companies' list
])
def test_the_other_items_of_a_list_of_companies_are_companies(nlp, name, rule):
    org = found(nlp, RANKING)[name]
    assert (org["rule"], org["type"]) == (rule, "company")


def test_a_first_item_after_the_clauses_words(nlp):
    orgs = found(nlp, "签约企业有华为、腾讯、京东、美团等。")
    assert orgs["京东"]["rule"] == "org.short_name.list" and "签约企业有华为" not in orgs


@pytest.mark.parametrize(("text", "word"), [
    ("华为、腾讯、大数据、人工智能、北京均有布局。", "大数据"),  # a mixed list: fields and places
    ("华为、腾讯、北京均有布局。", "北京"),
    ("签约企业有华为、腾讯、新能源等。", "新能源"),
])
def test_a_mixed_list_adds_no_companies(nlp, text, word):
    assert word not in found(nlp, text)
