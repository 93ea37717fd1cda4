"""The form model: one 财政项目支出绩效自评表 as immutable records.

Everything printed on a form is kept *as printed* (claimed scores, printed rates and
totals, even where wrong); computed values never live here, they are produced by
:mod:`jixiao.core.scoring` beside the form. Amounts, rates and scores are ``Decimal``.

Each form carries a :class:`Provenance`: for any field path ("funds.total.executed",
"indicators[3].score") the :class:`Source` it was read from (file, page/line,
sheet!cell or JSON path) and how sure the reader was. Keeping provenance in one
mapping instead of wrapping every value keeps the records small and the scoring code
free of unwrapping, while every issue can still point back to the printed cell.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from jixiao.core.frozen import EMPTY, FrozenMap, freeze

FUND_ROWS: tuple[str, ...] = ("total", "fiscal", "carryover", "other")
"""Fund rows in printed order: 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金."""

FUND_COLUMNS: tuple[str, ...] = ("initial_budget", "annual_budget", "executed")
"""Fund columns in printed order: 年初预算数 / 全年预算数 / 全年执行数."""

FUND_ROW_LABELS: Mapping[str, str] = FrozenMap(
    {"total": "年度资金总额", "fiscal": "当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}
)
FUND_COLUMN_LABELS: Mapping[str, str] = FrozenMap(
    {"initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数"}
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value was read: a file and one of page/line, sheet!cell or a JSON path.

    ``confidence`` is the reader's certainty in [0, 1] (``None`` = read exactly, as from
    JSON or a typed spreadsheet cell).
    """

    file: str | None = None
    page: int | None = None
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    json_path: str | None = None
    confidence: Decimal | None = None

    def describe(self) -> str:
        """A short human pointer such as ``a.pdf p.2`` or ``a.xlsx!Sheet1!C7``."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet or self.cell:
            parts.append("!".join(p for p in (self.sheet, self.cell) if p))
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.json_path:
            parts.append(self.json_path)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Sources per field path; an unknown path falls back to the form's own source."""

    form: Source | None = None
    fields: Mapping[str, Source] = EMPTY

    def __post_init__(self) -> None:
        if not isinstance(self.fields, FrozenMap):
            object.__setattr__(self, "fields", freeze(self.fields))

    def of(self, path: str) -> Source | None:
        return self.fields.get(path, self.form)

    def with_field(self, path: str, source: Source) -> Provenance:
        merged = dict(self.fields)
        merged[path] = source
        return Provenance(self.form, FrozenMap(merged))


@dataclass(frozen=True, slots=True)
class FundRow:
    """One row of the 项目资金 block; ``None`` where the form shows ``-``, ``—`` or nothing."""

    initial_budget: Decimal | None = None
    annual_budget: Decimal | None = None
    executed: Decimal | None = None

    def get(self, column: str) -> Decimal | None:
        value: Decimal | None = getattr(self, column)
        return value

    @property
    def is_empty(self) -> bool:
        return self.initial_budget is None and self.annual_budget is None and self.executed is None


@dataclass(frozen=True, slots=True)
class Funds:
    total: FundRow = field(default_factory=FundRow)
    fiscal: FundRow = field(default_factory=FundRow)
    carryover: FundRow = field(default_factory=FundRow)
    other: FundRow = field(default_factory=FundRow)

    def row(self, name: str) -> FundRow:
        row: FundRow = getattr(self, name)
        return row

    def rows(self) -> Iterator[tuple[str, FundRow]]:
        for name in FUND_ROWS:
            yield name, self.row(name)


@dataclass(frozen=True, slots=True)
class Execution:
    """The 预算执行率 cells on the 年度资金总额 row: 分值, 执行率 (percent), 得分."""

    weight: Decimal | None = None
    rate_percent: Decimal | None = None
    score: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Goals:
    """年度总体目标: 预期目标 and 实际完成情况, wraps removed."""

    expected: str | None = None
    actual: str | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    """One row of the 绩效指标 table (三级指标) with its 一级/二级 labels."""

    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: str | None = None
    actual: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation: str | None = None
    extra: Mapping[str, Any] = EMPTY
    """Keys beyond the interchange format, kept so that a round trip loses nothing."""

    def __post_init__(self) -> None:
        if not isinstance(self.extra, FrozenMap):
            object.__setattr__(self, "extra", freeze(self.extra))


@dataclass(frozen=True, slots=True)
class Form:
    """One self-evaluation form, as printed."""

    year: int | None = None
    project_name: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    amount_unit: str | None = None
    """As printed ("元" or "万元"); ``None`` when the document does not say (read as 元)."""
    funds: Funds = field(default_factory=Funds)
    execution: Execution = field(default_factory=Execution)
    goals: Goals = field(default_factory=Goals)
    indicators: tuple[Indicator, ...] = ()
    total_score: Decimal | None = None
    extra: Mapping[str, Any] = EMPTY
    provenance: Provenance = field(default_factory=Provenance, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.extra, FrozenMap):
            object.__setattr__(self, "extra", freeze(self.extra))
        if not isinstance(self.indicators, tuple):
            object.__setattr__(self, "indicators", tuple(self.indicators))

    @property
    def unit(self) -> str:
        """The unit the amounts are in, 元 unless the form says otherwise."""
        return self.amount_unit or "元"

    def source_of(self, path: str) -> Source | None:
        return self.provenance.of(path)

    def evolve(self, **changes: Any) -> Form:
        """A copy with some fields replaced (records are immutable)."""
        return replace(self, **changes)

    @property
    def label(self) -> str:
        """How issues and tables name this form."""
        return self.project_name or "(未命名项目)"


def indicator_path(index: int, field_name: str | None = None) -> str:
    """The field path of an indicator (or one of its fields), as used in provenance and issues."""
    base = f"indicators[{index}]"
    return f"{base}.{field_name}" if field_name else base
