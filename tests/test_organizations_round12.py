"""Organization families of round 12 (issue 11, helper org12), one table per family, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


FOUND = [
    # (text, name, type, rule)
    # a trade that ends many registered names ends a short name after a rare trade name
    ("县里的华晟陶瓷今年扩建新线。", "华晟陶瓷", "company", "org.short_name.pattern"),
    ("金盛重机新上一条生产线。", "金盛重机", "company", "org.short_name.pattern"),
    # a stem jieba tags a proper noun is a trade name though commoner than a stem may be (宏达 nz)
    ("县政府与宏达科技和华宇集团签约。", "宏达科技", "company", "org.short_name.pattern"),
    ("今年振华机械新建两条产线。", "振华机械", "company", "org.short_name.pattern"),
    # a company's full name in apposition after a category noun: the category is no word of it
    ("除了出口骨干企业瑞泓公司外，其他企业出口平稳。", "瑞泓公司", "company", "org.suffix.company"),
    ("龙头企业重庆晟达食品有限公司投产。", "重庆晟达食品有限公司", "company", "org.suffix.company"),
    ("国有企业昊远建设集团有限公司中标。", "昊远建设集团有限公司", "company", "org.suffix.company"),
    # a 、-list in apposition after a category noun, closed by 等 with no cue after it
    ("传统生产企业锦泓纺织、永兴餐具、澜翔体育等出口均有增长。", "锦泓纺织", "company", "org.short_name.list"),
    ("传统生产企业锦泓纺织、永兴餐具、澜翔体育等出口均有增长。", "永兴餐具", "company", "org.short_name.list"),
    ("传统生产企业锦泓纺织、永兴餐具、澜翔体育等出口均有增长。", "澜翔体育", "company", "org.short_name.list"),
    # a paper and its app (or site and paper) joined by a joiner: two outlets
    ("江南日报·新江南客户端5月3日讯（记者 张某）近日，县里召开会议。", "江南日报", "other", "org.suffix.other"),
    ("江南日报·新江南客户端5月3日讯（记者 张某）近日，县里召开会议。", "新江南客户端", "other", "org.media.byline"),
    ("来源：秦风网-秦风报", "秦风网", "other", "org.media.source"),
    # a known company's usual name that jieba cut into the industry words after it (中国|电|建新|能源)
    ("近日，中国电建新能源与县里签约。", "中国电建新能源", "company", "org.short_name.pattern"),
    # a list's last two items joined by 以及 are two items
    ("县领导走访了宏达科技有限公司、兴业机械有限公司、江南重机以及华信电子分公司等4家企业。", "江南重机", "company",
     "org.short_name.list"),
    # a zone before a registered name says where the company stands: no word of its name
    ("该项目由重庆市江津区德感工业园区宏达机械有限公司承建。", "宏达机械有限公司", "company", "org.suffix.company"),
    ("县领导参观了火炬开发区瑞泰制冷设备有限公司。", "瑞泰制冷设备有限公司", "company", "org.suffix.company"),
    # a name of the knowledge data that jieba tags a person opens a full name before a business verb
    ("县领导参观了克莱特制冷有限公司。", "克莱特制冷有限公司", "company", "org.suffix.company"),
    # a list's last item whose character after its place jieba tags an adverb (宁波|均|胜) keeps it
    ("县里引进了华达、宁波均盛等企业。", "宁波均盛", "company", "org.short_name.list"),
    # two 、-neighbours that each end with an industry word after a trade name vouch for each other
    ("县委书记一行先后来到鑫泰管业、振华包装，了解企业生产情况。", "鑫泰管业", "company", "org.short_name.list"),
    ("县委书记一行先后来到鑫泰管业、振华包装，了解企业生产情况。", "振华包装", "company", "org.short_name.list"),
    # a registered name's product words dropped give its short name, a trade name and a product
    ("安徽瑞第羽绒制品有限公司是出口大户。今年瑞第羽绒新上生产线。", "瑞第羽绒", "company", "org.alias"),
    # a group's research unit numbered by an ordinal right after the group's full name is named with it
    ("宏达航天科技集团有限公司第九研究院与县里签约。", "宏达航天科技集团有限公司第九研究院", "research",
     "org.suffix.research"),
    ("县政府与宏达集团第一研究院签约。", "宏达集团第一研究院", "research", "org.suffix.research"),
    # a level and 里 is the place's body as a speaker, no word of the name after its conjunction
    ("县里与宏达科技有限公司签约。", "宏达科技有限公司", "company", "org.suffix.company"),
    ("县里与宏达科技有限公司第一研究院签约。", "宏达科技有限公司第一研究院", "research", "org.suffix.research"),
    # a park named with its operator before its project names the company
    ("投资5亿元的江西省萍乡市伯瑞智能装备产业园项目开工。", "江西省萍乡市伯瑞智能装备", "company",
     "org.short_name.registered"),
]


@pytest.mark.parametrize(("text", "name", "type_", "rule"), FOUND)
def test_names_found_by_family(nlp, text, name, type_, rule):
    orgs = found(nlp, text)
    assert name in orgs, orgs
    assert (orgs[name]["type"], orgs[name]["rule"]) == (type_, rule)


NOT_FOUND = [
    # (text, what is no organization)
    # the category noun before a name in apposition
    ("除了出口骨干企业瑞泓公司外，其他企业出口平稳。", "出口骨干企业瑞泓公司"),
    ("龙头企业重庆晟达食品有限公司投产。", "龙头企业重庆晟达食品有限公司"),
    # after a category noun, a list of tasks or fields is no list of companies
    ("重点企业数字化、智能化改造加快推进。", "数字化"),
    ("规上企业生产经营、技术改造等情况良好。", "生产经营"),
    # a trade name alone is no alias cut from a product: it names the product too
    ("借助高校，沁水黄小米公司提升了技术。征集到沁水黄谷子品种研发需求。", "沁水黄"),
    # an ordinal after a group opens no research unit alone
    ("宏达航天科技集团有限公司第九研究院与县里签约。", "第九研究院"),
    ("县里与宏达科技有限公司签约。", "县里与宏达科技有限公司"),
    # fields joined by 、 open with common words
    ("重点发展机械制造、食品加工、电子信息等产业。", "机械制造"),
    ("全市规上工业中，汽车制造、电子设备分别增长5%和8%。", "电子设备"),
    ("围绕智能家居、绿色建材、高端装备等领域布局。", "绿色建材"),
    # a trade word after a common word is a phrase, no company
    ("全县日用陶瓷产量增长一成。", "日用陶瓷"),
    ("区里保障电力供应稳定。", "保障电力"),
    ("全市重机产业发展迅速。", "全市重机"),
    # a common word that is no proper noun before an industry word stays a phrase
    ("园区大力发展先进材料。", "先进材料"),
    ("推动传统制造业转型。", "传统制造"),
    # two outlets written with a joiner stay apart; a channel, a group or an app named by its news stays one
    ("江南日报·新江南客户端5月3日讯（记者 张某）近日，县里召开会议。", "江南日报·新江南客户端"),
    ("来源：秦风网-秦风报", "秦风网-秦风报"),
    ("该项目由重庆市江津区德感工业园区宏达机械有限公司承建。", "重庆市江津区德感工业园区宏达机械有限公司"),
    # a registered name's words before a park's head name the park, a zone, no company
    ("走进江西省萍乡市伯瑞智能装备产业园生产车间。", "江西省萍乡市伯瑞智能装备"),
    # farms and markets of a kind, or counted, are no names
    ("全国第二大香菇交易市场在这里。", "全国第二大香菇交易市场"),
    ("国营农场改革稳步推进。", "国营农场"),
    # (third reading) kinds of farms and markets, fields of power, known bodies and people after 企业
    ("推进智慧农场建设。", "智慧农场"),
    ("该区有二手车交易市场4个。", "二手车交易市场"),
    ("全省风光电力、抽蓄电力装机规模持续扩大。", "抽蓄电力"),
    ("该公司由国资委控股，注册资本5亿元。", "国资委控股"),
    ("预计迎峰度夏期间中东部电力缺口较大。", "中东部电力"),
    ("辖区企业刘洋、陈静、赵磊等20名财务人员参加培训。", "刘洋"),
    ("骨干企业张伟、李强、王芳等负责人参加座谈。", "李强"),
    ("县农产品批发市场交易额增长。", "农产品批发市场"),
]


@pytest.mark.parametrize(("text", "not_name"), NOT_FOUND)
def test_no_names_by_family(nlp, text, not_name):
    assert not_name not in found(nlp, text)


KEPT_WHOLE = [
    # (text, name): a business word after a category word keeps it inside the registered name
    ("上海宏达企业管理有限公司成立。", "上海宏达企业管理有限公司"),
    ("湖北宏发企业集团有限公司签约落户。", "湖北宏发企业集团有限公司"),
    # a zone of the gazetteer is a place a registered name may open with; a zone's company names its business
    ("苏州工业园区艾思科技有限公司成立。", "苏州工业园区艾思科技有限公司"),
    ("高新区建设投资有限公司负责融资。", "高新区建设投资有限公司"),
    # a brand without a head, a channel, a group or an app named by its news is one name with its joiner
    ("来源：人民网-江南频道", "人民网-江南频道"),
    ("新江南-江南日报记者 李某", "新江南-江南日报"),
    ("齐鲁报业·海风新闻记者 王某", "齐鲁报业·海风新闻"),
]


@pytest.mark.parametrize(("text", "name"), KEPT_WHOLE)
def test_names_kept_whole(nlp, text, name):
    assert name in found(nlp, text)


def test_traditional_pages_read_heads_and_trades_by_their_simplified_forms(tmp_path, zhfacts, read_table):
    """A page in Traditional characters: 廠, 重機, 設備, 報, 新聞網 are read as 厂, 重机, 设备, 报, 新闻网
    (text/traditional.py's Simplified view), the records keep the page's characters."""
    page = ("本報訊（記者 王某）近日，縣領導走訪了宏達機械廠、金盛重機、華信設備有限公司等企業。"
            "縣統計局負責人陪同。據江南日報報道，金盛重機新上生產線。來源：江南新聞網\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(page, encoding="utf-8")
    done = zhfacts("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q", "-j", "1")
    assert done.returncode == 0, done.stderr
    texts = [row["text"] for row in read_table(tmp_path / "out", "organizations")]
    for name in ("宏達機械廠", "華信設備有限公司", "縣統計局", "江南日報", "江南新聞網"):
        assert name in texts, texts
    assert texts.count("金盛重機") == 2, texts
