"""The audit report: claimed vs computed side by side, every issue located, grades, summary."""

from __future__ import annotations

import io
import re
from collections import Counter
from decimal import Decimal

import openpyxl
import pdfplumber
import pytest

from jixiao.core.audit import check
from jixiao.core.issues import Location, make_issue
from jixiao.core.scoring import score_form
from jixiao.core.scoring.result import ExecutionScore, FormScore, IndicatorScore
from jixiao.exporters import export_report
from jixiao.exporters.report import build_report
from jixiao.formats import interchange  # noqa: F401  (declares the json-* issue codes used below)


def _scores(form, total: str, grade: str | None, cut: dict[int, str]) -> FormScore:
    """Computed scores equal to the claimed ones except the indicators in ``cut``."""
    inds = tuple(
        IndicatorScore(
            i, Decimal(cut[i]) if i in cut else ind.score, ind.score, "partial" if i in cut else "met", "positive",
            f"第{i + 1}行按比例计分", f"row {i + 1} scored in proportion",
        )
        for i, ind in enumerate(form.indicators)
    )
    ex = ExecutionScore(Decimal("89.61"), Decimal("8.96"), "10 × 89.61% = 8.96", "10 × 89.61% = 8.96")
    return FormScore("shanghai-2022", ex, inds, Decimal(total), grade)


@pytest.fixture(scope="module")
def inputs(samples):
    forms = samples[:2]
    scores = [_scores(forms[0], "93.9", "优", {0: "2"}), _scores(forms[1], "79.5", "中", {})]
    issues = [
        [
            make_issue("json-number-as-text", Location(file="a.json", field="indicators[0].score", form_index=0),
                       form=forms[0].project_name, field="indicators[0].score", value='"3"', number=3),
            make_issue("json-type", Location(file="a.json", field="goals.actual", form_index=0),
                       field="goals.actual", expected="文本", expected_en="text", value="[]"),
        ],
        [],
    ]
    return forms, scores, issues


def test_report_records(inputs):
    forms, scores, issues = inputs
    report = build_report(forms, scores, issues)
    first = report.forms[0]
    assert first.rows[0].claimed == Decimal("8.96") and first.rows[0].computed == Decimal("8.96")
    assert first.rows[1].claimed == Decimal(3) and first.rows[1].computed == Decimal(2)
    assert first.rows[1].difference == Decimal(1) and first.rows[1].differs
    assert not first.rows[2].differs
    assert [i.code for i in first.issues] == ["json-type", "json-number-as-text"]  # errors first
    assert first.errors == 1 and first.warnings == 1
    assert dict(report.by_grade) == {"优": 1, "良": 0, "中": 1, "差": 0}
    assert [(c, n) for c, _, _, n in report.by_code] == [("json-number-as-text", 1), ("json-type", 1)]


def test_html_report_side_by_side_with_locations(inputs):
    forms, scores, issues = inputs
    html = export_report(forms, scores, issues, "html").decode()
    assert "<h1>绩效自评表审核报告</h1>" in html
    row = re.search(r'<tr class="differs">.*?</tr>', html, re.S).group(0)
    assert ">3<" in row and ">2<" in row and ">+1<" in row and "第1行按比例计分" in row
    assert "a.json #1 indicators[0].score" in html  # the issue's location
    assert "字段 indicators[0].score 的数字写成了文本" in html
    assert html.count('class="grade">优<') == 1 and html.count('class="grade">中<') == 1
    assert "未发现问题" in html  # form 2 has no issues


def test_english_report(inputs):
    forms, scores, issues = inputs
    html = export_report(forms, scores, issues, "html", lang="en").decode()
    assert "Audit Report on Performance Self-Evaluation Forms" in html
    assert "Claimed" in html and "Computed" in html and "row 1 scored in proportion" in html
    assert "优 (excellent)" in html and "holds the number as text" in html


def test_xlsx_report(inputs):
    forms, scores, issues = inputs
    wb = openpyxl.load_workbook(io.BytesIO(export_report(forms, scores, issues, "xlsx")))
    assert wb.sheetnames[0] == "汇总" and wb.sheetnames[-1] == "问题清单" and len(wb.sheetnames) == 4
    summary = {(c.value, ws_row[1].value) for ws_row in wb["汇总"].iter_rows() for c in ws_row[:1]}
    assert ("优", 1) in summary and ("中", 1) in summary and ("json-type", "错误") in summary
    ws = wb.worksheets[1]
    values = [[c.value for c in r] for r in ws.iter_rows()]
    row = next(r for r in values if r[2] == forms[0].indicators[0].name)
    assert row[6] == 3 and row[7] == 2 and row[8] == 1  # claimed, computed, difference as numbers
    issues = [[c.value for c in r] for r in wb["问题清单"].iter_rows(min_row=3)]
    assert [(r[0], r[3], r[5]) for r in issues] == [
        (1, "json-type", "a.json #1 goals.actual"), (1, "json-number-as-text", "a.json #1 indicators[0].score"),
    ]
    assert wb["问题清单"].auto_filter.ref == "A2:H4"


def test_pdf_report(inputs):
    forms, scores, issues = inputs
    pdf = export_report(forms, scores, issues, "pdf")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        texts = [p.extract_text() for p in doc.pages]
    assert len(texts) >= 3  # the summary, then each form on a new page
    assert "汇总" in texts[0] and forms[0].project_name in texts[1]
    assert all(f"共 {len(texts)} 页" in t for t in texts)


def test_report_of_real_scores_and_checks(samples):
    scores = [score_form(f) for f in samples]
    issues = [check(f, score=s) for f, s in zip(samples, scores, strict=True)]
    report = build_report(samples, scores, issues)
    assert sum(n for *_, n in report.by_code) == sum(len(i) for i in issues)
    assert Counter(c for i in issues for c in (x.code for x in i)) == {c: n for c, _, _, n in report.by_code}
    assert sum(n for _, n in report.by_grade) == len(samples)
    html = export_report(samples, scores, issues, "html").decode()
    for per_form in issues:
        for issue in per_form:
            assert issue.location.describe() in html
