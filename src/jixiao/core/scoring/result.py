"""What scoring returns: computed scores beside the printed ones, each explained."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Literal

Status = Literal["met", "partial", "missed", "needs-judgement", "not-applicable", "unscorable"]
STATUSES: tuple[str, ...] = (
    "met",
    "partial",
    "missed",
    "needs-judgement",
    "not-applicable",
    "unscorable",
)

CENT = Decimal("0.01")


_WIDE = Context(prec=60, rounding=ROUND_HALF_UP)


def q2(value: Decimal) -> Decimal:
    """Half-up to 2 decimals, shown as printed (3 not 3.00, 2.1 not 2.10).

    Quantizes in a context wide enough for absurd printed numbers (10^40 元), which
    the default 28-digit context would reject with ``InvalidOperation``.
    """
    if not value.is_finite():
        return value
    ctx = (
        _WIDE
        if value.adjusted() < 50
        else Context(prec=value.adjusted() + 10, rounding=ROUND_HALF_UP)
    )
    q = value.quantize(CENT, context=ctx)
    if q == q.to_integral_value(context=ctx):
        return q.quantize(Decimal(1), context=ctx)
    tenfold = ctx.multiply(q, 10)
    if tenfold == tenfold.to_integral_value(context=ctx):
        return q.quantize(Decimal("0.1"), context=ctx)
    return q


def num(value: Decimal | None) -> str:
    """A Decimal for explanations, without exponent or needless zeros."""
    if value is None:
        return "—"
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True, slots=True)
class Judgement:
    """A reviewer's grade of one indicator: a band and, optionally, the exact score."""

    band: str
    score: Decimal | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ExecutionScore:
    rate_percent: Decimal | None
    score: Decimal | None
    explanation_zh: str
    explanation_en: str
    weight: Decimal | None = None

    def explanation(self, lang: str = "zh") -> str:
        return self.explanation_en if lang.startswith("en") else self.explanation_zh


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    index: int
    score: Decimal | None
    claimed: Decimal | None
    status: Status
    rule: str
    explanation_zh: str
    explanation_en: str
    weight: Decimal | None = None
    """The weight scored against (rescaled when not-applicable rows were dropped)."""

    def explanation(self, lang: str = "zh") -> str:
        return self.explanation_en if lang.startswith("en") else self.explanation_zh


@dataclass(frozen=True, slots=True)
class FormScore:
    rules: str
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: Decimal | None
    grade: str | None

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The ``computed`` object of ``jixiao score --json`` (Decimals kept as Decimal)."""
        return {
            "rules": self.rules,
            "execution_score": self.execution.score,
            "execution_explanation": self.execution.explanation(lang),
            "indicators": [
                {
                    "index": s.index,
                    "score": s.score,
                    "claimed": s.claimed,
                    "status": s.status,
                    "rule": s.rule,
                    "explanation": s.explanation(lang),
                }
                for s in self.indicators
            ],
            "total": self.total,
            "grade": self.grade,
        }

    def indicator(self, index: int) -> IndicatorScore | None:
        for s in self.indicators:
            if s.index == index:
                return s
        return None
