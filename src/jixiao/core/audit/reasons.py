"""偏差原因分析: a score below its weight, or low spending, must be explained.

A missing reason where an indicator lost points (by the unit's own claim or by the
rules) is an error: the national form and every local note require it. Low budget
execution has no reason cell on the Shanghai form, and only some provinces demand a
written reason below 90%, so that finding is an info.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import Form, indicator_path

from .arithmetic import execution_rate
from .context import AuditContext, blank, fmt, q2
from .registry import audit_check
from .scores import on_printed_weight

declare(
    "deviation-missing",
    Severity.ERROR,
    title=("未填写偏差原因", "Missing reason for a shortfall"),
    message=(
        "第 {n} 项指标“{name}”{basis}得分 {score} 低于分值 {weight}，但未填写偏差原因分析及改进措施",
        "Indicator {n} “{name}” scores {score} of {weight} ({basis_en}) but gives no reason for the shortfall",
    ),
    remedy=(
        "在“偏差原因分析及改进措施”栏说明未完成的原因和改进措施。",
        "Explain in 偏差原因分析及改进措施 why the target was missed and what will be done.",
    ),
    tags=("audit", "reason"),
)
declare(
    "execution-low",
    Severity.INFO,
    title=("预算执行率偏低", "Low budget execution"),
    message=(
        "预算执行率 {rate}% 低于 {threshold}%，部分地区要求说明原因",
        "Budget execution {rate}% is below {threshold}%; some provinces require a written reason",
    ),
    remedy=(
        "在偏差原因分析中说明执行率偏低的原因（如预算调整、项目延期）及改进措施。",
        "Explain the low execution (budget cuts, delays …) and the remedy in the deviation analysis.",
    ),
    tags=("audit", "reason"),
)


_NO_REASON = frozenset({"无", "无。", "没有", "暂无", "无偏差", "不存在偏差", "未偏差"})
"""Words that fill the cell without giving a reason."""


def no_reason(text: str | None) -> bool:
    return blank(text) or "".join((text or "").split()) in _NO_REASON


def _not_applicable(ctx: AuditContext, i: int) -> bool:
    return bool(ctx.evaluation(i).direction == "not-applicable")


@audit_check("deviation-missing")
def check_deviation_reason(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    for i, ind in enumerate(form.indicators):
        if ind.weight is None or not no_reason(ind.deviation):
            continue
        if ind.score is not None and ind.score < ind.weight:
            basis, basis_en, score = "自评", "as claimed", ind.score
        else:
            # claimed full marks (or nothing): the rules may still say otherwise
            computed = _computed(ctx, i, ind.weight)
            if computed is None or computed >= ind.weight or _not_applicable(ctx, i):
                continue
            basis, basis_en, score = "按评分规则", "by the rules", computed
        yield ctx.issue(
            "deviation-missing",
            indicator_path(i, "deviation"),
            n=i + 1,
            name=ind.name or "",
            basis=basis,
            basis_en=basis_en,
            score=fmt(score),
            weight=fmt(ind.weight),
        )


def _computed(ctx: AuditContext, i: int, weight: Decimal) -> Decimal | None:
    s = ctx.indicator_score(i)
    if s is None or s.status == "not-applicable":
        return None
    return on_printed_weight(s, weight)


@audit_check("execution-low")
def check_execution_low(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    threshold = ctx.config.execution_reason_below
    if threshold is None:
        return
    # the amounts decide; a wrong printed rate is reported by the arithmetic checks
    raw = execution_rate(form)
    rate = q2(raw) if raw is not None else form.execution.rate_percent
    if rate is not None and rate < threshold:
        yield ctx.issue(
            "execution-low", "execution.rate_percent", rate=fmt(rate), threshold=fmt(threshold)
        )
