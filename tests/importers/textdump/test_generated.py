"""Generated forms (jixiao.synth) rendered by the project's PDF exporter, dumped with the
real tools and read back: the reader is measured on forms it was not written against."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.formats.interchange import dumps_obj, to_obj
from jixiao.importers.textdump import parse_text

from .accuracy import compare

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], dict[str, str]]:
    from jixiao.exporters import export_forms
    from jixiao.synth import generate_forms

    forms = list(generate_forms(4, seed=7))
    golds = [json.loads(dumps_obj(to_obj(f)), parse_float=Decimal) for f in forms]
    pdf: Path = tmp_path_factory.mktemp("gen") / "forms.pdf"
    pdf.write_bytes(export_forms(forms, "pdf"))
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    plain = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    long_line = "\n".join(" ".join(ln.strip() for ln in p.split("\n") if ln.strip()) for p in plain.split("\f") if p.strip())
    from pdfminer.high_level import extract_text

    pdfminer = extract_text(str(pdf))
    return golds, {"pdftotext-layout": layout, "pdftotext-plain": plain, "long-line": long_line, "pdfminer": pdfminer}


@pytest.mark.parametrize(("shape", "floor"), [("pdftotext-layout", 0.995), ("pdftotext-plain", 0.99), ("long-line", 0.99), ("pdfminer", 0.998)])
def test_generated_forms_read_back(rendered: tuple[list[dict], dict[str, str]], shape: str, floor: float) -> None:
    golds, dumps = rendered
    res = parse_text(dumps[shape], f"gen.{shape}.txt")
    if shape != "pdfminer":  # column chunks with form feeds: read as plain text, banded pages by columns
        assert res.format == f"text/{shape}"
    ok, total, _ = compare(res.forms, golds)
    print(f"generated {shape}: {ok}/{total} = {ok / total:.2%}")
    assert len(res.forms) == len(golds)
    assert ok / total >= floor


@pytest.fixture(scope="module")
def libreoffice_dumps(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], dict[str, str]]:
    """The same kind of forms as xlsx printed by LibreOffice (other fonts, centred cells,
    page breaks), dumped with plain pdftotext: cells come out in a different order."""
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice not installed")
    from jixiao.exporters import export_forms
    from jixiao.synth import generate_forms

    forms = list(generate_forms(6, seed=11))
    golds = [json.loads(dumps_obj(to_obj(f)), parse_float=Decimal) for f in forms]
    work: Path = tmp_path_factory.mktemp("lo")
    (work / "forms.xlsx").write_bytes(export_forms(forms, "xlsx"))
    subprocess.run(
        [exe, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(work / "forms.xlsx")],
        capture_output=True, check=True, timeout=300,
    )
    plain = subprocess.run(["pdftotext", str(work / "forms.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    long_line = "\n".join(" ".join(ln.strip() for ln in p.split("\n") if ln.strip()) for p in plain.split("\f") if p.strip())
    from pdfminer.high_level import extract_text

    return golds, {"pdftotext-plain": plain, "long-line": long_line, "pdfminer": extract_text(str(work / "forms.pdf"))}


@pytest.mark.parametrize(("shape", "floor"), [("pdftotext-plain", 0.985), ("long-line", 0.98), ("pdfminer", 0.94)])
def test_libreoffice_forms_read_back(libreoffice_dumps: tuple[list[dict], dict[str, str]], shape: str, floor: float) -> None:
    golds, dumps = libreoffice_dumps
    res = parse_text(dumps[shape], f"lo.{shape}.txt")
    if shape != "pdfminer":  # with form feeds: read as plain text
        assert res.format == f"text/{shape}"
    ok, total, _ = compare(res.forms, golds)
    print(f"LibreOffice {shape}: {ok}/{total} = {ok / total:.2%}")
    assert len(res.forms) == len(golds)
    assert ok / total >= floor
