"""What a run loads only to write its tables: neither pandas (0.2 CPU s) nor pyarrow.compute,
which each forked table writer would import again, and the same Parquet as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from zhfacts.records.schema import arrow_schema
from zhfacts.run.write import with_schema, write_table


def test_writing_tables_imports_neither_pandas_nor_arrow_compute(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from zhfacts.run.write import write_table\n"
            f"write_table(Path({str(tmp_path)!r}), 'claims', iter([]))\n"
            "print('pandas' in sys.modules, 'pyarrow.compute' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
    assert pq.read_table(tmp_path / "claims.parquet").schema.equals(arrow_schema("claims"))


def test_an_empty_table_keeps_its_columns_in_one_empty_row_group(tmp_path: Path) -> None:
    write_table(tmp_path, "places", iter([]))
    parquet = pq.ParquetFile(tmp_path / "places.parquet")
    assert parquet.metadata.num_rows == 0 and parquet.metadata.num_row_groups == 1
    assert parquet.schema_arrow.equals(arrow_schema("places"), check_metadata=True)


def test_with_schema_is_the_cast_it_replaces() -> None:
    schema = pa.schema([pa.field("a", pa.string(), nullable=False), pa.field("b", pa.int64())])
    rows = pa.table({"a": ["x", "y"], "b": [1, None]})
    assert with_schema(rows, schema).equals(rows.cast(schema))
    assert with_schema(rows, schema).schema.equals(rows.cast(schema).schema, check_metadata=True)
    other = pa.table({"a": ["x"], "b": pa.array([1], pa.int32())})  # another type: a real cast
    assert with_schema(other, schema).schema.field("b").type == pa.int64()
    with_null = pa.table({"a": pa.array([None], pa.string()), "b": [1]})
    with pytest.raises(ValueError, match="Casting field 'a' with null values to non-nullable"):
        with_schema(with_null, schema)
    with pytest.raises(ValueError, match="Casting field 'a' with null values to non-nullable"):
        with_null.cast(schema)


def test_both_files_of_a_table_are_on_disk_when_it_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    fsync = os.fsync

    def recording(fd: int) -> None:
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")).name)
        fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    assert write_table(tmp_path, "times", iter([])) == 0
    assert sorted(synced) == ["times.jsonl", "times.parquet"]


def test_processing_documents_loads_no_arrow() -> None:
    """A pool's workers are forked once the pipeline is warm: Arrow (and numpy) are loaded only by
    the process writing the tables, when the first rows arrive."""
    code = ("import sys\nimport zhfacts.cli, zhfacts.run.batch\n"
            "from zhfacts.run.engines import worker_processor\nfrom zhfacts.run.processor import Setup\n"
            "from zhfacts.text.ingest import Source\n"
            "processor = worker_processor(Setup())\n"
            "result = processor.encode(Source('d', 'd.txt', text='2024年，江津区新签约项目59个。'), None)\n"
            "assert result.ok and result.blocks['quantities']\n"
            "print(sorted(m for m in ('pyarrow', 'numpy', 'pandas') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
