"""The copy search in slices finds what it finds in one pass: slicing bounds memory, not results."""

from pathlib import Path
from typing import Any

import pytest

from jixiao.analytics import crossform, run_audit
from jixiao.analytics.corpus import write_corpus
from jixiao.analytics.run import AuditRun


def _findings(run: AuditRun, monkeypatch: pytest.MonkeyPatch, rows: int, pairs: int) -> list[tuple[Any, ...]]:
    monkeypatch.setattr(crossform, "ROWS_PER_PASS", rows)
    monkeypatch.setattr(crossform, "PAIRS_PER_PASS", pairs)
    con = run.connect()
    try:
        crossform.build_findings(con)
        assert con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall() == []
        return con.execute("SELECT * FROM findings ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_passes_do_not_change_the_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path / "corpus", 600, seed=3, per_file=100)
    run = run_audit([tmp_path / "corpus"], workdir=tmp_path / "run")
    one = _findings(run, monkeypatch, 10**9, 10**9)
    sliced = _findings(run, monkeypatch, 1000, 50)  # several passes of both kinds
    assert one == sliced
    copies = [(r[2], r[8]) for r in one if r[0] == "batch-copied-indicators"]
    assert copies and sorted(copies) == sorted((b, a) for a, b in copies)  # each pair reported from both sides
