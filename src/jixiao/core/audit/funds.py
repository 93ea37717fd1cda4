"""The 项目资金 block: signs, the total row against its sub-rows, spending against budget."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import FUND_COLUMN_LABELS, FUND_COLUMNS, FUND_ROW_LABELS, Form

from .arithmetic import half_unit
from .context import AuditContext, fmt
from .registry import audit_check

declare(
    "funds-negative",
    Severity.ERROR,
    title=("资金金额为负数", "Negative amount"),
    message=("{row}的{column}为负数：{value}", "{row_en} / {column_en}: negative amount {value}"),
    remedy=(
        "核对金额；资金数不应为负。",
        "Check the amount; budget and spending are never negative.",
    ),
    tags=("audit", "funds"),
)
declare(
    "funds-subrows-sum",
    Severity.ERROR,
    title=("资金分项之和与总额不符", "Fund sub-rows do not add up to the total"),
    message=(
        "{column}：财政拨款、上年结转、其他资金合计 {parts}，年度资金总额为 {total}（差 {diff}）",
        "{column_en}: the sub-rows add up to {parts} but the total row says {total} (difference {diff})",
    ),
    remedy=(
        "核对资金来源各行，使其合计等于年度资金总额。",
        "Correct the sub-rows or the total so that they agree.",
    ),
    tags=("audit", "funds", "arithmetic"),
)
declare(
    "funds-total-missing",
    Severity.WARNING,
    title=("年度资金总额为空", "Total row empty"),
    message=(
        "{column}：资金分项有金额（合计 {parts}），但年度资金总额为空",
        "{column_en}: the sub-rows hold amounts ({parts}) but the total row is empty",
    ),
    remedy=(
        "填写年度资金总额，执行率按总额计算。",
        "Fill in the total row; the execution rate is computed from it.",
    ),
    tags=("audit", "funds"),
)
declare(
    "funds-executed-over-budget",
    Severity.ERROR,
    title=("执行数超过全年预算数", "Spending above the annual budget"),
    message=(
        "{row}：全年执行数 {executed} 超过全年预算数 {budget}",
        "{row_en}: spending {executed} exceeds the annual budget {budget}",
    ),
    remedy=(
        "核对执行数与调整后的全年预算数；执行数不应超过全年预算数。",
        "Check spending against the adjusted annual budget; spending should not exceed it.",
    ),
    tags=("audit", "funds", "arithmetic"),
)

_SUBROWS = ("fiscal", "carryover", "other")
ROW_EN = {
    "total": "Total (年度资金总额)",
    "fiscal": "Current-year fiscal funds (当年财政拨款)",
    "carryover": "Carry-over (上年结转资金)",
    "other": "Other funds (其他资金)",
}
COLUMN_EN = {
    "initial_budget": "initial budget (年初预算数)",
    "annual_budget": "annual budget (全年预算数)",
    "executed": "spending (全年执行数)",
}


@audit_check("funds-negative")
def check_negative_amounts(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    for row_name, row in form.funds.rows():
        for column in FUND_COLUMNS:
            value = row.get(column)
            if value is not None and value < 0:
                yield ctx.issue(
                    "funds-negative",
                    f"funds.{row_name}.{column}",
                    row=FUND_ROW_LABELS[row_name],
                    row_en=ROW_EN[row_name],
                    column=FUND_COLUMN_LABELS[column],
                    column_en=COLUMN_EN[column],
                    value=fmt(value),
                )


@audit_check("funds-subrows-sum", "funds-total-missing")
def check_subrows(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    funds = form.funds
    for column in FUND_COLUMNS:
        parts = [funds.row(r).get(column) for r in _SUBROWS]
        given = [p for p in parts if p is not None]
        if not given:
            continue  # only the total row printed: nothing to compare
        parts_sum = sum(given, start=given[0] * 0)
        total = funds.total.get(column)
        label, label_en = FUND_COLUMN_LABELS[column], COLUMN_EN[column]
        if total is None:
            yield ctx.issue(
                "funds-total-missing",
                f"funds.total.{column}",
                column=label,
                column_en=label_en,
                parts=fmt(parts_sum),
            )
        elif abs(parts_sum - total) > half_unit(total, form) + sum(
            (half_unit(p, form) for p in given), start=total * 0
        ):
            yield ctx.issue(
                "funds-subrows-sum",
                f"funds.total.{column}",
                column=label,
                column_en=label_en,
                parts=fmt(parts_sum),
                total=fmt(total),
                diff=fmt(abs(total - parts_sum)),
            )


@audit_check("funds-executed-over-budget")
def check_over_budget(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    for row_name, row in form.funds.rows():
        if (
            row.executed is not None
            and row.annual_budget is not None
            and row.executed > row.annual_budget
        ):
            yield ctx.issue(
                "funds-executed-over-budget",
                f"funds.{row_name}.executed",
                row=FUND_ROW_LABELS[row_name],
                row_en=ROW_EN[row_name],
                executed=fmt(row.executed),
                budget=fmt(row.annual_budget),
            )
