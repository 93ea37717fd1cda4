"""The value grammar of 年度指标值 / 实际完成值 cells: parse, explain, evaluate.

    >>> from jixiao.core.grammar import parse, explain, evaluate
    >>> explain(parse("≥4000人"))
    '≥ 4000 人（正向，越多越好）'
    >>> evaluate(parse(">=135人"), parse("131人")).met
    False

Pure: imports only the standard library.
"""

from .evaluate import DIRECTIONS, Evaluation, evaluate, evaluate_texts
from .explain import explain, format_number, format_quantity
from .parser import normalise, parse
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

__all__ = [
    "DIRECTIONS",
    "Comparison",
    "Completion",
    "Compound",
    "Deadline",
    "Empty",
    "Evaluation",
    "NotApplicable",
    "Qualitative",
    "Quantity",
    "Range",
    "Value",
    "YesNo",
    "evaluate",
    "evaluate_texts",
    "explain",
    "format_number",
    "format_quantity",
    "normalise",
    "parse",
    "unit_family",
    "unit_scale",
]
