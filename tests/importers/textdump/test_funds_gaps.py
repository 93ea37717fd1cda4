"""Plain pdftotext drops a cell or two of an empty fund row: the arithmetic places them."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.fundgrid import solve_gaps
from jixiao.importers.textdump.funds import read_funds
from jixiao.importers.textdump.tokens import build_lines

HEAD = "财政项目支出绩效自评表\n(2024 年度)\n档案数字化项目\n\n项目名称\n主管部门\n\n市交通委员会\n\n实施单位\n年初预算数\n\n"


def _funds(body: str) -> dict[str, dict[str, D | None]]:
    res = read_funds(build_lines(HEAD + body + "\n预期目标\n\n实际完成情况\n\f")[0])
    rows = {}
    for row in ("total", "fiscal", "carryover", "other"):
        cells = {col: res.cells.get(f"funds.{row}.{col}") for col in ("initial_budget", "annual_budget", "executed")}
        rows[row] = {col: f.value if f is not None else None for col, f in cells.items()}  # type: ignore[misc]
    return rows


def test_two_dashes_of_the_carryover_row_unprinted() -> None:
    # 上年结转资金 prints one "-" of its three; 其他资金's first amount comes before its label
    body = (
        "项目资金（万\n元）\n\n分值\n\n执行率\n\n得分\n\n年度资金总额\n\n5,063.22\n\n5,063.22\n\n3,889.57\n\n10\n\n76.82%\n\n7.68\n\n"
        "其中：当年财政拨款\n\n4,443.99\n\n4,443.99\n\n3,413.88\n\n—\n\n上年结转资金\n\n-\n\n619.23\n\n其他资金\n年\n度\n总\n体\n目\n标\n\n"
        "全年预算数\n\n市生态环境局执法总队\n全年执行数\n\n619.23\n\n—\n475.69\n\n—\n"
    )
    got = _funds(body)
    assert got["carryover"] == {"initial_budget": None, "annual_budget": None, "executed": None}
    assert got["other"] == {"initial_budget": D("619.23"), "annual_budget": D("619.23"), "executed": D("475.69")}


def test_one_dash_unprinted_and_an_amount_right_after_the_wrong_label() -> None:
    body = (
        "项目资金（元\n）\n\n全年执行数\n\n分值\n\n执行率\n\n得分\n\n98.63%\n\n9.86\n\n年度资金总额\n\n19,832,430\n\n19,832,430\n\n19,560,725.71\n\n10\n\n"
        "其中：当年财政拨款\n\n19,609,628\n\n19,609,628.00\n\n19,340,976.10\n\n—\n\n上年结转资金\n\n222,802\n\n其他资金\n年\n度\n总\n体\n目\n标\n\n"
        "全年预算数\n\n市交通委员会信息中心\n\n-\n\n-\n\n—\n\n222,802.00\n\n219,749.61\n\n—\n"
    )
    got = _funds(body)
    assert got["carryover"] == {"initial_budget": None, "annual_budget": None, "executed": None}
    assert got["other"] == {"initial_budget": D("222802"), "annual_budget": D("222802.00"), "executed": D("219749.61")}


def test_gaps_are_placed_only_where_every_column_adds_up() -> None:
    values = [D(100), D(100), D(90), D(60), D(60), D(50), None, D(40), D(40), D(40)]
    idx, score = solve_gaps(values, D(90))  # type: ignore[misc]
    grid = [[values[i] if i >= 0 else None for i in row] for row in idx]
    assert grid[2] == [None, None, None] and grid[3] == [D(40), D(40), D(40)]
    assert score == 8
    # nothing adds up: no guess
    assert solve_gaps([D(100), D(100), D(90), D(7), D(7), D(7), None, D(1), D(1), D(1)], None) is None
    # more than two cells missing: no guess
    assert solve_gaps([D(100)] * 9, None) is None
