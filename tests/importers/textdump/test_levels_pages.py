"""二级指标 groups cut by a page break, in dumps that keep the labels' positions."""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.textdump.assemble import _carry_groups
from jixiao.importers.textdump.levels import PageGroups, SlotInfo, partition

S, K, T = "社会效益指标", "可持续影响指标", "时效指标"


def test_rows_above_a_pages_first_label_continue_the_group_of_the_page_before() -> None:
    # page 1: 时效 (weight 50) and 社会效益 rows at lines 10-30, label at 20; page 2 opens
    # with one more 社会效益 row (line 5) above 可持续影响's rows (15-35, label at 25)
    slots = [SlotInfo(1, Decimal(50), "deadline", line=2.0)]
    slots += [SlotInfo(1, Decimal(5), "text", line=x) for x in (10.0, 20.0, 30.0)]
    slots += [SlotInfo(2, Decimal(5), "text", line=5.0)]
    slots += [SlotInfo(2, Decimal(5), "text", line=x) for x in (15.0, 25.0, 35.0)]
    slots += [SlotInfo(2, Decimal(10), "percent", line=45.0)]
    pages = [
        PageGroups(1, [T, S], positions={T: 2.0, S: 20.0}),
        PageGroups(2, [K, "服务对象满意度指标"], positions={K: 25.0, "服务对象满意度指标": 45.0}),
    ]
    _carry_groups(pages)
    assert pages[1].labels[0] == S and S in pages[1].carried
    got, _ = partition(slots, pages, Decimal(10))
    assert got == [T, S, S, S, S, K, K, K, "服务对象满意度指标"]


def test_the_last_row_of_a_page_may_open_the_group_labelled_on_the_next() -> None:
    # 产出 must weigh 50: the row below 时效 on page 1 (weight 6) is the next page's 社会效益
    slots = [SlotInfo(1, Decimal(25), "deadline", line=x) for x in (2.0, 4.0)]
    slots += [SlotInfo(1, Decimal(6), "text", line=12.0)]
    slots += [SlotInfo(2, Decimal(6), "text", line=x) for x in (4.0, 8.0)]
    slots += [SlotInfo(2, Decimal(12), "text", line=x) for x in (14.0,)]
    slots += [SlotInfo(2, Decimal(10), "percent", line=20.0)]
    pages = [
        PageGroups(1, [T], positions={T: 3.0}),
        PageGroups(2, [S, K, "服务对象满意度指标"], positions={S: 6.0, K: 14.0, "服务对象满意度指标": 20.0}),
    ]
    _carry_groups(pages)
    got, _ = partition(slots, pages, Decimal(10))
    assert got == [T, T, S, S, S, K, "服务对象满意度指标"]


def test_a_printed_label_is_not_skipped_for_a_carried_one() -> None:
    slots = [SlotInfo(1, Decimal(50), "deadline", line=1.0)]
    slots += [SlotInfo(1, Decimal(10), "text", line=x) for x in (10.0, 20.0)]
    slots += [SlotInfo(2, Decimal(10), "text", line=5.0), SlotInfo(2, Decimal(10), "percent", line=12.0)]
    pages = [PageGroups(1, [T, S], positions={T: 1.0, S: 15.0}), PageGroups(2, [K, "服务对象满意度指标"], positions={K: 5.0, "服务对象满意度指标": 12.0})]
    _carry_groups(pages)
    got, _ = partition(slots, pages, Decimal(10))
    assert got == [T, S, S, K, "服务对象满意度指标"]
