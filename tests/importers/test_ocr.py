"""Scanned PDFs: without the optional extra the user is told to install jixiao[ocr]."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from jixiao.importers import import_bytes
from jixiao.importers import ocr as ocr_mod


def _scanned_pdf() -> bytes:
    img = Image.new("RGB", (800, 1100), "white")
    draw = ImageDraw.Draw(img)
    for k in range(6):
        draw.line((50, 100 + 60 * k, 750, 100 + 60 * k), fill="black", width=2)
    for x in (50, 300, 750):
        draw.line((x, 100, x, 400), fill="black", width=2)
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=100)
    return buf.getvalue()


@pytest.mark.skipif(ocr_mod.available(), reason="the OCR extra is installed here")
def test_scan_without_the_extra_asks_for_it():
    result = import_bytes(_scanned_pdf(), "scan.pdf")
    assert result.forms == []
    [issue] = result.issues
    assert issue.code == "import-ocr-missing"
    assert "jixiao[ocr]" in issue.message() and "jixiao[ocr]" in issue.message("en")
    assert issue.location.page == 1 and issue.location.file == "scan.pdf"


def test_ocr_can_be_switched_off():
    result = import_bytes(_scanned_pdf(), "scan.pdf", ocr=False)
    assert [i.code for i in result.issues] == ["import-ocr-missing"]
