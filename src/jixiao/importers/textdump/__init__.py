"""Text dumps of 财政项目支出绩效自评表 PDFs (pdfminer, pdftotext, web copies, Word text).

Public API: :func:`parse_text` (text -> :class:`~jixiao.importers.result.ImportResult`)
and :func:`detect_shape`. Modules, in pipeline order: ``shape`` (which tool made the
dump), ``tokens`` (pages, lines, typed tokens, wrapped labels), ``sections`` (header),
``funds`` (项目资金 and execution), ``goals`` and ``goal_items`` (年度总体目标; numbered
cells dealt back into two columns), ``rows`` (indicator rows and loose cells per page),
``chunk`` and ``interleave`` (rows printed column by column or line by line inside a
row-order dump), ``wrap`` (cells from wrapped lines), ``levels`` (一级/二级 groups from the
weight split) with ``topics`` (a 效益 row's wording as a tie-break), ``assemble`` (matching
cells to rows), ``build`` (Form, sources, confidence, issues), ``layout`` (pdftotext
-layout columns), ``columnar`` and ``streams`` (tables printed column by column:
names/targets/actuals as row-ordered streams) with ``crossing`` and ``late_rows`` (rows
whose streams left row order), ``fundgrid`` (the funds grid from the printing orders that
add up).
"""

from jixiao.importers.textdump.parser import parse_text
from jixiao.importers.textdump.shape import detect_shape

__all__ = ["detect_shape", "parse_text"]
