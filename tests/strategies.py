"""Hypothesis strategies for forms, shared by every round-trip test."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from jixiao.core.model import Execution, Form, FundRow, Funds, Goals, Indicator

# Printed text: CJK, ASCII, full-width punctuation; no control characters.
text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.sampled_from(list("0123456789%><=≥≤、，。（）“”《》-～ abcXYZ")),
    ),
    min_size=1,
    max_size=30,
)
opt_text = st.none() | text
amount = st.none() | st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False)
score = st.none() | st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
weight = st.none() | st.integers(min_value=0, max_value=50).map(Decimal)

fund_row = st.builds(FundRow, amount, amount, amount)
LEVEL1 = ("产出指标", "效益指标", "满意度指标")
LEVEL2 = ("数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标")
target = st.one_of(
    text,
    st.builds(lambda op, n, u: f"{op}{n}{u}", st.sampled_from([">=", "≥", "<=", "=", ""]),
              st.integers(0, 100000), st.sampled_from(["人", "人次", "%", "次", "天", "万元", ""])),
)
indicator = st.builds(
    Indicator,
    level1=st.sampled_from(LEVEL1),
    level2=st.sampled_from(LEVEL2),
    name=text,
    target=st.none() | target,
    actual=st.none() | target,
    weight=weight,
    score=score,
    deviation=opt_text,
)
form = st.builds(
    Form,
    year=st.none() | st.integers(2000, 2100),
    project_name=text,
    department=opt_text,
    implementing_unit=opt_text,
    amount_unit=st.sampled_from([None, "元", "万元"]),
    funds=st.builds(Funds, fund_row, fund_row, fund_row, fund_row),
    execution=st.builds(Execution, weight, score, score),
    goals=st.builds(Goals, opt_text, opt_text),
    indicators=st.lists(indicator, max_size=12).map(tuple),
    total_score=score,
)
