"""Word .docx forms (python-docx): tables and the paragraphs around them, in order.

A Word table's merged cells (gridSpan across, vMerge down) come back from python-docx
as the same cell object in every grid position they cover, which is exactly the
"merged cell repeats in every row" shape the mapper expects. Paragraphs between
tables (the title, "(2022年度)", "单位：万元") are fed as one-cell rows in document
order, so several forms in one document separate at their titles, and a form whose
table was split by a page break continues across the two tables.
"""

from __future__ import annotations

import io
from typing import Any

from jixiao.importers.grid import Cell, Row
from jixiao.importers.mapper import FormMapper
from jixiao.importers.result import ImportResult

MAX_TABLE_ROWS = 5000


def _table_rows(table: Any, number: int) -> list[Row]:
    rows: list[Row] = []
    ncols = len(table.columns)
    if ncols == 0:
        return rows
    # one pass over the whole grid (row.cells would rebuild it for every row)
    flat = list(table._cells)
    nrows = min(len(flat) // ncols, MAX_TABLE_ROWS)
    cache: dict[int, tuple[Any, Cell]] = {}  # the element is kept so that its id stays unique
    for r in range(nrows):
        out: list[Cell] = []
        last_tc = None
        for c in range(ncols):
            cell = flat[r * ncols + c]
            tc = cell._tc
            if tc is last_tc:
                out[-1].x1 = max(out[-1].x1, c + 1)
                continue
            last_tc = tc
            known = cache.get(id(tc))
            if known is not None:
                out.append(known[1])
                continue
            text = "\n".join(p.text for p in cell.paragraphs)
            made = Cell(text.splitlines(), c, c + 1, ref=f"T{number}!R{r + 1}C{c + 1}")
            cache[id(tc)] = (tc, made)
            out.append(made)
        rows.append(Row(out, index=r))
    return rows


def read_docx(data: bytes, name: str | None) -> ImportResult:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    mapper = FormMapper(name)
    body = document.element.body
    table_no = 0
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            if text:
                mapper.feed([Row([Cell([text], 0, 1000)], index=-1)])
        elif tag == "tbl":
            table_no += 1
            mapper.feed(_table_rows(Table(child, document), table_no))
    forms, issues = mapper.finish()
    return ImportResult.of(forms, issues, "docx")
