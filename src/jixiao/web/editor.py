"""Between the editor's HTML form and the interchange JSON.

Inputs are named by field path (``funds.total.executed``); indicator columns repeat
(``ind.target`` once per row), so the order of rows in the page is the order of
indicators: adding, removing and reordering rows needs no renumbering.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict

from jixiao.core.model import FUND_COLUMNS, FUND_ROW_LABELS, FUND_ROWS
from jixiao.formats.interchange import FORM_KEYS, INDICATOR_KEYS

TEXT_FIELDS = ("project_name", "department", "implementing_unit", "amount_unit")
NUMBER_INDICATOR_FIELDS = ("weight", "score")


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _number(value: str | None) -> Any:
    """Decimal for a number, None for empty or a dash, the raw text otherwise (reported)."""
    text = (value or "").strip().replace(",", "").replace("，", "")
    if text in ("", "-", "—", "－"):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    return number if number.is_finite() else text


def from_post(post: QueryDict, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The interchange object the editor's inputs describe (keys beyond the format kept)."""
    year = _number(post.get("year"))
    obj: dict[str, Any] = {"year": int(year) if isinstance(year, Decimal) and year == year.to_integral_value() else year}
    for key in TEXT_FIELDS:
        obj[key] = _text(post.get(key))
    if obj["amount_unit"] is None:
        del obj["amount_unit"]
    obj["funds"] = {
        row: {col: _number(post.get(f"funds.{row}.{col}")) for col in FUND_COLUMNS} for row in FUND_ROWS
    }
    obj["execution"] = {k: _number(post.get(f"execution.{k}")) for k in ("weight", "rate_percent", "score")}
    obj["goals"] = {k: _text(post.get(f"goals.{k}")) for k in ("expected", "actual")}
    columns = {k: post.getlist(f"ind.{k}") for k in INDICATOR_KEYS}
    count = max((len(v) for v in columns.values()), default=0)
    indicators = []
    for i in range(count):
        row: dict[str, Any] = {}
        for key in INDICATOR_KEYS:
            raw = columns[key][i] if i < len(columns[key]) else ""
            row[key] = _number(raw) if key in NUMBER_INDICATOR_FIELDS else _text(raw)
        if any(v is not None for v in row.values()):
            indicators.append(row)
    obj["indicators"] = indicators
    obj["total_score"] = _number(post.get("total_score"))
    for key, value in (previous or {}).items():
        if key not in FORM_KEYS:
            obj[key] = value
    return obj


def acks_from_post(post: QueryDict) -> dict[str, str]:
    # A QueryDict Django parsed has no empty value list, so each value is a str, not list[object].
    return {k[4:]: v.strip() for k, v in post.items() if k.startswith("ack.") and v.strip()}  # type: ignore[union-attr]


def blank(year: int, unit_name: str, department: str) -> dict[str, Any]:
    """A new form with the official rows and one empty indicator per usual category."""
    rows = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
            ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    return {
        "year": year, "project_name": None, "department": department, "implementing_unit": unit_name,
        "funds": {r: {c: None for c in FUND_COLUMNS} for r in FUND_ROWS},
        "execution": {"weight": 10, "rate_percent": None, "score": None},
        "goals": {"expected": None, "actual": None},
        "indicators": [{"level1": a, "level2": b, "name": None, "target": None, "actual": None,
                        "weight": None, "score": None, "deviation": None} for a, b in rows],
        "total_score": None,
    }


def fund_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    funds = data.get("funds") or {}
    return [{"key": r, "label": FUND_ROW_LABELS[r], "cells": [
        {"name": f"funds.{r}.{c}", "value": (funds.get(r) or {}).get(c)} for c in FUND_COLUMNS]}
        for r in FUND_ROWS]
