"""pdfminer.six block order (shape a): the causes of misreadings, one small dump each."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.funds import read_funds
from jixiao.importers.textdump.tokens import build_lines


def _funds(text: str) -> dict[str, object]:
    lines = [ln for page in build_lines(text) for ln in page]
    return {k: f.value for k, f in read_funds(lines).cells.items()}


def test_wan_yuan_amounts_after_a_box_of_row_labels() -> None:
    # 万元 amounts have no thousands comma; the four row labels come as one run of boxes,
    # the amounts one per line after them with the execution cells (10, 42.42%, 得分 4.24)
    # in between: the 得分 is the one the arithmetic gives (10 × 42.42%), not 364.49
    boxes = [
        "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金",
        "年初预算数", "全年预算数", "全年执行数", "分值 执行率",
        "859.25", "859.25", "859.25", "859.25", "364.49", "10", "42.42%", "364.49 —",
        "得分", "4.24", "-", "-", "预期目标", "-", "-", "-", "-", "—", "—",
    ]
    cells = _funds("项目资金\n（万元）\n\n" + "\n\n".join(boxes) + "\n")
    assert cells["execution.score"] == D("4.24")
    assert [cells[f"funds.total.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("859.25"), D("859.25"), D("364.49")]
    assert [cells[f"funds.fiscal.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("859.25"), D("859.25"), D("364.49")]
    assert cells["funds.other.initial_budget"] is None


def test_two_row_labels_in_turn_take_the_amounts_in_row_order() -> None:
    # 上年结转资金 and 其他资金 printed one after the other: the amounts after them are the
    # first label's row; the dashes after those are the second's
    boxes = [
        "年初预算数", "全年预算数", "全年执行数", "分值 执行率",
        "年度资金总额", "33,188,580", "33,188,580", "31,754,833.34", "10", "95.68%",
        "其中：当年财政拨款", "25,913,755", "25,913,755.00", "24,794,280.78 —",
        "上年结转资金", "其他资金", "7,274,825", "7,274,825.00", "6,960,552.56 —",
        "-", "预期目标", "-", "-", "—", "实际完成情况", "得分", "9.57",
    ]
    cells = _funds("\n\n".join(boxes) + "\n")
    assert cells["funds.carryover.initial_budget"] == D("7274825")
    assert cells["funds.carryover.executed"] == D("6960552.56")
    assert cells["funds.other.initial_budget"] is None
    assert cells["execution.score"] == D("9.57")
