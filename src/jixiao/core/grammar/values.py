"""Typed readings of 年度指标值 / 实际完成值 cells.

A cell is read once into one of these frozen values; scoring, audit, exporters and the
web app then reason about the value, never about the raw text. Every value can be
explained (:mod:`.explain`) and compared (:mod:`.evaluate`). Numbers are ``Decimal``
and keep the precision they were printed with.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

OPS: tuple[str, ...] = (">=", ">", "<=", "<", "=")
"""Comparison operators after normalisation (不少于 → >=, 以内 → <=, ＝ → = …)."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with an optional unit as printed ("45万页" → 45, "万页").

    ``label`` keeps short words printed around the number ("完成率100%" → 完成率) so
    nothing is lost when the value is explained.
    """

    number: Decimal
    unit: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """A target with an operator: ">=4000人", "不多于2天", "1小时内响应" (op "<=", label 响应)."""

    op: str
    quantity: Quantity
    label: str | None = None

    @property
    def direction(self) -> str:
        """ "positive" (more is better), "reverse" (less is better) or "equal"."""
        if self.op in (">=", ">"):
            return "positive"
        if self.op in ("<=", "<"):
            return "reverse"
        return "equal"


@dataclass(frozen=True, slots=True)
class Range:
    """An interval target such as "300-400人"; both ends are inclusive."""

    low: Quantity
    high: Quantity
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date limit within the year: "3月底前", "12月31日前", "第三季度前", "年底前完成".

    ``month``/``day`` give the latest allowed date (``day`` None = end of that month);
    ``quarter`` is kept when the text named a quarter (its last month is in ``month``).
    ``action`` is the work named after the date ("完成工作"), ``year`` a printed year.
    """

    month: int
    day: int | None = None
    quarter: int | None = None
    year: int | None = None
    action: str | None = None
    label: str | None = None

    @property
    def key(self) -> tuple[int, int]:
        """Sort key (month, day) with end of month as day 31."""
        return (self.month, self.day if self.day is not None else 31)


@dataclass(frozen=True, slots=True)
class Compound:
    """Several targets in one cell ("1小时内响应，3小时内抵达现场"), each its own value."""

    parts: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class YesNo:
    """是/否, 有/无 (``text`` keeps which word was printed)."""

    value: bool
    text: str = ""


COMPLETION_KINDS: tuple[str, ...] = ("on-time", "done", "late", "partial", "not-done")


@dataclass(frozen=True, slots=True)
class Completion:
    """A completion phrase: 按期完成/及时 ("on-time"), 已完成 ("done"), 延期完成 ("late"),
    部分完成 ("partial"), 未完成 ("not-done"). As a target, "及时" is a timeliness
    requirement without a date."""

    kind: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Qualitative:
    """Text that is not a number, date or fixed phrase ("适合适当", "健全")."""

    text: str


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """不适用 / 无此项 / 不涉及: the indicator is dropped and the others are rescaled."""

    text: str = ""


@dataclass(frozen=True, slots=True)
class Empty:
    """Nothing printed (None, "", "-", "—")."""


Value = (
    Quantity
    | Comparison
    | Range
    | Deadline
    | Compound
    | YesNo
    | Completion
    | Qualitative
    | NotApplicable
    | Empty
)
