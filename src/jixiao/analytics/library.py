"""The indicator library: every distinct indicator seen across a batch, searchable.

One row per (normalised name, 一级, 二级, unit) with the most common printed name, how
many forms and units use it, the most common target and actual texts and the median
numbers. Reviewers search it (``search_indicators``); the web editor calls ``suggest``
to offer indicators as a name is typed. A library is a Parquet or JSON file, so it can
be built once from a large batch and shipped or shared.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from jixiao.analytics.run import AuditRun
from jixiao.analytics.values import name_key

LIBRARY_SQL = """
SELECT name_key, level1, level2, unit,
  mode(name) AS name, count(DISTINCT form_id) AS forms, count(DISTINCT implementing_unit) AS units,
  mode(target) AS typical_target, mode(actual) AS typical_actual,
  median(target_number)::DOUBLE AS median_target, median(actual_number)::DOUBLE AS median_actual,
  list(DISTINCT target ORDER BY target)[1:5] AS targets,
  min(year) AS first_year, max(year) AS last_year
FROM indicators WHERE coalesce(name_key, '') <> ''
GROUP BY name_key, level1, level2, unit
ORDER BY forms DESC, name_key, level1, level2, unit
"""

ENV_VAR = "JIXIAO_INDICATOR_LIBRARY"
PACKAGED = Path(__file__).with_name("data") / "indicator-library.json"


def build_library(source: AuditRun | Iterable[Any], out: str | os.PathLike[str]) -> Path:
    """Write the library of a run (or of forms, scored in memory) to ``out`` (.parquet or .json)."""
    if not isinstance(source, AuditRun):
        from jixiao.analytics.runner import audit_forms

        with audit_forms(source) as run:
            return build_library(run, out)
    out = Path(out)
    con = source.connect()
    try:
        if out.suffix.lower() == ".json":
            cur = con.execute(LIBRARY_SQL)
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            out.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
        else:
            con.execute(f"COPY ({LIBRARY_SQL}) TO '{_quote(out)}' (FORMAT parquet)").fetchall()
    finally:
        con.close()
    return out


def _quote(path: Path | str) -> str:
    return str(path).replace("'", "''")


def _relation(library: str | os.PathLike[str]) -> str:
    p = Path(library)
    reader = "read_json_auto" if p.suffix.lower() == ".json" else "read_parquet"
    return f"{reader}('{_quote(p)}')"


def search_indicators(
    library: str | os.PathLike[str], query: str, *, level2: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Library rows whose name contains ``query`` (normalised), most used first."""
    return _select(library, name_key(query), level2, limit)


def default_library() -> Path:
    """The library the web editor uses: ``$JIXIAO_INDICATOR_LIBRARY`` or the packaged one."""
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else PACKAGED


def suggest(
    name_prefix: str, level2: str | None = None, limit: int = 10, *, library: str | os.PathLike[str] | None = None
) -> list[dict[str, Any]]:
    """Indicators to offer while a name is typed: prefix matches first, then any match."""
    lib = library or default_library()
    if not Path(lib).exists():
        return []
    return _select(lib, name_key(name_prefix), level2, limit)


def _select(library: str | os.PathLike[str], key: str, level2: str | None, limit: int) -> list[dict[str, Any]]:
    """Rows whose name_key contains ``key``; those starting with it first, then the most used."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    try:
        where = "name_key LIKE ? ESCAPE '\\'"
        params: list[Any] = [f"%{_escape(key)}%"]
        if level2:
            where += " AND level2 = ?"
            params.append(level2)
        params.append(f"{_escape(key)}%")
        cur = con.execute(
            f"SELECT * FROM {_relation(library)} WHERE {where} "
            f"ORDER BY (name_key LIKE ? ESCAPE '\\') DESC, forms DESC, name_key LIMIT {int(limit)}",
            params,
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def _escape(text: str) -> str:
    """The user's text as a literal inside LIKE (``%`` and ``_`` are not wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
