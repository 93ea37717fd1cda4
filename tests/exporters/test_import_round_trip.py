"""JSON → xlsx/PDF → ``jixiao.importers`` == JSON: the exports read back as what was exported.

Arbitrary hypothesis forms go through the test's own layout reader (test_xlsx.py); here
the importer reads realistic forms: the samples and the synthetic generator's.
"""

from __future__ import annotations

import pytest

from jixiao.core.model import Form
from jixiao.exporters import export_forms
from jixiao.formats.interchange import dumps
from jixiao.importers import import_bytes
from jixiao.synth import generate_forms


def _printed(form: Form) -> Form:
    """A form as its printout shows it: no unit prints as （元）."""
    return form.evolve(amount_unit=form.unit)


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
