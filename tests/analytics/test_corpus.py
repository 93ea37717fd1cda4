"""Planted anomalies in a generated corpus: every one found, no finding on a clean form."""

from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from jixiao.analytics import Analysis, run_audit, write_report
from jixiao.analytics.corpus import PLANTS, compare, generate_corpus, write_corpus


def _audit(directory: Path, n: int, seed: int, jobs: int) -> tuple[dict, Analysis]:
    manifest = write_corpus(directory / "corpus", n, seed=seed, per_file=100)
    run = run_audit([directory / "corpus"], jobs=jobs, workdir=directory / "run")
    assert run.forms == n and not run.failures
    return manifest, Analysis(run)


def test_every_planted_anomaly_is_found_and_clean_forms_stay_clean(tmp_path: Path) -> None:
    manifest, analysis = _audit(tmp_path, 1500, seed=11, jobs=2)
    planted = Counter(code for codes in manifest.values() for code in codes)
    assert set(planted) == set(PLANTS)  # each kind planted at least once
    assert min(planted.values()) >= 10
    findings = analysis.con.execute("SELECT form_id, kind FROM findings").fetchall()
    result = compare(manifest, findings)
    clean = sum(1 for codes in manifest.values() if not codes)
    assert (result.planted, result.found, result.missed) == (sum(planted.values()), sum(planted.values()), ())
    assert (result.clean_forms, result.clean_flagged) == (clean, ())
    assert clean > 1000
    # the written report lists the same: every planted anomaly, nothing on a clean form
    sheet = openpyxl.load_workbook(write_report(analysis, tmp_path / "report.xlsx", limit=5000))["跨表发现"]
    listed = [(row[4], row[1]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    in_report = compare(manifest, listed)
    assert in_report.missed == () and in_report.clean_flagged == ()
    assert len(listed) == len(findings)


def test_compare_counts_misses_and_false_alarms() -> None:
    manifest = {"a#1": ("batch-target-too-low",), "a#2": (), "a#3": ()}
    result = compare(manifest, [("a#2", "batch-copied-indicators"), ("a#1", "batch-actual-repeats-target")])
    assert result.missed == (("a#1", "batch-target-too-low"),)
    assert result.clean_flagged == (("a#2", "batch-copied-indicators"),)
    assert result.clean_forms == 2 and not result.ok


def test_corpus_is_reproducible() -> None:
    one = [(f.project_name, f.total_score, c) for f, c in generate_corpus(200, seed=3)]
    two = [(f.project_name, f.total_score, c) for f, c in generate_corpus(200, seed=3)]
    assert one == two and len(one) == 200


@pytest.mark.slow
def test_ten_thousand_forms(tmp_path: Path) -> None:
    manifest, analysis = _audit(tmp_path, 10_000, seed=5, jobs=2)
    result = compare(manifest, analysis.con.execute("SELECT form_id, kind FROM findings").fetchall())
    assert result.missed == () and result.clean_flagged == ()
    assert result.planted > 1500 and result.clean_forms > 7000
