"""check(): selection, ordering, rule sets, crash capture, and the gold forms."""

import pytest

from jixiao.core.audit import RULE_SET_CHECKS, check, matches
from jixiao.core.audit.registry import Check
from jixiao.core.issues import Severity, flatten, has_errors

from .conftest import make_form


def test_select_and_ignore_by_code_or_prefix():
    assert matches("arith-total", ["arith"]) and matches("arith-total", ["arith-total"])
    assert not matches("arith-total", ["arith-t"]) and not matches("arithmetic", ["arith"])
    form = make_form({"total_score": 98, "year": None})
    assert [i.code for i in check(form)] == ["header-missing-year", "arith-total"]
    assert [i.code for i in check(form, select=["arith"])] == ["arith-total"]
    assert [i.code for i in check(form, ignore=["header"])] == ["arith-total"]
    assert check(form, select=["arith"], ignore=["arith-total"]) == []


def test_issues_come_in_form_order():
    form = make_form(
        {"total_score": 98, "indicators[3].name": "", "indicators[0].actual": "250人", "year": None}
    )
    assert [i.location.field for i in check(form)] == [
        "year",
        "indicators[0].actual",
        "indicators[3].name",
        "total_score",
    ]


def test_unknown_rule_set_is_an_issue_not_an_exception():
    (issue,) = check(make_form(), "no-such-rules")
    assert issue.code == "rules-unknown" and "shanghai-2022" in issue.message()


def test_national_rules_also_clean_on_the_base_form():
    assert check(make_form(), "national-2020") == []


def test_a_crashing_check_becomes_an_issue_and_others_still_run():
    def broken(form, ctx):
        yield from ()
        raise ZeroDivisionError("boom")

    class Rules:
        name = "crash-test"

    RULE_SET_CHECKS["crash-test"] = [Check("broken", broken, ("header-missing-year",))]
    try:
        issues = check(make_form(year=None), Rules(), select=["header", "check-crashed"])
    finally:
        del RULE_SET_CHECKS["crash-test"]
    assert flatten(issues, "code") == [["header-missing-year"], ["check-crashed"]]
    assert issues[1].params["check"] == "broken" and "ZeroDivisionError" in issues[1].message()


def test_precomputed_score_is_used():
    from jixiao.core.scoring import score_form

    form = make_form({"indicators[0].actual": "90人", "indicators[0].deviation": "推迟。"})
    score = score_form(form)
    assert [i.code for i in check(form, score=score)] == ["score-claimed-differs"]


@pytest.mark.parametrize("rules", ["shanghai-2022", "national-2020"])
def test_gold_forms_have_no_error(gold_forms, rules):
    for form in gold_forms:
        issues = check(form, rules)
        assert not has_errors(issues), [
            (i.code, i.location.field) for i in issues if i.severity is Severity.ERROR
        ]


def test_gold_forms_findings_are_the_expected_weak_spots(gold_forms):
    """Every warning on the gold forms, each one a finding a reviewer would raise."""
    warnings = {
        (f.project_name, i.code, i.location.field)
        for f in gold_forms
        for i in check(f)
        if i.severity is Severity.WARNING and i.code != "actual-repeats-target"
    }
    assert warnings == {
        # printed 45.56% for 3138486 / 6890000 = 45.5513…% (rounds to 45.55)
        ("干部教育工作经费", "arith-execution-rate-rounding", "execution.rate_percent"),
        # >=600人, actual 1368人 (2.28×)
        ("干部教育工作经费", "target-too-low", "indicators[2].actual"),
        # =1期/月, actual 3期/月
        ("基层党建及队伍教育管理", "target-too-low", "indicators[3].actual"),
    }


def test_a_failing_scoring_engine_is_reported_once(monkeypatch):
    import jixiao.core.scoring as scoring

    def broken(form, rules):
        raise ArithmeticError("engine defect")

    monkeypatch.setattr(scoring, "score_form", broken)
    form = make_form({"indicators[0].actual": "90人", "year": None})
    issues = check(form)
    crashed = [i for i in issues if i.code == "check-crashed"]
    assert len(crashed) == 1 and crashed[0].params["check"] == "score_form"
    # the checks that need no score still report
    assert {"header-missing-year", "target-exceeded"} - {i.code for i in issues} == {
        "target-exceeded"
    }
    assert "header-missing-year" in {i.code for i in issues}


def test_a_rule_set_can_add_its_own_checks():
    from jixiao.core.audit import audit_check
    from jixiao.core.issues import REGISTRY, declare

    declare(
        "test-province-no-deviation-text",
        Severity.WARNING,
        title=("测试", "test"),
        message=("测试", "test"),
        remedy=("测试", "test"),
    )

    @audit_check("test-province-no-deviation-text", rules="province-test")
    def province_check(form, ctx):
        yield ctx.issue("test-province-no-deviation-text", "indicators")

    class Province:
        name = "province-test"

    try:
        assert [i.code for i in check(make_form(), Province(), select=["test"])] == [
            "test-province-no-deviation-text"
        ]
        assert check(make_form(), select=["test"]) == []  # other rule sets do not run it
    finally:
        del RULE_SET_CHECKS["province-test"]
        del REGISTRY["test-province-no-deviation-text"]


def test_issues_on_a_multi_form_file_name_the_form(gold_forms):
    third = gold_forms[2]  # 干部教育工作经费, the rounding slip
    (issue,) = check(third, select=["arith-execution-rate"])
    assert issue.location.form_index == 2 and "#3" in issue.location.describe()
    assert issue.form == "干部教育工作经费"
