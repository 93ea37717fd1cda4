"""Render forms as Word documents in the official layout, with python-docx, for tests.

The layout follows the printed form: nine columns, the 项目资金 and 年度总体目标 labels
merged down, the vertical 绩效指标 label merged down the whole indicator block, and
一级/二级 cells merged over the rows they head.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

import docx

from jixiao.core.model import FUND_ROW_LABELS, FUND_ROWS, Form


def _amount(value: Decimal | None) -> str:
    return "-" if value is None else f"{value:,}"


def _num(value: Decimal | None) -> str:
    return "" if value is None else str(value)


class _Plan:
    """Texts and merges collected first, applied in one pass (python-docx looks cells up
    by rebuilding the whole grid, so per-cell access is slow on long tables)."""

    def __init__(self, table) -> None:
        self.table = table
        self.texts: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []

    def apply(self) -> None:
        t = self.table
        rows = t.rows
        for r0, c0, r1, c1 in self.merges:
            rows[r0].cells[c0].merge(rows[r1].cells[c1])
        flat = t._cells
        ncols = len(t.columns)
        for (r, c), text in self.texts.items():
            flat[r * ncols + c].text = text


def _put(plan: _Plan, r: int, c: int, text: str) -> None:
    plan.texts[(r, c)] = text


def _merge(plan: _Plan, r0: int, c0: int, r1: int, c1: int) -> None:
    if (r0, c0) != (r1, c1):
        plan.merges.append((r0, c0, r1, c1))


def _runs(values: Sequence[str | None]) -> list[tuple[int, int]]:
    """(start, end) index ranges of equal consecutive values."""
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(values) + 1):
        if k == len(values) or values[k] != values[start]:
            out.append((start, k - 1))
            start = k
    return out


def add_form(document, form: Form, *, page_break: bool = False) -> None:
    if page_break:
        document.add_page_break()
    document.add_paragraph("财政项目支出绩效自评表")
    if form.year:
        document.add_paragraph(f"（{form.year}年度）")
    n = len(form.indicators)
    rows = 11 + n
    table = document.add_table(rows=rows, cols=9)
    table.style = "Table Grid"
    t = _Plan(table)
    _merge(t, 0, 1, 0, 8)
    _put(t, 0, 0, "项目名称")
    _put(t, 0, 1, form.project_name or "")
    _merge(t, 1, 1, 1, 3)
    _merge(t, 1, 5, 1, 8)
    _put(t, 1, 0, "主管部门")
    _put(t, 1, 1, form.department or "")
    _put(t, 1, 4, "实施单位")
    _put(t, 1, 5, form.implementing_unit or "")
    _merge(t, 2, 0, 6, 0)
    _put(t, 2, 0, f"项目资金（{form.unit}）")
    _merge(t, 2, 1, 2, 2)
    for c, label in enumerate(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), start=3):
        _put(t, 2, c, label)
    for k, name in enumerate(FUND_ROWS):
        r = 3 + k
        _merge(t, r, 1, r, 2)
        _put(t, r, 1, ("其中：" if name == "fiscal" else "") + FUND_ROW_LABELS[name])
        row = form.funds.row(name)
        _put(t, r, 3, _amount(row.initial_budget))
        _put(t, r, 4, _amount(row.annual_budget))
        _put(t, r, 5, _amount(row.executed))
        if name == "total":
            ex = form.execution
            _put(t, r, 6, _num(ex.weight))
            _put(t, r, 7, "" if ex.rate_percent is None else f"{ex.rate_percent}%")
            _put(t, r, 8, _num(ex.score))
        else:
            _put(t, r, 6, "—")
    _merge(t, 7, 0, 8, 0)
    _put(t, 7, 0, "年度总体目标")
    _merge(t, 7, 1, 7, 4)
    _merge(t, 7, 5, 7, 8)
    _merge(t, 8, 1, 8, 4)
    _merge(t, 8, 5, 8, 8)
    _put(t, 7, 1, "预期目标")
    _put(t, 7, 5, "实际完成情况")
    _put(t, 8, 1, form.goals.expected or "")
    _put(t, 8, 5, form.goals.actual or "")
    head = 9
    for c, label in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"), start=1):
        _put(t, head, c, label)
    first = head + 1
    if n:
        _merge(t, head, 0, first + n - 1, 0)
    _put(t, head, 0, "绩效指标")
    l1 = [i.level1 for i in form.indicators]
    l2 = [(i.level1, i.level2) for i in form.indicators]
    for a, b in _runs(l1):
        _merge(t, first + a, 1, first + b, 1)
        _put(t, first + a, 1, l1[a] or "")
    for a, b in _runs(l2):
        _merge(t, first + a, 2, first + b, 2)
        _put(t, first + a, 2, l2[a][1] or "")
    for k, ind in enumerate(form.indicators):
        r = first + k
        for c, value in enumerate((ind.name, ind.target, ind.actual, _num(ind.weight), _num(ind.score), ind.deviation), start=3):
            _put(t, r, c, value or "")
    total = first + n
    _merge(t, total, 0, total, 5)
    _put(t, total, 0, "总分")
    _put(t, total, 6, "100")
    _put(t, total, 7, _num(form.total_score))
    t.apply()


def forms_to_docx(forms: Sequence[Form]) -> bytes:
    document = docx.Document()
    for k, form in enumerate(forms):
        add_form(document, form, page_break=k > 0)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
