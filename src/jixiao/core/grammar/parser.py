"""Read a 年度指标值 / 实际完成值 cell into a typed :mod:`value <.values>`.

The grammar is a handful of anchored patterns tried in order on a normalised copy of
the text (NFKC, so full-width digits and ＝≥％～ become ASCII; spaces removed):

    empty | not-applicable | yes/no | completion phrase | deadline | range
    | comparison-or-quantity | compound (parts split on ，；、 or 分别…及…)

Anything else is :class:`Qualitative`. ``parse`` never raises: it is used on every
cell of every imported document, and an odd cell must become a value the audit can
talk about, not a traceback. Results are cached (forms repeat the same targets).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .units import KNOWN_UNITS, PERIODS, canonical_unit
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

_SYMBOLS = str.maketrans(
    {
        "≥": ">=",
        "≧": ">=",
        "⩾": ">=",
        "≤": "<=",
        "≦": "<=",
        "⩽": "<=",
        "〜": "~",
        "–": "-",
        "―": "—",
        "﹣": "-",
        "−": "-",
        "。": "",
    }
)

EMPTY_TOKENS = frozenset({"", "-", "--", "—", "——", "/", "\\", "－", "null", "None", "无数据"})
_NA = re.compile(r"^(?:不适用|无此项|本项不适用|不涉及|N/?A|n/?a|不适用本项目)$")

_YES = {
    "是": True,
    "有": True,
    "√": True,
    "✓": True,
    "✔": True,
    "否": False,
    "无": False,
    "×": False,
    "✗": False,
}

_COMPLETION: dict[str, str] = {}
for _kind, _words in {
    "on-time": "按期完成 按时完成 及时 及时完成 如期完成 按计划完成 按进度完成 按要求完成 按规定完成 "
    "准时 准时完成 按期 按时 如期 按期实施 按时保障 及时保障 及时到位",
    "done": "已完成 完成 全部完成 均已完成 顺利完成 圆满完成 已全部完成 达成 已达成 实现 已实现",
    "late": "延期完成 逾期完成 未按期完成 未按时完成 滞后 滞后完成 延迟完成 不及时",
    "partial": "部分完成 基本完成 部分达成",
    "not-done": "未完成 未开展 未实施 未启动 未达成 取消 未执行",
}.items():
    for _w in _words.split():
        _COMPLETION[_w] = _kind
        if not _w.startswith(("已", "未", "不")):
            _COMPLETION["已" + _w] = _kind if _kind != "done" else "done"

_PREFIX_OPS = {
    ">=": ">=",
    "=>": ">=",
    ">": ">",
    "<=": "<=",
    "=<": "<=",
    "<": "<",
    "==": "=",
    "=": "=",
    "不少于": ">=",
    "不低于": ">=",
    "不小于": ">=",
    "大于等于": ">=",
    "大于或等于": ">=",
    "至少": ">=",
    "达到": ">=",
    "达": ">=",
    "超过": ">",
    "大于": ">",
    "高于": ">",
    "多于": ">",
    "不超过": "<=",
    "不多于": "<=",
    "不高于": "<=",
    "不大于": "<=",
    "小于等于": "<=",
    "小于或等于": "<=",
    "最多": "<=",
    "控制在": "<=",
    "低于": "<",
    "小于": "<",
    "少于": "<",
    "等于": "=",
    "约": "=",
}
_SUFFIX_OPS = {
    "及以上": ">=",
    "或以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "或以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "内": "<=",
    "左右": "=",
}


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_UNIT = rf"(?:{_alt(KNOWN_UNITS)}|%)(?:/(?:{_alt(PERIODS)}))?|/(?:{_alt(PERIODS)})"
_GENERIC_UNIT = r"[\u4e00-\u9fff](?<![以内之及或左前底月后止中旬末年至到和与每])"
_TEXT = r"[^\d,;<>=~]{0,12}?"
_CN = "零〇一二两三四五六七八九十百"

_QUANTITY = re.compile(
    rf"^(?P<label>{_TEXT})(?P<pre>{_alt(_PREFIX_OPS)})?(?P<sign>-)?(?P<num>{_NUM})"
    rf"(?:(?P<unit>{_UNIT})|(?P<gunit>{_GENERIC_UNIT})(?=$|{_alt(_SUFFIX_OPS)}))?"
    rf"(?P<suf>{_alt(_SUFFIX_OPS)})?(?P<tail>[^\d,;<>=~]{{0,12}})$"
)
_CN_QUANTITY = re.compile(
    rf"^(?P<pre>{_alt(_PREFIX_OPS)})?(?P<cn>[{_CN}]{{1,4}})(?P<unit>{_UNIT})(?P<suf>{_alt(_SUFFIX_OPS)})?$"
)
_RANGE = re.compile(
    rf"^(?P<label>{_TEXT})(?P<a>{_NUM})(?P<ua>{_UNIT})?(?:-|~|—|至|到|－)(?P<b>{_NUM})(?P<ub>{_UNIT})?"
    rf"(?P<tail>[^\d,;<>=~]{{0,8}})$"
)
_DEADLINE = re.compile(
    rf"^(?P<label>{_TEXT})(?:<=|=|<|于|在|截至|截止|截止到|最迟)?(?:(?P<year>\d{{4}})年(?:度)?)?(?:"
    r"(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?(?P<mod>底|末|份|中旬|上旬|下旬|中)?"
    r"|(?P<ye>年底|年末|年内|年度内|本年度内|本年度|本年内|当年|全年|年终|年度末)"
    r"|第?(?P<q>[1-4一二三四])季度(?P<qe>末|底)?"
    r"|(?P<half>上半年|下半年))"
    r"(?P<suf>之前|以前|底前|前|以内|内|为止|止)?(?P<act>[^\d,;<>=~]{0,16})$"
)
_RANGE_MARKS = frozenset("-~—至到－")
_SPLIT = re.compile(r"[,;、]+")
_AND = re.compile(r"以及|及|和|与")

_PER = {
    "每月": "月",
    "每年": "年",
    "每周": "周",
    "每季度": "季度",
    "每季": "季度",
    "每天": "天",
    "每日": "日",
    "每学期": "学期",
}

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def normalise(text: str) -> str:
    """NFKC (full-width → ASCII), symbol folding (≥ → >=) and whitespace removed."""
    s = unicodedata.normalize("NFKC", text).translate(_SYMBOLS)
    s = "".join(s.split())
    return s.replace("(含)", "") if "(含)" in s else s


def _number(raw: str) -> Decimal | None:
    try:
        d = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _cn_number(raw: str) -> int | None:
    """Small Chinese numerals (一, 两, 十二, 二十, 一百零五); None when not one."""
    total, current = 0, 0
    for ch in raw:
        if ch in _CN_DIGITS:
            current = current * 10 + _CN_DIGITS[ch] if current else _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    if raw.startswith("/"):
        raw = "个" + raw
    return canonical_unit(raw)


def _label(*parts: str | None) -> str | None:
    text = "".join(p for p in parts if p)
    text = text.strip(":：()（）")
    return text or None


def _quantity(s: str) -> Value | None:
    m = _QUANTITY.match(s)
    if m is None:
        m2 = _CN_QUANTITY.match(s)
        if m2 is None:
            return None
        n = _cn_number(m2["cn"])
        if n is None:
            return None
        q = Quantity(Decimal(n), _unit(m2["unit"]))
        op = _PREFIX_OPS.get(m2["pre"] or "") or _SUFFIX_OPS.get(m2["suf"] or "")
        return Comparison(op, q) if op else q
    number = _number(m["num"])
    if number is None:
        return None
    pre, suf, label, tail = m["pre"], m["suf"], m["label"], m["tail"]
    if m["sign"]:
        if not pre:
            return None
        number = -number
    op = _PREFIX_OPS.get(pre or "") or _SUFFIX_OPS.get(suf or "")
    if op is None and label and tail:
        return None  # a number inside a sentence: not a target
    unit = _unit(m["unit"] or m["gunit"])
    if label in _PER and unit and "/" not in unit:
        unit, label = f"{unit}/{_PER[label]}", ""  # 每月1期 → 1 期/月
    if op is None:
        return Quantity(number, unit, _label(label, tail))
    return Comparison(op, Quantity(number, unit), _label(label, tail))


def _range(s: str) -> Range | None:
    m = _RANGE.match(s)
    if m is None:
        return None
    a, b = _number(m["a"]), _number(m["b"])
    if a is None or b is None:
        return None
    ua, ub = _unit(m["ua"]), _unit(m["ub"])
    low, high = Quantity(a, ua or ub), Quantity(b, ub or ua)
    if a > b and (ua or ub) == (ub or ua):
        low, high = high, low
    return Range(low, high, _label(m["label"], m["tail"]))


def _deadline(s: str) -> Deadline | None:
    m = _DEADLINE.match(s)
    if m is None:
        return None
    act = m["act"] or None
    day: int | None = None
    quarter: int | None = None
    if m["m"]:
        month = int(m["m"])
        if not 1 <= month <= 12:
            return None
        if m["d"]:
            day = int(m["d"])
            if not 1 <= day <= 31:
                return None
        mod = m["mod"]
        if day is None and mod in ("上旬", "中旬", "中"):
            day = {"上旬": 10, "中旬": 20, "中": 15}[mod]
        explicit = (
            m["suf"] or m["d"] or mod in ("底", "末") or (act or "").startswith(("完成", "前"))
        )
        if not explicit:
            return None
    elif m["ye"]:
        month = 12
    elif m["q"]:
        quarter = "1234一二三四".index(m["q"]) % 4 + 1
        month = quarter * 3
    else:
        month = 6 if m["half"] == "上半年" else 12
    if act and not re.match(
        r"^(?:完成|前|开展|实施|开班|结束|启动|到位|上线|交付|提交|报送|办结|发放|支付|举办|验收|全部|均|所有|工作|任务)",
        act,
    ):
        return None
    year = int(m["year"]) if m["year"] else None
    return Deadline(month, day, quarter, year, act, _label(m["label"]))


def _single(s: str) -> Value | None:
    bare = s[1:] if s.startswith("=") and not s.startswith("==") else s
    if bare in _YES:
        return YesNo(_YES[bare], bare)
    if bare in _COMPLETION:
        return Completion(_COMPLETION[bare], bare)
    # cheap character tests first: most cells are plain numbers or plain words
    if not any(c in s for c in "0123456789零〇一二两三四五六七八九十"):
        return _deadline(s) if ("年" in s or "季" in s) else None
    if ("月" in s or "年" in s or "季" in s) and (deadline := _deadline(s)) is not None:
        return deadline
    if any(c in s for c in _RANGE_MARKS) and (interval := _range(s)) is not None:
        return interval
    return _quantity(s)


def _compound(s: str) -> Compound | None:
    text = s[2:] if s.startswith("分别") else s
    pieces = [p for p in _SPLIT.split(text) if p]
    if len(pieces) < 2 or s.startswith("分别"):
        pieces = [q for p in pieces for q in _AND.split(p) if q]
    if len(pieces) < 2:
        return None
    parts = []
    for piece in pieces:
        value = _single(piece)
        if value is None:
            return None
        parts.append(value)
    if all(isinstance(p, Completion | YesNo) for p in parts):
        return None  # "及时、准确" is a qualitative description, not two targets
    return Compound(tuple(parts))


# Bounded at 8192 so a batch worker's memory stays flat (the repeated cells stay cached;
# 65536 entries grew a worker by ~150 MB over 30k forms for no measurable speed).
@lru_cache(maxsize=8192)
def parse_text(text: str) -> Value:
    """The uncached-guard core of :func:`parse` (raises only on programming errors)."""
    s = normalise(text)
    if s in EMPTY_TOKENS:
        return Empty()
    if _NA.match(s):
        return NotApplicable(text.strip())
    value = _single(s) or _compound(s)
    if value is not None:
        return value
    return Qualitative(" ".join(text.split()))


def parse(text: str | None) -> Value:
    """Read one cell. Never raises: unknown text becomes :class:`Qualitative`."""
    if text is None:
        return Empty()
    if not isinstance(text, str):
        text = str(text)
    try:
        return parse_text(text)
    except Exception:  # a grammar bug must not stop an import; tests call parse_text directly
        return Qualitative(" ".join(text.split()))
