"""Rules for numeric targets: positive, reverse (ratio or linear), equality and ranges.

Each takes the grammar's :class:`Evaluation` (numbers already in the target's unit)
and returns the score with its explanation, e.g. "未达成：131人 / 135人 × 2 = 1.94".
"""

from __future__ import annotations

from jixiao.core.grammar import Evaluation, Value, explain

from .result import IndicatorScore, num
from .row import ZERO, Row
from .row import qty as _qty
from .rules import RuleSet


def positive(row: Row, e: Evaluation, rules: RuleSet) -> IndicatorScore:
    t, a, u = e.target, e.actual, e.unit
    assert t is not None and a is not None
    implicit_zh = "（未写比较符，按正向理解）" if e.implicit_op else ""
    implicit_en = " (no operator printed, read as ≥)" if e.implicit_op else ""
    limit = rules.over_achievement_zero_above
    if e.met and limit is not None and t > 0 and a > t * (1 + limit):
        return row.result(
            ZERO,
            "missed",
            "over-achievement",
            f"实际 {_qty(a, u)} 超过目标 {_qty(t, u)} 的 {num(limit * 100)}% 以上，按本规则集得 0",
            f"actual {_qty(a, u)} beats the target {_qty(t, u)} by more than {num(limit * 100)}%: 0 under these rules",
        )
    if e.met:
        return row.full(
            "positive",
            f"实际 {_qty(a, u)} ≥ 目标 {_qty(t, u)}{implicit_zh}，达成",
            f"actual {_qty(a, u)} ≥ target {_qty(t, u)}{implicit_en}: met",
        )
    if t <= 0:
        return row.result(
            ZERO,
            "missed",
            "positive",
            f"实际 {_qty(a, u)} 未达到目标 {_qty(t, u)}，得 0",
            f"actual {_qty(a, u)} below the target {_qty(t, u)}: 0",
        )
    return row.proportional(
        (a, t),
        "positive",
        f"未达成{implicit_zh}：{_qty(a, u)} / {_qty(t, u)} × {row.w}",
        f"not met{implicit_en}: {_qty(a, u)} / {_qty(t, u)} × {row.w}",
    )


def reverse(row: Row, e: Evaluation, rules: RuleSet, rule_zh: str = "反向") -> IndicatorScore:
    t, a, u = e.target, e.actual, e.unit
    assert t is not None and a is not None
    if e.met:
        return row.full(
            "reverse",
            f"实际 {_qty(a, u)} ≤ 目标 {_qty(t, u)}，达成",
            f"actual {_qty(a, u)} ≤ target {_qty(t, u)}: met",
        )
    if rules.reverse_formula == "linear":
        if t <= 0:
            return row.result(
                ZERO,
                "missed",
                "reverse-linear",
                f"{rule_zh}未达成：目标为 {_qty(t, u)}，实际 {_qty(a, u)}，得 0",
                f"reverse, not met: target {_qty(t, u)}, actual {_qty(a, u)}: 0",
            )
        return row.proportional(
            (2 * t - a, t),
            "reverse-linear",
            f"{rule_zh}未达成（线性）：{row.w} × (1 − ({_qty(a, u)} − {_qty(t, u)}) / {_qty(t, u)})",
            f"reverse, not met (linear): {row.w} × (1 − ({_qty(a, u)} − {_qty(t, u)}) / {_qty(t, u)})",
        )
    if a <= 0:
        return row.result(
            ZERO,
            "missed",
            "reverse-ratio",
            f"{rule_zh}未达成：目标 {_qty(t, u)}，实际 {_qty(a, u)}，得 0",
            f"reverse, not met: target {_qty(t, u)}, actual {_qty(a, u)}: 0",
        )
    return row.proportional(
        (t, a),
        "reverse-ratio",
        f"{rule_zh}未达成：{_qty(t, u)} / {_qty(a, u)} × {row.w}",
        f"reverse, not met: {_qty(t, u)} / {_qty(a, u)} × {row.w}",
    )


def equal(row: Row, e: Evaluation, rules: RuleSet) -> IndicatorScore:
    t, a, u = e.target, e.actual, e.unit
    assert t is not None and a is not None
    if e.met:
        return row.full(
            "equal",
            f"实际 {_qty(a, u)} = 目标 {_qty(t, u)}，达成",
            f"actual {_qty(a, u)} = target {_qty(t, u)}: met",
        )
    if e.position == "above":
        if rules.equal_above == "reverse":
            return reverse(
                row, Evaluation("reverse", False, t, a, u), rules, "高于等值目标，按反向"
            )
        return row.full(
            "equal",
            f"实际 {_qty(a, u)} 高于目标 {_qty(t, u)}，按达成计",
            f"actual {_qty(a, u)} above the target {_qty(t, u)}, counted as met",
        )
    if t <= 0:
        return row.result(
            ZERO,
            "missed",
            "equal",
            f"实际 {_qty(a, u)} 低于目标 {_qty(t, u)}，得 0",
            f"actual {_qty(a, u)} below the target {_qty(t, u)}: 0",
        )
    return row.proportional(
        (a, t),
        "equal",
        f"未达成：{_qty(a, u)} / {_qty(t, u)} × {row.w}",
        f"not met: {_qty(a, u)} / {_qty(t, u)} × {row.w}",
    )


def in_range(row: Row, e: Evaluation, target: Value, rules: RuleSet) -> IndicatorScore:
    t, a, u = e.target, e.actual, e.unit
    assert t is not None and a is not None
    shown = explain(target).split("（")[0]
    if e.met:
        return row.full(
            "range", f"实际 {_qty(a, u)} 在区间 {shown} 内", f"actual {_qty(a, u)} inside {shown}"
        )
    note_zh, note_en = (
        "（区间外按最近边界比例计分，属推定规则）",
        " (outside a range: proportional to the nearest bound, an assumed rule)",
    )
    limit = rules.over_achievement_zero_above
    if e.position == "above":
        if limit is not None and a > t * (1 + limit):
            return row.result(
                ZERO,
                "missed",
                "over-achievement",
                f"实际 {_qty(a, u)} 超过上限 {_qty(t, u)} 的 {num(limit * 100)}% 以上，得 0",
                f"actual {_qty(a, u)} beats the upper bound {_qty(t, u)} by more than {num(limit * 100)}%: 0",
            )
        if a <= 0:
            return row.result(ZERO, "missed", "range", "超出区间，得 0", "outside the range: 0")
        return row.proportional(
            (t, a),
            "range",
            f"高于区间上限：{_qty(t, u)} / {_qty(a, u)} × {row.w}",
            f"above the range: {_qty(t, u)} / {_qty(a, u)} × {row.w}",
            note_zh,
            note_en,
        )
    if t <= 0:
        return row.result(ZERO, "missed", "range", "低于区间，得 0", "below the range: 0")
    return row.proportional(
        (a, t),
        "range",
        f"低于区间下限：{_qty(a, u)} / {_qty(t, u)} × {row.w}",
        f"below the range: {_qty(a, u)} / {_qty(t, u)} × {row.w}",
        note_zh,
        note_en,
    )
