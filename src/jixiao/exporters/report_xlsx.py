"""The audit report as a workbook: a summary sheet, one sheet per form, and every issue.

Scores stay numbers (with the precision they carry), text wraps, every table has a
bold header row, and the per-form score table's header repeats on printed pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.exporters.labels import label
from jixiao.exporters.report import FormReport, Report
from jixiao.exporters.xlsx import (
    BORDER,
    FONT_NAME,
    LINE_PT,
    MAX_ROW_PT,
    PAD_PT,
    clean_text,
    decimals,
    new_workbook,
    print_setup,
    sheet_title,
    text_lines,
    workbook_bytes,
)

_HEAD_FILL = PatternFill("solid", fgColor="EEEEEE")
_DIFF_FILL = PatternFill("solid", fgColor="FFF3CD")


def _put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False, fill: PatternFill | None = None) -> None:
    cell = ws.cell(row, col)
    if isinstance(value, Decimal):
        cell.value = value
        cell.number_format = "0" + ("." + "0" * decimals(value) if decimals(value) else "")
        horizontal = "right"
    elif isinstance(value, int):
        cell.value = value
        horizontal = "right"
    else:
        cell.value = clean_text(value) if value else None
        if value:
            cell.data_type = "s"
        horizontal = "left"
    cell.font = Font(name=FONT_NAME, size=10, bold=bold)
    cell.alignment = Alignment(horizontal="center" if bold else horizontal, vertical="center", wrap_text=True)
    cell.border = BORDER
    if fill is not None:
        cell.fill = fill


def write_table(
    ws: Worksheet, top: int, caption: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
    highlight: Sequence[bool] = (),
) -> int:
    """A captioned table at row ``top``; returns the first free row after it. Row heights
    are set from the wrapped text (set the column widths first)."""
    ws.cell(top, 1, caption).font = Font(name=FONT_NAME, size=11, bold=True)
    for c, text in enumerate(headers, start=1):
        _put(ws, top + 1, c, text, bold=True, fill=_HEAD_FILL)
    _fit_height(ws, top + 1, headers)
    for r, values in enumerate(rows, start=top + 2):
        fill = _DIFF_FILL if r - top - 2 < len(highlight) and highlight[r - top - 2] else None
        for c, value in enumerate(values, start=1):
            _put(ws, r, c, value, fill=fill)
        _fit_height(ws, r, values)
    return top + 2 + len(rows) + 1


def _fit_height(ws: Worksheet, row: int, values: Sequence[Any]) -> None:
    lines = 1
    for c, value in enumerate(values, start=1):
        if isinstance(value, str) and value:
            width = ws.column_dimensions[get_column_letter(c)].width or 8.43
            lines = max(lines, text_lines(value, width))
    ws.row_dimensions[row].height = min(MAX_ROW_PT, lines * LINE_PT + PAD_PT)


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _summary(ws: Worksheet, report: Report) -> None:
    L = report.labels
    _widths(ws, (22, 40, 36, 12, 10, 10, 10))
    ws.cell(1, 1, L["report_title"]).font = Font(name=FONT_NAME, size=16, bold=True)
    ws.cell(2, 1, f"{L['forms_count']}：{len(report.forms)}").font = Font(name=FONT_NAME, size=10)
    row = write_table(ws, 4, L["by_grade"], [L["grade"], L["count"]], list(report.by_grade))
    codes = [[code, sev, title, n] for code, sev, title, n in report.by_code]
    row = write_table(ws, row, L["by_code"], [L["code"], L["severity"], L["issue_title"], L["count"]], codes)
    forms = [
        [f.index + 1, f.form.label, f.claimed_total, f.computed_total, f.grade_label, f.errors, f.warnings]
        for f in report.forms
    ]
    headers = [L["form_no"], L["project_name"], L["claimed"], L["computed"], L["grade"], L["errors"], L["warnings"]]
    write_table(ws, row, L["scores"], headers, forms)
    print_setup(ws, landscape=False)


def _form_sheet(ws: Worksheet, f: FormReport, report: Report) -> None:
    L = report.labels
    _widths(ws, (14, 18, 22, 16, 16, 7, 8, 8, 10, 12, 48))
    ws.cell(1, 1, f"{f.index + 1}. {f.form.label}").font = Font(name=FONT_NAME, size=14, bold=True)
    meta = [
        (L["department"], f.form.department), (L["implementing_unit"], f.form.implementing_unit),
        (L["rules"], f.rules), (L["grade"], f.grade_label),
        (L["issues"], f"{len(f.issues)} ({L['errors']} {f.errors}, {L['warnings']} {f.warnings})"),
    ]
    for r, (key, value) in enumerate(meta, start=2):
        ws.cell(r, 1, key).font = Font(name=FONT_NAME, size=10, bold=True)
        _put(ws, r, 2, value or "")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
    headers = [L["form_no"], L["level"], L["name"], L["target"], L["actual"], L["weight"], L["claimed"],
               L["computed"], L["difference"], L["status"], L["explanation"]]
    rows: list[list[Any]] = [
        [r.no, r.level, r.name, r.target, r.actual, r.weight, r.claimed, r.computed, r.difference, r.status,
         r.explanation + (f" [{r.rule}]" if r.rule else "")]
        for r in f.rows
    ]
    difference = None
    if f.claimed_total is not None and f.computed_total is not None:
        difference = f.claimed_total - f.computed_total
    rows.append([L["total_score"], "", "", "", "", None, f.claimed_total, f.computed_total, difference, f.grade_label, ""])
    top = 8
    write_table(ws, top, L["scores"], headers, rows, highlight=[r.differs for r in f.rows])
    ws.print_title_rows = f"{top + 1}:{top + 1}"
    ws.freeze_panes = f"A{top + 2}"
    print_setup(ws, landscape=True)


def _issues_sheet(ws: Worksheet, report: Report) -> None:
    """Every issue of every form, one a row, filterable by form, severity and code."""
    L = report.labels
    _widths(ws, (6, 24, 8, 22, 20, 26, 50, 40))
    headers = [L["form_no"], L["project_name"], L["severity"], L["code"], L["issue_title"], L["location"],
               L["message"], L["remedy"]]
    rows = [
        [f.index + 1, f.form.label, i.severity_label, i.code, i.title, i.location, i.message, i.remedy]
        for f in report.forms for i in f.issues
    ]
    end = write_table(ws, 1, f"{L['issues']}（{len(rows)}）", headers, rows or [[L["no_issues"]]])
    ws.auto_filter.ref = f"A2:H{max(3, end - 2)}"
    ws.print_title_rows = "2:2"
    ws.freeze_panes = "A3"
    print_setup(ws, landscape=True)


def report_to_xlsx(report: Report) -> bytes:
    wb = new_workbook(report.lang)
    wb.properties.title = report.labels["report_title"]
    taken: set[str] = set()
    _summary(wb.create_sheet(sheet_title(label("summary", report.lang), taken, 0)), report)
    for f in report.forms:
        _form_sheet(wb.create_sheet(sheet_title(f"{f.index + 1} {f.form.label}", taken, f.index + 1)), f, report)
    _issues_sheet(wb.create_sheet(sheet_title(label("issues", report.lang), taken, len(report.forms) + 1)), report)
    return workbook_bytes(wb)
