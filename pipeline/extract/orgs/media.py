"""Media named as a page's source or in a byline: 来源：浙江在线, (新重庆-重庆日报记者 …),
大众网·海报新闻临沂3月8日讯, 房县新闻网讯, 南方财经全媒体记者 …, beside the page's dateline
(2022-09-08 10:46 某某客户端), in a site's footer, or a paper by its title marks (《某某城市报》). Type other.

The main patterns (rules/organizations/media.yaml): the text after a source label up to the next space,
and at a line or bracket start a name ending with a media head word (网, 日报, 新闻, 在线, 发布 …)
right before the byline's 讯/电/记者, optionally after a place and a date (新华网重庆12月23日电).
A brand joined to its group by - or · (大众报业·海报新闻) is one name, as the page writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from zhfacts.extract.scanning import Scanner
from zhfacts.rules import load_yaml, require, rules_cache
from zhfacts.text.sentences import CLOSE_PARENS, OPEN_PARENS

MEDIA = "organizations/media.yaml"
TIMES = "times.yaml"  # the page's dateline: the pub_date's date and time stamp
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
BYLINE_RULES = ("org.media.byline", "org.media.dateline")  # a name read with no source label before it
MAX_BRAND_CHARS = 24  # the longest media brand read leftwards from its right edge, spaces included


@dataclass(frozen=True)
class MediaRules:
    source: re.Pattern[str]
    account: re.Pattern[str]  # 来源：“某平台”某某融媒号: an account on a quoted platform
    byline: re.Pattern[str]
    line_byline: re.Pattern[str]  # 某某讯(记者 …) opening a line: the name needs no media head
    line_byline_not_cues: tuple[str, ...]  # 快讯, 通讯: a kind of item before the bracket
    source_more: re.Pattern[str]  # a further source after 、 (来源：甲网、乙网客户端)
    pair: re.Pattern[str]  # a 、 between two media, the second before a byline's cue
    pair_first: re.Pattern[str]  # the first of them, ending where the search ends
    footer: re.Pattern[str]  # a site's own brand after a footer label
    footer_label: re.Pattern[str]  # searched first: most pages have no footer
    address: re.Pattern[str]  # a web address, or a word a site's brand stands before (版权所有)
    before_address: re.Pattern[str]  # a site's own brand ending where the search ends (before an address)
    site_line: re.Pattern[str]  # a site's own brand alone on a line (read on the raw text)
    bracketed_site: re.Pattern[str]  # 【某某网】2023-08-12: a site's own brand in a header's brackets
    photo_credit: Scanner  # groups agency, supplier and issuer
    issuer_heads: tuple[str, ...]  # media_heads and photo_issuer_heads: what a photo's issuer ends with
    title_paper: re.Pattern[str]  # 《某某城市报》: a paper named by its title marks
    quoted_channel: Scanner  # 微信公众号“某某时讯”, “某某时讯”公众号: an outlet's account
    datelines: tuple[re.Pattern[str], ...]  # 2022-09-08 10:46 某某客户端, 某某日报 2023-01-31 11:30
    not_paper_titles: tuple[str, ...]  # 《某某公司年报》, 《某某学报》: a report, a journal
    paper_heads: tuple[str, ...]  # 报: a paper's name ends with it
    paper_titles: tuple[str, ...]  # 《某某青年报》: a paper though it ends like a report
    title_paper_min_chars: int
    not_names: tuple[str, ...]
    source_not_names: frozenset[str]  # 网络 of 来源：网络
    photo_credit_not_names: frozenset[str]  # 受访者 of 受访者供图
    source_name_stops: tuple[str, ...]
    page_labels: tuple[str, ...]  # 关键词 of 来源:某某报关键词:…: cut off before the colon
    colon_labels: tuple[str, ...]  # page_labels and source_name_stops, longest first: what may stand before a colon
    heads: tuple[str, ...]
    verb_heads: tuple[str, ...]
    not_media_endings: tuple[str, ...]  # 举报 of 不良信息举报电话: an act, no media
    joiners: str  # - or · between a brand and its group
    outlet_heads: tuple[str, ...]  # heads of two outlets a joiner writes side by side (日报, 客户端)
    app_words: tuple[str, ...]  # 客户端 of 人民日报客户端: the outlet's app
    byline_cues: tuple[str, ...]  # 讯, 报道 after a media's name
    cue_ending_words: frozenset[str]  # 发|电: the cue ends a word of the sentence, no byline's cue
    repeated_cue_heads: tuple[str, ...]  # 网 of 某某网|网讯
    source_labels: tuple[str, ...]  # 来源 before a media's name


def alternatives(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@rules_cache
def media_rules() -> MediaRules:
    data = load_yaml(MEDIA)
    labels = alternatives(require(data, "source_labels", MEDIA))
    heads = alternatives(require(data, "media_heads", MEDIA))
    cues = alternatives(require(data, "byline_cues", MEDIA))
    line_cues = alternatives(require(data, "line_byline_cues", MEDIA))
    line_roles = alternatives(require(data, "line_byline_roles", MEDIA))
    role_reach = int(require(data, "line_byline_role_reach", MEDIA))
    joiners = re.escape("".join(require(data, "joiners", MEDIA)))
    name = f"[{CJK}][{CJK}A-Za-z]{{0,15}}(?:[{joiners}][{CJK}][{CJK}A-Za-z]{{0,15}})?"
    separators = re.escape("".join(require(data, "source_separators", MEDIA)))
    # punctuation, a digit, a bracket, a closing quote or a separator of two sources ends a source's name;
    # so does a colon, of a page's next label run into it (来源:某某报关键词:…), where the label is cut
    # off (page_labels; see named)
    after_source = f"(?=[\\s|｜,，:：0-9{separators}{re.escape(OPEN_PARENS + CLOSE_PARENS)}”」]|$)"
    return MediaRules(
        # the colon may be left out before a name that ends with a media head and a date (来源 某某报 2019…)
        source=re.compile(f"(?:{labels})(?:[:：]\\s*|\\s*(?=[{CJK}]{{1,10}}(?:{heads})[\\s0-9]))(?P<name>{name}){after_source}",
                          re.M),
        # an account after the platform it publishes on, quoted (来源：“某某平台”某某融媒号): up to its head
        account=re.compile(f"(?:{labels})[:：]\\s*“[{CJK}]{{2,8}}”(?P<name>[{CJK}]{{1,10}}(?:"
                           f"{alternatives(require(data, 'account_heads', MEDIA))}))"),
        source_more=re.compile(f"[{separators}]+\\s*(?P<name>{name}){after_source}", re.M),
        byline=re.compile(f"(?<![{CJK}A-Za-z])(?P<name>(?:[{CJK}]{{2,10}}[{joiners}])?[{CJK}]{{1,10}}"
                          f"(?:{heads}))(?=(?P<gap>[{CJK}]{{2,4}})?(?P<date>\\d{{1,2}}月\\d{{1,2}}日)?"
                          f"(?:{cues})(?!话))", re.M),  # 电 of 电话 is no dispatch's cue
        line_byline=re.compile(f"^[ \\t\u3000]*(?P<name>[{CJK}]{{2,10}})(?P<cue>{line_cues})[ \\t\u3000]*[(（]"
                               f"[^()（）\\n]{{0,{role_reach}}}?(?:{line_roles})", re.M),
        line_byline_not_cues=tuple(require(data, "line_byline_not_cues", MEDIA)),
        pair=re.compile(f"、(?=[{CJK}]{{1,10}}(?:{heads})(?:{cues}))"),
        pair_first=re.compile(f"(?<![{CJK}A-Za-z])(?P<name>[{CJK}]{{1,10}}(?:{heads}))\\Z"),
        footer=site_patterns(data)[0],
        footer_label=re.compile(alternatives(require(data, "footer_labels", MEDIA))),
        address=re.compile(f"www\\.|https?://|{alternatives(require(data, 'site_right_edges', MEDIA))}"),
        before_address=site_patterns(data)[1],
        site_line=site_patterns(data)[2],
        bracketed_site=site_patterns(data)[3],
        photo_credit=Scanner.of(re.compile(require(data, "photo_credit", MEDIA))),
        issuer_heads=tuple(require(data, "media_heads", MEDIA) + require(data, "photo_issuer_heads", MEDIA)),
        datelines=dateline_patterns(data),
        quoted_channel=Scanner.of(re.compile(
            f"(?:{alternatives(require(data, 'quoted_channel_before', MEDIA))})“(?P<name>[{CJK}]{{2,12}})”"
            f"|“(?P<after>[{CJK}]{{2,12}})”(?=[ \\t\u3000]{{0,2}}"  # “某某发布” 微信公众号: a space may stand between
            f"(?:{alternatives(require(data, 'quoted_channel_after', MEDIA))}))")),
        title_paper=re.compile(
            f"《(?P<name>[{CJK}]{{1,30}}(?:{alternatives(require(data, 'title_paper_heads', MEDIA))}))》"),
        paper_titles=tuple(require(data, "title_paper_endings", MEDIA)),
        paper_heads=tuple(require(data, "title_paper_heads", MEDIA)),
        title_paper_min_chars=int(require(data, "title_paper_min_chars", MEDIA)),
        not_paper_titles=tuple(require(data, "not_media_endings", MEDIA)
                               + require(data, "title_not_paper_endings", MEDIA)),
        not_names=tuple(require(data, "not_names", MEDIA)),
        source_not_names=frozenset(require(data, "source_not_names", MEDIA)),
        photo_credit_not_names=frozenset(require(data, "photo_credit_not_names", MEDIA)),
        source_name_stops=tuple(require(data, "source_name_stops", MEDIA)),
        page_labels=tuple(require(data, "page_labels", MEDIA)),
        colon_labels=tuple(sorted({*require(data, "page_labels", MEDIA), *require(data, "source_name_stops", MEDIA)},
                                  key=len, reverse=True)),
        heads=tuple(require(data, "media_heads", MEDIA)),
        verb_heads=tuple(require(data, "verb_heads", MEDIA)),
        not_media_endings=tuple(require(data, "not_media_endings", MEDIA)),
        joiners="".join(require(data, "joiners", MEDIA)),
        outlet_heads=tuple(require(data, "outlet_heads", MEDIA)),
        app_words=tuple(require(data, "app_words", MEDIA)),
        byline_cues=tuple(require(data, "byline_cues", MEDIA)),
        cue_ending_words=frozenset(require(data, "cue_ending_words", MEDIA)),
        repeated_cue_heads=tuple(require(data, "repeated_cue_heads", MEDIA)),
        source_labels=tuple(require(data, "source_labels", MEDIA)),
    )


def app_end(text: str, start: int, end: int, known_other: bool = False) -> int:
    """人民日报|客户端: an outlet's name (ending with a media head, or a name of the knowledge data typed
    other: its media, 新湖南; its associations are not written before an app word) right before an app
    word names the app, one name with it (media.yaml app_words): where the app word ends, else `end`."""
    rules = media_rules()
    if not (known_other or text.endswith(rules.heads, start, end)) or text.endswith(rules.app_words, start, end):
        return end
    word = next((w for w in rules.app_words if text.startswith(w, end)), "")
    return end + len(word)


def names_paper(name: str) -> bool:
    """The name ends as a paper's does (media.yaml title_paper_heads: 报), not as a report's, bulletin's
    or journal's (title_not_paper_endings, not_media_endings) unless a paper's own ending (青年报)."""
    rules = media_rules()
    return name.endswith(rules.paper_heads) and (not name.endswith(rules.not_paper_titles) or name.endswith(
        rules.paper_titles))


def paper_title(name: str, rules: MediaRules) -> bool:
    """The words in title marks name a paper, no report, bulletin or journal (media.yaml title_paper_*)."""
    return len(name) >= rules.title_paper_min_chars and names_paper(name)


def dateline_patterns(data: dict) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A media name beside a page's dateline with only spaces between: after a date and an optional
    time (2022-09-08 10:46 某某客户端), or before a page's time stamp (某某日报 2023-01-31 11:30). The
    date and the stamp are the pub_date's (times.yaml); the name ends with a media head (a brand joined
    to its group by - or · is one name) and stands alone between spaces or line ends. Whether its words
    name a brand is asked of the tokens (organizations.py brand_words_ok)."""
    heads = alternatives(require(data, "media_heads", MEDIA))
    joiners = re.escape("".join(require(data, "joiners", MEDIA)))
    dated = require(load_yaml(TIMES), "pub_date", TIMES)
    date, stamp = (re.sub(r"\?P<\w+>", "?:", require(dated, key, TIMES)) for key in ("date", "stamp"))
    brand = f"(?P<name>(?:[{CJK}]{{1,12}}[{joiners}])?[{CJK}]{{1,12}}(?:{heads}))"
    space = "[ \\t\u3000]"
    return (re.compile(f"(?:{stamp}|{date}){space}+{brand}(?={space}|$)", re.M),
            re.compile(f"(?:^|(?<={space})){brand}{space}+{stamp}", re.M))


def site_patterns(data: dict) -> tuple[re.Pattern[str], ...]:
    """A site's own brand (某某网, 某某在线河南站): after a footer label with a colon or a space (or
    one ending with 由 or 归) and before a space, punctuation, a line end or a footer follower (版权所有：
    某某网, 本文由某某网发布); right before the site's web address; alone on a line, or before the
    page's date label (某某网发布时间：…)."""
    labels = alternatives(require(data, "footer_labels", MEDIA))
    heads = alternatives(require(data, "site_heads", MEDIA))
    channels = alternatives(require(data, "site_channels", MEDIA))
    followers = alternatives(require(data, "footer_followers", MEDIA))
    date_labels = alternatives(require(data, "site_date_labels", MEDIA))
    brand = f"(?P<name>[{CJK}]{{1,11}}(?:{heads})(?:[{CJK}]{{2,3}}(?:{channels}))?)"
    space = "[ \\t\u3000]*"
    return (
        re.compile(f"(?:{labels})(?:[:：]\\s*|\\s+|(?<=由)|(?<=归)|(?<=©))(?:©\\s*)?(?:\\d{{4}}(?:-\\d{{4}})?\\s*)?"
                   f"{brand}(?=[\\s|｜,，。;；:：]|$|{followers})", re.M),
        re.compile(f"(?<![{CJK}]){brand}{space}\\Z"),
        re.compile(f"^{space}{brand}{space}(?:$|(?=(?:{date_labels})[:：]))", re.M),
        re.compile(f"【{brand}】(?={space}\\d{{4}}[-/年.])"),
    )


def cut_at_stops(name: str, stops: tuple[str, ...]) -> str:
    cuts = [i for stop in stops if (i := name.find(stop)) > 0]
    return name[:min(cuts)] if cuts else name


def without_verb_head(name: str, rules: MediaRules) -> str:
    """区融媒体中心|发布消息: a head that is also a verb (发布) after another media name is the verb."""
    for verb in rules.verb_heads:
        stem = name[:-len(verb)]
        if name.endswith(verb) and stem.endswith(tuple(h for h in rules.heads if h not in rules.verb_heads)):
            return stem
    return name


def media_names(text: str, is_place: Callable[[str], bool] = lambda word: True) -> list[tuple[int, int, str]]:
    """(start, end, rule) of each media name in the text. Words between a byline's name and its date
    that are no place are the rest of the name (红网时刻3月15日讯; 新华网成都6月2日电 keeps 新华网)."""
    rules = media_rules()
    found = []
    patterns = [(rules.source, "org.media.source"), (rules.byline, "org.media.byline"),
                (rules.line_byline, "org.media.byline")]
    if "”" in text:
        patterns.append((rules.account, "org.media.source"))
    if rules.footer_label.search(text):
        patterns.append((rules.footer, "org.media.site"))
    if "【" in text:
        patterns.append((rules.bracketed_site, "org.media.site"))
    for pattern, rule in patterns:
        for match in pattern.finditer(text):
            if pattern is rules.line_byline and (match.group("name").endswith(rules.heads) or text.endswith(
                    rules.line_byline_not_cues, 0, match.end("cue"))):
                continue  # 某某网讯(记者 …): the byline pattern reads it; 沁源快讯: a news flash
            found += named(match, rule, rules, is_place)
            while rule == "org.media.source" and (match := rules.source_more.match(text, match.end())):
                found += named(match, rule, rules, is_place)  # 来源：甲网、乙网
    if "”" in text:
        found += [(*match.span(group), "org.media.account") for match in rules.quoted_channel.finditer(text)
                  for group in ("name", "after") if match.group(group)]
    if "《" in text:
        found += [(*match.span("name"), "org.media.title") for match in rules.title_paper.finditer(text)
                  if paper_title(match.group("name"), rules)]
    # found from their rarer right edge, a 、 or a web address, then read leftwards
    for edge, first, rule in ((rules.pair, rules.pair_first, "org.media.byline"),
                              (rules.address, rules.before_address, "org.media.site")):
        for match in edge.finditer(text):
            left = first.search(text, max(0, match.start() - MAX_BRAND_CHARS), match.start())
            if left is not None:
                found += named(left, rule, rules, is_place)
    return found


def dateline_names(raw: str, is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Raw spans of media names beside the page's dateline (2022-09-08 10:46 某某客户端). Read on the raw
    text: repair joins a short dateline line to the paragraph after it."""
    rules = media_rules()
    return [(start, end) for pattern in rules.datelines for match in pattern.finditer(raw)
            for start, end, _ in named(match, "org.media.dateline", rules, is_place)]


def site_lines(raw: str) -> list[tuple[int, int]]:
    """Raw spans of site brands alone on a line of the page (a header: 某某在线, 某某在线河南站). Read
    on the raw text: repair joins such short lines to the next."""
    return [match.span("name") for match in media_rules().site_line.finditer(raw)]


def named(match: re.Match[str], rule: str, rules: MediaRules, is_place: Callable[[str], bool]
          ) -> list[tuple[int, int, str]]:
    """The media name of one match, cut at the words that end it, or none."""
    name = match.group("name")
    if name.startswith(rules.source_name_stops):
        return []  # 来源：某某日报——|记者张三: a byline's word opens no media's name
    gap = match.groupdict().get("gap")
    if gap and match.groupdict().get("date"):  # not 湖北日报|全媒记者
        name += before_place(gap, is_place)
    elif gap and match.string[match.end("gap") - 1:match.end("gap") + 1] in rules.cue_ending_words and \
            not places_only(gap, is_place):
        return []  # 年并网|光伏发|电: no dispatch, 电 ends a word of the sentence
    if match.string.startswith((":", "："), match.end("name")):
        label = next((label for label in rules.colon_labels if name.endswith(label)), "")
        if not label:
            return []  # 来源：某某单位：数据显示: a colon with no label before it ends no source's name
        if label in rules.page_labels:
            name = name[:-len(label)]  # 来源:某某报|关键词: (a byline's label is cut below: 来源:某某报|作者:)
    cut = cut_at_stops(name, rules.source_name_stops)
    if rule in BYLINE_RULES and cut != name and not cut.endswith(rules.heads):
        return []  # 某某形势良好|本报讯: a headline run into the paper's own 本报, no media's name
    name = without_verb_head(cut, rules)
    if rule in BYLINE_RULES and any(name.endswith(head * 2) for head in rules.repeated_cue_heads):
        name = name[:-1]  # 某某网网讯: the site's name, then the dispatch's 网讯
    if name.endswith(rules.not_media_endings) or rule in BYLINE_RULES and any(
            name.endswith(verb) and not is_place(name[:-len(verb)]) for verb in rules.verb_heads):
        return []  # 不良信息举报|电话: an act; 某市发改委|发布消息: a body announcing, no brand (西安发布 is;
        # after a source's label any name is the source's: 来源：闽东发布)
    start = match.start("name") + own_brand_after_joiner(name, rules.joiners)
    name = name[start - match.start("name"):]
    if len(name) >= 2 and not name.startswith(rules.not_names) and name not in rules.heads and \
            name not in rules.source_not_names:  # 晚报记者: a kind; 来源：网络: no media
        at = outlets_joined(name, rules)
        if at:  # 某某日报·新某某客户端: two outlets of one group, each a name
            return [(start, start + at, rule), (start + at + 1, start + len(name), rule)]
        return [(start, start + len(name), rule)]
    return []


def before_place(gap: str, is_place: Callable[[str], bool]) -> str:
    """The words of a byline's gap before the places that end it (红网时刻|岳阳|12月18日讯: 时刻;
    中新网|浙江温州|12月18日电: none), all of it when no place ends it."""
    return next((gap[:i] for i in range(len(gap)) if places_only(gap[i:], is_place)), gap)


def places_only(text: str, is_place: Callable[[str], bool]) -> bool:
    """The text is a run of places (浙江温州)."""
    return not text or any(is_place(text[:n]) and places_only(text[n:], is_place) for n in range(2, len(text) + 1))


def outlets_joined(name: str, rules: MediaRules) -> int:
    """Where a joiner stands between two outlets that each end with an outlet's head (media.yaml
    outlet_heads: 某某日报·新某某客户端, 某某网-某某报), else 0: a brand without one (新重庆-重庆日报), a
    group (某某报业·…), a channel (某某网-某某频道) or an app named by its news (某某网·某某新闻) is one name."""
    at = next((i for i, c in enumerate(name) if c in rules.joiners), -1)
    left, right = name[:at], name[at + 1:]
    return at if at >= 2 and len(right) >= 3 and left.endswith(rules.outlet_heads) and right.endswith(
        rules.outlet_heads) and len(left) > len(next(h for h in rules.outlet_heads if left.endswith(h))) else 0


def own_brand_after_joiner(name: str, joiners: str) -> int:
    """某某网客户端-某某网: a brand's own channel joined before it (the left part holds the right
    one) names no group: where the brand alone starts, else 0 (新重庆-重庆日报 is one name)."""
    at = next((i for i, c in enumerate(name) if c in joiners), -1)
    right = name[at + 1:]
    return at + 1 if at > 0 and len(right) >= 2 and right in name[:at] else 0
