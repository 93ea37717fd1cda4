"""A PDF cut short (a download broken off) imports what is whole, with what is lost
flagged: the lost pages, the form cut off there, and its missing fields."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.formats.interchange import to_obj
from jixiao.importers import import_bytes

from .pagewise import page_after_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exported() -> tuple[list, bytes]:
    from jixiao.exporters import export_forms
    from jixiao.synth import generate_forms

    # long texts: every form runs over two pages
    forms = list(generate_forms(3, seed=11, long_text=True, max_per_level2=6))
    return forms, export_forms(forms, "pdf")


def test_a_cut_inside_a_page_keeps_the_whole_pages_before_it(exported: tuple[list, bytes]) -> None:
    forms, pdf = exported
    pagewise, spans = page_after_page(pdf)
    assert [to_obj(f) for f in import_bytes(pagewise, "whole.pdf").forms] == [to_obj(f) for f in forms]
    start, end = spans[3]  # inside page 4: the second page of form 2
    result = import_bytes(pagewise[: (start + end) // 2], "cut.pdf")
    assert len(result.forms) == 2
    assert to_obj(result.forms[0]) == to_obj(forms[0])
    got, want = to_obj(result.forms[1]), to_obj(forms[1])
    for key in ("project_name", "department", "implementing_unit", "year", "funds", "execution", "goals"):
        assert got.get(key) == want.get(key), key
    n = len(result.forms[1].indicators)
    assert 0 < n < len(forms[1].indicators)
    assert got["indicators"] == want["indicators"][:n]
    codes = {(i.code, i.location.form_index) for i in result.issues}
    truncated = next(i for i in result.issues if i.code == "import-truncated")
    assert truncated.params["pages"] == "1, 2, 3" and truncated.params["lost"] == "4, 5, 6"
    assert ("import-truncated-form", 1) in codes
    assert any(i.code == "import-field-missing" and i.location.field == "total_score" for i in result.issues)
    assert "import-corrupt" not in {c for c, _ in codes}


def test_a_pdf_that_lost_only_its_cross_reference_table_reads_in_full(exported: tuple[list, bytes]) -> None:
    forms, pdf = exported
    xref_stream = pdf.rindex(b"endobj", 0, pdf.rindex(b"endobj"))  # the last object is the xref stream
    cut = pdf[: xref_stream + len(b"endobj") + 20]
    result = import_bytes(cut, "cut.pdf")
    assert [to_obj(f) for f in result.forms] == [to_obj(f) for f in forms]
    truncated = next(i for i in result.issues if i.code == "import-truncated")
    assert truncated.params["lost"] == "-"
    assert not any(i.code == "import-truncated-form" for i in result.issues)


def test_a_cut_before_the_fonts_is_a_clear_error(exported: tuple[list, bytes]) -> None:
    # the exporter writes the fonts and the page list last: no page can be decoded
    _forms, pdf = exported
    result = import_bytes(pdf[: int(len(pdf) * 0.6)], "cut.pdf")
    assert result.forms == []
    (issue,) = result.issues
    assert issue.code == "import-corrupt"
    assert "truncated" in issue.message("en") and "fonts" in issue.message("en")


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript not installed")
def test_a_linearised_pdf_cut_short_is_read_past_its_first_page_table(exported: tuple[list, bytes], tmp_path: Path) -> None:
    # a "fast web view" file opens on its first-page cross-reference table even when its
    # end is lost; pdfminer then sees no page: the scan of its objects does
    forms, pdf = exported
    (tmp_path / "in.pdf").write_bytes(pdf)
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-dFastWebView=true", f"-sOutputFile={tmp_path / 'lin.pdf'}", str(tmp_path / "in.pdf")],
        check=True, capture_output=True, timeout=120,
    )
    linearised = (tmp_path / "lin.pdf").read_bytes()
    whole = import_bytes(linearised, "lin.pdf")
    cut = import_bytes(linearised[: int(len(linearised) * 0.6)], "cut.pdf")
    assert len(whole.forms) == len(forms)
    assert [to_obj(f) for f in cut.forms] == [to_obj(f) for f in whole.forms]
    assert "import-truncated" in {i.code for i in cut.issues}
