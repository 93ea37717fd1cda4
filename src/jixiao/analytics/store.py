"""Columnar storage of a batch run: Parquet part files written as forms stream past.

Each worker writes its own part files (``forms-<n>.parquet``, ``indicators-<n>.parquet``,
``issues-<n>.parquet``) so no process ever holds the whole batch; DuckDB then reads
the parts with a glob. Money, rates and scores are DECIMAL(24, 6) columns, so the
Decimal discipline of the core survives into SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from jixiao.analytics.facts import FORM_COLUMNS, INDICATOR_COLUMNS, ISSUE_COLUMNS

DEC = pa.decimal128(24, 6)
_Q = Decimal("0.000001")
_LIMIT = Decimal(10) ** 18

_TYPES: dict[str, pa.DataType] = {
    "form_index": pa.int32(), "year": pa.int32(), "idx": pa.int32(),
    "n_indicators": pa.int32(), "n_numeric": pa.int32(), "n_qualitative": pa.int32(),
    "n_repeats": pa.int32(), "n_errors": pa.int32(), "n_warnings": pa.int32(), "n_infos": pa.int32(),
    "has_reason": pa.bool_(), "repeats_target": pa.bool_(),
}
DECIMAL_COLUMNS = frozenset({
    "budget_yuan", "executed_yuan", "exec_rate", "exec_rate_printed", "exec_claimed",
    "exec_computed", "total_claimed", "total_computed", "score_gap", "target_number",
    "actual_number", "ratio", "weight", "claimed", "computed",
})


def _schema(columns: Sequence[str]) -> pa.Schema:
    return pa.schema([(c, DEC if c in DECIMAL_COLUMNS else _TYPES.get(c, pa.string())) for c in columns])


SCHEMAS: dict[str, pa.Schema] = {
    "forms": _schema(FORM_COLUMNS),
    "indicators": _schema(INDICATOR_COLUMNS),
    "issues": _schema(ISSUE_COLUMNS),
}


def _fit(value: Any) -> Decimal | None:
    """A Decimal the column can hold (6 places, < 10^18), else ``None``."""
    if value is None:
        return None
    d = value if isinstance(value, Decimal) else Decimal(value)
    if not d.is_finite() or abs(d) >= _LIMIT:
        return None
    return d.quantize(_Q)


def to_table(table: str, rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    schema = SCHEMAS[table]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema.names]
    arrays = []
    for field, values in zip(schema, columns, strict=True):
        try:  # pyarrow rescales exact Decimals itself; only odd values need _fit
            arrays.append(pa.array(values, type=field.type))
        except (pa.ArrowInvalid, TypeError):
            if field.type != DEC:
                raise
            arrays.append(pa.array([_fit(v) for v in values], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_part(directory: Path, table: str, part: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write one part file (also when empty, so every glob has a schema to read)."""
    pq.write_table(to_table(table, rows), directory / f"{table}-{part}.parquet", compression="zstd")


def glob(directory: Path, table: str) -> str:
    return str(directory / f"{table}-*.parquet")
