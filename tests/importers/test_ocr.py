"""Scanned PDFs: without the optional extra the user is told to install jixiao[ocr]."""

from __future__ import annotations

import io
from decimal import Decimal

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


# -- the OCR path with a stand-in recogniser -----------------------------------------------------
#
# A scan is drawn as a palette image (stored losslessly in the PDF) with one small marker
# per cell whose colour (200, k, 0) names the k-th text; the stand-in recogniser reads the
# marker back. This exercises everything but the neural network: finding the ruled grid in
# the bitmap, cutting cells, mapping them to fields and flagging every field for review.

TEXTS = ["财政项目支出绩效自评表（2023年度）"]
LAYOUT = [
    [(1, "项目名称"), (5, "道路养护项目")],
    [(1, "主管部门"), (2, "县交通局"), (1, "实施单位"), (2, "县公路中心")],
    [(1, "一级指标"), (1, "二级指标"), (1, "三级指标"), (1, "指标值"), (1, "分值"), (1, "得分")],
    [(1, "产出指标"), (1, "数量指标"), (1, "养护里程"), (1, "≥100公里"), (1, "50"), (1, "50")],
    [(1, "效益指标"), (1, "社会效益指标"), (1, "通行条件"), (1, "改善"), (1, "40"), (1, "38")],
    [(4, "总分"), (1, "90"), (1, "88")],
]


def _marker(draw, x: int, y: int, text: str) -> None:
    if text not in TEXTS:
        TEXTS.append(text)
    k = TEXTS.index(text)
    draw.rectangle((x, y, x + 12, y + 8), fill=(200, k, 0))


def _drawn_scan(fmt: str = "PDF") -> bytes:
    img = Image.new("RGB", (827, 1169), "white")
    draw = ImageDraw.Draw(img)
    _marker(draw, 380, 60, TEXTS[0])
    x0, y0, w, h = 40, 120, 125, 40
    for r, row in enumerate(LAYOUT):
        col = 0
        top = y0 + r * h
        draw.line((x0, top, x0 + 6 * w, top), fill="black", width=2)
        for span, text in row:
            left = x0 + col * w
            draw.line((left, top, left, top + h), fill="black", width=2)
            _marker(draw, left + 10, top + 14, text)
            col += span
        draw.line((x0 + 6 * w, top, x0 + 6 * w, top + h), fill="black", width=2)
    bottom = y0 + len(LAYOUT) * h
    draw.line((x0, bottom, x0 + 6 * w, bottom), fill="black", width=2)
    buf = io.BytesIO()
    img.convert("P", palette=Image.Palette.ADAPTIVE, colors=255).save(buf, fmt, resolution=100, dpi=(100, 100))
    return buf.getvalue()


class _StandIn:
    """Reads the markers back: one text box per marker, where the marker is."""

    def __call__(self, png: bytes, **_options):
        img = Image.open(io.BytesIO(png)).convert("RGB")
        w = img.width
        raw = img.tobytes()
        boxes: list[list] = []  # [k, x0, y0, x1, y1]
        for i in range(0, len(raw), 3):
            if raw[i] == 200 and raw[i + 2] == 0:
                k, x, y = raw[i + 1], (i // 3) % w, (i // 3) // w
                for b in boxes:
                    if b[0] == k and b[1] - 4 <= x <= b[3] + 4 and b[2] - 4 <= y <= b[4] + 4:
                        b[1], b[2], b[3], b[4] = min(b[1], x), min(b[2], y), max(b[3], x), max(b[4], y)
                        break
                else:
                    boxes.append([k, x, y, x, y])
        if not boxes:
            return None, 0.0
        return [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1]], TEXTS[k], 0.93] for k, x0, y0, x1, y1 in boxes], 0.0


def test_scan_read_cell_by_cell(monkeypatch):
    monkeypatch.setattr(ocr_mod, "engine", lambda: _StandIn())
    data = _drawn_scan()
    result = import_bytes(data, "scan.pdf")
    assert result.format == "pdf-ocr"
    [form] = result.forms
    assert (form.year, form.project_name, form.department, form.implementing_unit) == (2023, "道路养护项目", "县交通局", "县公路中心")
    assert [(i.level1, i.level2, i.name, i.target, i.weight, i.score) for i in form.indicators] == [
        ("产出指标", "数量指标", "养护里程", "≥100公里", 50, 50),
        ("效益指标", "社会效益指标", "通行条件", "改善", 40, 38),
    ]
    assert form.total_score == 88
    assert result.confidences[0]["project_name"] == Decimal("0.93")
    flagged = {i.location.field for i in result.issues if i.code == "import-low-confidence"}
    assert {"project_name", "indicators[1].score", "total_score"} <= flagged
    assert "import-ocr-used" in {i.code for i in result.issues}


def test_photographed_page_as_an_image(monkeypatch):
    data = _drawn_scan("PNG")
    if not ocr_mod.available():
        result = import_bytes(data, "photo.png")
        assert [i.code for i in result.issues] == ["import-ocr-missing"]
        assert "jixiao[ocr]" in result.issues[0].message()
    monkeypatch.setattr(ocr_mod, "engine", lambda: _StandIn())
    result = import_bytes(data, "photo.png")
    assert result.format == "image"
    [form] = result.forms
    assert form.project_name == "道路养护项目" and form.total_score == 88
    assert form.source_of("indicators[0].target").confidence == Decimal("0.93")
    assert "import-low-confidence" in {i.code for i in result.issues}


def test_a_text_line_read_over_a_cell_border_is_cut_there():
    from jixiao.importers.pdfgrid import skeleton

    lines = [{"x0": 0, "x1": 200, "top": y, "bottom": y} for y in (0, 20)]
    lines += [{"x0": x, "x1": x, "top": 0, "bottom": 20} for x in (0, 100, 200)]
    sk = skeleton(lines, [])
    box = (10.0, 5.0, 190.0, 15.0, "科学合理科学合理", 0.9)  # scale 1: pixels are points
    pieces = ocr_mod._split_at_borders([box], sk, 1.0)
    assert [p[4] for p in pieces] == ["科学合理", "科学合理"]
    assert pieces[0][2] == 100 and pieces[1][0] == 100
