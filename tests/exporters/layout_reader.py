"""A small reader of the exported workbook, written for the tests from the printed labels.

It finds each block by its label (项目名称, 年度资金总额, 一级指标, 总分 …) rather than by
fixed coordinates, and reads numbers back with the precision their number format shows,
so a round trip checks both the layout and the cell types.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell as XCell
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.core.model import (
    FUND_COLUMNS,
    FUND_ROWS,
    Execution,
    Form,
    FundRow,
    Funds,
    Goals,
    Indicator,
)
from jixiao.exporters.labels import label


class Sheet:
    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.owner: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self.owner[(r, c)] = (rng.min_row, rng.min_col)

    def cell(self, row: int, col: int) -> XCell:
        r, c = self.owner.get((row, col), (row, col))
        return self.ws.cell(r, c)

    def value(self, row: int, col: int) -> Any:
        return self.cell(row, col).value

    def starts_row(self, row: int, col: int) -> bool:
        """Whether (row, col) is a cell of its own or the top of a merge."""
        return self.owner.get((row, col), (row, col))[0] == row

    def find_row(self, col: int, text: str, start: int = 1) -> int:
        for r in range(start, self.ws.max_row + 1):
            if self.ws.cell(r, col).value == text:
                return r
        raise AssertionError(f"label {text!r} not found in column {col}")


def _places(number_format: str) -> int | None:
    m = re.search(r"0\.(0+)", number_format)
    if m:
        return len(m.group(1))
    return 0 if "0" in number_format else None


def number(cell: XCell) -> Decimal | None:
    value = cell.value
    if value is None or isinstance(value, str):
        assert value in (None, "-", "—"), f"{cell.coordinate} holds text {value!r} where a number belongs"
        return None
    assert isinstance(value, (int, float)) and not isinstance(value, bool), cell.coordinate
    d = Decimal(repr(value))
    if cell.number_format.endswith("%"):
        d = d.scaleb(2)
    places = _places(cell.number_format)
    return d.quantize(Decimal(1).scaleb(-places)) if places is not None else d


def text(cell: XCell) -> str | None:
    value = cell.value
    assert value is None or isinstance(value, str), f"{cell.coordinate} should hold text, holds {value!r}"
    return value


def read_form(ws: Worksheet, lang: str = "zh") -> Form:
    s = Sheet(ws)
    L = lambda k: label(k, lang)  # noqa: E731
    assert ws.cell(1, 1).value == L("title")
    m = re.search(r"\d{4}", ws.cell(2, 1).value or "")
    name_row = s.find_row(1, L("project_name"))
    dept_row = s.find_row(1, L("department"))
    assert s.value(dept_row, 5) == L("implementing_unit")
    funds_label = ws.cell(dept_row + 1, 1).value
    unit_m = re.search(r"[（(](.+)[）)]", funds_label)
    unit = unit_m.group(1) if unit_m else None
    if lang == "en":
        unit = {"yuan": "元", "10,000 yuan": "万元"}.get(unit, unit)
    rows: dict[str, FundRow] = {}
    for name in FUND_ROWS:
        r = s.find_row(2, L(name), dept_row)
        rows[name] = FundRow(*(number(s.cell(r, 4 + k)) for k in range(len(FUND_COLUMNS))))
        if name == "total":
            execution = Execution(number(s.cell(r, 7)), number(s.cell(r, 8)), number(s.cell(r, 9)))
    goals_head = s.find_row(2, L("expected"))
    head = s.find_row(2, L("level1"))
    total_row = s.find_row(1, L("total_score"), head)
    indicators = []
    for r in range(head + 1, total_row):
        if not s.starts_row(r, 4):
            continue  # a continuation row of a tall, merged row
        indicators.append(
            Indicator(
                level1=text(s.cell(r, 2)), level2=text(s.cell(r, 3)), name=text(s.cell(r, 4)),
                target=text(s.cell(r, 5)), actual=text(s.cell(r, 6)),
                weight=number(s.cell(r, 7)), score=number(s.cell(r, 8)), deviation=text(s.cell(r, 9)),
            )
        )
    return Form(
        year=int(m.group()) if m else None,
        project_name=text(s.cell(name_row, 2)),
        department=text(s.cell(dept_row, 2)),
        implementing_unit=text(s.cell(dept_row, 6)),
        amount_unit=unit,
        funds=Funds(**rows),
        execution=execution,
        goals=Goals(text(s.cell(goals_head + 1, 2)), text(s.cell(goals_head + 1, 6))),
        indicators=tuple(indicators),
        total_score=number(s.cell(total_row, 8)),
    )
