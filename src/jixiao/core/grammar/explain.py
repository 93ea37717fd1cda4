"""Stable human readings of parsed values, in Chinese and English.

The same value always gives the same sentence (tests rely on it, and reviewers see
these words next to every score), e.g. ``≥ 4000 人（正向，越多越好）``.
"""

from __future__ import annotations

from decimal import Decimal

from .values import (
    Comparison,
    Completion,
    Compound,
    Deadline,
    Empty,
    NotApplicable,
    Qualitative,
    Quantity,
    Range,
    Value,
    YesNo,
)

OP_SYMBOL = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
DIRECTION_TEXT = {
    "positive": ("正向，越多越好", "positive: higher is better"),
    "reverse": ("反向，越少越好", "reverse: lower is better"),
    "equal": ("等于目标值", "equal to the target"),
}
COMPLETION_TEXT = {
    "on-time": ("按期完成", "completed on time"),
    "done": ("已完成", "completed"),
    "late": ("延期完成", "completed late"),
    "partial": ("部分完成", "partly completed"),
    "not-done": ("未完成", "not completed"),
}
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_QUARTERS_ZH = "一二三四"


def format_number(number: Decimal) -> str:
    """A Decimal as printed, without exponent ("1550", "89.61", "0.5")."""
    text = format(number, "f")
    return "0" if text in ("-0", "-0.0") else text


def format_quantity(q: Quantity, compact: bool = False) -> str:
    """ "4000 人" (or "4000人" when ``compact``); percent always sticks: "95%"."""
    num = format_number(q.number)
    if not q.unit:
        return num
    if compact or q.unit in ("%", "‰"):
        return f"{num}{q.unit}"
    return f"{num} {q.unit}"


def _lang(lang: str) -> int:
    return 1 if lang.lower().startswith("en") else 0


def _with_label(label: str | None, text: str, en: int) -> str:
    if not label:
        return text
    return f"{label}: {text}" if en else f"{label}：{text}"


def _deadline(d: Deadline, en: int) -> str:
    if en:
        if d.quarter:
            when = f"the end of Q{d.quarter}"
        elif d.day is not None:
            when = f"{d.day} {_MONTHS_EN[d.month - 1]}"
        elif d.month == 12:
            when = "the end of the year (December)"
        else:
            when = f"the end of {_MONTHS_EN[d.month - 1]}"
        year = f" {d.year}" if d.year else ""
        action = f", {d.action}" if d.action else ""
        return _with_label(d.label, f"by {when}{year}{action} (deadline)", en)
    year = f"{d.year} 年 " if d.year else ""
    if d.quarter:
        when = f"第{_QUARTERS_ZH[d.quarter - 1]}季度末"
    elif d.day is not None:
        when = f"{d.month} 月 {d.day} 日"
    else:
        when = f"{d.month} 月底"
    action = f"，{d.action}" if d.action else ""
    return _with_label(d.label, f"不晚于 {year}{when}{action}（时限）", en)


def explain(value: Value, lang: str = "zh", *, as_target: bool = False) -> str:
    """A stable reading of ``value`` in ``lang`` ("zh" or "en").

    ``as_target`` marks a bare number read as a target: with no operator printed it
    is taken as ≥ (positive), and the sentence says so.
    """
    en = _lang(lang)
    if isinstance(value, Quantity):
        text = format_quantity(value)
        if as_target:
            note = ("未写比较符，按正向（≥）理解", "no operator printed, read as ≥ (positive)")[en]
            text = f"≥ {text}" + (f" ({note})" if en else f"（{note}）")
        return _with_label(value.label, text, en)
    if isinstance(value, Comparison):
        direction = DIRECTION_TEXT[value.direction][en]
        core = f"{OP_SYMBOL.get(value.op, value.op)} {format_quantity(value.quantity)}"
        return _with_label(
            value.label, f"{core} ({direction})" if en else f"{core}（{direction}）", en
        )
    if isinstance(value, Range):
        low = format_number(value.low.number)
        if value.low.unit != value.high.unit and value.low.unit:
            low = format_quantity(value.low)
        core = f"{low}–{format_quantity(value.high)}"
        note = ("区间，在区间内为达成", "range: met when inside")[en]
        return _with_label(value.label, f"{core} ({note})" if en else f"{core}（{note}）", en)
    if isinstance(value, Deadline):
        return _deadline(value, en)
    if isinstance(value, Compound):
        return ("; " if en else "；").join(
            explain(p, lang, as_target=as_target) for p in value.parts
        )
    if isinstance(value, YesNo):
        return ("yes" if value.value else "no") if en else ("是" if value.value else "否")
    if isinstance(value, Completion):
        zh, english = COMPLETION_TEXT.get(value.kind, (value.kind, value.kind))
        if en:
            return f"{english} (“{value.text}”)" if value.text else english
        return f"完成情况：{zh}" + (
            f"（原文“{value.text}”）" if value.text and value.text != zh else ""
        )
    if isinstance(value, Qualitative):
        return f"qualitative: {value.text}" if en else f"定性：{value.text}"
    if isinstance(value, NotApplicable):
        return "not applicable" if en else "不适用"
    if isinstance(value, Empty):
        return "(empty)" if en else "（空）"
    return str(value)
