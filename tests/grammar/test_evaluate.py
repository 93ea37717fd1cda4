"""evaluate(): direction, met, and the numbers a rule needs."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.core.grammar import evaluate, parse


def ev(target: str, actual: str):  # type: ignore[no-untyped-def]
    return evaluate(parse(target), parse(actual))


@pytest.mark.parametrize(
    ("target", "actual", "direction", "met"),
    [
        (">=4000人", "4234人", "positive", True),
        (">=135人", "131人", "positive", False),
        (">=45人", "0", "positive", False),
        (">=1550学时", "1550学时", "positive", True),
        (">90%", "90%", "positive", False),
        ("100%", "100%", "positive", True),
        ("100%", "98%", "positive", False),
        ("<=5天", "3天", "reverse", True),
        ("<=5天", "6天", "reverse", False),
        ("<2小时", "90分钟", "reverse", True),
        ("=4次", "4次", "equal", True),
        ("=1期/月", "3期/月", "equal", False),
        ("=100%", "60%", "equal", False),
        ("300-400人", "343人", "range", True),
        ("300-400人", "250人", "range", False),
        ("300-400人", "450人", "range", False),
        ("3月底前", "按期完成", "deadline", True),
        ("=11月前", "及时", "deadline", True),
        ("6月底前", "年底前完成", "deadline", False),
        ("6月底前", "5月底前完成", "deadline", True),
        ("6月底前", "未完成", "deadline", False),
        ("分别8月底及12月底前完成", "按要求完成", "deadline", True),
        ("及时", "及时", "deadline", True),
        ("及时", "延期完成", "deadline", False),
        ("是", "是", "yesno", True),
        ("无", "有", "yesno", False),
        ("适合适当", "适合适当", "qualitative", None),
        (">=95%", "较好", "positive", None),
        (">=95%", "", "positive", None),
    ],
)
def test_direction_and_met(target: str, actual: str, direction: str, met: bool | None) -> None:
    result = ev(target, actual)
    assert result.direction == direction
    assert result.met is met


def test_ratio_inputs() -> None:
    result = ev(">=135人", "131人")
    assert (result.target, result.actual, result.unit) == (D(135), D(131), "人")
    assert result.ratio == D(131) / D(135)


def test_bare_number_target_is_marked_implicit() -> None:
    assert ev("100%", "100%").implicit_op
    assert not ev(">=100%", "100%").implicit_op


def test_scale_is_converted_within_a_family() -> None:
    result = ev(">=45万页", "450000页")
    assert result.met is True
    assert result.actual == D(45)
    assert "折合" in result.note_zh
    assert ev(">=2万元", "15000元").met is False


def test_family_mismatch_is_reported_not_compared() -> None:
    result = ev(">=500人", "899人次")
    assert result.family_mismatch
    assert result.met is None
    assert "人次" in result.note_zh


def test_actual_without_unit_takes_the_target_unit() -> None:
    result = ev(">=45人", "0")
    assert result.met is False
    assert result.unit == "人"
    assert "未写单位" in result.note_zh


def test_range_reports_position_and_nearest_bound() -> None:
    below, above = ev("300-400人", "250人"), ev("300-400人", "450人")
    assert (below.position, below.target) == ("below", D(300))
    assert (above.position, above.target) == ("above", D(400))


def test_equality_position() -> None:
    assert ev("=1期/月", "3期/月").position == "above"
    assert ev("=100%", "60%").position == "below"


def test_late_completion() -> None:
    assert ev("6月底前", "年底前完成").late


def test_qualitative_repeat_and_claims() -> None:
    same = ev("科学合理、公开透明", "科学合理、公开透明")
    assert same.repeats_target and same.claims_achieved
    other = ev("信息化水平进一步提升", "加快推进数字化转型")
    assert not other.repeats_target
    assert not ev("健全", "未建立").claims_achieved


def test_compound_pairs() -> None:
    ok = ev("1小时内响应，3小时内抵达现场", "0.5小时响应，2小时抵达现场")
    assert ok.met is True and len(ok.parts) == 2
    bad = ev("高危漏洞不多于2天，中危漏洞不多于5天", "1天，6天")
    assert bad.met is False


def test_not_applicable_and_empty_targets() -> None:
    assert ev("不适用", "100%").direction == "not-applicable"
    assert ev(">=90%", "不适用").direction == "not-applicable"
    assert ev("", "100%").direction == "empty"
