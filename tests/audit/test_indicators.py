from decimal import Decimal

from jixiao.core.audit import AuditConfig, check
from jixiao.core.issues import Severity, flatten

from .conftest import make_form

WEAK = ["unit-family-mismatch", "actual-repeats-target", "target", "indicator-qualitative-share"]


def codes(form, *prefixes, **kw):
    return flatten(check(form, select=list(prefixes) or WEAK, **kw), "field", "code")


def test_base_form_has_no_weak_indicator():
    assert codes(make_form()) == []


def test_unit_families_people_vs_person_times():
    assert codes(make_form({"indicators[0].actual": "120人次"})) == [
        ["indicators[0].actual", "unit-family-mismatch"]
    ]
    # same family in another scale is fine (万页 vs 页), and a bare number takes the target's unit
    assert (
        codes(make_form({"indicators[0].target": ">=1万页", "indicators[0].actual": "12000页"}))
        == []
    )
    assert codes(make_form({"indicators[0].actual": "120"})) == []


def test_actual_repeating_a_qualitative_target():
    form = make_form(
        {
            "indicators[3].target": "持证上岗水平进一步提升",
            "indicators[3].actual": "持证上岗水平进一步提升。",
        }
    )
    assert codes(form, "actual-repeats-target") == [
        ["indicators[3].actual", "actual-repeats-target"]
    ]
    # an actual that says what happened is not a repeat
    form = make_form(
        {
            "indicators[3].target": "持证上岗水平进一步提升",
            "indicators[3].actual": "持证上岗率由80%提高到85%",
        }
    )
    assert codes(form, "actual-repeats-target") == []
    # repeating a timeliness word (及时/及时) is a completion statement, not a weak qualitative target
    form = make_form({"indicators[2].target": "及时", "indicators[2].actual": "及时"})
    assert codes(form, "actual-repeats-target") == []


def test_target_far_exceeded():
    assert codes(make_form({"indicators[0].actual": "130人"})) == []  # exactly +30%: not beyond
    (issue,) = check(make_form({"indicators[0].actual": "140人"}), select=["target"])
    assert (issue.code, issue.severity, issue.params["percent"]) == (
        "target-exceeded",
        Severity.INFO,
        "40",
    )
    (issue,) = check(make_form({"indicators[0].actual": "200人"}), select=["target"])
    assert (issue.code, issue.severity, issue.params["ratio"]) == (
        "target-too-low",
        Severity.WARNING,
        "2",
    )


def test_exceeded_equality_and_range_targets():
    form = make_form({"indicators[0].target": "=1期/月", "indicators[0].actual": "3期/月"})
    assert codes(form) == [["indicators[0].actual", "target-too-low"]]
    form = make_form({"indicators[0].target": "100-120人", "indicators[0].actual": "300人"})
    (issue,) = check(form, select=["target"])
    assert issue.params["target"] == "120人"  # compared with the upper bound
    # anywhere inside a wide range is not "exceeded"
    form = make_form({"indicators[0].target": "100-500人", "indicators[0].actual": "450人"})
    assert codes(form) == []


def test_reverse_and_missed_targets_are_not_exceeded():
    assert (
        codes(make_form({"indicators[0].target": "<=100人", "indicators[0].actual": "20人"})) == []
    )
    assert codes(make_form({"indicators[0].actual": "50人"}), "target") == []


def test_thresholds_come_from_the_config():
    form = make_form({"indicators[0].actual": "140人"})
    cfg = AuditConfig(target_exceeded_ratio=Decimal("1.5"))
    assert codes(form, "target", config=cfg) == []


def test_qualitative_share():
    change = {
        "indicators[0].target": "培训覆盖全体人员",
        "indicators[0].actual": "培训覆盖了全部120名在岗人员",
        "indicators[3].target": "持证上岗水平提升",
        "indicators[3].actual": "持证上岗率由80%提高到85%",
    }
    (issue,) = check(make_form(change), select=["indicator-qualitative-share"])
    assert (issue.params["qualitative"], issue.params["weights"]) == ("50", "90")
    del change["indicators[0].target"], change["indicators[0].actual"]
    assert codes(make_form(change), "indicator-qualitative-share") == []
