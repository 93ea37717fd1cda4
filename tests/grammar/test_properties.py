"""Property tests: the grammar never raises and its readings are stable."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.core.grammar import Quantity, explain, format_number, parse
from jixiao.core.grammar.parser import parse_text

cell_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.sampled_from(
            list(
                "0123456789１２３.,，%％><=≥≤≧≦＝＞＜～~-—至月底前日年季度人次万页元、；; 以上内下"
            )
        ),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(cell_text)
def test_parse_never_raises(text: str) -> None:
    parse_text(text)  # the unguarded core: a bug here must fail the test


@settings(max_examples=300, deadline=None)
@given(cell_text)
def test_explain_is_stable(text: str) -> None:
    first, second = parse_text(text), parse_text.__wrapped__(text)  # cached and fresh
    assert first == second
    for lang in ("zh", "en"):
        assert explain(first, lang) == explain(second, lang)
        assert isinstance(explain(first, lang, as_target=True), str)


numbers = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
units = st.sampled_from(["人", "人次", "%", "学时", "万页", "期/月", "万元", "天", "家", None])


@settings(max_examples=300, deadline=None)
@given(numbers, units, st.sampled_from(["", ">=", "≥", "<=", "=", "不少于"]))
def test_number_formatting_round_trips(number: Decimal, unit: str | None, op: str) -> None:
    text = f"{op}{format_number(number)}{unit or ''}"
    value = parse(text)
    quantity = value if isinstance(value, Quantity) else value.quantity  # type: ignore[union-attr]
    assert quantity.number == number
    assert format_number(quantity.number) == format_number(number)
    assert quantity.unit == unit


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9))
def test_thousands_separators(number: int) -> None:
    for sep in (",", "，"):
        assert parse(f"{number:,}人".replace(",", sep)) == Quantity(Decimal(number), "人")


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=99999))
def test_full_width_digits(number: int) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) for c in str(number))
    assert parse(wide + "次") == Quantity(Decimal(number), "次")
