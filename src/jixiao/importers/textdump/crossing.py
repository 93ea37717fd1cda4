"""Rows read by columns whose streams disagree on the order: which row is which.

pdfminer emits a table's boxes in groups sorted by a mix of their left edge and height
on the page, so a group holding a merged label (质量指标) and the row beside it can come
out before the row above it. The names, targets and actuals then each still form a
stream, but not always in row order. Two kinds of evidence put the rows back:

- a name says what its values are (人数 / 次数 count, 率 / 满意度 a rate, 及时 / 时间 a
  deadline): a name whose kind fits the next row's values and not its own row's, while
  the next name fits this row's, belongs one place on (:func:`match_names`);
- two rows whose targets and actuals come out in opposite orders have one stream out of
  row order; the form's arithmetic (得分 against 分值 and the target met or not) decides
  which when it can, otherwise the official order of the 二级指标 (数量 before 质量
  before 时效 …) read from the values' kinds. A choice made by that order alone is
  flagged with a lower confidence (:func:`uncross`).
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump import match as mt
from jixiao.importers.textdump.late_rows import grouped
from jixiao.importers.textdump.units import Cell

Row = tuple[Cell | None, Cell | None]
"""(target, actual)."""

GUESSED = 0.6
"""Confidence of cells placed by the 二级指标 order alone (no arithmetic evidence)."""
MOVE = 0.3
"""Cost of a name placed one row away from its printed place."""


def _text(c: Cell | None) -> str | None:
    return c.text if c is not None else None


def _group_rank(row: Row) -> int | None:
    """The earliest 二级指标 (in the official order) a row's values fit, or None."""
    kind = mt.value_kind(_text(row[0]), _text(row[1]))
    if kind is None:
        return None
    for k, label in enumerate(lx.LEVEL2_ORDER):
        if lx.AFFINITY.get(label, {}).get(kind, 0.0) >= 0.5:
            return k
    return None


def _score(ws: tuple[Decimal, Decimal] | None, row: Row) -> float:
    if ws is None:
        return 0.0
    ratio = mt.achievement(_text(row[0]), _text(row[1]))
    return mt.score_cost(ws[0], ws[1], ratio, False)


def uncross(rows: list[Row], names: list[Cell], ws: list[tuple[Decimal, Decimal] | None]) -> tuple[list[Row], list[Cell], set[int]]:
    """Swap neighbouring rows whose actuals were printed in the opposite order to their
    targets when the swap fits the scores better, or as well and the 二级指标 order asks
    for it; names printed each just before its target (name, target, name, target) go
    with their rows. Returns the rows, the names and the indices placed by that order
    alone."""
    out, nm = list(rows), list(names)
    guessed: set[int] = set()
    i = 0
    while i + 1 < len(out):
        (t1, a1), (t2, a2) = out[i], out[i + 1]
        if t1 is None or t2 is None or a1 is None or a2 is None:
            i += 1
            continue
        if not (t1.page == t2.page == a1.page == a2.page and t1.line < t2.line and a1.line > a2.line):
            i += 1
            continue
        w1 = ws[i] if i < len(ws) else None
        w2 = ws[i + 1] if i + 1 < len(ws) else None
        keep = _score(w1, out[i]) + _score(w2, out[i + 1])
        swap = _score(w1, out[i + 1]) + _score(w2, out[i])
        r1, r2 = _group_rank(out[i]), _group_rank(out[i + 1])
        tie = abs(swap - keep) < 1e-9
        # a row whose target and actual came out together says nothing of the order of the
        # actual column: only the arithmetic moves it
        together = grouped(out, nm, i + 1)
        if swap < keep - 1e-9 or (tie and not together and r1 is not None and r2 is not None and r2 < r1):
            if tie:
                guessed.update((i, i + 1))
            out[i], out[i + 1] = out[i + 1], out[i]
            if i + 1 < len(nm) and nm[i].line < t1.line < nm[i + 1].line < t2.line:
                nm[i], nm[i + 1] = nm[i + 1], nm[i]
            i += 2
            continue
        i += 1
    return out, nm, guessed


def match_names(names: list[Cell], rows: list[Row]) -> tuple[list[Cell], set[int]]:
    """Names in printed order, moved to the neighbouring row when both names read like
    the other row's values (a rate name beside a count, a count name beside a rate).
    Returns the names and the rows whose name was moved."""
    out = list(names)
    moved: set[int] = set()
    n = min(len(out), len(rows))
    i = 0
    while i + 1 < n:
        k1 = mt.value_kind(_text(rows[i][0]), _text(rows[i][1]))
        k2 = mt.value_kind(_text(rows[i + 1][0]), _text(rows[i + 1][1]))
        n1, n2 = mt.name_kind(out[i].text), mt.name_kind(out[i + 1].text)
        keep = mt.kind_cost(n1, k1) + mt.kind_cost(n2, k2)
        swap = mt.kind_cost(n2, k1) + mt.kind_cost(n1, k2) + 2 * MOVE
        if swap < keep - 1e-9:
            out[i], out[i + 1] = out[i + 1], out[i]
            moved.update((i, i + 1))
            i += 2
            continue
        i += 1
    return out, moved
