"""Score one indicator row from its parsed target and actual.

Each rule returns the score *and* the sentence that justifies it, in Chinese and
English, with the numbers it used ("131人 / 135人 × 2 = 1.94"). Where the rules cannot
decide (qualitative targets, late completions, units of different families, actuals
that are not numbers) the indicator needs a reviewer's grade: until one is given, the
claimed score is kept (so totals still add up) and the status says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from jixiao.core.grammar import (
    Compound,
    Deadline,
    Empty,
    Evaluation,
    Value,
    evaluate_texts,
    parse,
)
from jixiao.core.model import Indicator

from .quantitative import equal, in_range, positive, reverse
from .result import IndicatorScore, Judgement, Status, num, q2
from .row import ZERO, Row
from .rules import BAND_TEXT, RuleSet


def _quoted(text: str | None) -> str:
    return f"“{' '.join((text or '').split())}”"


def score_indicator(
    index: int,
    ind: Indicator,
    rules: RuleSet,
    weight: Decimal | None = None,
    factor: Decimal | None = None,
    judgement: Judgement | None = None,
) -> IndicatorScore:
    """Score one row; ``weight`` is the (possibly rescaled) weight, ``factor`` the rescale.

    Without a judgement the result depends only on the row's texts and numbers, so it
    is memoised per rule set (forms repeat the same targets and actuals a lot).
    """
    if judgement is None:
        cached = cache_for(rules)(ind.target, ind.actual, ind.weight, ind.score, weight, factor)
        return IndicatorScore(index, *cached)
    return _score_indicator(index, ind, rules, weight, factor, judgement)


_CACHES: dict[RuleSet, Callable[..., tuple[Any, ...]]] = {}


def cache_for(rules: RuleSet) -> Callable[..., tuple[Any, ...]]:
    found = _CACHES.get(rules)
    if found is None:

        @lru_cache(maxsize=8192)  # bounded: a batch worker's memory stays flat (see grammar.parser.parse_text)
        def fn(
            target: str | None,
            actual: str | None,
            weight: Decimal | None,
            claimed: Decimal | None,
            w: Decimal | None,
            factor: Decimal | None,
        ) -> tuple[Any, ...]:
            ind = Indicator(target=target, actual=actual, weight=weight, score=claimed)
            r = _score_indicator(0, ind, rules, w, factor, None)
            return (
                r.score,
                r.claimed,
                r.status,
                r.rule,
                r.explanation_zh,
                r.explanation_en,
                r.weight,
            )

        if len(_CACHES) > 64:  # custom rule sets made on the fly: do not grow without bound
            _CACHES.clear()
        _CACHES[rules] = found = fn
    return found


def _score_indicator(
    index: int,
    ind: Indicator,
    rules: RuleSet,
    weight: Decimal | None,
    factor: Decimal | None,
    judgement: Judgement | None,
) -> IndicatorScore:
    target, actual = parse(ind.target), parse(ind.actual)
    e = evaluate_texts(ind.target, ind.actual)
    if e.direction == "not-applicable":
        return IndicatorScore(
            index,
            None,
            ind.score,
            "not-applicable",
            "not-applicable",
            "不适用：剔除，其余指标分值按百分制折算",
            "not applicable: dropped, the other weights are rescaled to 100",
        )
    w = weight if weight is not None else ind.weight
    if w is None:
        return IndicatorScore(
            index,
            None,
            ind.score,
            "unscorable",
            "unscorable",
            "未填分值，无法计分",
            "no weight printed; cannot be scored",
        )
    row = Row(index, ind, w, factor)
    base = _by_rule(row, e, target, actual, ind, rules)
    if judgement is not None:
        return _apply_judgement(row, base, judgement, rules)
    return base


def _by_rule(
    row: Row, e: Evaluation, target: Value, actual: Value, ind: Indicator, rules: RuleSet
) -> IndicatorScore:
    t_txt, a_txt = _quoted(ind.target), _quoted(ind.actual)
    if e.direction == "empty":
        return row.result(
            None,
            "unscorable",
            "unscorable",
            "年度指标值为空，无法计分",
            "no target printed; cannot be scored",
        )
    d = e.direction
    if d in ("positive", "reverse", "equal", "range") and e.met is not None:
        if d == "positive":
            r = positive(row, e, rules)
        elif d == "reverse":
            r = reverse(row, e, rules)
        elif d == "equal":
            r = equal(row, e, rules)
        else:
            r = in_range(row, e, target, rules)
        if not e.note_zh:
            return r
        # the grammar converted a unit or assumed one: say so beside the arithmetic
        return replace(
            r,
            explanation_zh=f"{r.explanation_zh}（{e.note_zh}）",
            explanation_en=f"{r.explanation_en} ({e.note_en})",
        )
    if d in ("positive", "reverse", "equal", "range"):
        if isinstance(actual, Empty):
            return row.result(
                None,
                "unscorable",
                "unscorable",
                f"实际完成值为空，无法按指标值 {t_txt} 计分",
                f"no actual value; cannot be scored against {t_txt}",
            )
        return row.judge(
            d,
            f"指标值 {t_txt}，实际 {a_txt}：{e.note_zh}",
            f"target {t_txt}, actual {a_txt}: {e.note_en}",
        )
    if d == "deadline":
        lab_zh, lab_en = (
            ("时限", "deadline")
            if isinstance(target, Deadline | Compound)
            else ("时效要求", "timeliness target")
        )
        if e.met and (rules.done_is_on_time or not e.note_zh):
            extra = f"（{e.note_zh}）" if e.note_zh else ""
            return row.full(
                "deadline",
                f"{lab_zh} {t_txt}，实际 {a_txt}{extra}，按期完成",
                f"{lab_en} {t_txt}, actual {a_txt}: on time",
            )
        if e.late:
            return row.judge(
                "deadline",
                f"{lab_zh} {t_txt}，实际 {a_txt}，晚于时限",
                f"{lab_en} {t_txt}, actual {a_txt}: later than the deadline",
            )
        if e.met is False:
            return row.judge(
                "deadline",
                f"{lab_zh} {t_txt}，实际 {a_txt}，未按期完成",
                f"{lab_en} {t_txt}, actual {a_txt}: not completed in time",
            )
        if isinstance(actual, Empty):
            return row.result(
                None,
                "unscorable",
                "unscorable",
                f"实际完成值为空，无法按{lab_zh} {t_txt} 计分",
                f"no actual value; cannot be scored against {t_txt}",
            )
        return row.judge(
            "deadline",
            f"{lab_zh} {t_txt}，实际 {a_txt}：{e.note_zh or '无法判断是否按期'}",
            f"{lab_en} {t_txt}, actual {a_txt}: {e.note_en or 'cannot tell whether on time'}",
        )
    if d == "yesno":
        if e.met is True:
            return row.full(
                "yesno",
                f"指标值 {t_txt}，实际 {a_txt}，一致",
                f"target {t_txt}, actual {a_txt}: met",
            )
        if e.met is False:
            return row.result(
                ZERO,
                "missed",
                "yesno",
                f"指标值 {t_txt}，实际 {a_txt}，不一致，得 0",
                f"target {t_txt}, actual {a_txt}: not met, 0",
            )
        return row.judge(
            "yesno", f"指标值 {t_txt}，实际 {a_txt}", f"target {t_txt}, actual {a_txt}"
        )
    if d == "compound" or e.parts:
        if e.met is True:
            return row.full(
                "compound",
                f"复合指标 {t_txt} 各项均达成（实际 {a_txt}）",
                f"every part of {t_txt} met (actual {a_txt})",
            )
        return row.judge(
            "compound",
            f"复合指标 {t_txt}，实际 {a_txt}，未能逐项确认达成",
            f"compound target {t_txt}, actual {a_txt}: not every part confirmed",
        )
    if isinstance(actual, Empty):
        return row.result(
            None,
            "unscorable",
            "unscorable",
            f"实际完成值为空，无法评价定性指标{t_txt}",
            f"no actual value for the qualitative target {t_txt}",
        )
    how_zh = (
        "实际与指标值一致"
        if e.repeats_target
        else ("实际称已达成" if e.claims_achieved else "实际情况需核实")
    )
    how_en = (
        "the actual repeats the target"
        if e.repeats_target
        else (
            "the actual claims it was achieved"
            if e.claims_achieved
            else "the actual needs checking"
        )
    )
    return row.judge(
        "qualitative", f"定性指标{t_txt}，{how_zh}", f"qualitative target {t_txt}, {how_en}"
    )


def _apply_judgement(
    row: Row, base: IndicatorScore, j: Judgement, rules: RuleSet
) -> IndicatorScore:
    try:
        low_f, high_f = rules.band(j.band)
    except KeyError:
        return base
    low, high = q2(row.weight * low_f), q2(row.weight * high_f)
    band_zh, band_en = BAND_TEXT.get(j.band, (j.band, j.band))
    wanted = (
        j.score if j.score is not None else (base.claimed if base.claimed is not None else high)
    )
    source_zh = (
        "评审给分"
        if j.score is not None
        else ("自评得分" if base.claimed is not None else "该档上限")
    )
    source_en = (
        "the reviewer's score"
        if j.score is not None
        else ("the claimed score" if base.claimed is not None else "the band's top")
    )
    score = q2(min(high, max(low, wanted)))
    clamp_zh = f"，{num(wanted)} 不在该档内，取 {num(score)}" if score != q2(wanted) else ""
    clamp_en = (
        f"; {num(wanted)} lies outside the band, {num(score)} taken" if score != q2(wanted) else ""
    )
    status: Status = {"achieved": "met", "partial": "partial"}.get(j.band, "missed")  # type: ignore[assignment]
    note = f"（{j.note}）" if j.note else ""
    return row.result(
        score,
        status,
        "judgement",
        f"评审判定“{band_zh}”（{num(low)}–{num(high)} 分）：取{source_zh} {num(score)}{clamp_zh}{note}",
        f"reviewer's grade '{band_en}' ({num(low)}–{num(high)}): {source_en} {num(score)}{clamp_en}{note}",
    )
