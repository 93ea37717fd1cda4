"""run_audit on real files: every form stored, failures listed, jobs give the same rows."""

import json
import os
import shutil
from pathlib import Path

from jixiao.analytics import AuditRun, run_audit, runner
from jixiao.formats.interchange import load_path

from .conftest import GOLD


def _rows(run: AuditRun, sql: str) -> list[tuple]:
    con = run.connect()
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_gold_forms_and_indicators_are_stored(gold_run: AuditRun) -> None:
    forms, _ = load_path(GOLD)
    assert gold_run.files == 1 and gold_run.forms == len(forms) and not gold_run.failures
    stored = _rows(gold_run, "SELECT project_name, n_indicators, total_claimed FROM forms ORDER BY form_index")
    assert stored == [(f.project_name, len(f.indicators), f.total_score) for f in forms]
    count = _rows(gold_run, "SELECT count(*) FROM indicators")[0][0]
    assert count == sum(len(f.indicators) for f in forms)


def test_computed_scores_sit_beside_claimed(gold_run: AuditRun) -> None:
    rows = _rows(gold_run, "SELECT exec_claimed, exec_computed, total_computed, grade FROM forms ORDER BY form_index")
    assert rows[0][0] == rows[0][1]  # 89.61 % -> 8.96 printed and computed
    assert all(r[2] is not None and r[3] in ("优", "良", "中", "差") for r in rows)


def test_a_bad_file_is_listed_and_the_others_go_on(tmp_path: Path) -> None:
    shutil.copy(GOLD, tmp_path / "a.json")
    (tmp_path / "broken.json").write_text('{"year": 2022, ', encoding="utf-8")
    (tmp_path / "not-a-form.json").write_text(json.dumps([1, 2]), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored inside a directory", encoding="utf-8")
    run = run_audit([tmp_path, tmp_path / "missing.xlsx"], workdir=tmp_path / "run")
    assert run.forms == 4
    failed = {Path(f.file).name: f.reason for f in run.failures}
    assert set(failed) == {"broken.json", "not-a-form.json", "missing.xlsx"}
    assert "json-syntax" in failed["broken.json"]
    assert "json-shape" in failed["not-a-form.json"]


def test_parallel_run_stores_the_same_rows(tmp_path: Path) -> None:
    for i in range(6):
        shutil.copy(GOLD, tmp_path / f"copy{i}.json")
    seen: list[tuple[int, int]] = []
    one = run_audit([tmp_path], jobs=1, workdir=tmp_path / "one")
    two = run_audit([tmp_path], jobs=2, workdir=tmp_path / "two", progress=lambda d, t: seen.append((d, t)))
    sql = "SELECT form_id, total_claimed, total_computed, n_errors, n_warnings FROM forms ORDER BY form_id"
    assert one.forms == two.forms == 24
    assert _rows(one, sql) == _rows(two, sql)
    assert seen[-1] == (6, 6)


def _dies_on_bad(number: int, paths: list[str], rules: str, directory: str):  # runs in a worker
    if any("bad" in p for p in paths):
        os._exit(3)  # as a segfault in a native reader would
    return _ORIGINAL(number, paths, rules, directory)


_ORIGINAL = runner._process_chunk


def test_a_crashing_worker_fails_only_its_file(tmp_path: Path, monkeypatch) -> None:
    for name in ("a", "b", "bad", "c", "d"):
        shutil.copy(GOLD, tmp_path / f"{name}.json")
    monkeypatch.setattr(runner, "_process_chunk", _dies_on_bad)
    run = run_audit([tmp_path], jobs=2, workdir=tmp_path / "run")
    assert [Path(f.file).name for f in run.failures] == ["bad.json"]
    assert "worker failed" in run.failures[0].reason
    assert run.files == 5 and run.forms == 16


def test_a_named_file_of_unknown_kind_is_a_listed_failure(tmp_path: Path) -> None:
    odd = tmp_path / "scan.bin"
    odd.write_bytes(b"\x00\x01 not a document")
    run = run_audit(odd, workdir=tmp_path / "run")  # one path, not a list, is accepted too
    assert run.files == 1 and run.forms == 0
    assert [Path(f.file).name for f in run.failures] == ["scan.bin"] and run.failures[0].reason
