"""Indicator library search/suggest and the long-form export read back by DuckDB and pyarrow."""

from pathlib import Path

import duckdb
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from jixiao.analytics import AuditRun, build_library, export_long, search_indicators, suggest
from jixiao.formats.interchange import load_path

from .conftest import GOLD


@pytest.fixture(scope="module", params=["parquet", "json"])
def library(request: pytest.FixtureRequest, gold_run: AuditRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_library(gold_run, tmp_path_factory.mktemp("lib") / f"library.{request.param}")


def test_search_finds_every_satisfaction_indicator(library: Path) -> None:
    forms, _ = load_path(GOLD)
    expected = {i.name for f in forms for i in f.indicators if "满意度" in (i.name or "")}
    rows = search_indicators(library, "满意度", limit=100)
    assert {r["name"] for r in rows} == expected
    assert all(r["level1"] == "满意度指标" for r in rows)
    counts = [r["forms"] for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_library_keeps_typical_values(library: Path) -> None:
    (row,) = search_indicators(library, "选调生考试录用人数")
    assert (row["typical_target"], row["typical_actual"], row["unit"], row["level2"]) == ("300-400人", "343人", "人", "数量指标")


def test_suggest_prefers_prefix_matches_and_filters_level2(library: Path) -> None:
    rows = suggest("培训", limit=50, library=library)
    names = [r["name"] for r in rows]
    starts = [n.startswith("培训") for n in names]
    assert any(starts) and starts == sorted(starts, reverse=True)
    only = suggest("培训", level2="数量指标", limit=50, library=library)
    assert only and all(r["level2"] == "数量指标" for r in only)
    assert suggest("%", library=library) == []  # a wildcard typed by the user is text
    assert len(suggest("", limit=3, library=library)) == 3


def test_packaged_library_serves_the_editor() -> None:
    assert suggest("满意")  # the default library ships with the package


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_long_export_reads_back(fmt: str, gold_run: AuditRun, tmp_path: Path) -> None:
    forms, _ = load_path(GOLD)
    forms_path, ind_path = export_long(gold_run, fmt=fmt, out=tmp_path / f"gold.{fmt}")
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    con = duckdb.connect()
    n_ind = con.execute(f"SELECT count(*) FROM {reader}('{ind_path}')").fetchall()[0][0]
    assert n_ind == sum(len(f.indicators) for f in forms)
    names = con.execute(f"SELECT project_name, total_claimed::VARCHAR FROM {reader}('{forms_path}') ORDER BY form_index").fetchall()
    assert [n for n, _ in names] == [f.project_name for f in forms]
    table = pacsv.read_csv(ind_path) if fmt == "csv" else pq.read_table(ind_path)
    assert {"form_id", "project_name", "implementing_unit", "year", "name", "target", "actual", "weight", "claimed"} <= set(table.column_names)
    assert table.num_rows == n_ind


def test_csv_keeps_printed_precision(gold_run: AuditRun, tmp_path: Path) -> None:
    forms_path, _ = export_long(gold_run, fmt="csv", out=tmp_path)
    text = forms_path.read_text(encoding="utf-8")
    assert ",94.9," in text and "94.900000" not in text


def test_export_from_forms_in_memory(tmp_path: Path) -> None:
    forms, _ = load_path(GOLD)
    paths = export_long(forms, fmt="parquet", out=tmp_path / "out")
    assert [p.name for p in paths] == ["forms.parquet", "indicators.parquet"]
    assert pq.read_table(paths[0]).num_rows == len(forms)
