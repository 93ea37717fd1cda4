"""The official layout of the 财政项目支出绩效自评表 as a grid of cells.

One model, three renderers: the xlsx writer places each :class:`Cell` at its row and
column and merges its span; the HTML template turns the same cells into ``<th>``/``<td>``
with ``rowspan``/``colspan``; the PDF is printed from that HTML. Keeping the layout in one
place is what makes the three outputs agree cell for cell.

The grid has nine columns, as printed (A–I in a spreadsheet)::

    A 项目资金 / 年度总体目标 / 绩效指标 (merged, vertical labels)
    B 一级指标   C 二级指标   D 三级指标 / 年初预算数   E 年度指标值 / 全年预算数
    F 实际完成值 / 全年执行数   G 分值   H 得分 / 执行率   I 偏差原因 / 得分

Rows are *logical*: one per printed row of the form. A renderer may stretch a logical
row over several physical rows (the xlsx writer does, for text taller than a
spreadsheet row can be).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from jixiao.core.model import FUND_COLUMNS, FUND_ROWS, Form, Indicator
from jixiao.exporters.labels import check_lang, label, unit_label

CellKind = Literal["title", "subtitle", "label", "vlabel", "text", "long", "amount", "rate", "number", "dash"]
Section = Literal["title", "info", "funds", "goals", "ind_head", "indicator", "total"]

N_COLS = 9
COLUMN_WIDTHS: tuple[float, ...] = (9.0, 8.5, 11.5, 16.0, 14.5, 14.5, 5.6, 8.2, 13.2)
"""Column widths in spreadsheet character units (the printed proportions)."""

DASH = "—"
"""What the 分值 column shows on fund rows that carry no execution score."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One (possibly merged) cell; ``row``/``col`` are its top-left corner, 0-based.

    ``value`` is a string (labels, printed text), a ``Decimal`` (amounts, rates in
    percent, weights, scores) or ``None`` (an empty cell; amount cells render ``-``).
    ``header`` is the HTML scope of a header cell (``col``/``row``/``rowgroup``/
    ``colgroup``), ``None`` for data. ``field`` is the form field path the cell shows.
    """

    row: int
    col: int
    value: str | Decimal | None
    kind: CellKind
    rowspan: int = 1
    colspan: int = 1
    header: str | None = None
    field: str | None = None

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True, slots=True)
class Row:
    index: int
    section: Section
    cells: tuple[Cell, ...]
    """The cells whose top-left corner is on this row, left to right."""


@dataclass(frozen=True, slots=True)
class FormLayout:
    form: Form
    lang: str
    rows: tuple[Row, ...]
    widths: tuple[float, ...] = COLUMN_WIDTHS

    def section(self, *names: Section) -> list[Row]:
        return [r for r in self.rows if r.section in names]

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row.cells

    @property
    def title(self) -> str:
        return str(self.rows[0].cells[0].value)

    @property
    def subtitle(self) -> str:
        return str(self.rows[1].cells[0].value)


def weight_sum(form: Form) -> Decimal | None:
    """The 分值 printed on the 总分 row: execution weight plus the indicator weights."""
    weights = [form.execution.weight, *(i.weight for i in form.indicators)]
    present = [w for w in weights if w is not None]
    return sum(present, Decimal(0)) if present else None


def _runs(keys: list[tuple[str | None, ...]]) -> list[tuple[int, int]]:
    """(start, length) of runs of equal, non-empty keys; empty keys never merge."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start] or keys[start][-1] is None:
            runs.append((start, i - start))
            start = i
    return runs


def _indicator_cells(row: int, i: int, ind: Indicator) -> list[Cell]:
    p = f"indicators[{i}]"
    return [
        Cell(row, 3, ind.name, "text", header="row", field=f"{p}.name"),
        Cell(row, 4, ind.target, "text", field=f"{p}.target"),
        Cell(row, 5, ind.actual, "text", field=f"{p}.actual"),
        Cell(row, 6, ind.weight, "number", field=f"{p}.weight"),
        Cell(row, 7, ind.score, "number", field=f"{p}.score"),
        Cell(row, 8, ind.deviation, "text", field=f"{p}.deviation"),
    ]


def form_layout(form: Form, lang: str = "zh") -> FormLayout:
    """The grid of one form in the official layout, labels in ``lang``."""
    lang = check_lang(lang)
    L = lambda key, **kw: label(key, lang, **kw)  # noqa: E731
    rows: list[Row] = []

    def add(section: Section, *cells: Cell) -> None:
        rows.append(Row(len(rows), section, tuple(sorted(cells, key=lambda c: c.col))))

    year = str(form.year) if form.year is not None else "    "
    add("title", Cell(0, 0, L("title"), "title", colspan=N_COLS))
    add("title", Cell(1, 0, L("year", year=year), "subtitle", colspan=N_COLS, field="year"))
    add(
        "info",
        Cell(2, 0, L("project_name"), "label", header="row"),
        Cell(2, 1, form.project_name, "text", colspan=8, field="project_name"),
    )
    add(
        "info",
        Cell(3, 0, L("department"), "label", header="row"),
        Cell(3, 1, form.department, "text", colspan=3, field="department"),
        Cell(3, 4, L("implementing_unit"), "label", header="row"),
        Cell(3, 5, form.implementing_unit, "text", colspan=4, field="implementing_unit"),
    )
    r = 4
    add(
        "funds",
        Cell(r, 0, L("funds", unit=unit_label(form.unit, lang)), "label", rowspan=5, header="rowgroup", field="amount_unit"),
        Cell(r, 1, None, "label", colspan=2),
        *(Cell(r, 3 + k, L(col), "label", header="col") for k, col in enumerate(FUND_COLUMNS)),
        Cell(r, 6, L("weight"), "label", header="col"),
        Cell(r, 7, L("rate"), "label", header="col"),
        Cell(r, 8, L("score"), "label", header="col"),
    )
    for name in FUND_ROWS:
        r = len(rows)
        fund = form.funds.row(name)
        cells = [Cell(r, 1, L(name), "label", colspan=2, header="row")]
        cells += [
            Cell(r, 3 + k, fund.get(col), "amount", field=f"funds.{name}.{col}") for k, col in enumerate(FUND_COLUMNS)
        ]
        if name == "total":
            ex = form.execution
            cells += [
                Cell(r, 6, ex.weight, "number", field="execution.weight"),
                Cell(r, 7, ex.rate_percent, "rate", field="execution.rate_percent"),
                Cell(r, 8, ex.score, "number", field="execution.score"),
            ]
        else:
            cells += [Cell(r, 6, DASH, "dash"), Cell(r, 7, None, "dash"), Cell(r, 8, None, "dash")]
        add("funds", *cells)
    r = len(rows)
    add(
        "goals",
        Cell(r, 0, L("goals"), "vlabel", rowspan=2, header="rowgroup"),
        Cell(r, 1, L("expected"), "label", colspan=4, header="col"),
        Cell(r, 5, L("actual_goals"), "label", colspan=4, header="col"),
    )
    add(
        "goals",
        Cell(r + 1, 1, form.goals.expected, "long", colspan=4, field="goals.expected"),
        Cell(r + 1, 5, form.goals.actual, "long", colspan=4, field="goals.actual"),
    )
    head = len(rows)
    n = len(form.indicators)
    add(
        "ind_head",
        Cell(head, 0, L("indicators"), "vlabel", rowspan=1 + n, header="rowgroup"),
        *(Cell(head, c, L(k), "label", header="col") for c, k in enumerate(
            ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation"), start=1)),
    )
    first = head + 1
    per_row: list[list[Cell]] = [_indicator_cells(first + i, i, ind) for i, ind in enumerate(form.indicators)]
    inds = form.indicators
    for start, length in _runs([(ind.level1,) for ind in inds]):
        per_row[start].append(
            Cell(first + start, 1, inds[start].level1, "text", rowspan=length, header="rowgroup",
                 field=f"indicators[{start}].level1")
        )
    for start, length in _runs([(ind.level1, ind.level2) for ind in inds]):
        per_row[start].append(
            Cell(first + start, 2, inds[start].level2, "text", rowspan=length, header="rowgroup",
                 field=f"indicators[{start}].level2")
        )
    for cells in per_row:
        add("indicator", *cells)
    r = len(rows)
    add(
        "total",
        Cell(r, 0, L("total_score"), "label", colspan=6, header="row"),
        Cell(r, 6, weight_sum(form), "number"),
        Cell(r, 7, form.total_score, "number", field="total_score"),
        Cell(r, 8, None, "text"),
    )
    return FormLayout(form=form, lang=lang, rows=tuple(rows))
