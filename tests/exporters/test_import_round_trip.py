"""JSON → xlsx/PDF → ``jixiao.importers`` == JSON: the exports read back as what was exported.

Compared as printed: a form without a unit prints （元）, and spaces around a cell's text
do not show, so the importer strips them.
"""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.model import Form, Goals, Indicator
from jixiao.exporters import export_forms
from jixiao.formats.interchange import dumps
from jixiao.importers import import_bytes
from jixiao.synth import generate_forms
from tests import strategies


def _strip(record):
    changes = {f.name: getattr(record, f.name).strip() or None for f in fields(record)
               if isinstance(getattr(record, f.name), str)}
    return replace(record, **changes)


def _printed(form: Form) -> Form:
    """A form as its printout shows it."""
    return _strip(form).evolve(
        amount_unit=form.unit,
        goals=_strip(form.goals) if isinstance(form.goals, Goals) else form.goals,
        indicators=tuple(_strip(i) for i in form.indicators if isinstance(i, Indicator)),
    )


def _assert_same(got: list[Form], want: list[Form]) -> None:
    assert len(got) == len(want)
    for a, b in zip(got, want, strict=True):
        if _printed(a) != _printed(b):  # show a readable diff
            assert dumps(_printed(a)) == dumps(_printed(b))


def test_samples_xlsx(samples):
    result = import_bytes(export_forms(samples, "xlsx"), "samples.xlsx")
    assert not result.issues
    _assert_same(result.forms, samples)


def test_samples_pdf(samples, sample_pdfs):
    for form, pdf in zip(samples, sample_pdfs, strict=True):
        result = import_bytes(pdf, "sample.pdf")
        _assert_same(result.forms, [form])


@pytest.mark.slow
def test_generated_forms_pdf():
    forms = list(generate_forms(3, seed=7))
    result = import_bytes(export_forms(forms, "pdf"), "generated.pdf")
    _assert_same(result.forms, forms)


def test_synth_forms_xlsx():
    forms = list(generate_forms(10, seed=3, long_text=True))
    result = import_bytes(export_forms(forms, "xlsx"), "synth.xlsx")
    _assert_same(result.forms, forms)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms=st.lists(strategies.form, min_size=1, max_size=2))
def test_generated_forms_xlsx(forms):
    result = import_bytes(export_forms(forms, "xlsx"), "generated.xlsx")
    _assert_same(result.forms, forms)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form=strategies.form)
def test_generated_forms_pdf_hypothesis(form):
    result = import_bytes(export_forms([form], "pdf"), "generated.pdf")
    _assert_same(result.forms, [form])
