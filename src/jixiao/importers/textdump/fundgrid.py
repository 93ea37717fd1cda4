"""The 项目资金 grid from amounts printed apart from their labels, by the form's arithmetic.

pdfminer prints the funds block in boxes of irregular size: some columns top to bottom,
a row left to right. Whatever the chunks, a column's amounts come in row order and a
row's in column order, so the printed sequence is one of the orderings of the 4 × 3 grid
that respect both (462 of them). Each is checked with the form's own arithmetic — every
column's 年度资金总额 equals 财政拨款 + 上年结转 + 其他资金, and 执行率 equals 全年执行数 /
全年预算数 — and the reading that satisfies most of it is kept.

pdftotext may also leave out a cell or two (the second and third "-" of an empty
上年结转资金 row): :func:`solve_gaps` then tries every place for the missing cells too,
and keeps a reading only if every column adds up, preferring rows that are wholly
filled or wholly empty (a row half printed and half blank is rarer than a dropped dash).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache
from itertools import combinations

ROWS, COLS = 4, 3


def orderings() -> Iterator[list[tuple[int, int]]]:
    """Every order of filling the grid where (r, c) follows (r-1, c) and (r, c-1)."""
    filled = [0] * ROWS
    seq: list[tuple[int, int]] = []

    def walk() -> Iterator[list[tuple[int, int]]]:
        if len(seq) == ROWS * COLS:
            yield list(seq)
            return
        for r in range(ROWS):
            c = filled[r]
            if c < COLS and (r == 0 or filled[r - 1] > c):
                filled[r] += 1
                seq.append((r, c))
                yield from walk()
                seq.pop()
                filled[r] -= 1

    yield from walk()


_ORDERS = list(orderings())


def consistency(grid: Sequence[Sequence[Decimal | None]], rate: Decimal | None) -> int:
    """+2 for every column that adds up and for a matching 执行率, -1 for a column that does not."""
    score = 0
    for c in range(COLS):
        total = grid[0][c]
        parts = [grid[r][c] for r in range(1, ROWS)]
        if total is None:
            continue
        if sum((p for p in parts if p is not None), Decimal(0)) == total:
            score += 2
        else:
            score -= 1
    annual, executed = grid[0][1], grid[0][2]
    if rate is not None and annual and executed is not None and abs(executed / annual * 100 - rate) < Decimal("0.01"):
        score += 2
    return score


def solve(values: Sequence[Decimal | None], rate: Decimal | None) -> tuple[list[list[int]], int] | None:
    """Indices into ``values`` for every grid cell, and the reading's consistency score."""
    if len(values) != ROWS * COLS:
        return None
    best: tuple[int, list[list[int]]] | None = None
    for order in _ORDERS:
        idx = [[0] * COLS for _ in range(ROWS)]
        for k, (r, c) in enumerate(order):
            idx[r][c] = k
        grid = [[values[idx[r][c]] for c in range(COLS)] for r in range(ROWS)]
        s = consistency(grid, rate)
        if best is None or s > best[0]:
            best = (s, idx)
    assert best is not None
    return best[1], best[0]


MAX_GAPS = 2


@cache
def _gapped(missing: int) -> tuple[tuple[int, ...], ...]:
    """Every distinct filling of the grid (row by row, an index into the printed values
    or -1 for a cell not printed) when ``missing`` cells were left out of the print: any
    printing order with those cells skipped (the others keep their order)."""
    out: dict[tuple[int, ...], None] = {}
    for order in _ORDERS:
        for gone in combinations(range(ROWS * COLS), missing):
            cell = [-1] * (ROWS * COLS)
            k = 0
            for pos, (r, c) in enumerate(order):
                if pos in gone:
                    continue
                cell[r * COLS + c] = k
                k += 1
            out[tuple(cell)] = None
    return tuple(out)


def _mixed(grid: Sequence[Sequence[Decimal | None]]) -> int:
    """Rows holding both amounts and empty cells."""
    return sum(1 for row in grid if any(v is None for v in row) and any(v is not None for v in row))


_Best = tuple[tuple[int, int, int], list[int], list[list[Decimal | None]]]


def _inversions(cells: Sequence[int]) -> int:
    """Pairs of printed cells whose printed order is not their row-by-row order."""
    printed = [i for i in cells if i >= 0]
    return sum(1 for a, b in combinations(printed, 2) if a > b)


def _columns_add_up(values: Sequence[Decimal | None], cells: Sequence[int]) -> bool:
    """Every column's 年度资金总额 printed and equal to the sum of the rows below it."""
    for c in range(COLS):
        i = cells[c]
        total = values[i] if i >= 0 else None
        if total is None:
            return False  # the 年度资金总额 row is always printed in full
        parts = (values[j] for r in range(1, ROWS) if (j := cells[r * COLS + c]) >= 0)
        if sum((p for p in parts if p is not None), Decimal(0)) != total:
            return False
    return True


def _full_readings(values: Sequence[Decimal | None], rate: Decimal | None, where: Sequence[int]) -> Iterator[_Best]:
    """Readings of ``values`` (one or two cells fewer than the grid allowed) in which every
    column adds up: (consistency, -half-empty rows, -cells printed out of row order), the
    cells as indices into ``where`` (-1: not printed), the amounts."""
    missing = ROWS * COLS - len(values)
    if not 0 <= missing <= MAX_GAPS or sum(v is not None for v in values) < COLS:
        return
    for cells in _gapped(missing):
        if not _columns_add_up(values, cells):
            continue  # (most readings fail on their first column: no grid built for them)
        grid = [[values[i] if (i := cells[r * COLS + c]) >= 0 else None for c in range(COLS)] for r in range(ROWS)]
        s = consistency(grid, rate)
        if s >= 2 * COLS:
            printed = [where[i] if i >= 0 else -1 for i in cells]
            yield (s, -_mixed(grid), -_inversions(printed)), printed, grid


def _unique(found: Iterator[_Best]) -> tuple[list[list[int]], int] | None:
    """The best reading, unless another as good gives different amounts."""
    best: _Best | None = None
    tied = False
    for got in found:
        if best is None or got[0] > best[0]:
            best, tied = got, False
        elif got[0] == best[0] and got[2] != best[2]:
            tied = True
    if best is None or tied:
        return None
    cells = best[1]
    return [[cells[r * COLS + c] for c in range(COLS)] for r in range(ROWS)], best[0][0]


def solve_gaps(values: Sequence[Decimal | None], rate: Decimal | None) -> tuple[list[list[int]], int] | None:
    """Like :func:`solve` for one or two cells fewer than the grid: indices into
    ``values`` (-1 for a cell not printed) and the consistency score. Only a reading in
    which every column adds up is returned, and only when no other such reading (as
    good, with as few half-empty rows) gives different amounts."""
    if len(values) == ROWS * COLS:
        return None
    return _unique(_full_readings(values, rate, range(len(values))))


def solve_moved(values: Sequence[Decimal | None], rate: Decimal | None) -> tuple[list[list[int]], int] | None:
    """Like :func:`solve_gaps` when the last amount printed belongs earlier: pdftotext
    prints a row's 年初预算数 beside the row labels, and a label box printed after the
    amounts brings that one amount along (the 年度资金总额 row's first amount after the
    其他资金 row). Every earlier place is tried for it; the same rules decide."""
    n = len(values)

    def moved() -> Iterator[_Best]:
        for pos in range(n - 1):
            where = [*range(pos), n - 1, *range(pos, n - 1)]
            yield from _full_readings([values[i] for i in where], rate, where)

    return _unique(moved()) if n > 1 else None
