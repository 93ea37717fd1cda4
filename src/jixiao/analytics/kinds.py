"""The cross-form finding kinds, declared as issue codes so they read like every other issue.

The codes start with ``batch-`` because they come from comparing a form with the rest
of the batch (or from batch-level thresholds), not from a single-form check.
"""

from __future__ import annotations

from jixiao.core.issues import Severity, declare

KINDS: dict[str, Severity] = {}


def _kind(code: str, severity: Severity, title: tuple[str, str], remedy: tuple[str, str]) -> str:
    declare(code, severity, title=title, message=("{detail}", "{detail}"), remedy=remedy, tags=("batch",))
    KINDS[code] = severity
    return code


INFLATED = _kind(
    "batch-score-inflated", Severity.ERROR, ("自评分高于按规则计算的得分", "Claimed score above the computed score"),
    ("按评分规则重新计算并说明差异。", "Recompute by the scoring rules and explain the difference."),
)
MISSING_REASON = _kind(
    "batch-reason-missing", Severity.WARNING, ("未达标指标缺少偏差原因", "Shortfall without a reason"),
    ("填写偏差原因分析及改进措施。", "Give the reason for the shortfall and the remedy."),
)
LOW_EXEC_HIGH_SCORE = _kind(
    "batch-low-execution-high-score", Severity.WARNING, ("预算执行率低但自评分高", "Low execution with a high score"),
    ("核对指标完成情况与资金执行是否一致。", "Check that indicator results match the spending."),
)
TARGET_TOO_LOW = _kind(
    "batch-target-too-low", Severity.WARNING, ("指标目标值设置偏低", "Target set too low"),
    ("实际值达到目标值两倍以上，下一年度应据实提高目标。", "The actual is at least twice the target: raise the target next year."),
)
COPIED = _kind(
    "batch-copied-indicators", Severity.WARNING, ("不同项目指标雷同", "Indicators copied across projects"),
    ("按项目实际设置有针对性的指标。", "Set indicators specific to each project."),
)
YOY_JUMP = _kind(
    "batch-year-over-year-jump", Severity.WARNING, ("同一项目年度间大幅变化", "Year-over-year jump"),
    ("核对预算或自评分的大幅变化是否有依据。", "Check that the large change in budget or score is justified."),
)
QUALITATIVE_HEAVY = _kind(
    "batch-qualitative-heavy", Severity.INFO, ("定性指标占比过高", "Too many qualitative indicators"),
    ("能量化的指标应设置量化目标。", "Give numeric targets where a number is possible."),
)
REPEATS_TARGET = _kind(
    "batch-actual-repeats-target", Severity.INFO, ("实际完成值照抄目标值", "Actual only repeats the target"),
    ("填写实际完成的具体情况。", "Describe what was actually achieved."),
)

CROSS_FORM = frozenset({LOW_EXEC_HIGH_SCORE, COPIED, YOY_JUMP})
"""Kinds no single-form check can see. The other kinds have a single-form twin in
:func:`jixiao.core.audit.check` (score-claimed-differs, deviation-missing, target-too-low,
actual-repeats-target, indicator-qualitative-share), so the ranking counts only these,
next to the check issues, to weigh each problem once."""
