"""Organization families of round 11 (issue 11, helper org11), one table per family, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


FOUND = [
    # (text, name, type, rule)
    # a word that opens like a demonstrative (本, 全) right after a place is the name's own
    ("湖北本草生物医药集团有限公司与县政府签约。", "湖北本草生物医药集团有限公司", "company", "org.suffix.company"),
    ("江西全兴药业集团有限公司落户园区。", "江西全兴药业集团有限公司", "company", "org.suffix.company"),
    # a preposition jieba glued to the name's first character opens no name
    ("实验室主任由动植信息学院刘某教授担任。", "动植信息学院", "university", "org.suffix.university"),
    ("以益康新材料为龙头形成产业集群。", "益康新材料", "company", "org.short_name.pattern"),
    # a function word jieba cut apart (其|中华|锦公司): the name opens after its last character
    ("产业集群现有规上企业20家，其中华锦公司入选全省民营企业百强。", "华锦公司", "company", "org.suffix.company"),
    # a verb that sets up bodies (下设) is no word of their names
    ("该中心下设水稻研究中心、玉米研究中心等研究机构。", "水稻研究中心", "research", "org.suffix.research"),
    # a chain of places whose village jieba cut apart before a co-operative's trade name
    ("献县淮镇西村春华农业合作社带动农户增收。", "春华农业合作社", "other", "org.suffix.other"),
    # a government body before a name that opens with the country's name: two names
    ("国家发改委中国宏观经济研究院发布报告。", "中国宏观经济研究院", "research", "org.suffix.research"),
    ("国家发改委中国宏观经济研究院发布报告。", "国家发改委", "government", "org.suffix.government"),
    # a place before a known media brand in a byline is the brand's as written
    ("重庆华龙网讯：近日，区里召开会议。", "重庆华龙网", "other", "org.media.byline"),
    # an account after its platform quoted in a source line
    ("发布日期:2025-03-15 信息来源:“某某通”汉阴融媒号", "汉阴融媒号", "other", "org.media.source"),
    ("信息来源:“某某通”汉阴融媒号近日，县里召开会议。", "汉阴融媒号", "other", "org.media.source"),
    # a pair of companies joined by 和 and closed by a count of two
    ("县里正在为鼎盛和旭日两家公司办理手续。", "鼎盛", "company", "org.short_name.list"),
    ("县里为金泰和宏远两家企业办理手续。", "宏远", "company", "org.short_name.list"),
    # a company named in the frame 像…这样的企业, and its other mentions
    ("像金达脚手架这样的企业还有很多，金达脚手架今年出口增长三成。", "金达脚手架", "company",
     "org.short_name.frame"),
    # a university's institute joined to its name by a bullet or a middle dot
    ("县政府与西南大学•荣昌生猪产业研究院签约。", "西南大学•荣昌生猪产业研究院", "research", "org.suffix.research"),
    ("县政府与西南大学·荣昌生猪产业研究院签约。", "西南大学·荣昌生猪产业研究院", "research", "org.suffix.research"),
    # a place jieba cut into the next word (三明 + 天成: 明天) opens a registered name after a delimiter
    ("市农行为龙岩吉顺化工有限公司、三明天成贸易有限公司授信。", "三明天成贸易有限公司", "company",
     "org.suffix.company"),
    ("市农行为吉顺化工有限公司、三明天瑞电子有限公司授信。", "三明天瑞电子有限公司", "company", "org.suffix.company"),
    # a field's word that is a verb elsewhere (孵化) belongs to a body named with a place before it
    ("我区与中关村国际孵化服务联盟达成合作。", "中关村国际孵化服务联盟", "other", "org.suffix.other"),
    # a person after a title and the person's act open no name
    ("副区长李国强宣告蓉欣创业载体联盟成立。", "蓉欣创业载体联盟", "other", "org.suffix.other"),
    # a trade and 业 ends a short name (纸业, 茶业, 牧业)
    ("设计规模年产5万吨的鑫达纸业于近日投产。", "鑫达纸业", "company", "org.short_name.pattern"),
    # a known company's usual name and industry words: one of its companies as the page writes it
    ("会上，京东方显示技术、碧水源生态环境负责人分别发言。", "碧水源生态环境", "company", "org.short_name.pattern"),
    # an exchange by its head (交易所); a name jieba's dictionary holds whole opens after a conjunction
    ("公司在深圳证券交易所上市。", "深圳证券交易所", "other", "org.suffix.other"),
    ("区里与大连商品交易所签约。", "大连商品交易所", "other", "org.suffix.other"),
    # a bank's credit to a company named by its trade name alone
    ("县农商行已为恒泰隆授信500万元。", "恒泰隆", "company", "org.short_name.frame"),
    # 现代农业 is a trade of a registered name: the alias drops it whole
    ("县政府与贵州云上牧歌现代农业股份有限公司签订合同。其中，云上牧歌等项目已经开工建设。", "云上牧歌", "company",
     "org.alias"),
    # a word and the legal form beside a company that ends with the same legal form
    ("县里带领宏宇纺织公司、和谐公司赴外地考察。", "和谐公司", "company", "org.short_name.list"),
    ("县里带领和谐公司、宏宇纺织公司赴外地考察。", "和谐公司", "company", "org.short_name.list"),
]


@pytest.mark.parametrize(("text", "name", "type_", "rule"), FOUND)
def test_names_found_by_family(nlp, text, name, type_, rule):
    orgs = found(nlp, text)
    assert name in orgs, orgs
    assert (orgs[name]["type"], orgs[name]["rule"]) == (type_, rule)


NOT_FOUND = [
    # (text, what is no organization)
    ("实验室主任由动植信息学院刘某教授担任。", "由动植信息学院"),
    ("以益康新材料为龙头形成产业集群。", "以益康新材料"),
    ("产业集群现有规上企业20家，其中华锦公司入选全省民营企业百强。", "中华锦公司"),
    ("其中国有企业12家。", "国有企业"),
    ("该中心下设水稻研究中心、玉米研究中心等研究机构。", "下设水稻研究中心"),
    # a verb-led word after a known company is an act, no company of its
    ("中国电信援疆干部介绍了项目进展。", "中国电信援疆"),
    ("献县淮镇西村春华农业合作社带动农户增收。", "献县淮镇西村春华农业合作社"),
    # a kind of place and industry words make no trade name
    ("县文旅局与景区开发公司签约。", "景区开发公司"),
    # a list before an industry's kind is a list of industries
    ("从生猪养殖、果蔬种植等主导产业中遴选企业入库。", "生猪养殖"),
    ("从生猪养殖、果蔬种植等主导产业中遴选企业入库。", "果蔬种植"),
    # two things joined by 及 before an industry word are no short name
    ("居民消费价格中，肉及肉制品上涨3%。", "肉及肉制品"),
    ("国家发改委中国宏观经济研究院发布报告。", "国家发改委中国宏观经济研究院"),
    # a pair of kinds, not of names, closed by a count of two
    ("县里表彰了国有和民营两家企业。", "民营"),
    ("区里与大连商品交易所签约。", "区里与大连商品交易所"),
    ("全省建成产权交易所3家。", "产权交易所"),
    ("全县发展现代农业。", "现代农业"),
    # a headline run into the paper's own 本报讯 is no media's name
    ("元月出口300万美元外贸形势良好本报讯 通讯员李明报道：20日，县里召开会议。", "万美元外贸形势良好"),
    # the frame with no name in it, or a kind in it
    ("为辖区小微企业授信3亿元。", "辖区小微企业"),
    ("像这样的企业还有很多。", "这样的企业"),
    ("像龙头企业这样的企业还有很多。", "龙头企业"),
    ("市农行为龙岩吉顺化工有限公司、三明天成贸易有限公司授信。", "成贸易有限公司"),
    # a place before a time word that is no part of a name's token stays out
    ("位于璧山区的重庆豪能传动技术有限公司是龙头企业。", "璧山区的重庆豪能传动技术有限公司"),
    ("副区长李国强宣告蓉欣创业载体联盟成立。", "副区长李国强宣告蓉欣创业载体联盟"),
    ("副区长李国强宣告创新创业载体联盟成立。", "创新创业载体联盟"),
    ("县里积极服务软件协会。", "积极服务软件协会"),
    ("全县畜牧业产值增长。", "畜牧业"),
    ("茶业发展势头良好。", "茶业"),
    ("华为技术创新能力强。", "华为技术创新"),
    ("签约项目有华光电子氢能源及储能基地。", "华光电子氢能源"),
    # a verb of residence and a level before a kind (驻区: stationed in the district) name no bank
    ("去年，7家驻区银行新增贷款10亿元。", "驻区银行"),
    # a kind, a place or an industry word beside a company is no company
    ("表彰了鑫源无纺布公司、建设公司。", "建设公司"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


KEPT = [
    # (text, name): names that open like the families above stay whole
    ("与同辉新材料有限公司签约。", "同辉新材料有限公司"),
    ("县政府与同辉气体签约。", "同辉气体"),
    ("以岭药业今年营收增长。", "以岭药业"),
    ("中车恒通新能源客车下线。", "中车恒通"),
    ("今年4月，宇树科技西部创新运营中心建成投用。", "宇树科技西部创新运营中心"),
    ("工信部赛迪研究院发布报告。", "工信部赛迪研究院"),
    ("西村农机专业合作社成立。", "西村农机专业合作社"),
    ("献县大官厅乡蛋鸡专业合作社带动农户增收。", "献县大官厅乡蛋鸡专业合作社"),
    ("作者: 李明大众网·海报新闻济南5月3日讯(记者 李明)", "大众网·海报新闻"),
]


@pytest.mark.parametrize(("text", "name"), KEPT)
def test_names_kept_whole(nlp, text, name):
    assert name in found(nlp, text)
