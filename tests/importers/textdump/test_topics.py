"""The wording hint for 效益 二级指标 rows, and where it may decide a split."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers.textdump.levels import PageGroups, SlotInfo, partition
from jixiao.importers.textdump.topics import topic


@pytest.mark.parametrize(
    ("name", "target", "want"),
    [
        ("长效管理机制", "建立并有效运行", "可持续影响指标"),
        ("项目持续发挥作用", "长期", "可持续影响指标"),
        ("群众获得感", "进一步增强", "社会效益指标"),
        ("社会影响", "社会满意度持续提高", "社会效益指标"),  # 持续 alone is no sustainability word
        ("单位能耗", "下降5%", "生态效益指标"),
        ("带动农户增收", ">=500元", "经济效益指标"),
        ("信息安全", "安全", None),  # names no topic
        ("社会效益与长效机制", "好", None),  # names two: no hint
        (None, "形成良性工作机制", None),  # 机制 in an aim is loose wording
        (None, "项目长期发挥作用", "可持续影响指标"),  # the target speaks when there is no name
    ],
)
def test_topic(name: str | None, target: str | None, want: str | None) -> None:
    assert topic(name, target) == want


def _split(topics: list[str | None], positions: dict[str, float] | None = None) -> list[str | None]:
    slots = [SlotInfo(1, Decimal(50), "count", line=0.0)]
    slots += [SlotInfo(1, Decimal(6), "text", line=float(i + 1), topic=t) for i, t in enumerate(topics)]
    slots += [SlotInfo(1, Decimal(10), "percent", line=9.0)]
    page = PageGroups(1, ["数量指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"], positions=positions or {})
    got, _ = partition(slots, [page], Decimal(10))
    return got[1:-1]


def test_wording_decides_a_split_the_arithmetic_leaves_open() -> None:
    s, k = "社会效益指标", "可持续影响指标"
    assert _split([s, None, k, k, k]) == [s, s, k, k, k]
    assert _split([s, s, s, None, k]) == [s, s, s, s, k]


def test_a_labels_position_outweighs_the_wording() -> None:
    s, k = "社会效益指标", "可持续影响指标"
    # 社会效益 centred on rows 1-4, 可持续影响 on row 5: the layout says so, whatever the words
    assert _split([s, k, k, k, k], positions={"数量指标": 0.0, s: 2.5, k: 5.0, "服务对象满意度指标": 9.0}) == [s, s, s, s, k]
