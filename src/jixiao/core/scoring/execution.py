"""预算执行率 score: weight × 全年执行数 / 全年预算数, rounded half-up, capped at the weight.

The score is computed from the exact quotient, not from the printed (rounded) rate:
that is what reproduces the Shanghai forms (3138486 / 6890000 = 45.551…%, printed
45.56%, score 4.56) and it keeps a mistyped printed rate from leaking into the score.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.model import FUND_COLUMN_LABELS, Form

from .result import ExecutionScore, num, q2
from .rules import RuleSet

_COLUMN_EN = {
    "initial_budget": "initial budget",
    "annual_budget": "annual budget",
    "executed": "executed",
}


def score_execution(form: Form, rules: RuleSet) -> ExecutionScore:
    weight = form.execution.weight if form.execution.weight is not None else rules.execution_weight
    row = form.funds.total
    base = row.get(rules.rate_base)
    executed = row.executed
    base_zh = FUND_COLUMN_LABELS.get(rules.rate_base, rules.rate_base)
    base_en = _COLUMN_EN.get(rules.rate_base, rules.rate_base)
    if base is not None and executed is not None and base > 0:
        rate = executed / base
        rate_percent = q2(rate * 100)
        raw = q2(weight * rate)
        score = min(weight, raw)
        cap_zh = f"，超过分值按 {num(weight)} 计" if raw > weight else ""
        cap_en = f", capped at the weight {num(weight)}" if raw > weight else ""
        return ExecutionScore(
            rate_percent,
            score,
            f"执行率 = 全年执行数 {num(executed)} / {base_zh} {num(base)} = {num(rate_percent)}%；"
            f"得分 = {num(weight)} × {num(executed)} / {num(base)} = {num(raw)}{cap_zh}",
            f"rate = executed {num(executed)} / {base_en} {num(base)} = {num(rate_percent)}%; "
            f"score = {num(weight)} × {num(executed)} / {num(base)} = {num(raw)}{cap_en}",
            weight,
        )
    printed = form.execution.rate_percent
    if printed is not None:
        raw = q2(weight * printed / Decimal(100))
        score = min(weight, raw)
        return ExecutionScore(
            printed,
            score,
            f"资金数不全，按表上执行率计算：{num(weight)} × {num(printed)}% = {num(score)}",
            f"amounts incomplete; from the printed rate: {num(weight)} × {num(printed)}% = {num(score)}",
            weight,
        )
    return ExecutionScore(
        None,
        None,
        f"缺少全年执行数或{base_zh}，无法计算执行率",
        f"the executed amount or the {base_en} is missing; no rate can be computed",
        weight,
    )
