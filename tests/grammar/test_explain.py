"""Readings are stable sentences; one per value shape, in both languages."""

from __future__ import annotations

import pytest

from jixiao.core.grammar import explain, parse

CASES = [
    (">=4000人", "≥ 4000 人（正向，越多越好）", "≥ 4000 人 (positive: higher is better)"),
    ("不多于2天", "≤ 2 天（反向，越少越好）", "≤ 2 天 (reverse: lower is better)"),
    ("=4次", "= 4 次（等于目标值）", "= 4 次 (equal to the target)"),
    (">=90%", "≥ 90%（正向，越多越好）", "≥ 90% (positive: higher is better)"),
    ("300-400人", "300–400 人（区间，在区间内为达成）", "300–400 人 (range: met when inside)"),
    ("3月底前", "不晚于 3 月底（时限）", "by the end of March (deadline)"),
    ("12月31日前", "不晚于 12 月 31 日（时限）", "by 31 December (deadline)"),
    ("第三季度前", "不晚于 第三季度末（时限）", "by the end of Q3 (deadline)"),
    (
        "1小时内响应，3小时内抵达现场",
        "响应：≤ 1 小时（反向，越少越好）；抵达现场：≤ 3 小时（反向，越少越好）",
        "响应: ≤ 1 小时 (reverse: lower is better); 抵达现场: ≤ 3 小时 (reverse: lower is better)",
    ),
    ("是", "是", "yes"),
    ("无", "否", "no"),
    ("按期完成", "完成情况：按期完成", "completed on time (“按期完成”)"),
    ("及时", "完成情况：按期完成（原文“及时”）", "completed on time (“及时”)"),
    ("健全", "定性：健全", "qualitative: 健全"),
    ("不适用", "不适用", "not applicable"),
    ("", "（空）", "(empty)"),
    ("131人", "131 人", "131 人"),
]


@pytest.mark.parametrize(("text", "zh", "en"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_explain(text: str, zh: str, en: str) -> None:
    value = parse(text)
    assert explain(value) == zh
    assert explain(value, "zh") == zh
    assert explain(value, "en") == en


def test_bare_number_as_target_is_marked_positive() -> None:
    value = parse("100%")
    assert explain(value, as_target=True) == "≥ 100%（未写比较符，按正向（≥）理解）"
    assert "read as ≥" in explain(value, "en", as_target=True)
    assert explain(value) == "100%"
