"""``score_form``: the execution score, every indicator's score, the total and grade.

Not-applicable indicators (不适用) are dropped and the remaining indicator weights are
scaled up so that they still sum to what all indicator weights summed to (按百分制折算:
the form keeps its 100 points; the execution weight is untouched). The total is the
execution score plus the indicator scores that could be computed; it is ``None`` when
the execution score cannot be computed, because then no total would be comparable.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from jixiao.core.grammar import NotApplicable, parse
from jixiao.core.model import Form

from .execution import score_execution
from .indicators import cache_for, score_indicator
from .result import FormScore, IndicatorScore, Judgement, q2
from .rules import RuleSet, get_rule_set

ZERO = Decimal(0)


# Bounded at 8192 so a batch worker's memory stays flat (the repeated cells stay cached;
# 65536 entries grew a worker by ~150 MB over 30k forms for no measurable speed).
@lru_cache(maxsize=8192)
def _not_applicable(text: str | None) -> bool:
    return isinstance(parse(text), NotApplicable)


def _rescale_factor(form: Form) -> Decimal | None:
    """all-weights / applicable-weights when some rows are 不适用, else None."""
    total = applicable = ZERO
    dropped = False
    for ind in form.indicators:
        if ind.weight is None:
            continue
        total += ind.weight
        if _not_applicable(ind.target) or _not_applicable(ind.actual):
            dropped = True
        else:
            applicable += ind.weight
    if not dropped or applicable <= 0:
        return None
    return total / applicable


def score_form(
    form: Form,
    rules: RuleSet | str = "shanghai-2022",
    judgements: Mapping[int, Judgement] | None = None,
) -> FormScore:
    """Score ``form`` under ``rules``; ``judgements`` maps indicator index → reviewer grade."""
    rule_set = get_rule_set(rules) if isinstance(rules, str) else rules
    judgements = judgements or {}
    execution = score_execution(form, rule_set)
    factor = _rescale_factor(form)
    scores: list[IndicatorScore] = []
    row = cache_for(rule_set)  # looked up once per form: hashing a RuleSet is not free
    for i, ind in enumerate(form.indicators):
        weight = (
            ind.weight * factor if factor is not None and ind.weight is not None else ind.weight
        )
        judgement = judgements.get(i) if judgements else None
        if judgement is None:
            scores.append(
                IndicatorScore(
                    i, *row(ind.target, ind.actual, ind.weight, ind.score, weight, factor)
                )
            )
        else:
            scores.append(score_indicator(i, ind, rule_set, weight, factor, judgement))
    total: Decimal | None = None
    if execution.score is not None:
        total = q2(execution.score + sum((s.score for s in scores if s.score is not None), ZERO))
    return FormScore(rule_set.name, execution, tuple(scores), total, rule_set.grade(total))
