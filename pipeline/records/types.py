"""Record types: one frozen dataclass per output table, with the contract's field names.

These classes are the single definition of the tables: pipeline/schema.py derives the
Arrow schemas, the allowed values, the JSON Schema and the data dictionary
(docs/data-dictionary.md) from them. A field's `allowed` metadata lists the values the
contract permits; its `doc` metadata says what the field means, for `zhfacts schema` and
the data dictionary, so the code and the documentation cannot disagree.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.1.0"

PERIOD_DOC = ("normalized: `2025` (a year), `2025-H1` / `2025-H2` (half year), `2025-Q1` (quarter), `2025-06` "
              "(month), `2025-06-30` (day), or a range `A..B` of those (`2020..2024`; `2024-01..2024-09` for "
              "前三季度/1-9月)")
APPROX_DOC = ("how the text bounds the figure: `upper` it is at most this (近1400家, 不到), `lower` at least "
              "this (超800项, 100多种, 以上), `about` roughly this (约, 左右); null when stated exactly")


def allowed(*values: str | None, default: Any = None, doc: str = "") -> Any:
    return field(default=default, metadata={"allowed": values, "doc": doc})


def described(doc: str, default: Any = MISSING, default_factory: Any = MISSING) -> Any:
    """A field with its meaning (a required one when no default is given)."""
    return field(default=default, default_factory=default_factory, metadata={"doc": doc})


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One row per input document, failed ones too."""

    doc_id: str = described("the document's id: the file stem (seed004.txt -> `seed004`), or the `id` field of a "
                            "JSONL line; every record's doc_id points here")
    path: str = described("the input it was read from: the file, `FILE:LINE` for a JSONL line, `-` for stdin")
    sha256: str | None = described("SHA-256 of the raw text as decoded (UTF-8): the same text gives the same hash "
                                   "whatever the file is called; null when it could not be read")
    status: str = allowed("ok", "error", default="ok",
                          doc="`ok` when the document was read and extracted; `error` when it failed (see error): "
                              "it then has no records")
    error: str | None = described("why the document failed (a message), or null", None)
    pub_date: str | None = described("publication date, YYYY-MM-DD, or null: relative times (今年, 上半年, 去年) "
                                     "are resolved against it", None)
    pub_date_source: str | None = allowed("metadata", "inferred", None,
                                          doc="where pub_date came from: `metadata` (a JSONL `pub_date` field or "
                                              "--pub-date), `inferred` (a date line of the page such as "
                                              "`2025-08-06 07:02:21 来源:重庆日报`), null when there is none")
    n_chars: int = described("length of the raw text in characters (Python str length)", 0)
    n_sentences: int = described("sentences found in the repaired text", 0)
    warnings: list[str] = described("what reading and repair noticed: rejoined PDF line breaks, doubled glyphs, "
                                    "removed letter spacing and pinyin glosses, fragments, ignored metadata, the "
                                    "same text given twice (same sha256)",
                                    default_factory=list)
    source: str | None = described("the `source` field of a JSONL line (usually the article's URL), else null",
                                   None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    """Identity and provenance, shared by every extracted record."""

    doc_id: str = described("the document it was found in (documents.doc_id)")
    id: str = described("stable id: a hash of the document's sha256, the table, the raw span, the rule and (for a "
                        "claim) its district; the same input and rules give the same id on any machine and run")
    start: int = described("offset of the first character in the document's raw text as decoded "
                           "(a Python str index, not a byte offset)")
    end: int = described("offset one past the last character: raw[start:end], whitespace removed, equals text "
                         "with whitespace removed")
    text: str = described("the surface as a reader sees it: raw[start:end] with PDF line breaks repaired")
    sentence: str = described("the repaired sentence that holds it (a window of it for a sentence of thousands "
                              "of characters)")
    rule: str = described("id of the rule that produced it, a name in rules/ (e.g. `claims.sentence.district`, "
                          "`place.zone`): what to read or change when the record is wrong")


@dataclass(frozen=True, kw_only=True, slots=True)
class Quantity(Record):
    """A figure as printed: number, unit and kind (calendar dates are not quantities)."""

    value: float | None = described("the number with scale words folded in (8.4万套 -> 84000; 8亿元 -> 800000000 "
                                     "yuan; 6.5% -> 6.5), as printed (a decline keeps its printed sign); null for "
                                     "a range", None)
    value_min: float | None = described("lower end of a range (5至50微米 -> 5), else null", None)
    value_max: float | None = described("upper end of a range (5至50微米 -> 50), else null", None)
    approx: str | None = allowed("upper", "lower", "about", None, doc=APPROX_DOC)
    unit: str = described("`CNY` for money (value in yuan), `%` percent, `pp` percentage points (个百分点), `‰` "
                          "per mille, `x` times (倍), `rank` a position (第2位, 全市第八); otherwise the Chinese "
                          "unit word (家, 个, 项, 吨)")
    kind: str = allowed("money", "percent", "pp", "count", "measure", "multiple", "rank", "duration",
                        doc="what sort of figure: `money`, `percent`, `pp` (a change in percentage points: 提高"
                            "0.5个百分点), `count` (家, 个, 项), `measure` (吨, 公里, 亩), `multiple` (倍), `rank` "
                            "(第3位), `duration` (15年, 3个月)")
    period: str | None = described("the time the figure refers to when the sentence states it, " + PERIOD_DOC
                                   + "; else null", None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Time(Record):
    """A time expression, normalized (optional in the contract's version 1)."""

    normalized: str | None = described(PERIOD_DOC + "; null when it cannot be placed (a relative time in a "
                                       "document without pub_date)", None)
    resolved_with: str | None = allowed("pub_date", "explicit", None,
                                        doc="`explicit` when the text names the time itself (2025年上半年), "
                                            "`pub_date` when it is relative (今年, 去年) and was resolved against "
                                            "the document's pub_date, null when unresolved")


@dataclass(frozen=True, kw_only=True, slots=True)
class Organization(Record):
    """A named company, research body, university or government body."""

    canonical: str = described("the full name when the text gives one (a short form mapped to it), else text")
    type: str = allowed("company", "research", "university", "government", "other",
                        doc="`company`, `research` (institutes, laboratories), `university`, `government` "
                            "(party and government bodies), `other` (associations, media, hospitals ...)")
    district: str | None = described("for a government body of a county-level district, that district's "
                                     "canonical name (潼南区科技局 -> 潼南区); else null", None)
    adcode: str | None = described("the 6-digit GB/T 2260 code of that district, else null", None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Place(Record):
    """A province, city, county-level district or development zone named in the text."""

    canonical: str = described("the full official name (潼南 -> 潼南区), or the zone's name as written")
    adcode: str | None = described("6-digit administrative division code (GB/T 2260, e.g. 500152 for 潼南区); "
                                   "null for a development zone", None)
    level: str = allowed("province", "city", "district", "county", "zone",
                         doc="`province` (and municipality), `city` (prefecture level), `district` (市辖区) or "
                             "`county` (县, 县级市, 自治县: both county level), `zone` (a development zone or new "
                             "area, no adcode)")
    parent: str | None = described("canonical name of the division it belongs to (潼南区 -> 重庆市), else null",
                                   None)
    note: str | None = described("how an ambiguous name was resolved (江北区 of Chongqing or of Ningbo, by the "
                                 "document's dominant province) or why there is no adcode; else null", None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim(Record):
    """A quantity asserted about one county-level district (a figure shared by several gives one row each)."""

    district: str = described("canonical name of the county-level district the figure is asserted for")
    adcode: str | None = described("the district's 6-digit GB/T 2260 code", None)
    metric: str | None = described("what is measured, as a short noun phrase from the text (科技型企业, "
                                   "地区生产总值增速)", None)
    metric_key: str | None = described("the canonical key of the metric from the vocabulary in rules/"
                                       "indicators.yaml: an indicator with its measure, e.g. `地区生产总值` (level), "
                                       "`新增高新技术企业数` (additions), `地区生产总值增速` (growth), `…占比` "
                                       "(share), `…变动` (change in pp), `…得分` (score), `…排名@全市` (a rank "
                                       "with its scope); null when the metric names no known indicator. Compare "
                                       "districts and documents by this key", None)
    value: float | None = described("the figure, signed where the text reports a decline (下降2.3% -> -2.3, "
                                     "减少1.5亿元 -> -150000000); in yuan for CNY; null for a range", None)
    value_min: float | None = described("lower end of a range, else null", None)
    value_max: float | None = described("upper end of a range, else null", None)
    approx: str | None = allowed("upper", "lower", "about", None, doc=APPROX_DOC)
    unit: str = described("the unit, as in quantities.unit (`CNY`, `%`, `pp`, `x`, `rank`, 家 ...)")
    period: str | None = described("the time the figure refers to: stated in the sentence, else carried from the "
                                   "sentence, paragraph or heading that sets it; " + PERIOD_DOC + "; null when "
                                   "none is given", None)
    quantity_id: str = described("id of the quantities row the claim rests on")
    attribution: str = allowed("sentence", "section", "speaker", "pronoun", "list", "paragraph", "title",
                               doc="how the district was found: `sentence` (named in the same sentence), "
                                   "`speaker` (the district of whoever is quoted), `pronoun` (全区, 该区, 当地), "
                                   "`list` (several districts sharing or each given a figure), `section` (the "
                                   "district the section, or the whole bulletin or report, is about), `title` (a "
                                   "headline's district for the headline's figures), `paragraph` (the paragraph's "
                                   "district; not produced by the current rules)")
    speaker: str | None = described("who said it, when the figure is quoted, else null", None)
    confidence: float = described("how strong the attribution is, 0..1: one value per attribution kind, set "
                                  "in rules/claims.yaml (`confidence`), higher for a district named in the "
                                  "sentence than for one carried from the section; a ranking aid, not a "
                                  "calibrated probability", 0.0)
    modality: str = allowed("actual", "target", "forecast", default="actual",
                            doc="`actual` (reported as done), `target` (力争, 目标, 计划, 确保), `forecast` "
                                "(预计, 有望)")


TABLES: dict[str, type] = {
    "documents": Document,
    "quantities": Quantity,
    "times": Time,
    "organizations": Organization,
    "places": Place,
    "claims": Claim,
}
# The extractor output (a Doc extension of the same name) each record table is built from.
RECORD_TABLES = ("quantities", "times", "organizations", "places", "claims")


def field_names(table: str) -> list[str]:
    return [f.name for f in fields(TABLES[table])]
