"""A small hand-made run output folder for the audit tests.

Three short articles written for these tests (two that disagree about one district figure,
one full of HTML and quotes), the bundled article seed004 with a few hand-written records,
and a document that failed. Records are located by their surface (inside a context string
when the surface occurs more than once), and get their provenance from the project's own
Article, so offsets, text, sentence and stable id are what a real run would write.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from zhfacts.text.article import Article
from zhfacts.records.types import SCHEMA_VERSION, TABLES, Claim, Document, Organization, Place, Quantity, Time
from zhfacts.text.prepare import prepare_article

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "corpus" / "articles"
HOSTILE_ID = "hostile<b>\"doc'&"
HOSTILE_METRIC = '<img src=x onerror="window.__pwned=3">'
HOSTILE_SPEAKER = '"><script>window.__pwned=4</script>'
HOSTILE_RULE = 'rule"><script>window.__pwned=5</script>'

TEXTS = {
    "qijiang-a": (
        "綦江区科技创新成效明显\n\n"
        "2025年上半年，綦江区新增科技型企业120家，同比增长15.2%。\n\n"
        "区科技局负责人介绍，全区技术合同登记额达3.6亿元。\n"
    ),
    "qijiang-b": (
        "綦江区上半年经济运行简报\n\n"
        "记者从綦江区统计局获悉，2025年上半年綦江区新增科技型企业13\n"
        "5家，规上工业产值增长8.2%。\n"
    ),
    HOSTILE_ID: (
        "标题<script>window.__pwned=1</script>\n\n"
        "綦江区新增科技型企业120家，\"引号\"与'单引号'及&amp;实体、</script>"
        "<img src=x onerror=\"window.__pwned=2\">都应原样显示。\n\n"
        "璧山区\"<b>粗体</b>\"企业50家。\n"
    ),
}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article(doc_id: str, raw: str) -> Article:
    return prepare_article(doc_id, raw, sha256=sha256(raw))


def locate(doc: Article, surface: str, context: str | None = None) -> tuple[int, int]:
    """Repaired span of the surface: its only occurrence, or its occurrence inside context."""
    within = context or surface
    if doc.text.count(within) != 1:
        raise ValueError(f"{doc.doc_id}: {within!r} occurs {doc.text.count(within)} times")
    start = doc.text.index(within) + within.index(surface)
    return start, start + len(surface)


def record(doc: Article, cls: type, surface: str, rule: str, context: str | None = None, key: str = "",
           **fields) -> dict:
    kind = next(name for name, table_cls in TABLES.items() if table_cls is cls)
    start, end = locate(doc, surface, context)
    return asdict(cls(**doc.provenance(start, end, rule, kind, key), **fields))


def quantity(doc: Article, surface: str, value, unit: str, kind: str = "count", context: str | None = None,
             rule: str = "quantity.count", **fields) -> dict:
    return record(doc, Quantity, surface, rule, context, value=value, unit=unit, kind=kind, **fields)


def claim(doc: Article, q: dict, district: str, metric: str, rule: str = "claim.sentence", **fields) -> dict:
    start, end = locate(doc, q["text"], q["sentence"])
    prov = doc.provenance(start, end, rule, "claims", district)
    amount = {k: q[k] for k in ("value", "value_min", "value_max", "approx", "unit", "period")}
    fields = {"attribution": "sentence", "confidence": 0.9, **fields}
    return asdict(Claim(**prov, **amount, district=district, metric=metric, quantity_id=q["id"], **fields))


def place(doc: Article, surface: str, canonical: str, adcode: str, context: str | None = None) -> dict:
    return record(doc, Place, surface, "place.gazetteer", context, canonical=canonical, adcode=adcode,
                  level="district", parent="重庆市")


def records_qijiang_a(doc: Article) -> dict[str, list[dict]]:
    firms = quantity(doc, "120家", 120, "家", period="2025-H1")
    growth = quantity(doc, "15.2%", 15.2, "%", kind="percent", rule="quantity.percent", period="2025-H1")
    contracts = quantity(doc, "3.6亿元", 360000000, "CNY", kind="money", rule="quantity.money")
    return {
        "quantities": [firms, growth, contracts],
        "places": [place(doc, "綦江区", "綦江区", "500110", "2025年上半年，綦江区")],
        "organizations": [record(doc, Organization, "区科技局", "org.government", canonical="綦江区科技局",
                                 type="government")],
        "times": [record(doc, Time, "2025年上半年", "time.half", normalized="2025-H1", resolved_with="explicit")],
        "claims": [claim(doc, firms, "綦江区", "新增科技型企业", metric_key="new_tech_firms"),
                   claim(doc, contracts, "綦江区", "技术合同登记额", attribution="section", confidence=0.6)],
    }


def records_qijiang_b(doc: Article) -> dict[str, list[dict]]:
    firms = quantity(doc, "135家", 135, "家", period="2025-H1")
    return {
        "quantities": [firms, quantity(doc, "8.2%", 8.2, "%", kind="percent", rule="quantity.percent")],
        "places": [place(doc, "綦江区", "綦江区", "500110", "获悉，2025年上半年綦江区")],
        "organizations": [record(doc, Organization, "綦江区统计局", "org.government", canonical="綦江区统计局",
                                 type="government")],
        "claims": [claim(doc, firms, "綦江区", "新增科技型企业", metric_key="new_tech_firms")],
    }


def records_hostile(doc: Article) -> dict[str, list[dict]]:
    firms = quantity(doc, "120家", 120, "家", period="2025-H1")
    fifty = quantity(doc, "50家", 50, "家", period="2025</td><td>")
    return {
        "quantities": [firms, fifty],
        "places": [place(doc, "綦江区", "綦江区", "500110"), place(doc, "璧山区", "璧山区", "500120")],
        "organizations": [record(doc, Organization, "<script>window.__pwned=1</script>", HOSTILE_RULE,
                                 canonical="</script><script>window.__pwned=7</script>", type="other")],
        "claims": [claim(doc, firms, "綦江区", "新增科技型企业", metric_key="new_tech_firms"),
                   claim(doc, fifty, "璧山区", HOSTILE_METRIC, rule=HOSTILE_RULE, attribution="speaker",
                         speaker=HOSTILE_SPEAKER)],
    }


def records_seed004(doc: Article) -> dict[str, list[dict]]:
    q10 = quantity(doc, "10家", 10, "家", context="新孵化科技初创企业10家", period="2025-H1")
    q168 = quantity(doc, "168家", 168, "家", period="2025-H1")
    q45 = quantity(doc, "45项", 45, "项", period="2025-H1")
    q53 = quantity(doc, "53 家", 53, "家", period="2025-H1")
    q210 = quantity(doc, "210家", 210, "家")
    micro = quantity(doc, "5至50微米", None, "微米", kind="measure", rule="quantity.range", value_min=5, value_max=50)
    return {
        "quantities": [micro, q10, q168, q45, q53, q210],
        "places": [place(doc, "潼南区", "潼南区", "500152", "发展的强劲动力。潼南区"),
                   place(doc, "潼南", "潼南区", "500152", "走进位于潼南高新区"),
                   place(doc, "永川区", "永川区", "500118")],
        "organizations": [
            record(doc, Organization, "潼南高新区", "org.zone", context="走进位于潼南高新区", canonical="潼南高新区",
                   type="other"),
            record(doc, Organization, "重庆快思瑞科技有限公司", "org.company", canonical="重庆快思瑞科技有限公司",
                   type="company"),
        ],
        "claims": [claim(doc, q10, "潼南区", "新孵化科技初创企业", attribution="paragraph"),
                   claim(doc, q168, "潼南区", "新增科技型企业", metric_key="new_tech_firms", attribution="paragraph"),
                   claim(doc, q45, "潼南区", "市级及以上科技计划项目", attribution="paragraph"),
                   claim(doc, q53, "永川区", "新增市级专精特新企业"),
                   claim(doc, q210, "永川区", "市级专精特新企业总量")],
    }


BUILDERS = {"qijiang-a": records_qijiang_a, "qijiang-b": records_qijiang_b, HOSTILE_ID: records_hostile,
            "seed004": records_seed004}


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_run(out_dir: Path) -> Path:
    """Write the fixture run into out_dir (created) and return it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    raws = {**TEXTS, "seed004": (BUNDLED / "seed004.txt").read_text(encoding="utf-8")}
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc_id in sorted(raws):
        doc = article(doc_id, raws[doc_id])
        tables["documents"].append(asdict(Document(
            doc_id=doc_id, path=f"{doc_id}.txt", sha256=doc.sha256, n_chars=len(doc.raw),
            n_sentences=len(doc.sentences), warnings=doc.warnings, pub_date="2025-07-30",
            pub_date_source="inferred")))
        for table, rows in BUILDERS[doc_id](doc).items():
            tables[table] += sorted(rows, key=lambda r: r["start"])
    tables["documents"].append(asdict(Document(doc_id="broken", path="broken.txt", sha256=None, status="error",
                                               error="cannot decode: <script>window.__pwned=6</script>")))
    for table, rows in tables.items():
        write_jsonl(out_dir / f"{table}.jsonl", rows)
    write_jsonl(out_dir / "texts.jsonl", [{"doc_id": d, "raw": raws[d]} for d in sorted(raws)])
    manifest = {"schema_version": SCHEMA_VERSION, "tool_version": "fixture", "input_count": len(raws) + 1,
                "counts": {t: len(rows) for t, rows in tables.items()}}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return out_dir


# -- a synthetic large run: many documents, thousands of claims ------------------------------------
LARGE_DISTRICTS = ("渝北区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "巴南区", "长寿区", "江津区",
                   "合川区", "永川区", "南川区", "綦江区", "大足区", "璧山区", "铜梁区", "潼南区", "荣昌区",
                   "开州区", "梁平区")
# Short and long metric phrases, so the table shows whether a long one still reads as a phrase.
LARGE_METRICS = ("新增科技型企业", "规模以上工业企业研发机构", "市级专精特新中小企业", "高新技术企业总数",
                 "新签约招商引资项目", "引进高层次人才", "新建成标准化厂房", "在建市级重点项目",
                 "国家级科技企业孵化器和众创空间", "技术合同登记")


def large_run_rows(doc_number: int, per_doc: int) -> tuple[str, str, list[dict], list[dict]]:
    """(doc_id, raw, quantities, claims) of one synthetic document: one claim a line, each with a
    value of its own (doc_number * per_doc + k + 1), so a filter can find any one of them."""
    doc_id = f"bulk{doc_number:04d}"
    lines = []
    for k in range(per_doc):
        n = doc_number * per_doc + k
        value = n + 1
        district, metric = LARGE_DISTRICTS[n % len(LARGE_DISTRICTS)], LARGE_METRICS[n % len(LARGE_METRICS)]
        lines.append((district, metric, value, f"2025年，{district}{metric}{value}家。"))
    raw = "\n".join(line for *_, line in lines) + "\n"
    doc = article(doc_id, raw)
    quantities, claims, at = [], [], 0
    for district, metric, value, line in lines:
        at = doc.text.index(line, at)
        start = at + line.index(f"{value}家")
        end = start + len(f"{value}家")
        q = asdict(Quantity(**doc.provenance(start, end, "quantity.count", "quantities"), value=float(value),
                            unit="家", kind="count", period="2025"))
        quantities.append(q)
        claims.append(asdict(Claim(**doc.provenance(start, end, "claims.sentence.district", "claims", district),
                                   district=district, metric=metric, value=float(value), unit="家", period="2025",
                                   quantity_id=q["id"], attribution="sentence", confidence=0.9)))
        at += len(line)
    return doc_id, raw, quantities, claims


def build_large_run(out_dir: Path, n_docs: int, per_doc: int) -> Path:
    """A run folder of n_docs synthetic documents with per_doc claims each, in doc_id order as
    `zhfacts run` writes it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    texts = []
    for number in range(n_docs):
        doc_id, raw, quantities, claims = large_run_rows(number, per_doc)
        tables["documents"].append(asdict(Document(doc_id=doc_id, path=f"{doc_id}.txt", sha256=sha256(raw),
                                                   n_chars=len(raw), n_sentences=per_doc, pub_date="2025-12-01",
                                                   pub_date_source="inferred")))
        tables["quantities"] += quantities
        tables["claims"] += claims
        texts.append({"doc_id": doc_id, "raw": raw})
    for table, rows in tables.items():
        write_jsonl(out_dir / f"{table}.jsonl", rows)
    write_jsonl(out_dir / "texts.jsonl", texts)
    manifest = {"schema_version": SCHEMA_VERSION, "tool_version": "fixture", "input_count": n_docs,
                "counts": {t: len(rows) for t, rows in tables.items()}}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return out_dir
