"""Units, their families and scale factors.

Two quantities can be compared only inside one family: 人 (people) and 人次
(person-times) look alike but count different things, so they are separate families
and a target in 人 against an actual in 人次 is reported, not silently compared.
Inside a family a unit has an exact scale to the family's base unit (万页 = 10000 页,
亿元 = 10⁸ 元, 小时 = 60 分钟). Rates such as "期/月" form their own family per
denominator. A unit we do not know is its own family, so unknown units only match
themselves.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

_ONE = Decimal(1)
_WAN = Decimal(10000)

# unit -> (family, scale to the family's base unit)
_BASE: dict[str, tuple[str, Decimal]] = {
    "%": ("percent", _ONE),
    "‰": ("percent", Decimal("0.1")),
    "人": ("people", _ONE),
    "名": ("people", _ONE),
    "位": ("people", _ONE),
    "人次": ("person-times", _ONE),
    "次": ("times", _ONE),
    "学时": ("class-hours", _ONE),
    "课时": ("class-hours", _ONE),
    "分钟": ("duration", _ONE),
    "分": ("points", _ONE),
    "秒": ("duration", Decimal(1) / Decimal(60)),
    "小时": ("duration", Decimal(60)),
    "个小时": ("duration", Decimal(60)),
    "天": ("duration", Decimal(1440)),
    "日": ("duration", Decimal(1440)),
    "周": ("duration", Decimal(10080)),
    "工作日": ("workdays", _ONE),
    "个工作日": ("workdays", _ONE),
    "月": ("months", _ONE),
    "个月": ("months", _ONE),
    "年": ("months", Decimal(12)),
    "万": ("number", _WAN),
    "亿": ("number", Decimal(100000000)),
    "元": ("money", _ONE),
    "千元": ("money", Decimal(1000)),
    "平方米": ("area", _ONE),
    "平米": ("area", _ONE),
    "㎡": ("area", _ONE),
    "公顷": ("area", _WAN),
    "平方公里": ("area", Decimal(1000000)),
    "亩": ("mu", _ONE),
    "米": ("length", _ONE),
    "公里": ("length", Decimal(1000)),
    "千米": ("length", Decimal(1000)),
    "吨": ("mass", _ONE),
    "千克": ("mass", Decimal("0.001")),
    "公斤": ("mass", Decimal("0.001")),
}

# Counting words: each is its own family (5家 and 5个 are not comparable).
_COUNTERS = [
    "起",
    "个",
    "份",
    "期",
    "家",
    "页",
    "件",
    "篇",
    "项",
    "场",
    "所",
    "台",
    "套",
    "户",
    "本",
    "册",
    "批",
    "条",
    "座",
    "辆",
    "张",
    "门",
    "班",
    "类",
    "集",
    "辑",
    "处",
    "间",
    "个次",
    "家次",
    "场次",
    "批次",
    "册次",
    "人天",
    "人日",
    "课",
    "节",
    "部",
    "种",
    "支",
    "只",
    "株",
    "棵",
    "头",
    "盏",
    "块",
    "根",
    "组",
    "队",
    "村",
    "校",
    "宗",
    "卷",
    "期次",
]
for _c in _COUNTERS:
    _BASE.setdefault(_c, (_c, _ONE))

_PREFIX = {"万": _WAN, "亿": Decimal(100000000), "千": Decimal(1000), "百万": Decimal(1000000)}

KNOWN_UNITS: tuple[str, ...] = tuple(
    sorted(
        set(_BASE)
        | {p + u for p in _PREFIX for u in _BASE if u not in ("%", "‰")}
        | {"百分比", "百分点"},
        key=len,
        reverse=True,
    )
)
"""Every unit spelling the parser recognises, longest first (for prefix matching)."""

PERIODS: tuple[str, ...] = (
    "月",
    "年",
    "季度",
    "季",
    "周",
    "天",
    "日",
    "人",
    "次",
    "期",
    "学期",
    "批",
)
"""Denominators accepted in rate units such as "期/月" or "次/年"."""


@lru_cache(maxsize=512)
def _lookup(unit: str) -> tuple[str, Decimal]:
    if unit in ("百分比", "百分点"):
        return ("percent", _ONE)
    if "/" in unit:
        num, _, den = unit.partition("/")
        fam, scale = _lookup(num) if num else ("count", _ONE)
        return (f"{fam}/{den}", scale)
    if unit in _BASE:
        return _BASE[unit]
    for prefix, factor in sorted(_PREFIX.items(), key=lambda kv: -len(kv[0])):
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest in _BASE:
            fam, scale = _BASE[rest]
            return (fam, scale * factor)
    return (unit, _ONE)


def unit_family(unit: str | None) -> str | None:
    """The family a unit belongs to ("人" → "people", "人次" → "person-times", "万页" → "页").

    ``None`` for no unit; an unknown unit is its own family.
    """
    if not unit:
        return None
    return _lookup(unit)[0]


def unit_scale(unit: str | None) -> Decimal:
    """How many base units of its family one ``unit`` is (万页 → 10000, 小时 → 60)."""
    if not unit:
        return _ONE
    return _lookup(unit)[1]


def canonical_unit(unit: str) -> str:
    """Spelling used in values: full-width forms and percent words folded to "%"."""
    if unit in ("％", "百分比"):
        return "%"
    return unit
