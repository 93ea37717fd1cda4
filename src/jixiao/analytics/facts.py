"""Flat rows from one scored, checked form: what the batch tables store.

A batch audit keeps no :class:`Form` objects: each form becomes one *form row* and one
*indicator row* per indicator (with the form's keys repeated, so the long export and
the SQL need no join), plus one row per issue. Amounts are converted to 元 so forms
printed in 万元 compare with the others. Decimals stay Decimals up to the Parquet
writer, which stores them as fixed-point DECIMAL columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jixiao.analytics.values import clean, name_key, ratio, read
from jixiao.core.issues import Issue
from jixiao.core.model import Form

_CENT = Decimal("0.01")
_WAN = Decimal(10000)

FORM_COLUMNS: tuple[str, ...] = (
    "form_id", "file", "form_index", "year", "project_name", "project_key", "department",
    "implementing_unit", "amount_unit", "budget_yuan", "executed_yuan", "exec_rate",
    "exec_rate_printed", "exec_claimed", "exec_computed", "total_claimed", "total_computed",
    "score_gap", "grade", "grade_claimed", "n_indicators", "n_numeric", "n_qualitative",
    "n_repeats", "n_errors", "n_warnings", "n_infos",
)
INDICATOR_COLUMNS: tuple[str, ...] = (
    "form_id", "file", "year", "project_name", "project_key", "department", "implementing_unit",
    "idx", "level1", "level2", "name", "name_key", "target", "actual", "target_kind", "target_op",
    "target_number", "actual_kind", "actual_number", "unit", "ratio", "weight", "claimed",
    "computed", "status", "has_reason", "repeats_target", "signature",
)
ISSUE_COLUMNS: tuple[str, ...] = ("form_id", "file", "code", "severity", "field", "message")


def grade_of(total: Decimal | None) -> str | None:
    """优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (used for the printed total)."""
    if total is None:
        return None
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def _yuan(amount: Decimal | None, form: Form) -> Decimal | None:
    if amount is None:
        return None
    return amount * _WAN if form.unit == "万元" else amount


def _rate(executed: Decimal | None, budget: Decimal | None) -> Decimal | None:
    if executed is None or budget is None or budget <= 0:
        return None
    return (executed / budget * 100).quantize(_CENT, rounding=ROUND_HALF_UP)


def _gap(claimed: Decimal | None, computed: Decimal | None) -> Decimal | None:
    return None if claimed is None or computed is None else claimed - computed


def form_id(file: str, index: int) -> str:
    return f"{file}#{index + 1}"


def rows_for(
    form: Form, file: str, index: int, score: Any | None, issues: Sequence[Issue]
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(form row, indicator rows, issue rows) of one form; ``score`` is a FormScore or None."""
    fid = form_id(file, index)
    pkey = name_key(form.project_name)
    keys = (fid, file, form.year, form.project_name, pkey, form.department, form.implementing_unit)
    computed = {s.index: s for s in (score.indicators if score is not None else ())}
    ind_rows: list[tuple[Any, ...]] = []
    gaps: list[Decimal] = []
    n_numeric = n_qual = n_rep = 0
    for i, ind in enumerate(form.indicators):
        t, a = read(ind.target), read(ind.actual)
        s = computed.get(i)
        comp = getattr(s, "score", None)
        status = getattr(s, "status", None)
        repeats = t.kind == "qualitative" and clean(ind.actual) == clean(ind.target)
        n_numeric += t.numeric
        n_qual += t.kind == "qualitative"
        n_rep += repeats
        g = _gap(ind.score, comp)
        if g is not None:
            gaps.append(g)
        nk = name_key(ind.name)
        ind_rows.append((
            *keys, i, ind.level1, ind.level2, ind.name, nk, ind.target, ind.actual,
            t.kind, t.op, t.number, a.kind, a.number, t.unit, ratio(t, a), ind.weight, ind.score,
            comp, None if status is None else str(status), bool(clean(ind.deviation)),
            repeats, f"{nk}|{clean(ind.target)}|{clean(ind.actual)}",
        ))
    ex = score.execution if score is not None else None
    exec_computed = getattr(ex, "score", None)
    g = _gap(form.execution.score, exec_computed)
    if g is not None:
        gaps.append(g)
    total_computed = getattr(score, "total", None)
    score_gap = _gap(form.total_score, total_computed)
    if score_gap is None and gaps:
        score_gap = sum(gaps, Decimal(0))
    budget = _yuan(form.funds.total.annual_budget, form)
    executed = _yuan(form.funds.total.executed, form)
    counts = {"error": 0, "warning": 0, "info": 0}
    for issue in issues:
        counts[issue.severity.value] = counts.get(issue.severity.value, 0) + 1
    form_row = (
        fid, file, index, form.year, form.project_name, pkey, form.department,
        form.implementing_unit, form.amount_unit, budget, executed,
        _rate(executed, budget), form.execution.rate_percent, form.execution.score, exec_computed,
        form.total_score, total_computed, score_gap, getattr(score, "grade", None),
        grade_of(form.total_score), len(form.indicators), n_numeric, n_qual, n_rep,
        counts["error"], counts["warning"], counts["info"],
    )
    return form_row, ind_rows, issue_rows(issues, file, fid)


def issue_rows(issues: Iterable[Issue], file: str, fid: str | None) -> list[tuple[Any, ...]]:
    return [
        (fid, file, i.code, i.severity.value, i.location.field, i.message("zh"))
        for i in issues
    ]
