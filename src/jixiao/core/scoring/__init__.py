"""Scoring engine: named rule sets and ``score_form``.

    >>> from jixiao.core.scoring import score_form
    >>> result = score_form(form)                       # default rules "shanghai-2022"
    >>> result.total, result.grade, result.indicators[8].explanation_zh
    (Decimal('94.9'), '优', '未达成：131人 / 135人 × 2 = 1.94')

Pure: imports only the standard library, the model and the value grammar.
"""

from .engine import score_form
from .execution import score_execution
from .indicators import score_indicator
from .result import STATUSES, ExecutionScore, FormScore, IndicatorScore, Judgement, Status, q2
from .rules import BANDS, DEFAULT_RULES, GRADES, RULE_SETS, RuleSet, get_rule_set

__all__ = [
    "BANDS",
    "DEFAULT_RULES",
    "GRADES",
    "RULE_SETS",
    "STATUSES",
    "ExecutionScore",
    "FormScore",
    "IndicatorScore",
    "Judgement",
    "RuleSet",
    "Status",
    "get_rule_set",
    "q2",
    "score_execution",
    "score_form",
    "score_indicator",
]
