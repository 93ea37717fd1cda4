"""One test per scoring rule, on tiny forms written in the domain's notation."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from jixiao.core.model import Execution, Form, FundRow, Funds, Indicator
from jixiao.core.scoring import (
    DEFAULT_RULES,
    RULE_SETS,
    FormScore,
    IndicatorScore,
    Judgement,
    get_rule_set,
    q2,
    score_form,
)

SH = get_rule_set("shanghai-2022")
NAT = get_rule_set("national-2020")


def form(
    *rows: tuple[str, str, int | str, int | str | None],
    annual: int | None = 1000,
    executed: int | None = 1000,
) -> Form:
    """rows: (target, actual, weight, claimed)."""
    inds = tuple(
        Indicator(
            "产出指标", "数量指标", f"指标{i}", t, a, D(str(w)), None if c is None else D(str(c))
        )
        for i, (t, a, w, c) in enumerate(rows)
    )
    a, e = (None if v is None else D(v) for v in (annual, executed))
    funds = Funds(total=FundRow(a, a, e))
    return Form(project_name="测试", funds=funds, execution=Execution(D(10)), indicators=inds)


def one(
    target: str,
    actual: str,
    weight: int | str = 10,
    claimed: int | str | None = None,
    rules: object = SH,
) -> IndicatorScore:
    return score_form(form((target, actual, weight, claimed)), rules).indicators[0]  # type: ignore[arg-type]


# -- execution ---------------------------------------------------------------------


def test_execution_rate_from_annual_budget() -> None:
    result = score_form(form(annual=11618500, executed=10411006))
    assert (result.execution.rate_percent, result.execution.score) == (D("89.61"), D("8.96"))


def test_execution_is_capped_at_its_weight() -> None:
    result = score_form(form(annual=100, executed=120))
    assert result.execution.score == D(10)
    assert "超过分值按 10 计" in result.execution.explanation_zh


def test_execution_uses_the_form_weight_or_10() -> None:
    f = form(annual=100, executed=50)
    assert score_form(replace(f, execution=Execution(D(20)))).execution.score == D(10)
    assert score_form(replace(f, execution=Execution(None))).execution.score == D(5)


def test_execution_half_up_rounding() -> None:
    # 10 × 4555 / 10000 = 4.555 → 4.56 (half-up, not banker's 4.56/4.55)
    assert score_form(form(annual=10000, executed=4555)).execution.score == D("4.56")
    assert score_form(form(annual=10000, executed=4545)).execution.score == D("4.55")


def test_execution_falls_back_to_the_printed_rate_then_gives_up() -> None:
    f = replace(form(annual=None), execution=Execution(D(10), D("80.5"), None))
    result = score_form(f)
    assert result.execution.score == D("8.05")
    assert "表上执行率" in result.execution.explanation_zh
    none = score_form(form(annual=None))
    assert none.execution.score is None and none.total is None and none.grade is None


# -- positive ------------------------------------------------------------------------


def test_positive_met_is_full_without_bonus() -> None:
    s = one(">=4000人", "8000人", 3)
    assert (s.score, s.status, s.rule) == (D(3), "met", "positive")


@pytest.mark.parametrize(
    ("target", "actual", "weight", "score"),
    [
        (">=135人", "131人", 2, "1.94"),
        (">=50期", "35期", 3, "2.1"),
        ("=100%", "60%", 3, "1.8"),
        (">=45人", "0", 2, "0"),
    ],
)
def test_positive_shortfall_is_proportional(
    target: str, actual: str, weight: int, score: str
) -> None:
    s = one(target, actual, weight)
    assert s.score == D(score)
    assert s.status == ("missed" if score == "0" else "partial")


def test_bare_number_target_reads_as_positive_and_says_so() -> None:
    s = one("100%", "90%", 10)
    assert s.score == D(9)
    assert "未写比较符" in s.explanation_zh and "no operator" in s.explanation_en


def test_scale_within_a_family() -> None:
    s = one(">=45万页", "360000页", 10)
    assert s.score == D(8)
    assert "36万页 / 45万页 × 10 = 8（实际值 360000页 折合 36万页）" in s.explanation_zh


def test_over_achievement_penalty_is_an_option() -> None:
    assert one(">=100人", "140人", 5).score == D(5)
    strict = replace(SH, name="strict", over_achievement_zero_above=D("0.3"))
    s = one(">=100人", "140人", 5, rules=strict)
    assert (s.score, s.rule) == (D(0), "over-achievement")
    assert one(">=100人", "130人", 5, rules=strict).score == D(5)


# -- reverse ---------------------------------------------------------------------------


def test_reverse_met() -> None:
    assert one("<=5天", "3天", 4).status == "met"


def test_reverse_ratio_formula() -> None:
    s = one("<=5天", "8天", 4, rules=NAT)
    assert (s.score, s.rule) == (D("2.5"), "reverse-ratio")
    assert "5天 / 8天 × 4 = 2.5" in s.explanation_zh


def test_reverse_linear_formula_floored_at_zero() -> None:
    s = one("<=5天", "6天", 4, rules=SH)
    assert (s.score, s.rule) == (D("3.2"), "reverse-linear")
    assert one("<=5天", "11天", 4, rules=SH).score == D(0)


def test_rule_sets_differ_on_reverse_only_where_documented() -> None:
    assert SH.reverse_formula != NAT.reverse_formula
    assert (
        replace(
            SH,
            name=NAT.name,
            title_zh=NAT.title_zh,
            title_en=NAT.title_en,
            reverse_formula=NAT.reverse_formula,
            basis=NAT.basis,
        )
        == NAT
    )


# -- equality and ranges ----------------------------------------------------------------


def test_equality_above_is_full_by_default_and_reverse_as_option() -> None:
    assert one("=1期/月", "3期/月", 5).score == D(5)
    reverse = replace(NAT, equal_above="reverse")
    assert one("=1期/月", "4期/月", 4, rules=reverse).score == D(1)


@pytest.mark.parametrize(
    ("actual", "score", "status"),
    [
        ("343人", "3", "met"),
        ("300人", "3", "met"),
        ("240人", "2.4", "partial"),
        ("500人", "2.4", "partial"),
    ],
)
def test_range_inside_full_outside_nearest_bound(actual: str, score: str, status: str) -> None:
    s = one("300-400人", actual, 3)
    assert (s.score, s.status) == (D(score), status)
    if status == "partial":
        assert "推定" in s.explanation_zh and "assumed" in s.explanation_en


# -- deadlines, yes/no, qualitative ----------------------------------------------------


@pytest.mark.parametrize("actual", ["按期完成", "及时", "按时完成", "按要求完成", "5月底前完成"])
def test_deadline_met(actual: str) -> None:
    assert one("6月底前", actual, 3, 1).score == D(3)


def test_late_completion_needs_judgement_and_keeps_the_claim() -> None:
    s = one("6月底前", "年底前完成", 3, 2)
    assert (s.status, s.score, s.claimed) == ("needs-judgement", D(2), D(2))
    assert one("6月底前", "未完成", 3, 0).status == "needs-judgement"


def test_yes_no() -> None:
    assert one("是", "是", 4).score == D(4)
    assert (one("无", "有", 4).score, one("无", "有", 4).status) == (D(0), "missed")


def test_qualitative_keeps_claim_until_judged() -> None:
    s = one("健全", "健全", 2, 2)
    assert (s.status, s.score, s.rule) == ("needs-judgement", D(2), "qualitative")
    assert "一致" in s.explanation_zh


def test_kept_claim_never_exceeds_the_weight() -> None:
    s = one("健全", "健全", 2, 5)
    assert s.score == D(2)
    assert "超出" in s.explanation_zh


def test_unit_family_mismatch_needs_judgement() -> None:
    s = one(">=500人", "899人次", 9, 9)
    assert (s.status, s.score) == ("needs-judgement", D(9))
    assert "人次" in s.explanation_zh


def test_empty_actual_is_unscorable() -> None:
    s = one(">=90%", "", 5, 5)
    assert (s.status, s.score) == ("unscorable", None)


# -- judgements -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("judgement", "claimed", "score", "status"),
    [
        (Judgement("achieved"), 10, "10", "met"),
        (Judgement("achieved", D("8.5")), 10, "8.5", "met"),
        (Judgement("partial"), 10, "8", "partial"),  # claim clamped into 60–80%
        (Judgement("partial", D(5)), 10, "6", "partial"),
        (Judgement("missed", D(3)), 10, "3", "missed"),
        (Judgement("missed"), None, "6", "missed"),  # no score, no claim: top of the band
    ],
)
def test_judgement_bands(
    judgement: Judgement, claimed: int | None, score: str, status: str
) -> None:
    f = form(("健全", "基本健全", 10, claimed))
    s = score_form(f, judgements={0: judgement}).indicators[0]
    assert (s.score, s.status, s.rule) == (D(score), status, "judgement")
    assert "评审判定" in s.explanation_zh


# -- not applicable, totals, grades -----------------------------------------------------


def test_not_applicable_rows_are_dropped_and_weights_rescaled() -> None:
    f = form((">=10人", "10人", 40, 40), (">=10人", "不适用", 10, 10), ("=100%", "100%", 40, 40))
    result = score_form(f)
    na = result.indicators[1]
    assert (na.status, na.score) == ("not-applicable", None)
    assert [s.score for s in (result.indicators[0], result.indicators[2])] == [D(45), D(45)]
    assert result.total == D(100)
    assert "百分制" in result.indicators[0].explanation_zh


@pytest.mark.parametrize(("executed", "grade"), [(1000, "优"), (0, "良"), (None, None)])
def test_total_and_grade(executed: int | None, grade: str | None) -> None:
    f = form((">=10人", "10人", 80, 80), (">=10人", "5人", 10, 5), executed=executed)
    result = score_form(f)
    if executed is None:
        assert result.total is None
    else:
        assert result.total == D(85) + D(executed) / 100
    assert result.grade == grade


@pytest.mark.parametrize(
    ("total", "grade"),
    [("90", "优"), ("89.99", "良"), ("80", "良"), ("60", "中"), ("59.99", "差"), ("0", "差")],
)
def test_grade_thresholds(total: str, grade: str) -> None:
    assert SH.grade(D(total)) == grade


def test_half_up_two_decimals() -> None:
    assert q2(D("2.345")) == D("2.35")
    assert q2(D("2.344")) == D("2.34")
    assert str(q2(D("3.000"))) == "3" and str(q2(D("2.10"))) == "2.1"


# -- API ---------------------------------------------------------------------------------


def test_rule_set_registry() -> None:
    assert {"national-2020", "shanghai-2022"} <= set(RULE_SETS)
    assert DEFAULT_RULES == "shanghai-2022"
    assert score_form(form()).rules == "shanghai-2022"
    with pytest.raises(KeyError, match="known"):
        get_rule_set("mars-2099")


def test_to_dict_shape_and_language() -> None:
    result: FormScore = score_form(form((">=135人", "131人", 2, "1.94")))
    zh, en = result.to_dict(), result.to_dict("en")
    assert set(zh) == {
        "rules",
        "execution_score",
        "execution_explanation",
        "indicators",
        "total",
        "grade",
    }
    assert set(zh["indicators"][0]) == {
        "index",
        "score",
        "claimed",
        "status",
        "rule",
        "explanation",
    }
    assert isinstance(zh["execution_score"], D) and isinstance(zh["indicators"][0]["score"], D)
    assert zh["indicators"][0]["explanation"].startswith("未达成")
    assert en["indicators"][0]["explanation"].startswith("not met")


def test_cached_rows_keep_their_own_index() -> None:
    f = form((">=10人", "5人", 10, 5), (">=10人", "5人", 10, 5))
    assert [s.index for s in score_form(f).indicators] == [0, 1]


def test_generated_forms_score_as_claimed() -> None:
    from jixiao.synth import generate_forms

    for f in generate_forms(200, seed=7):
        result = score_form(f)
        assert result.total == f.total_score
        assert all(s.score == s.claimed for s in result.indicators if s.status != "needs-judgement")


def test_exact_half_rounds_up_as_on_paper() -> None:
    """17 × 276 / 544 is exactly 8.625: multiplied before dividing, it rounds to 8.63."""
    from decimal import Decimal as D

    from jixiao.core.model import Form, Indicator
    from jixiao.core.scoring import score_form

    ind = Indicator("产出指标", "数量指标", "电子化页数", ">=544万页", "276万页", D(17), D("8.63"), "原因")
    result = score_form(Form(indicators=(ind,)), "shanghai-2022")
    assert result.indicators[0].score == D("8.63")
    ind = Indicator("产出指标", "时效指标", "响应时间", "<=544分钟", "1088分钟", D(17), None, "原因")
    assert score_form(Form(indicators=(ind,)), "national-2020").indicators[0].score == D("8.50")
