"""Evidence on the four hand-checked Shanghai forms: the rules reproduce what was printed."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.core.model import Form
from jixiao.core.scoring import RULE_SETS, score_form
from jixiao.formats.interchange import load_path

GOLD = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "jixiao"
    / "data"
    / "samples"
    / "shanghai-2022-part1.gold.json"
)


@pytest.fixture(scope="module")
def forms() -> list[Form]:
    loaded, issues = load_path(GOLD)
    assert issues == []
    assert len(loaded) == 4
    return loaded


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_execution_score_and_total_reproduce_the_printed_ones(
    forms: list[Form], rules: str
) -> None:
    for form in forms:
        result = score_form(form, rules)
        assert result.execution.score == form.execution.score, form.project_name
        assert result.total == form.total_score, form.project_name
        assert result.grade == "优"


def test_every_rule_scored_indicator_matches_its_claim(forms: list[Form]) -> None:
    for form in forms:
        for s in score_form(form).indicators:
            assert s.score == s.claimed, (form.project_name, s.index, s.explanation_zh)
            if s.status in ("met", "partial", "missed"):
                assert s.rule in ("positive", "equal", "range", "deadline")


def test_only_the_late_audit_cannot_be_confirmed(forms: list[Form]) -> None:
    open_items = [
        (form.project_name, s.index)
        for form in forms
        for s in score_form(form).indicators
        if s.status not in ("met", "partial", "missed") and s.rule != "qualitative"
    ]
    assert open_items == [("组织部门建设和管理工作经费", 14)]
    late = score_form(forms[1]).indicators[14]
    assert forms[1].indicators[14].name == "事业单位审计完成"
    assert (late.status, late.rule, late.score, late.claimed) == (
        "needs-judgement",
        "deadline",
        D(2),
        D(2),
    )
    assert "晚于时限" in late.explanation_zh
    # every other indicator the rules cannot grade is a qualitative one
    for form in forms:
        for s in score_form(form).indicators:
            if s.status == "needs-judgement" and (form.project_name, s.index) not in open_items:
                assert s.rule == "qualitative"


@pytest.mark.parametrize(
    ("form_index", "indicator", "text", "score"),
    [
        (0, 8, "131人 / 135人 × 2 = 1.94", D("1.94")),
        (0, 7, "0人 / 45人 × 2 = 0", D(0)),
        (1, 5, "35期 / 50期 × 3 = 2.1", D("2.1")),
        (1, 7, "60% / 100% × 3 = 1.8", D("1.8")),
    ],
)
def test_shortfalls_are_proportional_and_explained(
    forms: list[Form], form_index: int, indicator: int, text: str, score: D
) -> None:
    s = score_form(forms[form_index]).indicators[indicator]
    assert s.score == score
    assert text in s.explanation_zh
    assert text in s.explanation_en


def test_execution_explanations(forms: list[Form]) -> None:
    first = score_form(forms[0]).execution
    assert first.rate_percent == D("89.61")
    assert "10411006 / 全年预算数 11618500 = 89.61%" in first.explanation_zh
    assert first.explanation_zh.endswith("= 8.96")
    third = score_form(forms[2]).execution
    assert (third.rate_percent, third.score) == (
        D("45.55"),
        D("4.56"),
    )  # printed 45.56: the audit's business
