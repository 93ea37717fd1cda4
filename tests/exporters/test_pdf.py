"""The PDF export: pages, repeated headers and labels, page numbers, nothing outside its cell."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from jixiao.core.model import Form, Goals, Indicator
from jixiao.exporters import ExportError, export_forms
from jixiao.exporters.pdf import font_issues

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")

SAMPLE_PAGES = (2, 2, 1, 1)
"""Pages per sample form, as in the official rendition (shanghai-2022-part1.rendered.pdf:
forms 1 and 2 run over two pages, 3 and 4 fit on one)."""


def _cells(page: pdfplumber.page.Page) -> list[tuple[float, float, float, float]]:
    ruled = page.filter(lambda o: o.get("object_type") != "rect")  # the white page background
    return [c for t in ruled.find_tables() for c in t.cells]


def words_outside_cells(pdf_bytes: bytes) -> list[tuple[int, str]]:
    """Words inside a table's area that do not lie within one of its cells (overflow),
    ignoring the title above the table and the page number below it."""
    bad: list[tuple[int, str]] = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            cells = _cells(page)
            assert cells, f"page {number} has no ruled table"
            top = min(c[1] for c in cells)
            bottom = max(c[3] for c in cells)
            for w in page.extract_words():
                if w["bottom"] <= top + 0.5 or w["top"] >= bottom - 0.5:
                    continue
                inside = any(
                    c[0] - 0.5 <= w["x0"] and w["x1"] <= c[2] + 0.5 and c[1] - 0.5 <= w["top"] and w["bottom"] <= c[3] + 0.5
                    for c in cells
                )
                if not inside:
                    bad.append((number, w["text"]))
    return bad


def header_words(pdf_bytes: bytes) -> list[str]:
    """Per page, the words on the first ruled row (within 30 pt of the table's top)."""
    heads: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            top = min(c[1] for c in _cells(page))
            heads.append("".join(w["text"] for w in page.extract_words() if top <= w["top"] < top + 30))
    return heads


def cell_texts(pdf_bytes: bytes, page_no: int | None = None) -> list[str]:
    """The text of every ruled cell on every page (or one page), whitespace removed."""
    texts: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages if page_no is None else [pdf.pages[page_no - 1]]:
            for cell in _cells(page):
                text = page.crop(cell, strict=False).extract_text() or ""
                texts.append(re.sub(r"\s+", "", text))
    return texts


def page_texts(pdf_bytes: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def to_pngs(pdf_bytes: bytes, out: Path) -> list[Path]:
    src = out / "form.pdf"
    src.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(src), str(out / "page")], check=True, timeout=120)
    return sorted(out.glob("page-*.png"))


def test_sample_forms_page_count_and_png(sample_pdfs, tmp_path):
    counts = []
    for i, pdf in enumerate(sample_pdfs):
        out = tmp_path / str(i)
        out.mkdir()
        pngs = to_pngs(pdf, out)
        counts.append(len(pngs))
        for png in pngs:
            with Image.open(png) as im:
                assert im.size[0] < im.size[1]  # A4 portrait
                lo, _hi = im.convert("L").getextrema()
                assert lo < 64  # something dark is printed
    assert tuple(counts) == SAMPLE_PAGES


def test_sample_forms_text_stays_in_its_cells(sample_pdfs):
    for pdf in sample_pdfs:
        assert words_outside_cells(pdf) == []


def test_every_page_numbered_and_header_repeated(sample_pdfs, samples):
    texts = page_texts(sample_pdfs[0])
    assert len(texts) == 2
    for n, text in enumerate(texts, start=1):
        assert f"第 {n} 页 / 共 2 页" in text
    assert "一级指标二级指标三级指标" in header_words(sample_pdfs[0])[1]  # the header row repeats
    page2 = cell_texts(sample_pdfs[0], page_no=2)
    # the merged cells running over the break are printed again, closed, on the new page
    assert {"绩效指标", "产出指标", "质量指标"} <= set(page2)
    assert samples[0].indicators[-1].name in page2


def test_english_labels(samples):
    text = "".join(page_texts(export_forms([samples[3]], "pdf", lang="en")))
    assert "Performance Self-Evaluation Form" in text and "Page 1 of 1" in text
    assert samples[3].project_name in text


@pytest.fixture(scope="module")
def big_form(samples: list[Form]) -> Form:
    goals = "1、" + "加强项目资金管理，提高资金使用效益。" * 111
    assert len(goals) >= 2000
    inds = tuple(
        Indicator(
            "产出指标" if i < 40 else "效益指标", f"数量指标{i // 7}", f"第{i}项指标名称较长需要换行显示",
            f">={i}人", f"{i + 1}人", Decimal(1), Decimal(1), "原因说明" * (i % 4) or None,
        )
        for i in range(60)
    )
    return samples[0].evolve(goals=Goals(goals, goals[:1500]), indicators=inds)


@pytest.fixture(scope="module")
def big_pdf(big_form: Form) -> bytes:
    return export_forms([big_form], "pdf")


def test_big_form_runs_over_pages_without_clipping(big_form, big_pdf):
    texts = page_texts(big_pdf)
    assert len(texts) >= 4
    assert words_outside_cells(big_pdf) == []
    cells = cell_texts(big_pdf)
    for ind in big_form.indicators:
        assert ind.name in cells
        assert (ind.deviation or "") in cells
    # all of the 2,000 + 1,500 characters are printed, across the page break
    assert "".join(cells).count("加强项目资金管理，提高资金使用效益。") == 111 + 83
    for n, head in enumerate(header_words(big_pdf)[2:], start=3):
        assert "一级指标" in head, f"page {n} lacks the header row"


def test_missing_font_is_an_issue_that_says_how_to_install():
    issues = font_issues(frozenset({"DejaVu Sans"}))
    assert [i.code for i in issues] == ["export-font-missing"]
    assert "apt-get install fonts-noto-cjk" in issues[0].remedy()
    assert font_issues(frozenset({"Noto Serif CJK SC"})) == []
    assert str(ExportError(issues)).count("fonts-noto-cjk") == 1


def test_empty_form_prints_the_blank_layout():
    pdf = export_forms([Form()], "pdf")
    assert len(page_texts(pdf)) == 1
    assert words_outside_cells(pdf) == []
    cells = cell_texts(pdf)
    assert {"项目名称", "年度资金总额", "一级指标", "总分"} <= set(cells)


def test_long_deviation_prints_over_pages_once(samples):
    form = samples[3]
    inds = list(form.indicators)
    reason = "因疫情影响，部分工作延后开展，后续将加强计划管理。" * 60
    inds[2] = Indicator(**{**{k: getattr(inds[2], k) for k in ("level1", "level2", "name", "target", "actual", "weight", "score")}, "deviation": reason})
    pdf = export_forms([form.evolve(indicators=tuple(inds))], "pdf")
    assert len(page_texts(pdf)) > 2
    assert words_outside_cells(pdf) == []
    cells = cell_texts(pdf)
    assert "".join(cells).count("因疫情影响，部分工作延后开展，后续将加强计划管理。") == 60
    assert cells.count(inds[2].name) == 1  # the row's other cells are not repeated per page
