"""Arithmetic printed on the form: execution rate and score, weights, total.

These compare printed numbers with each other only (no scoring rules), so they hold
under every rule set: 执行率 = 全年执行数 / 全年预算数 on the 年度资金总额 row,
得分 = 分值 × 执行率 (capped at the weight), weights sum to 100, 总分 = the sum of
the printed scores, and no score above its weight.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import Form, indicator_path

from .context import WIDE, AuditContext, fmt, q2
from .registry import audit_check

E = Severity.ERROR

declare(
    "arith-execution-rate",
    E,
    title=("预算执行率计算错误", "Execution rate does not match the amounts"),
    message=(
        "执行率填报 {printed}%，按 全年执行数 {executed} / 全年预算数 {budget} 计算为 {computed}%{hint}",
        "The printed rate is {printed}%, but spending {executed} / annual budget {budget} = {computed}%{hint_en}",
    ),
    remedy=(
        "执行率 = 全年执行数 ÷ 全年预算数（调整后预算，非年初预算数），保留两位小数。",
        "Rate = spending ÷ annual (adjusted) budget, not the initial budget, to 2 decimals.",
    ),
    tags=("audit", "arithmetic"),
)
declare(
    "arith-execution-rate-rounding",
    Severity.WARNING,
    title=("预算执行率尾数差异", "Execution rate off in the last digit"),
    message=(
        "执行率填报 {printed}%，按 {executed} / {budget} 四舍五入为 {computed}%（差 {diff}，在容差 {tolerance} 内）",
        "The printed rate is {printed}%; {executed} / {budget} rounds to {computed}% (off by {diff}, within tolerance {tolerance})",
    ),
    remedy=("按四舍五入保留两位小数填写执行率。", "Round the rate half-up to 2 decimals."),
    tags=("audit", "arithmetic"),
)
declare(
    "arith-execution-score",
    E,
    title=("预算执行率得分计算错误", "Execution score does not match the rate"),
    message=(
        "预算执行率得分填报 {printed}，按 分值 {weight} × 执行率 {rate}% 应为 {computed}",
        "The printed execution score is {printed}; weight {weight} × rate {rate}% gives {computed}",
    ),
    remedy=(
        "得分 = 分值 × 执行率，四舍五入保留两位小数，最高不超过分值。",
        "Score = weight × rate, rounded half-up to 2 decimals, at most the weight.",
    ),
    tags=("audit", "arithmetic"),
)
declare(
    "arith-weights-sum",
    E,
    title=("分值合计不是 100", "Weights do not sum to 100"),
    message=(
        "预算执行率分值 {execution} 与指标分值合计 {indicators} 之和为 {sum}，应为 {expected}",
        "Execution weight {execution} plus indicator weights {indicators} = {sum}, should be {expected}",
    ),
    remedy=("调整各指标分值，使合计为 100 分。", "Adjust the weights so that they sum to 100."),
    tags=("audit", "arithmetic"),
)
declare(
    "arith-total",
    E,
    title=("总分与各项得分之和不符", "Total does not add up"),
    message=(
        "总分填报 {printed}，预算执行率得分与各指标得分合计为 {computed}",
        "The printed total is {printed}; execution score plus indicator scores = {computed}",
    ),
    remedy=(
        "总分应等于预算执行率得分加各指标得分。",
        "The total must equal the execution score plus every indicator score.",
    ),
    tags=("audit", "arithmetic"),
)
declare(
    "score-above-weight",
    E,
    title=("得分超过分值", "Score above its weight"),
    message=(
        "{what}得分 {score} 超过分值 {weight}",
        "{what_en}: score {score} is above its weight {weight}",
    ),
    remedy=(
        "得分不得超过分值；超额完成不加分。",
        "A score can never exceed its weight; over-achievement earns no bonus.",
    ),
    tags=("audit", "arithmetic"),
)
declare(
    "score-negative",
    E,
    title=("得分或分值为负数", "Negative score or weight"),
    message=("{what}的{label}为负数：{value}", "{what_en}: negative {label_en} {value}"),
    remedy=("分值和得分不能为负数。", "Weights and scores are never negative."),
    tags=("audit", "arithmetic"),
)


def execution_rate(form: Form) -> Decimal | None:
    """全年执行数 / 全年预算数 × 100 on the total row, unrounded; ``None`` if not computable."""
    total = form.funds.total
    if total.executed is None or not total.annual_budget:
        return None
    return total.executed / total.annual_budget * 100


def half_unit(value: Decimal, form: Form) -> Decimal:
    """How far a printed amount may be from the true one through rounding.

    Amounts in 元 are taken as exact; in 万元 (or another unit) a printed amount is
    the true one rounded to its last printed digit (1041.1 万元 is 1041.05–1041.15).
    """
    if form.unit == "元":
        return Decimal(0)
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def _quantize_like(value: Decimal, printed: Decimal) -> Decimal:
    """``value`` rounded half-up to the printed precision (2 decimals at most)."""
    raw_exponent = printed.as_tuple().exponent
    exponent = max(raw_exponent, -2) if isinstance(raw_exponent, int) else -2
    return value.quantize(Decimal(1).scaleb(exponent), context=WIDE)


@audit_check("arith-execution-rate", "arith-execution-rate-rounding")
def check_execution_rate(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    printed = form.execution.rate_percent
    raw = execution_rate(form)
    if printed is None or raw is None:
        return
    total = form.funds.total
    assert total.executed is not None and total.annual_budget is not None
    # every rate the printed amounts allow, rounded as the form prints its rate
    de, db = half_unit(total.executed, form), half_unit(total.annual_budget, form)
    candidates = [_quantize_like(raw, printed)]
    if (de or db) and total.annual_budget > db:
        low = (total.executed - de) / (total.annual_budget + db) * 100
        high = (total.executed + de) / (total.annual_budget - db) * 100
        candidates = [_quantize_like(low, printed), _quantize_like(high, printed)]
    if min(candidates) <= printed <= max(candidates):
        return
    computed = min(candidates, key=lambda c: abs(c - printed))
    diff = abs(printed - computed)
    params = {
        "printed": fmt(printed),
        "computed": fmt(computed),
        "executed": fmt(total.executed),
        "budget": fmt(total.annual_budget),
        "diff": fmt(diff),
        "tolerance": fmt(ctx.config.rate_tolerance),
    }
    if diff <= ctx.config.rate_tolerance:
        yield ctx.issue("arith-execution-rate-rounding", "execution.rate_percent", **params)
        return
    hint = hint_en = ""
    initial = total.initial_budget
    by_initial = _quantize_like(total.executed / initial * 100, printed) if initial else None
    if by_initial == printed and initial != total.annual_budget:
        hint = "（填报值是按年初预算数计算的）"
        hint_en = " (the printed rate divides by the initial budget)"
    yield ctx.issue(
        "arith-execution-rate", "execution.rate_percent", hint=hint, hint_en=hint_en, **params
    )


@audit_check("arith-execution-score")
def check_execution_score(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    ex = form.execution
    if ex.score is None or ex.weight is None:
        return
    # Either the printed rate or the amounts justify the score: a wrong rate is
    # reported once, by check_execution_rate, not again here.
    rates = [r for r in (ex.rate_percent, execution_rate(form)) if r is not None]
    if not rates:
        return
    candidates = [min(ex.weight, q2(ex.weight * r / 100)) for r in rates]
    if any(abs(ex.score - c) <= ctx.config.score_tolerance for c in candidates):
        return
    rate = ex.rate_percent if ex.rate_percent is not None else q2(rates[0])
    yield ctx.issue(
        "arith-execution-score",
        "execution.score",
        printed=fmt(ex.score),
        weight=fmt(ex.weight),
        rate=fmt(rate),
        computed=fmt(candidates[0]),
    )


@audit_check("arith-weights-sum")
def check_weights_sum(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    weights = [ind.weight for ind in form.indicators]
    if not form.indicators or any(w is None for w in weights):
        return  # missing weights are reported by the structure checks
    indicators = sum((w for w in weights if w is not None), Decimal(0))
    execution = form.execution.weight or Decimal(0)
    total = execution + indicators
    if total != ctx.config.full_marks:
        yield ctx.issue(
            "arith-weights-sum",
            "indicators",
            execution=fmt(execution),
            indicators=fmt(indicators),
            sum=fmt(total),
            expected=fmt(ctx.config.full_marks),
        )


@audit_check("arith-total")
def check_total(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    printed = form.total_score
    scores = [ind.score for ind in form.indicators]
    if printed is None or any(s is None for s in scores):
        return
    computed = sum((s for s in scores if s is not None), form.execution.score or Decimal(0))
    if abs(printed - computed) > ctx.config.score_tolerance:
        yield ctx.issue("arith-total", "total_score", printed=fmt(printed), computed=fmt(computed))


@audit_check("score-above-weight", "score-negative")
def check_score_bounds(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    ex = form.execution
    rows = [(-1, ex.weight, ex.score)] + [
        (i, ind.weight, ind.score) for i, ind in enumerate(form.indicators)
    ]
    for i, weight, score in rows:
        bad_weight = weight is not None and weight < 0
        bad_score = score is not None and score < 0
        above = weight is not None and score is not None and score > weight
        if not (bad_weight or bad_score or above):
            continue
        if i < 0:
            base, what, what_en = "execution", "预算执行率", "Budget execution"
        else:
            name = form.indicators[i].name or ""
            base, what, what_en = (
                indicator_path(i),
                f"第 {i + 1} 项指标“{name}”",
                f"Indicator {i + 1} “{name}”",
            )
        for attr, value, bad, label, label_en in (
            ("weight", weight, bad_weight, "分值", "weight"),
            ("score", score, bad_score, "得分", "score"),
        ):
            if bad:
                yield ctx.issue(
                    "score-negative",
                    f"{base}.{attr}",
                    what=what,
                    what_en=what_en,
                    label=label,
                    label_en=label_en,
                    value=fmt(value),
                )
        if above:
            yield ctx.issue(
                "score-above-weight",
                f"{base}.score",
                what=what,
                what_en=what_en,
                score=fmt(score),
                weight=fmt(weight),
            )
