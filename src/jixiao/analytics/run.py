"""The result of a batch audit: counts and failures in memory, rows in Parquet.

An :class:`AuditRun` is small whatever the batch size; the per-form and per-indicator
rows live in its directory and are reached through DuckDB (:meth:`AuditRun.connect`),
which reads the Parquet parts as the views ``forms``, ``indicators`` and ``issues``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from jixiao.analytics import store

MEMORY_LIMIT = "256MB"
"""DuckDB's budget for one run's analysis, the same at 10k and 100k forms: the 100k
findings need about 100 MB of it (measured), the rest is headroom before spilling."""
THREADS = 2
"""DuckDB threads: the audit's own parallelism (two jobs) is the sizing unit; each
thread adds its own hash tables, so more threads would mean more memory, not speed."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A file (or one form of it, ``file#n``) that could not be audited, and why."""

    file: str
    reason: str
    codes: tuple[str, ...] = ()


@dataclass
class AuditRun:
    directory: Path
    rules: str = "shanghai-2022"
    files: int = 0
    forms: int = 0
    failures: list[Failure] = field(default_factory=list)
    issue_counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    owns_directory: bool = False

    def connect(self, database: str = ":memory:", memory_limit: str = MEMORY_LIMIT, threads: int = THREADS) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with the views ``forms``, ``indicators`` and ``issues``.

        DuckDB's memory is capped at a fixed budget whatever the batch size (it spills to
        the run directory beyond that) and the analysis queries are written to need much
        less than the cap (see :mod:`jixiao.analytics.crossform`); results carry their own
        ORDER BY, so DuckDB need not keep insertion order, which saves memory.
        """
        spill = str(self.directory / "duckdb-tmp")
        con = duckdb.connect(database, config={
            "memory_limit": memory_limit, "temp_directory": spill, "threads": threads,
            "preserve_insertion_order": False,
        })
        con.execute("SET enable_progress_bar = false")  # never draw on a CLI's stdout
        for table in ("forms", "indicators", "issues"):
            pattern = store.glob(self.directory, table).replace("'", "''")
            con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
        return con

    @property
    def forms_per_second(self) -> float:
        return self.forms / self.seconds if self.seconds else 0.0

    def cleanup(self) -> None:
        """Remove the run's directory if the run created it."""
        if self.owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> AuditRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()
