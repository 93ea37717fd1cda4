from decimal import Decimal

from jixiao.core.audit import AuditConfig, check
from jixiao.core.issues import Severity, flatten

from .conftest import make_form


def codes(form, *prefixes, **kw):
    return flatten(check(form, select=list(prefixes), **kw), "field", "code")


def test_negative_amount():
    form = make_form({"funds.fiscal.initial_budget": 1000005, "funds.other.initial_budget": -5})
    assert codes(form, "funds") == [["funds.other.initial_budget", "funds-negative"]]


def test_subrows_must_add_up_per_column():
    form = make_form({"funds.fiscal.executed": 940000, "funds.other.executed": 5000})
    (issue,) = check(form, select=["funds"])
    assert (issue.code, issue.location.field) == ("funds-subrows-sum", "funds.total.executed")
    assert issue.params["diff"] == "5000"
    # only the total row printed: nothing to compare
    form = make_form(
        {"funds.fiscal": {"initial_budget": None, "annual_budget": None, "executed": None}}
    )
    assert codes(form, "funds") == []


def test_total_row_missing_while_subrows_printed():
    assert codes(make_form({"funds.total.executed": None}), "funds") == [
        ["funds.total.executed", "funds-total-missing"]
    ]


def test_executed_over_budget_per_row():
    form = make_form({"funds.total.executed": 1000001, "funds.fiscal.executed": 1000001})
    assert codes(form, "funds-executed") == [
        ["funds.total.executed", "funds-executed-over-budget"],
        ["funds.fiscal.executed", "funds-executed-over-budget"],
    ]
    assert (
        codes(
            make_form({"funds.total.executed": 1000000, "funds.fiscal.executed": 1000000}), "funds"
        )
        == []
    )


def test_execution_rate_rounding_is_a_warning_within_tolerance():
    form = make_form({"execution.rate_percent": 95.01})
    (issue,) = check(form, select=["arith"])
    assert issue.code == "arith-execution-rate-rounding" and issue.severity is Severity.WARNING
    strict = AuditConfig(rate_tolerance=Decimal(0))
    (issue,) = check(form, select=["arith"], config=strict)
    assert issue.code == "arith-execution-rate" and issue.severity is Severity.ERROR


def test_rate_tolerance_read_from_the_rule_set():
    class Strict:
        name = "strict-test"
        rate_tolerance = Decimal(0)

    form = make_form({"execution.rate_percent": 95.01})
    assert codes(form, "arith", rules=Strict()) == [
        ["execution.rate_percent", "arith-execution-rate"]
    ]


def test_execution_rate_uses_the_annual_budget_not_the_initial_one():
    # 950000 / 1200000 = 79.17%: a form computing against 年初预算数 is wrong
    form = make_form(
        {
            "funds.total.initial_budget": 1200000,
            "funds.fiscal.initial_budget": 1200000,
            "execution.rate_percent": 79.17,
        }
    )
    (issue,) = check(form, select=["arith"])
    assert issue.code == "arith-execution-rate"
    assert (issue.params["printed"], issue.params["computed"]) == ("79.17", "95")
    assert "年初预算数" in issue.message("zh") and "initial budget" in issue.message("en")


def test_execution_score():
    assert codes(make_form({"execution.score": 9, "total_score": 99}), "arith") == [
        ["execution.score", "arith-execution-score"]
    ]
    # capped at the weight: 105% -> 10, not 10.5
    form = make_form(
        {
            "funds.total.executed": 1050000,
            "funds.fiscal.executed": 1050000,
            "execution.rate_percent": 105,
            "execution.score": 10,
            "total_score": 100,
        }
    )
    assert codes(form, "arith") == []


def test_weights_and_total():
    form = make_form({"indicators[0].weight": 15, "indicators[0].score": 15, "total_score": 94.5})
    (issue,) = check(form, select=["arith"])
    assert issue.code == "arith-weights-sum" and issue.params["sum"] == "95"
    assert codes(make_form(total_score=99.49), "arith") == [["total_score", "arith-total"]]
    assert codes(make_form(total_score=99.50), "arith") == []


def test_score_bounds():
    form = make_form(
        {
            "indicators[0].score": 21,
            "total_score": 100.5,
            "indicators[1].weight": -15,
            "indicators[1].score": -15,
        }
    )
    assert codes(form, "score-above-weight", "score-negative") == [
        ["indicators[0].score", "score-above-weight"],
        ["indicators[1].weight", "score-negative"],
        ["indicators[1].score", "score-negative"],
    ]


def test_gold_forms_arithmetic(gold_forms):
    found = [
        (f.project_name, c)
        for f in gold_forms
        for c in codes(f, "arith", "funds", "score-above", "score-negative")
    ]
    # 干部教育工作经费 prints 45.56% for 3138486 / 6890000 = 45.5513…%: a rounding slip, warned only
    assert found == [
        ("干部教育工作经费", ["execution.rate_percent", "arith-execution-rate-rounding"])
    ]


def test_rate_tolerance_registered_per_rule_set_name():
    from dataclasses import replace

    from jixiao.core.audit import AUDIT_CONFIGS
    from jixiao.core.scoring import get_rule_set

    strict = replace(get_rule_set("shanghai-2022"), name="strict-test")
    form = make_form({"execution.rate_percent": 95.01})
    AUDIT_CONFIGS["strict-test"] = AuditConfig(rate_tolerance=Decimal(0))
    try:
        assert codes(form, "arith", rules=strict) == [
            ["execution.rate_percent", "arith-execution-rate"]
        ]
    finally:
        del AUDIT_CONFIGS["strict-test"]
    assert codes(form, "arith", rules=strict) == [
        ["execution.rate_percent", "arith-execution-rate-rounding"]
    ]


def test_rate_printed_with_fewer_decimals_is_read_at_its_precision():
    # 95% printed as "95" or "95.0" is the same rate as 95.00
    assert codes(make_form({"execution.rate_percent": 95}), "arith") == []
    # 950000 / 1000000 = 95%, printed 95.4 (one decimal): off by 0.4
    assert codes(make_form({"execution.rate_percent": 95.4}), "arith") == [
        ["execution.rate_percent", "arith-execution-rate"]
    ]


def test_amounts_in_wan_yuan_allow_for_their_rounding():
    # 1.23 万元 of 1.31 万元 could be anything from 1.225/1.315 = 93.16% to 1.235/1.305 = 94.64%
    change = {
        "amount_unit": "万元",
        "funds.total": {"initial_budget": 1.31, "annual_budget": 1.31, "executed": 1.23},
        "funds.fiscal": {"initial_budget": 1.31, "annual_budget": 1.31, "executed": 1.23},
        "execution.rate_percent": 94.5,
    }
    rate = "arith-execution-rate"
    assert codes(make_form(change), rate, "funds") == []
    assert codes(make_form({**change, "execution.rate_percent": 96}), rate) == [
        ["execution.rate_percent", "arith-execution-rate"]
    ]
    # the same figures in 元 are exact: 1.23 / 1.31 = 93.89%
    assert codes(make_form({**change, "amount_unit": "元"}), rate) == [
        ["execution.rate_percent", "arith-execution-rate"]
    ]
    # sub-rows rounded separately may miss the total by their rounding
    split = {
        **change,
        "funds.fiscal": {"initial_budget": 0.65, "annual_budget": 0.65, "executed": 0.62},
        "funds.other": {"initial_budget": 0.67, "annual_budget": 0.67, "executed": 0.62},
    }
    assert codes(make_form(split), "funds") == []
    assert codes(make_form({**split, "amount_unit": None}), "funds") == [
        ["funds.total.initial_budget", "funds-subrows-sum"],
        ["funds.total.annual_budget", "funds-subrows-sum"],
        ["funds.total.executed", "funds-subrows-sum"],
    ]
