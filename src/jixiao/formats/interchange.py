"""The interchange JSON format (``docs/form-json.md``, ``schema/form.schema.json``).

``loads``/``load_path`` return ``(forms, issues)``: a malformed document is reported,
never raised. Numbers are read as ``Decimal`` straight from the JSON text, so
``215457.6`` and ``94.90`` keep their printed precision, and written back the same
way. Keys this format does not define are kept in ``extra`` and written back after the
known ones, so a round trip loses nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.core.frozen import FrozenMap
from jixiao.core.issues import Issue, Location, Severity, declare, make_issue
from jixiao.core.model import (
    FUND_COLUMNS,
    FUND_ROWS,
    Execution,
    Form,
    FundRow,
    Funds,
    Goals,
    Indicator,
    Provenance,
    Source,
)

FORMAT_VERSION = "1.0"

FORM_KEYS = (
    "year",
    "amount_unit",
    "project_name",
    "department",
    "implementing_unit",
    "funds",
    "execution",
    "goals",
    "indicators",
    "total_score",
)
INDICATOR_KEYS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation")

declare(
    "json-syntax",
    Severity.ERROR,
    title=("JSON 语法错误", "JSON syntax error"),
    message=("文件不是有效的 JSON：{detail}（第 {line} 行第 {column} 列）", "Not valid JSON: {detail} (line {line}, column {column})"),
    remedy=("用 JSON 校验工具修正语法后重试。", "Fix the syntax with a JSON validator and try again."),
    tags=("input",),
)
declare(
    "json-shape",
    Severity.ERROR,
    title=("JSON 结构不是自评表", "JSON is not a form"),
    message=("{where} 应为{expected}，实际为{actual}", "{where} should be {expected_en}, found {actual}"),
    remedy=(
        "顶层应为一张自评表（对象）或自评表列表，见 docs/form-json.md。",
        "The top level must be one form (an object) or a list of forms; see docs/form-json.md.",
    ),
    tags=("input",),
)
declare(
    "json-type",
    Severity.ERROR,
    title=("字段类型错误", "Field of the wrong type"),
    message=("字段 {field} 应为{expected}，实际为 {value}；已按空值处理", "Field {field} should be {expected_en}, found {value}; read as empty"),
    remedy=("按 docs/form-json.md 修正该字段的类型。", "Give the field the type docs/form-json.md asks for."),
    tags=("input",),
)
declare(
    "json-number-as-text",
    Severity.WARNING,
    title=("数字写成了文本", "Number written as text"),
    message=("字段 {field} 的数字写成了文本 {value}，已按 {number} 读取", "Field {field} holds the number as text {value}; read as {number}"),
    remedy=("把该字段写成 JSON 数字。", "Write the field as a JSON number."),
    tags=("input",),
)


class _Reader:
    """Turns one decoded JSON object into a :class:`Form`, collecting issues."""

    def __init__(self, file: str | None, base: str, form_label: str | None = None) -> None:
        self.file = file
        self.base = base
        self.issues: list[Issue] = []
        self.sources: dict[str, Source] = {}
        self.form_label = form_label

    def _path(self, path: str) -> str:
        return f"{self.base}.{path}" if self.base else path

    def _issue(self, code: str, path: str, **params: Any) -> None:
        loc = Location(file=self.file, field=path)
        self.issues.append(make_issue(code, loc, form=self.form_label, field=path, **params))

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        value = obj.get(key)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return str(value)
        self._issue("json-type", path, expected="文本", expected_en="text", value=_short(value))
        return None

    def number(self, obj: Mapping[str, Any], key: str, path: str) -> Decimal | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            self._issue("json-type", path, expected="数字", expected_en="a number", value=_short(value))
            return None
        if isinstance(value, Decimal):
            return value
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, str):
            cleaned = value.strip().replace(",", "").replace("，", "")
            if cleaned in ("", "-", "—", "－"):
                return None
            try:
                number = Decimal(cleaned)
            except InvalidOperation:
                number = None
            if number is not None and number.is_finite():
                self._issue("json-number-as-text", path, value=value, number=number)
                return number
        self._issue("json-type", path, expected="数字", expected_en="a number", value=_short(value))
        return None

    def mapping(self, obj: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = obj.get(key)
        if value is None:
            return {}
        if isinstance(value, dict):
            return value
        self._issue("json-type", path, expected="对象", expected_en="an object", value=_short(value))
        return {}

    def form(self, obj: Mapping[str, Any]) -> Form:
        self.form_label = obj.get("project_name") if isinstance(obj.get("project_name"), str) else None
        year_value = self.number(obj, "year", self._path("year"))
        year = int(year_value) if year_value is not None and year_value == year_value.to_integral_value() else None
        if year_value is not None and year is None:
            self._issue("json-type", "year", expected="整数年份", expected_en="an integer year", value=year_value)
        funds_obj = self.mapping(obj, "funds", "funds")
        rows: dict[str, FundRow] = {}
        for row in FUND_ROWS:
            row_obj = self.mapping(funds_obj, row, f"funds.{row}")
            rows[row] = FundRow(**{c: self.number(row_obj, c, f"funds.{row}.{c}") for c in FUND_COLUMNS})
        ex = self.mapping(obj, "execution", "execution")
        goals = self.mapping(obj, "goals", "goals")
        raw_indicators = obj.get("indicators")
        indicators: list[Indicator] = []
        if isinstance(raw_indicators, list):
            for i, item in enumerate(raw_indicators):
                if not isinstance(item, dict):
                    self._issue("json-type", f"indicators[{i}]", expected="对象", expected_en="an object", value=_short(item))
                    continue
                indicators.append(self.indicator(item, i))
        elif raw_indicators is not None:
            self._issue("json-type", "indicators", expected="列表", expected_en="a list", value=_short(raw_indicators))
        extra = {k: v for k, v in obj.items() if k not in FORM_KEYS}
        return Form(
            year=year,
            project_name=self.text(obj, "project_name", "project_name"),
            department=self.text(obj, "department", "department"),
            implementing_unit=self.text(obj, "implementing_unit", "implementing_unit"),
            amount_unit=self.text(obj, "amount_unit", "amount_unit"),
            funds=Funds(**rows),
            execution=Execution(
                weight=self.number(ex, "weight", "execution.weight"),
                rate_percent=self.number(ex, "rate_percent", "execution.rate_percent"),
                score=self.number(ex, "score", "execution.score"),
            ),
            goals=Goals(
                expected=self.text(goals, "expected", "goals.expected"),
                actual=self.text(goals, "actual", "goals.actual"),
            ),
            indicators=tuple(indicators),
            total_score=self.number(obj, "total_score", "total_score"),
            extra=FrozenMap(extra),
            provenance=Provenance(form=Source(file=self.file, json_path=self.base or "$")),
        )

    def indicator(self, item: Mapping[str, Any], i: int) -> Indicator:
        p = f"indicators[{i}]"
        return Indicator(
            level1=self.text(item, "level1", f"{p}.level1"),
            level2=self.text(item, "level2", f"{p}.level2"),
            name=self.text(item, "name", f"{p}.name"),
            target=self.text(item, "target", f"{p}.target"),
            actual=self.text(item, "actual", f"{p}.actual"),
            weight=self.number(item, "weight", f"{p}.weight"),
            score=self.number(item, "score", f"{p}.score"),
            deviation=self.text(item, "deviation", f"{p}.deviation"),
            extra=FrozenMap({k: v for k, v in item.items() if k not in INDICATOR_KEYS}),
        )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def from_obj(obj: Any, file: str | None = None) -> tuple[list[Form], list[Issue]]:
    """Forms from already-decoded JSON (one object or a list of them)."""
    items: Sequence[Any]
    if isinstance(obj, dict):
        items, single = [obj], True
    elif isinstance(obj, list):
        items, single = obj, False
    else:
        issue = make_issue(
            "json-shape",
            Location(file=file, field="$"),
            where="顶层",
            expected="对象或列表",
            expected_en="an object or a list",
            actual=type(obj).__name__,
        )
        return [], [issue]
    forms: list[Form] = []
    issues: list[Issue] = []
    for index, item in enumerate(items):
        base = "" if single else f"[{index}]"
        if not isinstance(item, dict):
            issues.append(
                make_issue(
                    "json-shape",
                    Location(file=file, field=base or "$", form_index=index),
                    where=f"第 {index + 1} 项",
                    expected="自评表对象",
                    expected_en="a form object",
                    actual=type(item).__name__,
                )
            )
            continue
        reader = _Reader(file, "")
        form = reader.form(item)
        if not single:
            form = form.evolve(provenance=Provenance(form=Source(file=file, json_path=base)))
        forms.append(form)
        issues.extend(
            Issue(i.code, i.severity, Location(**{**i.location.to_dict(), "form_index": index}), i.params, i.form)
            for i in reader.issues
        )
    return forms, issues


def loads(text: str | bytes, file: str | None = None) -> tuple[list[Form], list[Issue]]:
    """Parse interchange JSON text into forms, with issues for whatever is wrong."""
    try:
        obj = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        return [], [make_issue("json-syntax", Location(file=file, line=exc.lineno), detail=exc.msg, line=exc.lineno, column=exc.colno)]
    except (UnicodeDecodeError, RecursionError) as exc:
        return [], [make_issue("json-syntax", Location(file=file), detail=type(exc).__name__, line=1, column=1)]
    return from_obj(obj, file)


def load_path(path: str | Path) -> tuple[list[Form], list[Issue]]:
    p = Path(path)
    return loads(p.read_bytes(), file=str(path))


# ----------------------------------------------------------------------------- writing


def _row_obj(row: FundRow) -> dict[str, Any]:
    return {c: row.get(c) for c in FUND_COLUMNS}


def indicator_to_obj(ind: Indicator) -> dict[str, Any]:
    obj: dict[str, Any] = {k: getattr(ind, k) for k in INDICATOR_KEYS}
    obj.update(ind.extra)
    return obj


def to_obj(form: Form) -> dict[str, Any]:
    """The interchange object of a form (Decimals kept; see :func:`dumps`)."""
    obj: dict[str, Any] = {"year": form.year}
    if form.amount_unit is not None:
        obj["amount_unit"] = form.amount_unit
    obj.update(
        project_name=form.project_name,
        department=form.department,
        implementing_unit=form.implementing_unit,
        funds={name: _row_obj(row) for name, row in form.funds.rows()},
        execution={
            "weight": form.execution.weight,
            "rate_percent": form.execution.rate_percent,
            "score": form.execution.score,
        },
        goals={"expected": form.goals.expected, "actual": form.goals.actual},
        indicators=[indicator_to_obj(i) for i in form.indicators],
        total_score=form.total_score,
    )
    obj.update(form.extra)
    return obj


def decimal_text(d: Decimal) -> str:
    """A Decimal as a JSON number with its printed precision and no exponent."""
    if d == d.to_integral_value() and d.as_tuple().exponent >= 0:  # type: ignore[operator]
        return str(int(d))
    return format(d, "f")


def _encode(value: Any, indent: int | None, level: int) -> str:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [json.dumps(str(k), ensure_ascii=False) + ": " + _encode(v, indent, level + 1) for k, v in value.items()]
        return _join(items, "{", "}", indent, level)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return _join([_encode(v, indent, level + 1) for v in value], "[", "]", indent, level)
    return json.dumps(value, ensure_ascii=False)


def _join(items: list[str], open_: str, close: str, indent: int | None, level: int) -> str:
    if indent is None:
        return open_ + ", ".join(items) + close
    pad = " " * indent
    inner = ",\n".join(pad * (level + 1) + item for item in items)
    return f"{open_}\n{inner}\n{pad * level}{close}"


def dumps_obj(obj: Any, indent: int | None = 1) -> str:
    """JSON text of decoded/converted data where Decimals are written as exact numbers."""
    return _encode(obj, indent, 0)


def dumps(forms: Form | Iterable[Form], indent: int | None = 1) -> str:
    """Interchange JSON of one form (an object) or many (a list)."""
    if isinstance(forms, Form):
        return dumps_obj(to_obj(forms), indent)
    return dumps_obj([to_obj(f) for f in forms], indent)
