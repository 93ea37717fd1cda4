from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jixiao.analytics import Analysis, AuditRun, run_audit

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "data" / "samples"
GOLD = SAMPLES / "shanghai-2022-part1.gold.json"


@pytest.fixture(scope="session")
def gold_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuditRun]:
    run = run_audit([GOLD], workdir=tmp_path_factory.mktemp("gold-run"))
    yield run


@pytest.fixture(scope="session")
def gold_analysis(gold_run: AuditRun) -> Iterator[Analysis]:
    a = Analysis(gold_run)
    yield a
    a.close()
