"""Forms to an Excel workbook in the official layout, one sheet per form (openpyxl).

Cells keep real types: amounts, rates, weights and scores are numbers, text is text
(a target such as ``=100%`` is stored as a string, never as a formula). The number
format of each numeric cell carries the precision the value was printed with
(``94.90`` → ``0.00``, ``215457.6`` → ``#,##0.0``, ``89.61%`` → ``0.00%``), so a reader
can give back exactly the printed value. Empty amounts show ``-``.

Spreadsheet rows cannot grow beyond 409 points and merged cells do not auto-fit, so
row heights are estimated from the text and column widths, and a logical row whose
text needs more (a 2,000-character 年度总体目标) is spread over several physical rows
with its cells merged across them: the value stays in one cell and nothing is clipped.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.core.model import Form
from jixiao.exporters.labels import label
from jixiao.exporters.layout import Cell, FormLayout, form_layout

FONT_NAME = "宋体"
FONT_SIZE = 10
LINE_PT = 14.4
"""Height of one wrapped line of 10-point text, as Excel and LibreOffice lay it out."""
PAD_PT = 6.0
MAX_ROW_PT = 400.0
"""Under Excel's 409-point row limit."""

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """Text without the control characters a workbook cannot hold."""
    return _ILLEGAL.sub("", text)


def decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _fraction(places: int) -> str:
    return "." + "0" * places if places else ""


def number_format(cell: Cell) -> str:
    """The number format that shows ``cell.value`` with its printed precision."""
    if not isinstance(cell.value, Decimal):
        return "General"
    places = decimals(cell.value)
    if cell.kind == "amount":
        return "#,##0" + _fraction(places)
    if cell.kind == "rate":
        return "0" + _fraction(places) + "%"
    return "0" + _fraction(places)


def _text_units(text: str) -> float:
    """Width of a text in column-width units (a CJK character is about two digits)."""
    return sum(1.9 if unicodedata.east_asian_width(ch) in "WF" else 1.05 for ch in text)


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` units wide."""
    usable = max(1.0, width - 1.0)
    lines = 0
    for paragraph in text.split("\n"):
        lines += max(1, math.ceil(_text_units(paragraph) * 1.04 / usable))
    return lines


def _cell_text(cell: Cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,}"
    return value


def _needed_height(cell: Cell, widths: Sequence[float]) -> float:
    if cell.kind == "vlabel" and isinstance(cell.value, str):
        return len(cell.value) * LINE_PT + PAD_PT  # stacked characters
    if cell.kind == "title":
        return 30.0
    width = sum(widths[cell.col : cell.last_col + 1])
    return text_lines(_cell_text(cell), width) * LINE_PT + PAD_PT


def row_heights(layout: FormLayout) -> list[float]:
    """Height in points each logical row needs (merged cells add to their last row)."""
    heights = [LINE_PT + PAD_PT] * len(layout.rows)
    spanning: list[tuple[Cell, float]] = []
    for cell in layout.cells():
        need = _needed_height(cell, layout.widths)
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            spanning.append((cell, need))
    for cell, need in spanning:
        have = sum(heights[cell.row : cell.last_row + 1])
        if need > have:
            heights[cell.last_row] += need - have
    return heights


def _style(ws: Worksheet, cell: Cell, top: int, bottom: int, lang: str) -> None:
    first = ws.cell(top, cell.col + 1)
    wrap = cell.kind not in ("title", "subtitle")
    horizontal = {"long": "left", "amount": "right"}.get(cell.kind, "center")
    if cell.kind == "amount" and cell.value is None:
        horizontal = "center"
    rotation = 255 if cell.kind == "vlabel" and lang != "en" else 0
    # text spread over several physical rows starts at the top, so no page begins blank
    vertical = "top" if cell.kind == "long" and bottom > top else "center"
    first.alignment = Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap, text_rotation=rotation)
    size = {"title": 16, "subtitle": 11}.get(cell.kind, FONT_SIZE)
    first.font = Font(name=FONT_NAME, size=size, bold=cell.kind == "title")
    first.number_format = number_format(cell)
    if cell.kind in ("title", "subtitle"):
        return
    for r in range(top, bottom + 1):
        for c in range(cell.col + 1, cell.last_col + 2):
            ws.cell(r, c).border = BORDER


def _value(cell: Cell) -> str | Decimal | None:
    value = cell.value
    if isinstance(value, Decimal):
        return value.scaleb(-2) if cell.kind == "rate" else value
    if isinstance(value, str):
        return clean_text(value)
    if cell.kind in ("amount", "rate") or (cell.field or "").startswith("execution."):
        return "-"
    return None


def write_layout(ws: Worksheet, layout: FormLayout) -> None:
    """Place a form's layout on a worksheet: values, merges, styles, print set-up."""
    heights = row_heights(layout)
    start: list[int] = []
    spans: list[int] = []
    excel_row = 1
    for height in heights:
        k = max(1, math.ceil(height / MAX_ROW_PT))
        start.append(excel_row)
        spans.append(k)
        for j in range(k):
            ws.row_dimensions[excel_row + j].height = round(height / k, 1)
        excel_row += k
    for i, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for cell in layout.cells():
        top = start[cell.row]
        bottom = start[cell.last_row] + spans[cell.last_row] - 1
        target = ws.cell(top, cell.col + 1)
        value = _value(cell)
        target.value = value
        if isinstance(value, str):
            target.data_type = "s"  # "=100%" is a printed target, not a formula
        if bottom > top or cell.colspan > 1:
            ws.merge_cells(start_row=top, start_column=cell.col + 1, end_row=bottom, end_column=cell.last_col + 1)
        _style(ws, cell, top, bottom, layout.lang)
    head = layout.section("ind_head")[0].index
    ws.print_title_rows = f"{start[head]}:{start[head]}"
    ws.print_area = f"A1:{get_column_letter(len(layout.widths))}{excel_row - 1}"
    print_setup(ws, landscape=False)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    footer = ws.oddFooter
    if footer is not None:
        footer.center.text = label("page", layout.lang, page="&P", pages="&N")
        footer.center.size = 9


def print_setup(ws: Worksheet, landscape: bool) -> None:
    """A4, fitted to the page width, as many pages tall as it takes."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str | None, taken: set[str], index: int) -> str:
    """A valid, unique worksheet name (≤ 31 characters) from a project name."""
    base = _SHEET_BAD.sub("_", clean_text(name or "")).strip().strip("'") or f"表{index + 1}"
    base = base[:31]
    title, n = base, 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def new_workbook(lang: str) -> Workbook:
    wb = Workbook()
    for sheet in list(wb.worksheets):
        wb.remove(sheet)
    wb.properties.language = lang
    wb.properties.creator = "jixiao"
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def forms_to_xlsx(forms: Sequence[Form], lang: str = "zh") -> bytes:
    """A workbook with one sheet per form, in the official layout."""
    wb = new_workbook(lang)
    wb.properties.title = label("title", lang)
    taken: set[str] = set()
    for index, form in enumerate(forms):
        ws = wb.create_sheet(sheet_title(form.project_name, taken, index))
        write_layout(ws, form_layout(form, lang))
    if not forms:
        wb.create_sheet(label("title", lang)[:31])
    return workbook_bytes(wb)
