"""Word .docx tables, generated with python-docx."""

from __future__ import annotations

from jixiao.importers import import_bytes
from jixiao.synth import generate_forms
from tests.importers.docx_render import forms_to_docx


def test_docx_of_the_samples(gold):
    result = import_bytes(forms_to_docx(gold), "forms.docx")
    assert result.format == "docx"
    assert result.issues == []
    assert result.forms == gold
    src = result.forms[0].source_of("indicators[0].target")
    assert src.cell == "T1!R11C5"


def test_docx_of_generated_forms_with_wan_yuan():
    forms = list(generate_forms(12, seed=4))
    assert any(f.amount_unit == "万元" for f in forms)
    result = import_bytes(forms_to_docx(forms), "gen.docx")
    assert result.forms == forms
