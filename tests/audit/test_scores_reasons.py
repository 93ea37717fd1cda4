from jixiao.core.audit import check
from jixiao.core.issues import Severity, flatten

from .conftest import make_form

SCORE = ["score-claimed", "score-needs-judgement", "score-grade-differs"]


def codes(form, *prefixes, **kw):
    return flatten(check(form, select=list(prefixes) or SCORE, **kw), "field", "code")


def test_inflated_claim_is_an_error_with_the_rule_in_the_message():
    form = make_form(
        {"indicators[0].actual": "90人", "indicators[0].deviation": "部分学员推迟参训。"}
    )
    (issue,) = check(form, select=SCORE)
    assert (issue.code, issue.severity, issue.location.field) == (
        "score-claimed-differs",
        Severity.ERROR,
        "indicators[0].score",
    )
    assert (issue.params["claimed"], issue.params["computed"]) == ("20", "18")
    assert "90" in issue.message("zh") and "18" in issue.message("en")


def test_understated_claim_is_a_warning():
    form = make_form(
        {"indicators[0].score": 19, "indicators[0].deviation": "从严扣分。", "total_score": 98.5}
    )
    (issue,) = check(form, select=SCORE)
    assert (issue.code, issue.severity) == ("score-claimed-understated", Severity.WARNING)


def test_half_a_cent_is_not_a_difference():
    # 131/135 × 2 = 1.9407…: a claimed 1.94 is exact, 1.945 is within 0.005
    change = {
        "indicators[0].target": ">=135人",
        "indicators[0].actual": "131人",
        "indicators[0].weight": 2,
        "indicators[0].deviation": "少数学员未参训。",
        "indicators[1].weight": 33,
        "indicators[1].score": 33,
    }
    assert (
        codes(make_form({**change, "indicators[0].score": 1.94, "total_score": 83.44}), *SCORE)
        == []
    )
    assert (
        codes(make_form({**change, "indicators[0].score": 1.945, "total_score": 83.445}), *SCORE)
        == []
    )
    assert codes(
        make_form({**change, "indicators[0].score": 1.95, "total_score": 83.45}), *SCORE
    ) == [["indicators[0].score", "score-claimed-differs"]]


def test_qualitative_and_late_deadlines_need_judgement_not_errors():
    form = make_form(
        {
            "indicators[2].actual": "年底前完成",
            "indicators[2].score": 10,
            "indicators[2].deviation": "受疫情影响推迟。",
            "total_score": 94.5,
        }
    )
    issues = check(form)
    assert flatten(issues, "field", "code", "severity") == [
        ["indicators[2].score", "score-needs-judgement", "info"]
    ]


def test_grade_lowered_by_the_rules():
    form = make_form({"indicators[3].actual": "50%", "indicators[3].deviation": "考试推迟。"})
    assert codes(form) == [
        ["indicators[3].score", "score-claimed-differs"],
        ["total_score", "score-grade-differs"],
    ]
    (grade,) = check(form, select=["score-grade-differs"])
    assert (grade.params["printed_grade"], grade.params["computed_grade"]) == ("优", "良")


def test_missing_reason_by_claim_or_by_rules():
    # claimed below the weight, no reason
    form = make_form(
        {"indicators[0].actual": "90人", "indicators[0].score": 18, "total_score": 97.5}
    )
    (issue,) = check(form, select=["deviation"])
    assert (issue.location.field, issue.params["basis_en"]) == (
        "indicators[0].deviation",
        "as claimed",
    )
    # claimed full marks, the rules say less: the reason is missing too
    form = make_form({"indicators[0].actual": "90人"})
    (issue,) = check(form, select=["deviation"])
    assert (issue.params["basis_en"], issue.params["score"]) == ("by the rules", "18")
    # a reason given: quiet
    assert (
        codes(
            make_form({"indicators[0].actual": "90人", "indicators[0].deviation": "推迟。"}),
            "deviation",
        )
        == []
    )


def test_execution_low_is_info_and_follows_the_amounts():
    change = {
        "funds.total.executed": 850000,
        "funds.fiscal.executed": 850000,
        "execution.score": 8.5,
        "total_score": 98.5,
    }
    (issue,) = check(make_form({**change, "execution.rate_percent": 85}), select=["execution-low"])
    assert (issue.severity, issue.params["rate"]) == (Severity.INFO, "85")
    # printed 85% but the amounts say 95%: the arithmetic check reports it, not this one
    assert codes(make_form({"execution.rate_percent": 85}), "execution-low") == []


def test_gold_forms_claimed_scores(gold_forms):
    found = {(f.project_name, tuple(c)) for f in gold_forms for c in codes(f, "score", "deviation")}
    assert not [c for c in found if c[1][1] != "score-needs-judgement"], found
    # 事业单位审计完成: 6月底前, done 年底前, claimed 2 of 3 with a reason -> for a reviewer
    assert (
        "组织部门建设和管理工作经费",
        ("indicators[14].score", "score-needs-judgement"),
    ) in found


def test_a_filler_word_is_no_reason():
    form = make_form(
        {"indicators[0].actual": "90人", "indicators[0].score": 18, "total_score": 97.5}
    )
    for filler in ("无", " 无偏差 ", "—"):
        changed = make_form(
            {
                "indicators[0].actual": "90人",
                "indicators[0].score": 18,
                "total_score": 97.5,
                "indicators[0].deviation": filler,
            }
        )
        assert codes(changed, "deviation") == [["indicators[0].deviation", "deviation-missing"]]
    assert codes(form, "deviation") == [["indicators[0].deviation", "deviation-missing"]]


def test_not_applicable_rows_do_not_make_the_others_look_understated():
    # 考试通过率 does not apply: the engine rescales the other weights; the claims were
    # written on the printed weights and must be compared on them
    form = make_form({"indicators[1].target": "不适用", "indicators[1].actual": "不适用"})
    assert codes(form, "score", "deviation") == []
    form = make_form(
        {
            "indicators[1].target": "不适用",
            "indicators[1].actual": "不适用",
            "indicators[0].actual": "90人",
        }
    )
    assert codes(form, "score-claimed", "deviation") == [
        ["indicators[0].score", "score-claimed-differs"],
        ["indicators[0].deviation", "deviation-missing"],
    ]


def test_full_marks_for_a_late_deadline_are_flagged():
    late = {"indicators[2].actual": "年底前完成", "indicators[2].deviation": "受疫情影响推迟。"}
    assert codes(make_form(late), "score-full") == [
        ["indicators[2].score", "score-full-despite-shortfall"]
    ]
    # graded below full by the unit: for the reviewer only
    lowered = {**late, "indicators[2].score": 10, "total_score": 94.5}
    assert codes(make_form(lowered), "score-full") == []
    # met deadlines and quantitative shortfalls (scored by the rules) are not this finding
    assert codes(make_form(), "score-full") == []
    assert (
        codes(
            make_form({"indicators[0].actual": "90人", "indicators[0].deviation": "推迟。"}),
            "score-full",
        )
        == []
    )
