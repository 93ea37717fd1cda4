"""The inputs of one indicator row and the helpers that turn a rule's outcome into an
:class:`IndicatorScore` (full marks, a proportional score, or "needs judgement" with
the claimed score kept), so each rule only states its arithmetic and its sentence."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.model import Indicator

from .result import IndicatorScore, Status, num, q2

ZERO = Decimal(0)


def qty(value: Decimal | None, unit: str | None) -> str:
    return f"{num(value)}{unit or ''}"


class Row:
    """The inputs of one row and helpers to build its result."""

    def __init__(self, index: int, ind: Indicator, weight: Decimal, factor: Decimal | None) -> None:
        self.index = index
        self.claimed = ind.score
        self.weight = weight
        self.factor = factor
        self.w = num(q2(weight))

    def result(
        self, score: Decimal | None, status: Status, rule: str, zh: str, en: str
    ) -> IndicatorScore:
        if self.factor is not None:
            zh += f"（分值按百分制折算为 {self.w}）"
            en += f" (weight rescaled to {self.w})"
        return IndicatorScore(
            self.index, score, self.claimed, status, rule, zh, en, q2(self.weight)
        )

    def proportional(
        self, fraction: tuple[Decimal, Decimal], rule: str, zh: str, en: str, note_zh: str = "", note_en: str = ""
    ) -> IndicatorScore:
        """weight × numerator / denominator, multiplied before dividing so that an exact
        half (17 × 276 / 544 = 8.625) rounds half-up as on paper, not from 8.62499…"""
        numerator, denominator = fraction
        score = q2(max(ZERO, min(self.weight, self.weight * numerator / denominator)))
        status: Status = "missed" if score == 0 else "partial"
        return self.result(
            score, status, rule, f"{zh} = {num(score)}{note_zh}", f"{en} = {num(score)}{note_en}"
        )

    def full(self, rule: str, zh: str, en: str) -> IndicatorScore:
        return self.result(
            q2(self.weight), "met", rule, f"{zh}，得满分 {self.w}", f"{en}: full {self.w}"
        )

    def judge(self, rule: str, zh: str, en: str) -> IndicatorScore:
        """Needs a reviewer: keep the claimed score (within 0..weight) meanwhile."""
        claimed = self.claimed
        if claimed is None:
            return self.result(
                None,
                "needs-judgement",
                rule,
                f"{zh}；待评审按三档定分，未填自评得分",
                f"{en}; needs a reviewer's grade, no score claimed",
            )
        if self.factor is not None:
            claimed = claimed * self.factor
        kept = q2(max(ZERO, min(self.weight, claimed)))
        note_zh = note_en = ""
        if kept != q2(claimed):
            note_zh, note_en = (
                f"（自评 {num(claimed)} 超出 0–{self.w}，取 {num(kept)}）",
                f" (claimed {num(claimed)} is outside 0–{self.w}; {num(kept)} kept)",
            )
        return self.result(
            kept,
            "needs-judgement",
            rule,
            f"{zh}；待评审按三档定分（80–100% / 60–80% / 0–60%），暂按自评 {num(kept)}{note_zh}",
            f"{en}; awaiting a reviewer's band (80–100% / 60–80% / 0–60%), claimed {num(kept)} kept{note_en}",
        )
