"""The 项目资金 grid from amounts printed apart from their labels, by the form's arithmetic.

pdfminer prints the funds block in boxes of irregular size: some columns top to bottom,
a row left to right. Whatever the chunks, a column's amounts come in row order and a
row's in column order, so the printed sequence is one of the orderings of the 4 × 3 grid
that respect both (462 of them). Each is checked with the form's own arithmetic — every
column's 年度资金总额 equals 财政拨款 + 上年结转 + 其他资金, and 执行率 equals 全年执行数 /
全年预算数 — and the reading that satisfies most of it is kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

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
