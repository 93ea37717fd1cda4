from jixiao.core.audit import check
from jixiao.core.issues import flatten

from .conftest import make_form


def codes(form, prefix):
    return flatten(check(form, select=[prefix]), "field", "code")


def test_base_form_is_clean():
    assert check(make_form()) == []


def test_header_checks():
    assert codes(make_form(year=None), "header") == [["year", "header-missing-year"]]
    assert codes(make_form(year=1899), "header") == [["year", "header-year-implausible"]]
    assert codes(make_form(project_name="  "), "header") == [
        ["project_name", "header-missing-project-name"]
    ]
    assert codes(make_form(implementing_unit="—", department=None), "header") == [
        ["department", "header-missing-agency"],
        ["implementing_unit", "header-missing-agency"],
    ]


def test_issue_names_the_form_and_source_file():
    (issue,) = check(make_form(year=None), select=["header"])
    assert issue.form == "示例培训项目"
    assert issue.location.file == "example.json"
    assert "年度" in issue.message("zh") and "year" in issue.message("en")


def test_empty_indicator_cells():
    form = make_form(
        {
            "indicators[2].name": "",
            "indicators[2].level1": None,
            "indicators[3].target": "-",
            "indicators[3].actual": None,
            "indicators[4].weight": None,
            "indicators[4].score": None,
        }
    )
    assert codes(form, "structure") == [
        ["indicators[2].name", "structure-empty-name"],
        ["indicators[2].level1", "structure-empty-level"],
        ["indicators[3].target", "structure-empty-target"],
        ["indicators[3].actual", "structure-empty-actual"],
        ["indicators[4].weight", "structure-missing-weight"],
        ["indicators[4].score", "structure-missing-score"],
    ]


def test_no_indicators():
    assert codes(make_form(indicators=[]), "structure") == [
        ["indicators", "structure-no-indicators"]
    ]


def test_duplicate_name_points_at_the_repeat():
    form = make_form({"indicators[3].name": "考试 通过率"})
    (issue,) = check(form, select=["structure-duplicate-name"])
    assert issue.location.field == "indicators[3].name" and issue.params["first"] == 2


def test_framework_pairs():
    form = make_form(
        {
            "indicators[0].level2": "数量",
            "indicators[1].level2": "效率指标",
            "indicators[3].level1": "效果指标",
        }
    )
    # "数量" is read as 数量指标; 效率指标 is no 产出 sub-group; 效果指标 no 一级 at all
    assert codes(form, "structure-unknown-level") == [
        ["indicators[1].level2", "structure-unknown-level"],
        ["indicators[3].level1", "structure-unknown-level"],
    ]
    # ... and without any 效益指标 left, that group is reported missing
    assert codes(form, "structure-missing-level1") == [["indicators", "structure-missing-level1"]]


def test_cost_indicators_as_own_level1_are_known():
    form = make_form({"indicators[1].level1": "成本指标", "indicators[1].level2": "经济成本指标"})
    assert codes(form, "structure") == []


def test_missing_printed_cells():
    form = make_form({"execution.weight": None, "execution.score": None, "total_score": None})
    assert codes(form, "structure") == [
        ["execution.weight", "structure-missing-execution"],
        ["execution.score", "structure-missing-execution"],
        ["total_score", "structure-missing-total"],
    ]


def test_goals():
    assert codes(make_form({"goals.expected": None, "goals.actual": " "}), "goals") == [
        ["goals.expected", "goals-missing"],
        ["goals.actual", "goals-missing"],
    ]
