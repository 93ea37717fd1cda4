"""The words a 自评表 is built from, and what kind of token each piece of text is.

Text dumps lose the grid, so the reader keys on two things only: the form's structural
labels (项目名称, 年度资金总额, 分值 …, the 一级/二级 indicator vocabulary) and the value
grammar of the cells (a target looks like ``>=4000人``, an amount like ``13,414,500``).
Nothing here knows any particular project.
"""

from __future__ import annotations

import re
import unicodedata

TITLE = "财政项目支出绩效自评表"

HEADER_LABELS = {
    "项目名称": "project_name",
    "主管部门": "department",
    "主管部门及代码": "department",
    "主管单位": "department",
    "实施单位": "implementing_unit",
    "项目实施单位": "implementing_unit",
    "实施单位名称": "implementing_unit",
}
FUND_ROW_LABELS = {
    "年度资金总额": "total",
    "其中当年财政拨款": "fiscal",
    "当年财政拨款": "fiscal",
    "其中财政拨款": "fiscal",
    "上年结转资金": "carryover",
    "其中上年结转资金": "carryover",
    "其他资金": "other",
    "其中其他资金": "other",
}
FUND_COLUMN_LABELS = {"年初预算数": "initial_budget", "全年预算数": "annual_budget", "全年执行数": "executed"}
GOAL_LABELS = {"预期目标": "expected", "实际完成情况": "actual"}
COLUMN_LABELS = (
    "分值", "执行率", "得分", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
    "偏差原因分析及改进措施", "年度总体目标", "绩效指标", "调整后预算数", "指标性质", "度量单位",
    "指标值", "完成值", "权重", "未完成原因分析", "年度目标值", "全年实际值", "预算执行率",
    "偏差原因分析", "及改进措施", "自评得分",
)
UNIT_LABELS = {"项目资金（元）": "元", "项目资金(元)": "元", "项目资金（万元）": "万元", "项目资金(万元)": "万元", "项目资金": None, "（元）": "元", "（万元）": "万元"}
TOTAL_LABEL = "总分"

LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")
LEVEL2 = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}
LEVEL2_ORDER = tuple(LEVEL2)
"""Canonical top-to-bottom order of the 二级指标 in every official layout."""

ALL_LABELS: dict[str, str] = {}
for _w in HEADER_LABELS:
    ALL_LABELS[_w] = "header"
for _w in FUND_ROW_LABELS:
    ALL_LABELS[_w] = "fundrow"
for _w in FUND_COLUMN_LABELS:
    ALL_LABELS[_w] = "fundcol"
for _w in GOAL_LABELS:
    ALL_LABELS[_w] = "goal"
for _w in COLUMN_LABELS:
    ALL_LABELS[_w] = "column"
for _w in UNIT_LABELS:
    ALL_LABELS[_w] = "unit"
for _w in LEVEL1:
    ALL_LABELS[_w] = "l1"
for _w in LEVEL2:
    ALL_LABELS.setdefault(_w, "l2")
ALL_LABELS[TOTAL_LABEL] = "total"
ALL_LABELS[TITLE] = "title"
ALL_LABELS = {re.sub(r"[\s\u3000：:]+", "", k): v for k, v in ALL_LABELS.items()}

_AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d{5,}(?:\.\d+)?$")
_NUM = re.compile(r"^\d{1,3}(?:\.\d{1,4})?$")
_PERCENT = re.compile(r"^\d+(?:\.\d+)?%$")
_DASH = frozenset({"-", "—", "–", "－", "——", "/", "／"})
_YEAR = re.compile(r"^[(（]?\s*(\d{4})\s*年度?\s*[)）]?$")
_COMPARATOR = re.compile(r"^(?:[<>≤≥＜＞≧≦]=?|[=＝]|(?:不低于|不少于|不超过|不高于|大于|小于)\s*\d)")
_QUANTITY = re.compile(r"^\d[\d,.]*\s*(?:[%‰]|[^\d\s,.、，。]{1,4})?(?:/[^\d\s]{1,2})?$")
_DEADLINE = re.compile(r"(?:\d+月|年底|年末|季度|月底|日前|月前|前完成|按期|按时|及时|如期)")
_COUNT_UNIT = re.compile(r"\d\s*(?:万|千|百)?(?:人次|人|次|个|项|期|份|家|页|学时|场|篇|批|户|所|条|本|册|台|套|件|处|座|天|小时|课时|名|班|部|门|种|类)")
_MONEY = re.compile(r"\d\s*(?:万元|元|亿元)")
# an upper bound on a duration (<=30分钟, ≤5个工作日) is a time limit: a 时效 indicator
_TIME_LIMIT = re.compile(r"^(?:<=|≤|<|＜|不超过)\s*\d+(?:\.\d+)?\s*(?:分钟|小时|天|日|个?工作日)")

LEVEL2_AFFINITY_KEYS = ("count", "percent", "deadline", "money", "text")


def width(text: str) -> int:
    """Display width: CJK and full-width characters count 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def norm_label(text: str) -> str:
    """Label text without spaces or colons (其中：当年财政拨款 = 其中当年财政拨款)."""
    return re.sub(r"[\s\u3000：:]+", "", text)


def label_kind(text: str) -> str | None:
    """The kind of structural label ``text`` is ("l1", "fundrow", …), or None."""
    return ALL_LABELS.get(norm_label(text))


def label_prefix(text: str) -> bool:
    """True when ``text`` is the first part of a label wrapped over lines (产出指 / 标)."""
    t = norm_label(text)
    return len(t) >= 2 and any(k.startswith(t) and k != t for k in ALL_LABELS)


def is_amount(tok: str) -> bool:
    return bool(_AMOUNT.match(tok))


def is_dash(tok: str) -> bool:
    return tok in _DASH


def is_num(tok: str) -> bool:
    """A bare weight/score-like number (0–999, at most two decimals)."""
    return bool(_NUM.match(tok))


def is_percent(tok: str) -> bool:
    return bool(_PERCENT.match(tok))


def year_of(text: str) -> int | None:
    m = _YEAR.match(text.strip())
    return int(m.group(1)) if m else None


def is_value(tok: str) -> bool:
    """Looks like a target or an actual value (``>=90%``, ``343人``, ``1期/月``, ``3月底前``)."""
    t = tok.strip()
    if not t:
        return False
    if _COMPARATOR.match(t):
        return True
    if _QUANTITY.match(t):
        return True
    return bool(re.match(r"^\d+(?:-|~|～|至)\d+", t)) or bool(re.match(r"^\d{1,2}月底?前", t))


def affinity(text: str) -> str:
    """A coarse class of a target/actual, used to tell which 二级指标 a row belongs to."""
    if _DEADLINE.search(text) or _TIME_LIMIT.match(text.strip()):
        return "deadline"
    if _MONEY.search(text):
        return "money"
    if _COUNT_UNIT.search(text):
        return "count"
    if "%" in text or "％" in text:
        return "percent"
    if re.search(r"\d", text):
        return "count"
    return "text"


AFFINITY: dict[str, dict[str, float]] = {
    "数量指标": {"count": 1.0, "percent": 0.3},
    "质量指标": {"percent": 0.6, "text": 0.6},
    "时效指标": {"deadline": 1.5},
    "成本指标": {"money": 1.5},
    "经济成本指标": {"money": 1.5},
    "社会成本指标": {"money": 1.0},
    "生态环境成本指标": {"money": 1.0},
    "经济效益指标": {"text": 0.5, "money": 0.5},
    "社会效益指标": {"text": 0.5},
    "生态效益指标": {"text": 0.5},
    "可持续影响指标": {"text": 0.5},
    "服务对象满意度指标": {"percent": 1.0},
}
