"""Output folders for the store and review tests: one real `zhfacts run` of three short
articles written for these tests (two give 綦江区 different counts of new technology firms
for the same half year), and copies of its output changed as a rerun with other rules
would change them."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

ARTICLES = {
    "jiang-a": "綦江区科技创新简报\n\n2025年上半年，綦江区新增科技型企业120家，同比增长15.2%。全区技术合同成交额达3.6亿元。\n",
    "jiang-b": "綦江区经济运行\n\n记者从区统计局获悉，2025年上半年，綦江区新增科技型企业135家，规上工业增加值增长8.2%。\n",
    "tongliang": "铜梁区发展综述\n\n2024年，铜梁区拥有汽车零部件企业137家，地区生产总值达到612.5亿元，"
                 "区内重庆龙腾机械有限公司新增专利12项。全区建成充电桩八百余根。\n",
}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in ARTICLES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def rerun(out: Path, copy: Path, sql_by_table: dict[str, str]) -> Path:
    """A copy of the output folder whose tables are rewritten by SQL over `t` (the table as
    it was), as a run with other rules would write them."""
    shutil.copytree(out, copy, symlinks=False)
    shutil.rmtree(copy / ".zhfacts", ignore_errors=True)
    con = duckdb.connect()
    for table, sql in sql_by_table.items():
        path = copy / f"{table}.parquet"
        con.execute(f"CREATE OR REPLACE TEMP TABLE t AS SELECT * FROM read_parquet('{path}')")
        path.unlink()
        con.execute(f"COPY ({sql}) TO '{path}' (FORMAT parquet)")
    con.close()
    return copy
