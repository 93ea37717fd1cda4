"""Excel workbooks (.xlsx via openpyxl, .xls via xlrd) -> rows of cells -> forms.

Cells are shown *as printed*: a number takes the decimals and the % of its number
format (0.8961 formatted ``0.00%`` is the printed 89.61%), so the mapper sees the same
text a reader of the sheet sees. A merged range becomes one cell that appears in every
row it spans. A formula whose result was never stored (a file written by a program and
never opened in Excel) is read as empty and reported, not guessed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.importers.grid import Cell, Row
from jixiao.importers.mapper import FormMapper
from jixiao.importers.result import ImportResult
from jixiao.importers.values import number_text

MAX_ROWS = 5000
"""Rows read per sheet; a form has well under 200, so more means a data dump."""


def _col_letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _build_rows(
    sheet: str,
    nrows: int,
    ncols: int,
    value_at,  # (r, c) -> str
    merged: list[tuple[int, int, int, int]],  # r0, r1 (excl), c0, c1 (excl)
) -> Iterator[Row]:
    """Rows of cells for a sheet given a text accessor and merged ranges (0-based)."""
    anchor: dict[tuple[int, int], Cell] = {}
    covered: dict[tuple[int, int], Cell] = {}
    for r0, r1, c0, c1 in merged:
        if r0 >= nrows or c0 >= ncols:
            continue
        text = value_at(r0, c0)
        cell = Cell(text.splitlines() if text else [], c0, c1, ref=f"{_col_letter(c0)}{r0 + 1}")
        for r in range(r0, min(r1, nrows)):
            for c in range(c0, min(c1, ncols)):
                covered[(r, c)] = cell
        anchor[(r0, c0)] = cell
    for r in range(nrows):
        cells: list[Cell] = []
        last: Cell | None = None
        for c in range(ncols):
            cell = covered.get((r, c))
            if cell is None:
                text = value_at(r, c)
                cell = Cell(text.splitlines() if text else [], c, c + 1, ref=f"{_col_letter(c)}{r + 1}")
            if cell is not last:
                cells.append(cell)
                last = cell
        yield Row(cells, sheet=sheet, index=r)


def read_xlsx(data: bytes, name: str | None) -> ImportResult:
    import openpyxl

    issues: list[Issue] = []
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    formulas = None
    try:
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # the cached-value read already worked; formulas are a bonus
        formulas = None
    mapper = FormMapper(name)
    for ws in wb.worksheets:
        if not hasattr(ws, "merged_cells"):
            continue  # chart sheets
        fws = formulas[ws.title] if formulas is not None and ws.title in formulas.sheetnames else None
        nrows, ncols = min(ws.max_row, MAX_ROWS), min(ws.max_column, 64)
        if ws.max_row > MAX_ROWS:
            issues.append(make_issue("import-too-large", Location(file=name, sheet=ws.title), file=name, pages=ws.max_row, limit=MAX_ROWS))
        grid = [[c for c in row] for row in ws.iter_rows(min_row=1, max_row=nrows, max_col=ncols)]

        def value_at(r: int, c: int, grid=grid, fws=fws, ws=ws) -> str:
            try:
                cell = grid[r][c]
            except IndexError:
                return ""
            v = cell.value
            if v is None:
                if fws is not None:
                    f = fws.cell(row=r + 1, column=c + 1).value
                    if isinstance(f, str) and f.startswith("="):
                        issues.append(
                            make_issue(
                                "import-formula-no-value",
                                Location(file=name, sheet=ws.title, cell=cell.coordinate),
                                cell=f"{ws.title}!{cell.coordinate}",
                                formula=f,
                            )
                        )
                return ""
            if isinstance(v, bool | int | float):
                return number_text(v, cell.number_format)
            if hasattr(v, "isoformat"):
                return v.isoformat()[:10]
            return str(v)

        merged = [(m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges]
        mapper.feed(_build_rows(ws.title, nrows, ncols, value_at, merged))
        mapper.end_section()
    forms, map_issues = mapper.finish()
    return ImportResult.of(forms, [*issues, *map_issues], "xlsx")


def read_xls(data: bytes, name: str | None) -> ImportResult:
    import xlrd

    issues: list[Issue] = []
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except (NotImplementedError, KeyError, IndexError, AssertionError):
        # some writers emit formatting records xlrd cannot follow: values still read,
        # merged ranges and number formats are lost
        book = xlrd.open_workbook(file_contents=data, formatting_info=False, on_demand=False)
    mapper = FormMapper(name)
    for sh in book.sheets():
        nrows, ncols = min(sh.nrows, MAX_ROWS), min(sh.ncols, 64)

        def value_at(r: int, c: int, sh=sh) -> str:
            cell = sh.cell(r, c)
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                return ""
            if cell.ctype == xlrd.XL_CELL_NUMBER:
                fmt = None
                try:
                    xf = book.xf_list[cell.xf_index]
                    fmt = book.format_map[xf.format_key].format_str
                except (IndexError, KeyError, AttributeError):
                    fmt = None
                return number_text(cell.value, fmt)
            if cell.ctype == xlrd.XL_CELL_BOOLEAN:
                return "是" if cell.value else "否"
            if cell.ctype == xlrd.XL_CELL_ERROR:
                return ""
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode).date().isoformat()
                except Exception:
                    return str(cell.value)
            return str(cell.value)

        merged = [(r0, r1, c0, c1) for r0, r1, c0, c1 in sh.merged_cells]
        mapper.feed(_build_rows(sh.name, nrows, ncols, value_at, merged))
        mapper.end_section()
    forms, map_issues = mapper.finish()
    return ImportResult.of(forms, [*issues, *map_issues], "xls")


def is_xlsx_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.startswith("xl/") for n in z.namelist())
    except zipfile.BadZipFile:
        return False
