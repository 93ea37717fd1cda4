"""The funds grid recovered from amounts printed in irregular chunks, by the arithmetic."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.fundgrid import consistency, orderings, solve


def test_every_printing_order_of_the_grid() -> None:
    orders = list(orderings())
    assert len(orders) == 462  # standard Young tableaux of a 4 x 3 rectangle
    assert orders[0][:3] == [(0, 0), (0, 1), (0, 2)]  # row by row is one of them


def test_column_chunks_then_a_row() -> None:
    # 年初 column of the first three rows, 全年 column of the same, then 执行数 of
    # those, then the 其他资金 row left to right (pdfminer boxes)
    values = [D("5063.22"), D("4443.99"), None, D("5063.22"), D("4443.99"), None, D("3889.57"), D("3413.88"), None, D("619.23"), D("619.23"), D("475.69")]
    idx, score = solve(values, D("76.82"))  # type: ignore[misc]
    grid = [[values[idx[r][c]] for c in range(3)] for r in range(4)]
    assert grid[0] == [D("5063.22"), D("5063.22"), D("3889.57")]
    assert grid[1] == [D("4443.99"), D("4443.99"), D("3413.88")]
    assert grid[3] == [D("619.23"), D("619.23"), D("475.69")]
    assert score == consistency(grid, D("76.82")) == 8


def test_wrong_count_is_not_guessed() -> None:
    assert solve([D(1)] * 11, None) is None
