"""Printed numbers -> ``Decimal``, keeping the printed precision.

A form prints amounts with thousands separators (13,414,500), rates with a percent sign
(89.61%), empty cells as ``-``/``—``/``/``. These helpers never raise: they return
``(value, ok)`` so the mapper can report an unreadable number as an issue.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_BLANKS = frozenset({"", "-", "—", "–", "－", "——", "/", "／", "无", "——-", "\\", "--"})
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")


def is_blank(text: str | None) -> bool:
    return text is None or text.strip() in _BLANKS


def parse_number(text: str | None, *, percent: bool = False) -> tuple[Decimal | None, bool]:
    """``("13,414,500") -> (Decimal("13414500"), True)``; blanks -> ``(None, True)``.

    With ``percent`` a trailing ``%`` is dropped (the number is already in percent).
    Text that is not a number gives ``(None, False)``.
    """
    if is_blank(text):
        return None, True
    assert text is not None
    s = text.translate(_FULLWIDTH).replace(",", "").replace(" ", "").replace("\u3000", "")
    for suffix in ("万元", "元", "分"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            break
    is_pct = s.endswith("%")
    if is_pct:
        s = s[:-1]
    if not _NUMBER.match(s):
        return None, False
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        return None, False
    if is_pct and not percent:
        return None, False
    return value, True


def number_text(value: float | int, number_format: str | None) -> str:
    """How a spreadsheet displays a numeric cell: fixed decimals and % from its format.

    ``General`` shows the shortest round-trip text (at most 15 significant digits), so
    ``8.96`` stays ``8.96``; ``0.00`` shows ``94.90``; ``0.00%`` shows ``89.61%``.
    """
    if isinstance(value, bool):
        return "是" if value else "否"
    fmt = (number_format or "General").split(";")[0]
    is_pct = "%" in fmt
    dec = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(value, float):
        dec = Decimal(f"{value:.15g}")
    if is_pct:
        dec = dec * 100
    m = re.search(r"0\.(0+)", fmt)
    if m:
        dec = dec.quantize(Decimal(1).scaleb(-len(m.group(1))))
    elif fmt != "General" and "0" in fmt and "." not in fmt:
        dec = dec.quantize(Decimal(1))
    text = format(dec, "f")
    if "." in text and not m:
        text = text.rstrip("0").rstrip(".")
    return text + ("%" if is_pct else "")
