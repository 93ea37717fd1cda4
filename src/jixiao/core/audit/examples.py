"""A small valid form and, per issue code, the smallest change that triggers it.

The catalogue (``docs/ISSUES.md``) prints these examples and its test runs each one
through :func:`~jixiao.core.audit.check`, so the documentation cannot drift from
the checks. A change is a mapping of field paths (the same paths issues point at,
e.g. ``"indicators[0].score"``) to new JSON values; ``"indicators[+]"`` appends an
indicator. ``"$also"`` lists codes that necessarily come with the example's own
(e.g. a score above its weight is also above what the rules give).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

BASE_FORM: dict[str, Any] = {
    "year": 2023,
    "project_name": "示例培训项目",
    "department": "示例主管部门",
    "implementing_unit": "示例实施单位",
    "funds": {
        "total": {"initial_budget": 1000000, "annual_budget": 1000000, "executed": 950000},
        "fiscal": {"initial_budget": 1000000, "annual_budget": 1000000, "executed": 950000},
        "carryover": {"initial_budget": None, "annual_budget": None, "executed": None},
        "other": {"initial_budget": None, "annual_budget": None, "executed": None},
    },
    "execution": {"weight": 10, "rate_percent": 95.00, "score": 9.5},
    "goals": {"expected": "完成年度培训任务。", "actual": "按计划完成年度培训任务。"},
    "indicators": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "培训人数",
            "target": ">=100人",
            "actual": "120人",
            "weight": 20,
            "score": 20,
            "deviation": None,
        },
        {
            "level1": "产出指标",
            "level2": "质量指标",
            "name": "考试通过率",
            "target": ">=90%",
            "actual": "95%",
            "weight": 15,
            "score": 15,
            "deviation": None,
        },
        {
            "level1": "产出指标",
            "level2": "时效指标",
            "name": "培训完成时间",
            "target": "6月底前",
            "actual": "按期完成",
            "weight": 15,
            "score": 15,
            "deviation": None,
        },
        {
            "level1": "效益指标",
            "level2": "社会效益指标",
            "name": "持证上岗率",
            "target": ">=80%",
            "actual": "85%",
            "weight": 30,
            "score": 30,
            "deviation": None,
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "学员满意度",
            "target": ">=90%",
            "actual": "96%",
            "weight": 10,
            "score": 10,
            "deviation": None,
        },
    ],
    "total_score": 99.5,
}
"""Arithmetically consistent, every indicator met, scored as the rules say: no issue at all."""

EXAMPLES: dict[str, dict[str, Any]] = {
    "header-missing-year": {"year": None},
    "header-year-implausible": {"year": 1923},
    "header-missing-project-name": {"project_name": None},
    "header-missing-agency": {"department": ""},
    "structure-missing-execution": {"execution.rate_percent": None},
    "structure-missing-total": {"total_score": None},
    "goals-missing": {"goals.actual": ""},
    "structure-no-indicators": {"indicators": [], "total_score": 9.5},
    "structure-empty-name": {"indicators[1].name": ""},
    "structure-empty-level": {"indicators[1].level2": None},
    "structure-duplicate-name": {"indicators[1].name": "培训人数"},
    "structure-empty-target": {"indicators[0].target": None},
    "structure-empty-actual": {"indicators[0].actual": None},
    "structure-missing-weight": {"indicators[0].weight": None},
    "structure-missing-score": {"indicators[0].score": None},
    "structure-unknown-level": {"indicators[1].level2": "效率指标"},
    "structure-missing-level1": {
        "indicators[4].level1": "效益指标",
        "indicators[4].level2": "社会效益指标",
    },
    "funds-negative": {"funds.fiscal.initial_budget": 1000005, "funds.other.initial_budget": -5},
    "funds-subrows-sum": {"funds.fiscal.initial_budget": 900000},
    "funds-total-missing": {"funds.total.initial_budget": None},
    "funds-executed-over-budget": {
        "funds.fiscal.annual_budget": 600000,
        "funds.fiscal.executed": 650000,
        "funds.carryover.annual_budget": 400000,
        "funds.carryover.executed": 300000,
    },
    "arith-execution-rate": {"execution.rate_percent": 85},
    "arith-execution-rate-rounding": {"execution.rate_percent": 95.01},
    "arith-execution-score": {"execution.score": 9, "total_score": 99},
    "arith-weights-sum": {
        "indicators[0].weight": 15,
        "indicators[0].score": 15,
        "total_score": 94.5,
    },
    "arith-total": {"total_score": 98},
    "score-above-weight": {
        "indicators[0].score": 21,
        "total_score": 100.5,
        "$also": ["score-claimed-differs"],
    },
    "score-negative": {
        "indicators[0].score": -1,
        "indicators[0].deviation": "培训推迟到下一年度。",
        "total_score": 78.5,
        "$also": ["score-claimed-understated"],
    },
    "score-claimed-differs": {
        "indicators[0].actual": "90人",
        "indicators[0].deviation": "部分学员推迟参训。",
    },
    "score-claimed-understated": {
        "indicators[0].score": 19,
        "indicators[0].deviation": "从严扣分。",
        "total_score": 98.5,
    },
    "score-needs-judgement": {
        "indicators[2].actual": "7月底前完成",
        "indicators[2].score": 12,
        "indicators[2].deviation": "场地调整，推迟一个月完成。",
        "total_score": 96.5,
    },
    "score-full-despite-shortfall": {
        "indicators[2].actual": "7月底前完成",
        "indicators[2].deviation": "场地调整，推迟一个月完成。",
        "$also": ["score-needs-judgement"],
    },
    "score-grade-differs": {
        "indicators[3].actual": "50%",
        "indicators[3].deviation": "考试推迟。",
        "$also": ["score-claimed-differs"],
    },
    "deviation-missing": {
        "indicators[0].actual": "90人",
        "indicators[0].score": 18,
        "total_score": 97.5,
    },
    "execution-low": {
        "funds.total.executed": 850000,
        "funds.fiscal.executed": 850000,
        "execution.rate_percent": 85,
        "execution.score": 8.5,
        "total_score": 98.5,
    },
    "unit-family-mismatch": {"indicators[0].actual": "120人次", "$also": ["score-needs-judgement"]},
    "actual-repeats-target": {
        "indicators[3].target": "持证上岗水平进一步提升",
        "indicators[3].actual": "持证上岗水平进一步提升",
        "$also": ["score-needs-judgement"],
    },
    "target-too-low": {"indicators[0].actual": "250人"},
    "target-exceeded": {"indicators[0].actual": "140人"},
    "indicator-qualitative-share": {
        "indicators[0].target": "培训覆盖全体人员",
        "indicators[0].actual": "培训覆盖了全部120名在岗人员",
        "indicators[3].target": "持证上岗水平提升",
        "indicators[3].actual": "持证上岗率由80%提高到85%",
        "$also": ["score-needs-judgement"],
    },
    "rules-unknown": {"$rules": "no-such-rules"},
}

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+|\+)\]")


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for name, index in _STEP.findall(path):
        steps.append(name if name else (-1 if index == "+" else int(index)))
    return steps


def apply_change(base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``base`` with each ``path: value`` of ``change`` set (``$`` keys skipped)."""
    obj: dict[str, Any] = copy.deepcopy(dict(base))
    for path, value in change.items():
        if path.startswith("$"):
            continue
        *parents, last = _steps(path)
        node: Any = obj
        for step in parents:
            node = node[step]
        if last == -1:
            node.append(copy.deepcopy(value))
        else:
            node[last] = copy.deepcopy(value)
    return obj


def expected_codes(code: str, change: Mapping[str, Any]) -> set[str]:
    """The codes an example must produce: its own plus those listed in ``$also``."""
    return {code, *change.get("$also", ())}
