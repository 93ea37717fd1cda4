"""Confidence and the final Form: every field with its Source, every gap an Issue.

Confidence starts from how a cell was read (on the row's own line: high; wrapped cells
cut by width, cells matched from a pool: lower) and is lowered where the choice was
close (several equally good readings) or the form's arithmetic disagrees
(Σ分值 + 执行分值 ≠ 100, 执行率 ≠ 执行数/预算数, 执行得分 + Σ得分 ≠ 总分).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import cast

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.core.model import (
    FUND_COLUMNS,
    FUND_ROWS,
    Execution,
    Form,
    FundRow,
    Funds,
    Goals,
    Indicator,
    Source,
)
from jixiao.importers.result import attach_sources
from jixiao.importers.textdump.assemble import Assembled
from jixiao.importers.textdump.funds import FundsReading
from jixiao.importers.textdump.rows import Cell, PageRows
from jixiao.importers.textdump.sections import Found, Header
from jixiao.importers.textdump.tokens import Line

IND_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation")
REQUIRED = ("year", "project_name", "department", "implementing_unit", "goals.expected", "goals.actual", "total_score")


def _d(x: object) -> Decimal:
    return Decimal(str(round(float(x), 2)))  # type: ignore[arg-type]


def _num(cell: Cell | None) -> Decimal | None:
    if cell is None:
        return None
    try:
        return Decimal(cell.text)
    except InvalidOperation:
        return None


def build_form(header: Header, funds: FundsReading, goals: dict[str, Found], rows: list[PageRows], asm: Assembled, file: str | None, index: int, pages: list[list[Line]]) -> tuple[Form, list[Issue]]:
    sources: dict[str, Source] = {}
    issues: list[Issue] = []
    # the header reader only ever stores text under project_name (sections.py)
    label = cast("str | None", header.fields["project_name"].value if "project_name" in header.fields else None)

    def src(path: str, f: Found | Cell | None, conf: float | None = None) -> None:
        if f is None:
            return
        c = conf if conf is not None else (f.confidence if isinstance(f, Found) else f.conf)
        sources[path] = Source(file=file, page=f.page, line=f.line, confidence=_d(c))

    for key in ("year", "project_name", "department", "implementing_unit"):
        src(key, header.fields.get(key))
    fund_rows: dict[str, FundRow] = {}
    for row in FUND_ROWS:
        vals = {}
        for col in FUND_COLUMNS:
            f = funds.cells.get(f"funds.{row}.{col}")
            vals[col] = f.value if f else None
            src(f"funds.{row}.{col}", f)
        fund_rows[row] = FundRow(**vals)  # type: ignore[arg-type]
    ex = {k: funds.cells.get(f"execution.{k}") for k in ("weight", "rate_percent", "score")}
    for k, f in ex.items():
        src(f"execution.{k}", f)
    for k, f in goals.items():
        src(k, f)
    total_cell = next((r.total for r in rows if r.total), None)
    src("total_score", total_cell, 0.95)
    indicators: list[Indicator] = []
    ambiguous = {i for i, _ in asm.ambiguous}
    for i, u in enumerate(asm.rows):
        vals = {
            "level1": u.level1,
            "level2": u.level2,
            "name": u.name.text if u.name else None,
            "target": u.target.text if u.target else None,
            "actual": u.actual.text if u.actual else None,
            "weight": _num(u.weight),
            "score": _num(u.score),
            "deviation": u.deviation.text if u.deviation else None,
        }
        indicators.append(Indicator(**vals))  # type: ignore[arg-type]
        for fname in ("name", "target", "actual", "weight", "score", "deviation"):
            cell = getattr(u, fname)
            if cell is not None:
                conf = cell.conf * (0.8 if i in ambiguous and fname == "name" else 1.0)
                src(f"indicators[{i}].{fname}", cell, conf)
        anchor = u.weight or u.name or u.actual
        if anchor is not None:
            lconf = 0.95 if asm.level_margin >= 1 else (0.85 if asm.level_margin >= 0.3 else 0.7)
            src(f"indicators[{i}].level1", anchor, lconf)
            src(f"indicators[{i}].level2", anchor, lconf)
        for fname in ("name", "target", "actual", "weight", "score", "level2"):
            if vals[fname] is None:
                issues.append(make_issue("text-field-missing", Location(file=file, page=u.page, field=f"indicators[{i}].{fname}", form_index=index), form=label, field=f"indicators[{i}].{fname}"))
        if i in ambiguous:
            issues.append(make_issue("text-ambiguous-assignment", Location(file=file, page=u.page, line=u.name.line if u.name else None, field=f"indicators[{i}].name", form_index=index), form=label, field=f"indicators[{i}].name", detail="同分值的行可互换 / rows with equal scores are interchangeable"))
    if asm.rows and asm.level_margin < 0.05:
        issues.append(
            make_issue(
                "text-ambiguous-assignment",
                Location(file=file, field="indicators[*].level2", form_index=index),
                form=label,
                field="indicators[*].level2",
                detail="二级指标分组有多种同样合理的切分 / several equally good 二级指标 groupings",
            )
        )
    year = header.fields.get("year")
    form = Form(
        year=int(year.value) if year and isinstance(year.value, int) else None,
        project_name=label if isinstance(label, str) else None,
        department=_text(header.fields.get("department")),
        implementing_unit=_text(header.fields.get("implementing_unit")),
        amount_unit="万元" if funds.unit == "万元" else None,
        funds=Funds(**fund_rows),
        execution=Execution(**{k: (f.value if f else None) for k, f in ex.items()}),  # type: ignore[arg-type]
        goals=Goals(expected=_text(goals.get("goals.expected")), actual=_text(goals.get("goals.actual"))),
        indicators=tuple(indicators),
        total_score=_num(total_cell),
    )
    first_line = next((ln for p in pages for ln in p), None)
    form_source = Source(file=file, page=first_line.page if first_line else None, line=first_line.no if first_line else None)
    missing = [k for k in REQUIRED if _get(form, k) is None]
    for k in missing:
        issues.append(make_issue("text-field-missing", Location(file=file, field=k, form_index=index), form=label, field=k))
    if not any(form.funds.total.get(c) is not None for c in FUND_COLUMNS):
        missing.append("funds")
        issues.append(make_issue("text-field-missing", Location(file=file, field="funds.total", form_index=index), form=label, field="funds.total"))
    if not indicators:
        missing.append("indicators")
        issues.append(make_issue("text-field-missing", Location(file=file, field="indicators", form_index=index), form=label, field="indicators"))
    if form.total_score is None or not indicators or "funds" in missing:
        issues.append(make_issue("text-truncated-form", Location(file=file, form_index=index), form=label, project=label or "?", detail=", ".join(missing) or "-"))
    for c in asm.unassigned:
        issues.append(make_issue("text-unassigned-token", Location(file=file, page=c.page, line=c.line, form_index=index), form=label, line=c.line, text=c.text[:40]))
    issues.extend(_arithmetic(form, file, index, label))
    return attach_sources(form, sources, form_source), issues


def _text(f: Found | None) -> str | None:
    return f.value if f is not None and isinstance(f.value, str) else None


def _get(form: Form, key: str) -> object:
    if key.startswith("goals."):
        return getattr(form.goals, key.split(".")[1])
    return getattr(form, key)


def _arithmetic(form: Form, file: str | None, index: int, label: str | None) -> list[Issue]:
    out: list[Issue] = []
    loc = Location(file=file, form_index=index)
    weights = [i.weight for i in form.indicators]
    if form.indicators and all(w is not None for w in weights) and form.execution.weight is not None:
        s = sum((w for w in weights if w is not None), Decimal(0)) + form.execution.weight
        if s != 100:
            out.append(make_issue("text-arithmetic-mismatch", loc, form=label, detail=f"Σ分值 + 执行分值 = {s} ≠ 100"))
    scores = [i.score for i in form.indicators]
    if form.total_score is not None and form.indicators and all(s is not None for s in scores) and form.execution.score is not None:
        t = sum((sc for sc in scores if sc is not None), Decimal(0)) + form.execution.score
        if abs(t - form.total_score) > Decimal("0.011"):
            out.append(make_issue("text-arithmetic-mismatch", loc, form=label, detail=f"执行得分 + Σ得分 = {t} ≠ 总分 {form.total_score}"))
    return out
