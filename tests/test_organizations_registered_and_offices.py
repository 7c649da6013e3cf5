"""Organizations: registered company names without a legal form, government offices written new
ways, name boundaries from dictionary verbs, kinds of groups (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found

import zhfacts.nlp.spacy_components  # noqa: F401  (registers the spaCy factories)


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


REGISTERED = [
    # places + a rare trade name + industry words, before a project's name
    ("签约项目中，总投资3亿元的浙江宁波瑞峰电子科技智能终端生产项目最大。", "浙江宁波瑞峰电子科技"),
    ("分别是总投资2亿元的江苏泓利科技传感器项目和福建厦门禾盛涂料年产2万吨项目。", "江苏泓利科技"),
    ("分别是总投资2亿元的江苏泓利科技传感器项目和福建厦门禾盛涂料年产2万吨项目。", "福建厦门禾盛涂料"),
    # the last industry word after a noun (市政|工程)
    ("会上，湖北荆州恒岳市政工程负责人作了发言。", "湖北荆州恒岳市政工程"),
    # two industry words in a row
    ("引进河南郑州驰远环保科技危废处置项目。", "河南郑州驰远环保科技"),
]


@pytest.mark.parametrize(("text", "name"), REGISTERED)
def test_a_company_written_as_registered_without_legal_form(nlp, text, name):
    org = found(nlp, text)[name]
    assert (org["type"], org["rule"]) == ("company", "org.short_name.registered")


REGISTERED_NEGATIVES = [
    # a verb's industry word ends a phrase of running text
    ("推动城区高质量发展，湖南农业发展提速。", "发展"),
    # a body's name before words of a report
    ("据江西赣州市统计局最新数据显示，产值增长。", "数据"),
    # a field phrase after the industry word
    ("四川成都锐新科技创新成果显著。", "科技创新"),
    # a place and common words
    ("安徽合肥现代农业示范区建设加快。", "现代农业"),
    # a phrase's noun after a rare word, not a word that ends short names
    ("长兴县营商环境评价位列全市第一。", "环境"),
]


@pytest.mark.parametrize(("text", "not_end"), REGISTERED_NEGATIVES)
def test_no_registered_company_from_phrases(nlp, text, not_end):
    assert not any(name.endswith(not_end) or not_end in name for name in found(nlp, text))


def test_a_full_name_wins_over_its_registered_form(nlp):
    orgs = found(nlp, "山东济南华茂集团控股的子公司落地。")
    assert "山东济南华茂集团控股" not in orgs


def test_a_registered_form_gives_aliases(nlp):
    orgs = found(nlp, "引进广东佛山铭驰电子科技项目。铭驰电子科技表示年内投产。")
    assert orgs["铭驰电子科技"]["canonical"] == "广东佛山铭驰电子科技"


GOVERNMENT_ROUND4 = [
    # a level character opening the head's own token after an idiom
    ("各部门要切实贯彻市政府部署。", "市政府", "切实贯彻市政府"),
    # a district's information centre
    ("网站由沙坪坝区信息中心维护。", "沙坪坝区信息中心", None),
]


@pytest.mark.parametrize(("text", "name", "not_name"), GOVERNMENT_ROUND4)
def test_government_bodies_round4(nlp, text, name, not_name):
    orgs = found(nlp, text)
    assert orgs[name]["type"] == "government" and not_name not in orgs


COLLECTIVE_BODIES = [
    ("区政府各委办局、直属单位主要负责人参加。", ("各委办局", "直属单位")),
    ("市属驻县分局负责同志列席会议。", ("市属驻县分局",)),
    ("县级有关部门和乡镇负责人参加。", ("县级有关部门",)),
]


@pytest.mark.parametrize(("text", "not_names"), COLLECTIVE_BODIES)
def test_bodies_of_a_kind_are_no_names(nlp, text, not_names):
    orgs = found(nlp, text)
    assert not any(n in name for n in not_names for name in orgs)


def test_a_joint_innovation_institute_keeps_its_place(nlp):
    orgs = found(nlp, "双方共建汉阳数智文创联合创新研究院。")
    assert orgs["汉阳数智文创联合创新研究院"]["type"] == "research"


OFFICES_AND_INSTITUTIONS = [
    ("县委办公室、县政府办公室联合印发通知。", ["县委办公室", "县政府办公室"]),
    ("县人大常委会办公室、县政协办公室负责人参加。", ["县人大常委会办公室", "县政协办公室"]),
    ("省政府办公厅日前印发通知。", ["省政府办公厅"]),
    ("县农业综合行政执法大队开展检查。", ["县农业综合行政执法大队"]),
    ("区人民法院、区人民检察院、区疾控中心联合开展宣传。", ["区人民法院", "区人民检察院", "区疾控中心"]),
    ("县文化馆、县图书馆免费开放。", ["县文化馆", "县图书馆"]),
    ("县第一中学、区实验中学获评先进。", ["县第一中学", "区实验中学"]),
    ("双方与中建三局、中铁十一局签约。", ["中建三局", "中铁十一局"]),
]


@pytest.mark.parametrize(("text", "names"), OFFICES_AND_INSTITUTIONS)
def test_offices_public_institutions_and_numbered_units(nlp, text, names):
    orgs = found(nlp, text)
    assert all(name in orgs for name in names)


@pytest.mark.parametrize("text", ["中小学、图书馆、博物馆建设加快。", "全县现有中学12所、小学40所。", "中建三个项目部进场。"])
def test_kinds_of_institutions_are_no_names(nlp, text):
    assert not {n for n in found(nlp, text) if n.endswith(("学", "馆", "局"))}


@pytest.mark.parametrize(("text", "name", "canonical"), [
    ("专家分别来自西南财大和重庆医大。", "西南财大", "西南财经大学"),
    ("专家分别来自西南财大和重庆医大。", "重庆医大", "重庆医科大学"),
    ("区政府与华东师大签订协议。", "华东师大", "华东师范大学"),
])
def test_universities_by_their_abbreviated_kind(nlp, text, name, canonical):
    org = found(nlp, text)[name]
    assert (org["type"], org["canonical"]) == ("university", canonical)


def test_abbreviated_kinds_name_one_university_each():
    from zhfacts.extract.orgs import build

    rows = build.abbreviated_university_rows()
    assert len({r[0] for r in rows}) == len(rows) and all(len(r[0]) >= 4 for r in rows)
    assert ("西南交大", "university", "西南交通大学", "universities") in rows


@pytest.mark.parametrize(("text", "name"), [
    ("区经信委、区商务委要加强运行监测。", "区商务委"),
    ("县文旅委将举办文化节。", "县文旅委"),
])
def test_a_head_glued_to_the_next_word_still_ends_a_name(nlp, text, name):
    assert name in found(nlp, text)


def test_a_word_that_starts_like_a_head_is_no_body(nlp):
    assert not found(nlp, "他委婉地表示，局面已经好转。")


@pytest.mark.parametrize(("text", "names", "not_names"), [
    ("县领导深入宏达公司、金鑫公司调研。", ["宏达公司", "金鑫公司"], ["县领导深入宏达公司"]),
    ("县领导深入重庆宏达机械有限公司调研。", ["重庆宏达机械有限公司"], []),
    ("先后来到祥云包装、永盛木业和华康医疗调研。", ["祥云包装", "永盛木业"], ["先后来到祥云包装"]),
    ("目前已有晶科能源、通威股份入驻。", ["晶科能源", "通威股份"], ["目前已有晶科能源"]),
])
def test_a_verb_before_a_proper_name_ends_it(nlp, text, names, not_names):
    orgs = found(nlp, text)
    assert all(n in orgs for n in names) and not any(n in orgs for n in not_names)


def test_a_verb_inside_a_company_name_stays(nlp):
    assert "重庆城市发展投资有限公司" in found(nlp, "重庆城市发展投资有限公司负责建设。")


@pytest.mark.parametrize(("text", "name"), [
    ("市生态环境局临江分局开展检查。", "市生态环境局临江分局"),
    ("市公安局开发区分局民警到场。", "市公安局开发区分局"),
    ("经县委常委会研究决定。", "县委常委会"),
    ("区人武部、区消防救援支队参加。", "区人武部"),
    ("县供销社、县农商行负责人参加。", "县农商行"),
])
def test_branches_committees_and_county_institutions(nlp, text, name):
    assert name in found(nlp, text)


def test_a_title_is_no_committee(nlp):
    assert "县委常委" not in found(nlp, "县委常委、副县长张三出席。")


@pytest.mark.parametrize(("text", "name"), [
    ("中国中车(集团)有限公司代表出席。", "中国中车(集团)有限公司"),
    ("与重庆机电(控股)集团公司签约。", "重庆机电(控股)集团公司"),
])
def test_a_bracketed_group_word_inside_a_registered_name(nlp, text, name):
    assert found(nlp, text)[name]["type"] == "company"


def test_a_bracketed_note_is_still_no_part_of_a_name(nlp):
    assert "(集团)负责" not in "".join(found(nlp, "重庆机电公司(集团)负责人出席。"))
