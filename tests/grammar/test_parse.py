"""Table-driven grammar cases: one printed cell, the value it must read as."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.core.grammar import (
    Comparison,
    Completion,
    Compound,
    Deadline,
    Empty,
    NotApplicable,
    Qualitative,
    Quantity,
    Range,
    YesNo,
    parse,
)


def Q(n: str, unit: str | None = None, label: str | None = None) -> Quantity:
    return Quantity(D(n), unit, label)


def C(op: str, n: str, unit: str | None = None, label: str | None = None) -> Comparison:
    return Comparison(op, Q(n, unit), label)


CASES = [
    # comparisons, ASCII, full-width and word operators
    (">=4000人", C(">=", "4000", "人")),
    ("≥ 4000 人", C(">=", "4000", "人")),
    ("＞＝90％", C(">=", "90", "%")),
    (">3", C(">", "3")),
    ("＞３", C(">", "3")),
    ("<=5天", C("<=", "5", "天")),
    ("≤5天", C("<=", "5", "天")),
    ("＜10", C("<", "10")),
    ("=4次", C("=", "4", "次")),
    ("＝4次", C("=", "4", "次")),
    ("≧90%", C(">=", "90", "%")),
    ("≦5天", C("<=", "5", "天")),
    ("不少于4次", C(">=", "4", "次")),
    ("不低于95%", C(">=", "95", "%")),
    ("不超过5天", C("<=", "5", "天")),
    ("不多于3次", C("<=", "3", "次")),
    ("不高于10%", C("<=", "10", "%")),
    ("90%以上", C(">=", "90", "%")),
    ("2小时以内", C("<=", "2", "小时")),
    ("50人以下", C("<=", "50", "人")),
    ("至少3个", C(">=", "3", "个")),
    ("达到100%", C(">=", "100", "%")),
    ("满意度≥90分", C(">=", "90", "分", "满意度")),
    ("≥0", C(">=", "0")),
    ("≥-5%", C(">=", "-5", "%")),
    # units, separators, full-width digits, decimals
    ("100%", Q("100", "%")),
    ("95百分比", Q("95", "%")),
    ("1550学时", Q("1550", "学时")),
    ("1,550学时", Q("1550", "学时")),
    ("1，550学时", Q("1550", "学时")),
    ("１２３人", Q("123", "人")),
    ("520人次", Q("520", "人次")),
    ("40课时", Q("40", "课时")),
    ("45万页", Q("45", "万页")),
    ("1.5万元", Q("1.5", "万元")),
    ("0.8亿元", Q("0.8", "亿元")),
    ("3.25平方米", Q("3.25", "平方米")),
    ("12公里", Q("12", "公里")),
    ("5家", Q("5", "家")),
    ("=1期/月", C("=", "1", "期/月")),
    ("3期/月", Q("3", "期/月")),
    (">=2次/年", C(">=", "2", "次/年")),
    ("30分钟", Q("30", "分钟")),
    ("0", Q("0")),
    ("0人", Q("0", "人")),
    ("1", Q("1")),
    ("5栋", Q("5", "栋")),
    ("两次", Q("2", "次")),
    ("十二期", Q("12", "期")),
    ("完成率100%", Q("100", "%", "完成率")),
    ("≥95%（含）", C(">=", "95", "%")),
    ("≤1起", C("<=", "1", "起")),
    ("每季度1次", Q("1", "次/季度")),
    ("每年不少于2次", C(">=", "2", "次/年")),
    ("约100人", C("=", "100", "人")),
    ("100人左右", C("=", "100", "人")),
    ("0.5‰", Q("0.5", "‰")),
    ("24小时内", C("<=", "24", "小时")),
    ("≤3个工作日", C("<=", "3", "个工作日")),
    # ranges
    ("300-400人", Range(Q("300", "人"), Q("400", "人"))),
    ("300～400人", Range(Q("300", "人"), Q("400", "人"))),
    ("300~400人", Range(Q("300", "人"), Q("400", "人"))),
    ("300至400人", Range(Q("300", "人"), Q("400", "人"))),
    ("300—400", Range(Q("300"), Q("400"))),
    ("90%-95%", Range(Q("90", "%"), Q("95", "%"))),
    ("400-300人", Range(Q("300", "人"), Q("400", "人"))),
    # deadlines
    ("3月底前", Deadline(3)),
    ("10月底前完成工作", Deadline(10, action="完成工作")),
    ("=11月前", Deadline(11)),
    ("6月底前", Deadline(6)),
    ("12月31日前", Deadline(12, 31)),
    ("2022年12月31日前", Deadline(12, 31, year=2022)),
    ("年底前", Deadline(12)),
    ("年底前完成", Deadline(12, action="完成")),
    ("第三季度前", Deadline(9, quarter=3)),
    ("上半年", Deadline(6)),
    ("6月中旬前", Deadline(6, 20)),
    ("于9月底前完成", Deadline(9, action="完成")),
    # compounds
    ("分别8月底及12月底前完成", Compound((Deadline(8), Deadline(12, action="完成")))),
    (
        "1小时内响应，3小时内抵达现场",
        Compound((C("<=", "1", "小时", "响应"), C("<=", "3", "小时", "抵达现场"))),
    ),
    (
        "高危漏洞不多于2天，中危漏洞不多于5天",
        Compound((C("<=", "2", "天", "高危漏洞"), C("<=", "5", "天", "中危漏洞"))),
    ),
    (
        "优秀率≥90%；合格率=100%",
        Compound((C(">=", "90", "%", "优秀率"), C("=", "100", "%", "合格率"))),
    ),
    # yes/no
    ("是", YesNo(True, "是")),
    ("否", YesNo(False, "否")),
    ("有", YesNo(True, "有")),
    ("无", YesNo(False, "无")),
    ("=是", YesNo(True, "是")),
    # completion phrases
    ("及时", Completion("on-time", "及时")),
    ("按期完成", Completion("on-time", "按期完成")),
    ("按时完成", Completion("on-time", "按时完成")),
    ("按要求完成", Completion("on-time", "按要求完成")),
    ("已完成", Completion("done", "已完成")),
    ("已完成。", Completion("done", "已完成")),
    ("未完成", Completion("not-done", "未完成")),
    ("延期完成", Completion("late", "延期完成")),
    ("部分完成", Completion("partial", "部分完成")),
    # qualitative
    ("适合适当", Qualitative("适合适当")),
    ("健全", Qualitative("健全")),
    ("科学合理、公开透明", Qualitative("科学合理、公开透明")),
    ("及时、准确", Qualitative("及时、准确")),
    ("进一步提升", Qualitative("进一步提升")),
    ("每月10日前", Qualitative("每月10日前")),
    ("完成5集样片，下半年会集中出版", Qualitative("完成5集样片，下半年会集中出版")),
    ("2022-12-31", Qualitative("2022-12-31")),
    # not applicable and empty
    ("不适用", NotApplicable("不适用")),
    ("无此项", NotApplicable("无此项")),
    (" 不涉及 ", NotApplicable("不涉及")),
    ("", Empty()),
    ("   ", Empty()),
    ("-", Empty()),
    ("—", Empty()),
    ("－", Empty()),
    (None, Empty()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(c[0]) for c in CASES])
def test_parse(text: str | None, expected: object) -> None:
    assert parse(text) == expected


def test_time_window_is_a_duration_not_a_deadline() -> None:
    value = parse("3个月内完成")
    assert value == Comparison("<=", Quantity(D(3), "个月"), "完成")


def test_impossible_dates_are_not_deadlines() -> None:
    assert not isinstance(parse("13月底前"), Deadline)
    assert not isinstance(parse("2月35日前"), Deadline)


def test_non_string_input_is_read_as_text() -> None:
    assert parse(D("95")) == Quantity(D("95"))  # type: ignore[arg-type]
