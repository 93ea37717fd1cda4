"""Reading a target or actual cell for analytics: kind, direction, number, unit.

The analytics only need a coarse reading of each cell (is it a number, which way does
the target point, which unit family) to compare thousands of forms in SQL. The value
grammar (:mod:`jixiao.core.grammar`) is the authority; when it is importable its parse
is mapped to a :class:`Reading`. A small regular-expression reader stands in for it so
that the analytics keep working if the grammar module is absent or renamed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

try:  # the shared value grammar, when present
    from jixiao.core import grammar as _grammar
except ImportError:  # pragma: no cover - depends on the grammar module being there
    _grammar = None  # type: ignore[assignment]

KINDS = ("quantity", "range", "deadline", "completion", "yesno", "qualitative", "na", "empty")


@dataclass(frozen=True, slots=True)
class Reading:
    """A coarse reading of one cell.

    ``op`` is ">=", ">", "<=", "<", "=" or ``None``; ``number`` is the value (the upper
    bound for a range), ``low`` the lower bound of a range; ``family`` groups units that
    may be compared (人 and 人次 differ).
    """

    kind: str
    op: str | None = None
    number: Decimal | None = None
    low: Decimal | None = None
    unit: str | None = None
    family: str | None = None

    @property
    def numeric(self) -> bool:
        return self.kind in ("quantity", "range") and self.number is not None

    @property
    def reverse(self) -> bool:
        """A "less is better" target (≤, <)."""
        return self.op in ("<=", "<")


_OPS = {"≥": ">=", ">=": ">=", "＞": ">", ">": ">", "≤": "<=", "<=": "<=", "＜": "<", "<": "<", "=": "=", "＝": "="}
_NUM = r"(\d+(?:\.\d+)?)"
_QTY = re.compile(r"^(>=|<=|≥|≤|>|<|＞|＜|=|＝)?\s*" + _NUM + r"\s*([^\d\s<>=≥≤]{0,6})$")
_RANGE = re.compile(r"^" + _NUM + r"\s*([^\d\s\-~～至]{0,4})\s*[-~～至]\s*" + _NUM + r"\s*([^\d\s]{0,6})$")
_DEADLINE = re.compile(r"(\d{1,2}月|年底|年末|季度|月底|月末).*(前|内|底|末)|^(年底|年末)")
_COMPLETION = ("按期完成", "按时完成", "及时", "如期完成", "已完成", "完成")
_YESNO = ("是", "否", "有", "无", "达标", "不达标")
_SPACE = re.compile(r"\s+")
_NA = ("不适用", "/", "无此项", "n/a")
CACHE = 8192
"""Entries per cache below: the cells a batch repeats stay cached, the one-off cells
(numbers vary from form to form) are evicted, so a worker's memory stays flat."""


@lru_cache(maxsize=CACHE)
def clean(text: str | None) -> str:
    """Text normalised for comparison: NFKC, no whitespace (cached: cells repeat a lot)."""
    if not text:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _family(unit: str | None) -> str | None:
    if _grammar is not None and hasattr(_grammar, "unit_family"):
        try:
            fam = _grammar.unit_family(unit)
            return None if fam is None else str(fam)
        except Exception:  # a grammar bug must not stop a batch audit
            pass
    return unit or None


def _fallback(text: str) -> Reading:
    t = clean(text)
    if not t:
        return Reading("empty")
    if t.lower() in _NA:
        return Reading("na")
    m = _QTY.match(t)
    if m:
        unit = m.group(3) or None
        return Reading("quantity", _OPS.get(m.group(1) or ""), _dec(m.group(2)), None, unit, _family(unit))
    m = _RANGE.match(t)
    if m:
        unit = m.group(4) or m.group(2) or None
        return Reading("range", None, _dec(m.group(3)), _dec(m.group(1)), unit, _family(unit))
    if _DEADLINE.search(t):
        return Reading("deadline")
    if t in _COMPLETION:
        return Reading("completion")
    if t in _YESNO:
        return Reading("yesno")
    return Reading("qualitative")


def _quantity(q: Any) -> tuple[Decimal | None, str | None]:
    number = getattr(q, "number", None)
    unit = getattr(q, "unit", None)
    return (number if isinstance(number, Decimal) else None), unit


def _from_grammar(value: Any, text: str) -> Reading:
    name = type(value).__name__
    if name == "Quantity":
        n, u = _quantity(value)
        return Reading("quantity", None, n, None, u, _family(u))
    if name == "Comparison":
        n, u = _quantity(getattr(value, "quantity", None))
        op = _OPS.get(str(getattr(value, "op", "") or ""))
        return Reading("quantity", op, n, None, u, _family(u))
    if name == "Range":
        lo, lu = _quantity(getattr(value, "low", None))
        hi, hu = _quantity(getattr(value, "high", None))
        unit = hu or lu
        return Reading("range", None, hi, lo, unit, _family(unit))
    simple = {"Deadline": "deadline", "Completion": "completion", "YesNo": "yesno",
              "NotApplicable": "na", "Empty": "empty", "Qualitative": "qualitative"}
    if name in simple:
        return Reading(simple[name])
    return _fallback(text)  # Compound and anything newer: the coarse reader decides


@lru_cache(maxsize=CACHE)
def read(text: str | None) -> Reading:
    """The :class:`Reading` of a cell (cached: forms repeat the same cells a lot)."""
    if text is None or not text.strip():
        return Reading("empty")
    if _grammar is not None and hasattr(_grammar, "parse"):
        try:
            return _from_grammar(_grammar.parse(text), text)
        except Exception:  # never let one odd cell stop a batch
            return _fallback(text)
    return _fallback(text)


def ratio(target: Reading, actual: Reading) -> Decimal | None:
    """actual / target for comparable positive-direction numbers, else ``None``."""
    if not (target.numeric and actual.numeric) or target.reverse:
        return None
    if target.family != actual.family:
        return None
    base = target.number
    if base is None or base <= 0 or actual.number is None:
        return None
    return (actual.number / base).quantize(Decimal("0.0001"))


@lru_cache(maxsize=CACHE)
def _name_key(name: str) -> str:
    t = _LEAD.sub("", clean(name))
    prev = None
    while prev != t:
        prev, t = t, _TRAIL.sub("", t)
    return t.lower()


_LEAD = re.compile(r"^(?:\d+|[一二三四五六七八九十]+)[、.．)）]")
_TRAIL = re.compile(r"[（(][^（）()]*[）)]$")


def name_key(name: str | None) -> str:
    """An indicator or project name normalised for grouping across forms."""
    return _name_key(name) if name else ""
