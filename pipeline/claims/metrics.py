"""What a claim measures: the metric phrase read around its figure, its key in the indicator
vocabulary, its period and sign, and the claim records themselves."""

from __future__ import annotations

from bisect import bisect_left

from zhfacts.claims.context import (
    Attribution,
    Context,
    _comparison_before,
    _first_in,
    _last_period,
    clause_start,
    markers_in,
    times_within,
)
from zhfacts.claims.metric_keys import Description, describe, is_generic, vocabulary
from zhfacts.claims.rules import MetricRules, metric_rules
from zhfacts.nlp.analysis import Token
from zhfacts.records.build import record_id
from zhfacts.text.article import Hit
from zhfacts.text.sentences import CLOSE_PARENS, OPEN_PARENS

GROWTH = "增速"  # the growth measure's suffix (metrics.yaml growth_words, indicators.yaml measures)


def clause_end(ctx: Context, pos: int, ceiling: int) -> int:
    """The first clause delimiter from pos on, or ceiling."""
    if pos >= ceiling:
        return pos
    stop = _first_in(ctx.clause_stops, pos, ceiling)
    return ceiling if stop == -1 else stop


def first_suffix(text: str, words: tuple[str, ...]) -> str | None:
    """The first of words that text ends with."""
    if text.endswith(words):
        for word in words:
            if text.endswith(word):
                return word
    return None


def make_claims(ctx: Context, quantity: Hit, attribution: Attribution, sentence: tuple[int, int]) -> list[Hit]:
    metric = metric_of(ctx, quantity, sentence)
    description = claim_metric(ctx, quantity, metric, sentence)
    key = description.key
    if description.named_before and metric and vocabulary().share.match(metric):
        metric = named_metric(description.named_before, metric, quantity)  # 占一般公共预算收入 -> 税收收入占…
    elif description.named_before and is_generic(metric, ctx.text[quantity.start:quantity.end]):
        unnamed = not metric
        metric = named_metric(description.named_before, metric, quantity)  # 增速超过7% -> GDP增速
        if unnamed and key and key.endswith(GROWTH) and quantity.get("kind") == "percent":
            metric += GROWTH  # 乙区(281.72亿元 5.6%): the list's GDP, its growth rate
    confidence = ctx.rules.confidence[attribution.how]
    figure = {k: quantity.get(k) for k in ("value", "value_min", "value_max", "approx", "unit")}
    if is_decline(ctx, quantity, sentence):
        figure.update({k: -abs(figure[k]) for k in ("value", "value_min", "value_max") if figure[k] is not None})
    figure["period"] = own_period(ctx, quantity, sentence) or carried_period(ctx, quantity, sentence)
    figure["modality"] = modality_of(ctx, quantity, sentence)
    quantity_id = record_id(ctx.article, quantity, "quantities")
    claims = []
    for district in attribution.districts:
        fields = {
            "district": district.get("canonical"),
            "adcode": district.get("adcode"),
            "metric": metric,
            "metric_key": key,
            **figure,
            "quantity_id": quantity_id,
            "attribution": attribution.how,
            "speaker": attribution.speaker,
            "confidence": confidence,
            "key": district.get("canonical"),
            "sentence_start": sentence[0],  # not a record field: distinct_rank_keys groups by it
        }
        claims.append(Hit(quantity.start, quantity.end, attribution.rule, fields))
    return claims


def is_decline(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """Is the figure the size of a fall (下降2.3%, 减少了1.5亿元)? A figure printed with its
    minus sign already carries it."""
    if (quantity.get("value") or 0) < 0 or (quantity.get("value_min") or 0) < 0:
        return False
    start = clause_start(ctx, quantity.start, sentence[0], items=True)
    if ctx.rules.decline_before.search(ctx.text, start, quantity.start) is not None:
        return True
    i = bisect_left(ctx.quantity_starts, quantity.start) - 1  # 分别下降4.1%、49.1%和70.6%: the list's fall
    before = ctx.quantities[i] if i >= 0 else None
    gap = ctx.text[before.end:quantity.start] if before is not None and before.start >= sentence[0] else ""
    separators, delimiters = ctx.rules.list_separators, ctx.rules.clause_delimiters
    return bool(gap) and all(c in separators and c not in delimiters for c in gap) and is_decline(
        ctx, before, sentence)


def modality_of(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str:
    """actual | target | forecast: the last cue between the sentence's start and the figure
    (力争增长7% target, 预计将达到500家 forecast, everything reported as done actual)."""
    rules = ctx.rules
    before = rules.not_cues.sub(lambda m: "\x00" * len(m.group()), ctx.text[sentence[0]:quantity.start])
    cues = list(rules.modality_cues.finditer(before))
    if not cues:
        return ctx.heading_modalities[ctx.article.paragraph_index(quantity.start)]  # 二、2024年主要目标
    last = cues[-1]
    if last.lastgroup == "forecast" and last.group() in rules.future_only and any(
            c.lastgroup == "target" for c in cues[:-1]):
        return "target"  # 到2027年，……将达到800家: the plan's target, said in the future tense
    return last.lastgroup or "actual"


def own_period(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str | None:
    """The period named for the figure in its sentence: the last time before it, passing over
    a comparison base (比上年增长6.5%, 较去年同期: 上年 is what the figure is compared with)."""
    for i in reversed(times_within(ctx, sentence[0], quantity.start)):
        time = ctx.times[i]
        normalized = time.get("normalized")
        if normalized and not _comparison_before(ctx, sentence[0], time.start) and not captioned(ctx, time.start) \
                and not is_pub_date(ctx, str(normalized)):
            return str(normalized)
    return None


def is_pub_date(ctx: Context, normalized: str) -> bool:
    """某县统计局⏎2023年3月20日⏎一、综合⏎初步核算，全年……: the page's own date, run into the
    text by repair, is when it was issued, not what its figures measure."""
    pub = ctx.article.pub_date
    return pub is not None and normalized == pub.isoformat()


def captioned(ctx: Context, pos: int) -> bool:
    """图1:2019-2023年……: a time that opens a figure's or table's caption is the caption's,
    even where repair ran the caption into the text after it."""
    rules = ctx.rules
    return rules.caption_label.search(ctx.text, max(0, pos - rules.caption_lookback), pos) is not None


def carried_period(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str | None:
    """A period that the text set before the figure and that still holds: the last period
    named earlier in the paragraph (2024年，……。全年新增……), else in the heading or title the
    paragraph sits under. Only periods (2024, 2024-H1, 2024-01..2024-06) carry; a day is an
    event's date, not the period of what follows."""
    para_index = ctx.article.paragraph_index(quantity.start)
    para = ctx.article.paragraphs[para_index]
    return _last_period(ctx, para.start, sentence[0]) or ctx.heading_periods[para_index]


def metric_of(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> str | None:
    """What the figure measures: its own phrase (subject, verb, the noun after it), completed
    from the figure before it in the sentence or the sentence's topic (从经济总量看) when the
    phrase names no measure (同比增长6.8%, 总数达到98家), plus 增速 or 排名 for rates and ranks."""
    rules = metric_rules()
    base = base_metric(ctx, quantity, sentence, rules)
    if not base:
        return None
    first, index = run_of(ctx, quantity, sentence, rules)  # 分别增长4.6%、7.2%: the run's first figure
    before = ctx.text[clause_start(ctx, first.start, sentence[0], items=True):first.start]
    if rules.respective.search(before):
        base = _listed_measure(ctx, first, index, sentence, rules) or _respective_item(
            ctx, first, index, base, before, sentence, rules)
        said = ctx.text[clause_start(ctx, first.start, sentence[0]):first.start]  # across 城、乡
        base = _paired(base, said, index, rules)  # 城乡居民人均可支配收入分别达到35820元、18630元
    # 从2.1%提高到2.5%: the new figure of a change is a level like the former one, no growth rate
    growth = None if rules.after_change.search(before) else _growth_suffix(_strip_right_qualifiers(before), rules)
    if quantity.get("kind") == "percent" and growth and not base.endswith(growth):
        base += growth
    elif quantity.get("kind") == "rank" and not base.endswith(rules.rank_suffix):
        base += rules.rank_suffix
    elif (quantity.get("kind") == "pp" and not base.endswith(GROWTH) and vocabulary().gap.search(before)
          and follows_growth_rate(ctx, quantity, sentence)):
        base += GROWTH  # 增长9.1%，高于全市平均2.3个百分点: the growth rate's gap
    return base[-rules.max_metric_chars:]


def run_of(ctx: Context, quantity: Hit, sentence: tuple[int, int], rules: MetricRules) -> tuple[Hit, int]:
    """The first figure of the run the figure ends (4.6%、7.2%; 7.1%和6.5%: figures of one kind
    joined only by conjunctions) and the figure's place in it."""
    i = bisect_left(ctx.quantity_starts, quantity.start)
    first, index = quantity, 0
    while i > 0:
        previous = ctx.quantities[i - 1]
        if (previous.start < sentence[0] or previous.get("kind") != first.get("kind")
                or not _only_conjunctions(ctx.text[previous.end:first.start], rules)):
            break
        first, index, i = previous, index + 1, i - 1
    return first, index


def _run_size(ctx: Context, first: Hit, sentence: tuple[int, int], rules: MetricRules) -> int:
    """How many figures of one kind, joined by conjunctions only, the run opened by first holds."""
    i = bisect_left(ctx.quantity_starts, first.start)
    size = 1
    while i + size < len(ctx.quantities) and ctx.quantities[i + size].start < sentence[1] and \
            ctx.quantities[i + size].get("kind") == first.get("kind") and \
            _only_conjunctions(ctx.text[ctx.quantities[i + size - 1].end:ctx.quantities[i + size].start], rules):
        size += 1
    return size


def _listed_measure(ctx: Context, first: Hit, index: int, sentence: tuple[int, int], rules: MetricRules) -> str:
    """规上工业增加值、固定资产投资分别增长5%、6%: the i-th figure of a 分别 run measures the i-th of as many
    names listed before 分别 (、 between them, a conjunction before the last at most; 批发和零售业 keeps its 和
    when the list is read by its 、 alone), each naming an indicator of the vocabulary. "" when the names are
    not listed so."""
    start = clause_start(ctx, first.start, sentence[0])
    said = ctx.text[start:first.start]
    cut = rules.respective.search(said)
    if cut is None:
        return ""
    size = _run_size(ctx, first, sentence, rules)
    names = _list_items(_strip(said[:cut.start()], rules), size, rules)  # …投资同比|分别: 同比 is every name's
    if not names or index >= len(names) or not all(_ends_with_indicator(name) for name in names):
        return ""  # 第一、二、三产业, 城镇和农村居民…: parts of one name (paired_names reads those); 工业投资、技改投资
        # 占固定资产投资的比重, 甲、乙增速: words after the last name that are every name's
    if index == 0:  # the first name after the clause's subject and times (丰都县|规上工业增加值)
        first_start = start + said.index(names[0])
        subject_end = max([first_start] + [m.end for m in markers_in(ctx, first_start, first_start + len(names[0]))
                                           if m.kind in ("district", "pronoun")])
        name = _strip(_without_times(ctx, subject_end, first_start + len(names[0])), rules)
    else:
        name = _strip(names[index], rules)
    return name if 1 < len(name) <= rules.max_metric_chars else ""


def _ends_with_indicator(name: str) -> bool:
    """Does the name end with an indicator of the vocabulary (固定资产投资; not 固定资产投资增速, 城镇)?"""
    found = list(vocabulary().any_alias.finditer(name))
    return bool(found) and found[-1].end() == len(name.rstrip())


def _list_items(listed: str, size: int, rules: MetricRules) -> list[str]:
    """The listed text cut into `size` names: by 、, then the last piece by its last conjunction."""
    if size < 2 or any(c.isdigit() for c in listed):
        return []
    items = listed.split("、")
    if len(items) == size - 1:
        last = items[-1]
        joint = max(last.rfind(c) for c in rules.list_conjunctions)
        if joint > 0:
            items = items[:-1] + [last[:joint], last[joint + 1:]]
    return [item.strip() for item in items] if len(items) == size and all(item.strip() for item in items) else []


def _respective_item(ctx: Context, first: Hit, index: int, own: str, said: str, sentence: tuple[int, int],
                     rules: MetricRules) -> str:
    """生猪存栏12.4万头，牛存栏0.8万头，羊存栏4.36万只，分别增长3.7%、20.5%和27.7%: the i-th rate of
    a 分别 run whose own phrase names no measure (增长; 占总人口的: a share of what comes before) is
    the i-th of as many figures of another kind right before the run."""
    vocab = vocabulary()
    share = vocab.share.search(said)  # said: the run's own words, before its first figure
    named = said[:share.start()] if share else said
    if vocab.any_alias.search(named):
        return own  # 分别拉动规上工业产值增长9.1、0.3和1.1个百分点: the run names its measure
    i = bisect_left(ctx.quantity_starts, first.start)
    size = _run_size(ctx, first, sentence, rules)
    items = [q for q in ctx.quantities[max(0, i - size):i] if q.start >= sentence[0]]
    if size < 2 or len(items) != size or any(q.get("kind") == first.get("kind") for q in items):
        return own
    # 甲、乙分别达到45.6亿元、8.2亿元，分别增长6.1%、3.5%: the names the run before was listed with
    item = _listed_measure(ctx, items[0], index, sentence, rules) or base_metric(ctx, items[index], sentence, rules)
    return item + _strip(said[share.start():], rules) if share else item  # 男性人口 + 占总人口


def _paired(base: str, said: str, index: int, rules: MetricRules) -> str:
    """城乡居民人均可支配收入 as the first and second figure of a 分别 run: 城镇居民…, 农村居民….
    A name written as a list (城、乡居民) is read in the clause, its last part in the phrase."""
    for name, parts in rules.paired_names.items():
        tail = name.split("、")[-1]
        if (name in base or name in said) and tail in base and index < len(parts):
            return base.replace(tail, parts[index], 1)
    return base


def base_metric(ctx: Context, quantity: Hit, sentence: tuple[int, int], rules: MetricRules) -> str:
    """The measure's name without a rate or rank suffix. A figure's is asked again by every
    figure after it that inherits it (增长6.5%，……增长7.1%): kept per figure and sentence."""
    key = (id(quantity), *sentence)  # a figure of ctx.quantities, which live as long as ctx
    found = ctx.base_metrics.get(key)
    if found is None:
        found = ctx.base_metrics[key] = _base_metric(ctx, quantity, sentence, rules)
    return found


def _base_metric(ctx: Context, quantity: Hit, sentence: tuple[int, int], rules: MetricRules) -> str:
    start = clause_start(ctx, quantity.start, sentence[0], items=True)
    if quantity.start >= ctx.title[1]:
        start = max(start, ctx.title[1])  # a title repair joined to the first line is not part of its phrase
    share = vocabulary().share
    start = max([start] + [m.end for m in markers_in(ctx, start, quantity.start) if m.kind in ("district", "pronoun")
                           and not share.search(ctx.text, max(start, m.start - 1), m.start)])  # 占全县…的: no subject
    start = _after_run_in_heading(ctx, start, rules)
    if ctx.rules.zone_item.fullmatch(ctx.text[start:quantity.start].strip()):
        start = quantity.start  # 市开发区14个: the zone is the item's subject, as a district is, no measure
    bracket = _inside_bracket(ctx, start, quantity.start)
    bracketed, start = bracket != start, bracket
    in_sentence = [q for q in ctx.quantities[bisect_left(ctx.quantity_starts, sentence[0]):
                                             bisect_left(ctx.quantity_starts, quantity.start)]
                   if q.end <= quantity.start]
    previous = [q for q in in_sentence if q.start >= start]
    if previous and _one_measure(ctx.text[previous[-1].end:quantity.start], rules):
        return base_metric(ctx, previous[-1], sentence, rules)  # 分别为7.1%和6.5%, 由第9位上升到第4位
    start = max([start] + [q.end for q in previous])
    if previous and previous[-1].end == start and previous[-1].get("kind") == "duration":
        word = next((w for w in rules.after_duration_words if ctx.text.startswith(w, start)), "")
        start += len(word)  # 三年内共建3个基地: 内 ends the duration
    raw_phrase = _without_times(ctx, start, quantity.start)
    if raw_phrase.endswith(rules.instrumental):
        phrase = ""  # 甲区以3100亿元领跑: the words around say how it ranks, not what it measures
    elif quantity.get("kind") == "pp" and vocabulary().gap.search(
            ctx.text, clause_start(ctx, quantity.start, sentence[0], items=True), quantity.start):
        phrase = ""  # 增长9.1%，高于全市平均2.3个百分点: the gap is the growth rate's, measured against the city
    else:
        phrase = _strip(raw_phrase, rules)
        phrase = ("" if phrase in rules.comparison_only else phrase) + _noun_after(ctx, quantity, sentence[1], rules)
    if phrase and phrase not in rules.generic_measures:
        return _with_parallel_head(ctx, quantity, phrase, rules)
    if bracketed and not previous:
        return phrase  # 乙区(281.72亿元 5.6%): the list's measure is named before it, not by 甲区's figures
    if not raw_phrase and not in_sentence:
        label = cell_label(ctx, quantity)
        if label:
            return label  # 粮食总产量⏎162817吨: a table's row label on the line before
    # the last figure before that is no aside (78655元(折合11162美元)，增长7.8%)
    told = next((q for q in reversed(in_sentence) if not _aside(ctx, q, sentence[0], quantity.start)), None)
    inherited = base_metric(ctx, told, sentence, rules) if told else sentence_topic(ctx, sentence)
    if inherited and inherited.endswith(phrase):
        return inherited  # 从规上工业增加值增速看，甲县增速……: the topic already names it
    return (inherited or "") + phrase if inherited or phrase else ""


def _with_parallel_head(ctx: Context, quantity: Hit, phrase: str, rules: MetricRules) -> str:
    """油菜籽播种面积667公顷，增长21.9%；蔬菜7275公顷: in a run of parallel items a bare name
    takes the measure the item before it named with the same unit (蔬菜播种面积)."""
    if not 2 <= len(phrase) <= rules.parallel_name_max_chars or phrase.endswith(rules.parallel_heads):
        return phrase
    if vocabulary().any_alias.search(phrase):
        return phrase  # 工业投资, 农业: a name the vocabulary knows measures itself
    para = ctx.article.paragraphs[ctx.article.paragraph_index(quantity.start)]
    i = bisect_left(ctx.quantity_starts, quantity.start)
    nearby = [q for q in ctx.quantities[max(0, i - rules.parallel_lookback):i] if q.start >= para.start]
    before = next((q for q in reversed(nearby) if q.get("unit") == quantity.get("unit")), None)
    if before is None:
        return phrase
    head = first_suffix(base_metric(ctx, before, ctx.article.sentence_span(before.start), rules), rules.parallel_heads)
    return phrase + head if head else phrase


def _aside(ctx: Context, figure: Hit, floor: int, end: int) -> bool:
    """Is the figure inside brackets, opened after floor, that close before end (人均GDP为78655元
    (折合11162美元)，增长7.8%)?"""
    text = ctx.text
    if all(text.find(c, figure.end, end) == -1 for c in CLOSE_PARENS):
        return False
    opened = max(text.rfind(c, floor, figure.start) for c in OPEN_PARENS)
    return opened != -1 and not any(c in CLOSE_PARENS for c in text[opened:figure.start])


def cell_label(ctx: Context, quantity: Hit) -> str:
    """A table written one cell a line (粮食总产量⏎⏎162817吨⏎⏎0.5): a figure alone at the start of
    its paragraph takes the short line before it as its row label."""
    index = ctx.article.paragraph_index(quantity.start)
    para = ctx.article.paragraphs[index]
    if index == 0 or ctx.text[para.start:quantity.start].strip():
        return ""
    before = ctx.article.paragraphs[index - 1]
    label = ctx.text[before.start:before.end].strip()
    label = label.split(":")[-1].split("：")[-1].strip()  # 其中:谷物 -> 谷物
    if not label or len(label) > ctx.rules.heading_max_chars or any(c.isdigit() for c in label):
        return ""
    return "" if any(c in ctx.rules.heading_punctuation for c in label) else _strip(label, metric_rules())


def _inside_bracket(ctx: Context, start: int, end: int) -> int:
    """甲区(607.87亿元 增长5.4%): a figure in brackets that stay open up to it is read from the
    bracket on; the words before the bracket name whose figure it is, not what it measures."""
    gap = ctx.text[start:end]
    opened = max(gap.rfind(c) for c in OPEN_PARENS)
    if opened == -1 or any(gap.find(c, opened) != -1 for c in CLOSE_PARENS):
        return start
    return start + opened + 1


def _after_run_in_heading(ctx: Context, start: int, rules: MetricRules) -> int:
    """财政收入 全年财政总收入……: a phrase that opens its paragraph starts after the run-in heading."""
    if start not in ctx.paragraph_at:
        return start
    match = rules.run_in_heading.match(ctx.text, start)
    return match.end() if match else start


def sentence_topic(ctx: Context, sentence: tuple[int, int]) -> str:
    """从经济总量看，……: the measure a sentence's figures are about."""
    match = metric_rules().topic.match(ctx.text, sentence[0], sentence[1])
    return match.group("topic") if match else ""


def _strip_right_qualifiers(before: str) -> str:
    """增长超过8% -> 增长; but 比重提高到15.6% gives the level reached: no growth verb is left."""
    rules = metric_rules()
    if before.rstrip().endswith(rules.reached_words):
        return ""
    return before.rstrip().rstrip(rules.qualifier_chars)


def _only_conjunctions(gap: str, rules: MetricRules) -> bool:
    return all(c.isspace() or c in rules.conjunctions for c in gap)


def _one_measure(gap: str, rules: MetricRules) -> bool:
    """Two figures of one measure: joined by conjunctions (7.1%和6.5%) or by a change from the
    first to the second (由第9位上升到第4位)."""
    return _only_conjunctions(gap, rules) or rules.change_connector.fullmatch(gap.strip()) is not None


def _without_times(ctx: Context, start: int, end: int) -> str:
    text = ctx.text
    pieces, pos = [], start
    for i in times_within(ctx, start, end):
        time = ctx.times[i]
        base = _comparison_before(ctx, pos, time.start)  # 比上年下降: 比 goes with its base
        pieces.append(text[pos:time.start - len(base)])
        pos = time.end
    pieces.append(text[pos:end])
    phrase = metric_rules().trailing_aside.sub("", "".join(pieces).strip())
    return phrase.strip("“”‘’「」（）()")  # 地区生产总值(GDP)510832万元: the aside glosses the name


def _growth_suffix(before: str, rules: MetricRules) -> str | None:
    word = first_suffix(before.rstrip(), rules.growth_order)
    return rules.growth_words[word] if word else None


def _strip(phrase: str, rules: MetricRules) -> str:
    changed = True
    while phrase and changed:
        changed = False
        phrase = phrase.strip()
        if phrase.startswith(rules.strip_leading):  # most phrases start with none of them
            for word in rules.strip_leading:
                if phrase.startswith(word) and len(phrase) > len(word):
                    phrase, changed = phrase[len(word):], True
                    break
        trailing = first_suffix(phrase, rules.strip_trailing)
        if trailing:
            phrase, changed = phrase[: -len(trailing)], True
    return phrase.strip()


def _noun_after(ctx: Context, quantity: Hit, limit: int, rules: MetricRules) -> str:
    """The noun a count's classifier attaches to, read token by token up to a stop word."""
    end = min(clause_end(ctx, quantity.end, limit), len(ctx.text))
    if quantity.end <= ctx.title[1]:
        end = min(end, ctx.title[1])  # a title's figure: the lines repair joined to it are not its noun
    if end <= quantity.end:
        return ""  # 增长6.8%，…: the clause ends with the figure (char_span would give None)
    if rules.change_connector.match(ctx.text, quantity.end):
        return ""  # 由第9位上升到第4位: the verb of a change, no noun of the figure
    words, straddled = [], 0
    for token in ctx.doc.tokens_within(quantity.start, end):
        if token.end <= quantity.end:
            continue
        text = token.text[max(0, quantity.end - token.start):]  # 137个市重点项目: the segmenter's 个市
        straddled += token.start < quantity.end  # a piece of a token: no word of its own
        if (token.is_space or token.is_punct or text in rules.noun_stop_words or len(words) - straddled >= 3
                or any(c.isdigit() for c in text)  # 607.87亿元 5.4%: the next figure is no noun
                or _opens_with_place(ctx, quantity, token)):
            break
        words.append(text)
    return "".join(words)


def _opens_with_place(ctx: Context, quantity: Hit, token: Token) -> bool:
    """总投资35亿元 河北某县……, 总投资35亿元某某县8个项目: a district, or a place after a gap, opens
    what follows the figure (10万平方米重庆某某服务港: a city glued to it is part of the noun)."""
    gap = ctx.text[quantity.end:token.start]
    return ctx.place_at(token.start, token.end, districts_only=not any(c.isspace() for c in gap))


def claim_metric(ctx: Context, quantity: Hit, metric: str | None, sentence: tuple[int, int]) -> Description:
    """The metric vocabulary's key (pipeline/claims/metric_keys.py), read from the metric phrase,
    the figure's clause and, when those name no indicator, the text before it in its
    paragraph and the one before."""
    text = ctx.text
    clause = text[clause_start(ctx, quantity.start, sentence[0]):quantity.start]
    index = ctx.article.paragraph_index(quantity.start)
    floor = ctx.article.paragraphs[max(0, index - 1)].start
    lookback = text[max(floor, quantity.start - vocabulary().lookback_chars):quantity.start]
    return describe(metric, quantity.fields, text[quantity.start:quantity.end], clause,
                    lookback, text[sentence[0]:quantity.start],
                    follows_growth_rate(ctx, quantity, sentence))


def follows_growth_rate(ctx: Context, quantity: Hit, sentence: tuple[int, int]) -> bool:
    """Is the figure before this one in its sentence a growth rate (增长6.5%)?"""
    i = bisect_left(ctx.quantity_starts, quantity.start) - 1
    while quantity.get("kind") == "rank" and i > 0 and ctx.quantities[i].get("kind") == "rank":
        i -= 1  # 增长6.2%，居全市第2位，居全省第15位: both rank the growth rate
    if i < 0 or ctx.quantities[i].start < sentence[0] or ctx.quantities[i].get("kind") != "percent":
        return False
    previous = ctx.quantities[i]
    before = ctx.text[clause_start(ctx, previous.start, sentence[0], items=True):previous.start]
    return _growth_suffix(_strip_right_qualifiers(before), metric_rules()) is not None


def named_metric(name: str, metric: str | None, quantity: Hit) -> str:
    """A generic metric completed by the indicator named before it (增速 -> GDP增速)."""
    rules = metric_rules()
    metric = metric or ""
    if quantity.get("kind") == "rank" and not metric.endswith(rules.rank_suffix):
        metric += rules.rank_suffix
    elif quantity.get("unit") in vocabulary().score_units and not metric:
        metric = "得分"
    return (name + metric)[-rules.max_metric_chars:]
