"""Fund amounts printed out of the grid's order, apart from their labels or partly unprinted."""

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


def test_the_total_row_s_first_amount_printed_after_the_other_rows() -> None:
    # LibreOffice, plain pdftotext: 年度资金总额's 年初预算数 comes out last, beside its label
    body = (
        "分值\n\n执行率\n\n得分\n\n43.27%\n\n4.33\n\n55,762,532.5\n\n24,128,447.81\n\n10\n\n其中：当年财政拨款\n\n7,681,623\n\n7,681,623.00\n\n3,323,838.28\n\n—\n\n"
        "上年结转资金\n\n3,080,346\n\n3,080,346.00\n\n1,332,865.71\n\n—\n\n45,000,563.5\n\n45,000,563.50\n\n19,471,743.82\n\n—\n\n"
        "其他资金\n年\n度\n总\n体\n目\n标\n\n全年执行数\n\n55,762,532.5\n\n年度资金总额\n项目资金（元\n）\n\n全年预算数\n"
    )
    got = _funds(body)
    assert got["total"] == {"initial_budget": D("55762532.5"), "annual_budget": D("55762532.5"), "executed": D("24128447.81")}
    assert got["fiscal"] == {"initial_budget": D("7681623"), "annual_budget": D("7681623.00"), "executed": D("3323838.28")}
    assert got["carryover"] == {"initial_budget": D("3080346"), "annual_budget": D("3080346.00"), "executed": D("1332865.71")}
    assert got["other"] == {"initial_budget": D("45000563.5"), "annual_budget": D("45000563.50"), "executed": D("19471743.82")}


def test_a_dash_unprinted_and_the_last_row_s_first_amount_printed_after_the_labels() -> None:
    body = (
        "分值\n\n执行率\n\n得分\n\n72.21%\n\n7.22\n\n年度资金总额\n\n91,744,298\n\n94,496,626.94\n\n68,236,014.31\n\n10\n\n"
        "其中：当年财政拨款\n\n47,190,266\n\n48,605,973.98\n\n35,098,373.81\n\n—\n\n-\n\n-\n\n—\n\n45,890,652.96\n\n33,137,640.50\n\n—\n\n"
        "上年结转资金\n其他资金\n\n年\n度\n总\n体\n目\n标\n\n市财政局执法总队\n\n44,554,032\n"
    )
    got = _funds(body)
    assert got["fiscal"] == {"initial_budget": D("47190266"), "annual_budget": D("48605973.98"), "executed": D("35098373.81")}
    assert got["carryover"] == {"initial_budget": None, "annual_budget": None, "executed": None}
    assert got["other"] == {"initial_budget": D("44554032"), "annual_budget": D("45890652.96"), "executed": D("33137640.50")}


def test_wan_yuan_amounts_right_after_the_column_labels_with_the_execution_cells_among_them() -> None:
    # pdfminer, 万元 (no thousands comma): the amounts follow the column labels at once,
    # 分值 10 and 执行率 printed between the two 执行数, the row labels and dashes after
    boxes = [
        "年初预算数", "全年预算数", "全年执行数", "分值 执行率", "683.94", "683.94", "683.94", "683.94", "598.17", "10", "87.46%",
        "598.17 —", "得分", "8.75", "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金", "-", "-", "预期目标",
        "1、贯彻落实年度工作部署，完成各项任务。", "-", "-", "-", "-", "—", "—", "实际完成情况",
    ]
    res = read_funds(build_lines("项目资金\n（万元）\n\n" + "\n\n".join(boxes) + "\n\f")[0])
    cells = {k: f.value for k, f in res.cells.items()}
    for row in ("total", "fiscal"):
        assert [cells[f"funds.{row}.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("683.94"), D("683.94"), D("598.17")]
    assert all(cells.get(f"funds.{row}.{c}") is None for row in ("carryover", "other") for c in ("initial_budget", "annual_budget", "executed"))
    assert cells["execution.score"] == D("8.75")
