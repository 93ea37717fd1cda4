"""Weak indicators: what a reviewer flags even when the arithmetic is right.

The findings of 财政部门 reviews (see docs/reference): targets and actuals in
different units (人 vs 人次), an 实际完成值 that only repeats a qualitative 年度指标值
(no evidence of what was done), targets far exceeded (set too low to steer anything),
and forms where most of the weight sits on qualitative targets. None of these makes a
score wrong, so they are warnings or infos, never errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import Form, indicator_path

from .context import AuditContext, fmt, q2
from .registry import audit_check

declare(
    "unit-family-mismatch",
    Severity.WARNING,
    title=("指标值与实际值单位不一致", "Target and actual in different units"),
    message=(
        "第 {n} 项指标“{name}”：年度指标值“{target}”与实际完成值“{actual}”的单位不是同一类，不能直接比较",
        "Indicator {n} “{name}”: target “{target}” and actual “{actual}” are in units of different kinds and cannot be compared",
    ),
    remedy=(
        "用同一计量单位填写指标值和实际值（如“人”与“人次”不同）。",
        "State target and actual in the same unit (人 and 人次 count different things).",
    ),
    tags=("audit", "indicator"),
)
declare(
    "actual-repeats-target",
    Severity.WARNING,
    title=("实际完成值只是重复指标值", "Actual only repeats the target"),
    message=(
        "第 {n} 项指标“{name}”：实际完成值“{actual}”只是重复了定性的年度指标值，没有说明实际完成情况",
        "Indicator {n} “{name}”: the actual “{actual}” only repeats the qualitative target; it says nothing about what was done",
    ),
    remedy=(
        "写明实际完成了什么（数量、事实、佐证材料），而不是照抄指标值。",
        "Say what was actually achieved (figures, facts, evidence) instead of copying the target.",
    ),
    tags=("audit", "indicator"),
)
declare(
    "target-too-low",
    Severity.WARNING,
    title=("指标值设定过低", "Target set too low"),
    message=(
        "第 {n} 项指标“{name}”：实际完成 {actual} 是年度指标值 {target} 的 {ratio} 倍",
        "Indicator {n} “{name}”: the actual {actual} is {ratio} times the target {target}",
    ),
    remedy=(
        "指标值应按历史水平和预算合理设定；大幅超额说明指标值偏低，下一年度应调高。",
        "Targets should reflect past results and the budget; a target beaten many times over was set too low and should be raised.",
    ),
    tags=("audit", "indicator"),
)
declare(
    "target-exceeded",
    Severity.INFO,
    title=("大幅超额完成指标", "Target exceeded by far"),
    message=(
        "第 {n} 项指标“{name}”：实际完成 {actual}，超过年度指标值 {target} 的 {percent}%",
        "Indicator {n} “{name}”: the actual {actual} exceeds the target {target} by {percent}%",
    ),
    remedy=(
        "说明超额原因；部分地区对超出指标值 30% 以上的指标不予得分或要求调整指标值。",
        "Explain the excess; some local rules give no points when a target is beaten by more than 30%.",
    ),
    tags=("audit", "indicator"),
)
declare(
    "indicator-qualitative-share",
    Severity.INFO,
    title=("定性指标占比较高", "Mostly qualitative targets"),
    message=(
        "定性指标分值合计 {qualitative}，占指标总分值 {weights} 的 {percent}%",
        "Qualitative targets carry {qualitative} of the {weights} indicator points ({percent}%)",
    ),
    remedy=(
        "能量化的指标应尽量量化（数量、比率、时限），便于客观评价。",
        "Quantify targets wherever possible (counts, rates, deadlines) so that they can be assessed objectively.",
    ),
    tags=("audit", "indicator"),
)

_HUNDRED = Decimal(100)


def _params(form: Form, i: int) -> dict[str, object]:
    ind = form.indicators[i]
    return {
        "n": i + 1,
        "name": ind.name or "",
        "target": ind.target or "",
        "actual": ind.actual or "",
    }


@audit_check("unit-family-mismatch", "actual-repeats-target")
def check_target_actual_pairs(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    for i, ev in enumerate(ctx.evaluations):
        if ev.family_mismatch:
            yield ctx.issue("unit-family-mismatch", indicator_path(i, "actual"), **_params(form, i))
        if ev.repeats_target:
            yield ctx.issue(
                "actual-repeats-target", indicator_path(i, "actual"), **_params(form, i)
            )


@audit_check("target-too-low", "target-exceeded")
def check_target_exceeded(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    cfg = ctx.config
    for i, ev in enumerate(ctx.evaluations):
        # only targets where "more" is the aim, or an exact/ranged amount overshot
        direction = ev.direction
        if direction == "positive":
            pass
        elif direction not in ("equal", "range") or ev.position != "above":
            continue  # inside a range, or at/below an exact amount: nothing exceeded
        ratio = ev.ratio
        if ratio is None or ev.target <= 0 or ratio <= cfg.target_exceeded_ratio:
            continue
        unit = ev.unit or ""
        params = {
            **_params(form, i),
            "actual": f"{fmt(ev.actual)}{unit}",
            "target": f"{fmt(ev.target)}{unit}",
            "ratio": fmt(q2(ratio)),
            "percent": fmt(q2((ratio - 1) * _HUNDRED)),
        }
        code = "target-too-low" if ratio >= cfg.target_too_low_ratio else "target-exceeded"
        yield ctx.issue(code, indicator_path(i, "actual"), **params)


@audit_check("indicator-qualitative-share")
def check_qualitative_share(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    weights = Decimal(0)
    qualitative = Decimal(0)
    for ind, ev in zip(form.indicators, ctx.evaluations, strict=True):
        if ind.weight is None or ind.weight <= 0:
            continue
        weights += ind.weight
        if ev.direction == "qualitative":
            qualitative += ind.weight
    if weights and qualitative / weights > ctx.config.qualitative_share:
        yield ctx.issue(
            "indicator-qualitative-share",
            "indicators",
            qualitative=fmt(qualitative),
            weights=fmt(weights),
            percent=fmt(q2(qualitative / weights * _HUNDRED)),
        )
