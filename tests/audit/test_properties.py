"""Any form, however broken, is audited without an exception and without a crashed check."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.audit import check
from jixiao.core.issues import REGISTRY
from jixiao.core.model import Execution, Form, FundRow, Funds, Source
from jixiao.core.model import Provenance as Prov
from tests.strategies import form as any_form

signed = st.none() | st.decimals(
    min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False
)


wild = (
    st.none()
    | st.decimals(allow_nan=False, allow_infinity=False, places=None)
    | st.decimals(min_value=-(10**30), max_value=10**30, allow_nan=False, allow_infinity=False)
)
wild_funds = st.builds(Funds, *[st.builds(FundRow, wild, wild, wild) for _ in range(4)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    any_form,
    st.builds(Execution, signed, signed, signed),
    st.sampled_from(["shanghai-2022", "national-2020"]),
)
def test_check_never_crashes(form, execution, rules):
    form = form.evolve(execution=execution)
    _assert_clean_run(form, rules)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    any_form,
    wild_funds,
    st.builds(Execution, wild, wild, wild),
    wild,
    st.sampled_from([None, "万元"]),
)
def test_check_survives_absurd_numbers(form, funds, execution, total, unit):
    _assert_clean_run(
        form.evolve(funds=funds, execution=execution, total_score=total, amount_unit=unit),
        "shanghai-2022",
    )


def _assert_clean_run(form, rules):
    issues = check(form, rules)
    # the engine's own robustness is tested in tests/scoring; here: no audit check fails
    assert [
        i for i in issues if i.code == "check-crashed" and i.params["check"] != "score_form"
    ] == []
    for issue in issues:
        assert issue.code in REGISTRY
        assert issue.message("zh") and issue.message("en") and "{" not in issue.message("en")


def test_location_points_at_the_printed_cell():
    src = Source(file="a.xlsx", sheet="Sheet1", cell="H9")
    form = Form(
        project_name="p",
        year=2022,
        execution=Execution(Decimal(10), Decimal(95), Decimal("9.5")),
        provenance=Prov(form=Source(file="a.xlsx"), fields={"total_score": src}),
        total_score=Decimal(50),
    )
    issues = {i.location.field: i for i in check(form, select=["arith-total", "goals"])}
    # a field without its own source falls back to the form's file
    assert (issues["goals.expected"].location.file, issues["goals.expected"].location.cell) == (
        "a.xlsx",
        None,
    )
    # the total was read from H9: the issue points there
    total = issues["total_score"].location
    assert (total.file, total.sheet, total.cell, total.field) == (
        "a.xlsx",
        "Sheet1",
        "H9",
        "total_score",
    )
    assert total.describe() == "a.xlsx Sheet1!H9 total_score"
