"""JSON → xlsx/PDF → ``jixiao.importers`` == JSON: the exports read back as what was exported.

Compared as printed: a form without a unit prints （元）, spaces around a cell's text do
not show (the importer strips them), and a row with nothing but the merged labels is empty.
"""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
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
        indicators=tuple(i for i in map(_strip, form.indicators) if not _blank(i)),
    )


RESERVED = ("自评表", "合计", "总分", "得分", "分值", "项目名称", "主管部门", "实施单位", "项目资金", "年度", "绩效指标")
"""Printed labels of the form: a reader finds the blocks by them, so generated cell text
that contains one can legitimately be read as structure; such forms are not generated."""


def _readable(form: Form) -> bool:
    """A form whose every indicator has a 三级指标 name (a row without one reads as the
    continuation of the row above) and whose data holds none of the form's labels."""
    texts = [form.project_name, form.department, form.implementing_unit, form.goals.expected, form.goals.actual]
    for ind in form.indicators:
        texts += [ind.name, ind.target, ind.actual, ind.deviation]
    names_ok = all(ind.name and ind.name.strip() for ind in form.indicators)
    return names_ok and not any(t and any(word in t for word in RESERVED) for t in texts)


def _blank(ind: Indicator) -> bool:
    """A row that prints nothing but the merged 一级/二级 labels is not an indicator."""
    return all(getattr(ind, k) is None for k in ("name", "target", "actual", "weight", "score", "deviation"))


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


# Another module reads these: the examples are fixed (derandomize) so the shared suite is
# deterministic, and a failure is reported as found rather than shrunk for minutes.
IMPORTER_SETTINGS = settings(
    deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],
)


@settings(IMPORTER_SETTINGS, max_examples=60)
@given(forms=st.lists(strategies.form, min_size=1, max_size=2))
def test_generated_forms_xlsx(forms):
    assume(all(map(_readable, forms)))
    result = import_bytes(export_forms(forms, "xlsx"), "generated.xlsx")
    _assert_same(result.forms, forms)


@pytest.mark.slow
@settings(IMPORTER_SETTINGS, max_examples=8)
@given(form=strategies.form)
def test_generated_forms_pdf_hypothesis(form):
    assume(_readable(form))
    result = import_bytes(export_forms([form], "pdf"), "generated.pdf")
    _assert_same(result.forms, [form])
