"""Claimed scores against the rule set (:func:`jixiao.core.scoring.score_form`).

A claimed score above what the rules give is an error (MOF: 严禁刻意抬高分数); one
below is a warning (the unit was harder on itself than the rules, worth a look but
not a fault). Indicators the rules cannot settle without a reviewer (qualitative
targets, late deadlines) keep their claimed score and are reported as infos: the
judgement is the reviewer's, not an error of the form. Rows the engine cannot score
at all (no target, actual or weight) are left to the structure checks, which name
the empty cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import Form, indicator_path

from .context import AuditContext, fmt, q2
from .registry import audit_check

declare(
    "score-claimed-differs",
    Severity.ERROR,
    title=("自评得分高于评分规则", "Claimed score above the rules"),
    message=(
        "第 {n} 项指标“{name}”自评 {claimed} 分，按评分规则应得 {computed} 分：{explanation}",
        "Indicator {n} “{name}” claims {claimed}, the rules give {computed}: {explanation_en}",
    ),
    remedy=(
        "按评分规则重新计算得分，不得刻意抬高分数。",
        "Recompute the score by the rules; scores must not be inflated.",
    ),
    tags=("audit", "score"),
)
declare(
    "score-claimed-understated",
    Severity.WARNING,
    title=("自评得分低于评分规则", "Claimed score below the rules"),
    message=(
        "第 {n} 项指标“{name}”自评 {claimed} 分，按评分规则可得 {computed} 分：{explanation}",
        "Indicator {n} “{name}” claims {claimed}, the rules give {computed}: {explanation_en}",
    ),
    remedy=(
        "核对得分；如有扣分理由，请在偏差原因中写明。",
        "Check the score; if points were deducted on purpose, give the reason in the deviation analysis.",
    ),
    tags=("audit", "score"),
)
declare(
    "score-needs-judgement",
    Severity.INFO,
    title=("需评审判定得分", "Score needs a reviewer's judgement"),
    message=(
        "第 {n} 项指标“{name}”需评审判定得分：{explanation}",
        "Indicator {n} “{name}” needs a reviewer's grade: {explanation_en}",
    ),
    remedy=(
        "评审按 达成（80–100%）、部分达成（60–80%）、未达成（0–60%）三档判定得分；未满分须有偏差原因。",
        "Grade it: met (80–100%), partly met (60–80%) or missed (0–60%) of the weight; below full marks needs a reason.",
    ),
    tags=("audit", "score"),
)
declare(
    "score-full-despite-shortfall",
    Severity.WARNING,
    title=("未完成仍自评满分", "Full marks despite a shortfall"),
    message=(
        "第 {n} 项指标“{name}”：实际完成值“{actual}”未达到年度指标值“{target}”，却自评满分 {claimed}",
        "Indicator {n} “{name}”: the actual “{actual}” falls short of the target “{target}”, yet full marks ({claimed}) are claimed",
    ),
    remedy=(
        "未按时或未完全完成的指标应说明原因，并由评审按三档判定得分，一般不应为满分。",
        "A late or incomplete result needs a reason and a reviewer's band; it rarely earns full marks.",
    ),
    tags=("audit", "score"),
)
declare(
    "score-grade-differs",
    Severity.WARNING,
    title=("按规则计算的等级更低", "Lower grade by the rules"),
    message=(
        "总分填报 {printed}（{printed_grade}），按评分规则为 {computed}（{computed_grade}）",
        "The printed total {printed} ({printed_grade}) becomes {computed} ({computed_grade}) by the rules",
    ),
    remedy=(
        "先更正被抬高的指标得分，再据此确定等级。",
        "Correct the inflated indicator scores first; the grade follows from them.",
    ),
    tags=("audit", "score"),
)

_GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"))
_GRADE_RANK = {"优": 4, "良": 3, "中": 2, "差": 1}


def grade_of(total: Decimal, rules: Any = None) -> str:
    """The grade of a total, by the rule set's own bands when it has them."""
    fn = getattr(rules, "grade", None)
    if callable(fn):
        result: str = fn(total)
        return result
    for floor, grade in _GRADES:
        if total >= floor:
            return grade
    return "差"


def on_printed_weight(s: Any, printed_weight: Decimal | None) -> Decimal | None:
    """The computed score on the printed weight.

    When not-applicable rows are dropped the engine scores against rescaled weights;
    the claimed score was written against the printed one, so compare like with like.
    """
    score: Decimal | None = s.score
    scored_weight = getattr(s, "weight", None)
    if (
        score is None
        or not scored_weight
        or printed_weight is None
        or scored_weight == printed_weight
    ):
        return score
    return q2(score * printed_weight / scored_weight)


def _base(form: Form, s: Any) -> dict[str, object]:
    ind = form.indicators[s.index]
    return {
        "n": s.index + 1,
        "name": ind.name or "",
        "claimed": fmt(s.claimed),
        "explanation": s.explanation_zh or "",
        "explanation_en": s.explanation_en or "",
    }


@audit_check("score-claimed-differs", "score-claimed-understated", "score-needs-judgement")
def check_claimed_scores(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    tolerance = ctx.config.score_tolerance
    count = len(form.indicators)
    for s in ctx.score.indicators:
        if not 0 <= s.index < count:
            continue
        status = s.status
        if status == "needs-judgement":
            ind = form.indicators[s.index]
            yield ctx.issue(
                "score-needs-judgement",
                indicator_path(s.index, "score"),
                target=ind.target or "",
                actual=ind.actual or "",
                **_base(form, s),
            )
        elif status != "not-applicable" and status != "unscorable" and s.claimed is not None:
            computed = on_printed_weight(s, form.indicators[s.index].weight)
            if computed is None:
                continue
            if s.claimed - computed > tolerance:
                code = "score-claimed-differs"
            elif computed - s.claimed > tolerance:
                code = "score-claimed-understated"
            else:
                continue
            yield ctx.issue(
                code, indicator_path(s.index, "score"), computed=fmt(computed), **_base(form, s)
            )


@audit_check("score-full-despite-shortfall")
def check_full_despite_shortfall(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    """Late deadlines and failed yes/no or compound parts keep the claimed score until a
    reviewer grades them; a claimed full score there is what reviewers look for."""
    for i, ev in enumerate(ctx.evaluations):
        ind = form.indicators[i]
        if ev.met is not False or ind.weight is None or ind.score is None or ind.score < ind.weight:
            continue
        s = ctx.indicator_score(i)
        if s is None or s.status != "needs-judgement":
            continue  # a computed score exists: score-claimed-differs speaks for it
        yield ctx.issue(
            "score-full-despite-shortfall",
            indicator_path(i, "score"),
            n=i + 1,
            name=ind.name or "",
            actual=ind.actual or "",
            target=ind.target or "",
            claimed=fmt(ind.score),
        )


@audit_check("score-grade-differs")
def check_grade(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    printed = form.total_score
    score = ctx.score
    if printed is None or score.total is None:
        return
    if any(s.status == "unscorable" for s in score.indicators):
        return  # the computed total lacks those rows: no grade to compare
    printed_grade = grade_of(printed, ctx.rules)
    computed_grade = score.grade or grade_of(score.total, ctx.rules)
    if _GRADE_RANK.get(computed_grade, 0) < _GRADE_RANK.get(printed_grade, 0):
        yield ctx.issue(
            "score-grade-differs",
            "total_score",
            printed=fmt(printed),
            printed_grade=printed_grade,
            computed=fmt(score.total),
            computed_grade=computed_grade,
        )
