"""Long-form data for analysts: one row per form, one row per indicator (with the form's keys).

Written by DuckDB's COPY from the run's Parquet parts, so exporting 100k forms streams
and never builds rows in Python. CSV is UTF-8 with a header and decimals without
trailing zeros (``94.9``, not ``94.900000``); Parquet keeps DECIMAL(24, 6) columns.
Both read back with pandas, pyarrow and DuckDB.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jixiao.analytics import store
from jixiao.analytics.facts import FORM_COLUMNS, INDICATOR_COLUMNS
from jixiao.analytics.run import AuditRun

FORMATS = ("csv", "parquet")
SORT_MEMORY_LIMIT = "1GB"
"""The export sorts every indicator row by form id, which at 100k forms does not fit
in the analysis budget (``run.MEMORY_LIMIT``, 256 MB) with two threads: it keeps the
budget it had until the order is taken from the part files instead of a sort."""
_HIDDEN = {"signature"}


def _targets(out: Path, fmt: str) -> tuple[Path, Path]:
    """``out/forms.csv`` + ``out/indicators.csv`` for a directory, else ``x-forms.csv`` + ``x-indicators.csv``."""
    if out.is_dir() or not out.suffix:
        out.mkdir(parents=True, exist_ok=True)
        return out / f"forms.{fmt}", out / f"indicators.{fmt}"
    out.parent.mkdir(parents=True, exist_ok=True)
    stem = out.with_suffix("")
    return stem.with_name(f"{stem.name}-forms.{fmt}"), stem.with_name(f"{stem.name}-indicators.{fmt}")


def _select(table: str, columns: Iterable[str], fmt: str) -> str:
    cols = []
    for c in columns:
        if c in _HIDDEN:
            continue
        if fmt == "csv" and c in store.DECIMAL_COLUMNS:
            cols.append(f"regexp_replace({c}::VARCHAR, '\\.?0+$', '') AS {c}")
        else:
            cols.append(c)
    order = "form_id" if table == "forms" else "form_id, idx"
    return f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"


def export_long(
    forms_or_run: AuditRun | Iterable[Any], fmt: str = "csv", out: str | os.PathLike[str] = "jixiao-export"
) -> list[Path]:
    """Write the form table and the indicator table; returns the two paths written.

    ``forms_or_run`` is an :class:`AuditRun` or any iterable of forms (scored here).
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if not isinstance(forms_or_run, AuditRun):
        from jixiao.analytics.runner import audit_forms

        with audit_forms(forms_or_run) as run:
            return export_long(run, fmt, out)
    forms_out, ind_out = _targets(Path(out), fmt)
    options = "(FORMAT csv, HEADER)" if fmt == "csv" else "(FORMAT parquet, COMPRESSION zstd)"
    con = forms_or_run.connect(memory_limit=SORT_MEMORY_LIMIT)
    try:
        for table, columns, target in (("forms", FORM_COLUMNS, forms_out), ("indicators", INDICATOR_COLUMNS, ind_out)):
            path = str(target).replace("'", "''")
            con.execute(f"COPY ({_select(table, columns, fmt)}) TO '{path}' {options}").fetchall()
    finally:
        con.close()
    return [forms_out, ind_out]
