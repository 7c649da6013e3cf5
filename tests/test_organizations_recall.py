"""Organizations that real pages name and the rules missed (issue 11, round 6), one table per family,
negatives included: list items with a stop word glued on, names cut by a verb or split characters,
short names before their projects, a site's own brand, several media in one source or byline,
bodies by new heads, the state's banks and their branches. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


FOUND = [
    # a stop word jieba glued to a list's first item (有|泰丰 -> 有泰丰)
    ("食品加工方面，有泰丰、华昊等企业入驻。", "泰丰", "org.short_name.list", "company"),
    # a common verb after a complete name ends the name that follows it
    ("鹿鸣实验室纳入国家实验室体系，成果丰硕。", "鹿鸣实验室", "org.suffix.research", "research"),
    # a park that names a project opens with its company's short name; its industry word is the park's field
    ("会上签约了总投资8亿元的康利来食品产业园项目。", "康利来", "org.short_name.pattern", "company"),
    # a short name before its local company's name in brackets and its project's words
    # (a short name of no knowledge data: 顺丰 is a knowledge name since the large companies' list)
    ("县里引进了荣泰(华中)冷链物流中心项目。", "荣泰", "org.short_name.pattern", "company"),
    ("县里引进了顺丰(华中)冷链物流中心项目。", "顺丰", "org.knowledge", "company"),
    # a short name of one rare token and an industry word right before 项目
    ("今年签约的旺鑫食品项目总投资3亿元。", "旺鑫食品", "org.short_name.pattern", "company"),
    # a registered name whose trade name jieba split into single characters after a word
    ("苏州协同共赢新材料科技有限公司落户开发区。", "苏州协同共赢新材料科技有限公司", "org.suffix.company", "company"),
    # …and that word may be a content word that stops the walk elsewhere (合作)
    ("县里与苏州合作共赢新材料科技有限公司签约。", "苏州合作共赢新材料科技有限公司", "org.suffix.company", "company"),
    # a short name jieba split into single characters whose first is a field term alone (云)
    ("云大科技新建的生产线上月投产。", "云大科技", "org.short_name.pattern", "company"),
    # a verb glued after an adverb opens no company name
    ("入选企业分别是衡泰华电子有限公司和另一家公司。", "衡泰华电子有限公司", "org.suffix.company", "company"),
    # a person-like word before a one-character verb stays in the name when common words follow
    ("“盛信达农业科技有限公司”的项目开工。", "盛信达农业科技有限公司", "org.suffix.company", "company"),
    # a quoted name after a quoted company, each before its project
    ("其中“安宁电气有限公司”的配电设备项目投资1亿元，“淘乡邻”的电商项目投资2000万元。", "淘乡邻",
     "org.short_name.list", "company"),
    # new heads: a command post and a liaison office with their places, an association
    ("江苏无锡援疆指挥部近日组织企业考察。", "江苏无锡援疆指挥部", "org.suffix.government", "government"),
    ("天津市政府驻西安办事处副主任出席。", "天津市政府驻西安办事处", "org.suffix.government", "government"),
    ("各民主党派、广西海外联谊会等成员单位参加。", "广西海外联谊会", "org.suffix.other", "other"),
    ("重庆市驻北京办事处主任出席了活动。", "重庆市驻北京办事处", "org.suffix.government", "government"),
    # a company's local office is the company's
    ("华为重庆办事处负责人到访。", "华为重庆办事处", "org.suffix.company", "company"),
    # a region's level word opens a body like a level character
    ("经自治区投资促进局牵线，三家企业落户园区。", "自治区投资促进局", "org.government.pattern", "government"),
    # a list's last item that the clause goes on after with no punctuation (…、宏宇家居|分别|与…)
    ("华远科技、宏宇家居分别与县政府签约。", "宏宇家居", "org.short_name.list", "company"),
    # a known company named with the place written before it
    ("县经济开发区管委会与江苏恒瑞医药签署入园协议。", "江苏恒瑞医药", "org.knowledge", "company"),
    # items of a list closed by a kind of company (央企, 房企)
    ("中国建筑、中铁建工、中国交建等央企参与建设。", "中铁建工", "org.short_name.list", "company"),
    # a body's name before another name ends the walk, though it opens with a stop word (经|信委)
    ("由国家经信委中国信息通信研究院主办的报告发布。", "中国信息通信研究院", "org.suffix.research", "research"),
    # a known name the walk left cut at a stop word inside it (工业和|信息化部…)
    ("工业和信息化部赛迪研究院发布了榜单。", "工业和信息化部赛迪研究院", "org.suffix.research", "research"),
    # heads of a university's graduate school and a science-and-innovation centre
    ("北京大学深圳研究生院与南山区签约。", "北京大学深圳研究生院", "org.suffix.university", "university"),
    ("浙江大学杭州国际科创中心落户萧山。", "浙江大学杭州国际科创中心", "org.suffix.research", "research"),
    # a list's last item ends before an adverb (…、南京银行|分别|与…); both are banks of the regulator's
    # list (knowledge data), the adverb stays out (NOT_FOUND: 温州银行分别)
    ("会上，台州银行、温州银行分别与10家企业签约。", "温州银行", "org.knowledge", "company"),
    # a state group's registered name: a place and industry words only before the legal form
    ("该项目由江西省投资集团有限公司和县城投公司共同出资。", "江西省投资集团有限公司", "org.suffix.company", "company"),
    # a district named by a common word (和县) does not join two names after a legal form
    ("该项目由江西省投资集团有限公司和县城投公司共同出资。", "县城投公司", "org.suffix.company", "company"),
    # public-service centres of a level (促进中心, 交易中心, 事务中心)
    ("县投资促进中心主任参加了会议。", "县投资促进中心", "org.government.pattern", "government"),
    ("县公共资源交易中心完成交易额5亿元。", "县公共资源交易中心", "org.government.pattern", "government"),
    # a township's or sub-district's own bodies, named by the township
    ("龙泉镇人民政府组织开展了文化活动。", "龙泉镇人民政府", "org.suffix.government", "government"),
    ("城关街道办事处组织开展了文化活动。", "城关街道办事处", "org.suffix.government", "government"),
    # the state's banks by their usual short names, and their branches
    ("农发行云南省富宁县支行向企业发放贷款。", "农发行云南省富宁县支行", "org.suffix.company", "company"),
    ("工行等银行参加了对接会。", "工行", "org.known", "company"),
    # the publishers of county rankings by their usual short names
    ("赛迪顾问发布了今年的百强县榜单。", "赛迪顾问", "org.known", "company"),
    ("中国信通院发布了县域工业经济报告。", "中国信通院", "org.known", "research"),
]


@pytest.mark.parametrize(("text", "name", "rule", "type_"), FOUND)
def test_names_found_by_family(nlp, text, name, rule, type_):
    org = found(nlp, text)[name]
    assert (org["rule"], org["type"]) == (rule, type_)


NOT_FOUND = [
    # the glued stop word is no part of the item
    ("食品加工方面，有泰丰、华昊等企业入驻。", "有泰丰"),
    # the verb and the words before it are no part of the next name
    ("鹿鸣实验室纳入国家实验室体系，成果丰硕。", "鹿鸣实验室纳入国家实验室"),
    # the park that names a project is no mention of a park
    ("会上签约了总投资8亿元的康利来食品产业园项目。", "康利来食品产业园"),
    # a product word between the trade name and 项目 names the project's product
    ("这些项目分别是宏锦硅胶电子项目、某某中心。", "宏锦硅胶电子"),
    # a field term alone before an industry word is no name
    ("推动云科技发展。", "云科技"),
    # the verb glued after the adverb
    ("入选企业分别是衡泰华电子有限公司和另一家公司。", "是衡泰华电子有限公司"),
    # slogans in quotes are no companies, with no quoted company before them
    ("按照“招得来”的思路，“双招双引”的工作取得进展。", "双招双引"),
    # a command post with no place is no named body
    ("项目指挥部设在工地。", "项目指挥部"),
    # a verb after a list's last item may name the project the item opens
    ("威力雅、台铃、精工智能制造产业项目等36个项目正加快建设。", "精工智能"),
    ("会上，台州银行、温州银行分别与10家企业签约。", "温州银行分别"),
    ("由国家经信委中国信息通信研究院主办的报告发布。", "信委中国信息通信研究院"),
    ("推动区域交易中心建设。", "区域交易中心"),
    # a project's phase or a scope in brackets is no company's name
    ("产业园(一期)项目开工。", "产业园"),
    ("该区(含开发区)项目总数达50个。", "该区"),
    # townships as a kind, not one named township
    ("全县乡镇政府负责同志参加。", "乡镇政府"),
    ("推动城镇政府职能转变。", "城镇政府"),
    # a kind of company, not a name
    ("该集团是以新材料为主导的高科技产业集团。", "高科技产业集团"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


def test_a_park_is_a_zone_not_an_organization(nlp):
    orgs = found(nlp, "宇通客车产业园建成投产。")
    assert "宇通客车产业园" not in orgs and "宇通" not in orgs


def test_field_words_before_a_head_stay_in_the_name(nlp):
    orgs = found(nlp, "浙江大学创新研究院揭牌。")  # 创新 is a field word of the name, no verb ending it
    assert "浙江大学创新研究院" in orgs


def test_state_prefix_before_a_ministry(nlp):
    org = found(nlp, "7月14日，国家工信部公布了名单。")["国家工信部"]
    assert (org["type"], org["canonical"]) == ("government", "工业和信息化部")


SITE_BRANDS = [
    ("版权所有：丽水房产网 地址：丽水市莲都区", "丽水房产网"),
    ("版权声明：本文由宜宾厂房网发布，如需转载请注明出处。", "宜宾厂房网"),
    ("本站由南平招商网主办，技术支持：某某科技。", "南平招商网"),
    ("Copyright © 2008-2024 汉中在线 All Rights Reserved", "汉中在线"),
    ("2019年03月08日09:12 | 东方资讯门户网 www.dfzx.example.cn | 打印本页", "东方资讯门户网"),
    ("Copyright © 2020 汉中在线 版权所有", "汉中在线"),
    ("本站内容版权归皖南之窗网所有。", "皖南之窗网"),
    ("江淮在线\n江淮在线河南站\n  5月16日，学院与县政府签约。", "江淮在线"),
    ("江淮在线\n江淮在线河南站\n  5月16日，学院与县政府签约。", "江淮在线河南站"),
]


@pytest.mark.parametrize(("text", "name"), SITE_BRANDS)
def test_a_sites_own_brand(nlp, text, name):
    org = found(nlp, text)[name]
    assert (org["rule"], org["type"]) == ("org.media.site", "other")


def test_a_title_alone_on_a_line_is_no_site_brand(nlp):
    assert "织牢民生保障网" not in found(nlp, "织牢民生保障网\n县里召开了会议。")


def test_a_paper_named_by_its_kind_alone_is_no_media_name(nlp):
    assert "晚报" not in found(nlp, "□晚报记者 吴峰 通讯员 魏冉\n本报讯 县里召开会议。")


def test_no_site_brand_without_a_site_head(nlp):
    orgs = found(nlp, "主办单位：江门市人民政府\n县政府工作报告\n")
    assert all(o["rule"] != "org.media.site" for o in orgs.values())


SOURCES = [
    # every source of a list after the label, a channel after a brand cut off
    ("（来源于：海峡网、海峡网客户端）", ["海峡网", "海峡网客户端"]),
    ("来源：光明网、闽东发布微信公众号 ", ["光明网", "闽东发布"]),
    # a page's font-size switch glued after its source when a line break was lost
    ("来源：人民网-湖南频道小字号", ["人民网-湖南频道"]),
    # two media before one byline's cue
    ("华夏商报、北方经济网讯 记者李强报道", ["华夏商报", "北方经济网"]),
]


@pytest.mark.parametrize(("text", "names"), SOURCES)
def test_media_of_sources_and_bylines(nlp, text, names):
    orgs = found(nlp, text)
    assert all(orgs[n]["type"] == "other" for n in names)
    assert not any(n.endswith(("公众号", "小字号")) for n in orgs)
