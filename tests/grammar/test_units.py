from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.core.grammar import unit_family, unit_scale


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("人", "人次", False),
        ("人", "名", True),
        ("页", "万页", True),
        ("元", "万元", True),
        ("万元", "亿元", True),
        ("小时", "分钟", True),
        ("天", "日", True),
        ("%", "百分比", True),
        ("次", "人次", False),
        ("家", "个", False),
        ("期/月", "期/年", False),
        ("期/月", "期", False),
        ("栋", "栋", True),
        ("栋", "座", False),
        ("学时", "课时", True),
    ],
)
def test_families(a: str, b: str, same: bool) -> None:
    assert (unit_family(a) == unit_family(b)) is same


@pytest.mark.parametrize(
    ("unit", "scale"),
    [
        ("页", 1),
        ("万页", 10000),
        ("万元", 10000),
        ("亿元", 100000000),
        ("小时", 60),
        ("天", 1440),
        (None, 1),
    ],
)
def test_scales(unit: str | None, scale: int) -> None:
    assert unit_scale(unit) == D(scale)


def test_no_unit_has_no_family() -> None:
    assert unit_family(None) is None
    assert unit_family("") is None
