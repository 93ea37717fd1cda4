"""Excel workbooks (.xlsx via openpyxl, .xls via xlrd) -> rows of cells -> forms.

Cells are shown *as printed*: a number takes the decimals and the % of its number
format (0.8961 formatted ``0.00%`` is the printed 89.61%), so the mapper sees the same
text a reader of the sheet sees. A merged range becomes one cell that appears in every
row it spans. A formula whose result was never stored (a file written by a program and
never opened in Excel) is read as empty and reported, not guessed.
"""

from __future__ import annotations

import io
import re
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
    covered: dict[tuple[int, int], Cell] = {}
    for r0, r1, c0, c1 in merged:
        if r0 >= nrows or c0 >= ncols:
            continue
        text = value_at(r0, c0)
        merged_cell = Cell(text.splitlines() if text else [], c0, c1, ref=f"{_col_letter(c0)}{r0 + 1}")
        for r in range(r0, min(r1, nrows)):
            for c in range(c0, min(c1, ncols)):
                covered[(r, c)] = merged_cell
    for r in range(nrows):
        cells: list[Cell] = []
        last: Cell | None = None
        for c in range(ncols):
            cell: Cell | None = covered.get((r, c))
            if cell is None:
                text = value_at(r, c)
                cell = Cell(text.splitlines() if text else [], c, c + 1, ref=f"{_col_letter(c)}{r + 1}")
            if cell is not last:
                cells.append(cell)
                last = cell
        yield Row(cells, sheet=sheet, index=r)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')


def _merged_ranges(z: zipfile.ZipFile, path: str | None) -> list[tuple[int, int, int, int]]:
    """Merged ranges of one sheet, read from its XML (the read-only reader does not keep
    them, and the full reader spends most of its time styling merged borders)."""
    from openpyxl.utils.cell import range_boundaries

    if not path:
        return []
    try:
        xml = z.read(path.lstrip("/"))
    except KeyError:
        return []
    out: list[tuple[int, int, int, int]] = []
    for m in _MERGE.finditer(xml):
        min_col, min_row, max_col, max_row = range_boundaries(m.group(1).decode())
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue
        out.append((min_row - 1, max_row, min_col - 1, max_col))
    return out


def _formula_cells(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet -> (row, col) -> formula, only for workbooks that hold formulas."""
    import openpyxl

    out: dict[str, dict[tuple[int, int], str]] = {}
    if not _has_formulas(data):
        return out
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # the cached-value read works; formulas are only for reporting
        return out
    try:
        for ws in wb.worksheets:
            cells: dict[tuple[int, int], str] = {}
            for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS, max_col=64)):
                for c, cell in enumerate(row):
                    v = cell.value
                    if isinstance(v, str) and v.startswith("="):
                        cells[(r, c)] = v
            out[ws.title] = cells
    finally:
        wb.close()
    return out


def read_xlsx(data: bytes, name: str | None) -> ImportResult:
    import openpyxl

    issues: list[Issue] = []
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    formulas = _formula_cells(data)
    mapper = FormMapper(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for ws in wb.worksheets:
                grid = [list(row) for row in ws.iter_rows(max_row=MAX_ROWS + 1, max_col=64)]
                if len(grid) > MAX_ROWS:
                    grid = grid[:MAX_ROWS]
                    issues.append(make_issue("import-too-large", Location(file=name, sheet=ws.title), file=name, pages=f"> {MAX_ROWS}", limit=MAX_ROWS))
                nrows = len(grid)
                # the reader pads rows to 64 columns: keep only up to the last one used
                ncols = max((c + 1 for row in grid for c, cell in enumerate(row) if cell.value is not None), default=0)
                sheet_formulas = formulas.get(ws.title, {})

                def value_at(r: int, c: int, grid=grid, fs=sheet_formulas, title=ws.title) -> str:
                    try:
                        cell = grid[r][c]
                    except IndexError:
                        return ""
                    v = cell.value
                    if v is None:
                        f = fs.get((r, c))
                        if f is not None:
                            ref = f"{_col_letter(c)}{r + 1}"
                            issues.append(
                                make_issue(
                                    "import-formula-no-value",
                                    Location(file=name, sheet=title, cell=ref),
                                    cell=f"{title}!{ref}",
                                    formula=f,
                                )
                            )
                        return ""
                    if isinstance(v, bool | int | float):
                        return number_text(v, cell.number_format)
                    if hasattr(v, "isoformat"):
                        return v.isoformat()[:10]
                    return str(v)

                merged = _merged_ranges(z, getattr(ws, "_worksheet_path", None))
                mapper.feed(_build_rows(ws.title, nrows, ncols, value_at, merged))
                mapper.end_section()
    finally:
        wb.close()
    forms, map_issues = mapper.finish()
    return ImportResult.of(forms, [*issues, *map_issues], "xlsx")


def read_xls(data: bytes, name: str | None) -> ImportResult:
    import xlrd

    issues: list[Issue] = []
    quiet = io.StringIO()  # xlrd writes its warnings to stdout, where the JSON output goes
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=quiet)
    except (NotImplementedError, KeyError, IndexError, AssertionError):
        # some writers emit formatting records xlrd cannot follow: values still read,
        # merged ranges and number formats are lost
        book = xlrd.open_workbook(file_contents=data, formatting_info=False, logfile=quiet)
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


def _has_formulas(data: bytes) -> bool:
    """Does any worksheet hold a formula? (Only then is the workbook read a second time.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    xml = z.read(name)
                    if b"<f>" in xml or b"<f " in xml or b":f>" in xml or b":f " in xml:
                        return True
    except (zipfile.BadZipFile, OSError, KeyError):
        return True
    return False


def is_xlsx_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.startswith("xl/") for n in z.namelist())
    except zipfile.BadZipFile:
        return False
