"""The batch report in its three formats says the same things."""

import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from jixiao.analytics import Analysis, write_report
from jixiao.analytics.report.html import echarts_source


def test_html_embeds_charts_and_needs_no_network(gold_analysis: Analysis, tmp_path: Path) -> None:
    html = write_report(gold_analysis, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "干部教育工作经费" in html and "预算执行率低但自评分高" in html
    assert echarts_source() is not None and "echarts.init" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert html.index("公务员管理工作经费") < html.index("执行率与自评分")  # ranked list first


def test_xlsx_has_the_ranked_forms_and_findings(gold_analysis: Analysis, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_report(gold_analysis, tmp_path / "r.xlsx"))
    ranked = wb["优先核查"]
    assert ranked.max_row == 1 + 4
    severities = [ranked.cell(row=r, column=16).value for r in range(2, 6)]
    assert severities == sorted(severities, reverse=True)
    kinds = {c.value for c in wb["跨表发现"]["B"][1:]}
    assert {"batch-low-execution-high-score", "batch-target-too-low", "batch-actual-repeats-target"} <= kinds


def test_pdf_has_the_tables(gold_analysis: Analysis, tmp_path: Path) -> None:
    pdf = write_report(gold_analysis, tmp_path / "r.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "干部教育工作经费" in text and "优先核查" in text


def test_unknown_format_is_refused(gold_analysis: Analysis, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_report(gold_analysis, tmp_path / "r.docx")
