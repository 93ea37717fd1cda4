"""Scoring arbitrary (even nonsensical) forms never raises and stays within the weights."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings

from jixiao.core.model import Form
from jixiao.core.scoring import STATUSES, score_form
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
