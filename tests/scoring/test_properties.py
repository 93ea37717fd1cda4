"""Scoring arbitrary (even nonsensical) forms never raises and stays within the weights."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.core.model import Execution, Form, FundRow, Funds, Indicator
from jixiao.core.scoring import STATUSES, q2, score_form
from tests.strategies import form


@settings(max_examples=150, deadline=None)
@given(form)
def test_scores_are_bounded_and_explained(f: Form) -> None:
    for rules in ("shanghai-2022", "national-2020"):
        result = score_form(f, rules)
        if result.execution.score is not None:
            assert (
                Decimal(0)
                <= result.execution.score
                <= (f.execution.weight if f.execution.weight is not None else 10)
            )
        for s in result.indicators:
            assert s.status in STATUSES
            assert s.explanation_zh and s.explanation_en
            if s.score is not None and s.weight is not None:
                assert Decimal(0) <= s.score <= s.weight
        assert result.grade is None or result.grade in "优良中差"


huge = st.decimals(
    min_value=0, max_value=Decimal("1e45"), places=2, allow_nan=False, allow_infinity=False
)


@settings(max_examples=150, deadline=None)
@given(
    huge,
    huge,
    huge,
    huge,
    st.sampled_from(["人", "%", "万元", "天", ""]),
    st.sampled_from([">=", "<=", "=", ""]),
)
def test_absurd_numbers_do_not_raise(
    annual: Decimal, executed: Decimal, weight: Decimal, number: Decimal, unit: str, op: str
) -> None:
    ind = Indicator(
        "产出指标", "数量指标", "x", f"{op}{number}{unit}", f"{executed}{unit}", weight, weight
    )
    f = Form(
        funds=Funds(total=FundRow(annual, annual, executed)),
        execution=Execution(weight),
        indicators=(ind,),
    )
    for rules in ("shanghai-2022", "national-2020"):
        result = score_form(f, rules)
        s = result.indicators[0]
        assert s.score is None or Decimal(0) <= s.score <= q2(weight)
