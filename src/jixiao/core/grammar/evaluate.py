"""How an 实际完成值 compares with its 年度指标值.

:func:`evaluate` says which way the target points (positive, reverse, equal, range,
deadline, yes/no, qualitative), whether it was met, and gives the numbers a scoring
rule needs, already converted to the target's unit (45万页 against 450000页 compares
as 45 against 45). It decides nothing about points: that is the rule set's job.
Where the answer is not knowable from the text (qualitative targets, units of
different families, an actual that is not a number) ``met`` is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .explain import format_quantity
from .parser import normalise
from .units import unit_family, unit_scale
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

DIRECTIONS = (
    "positive",
    "reverse",
    "equal",
    "range",
    "deadline",
    "yesno",
    "qualitative",
    "compound",
    "not-applicable",
    "empty",
)
_ACHIEVED = re.compile(r"达成|达到|实现|完成|符合|满足|已落实|到位|良好|合格|提升|提高|有序|顺利")
_NEGATIVE = re.compile(r"未|没有|不足|尚未|差|滞后|取消")


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The comparison of one actual with one target.

    ``target``/``actual`` are the numbers to use in a formula, in the target's unit
    (for a range, ``target`` is the bound the actual fell outside of, or the low end).
    ``position``: "below"/"inside"/"above" for ranges, "below"/"equal"/"above" for
    equality targets, "late" for a missed deadline.
    """

    direction: str
    met: bool | None
    target: Decimal | None = None
    actual: Decimal | None = None
    unit: str | None = None
    implicit_op: bool = False
    family_mismatch: bool = False
    position: str | None = None
    repeats_target: bool = False
    claims_achieved: bool = False
    note_zh: str = ""
    note_en: str = ""
    parts: tuple[Evaluation, ...] = ()

    @property
    def ratio(self) -> Decimal | None:
        """actual / target, or None when either is missing or the target is 0."""
        if self.target is None or self.actual is None or self.target == 0:
            return None
        return self.actual / self.target

    @property
    def late(self) -> bool:
        return self.position == "late"


def _numeric_actual(actual: Value) -> Quantity | None:
    if isinstance(actual, Quantity):
        return actual
    if isinstance(actual, Comparison):
        return actual.quantity
    return None


def _convert(actual: Quantity, target: Quantity) -> tuple[Decimal | None, str, str]:
    """The actual number in the target's unit, or None with a note on unit trouble."""
    if actual.unit is None or target.unit is None or actual.unit == target.unit:
        return actual.number, "", ""
    fam_a, fam_t = unit_family(actual.unit), unit_family(target.unit)
    if fam_a != fam_t:
        return (
            None,
            f"单位不一致：指标值用“{target.unit}”，实际值用“{actual.unit}”，不能直接比较",
            f"units differ: the target is in {target.unit}, the actual in {actual.unit}; not comparable",
        )
    value = actual.number * unit_scale(actual.unit) / unit_scale(target.unit)
    return (
        value,
        f"实际值 {format_quantity(actual, True)} 折合 {value.normalize():f}{target.unit}",
        f"actual {format_quantity(actual, True)} converted to {value.normalize():f}{target.unit}",
    )


def _not_numeric(direction: str, actual: Value, implicit: bool) -> Evaluation:
    if isinstance(actual, Empty):
        return Evaluation(
            direction,
            None,
            implicit_op=implicit,
            note_zh="实际完成值为空",
            note_en="no actual value given",
        )
    claims = _claims(actual)
    return Evaluation(
        direction,
        None,
        implicit_op=implicit,
        claims_achieved=claims,
        note_zh="实际完成值不是数值，需人工判断",
        note_en="the actual value is not a number; needs a reviewer",
    )


def _quantitative(target: Comparison | Quantity | Range, actual: Value) -> Evaluation:
    if isinstance(target, Range):
        direction, implicit, ref = "range", False, target.low
    elif isinstance(target, Comparison):
        direction, implicit, ref = target.direction, False, target.quantity
    else:
        direction, implicit, ref = "positive", True, target
    if isinstance(actual, NotApplicable):
        return Evaluation("not-applicable", None)
    got = _numeric_actual(actual)
    if got is None:
        return _not_numeric(direction, actual, implicit)
    a, note_zh, note_en = _convert(got, ref)
    if a is None:
        return Evaluation(
            direction,
            None,
            implicit_op=implicit,
            family_mismatch=True,
            note_zh=note_zh,
            note_en=note_en,
        )
    if got.unit is None and ref.unit:
        note_zh, note_en = (
            f"实际值未写单位，按“{ref.unit}”理解",
            f"actual printed without a unit, read as {ref.unit}",
        )
    unit = ref.unit
    if isinstance(target, Range):
        high = (
            target.high.number * unit_scale(target.high.unit) / unit_scale(ref.unit)
            if target.high.unit
            else target.high.number
        )
        low = target.low.number
        if a < low:
            return Evaluation(
                "range", False, low, a, unit, position="below", note_zh=note_zh, note_en=note_en
            )
        if a > high:
            return Evaluation(
                "range", False, high, a, unit, position="above", note_zh=note_zh, note_en=note_en
            )
        return Evaluation(
            "range", True, low, a, unit, position="inside", note_zh=note_zh, note_en=note_en
        )
    t = ref.number
    op = target.op if isinstance(target, Comparison) else ">="
    met = {">=": a >= t, ">": a > t, "<=": a <= t, "<": a < t, "=": a == t}[op]
    position = None
    if op == "=":
        position = "below" if a < t else "above" if a > t else "equal"
    return Evaluation(
        direction,
        met,
        t,
        a,
        unit,
        implicit_op=implicit,
        position=position,
        note_zh=note_zh,
        note_en=note_en,
    )


def _claims(actual: Value) -> bool:
    if isinstance(actual, Completion):
        return actual.kind in ("on-time", "done")
    if isinstance(actual, YesNo):
        return actual.value
    if isinstance(actual, Qualitative):
        return bool(_ACHIEVED.search(actual.text)) and not _NEGATIVE.search(actual.text)
    return False


def _timely(target: Deadline | Completion, actual: Value) -> Evaluation:
    if isinstance(actual, NotApplicable):
        return Evaluation("not-applicable", None)
    if isinstance(actual, Completion):
        if actual.kind == "on-time":
            return Evaluation("deadline", True, claims_achieved=True)
        if actual.kind == "done":
            return Evaluation(
                "deadline",
                True,
                claims_achieved=True,
                note_zh="实际值只写“完成”，未注明时间，按期内完成理解",
                note_en="the actual says only 'completed', without a date; read as on time",
            )
        return Evaluation("deadline", False, position="late" if actual.kind == "late" else "missed")
    if isinstance(actual, Deadline):
        if isinstance(target, Completion) or actual.key <= target.key:
            return Evaluation("deadline", True, claims_achieved=True)
        return Evaluation(
            "deadline",
            False,
            position="late",
            note_zh="完成时间晚于时限",
            note_en="completed after the deadline",
        )
    if isinstance(actual, YesNo):
        return Evaluation("deadline", actual.value)
    if isinstance(actual, Empty):
        return Evaluation(
            "deadline", None, note_zh="实际完成值为空", note_en="no actual value given"
        )
    return Evaluation(
        "deadline",
        None,
        claims_achieved=_claims(actual),
        note_zh="实际完成情况无法与时限比较，需人工判断",
        note_en="the actual cannot be compared with the deadline; needs a reviewer",
    )


def _same_text(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    return bool(na) and (na == nb or (len(nb) >= 4 and nb in na))


def _qualitative(target: Qualitative, actual: Value) -> Evaluation:
    if isinstance(actual, NotApplicable):
        return Evaluation("not-applicable", None)
    if isinstance(actual, Empty):
        return Evaluation(
            "qualitative", None, note_zh="实际完成值为空", note_en="no actual value given"
        )
    text = actual.text if isinstance(actual, Qualitative | Completion | YesNo) else ""
    repeats = bool(text) and _same_text(text, target.text)
    return Evaluation(
        "qualitative",
        None,
        repeats_target=repeats,
        claims_achieved=repeats or _claims(actual),
        note_zh="定性指标，需评审按三档判定",
        note_en="qualitative indicator: a reviewer grades it in one of three bands",
    )


def _combine(direction: str, parts: tuple[Evaluation, ...]) -> Evaluation:
    mets = [p.met for p in parts]
    met = False if False in mets else (True if all(m is True for m in mets) else None)
    directions = {p.direction for p in parts}
    return Evaluation(
        directions.pop() if len(directions) == 1 else direction,
        met,
        family_mismatch=any(p.family_mismatch for p in parts),
        position="late" if any(p.late for p in parts) else None,
        claims_achieved=all(p.claims_achieved or p.met for p in parts),
        parts=parts,
    )


def evaluate(target: Value, actual: Value) -> Evaluation:
    """Compare ``actual`` with ``target``; never raises."""
    if isinstance(target, NotApplicable) or isinstance(actual, NotApplicable):
        return Evaluation("not-applicable", None, note_zh="不适用", note_en="not applicable")
    if isinstance(target, Empty):
        return Evaluation("empty", None, note_zh="年度指标值为空", note_en="no target given")
    if isinstance(target, Quantity | Comparison | Range):
        return _quantitative(target, actual)
    if isinstance(target, Deadline | Completion):
        return _timely(target, actual)
    if isinstance(target, YesNo):
        if isinstance(actual, YesNo):
            return Evaluation("yesno", actual.value == target.value)
        if isinstance(actual, Completion) and target.value:
            return Evaluation("yesno", actual.kind in ("on-time", "done"))
        return Evaluation(
            "yesno",
            None,
            claims_achieved=_claims(actual),
            note_zh="需人工判断",
            note_en="needs a reviewer",
        )
    if isinstance(target, Compound):
        if isinstance(actual, Compound) and len(actual.parts) == len(target.parts):
            pairs = zip(target.parts, actual.parts, strict=True)
            return _combine("compound", tuple(evaluate(t, a) for t, a in pairs))
        if isinstance(actual, Completion | Deadline | YesNo):
            return _combine("compound", tuple(evaluate(t, actual) for t in target.parts))
        return Evaluation(
            "compound",
            None,
            claims_achieved=_claims(actual),
            note_zh="复合指标，需人工判断",
            note_en="compound target; needs a reviewer",
        )
    if isinstance(target, Qualitative):
        return _qualitative(target, actual)
    return Evaluation("qualitative", None)


# Bounded at 8192 so a batch worker's memory stays flat (the repeated cells stay cached;
# 65536 entries grew a worker by ~150 MB over 30k forms for no measurable speed).
@lru_cache(maxsize=8192)
def evaluate_texts(target: str | None, actual: str | None) -> Evaluation:
    """``evaluate(parse(target), parse(actual))`` for printed cells, cached.

    Scoring and the audit both compare the same pair of cells; one shared cache makes
    the second comparison free, and batches repeat the same cells a lot.
    """
    from .parser import parse

    return evaluate(parse(target), parse(actual))
