"""PDFs printed by LibreOffice from the exported workbook: forms over several pages,
merged label cells split by page breaks (their text printed on one page only, or cut in
two), a repeated header row with spilled text, the vertical 绩效指标 label overflowing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from jixiao.exporters import export_forms
from jixiao.importers import import_bytes
from jixiao.synth import generate_forms

pytestmark = pytest.mark.slow


def _long_forms(seed: int, picks: list[int]) -> list:
    forms = list(generate_forms(max(picks) + 1, seed=seed, long_text=True, max_per_level2=6))
    return [forms[k] for k in picks]


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice not installed")
def test_libreoffice_print_of_long_forms(tmp_path):
    forms = _long_forms(2, [0]) + _long_forms(3, [0]) + _long_forms(4, [2, 7])
    src = tmp_path / "forms.xlsx"
    src.write_bytes(export_forms(forms, "xlsx"))
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = import_bytes((tmp_path / "forms.pdf").read_bytes(), "forms.pdf")
    assert result.forms == forms
    pages = {src.page for f in result.forms for src in f.provenance.fields.values()}
    assert len(pages) > len(forms)  # the forms do run over several pages
    assert all(i.code == "import-word-outside-cell" for i in result.issues)
