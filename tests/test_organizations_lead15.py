"""Organization families of round 15 (issue 11) found by the lead on new real pages, negatives
included. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import annotate
from helpers import organization_mentions as mentions
from helpers import organization_names as names


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def rules_of(nlp, text: str) -> list[tuple[str, str]]:
    return [(m[0], m[2]) for m in mentions(nlp, text)]


REPEATED_MEDIA = [
    # (text, found): a brand the page names in its source line is the same outlet where the page writes
    # it again as a word of its own (a menu, a hotline, a copyright note)
    ("来源：江川在线 2024-03-01 10:00 违法信息举报电话：江川在线(0871-1234567)",
     [("江川在线", "org.media.source"), ("江川在线", "org.media.repeated")]),
    ("江川在线首页 手机版\n来源：江川在线 2024-03-01 10:00\n县里召开会议。",
     [("江川在线", "org.media.repeated"), ("江川在线", "org.media.source")]),
    # a body named as the source keeps its own type and rule where the page names it again
    ("来源：石桥镇人民政府 2023-05-06\n石桥镇人民政府召开会议。",
     [("石桥镇人民政府", "org.suffix.government"), ("石桥镇人民政府", "org.suffix.government")]),
    # negatives: a source in common words is not repeated (the source line itself is read as the page
    # labels it); inside a longer word the brand is not repeated (江川在线教育 is a course), and a brand
    # ending with a verb is no brand before more words (江川发布|了 is a sentence)
    ("来源：综合新闻 2023-05-06\n综合新闻显示，县里增长。", [("综合新闻", "org.media.source")]),
    ("来源：江川在线 2024-03-01 县里推出江川在线教育课程。", [("江川在线", "org.media.source")]),
    ("来源：江川发布 2024-03-01 会上，江川发布了新规划。", [("江川发布", "org.media.source")]),
]


@pytest.mark.parametrize(("text", "found"), REPEATED_MEDIA)
def test_a_named_outlet_repeated(nlp, text, found):
    assert rules_of(nlp, text) == found


TITLED_PAPERS = [
    # (text, found): a paper named by its title marks is a media organization
    ("全年在《江川城市报》、《滇中商报》刊发稿件30条。", ["江川城市报", "滇中商报"]),
    ("相关报道被《江川参考报》转载。", ["江川参考报"]),
    ("《滇中青年报》、《滇中老年报》报道了该县的经验。", ["滇中青年报", "滇中老年报"]),  # not 年报 reports
    ("《现代快报》报道了此事。", ["现代快报"]),  # not a 快报 bulletin
    # negatives: reports, bulletins, journals and boards end like a paper but are documents
    ("详见《江川县国民经济和社会发展统计公报》。", []),
    ("全年共有12篇信息被《国务院办公厅专报》采用。", ["国务院办公厅"]),
    ("《督查专报》、《项目建设周报》、《校园黑板报》、《江川新闻播报》", []),
    ("会议印发了《安全生产情况通报》和《工作简报》。", []),
    ("论文发表在《滇中农业学报》上。", []),
    ("公司披露了《江川实业年报》。", []),
    ("县农业农村局编发《农情旬报》12期，学生制作了《防溺水安全小报》。", ["县农业农村局"]),
]


@pytest.mark.parametrize(("text", "found"), TITLED_PAPERS)
def test_a_paper_by_its_title_marks(nlp, text, found):
    assert names(nlp, text) == found


TOWNSHIP_BODIES = [
    # (text, found): a township or sub-district named with a common word (石桥, 红旗) before its suffix as
    # a token of its own, and its party committee or sub-district office
    ("石桥乡人民政府与公司签约。", ["石桥乡人民政府"]),
    ("红旗街道党工委开展活动。", ["红旗街道党工委"]),
    ("红旗街道办开展活动。", ["红旗街道办"]),
    ("在龙泉镇党委的领导下，全镇完成了任务。", ["龙泉镇党委"]),
    ("双桥子街道办事处开展活动。", ["双桥子街道办事处"]),
    # negatives: no township's name before the suffix, or a company's or a school's committee
    ("各乡镇党委要落实责任。", []),
    ("该镇政府高度重视。", []),
    ("全乡党委班子成员参加。", []),
    ("集团党委书记讲话。", []),
    ("公司党委组织学习。", []),
    ("校党委常委会研究决定。", []),
    # kinds of places jieba tags as places name no township
    ("全面加强城市街道党工委建设。", []),
    ("山区乡人民政府财力普遍薄弱。", []),
    ("全县3个彝族乡人民政府均已完成换届。", []),
    ("城镇街道办事处要加强管理。", []),
    ("创建文明街道办事处。", []),
]


@pytest.mark.parametrize(("text", "found"), TOWNSHIP_BODIES)
def test_a_township_named_with_a_common_word(nlp, text, found):
    assert names(nlp, text) == found


GLUED_KNOWN_ENDS = [
    # (text, found): jieba glued a known name's last character to the next word (工信|部下|属); the rest
    # reads as a common word (下属), so the name stands
    ("日前，工信部下属机构发布了报告。", ["工信部"]),
    ("工信部发布通知。", ["工信部"]),
    # negative: the characters after the cut make no common word (部长会议 is the word, not 科技部|长会议)
    ("科技部长会议召开。", []),
]


@pytest.mark.parametrize(("text", "found"), GLUED_KNOWN_ENDS)
def test_a_known_name_jieba_glued_to_the_next_word(nlp, text, found):
    assert names(nlp, text) == found


DATELINES = [
    # (page, found): a media name beside the page's dateline, spaces only between; the page is repaired
    # first, as a run does (repair joins a short dateline line to the paragraph after it)
    ("县域经济稳步增长\n2022-09-08 10:46 新江川客户端 编辑:王某\n今年以来，县里经济增长。",
     [("新江川客户端", "org.media.dateline")]),
    ("县域经济稳步增长\n\n2022-09-08 10:46 新江川客户端\n\n今年以来，县里经济增长。",
     [("新江川客户端", "org.media.dateline")]),
    ("2017-10-03 新江川客户端\n江川，一座千年古城。", [("新江川客户端", "org.media.dateline")]),
    ("新江川客户端 2023-01-31 11:30\n县里召开会议。", [("新江川客户端", "org.media.dateline")]),
    # negatives: a body announcing beside a date is no brand; a weekday is no media
    ("2023年5月6日 10:00 县政府发布\n县里召开会议。", [("县政府", "org.suffix.government")]),
    ("2025-07-23 星期三\n县里召开会议。", []),
    # a list of dated headlines and a column's label are no brands
    ("2023-05-06 10:30 县政府信息公开年报\n县里召开会议。", [("县政府", "org.suffix.government")]),
    ("2023-05-06 10:30 全县新改造农村电网\n2023-05-06 服务群众始终在线\n县里召开会议。", []),
    ("首页 时政新闻 视频新闻\n时政新闻 2023-05-06 10:30\n县委召开常委会议。\n上一篇：时政新闻 下一篇",
     [("县委", "org.government.pattern")]),
    ("首页 廉政在线 党建在线\n廉政在线 2023-05-06 10:30\n县委召开常委会议。", [("县委", "org.government.pattern")]),
    # a headline that opens with the county and holds a verb is no brand; the outlet in it stays
    ("江川蓝莓走上云南电视台 2023-05-06 10:30\n县里召开会议。", [("云南电视台", "org.suffix.other")]),
]


@pytest.mark.parametrize(("page", "found"), DATELINES)
def test_a_media_beside_the_dateline(nlp, page, found):
    doc = annotate(nlp, page)
    assert [(doc.text[h.start:h.end], h.rule) for h in doc._.organizations] == found


PEER_BODIES_GLUED = [
    # (text, found): a placed party committee and its level's government written with nothing between
    # (jieba: 某某区|委|区政府) are two bodies, as 县委县政府 are
    ("兰州市七里河区委区政府出台政策。", ["兰州市七里河区委", "区政府"]),
    ("定远县委县政府高度重视。", ["定远县委", "县政府"]),
    ("七里河区委区人民政府联合调研。", ["七里河区委", "区人民政府"]),  # jieba: 某某区|委区|人民政府
    ("沙坪坝区委区政协联合调研。", ["沙坪坝区委", "区政协"]),
    ("县委县政府高度重视招商工作。", ["县委", "县政府"]),
    # negative: a committee's department is one body with it
    ("江津区委组织部召开会议。", ["江津区委组织部"]),
]


@pytest.mark.parametrize(("text", "found"), PEER_BODIES_GLUED)
def test_a_committee_and_its_government_side_by_side(nlp, text, found):
    assert names(nlp, text) == found


CATEGORY_BEFORE_INSTITUTIONS = [
    # (text, found): a category noun in apposition before an institution's name that a place or the
    # country opens is no word of the name (研究机构|中国…研究院, 社会智库|北京…研究所)
    ("社会智库北京中郡研究所完成并发布报告。", ["北京中郡研究所"]),
    ("近日，工信部直属研究机构中国信息通信研究院发布了报告。", ["工信部", "中国信息通信研究院"]),
    # negative: a body's name before a place stays in the name
    ("县政府与中国科学院重庆绿色智能技术研究院签约。", ["县政府", "中国科学院重庆绿色智能技术研究院"]),
    # the same cues stand before a company's short name in apposition, as 企业 does
    ("当地机构盛达物流负责配送。", ["盛达物流"]),
]


@pytest.mark.parametrize(("text", "found"), CATEGORY_BEFORE_INSTITUTIONS)
def test_a_category_noun_before_an_institution(nlp, text, found):
    assert names(nlp, text) == found


def test_higher_level_committees_and_governments_are_generic(nlp):
    assert names(nlp, "在上级党委政府和市委的坚强领导下。") == ["市委"]


RANKING_PUBLISHERS = [
    # (text, name, canonical): the bodies that publish county rankings, by their usual names
    ("全国县域经济基本竞争力评价中心发布了百强县名单。", "全国县域经济基本竞争力评价中心", "全国县域经济基本竞争力评价中心"),
    ("中小城市经济发展委员会、中国中小城市发展指数研究课题组联合发布。", "中小城市经济发展委员会",
     "中国城市经济学会中小城市经济发展委员会"),
    ("中小城市经济发展委员会、中国中小城市发展指数研究课题组联合发布。", "中国中小城市发展指数研究课题组",
     "中国中小城市发展指数研究课题组"),
    ("报告由中郡研究所发布。", "中郡研究所", "北京中郡世纪地理经济研究所"),
]


@pytest.mark.parametrize(("text", "name", "canonical"), RANKING_PUBLISHERS)
def test_the_publishers_of_county_rankings(nlp, text, name, canonical):
    assert (name, canonical) in [(m[0], m[1]) for m in mentions(nlp, text)]


RESEARCH_GROUPS = [
    # (text, found): a research group after a named body is the body's; one named by a subject alone
    # is no organization
    ("中国科学院课题组在定远县开展研究。", ["中国科学院"]),
    ("安徽大学课题组发布研究成果。", ["安徽大学"]),
    ("县里成立乡村振兴课题组开展调研。", []),
    ("专家课题组完成研究。", []),
]


@pytest.mark.parametrize(("text", "found"), RESEARCH_GROUPS)
def test_a_research_group_is_no_head(nlp, text, found):
    assert names(nlp, text) == found


SCHOOL_LISTS = [
    # (text, found): a university's schools listed by their field after one named with it, each with the
    # university's name in its canonical; a school the list names on its own by field does not end the
    # list (it is the university's too), and a school's field may be two joined (科学与工程)
    ("企业与江川农业大学资源环境学院、园艺学院、食品科学与工程学院对接。",
     [("江川农业大学资源环境学院", "江川农业大学资源环境学院"), ("园艺学院", "江川农业大学园艺学院"),
      ("食品科学与工程学院", "江川农业大学食品科学与工程学院")]),
    ("与江川大学机械学院、电子和信息学院、农学院合作。",
     [("江川大学机械学院", "江川大学机械学院"), ("电子和信息学院", "江川大学电子和信息学院"),
      ("农学院", "江川大学农学院")]),
    # another university's school ends the first one's list: 农学院 is named once, as the second's
    ("与江川农业大学园艺学院、滇中大学经济学院、农学院合作。",
     [("江川农业大学园艺学院", "江川农业大学园艺学院"), ("滇中大学经济学院", "滇中大学经济学院"),
      ("农学院", "滇中大学农学院")]),
    # negative: after no school of a university, a field and a head are a kind
    ("县里将新建食品科学与工程学院、农学院。", []),
]


@pytest.mark.parametrize(("text", "found"), SCHOOL_LISTS)
def test_a_universitys_schools_listed_by_field(nlp, text, found):
    assert [(m[0], m[1]) for m in mentions(nlp, text)] == found


PHASED_LIST_ITEMS = [
    # (text, found): a project's phase after a company's short name in a list of projects is the
    # project's; the words before it name the company
    ("松源印刷二期、滇中砂石骨料等83个项目开工建设。", ["松源印刷", "滇中砂石骨料"]),
    # negative: a list of projects in common words names no company, phase or not
    ("生态农业二期、现代物流三期等10个项目开工建设。", []),
]


@pytest.mark.parametrize(("text", "found"), PHASED_LIST_ITEMS)
def test_a_projects_phase_after_a_listed_company(nlp, text, found):
    assert names(nlp, text) == found


CENSUS_OFFICES = [
    # (text, found): the office a place sets up for a national census, named after the census
    ("全椒县第四次全国经济普查领导小组办公室\n2020年5月", ["全椒县第四次全国经济普查领导小组办公室"]),
    ("县第七次全国人口普查领导小组办公室发布公告。", ["县第七次全国人口普查领导小组办公室"]),
    ("江川区第三次全国土壤普查领导小组办公室\n2024年5月", ["江川区第三次全国土壤普查领导小组办公室"]),
    # negatives: the census itself, and every county's office counted together
    ("根据第四次全国经济普查结果，全县企业增加。", []),
    ("全县第四次全国经济普查领导小组办公室成员参加。", []),
]


@pytest.mark.parametrize(("text", "found"), CENSUS_OFFICES)
def test_a_places_census_office(nlp, text, found):
    assert names(nlp, text) == found


QUOTED_CHANNELS = [
    # (text, found): an outlet's account named in quotes by its kind of channel
    ("县融媒体中心微信公众号“江川时讯”在政务微信中脱颖而出。", ["县融媒体中心", "江川时讯"]),
    ("与“江川时讯”微信公众号不同，“江川欣闻”客户端是另一个平台。", ["江川时讯"]),
    # negatives: an app is as often a service's as an outlet's; a quoted slogan before no channel is none
    ("请下载“学习强国”APP学习。", []),
    ("市民可通过“支付宝”客户端缴费。", []),
    ("打造“江川时讯”品牌。", []),
]


@pytest.mark.parametrize(("text", "found"), QUOTED_CHANNELS)
def test_an_outlets_quoted_account(nlp, text, found):
    assert names(nlp, text) == found


def test_a_conjunction_after_a_bodys_head_joins_two_bodies(nlp):
    # 市政府|和|工委: no office's words of one body, two bodies (the second, bare, is no name)
    assert names(nlp, "市政府和工委联合发文。") == ["市政府"]
    assert names(nlp, "在县委和工委的领导下。") == ["县委"]
    # negative: 和 between two fields stays in an office's name
    assert names(nlp, "区经济和信息化局召开会议。") == ["区经济和信息化局"]


TRIAL_STATIONS = [
    # (text, found): a research station (试验站) named with its university or its place
    ("江川农业大学滇西综合试验站站长介绍说。", ["江川农业大学滇西综合试验站"]),
    ("在园区内共建滇西综合试验站、江川蓝莓研究院。", ["滇西综合试验站", "江川蓝莓研究院"]),
    # negative: a station named by no words of its own
    ("该试验站建成后将服务全县。", []),
]


@pytest.mark.parametrize(("text", "found"), TRIAL_STATIONS)
def test_a_research_station(nlp, text, found):
    assert names(nlp, text) == found
