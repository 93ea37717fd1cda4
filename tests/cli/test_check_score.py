"""`jixiao check` and `jixiao score` on the samples and on broken input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app

GOLD = Path(__file__).resolve().parents[2] / "src/jixiao/data/samples/shanghai-2022-part1.gold.json"
runner = CliRunner()


def _json(args: list[str]) -> tuple[int, object]:
    result = runner.invoke(app, args)
    return result.exit_code, json.loads(result.stdout)


def test_score_reproduces_every_printed_execution_score_and_total() -> None:
    code, forms = _json(["score", "--json", str(GOLD)])
    assert code == 0
    assert isinstance(forms, list) and len(forms) == 4
    for form in forms:
        computed = form["computed"]
        assert Decimal(str(computed["execution_score"])) == Decimal(str(form["execution"]["score"]))
        assert Decimal(str(computed["total"])) == Decimal(str(form["total_score"]))
        assert computed["grade"] == "优"
        assert len(computed["indicators"]) == len(form["indicators"])


def test_score_explains_the_shortfall_with_its_numbers() -> None:
    _, forms = _json(["score", "--json", str(GOLD)])
    row = forms[0]["computed"]["indicators"][8]  # type: ignore[index]
    assert row["score"] == 1.94
    assert "131" in row["explanation"] and "135" in row["explanation"] and "1.94" in row["explanation"]
    _, forms_en = _json(["score", "--json", "--lang", "en", str(GOLD)])
    assert forms_en[0]["computed"]["indicators"][8]["explanation"] != row["explanation"]  # type: ignore[index]


def test_check_reports_no_error_on_the_samples_and_flags_the_late_deadline() -> None:
    code, issues = _json(["check", "--json", str(GOLD)])
    assert code == 0
    assert isinstance(issues, list)
    assert [i for i in issues if i["severity"] == "error"] == []
    late = [i for i in issues if i["form"] == "组织部门建设和管理工作经费" and i["location"].get("field") == "indicators[14].score"]
    assert [i["code"] for i in late] == ["score-needs-judgement"]
    assert {"code", "severity", "form", "location", "message"} <= set(issues[0])


@pytest.fixture()
def inflated(tmp_path: Path) -> Path:
    forms = json.loads(GOLD.read_text(encoding="utf-8"))
    form = forms[0]
    form["indicators"][8]["score"] = 2  # claims full marks for 131 of 135
    form["indicators"][8]["deviation"] = None
    form["total_score"] = 94.96
    path = tmp_path / "inflated.json"
    path.write_text(json.dumps([form], ensure_ascii=False), encoding="utf-8")
    return path


def test_check_exits_1_and_names_the_inflated_score(inflated: Path) -> None:
    code, issues = _json(["check", "--json", str(inflated)])
    assert code == 1
    errors = {(i["location"].get("field"), i["code"]) for i in issues if i["severity"] == "error"}  # type: ignore[union-attr]
    assert ("indicators[8].score", "score-claimed-differs") in errors


def test_check_select_limits_codes(inflated: Path) -> None:
    _, issues = _json(["check", "--json", "--select", "score-claimed-differs", str(inflated)])
    assert {i["code"] for i in issues} == {"score-claimed-differs"}  # type: ignore[union-attr]


def test_unreadable_inputs_are_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    result = runner.invoke(app, ["check", "--json", str(bad), str(tmp_path / "missing.json")])
    assert result.exit_code == 1
    codes = [i["code"] for i in json.loads(result.stdout)]
    assert codes == ["json-syntax", "input-unreadable"]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_unknown_rule_set_is_a_usage_error() -> None:
    result = runner.invoke(app, ["score", "--rules", "nowhere-1999", str(GOLD)])
    assert result.exit_code == 2


def test_human_table_in_english() -> None:
    result = runner.invoke(app, ["score", "--lang", "en", str(GOLD)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Budget execution" in result.stdout and "94.9" in result.stdout


def test_rules_lists_both_named_sets_with_their_reverse_formula() -> None:
    code, rows = _json(["rules", "--json"])
    assert code == 0
    by_name = {r["name"]: r for r in rows}  # type: ignore[union-attr]
    assert {"shanghai-2022", "national-2020"} <= set(by_name)
    assert by_name["national-2020"]["reverse_formula"] == "ratio"
