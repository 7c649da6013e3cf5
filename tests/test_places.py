"""The places extractor: gazetteer names as words, in a context that supports a place."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from helpers import annotate

import zhfacts
import zhfacts.nlp.spacy_components  # noqa: F401  (registers the spaCy factories)
from zhfacts.extract.places import is_county_level, lookup_place
from zhfacts.nlp.spacy_components import blank_zh, records_from_doc

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"
LOCAL = ("district", "county", "zone")


@pytest.fixture(scope="module")
def nlp():
    nlp = blank_zh()
    nlp.add_pipe("zhfacts_places")
    return nlp


def local_places(doc) -> list[str]:
    """County-level places and zones as 'surface=canonical'."""
    return [f"{doc.text[h.start:h.end]}={h.get('canonical')}" for h in doc._.places if h.get("level") in LOCAL]


CASES = [
    # full names, short forms and zones (Chongqing)
    ("潼南区上半年新增科技型企业168家，潼南高新区新落地项目12个，潼南正加快建设产业新城。",
     ["潼南区=潼南区", "潼南高新区=潼南高新区", "潼南=潼南区"]),
    # a ranking of many districts written short: the province comes from the names themselves
    ("全市各区县中，渝北、江北、九龙坡位列前三，石柱、秀山增速最快。",
     ["渝北=渝北区", "江北=江北区", "九龙坡=九龙坡区", "石柱=石柱土家族自治县", "秀山=秀山土家族苗族自治县"]),
    # 江北区 exists in Chongqing and in Ningbo: the document's province decides
    ("宁波市江北区推动港口物流提质增效，江北全年新增市场主体3000户。",
     ["江北区=江北区", "江北=江北区"]),
    # a former name written in full is the unit's name when the text was written; where the
    # document writes the current name too, every mention of the unit takes the current one
    ("2013年，铜梁县工业总产值突破500亿元；撤县设区后，开县更名为开州区。",
     ["铜梁县=铜梁县", "开县=开州区", "开州区=开州区"]),
    ("长垣县去年新增企业50家，长垣全县工业增长8%。", ["长垣县=长垣县", "长垣=长垣县"]),
    ("长垣市(原长垣县)去年新增企业50家。", ["长垣市=长垣市", "长垣县=长垣市"]),
    # a list's items may carry an aside in brackets: the short forms lean on each other across it
    # (a page of another province's counties, where 晋江 alone is named in full)
    ("昆山市是江苏的东大门。江苏江阴市、常熟市、张家港市列前十。福建晋江市等7县(市)入围,分别是晋江(第5位)、"
     "南安(第27位)、石狮(第46位)。",
     ["昆山市=昆山市", "江阴市=江阴市", "常熟市=常熟市", "张家港市=张家港市", "晋江市=晋江市", "晋江=晋江市",
      "南安=南安市", "石狮=石狮市"]),
    # ... leaning on a place after it too, however long the chain; an aside that is no rank (a role) does
    # not carry a word across (周宁 is a person here)
    ("昆山市是江苏的东大门。江苏江阴市、常熟市、张家港市列前十。福建入围的有惠安(第60位)、南安(第27位)、"
     "石狮(第46位)、晋江市(第5位)。",
     ["昆山市=昆山市", "江阴市=江阴市", "常熟市=常熟市", "张家港市=张家港市", "惠安=惠安县", "南安=南安市",
      "石狮=石狮市", "晋江市=晋江市"]),
    ("重庆市渝北区召开表彰大会。受表彰的有渝北区(先进集体)和周宁(先进个人)。", ["渝北区=渝北区", "渝北区=渝北区"]),
    # a merged unit's former name is another place than the unit that absorbed it
    ("万盛区和綦江区各新增企业20家。", ["万盛区=万盛区", "綦江区=綦江区"]),
    # a short form only where it stands as a word
    ("成渝中部科创走廊加快建设，潼南通过招商引进企业12家。", ["潼南=潼南区"]),
    ("当地过去创新平台不足，如今大足、璧山等区县加快追赶。", ["大足=大足区", "璧山=璧山区"]),
    # a breed is no mention of its district
    ("SPF荣昌猪培育成功，荣昌区畜牧科研再获突破。", ["荣昌区=荣昌区"]),
    # but a word that only opens with a product's character is no product (人口, 面积)
    ("其中，涟水人口最多，涟水面积也最大。", ["涟水=涟水县", "涟水=涟水县"]),
    # whatever token jieba made of such a word (a banner's everyday name before 人民政府)
    ("我代表科右前旗人民政府报告工作。", ["科右前旗=科尔沁右翼前旗"]),
    # nor is a road or a station named after it
    ("潼南大道全线通车，潼南北站同步启用，潼南区交通再提速。", ["潼南区=潼南区"]),
    # Zhejiang: a short form in the document's province
    ("杭州市滨江区数字经济核心产业增加值增长9%，滨江继续领跑全市。", ["滨江区=滨江区", "滨江=滨江区"]),
    # zones are never districts
    ("苏州工业园区、张家港保税区和两江新区的代表参加了会议。",
     ["苏州工业园区=苏州工业园区", "张家港保税区=张家港保税区", "两江新区=两江新区"]),
    # Hunan: a one-character stem elsewhere in China is a word here (文旅兴县 is a slogan)
    ("攸县坚持工业强县、文旅兴县，茶陵县、炎陵县同步发力。", ["攸县=攸县", "茶陵县=茶陵县", "炎陵县=炎陵县"]),
    # a generic full name counts only after its city
    ("阳泉市城区推进老旧小区改造，中心城区交通持续改善。", ["城区=城区"]),
    # negative cases: ordinary words that are also short forms, and 和县 inside 区和县
    ("广西南宁港口物流、旅游资源和平台建设齐头并进。", []),
    ("各区和县要加强统筹，确保资源配置合理。", []),
    # a stem ending in 中 or 左 is a short form outside banners (渝中, 晋中); the zone of a city's short form
    ("渝中新增市场主体2000户，巴中经开区签约项目6个。", ["渝中=渝中区", "巴中经开区=巴中经开区"]),
    ("台前幕后的工作人员忙碌着。", []),
    # a generic full name listed after a district of its city, a county and a district alike
    ("成县、康县和文县的旅游收入都在增长，武都区也是。", ["成县=成县", "康县=康县", "文县=文县", "武都区=武都区"]),
    # a slogan ending in a two-character county's characters (工业富县) is no mention of it
    ("坚持“工业富县”不动摇，推进科教兴县战略。", []),
    ("陕西富县新增企业3家。", ["富县=富县"]),
    ("延安市富县工程建设加快推进。", ["富县=富县"]),
    ("代表企业包括新民康科技、红旗金龙等，产业基础较强。", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_places(nlp, text: str, expected: list[str]) -> None:
    assert local_places(annotate(nlp, text)) == expected


def test_choice_between_same_named_districts_is_recorded(nlp) -> None:
    doc = annotate(nlp, "重庆市江北区、渝北区和巴南区联合发布人才政策。")
    jiangbei = next(h for h in doc._.places if h.get("canonical") == "江北区")
    assert jiangbei.get("adcode") == "500105"
    assert "重庆市" in jiangbei.get("note")


def test_former_name_is_flagged_and_keeps_the_current_code(nlp) -> None:
    doc = annotate(nlp, "2013年，铜梁县工业总产值突破500亿元。")
    hit = next(h for h in doc._.places if h.get("canonical") == "铜梁县")
    assert (hit.rule, hit.get("adcode"), hit.get("level")) == ("place.former_name", "500151", "district")
    assert hit.get("note") == "former name of 铜梁区 (renamed in 2014)"


def test_a_former_new_area_is_its_district_not_a_zone(nlp) -> None:
    doc = annotate(nlp, "2015年，光明新区引进企业36家。")
    hit = next(h for h in doc._.places if h.get("adcode") == "440311")
    assert (hit.rule, hit.get("canonical"), hit.get("level")) == ("place.former_name", "光明新区", "district")


@pytest.mark.parametrize(("pub_date", "canonical"), [
    ("2018-05-02", "长垣县"),  # before the rename (2019): the name of the time
    ("2020-05-02", "长垣市"),
    (None, "长垣市"),
])
def test_a_short_form_takes_the_name_of_its_publication_date(pub_date: str | None, canonical: str) -> None:
    places = zhfacts.extract_text("长垣去年新增企业50家。", pub_date=pub_date).records("places")
    assert [(p["text"], p["canonical"], p["adcode"]) for p in places] == [("长垣", canonical, "410783")]


def test_a_district_claim_takes_the_name_of_the_time() -> None:
    claims = zhfacts.extract_text("长垣县去年新增企业50家。").records("claims")
    assert [(c["district"], c["adcode"], c["text"]) for c in claims] == [("长垣县", "410783", "50家")]


def test_zone_has_no_adcode_and_names_its_district(nlp) -> None:
    doc = annotate(nlp, "大足区依托大足高新区，新引进项目20个。")
    zone = next(h for h in doc._.places if h.get("level") == "zone")
    assert (zone.get("canonical"), zone.get("adcode"), zone.get("parent")) == ("大足高新区", None, "大足区")


def test_provinces_and_cities_are_places_but_not_county_level(nlp) -> None:
    doc = annotate(nlp, "重庆市合川区与四川省广安市签署合作协议。")
    levels = {doc.text[h.start:h.end]: h.get("level") for h in doc._.places}
    assert levels == {"重庆市": "province", "合川区": "district", "四川省": "province", "广安市": "city"}
    assert [is_county_level(h) for h in doc._.places] == [False, True, False, False]


@pytest.mark.parametrize(("name", "canonical", "adcode"), [
    ("潼南", "潼南区", "500152"),
    ("潼南区", "潼南区", "500152"),
    ("石柱", "石柱土家族自治县", "500240"),
    ("铜梁县", "铜梁区", "500151"),
    ("恩施州", "恩施土家族苗族自治州", "422800"),
    ("滨江", "滨江区", "330108"),
])
def test_lookup_place(name: str, canonical: str, adcode: str) -> None:
    row = lookup_place(name)
    assert row is not None
    assert (row["canonical"], row["adcode"]) == (canonical, adcode)
    assert {"level", "parent", "province"} <= row.keys()


@pytest.mark.parametrize("name", ["江北区", "朝阳", "高新区", "两江新区", "成渝"])
def test_lookup_place_unknown_or_ambiguous(name: str) -> None:
    assert lookup_place(name) is None


def test_lookup_place_flags_a_former_name() -> None:
    assert lookup_place("开县")["former_name"] == "开县"


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_bundled_article_places(nlp, doc_id: str, data_regression) -> None:
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    records = records_from_doc(annotate(nlp, raw, doc_id))["places"]
    keep = ("start", "end", "text", "canonical", "adcode", "level", "parent", "rule", "note")
    data_regression.check([{k: asdict(r)[k] for k in keep} for r in records])


def test_every_rule_id_is_defined_in_the_rules_files(nlp) -> None:
    from zhfacts.extract.places import place_rules

    raw = (CORPUS / "seed004.txt").read_text(encoding="utf-8")
    doc = annotate(nlp, raw + "\n2013年，铜梁县工业总产值突破500亿元。")
    assert {h.rule for h in doc._.places} == set(place_rules().rule_ids)


@pytest.mark.parametrize(("text", "found"), [
    # a common-word short form counts once its unit is named in full, at a clause's edge
    ("深圳市南山区很大。作为深圳“第一区”的南山，发展很快。今年以来，南山规上工业回升。",
     ["深圳市", "南山区", "深圳市", "南山区", "南山区"]),
    ("登上南山，风景很好。", []),  # never named in full
    ("深圳市南山区很大。终南山上风景好。", ["深圳市", "南山区"]),  # inside another word
    # a generic full name listed after a district of the same city is that city's
    ("长安区、莲湖区、新城区都在发展。", ["长安区", "莲湖区", "新城区"]),
    ("新城区的改造正在推进。", []),  # no city, no list
    # made in a district: 某某造
    ("“璧山造”产品走出国门。", ["璧山区"]),
])
def test_short_and_generic_forms_in_context(text: str, found: list[str]) -> None:
    assert [p["canonical"] for p in zhfacts.extract_text(text).records("places")] == found


@pytest.mark.parametrize(("text", "found"), [
    # a page about one city's county: a bare short form of another city's county is a local place
    ("龙岩市上杭县推进文旅融合，艺术团走进古田慰问演出。", ["龙岩市", "上杭县"]),
    # with its own support it still counts
    ("龙岩市上杭县与宁德市古田县开展合作，上杭、古田两地互动频繁。",
     ["龙岩市", "上杭县", "宁德市", "古田县", "上杭县", "古田县"]),
    # no single home city: the province decides, as before
    ("福建省经济运行平稳，古田食用菌产业兴旺。", ["福建省", "古田县"]),
])
def test_a_short_form_of_another_citys_county_needs_support(text: str, found: list[str]) -> None:
    assert [p["canonical"] for p in zhfacts.extract_text(text).records("places")] == found


@pytest.mark.parametrize(("text", "surface", "canonical"), [
    ("潼南区委召开全会。", "潼南区", "潼南区"),  # the segmenter cuts 潼南|区委
    ("利津县委书记讲话。", "利津县", "利津县"),
    ("大足区长主持会议。", "大足区", "大足区"),
    ("江北区政府发布通知。", "江北区", "江北区"),
])
def test_a_level_glued_to_an_office_belongs_to_the_place(text: str, surface: str, canonical: str) -> None:
    places = zhfacts.extract_text(text, pub_date="2025-01-01").records("places")
    assert [(p["text"], p["canonical"], p["rule"]) for p in places] == [(surface, canonical, "place.full_name")]


@pytest.mark.parametrize(("text", "surface"), [("渝北区域发展加快。", "渝北"), ("潼南区间公路通车。", "潼南"),
                                             ("利津县域经济发展。", "利津")])
def test_a_level_character_of_another_word_stays_out_of_the_place(text: str, surface: str) -> None:
    places = zhfacts.extract_text(text, pub_date="2025-01-01").records("places")
    assert [(p["text"], p["rule"]) for p in places] == [(surface, "place.short_form")]


@pytest.mark.parametrize(("text", "pub_date", "expected"), [
    # a publication date after the change outweighs a former name looked back on
    ("长垣今年新增企业50家。2018年，长垣县新增企业30家。", "2023-05-01", [("长垣", "长垣市"), ("长垣县", "长垣市")]),
    ("长垣今年新增企业50家，原长垣县老工业区改造完成。", None, [("长垣", "长垣市"), ("长垣县", "长垣市")]),
    # a merged unit keeps its own name beside a renamed sibling named as of its time
    ("2019年，蓬莱市和长岛县分别接待游客500万人次和300万人次。", None, [("蓬莱市", "蓬莱市"), ("长岛县", "长岛县")]),
    # a former name that is the current one's stem is its everyday short form: dated as one
    ("沙县去年新增企业20家。", "2023-05-01", [("沙县", "沙县区")]),
    ("沙县去年新增企业20家。", "2019-05-01", [("沙县", "沙县")]),
    # the short form of an autonomous county's former name, by the gazetteer's own short-form rules
    ("黔江去年新增企业20家。", "1999-05-01", [("黔江", "黔江土家族苗族自治县")]),
])
def test_names_of_the_time(text: str, pub_date: str | None, expected: list[tuple[str, str]]) -> None:
    places = zhfacts.extract_text(text, pub_date=pub_date).records("places")
    assert [(p["text"], p["canonical"]) for p in places if p["level"] in ("district", "county")] == expected


def test_lookup_place_keeps_a_merged_units_name() -> None:
    assert (lookup_place("万盛区")["canonical"], lookup_place("万盛区")["adcode"]) == ("万盛区", "500110")


def test_a_zones_parent_takes_its_districts_name_of_the_time() -> None:
    text = "长垣县去年新增企业50家。长垣经济技术开发区新增企业20家。"
    places = zhfacts.extract_text(text, pub_date="2018-03-01").records("places")
    assert {(p["level"], p["canonical"] if p["level"] != "zone" else p["parent"]) for p in places} == {
        ("county", "长垣县"), ("zone", "长垣县")}
