"""The xlsx export: official layout, real cell types, merges, print set-up, round trips."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.model import Form, Goals, Indicator
from jixiao.exporters import export_forms
from jixiao.exporters.xlsx import MAX_ROW_PT, sheet_title
from tests import strategies
from tests.exporters.conftest import check_snapshot
from tests.exporters.layout_reader import read_form


def _load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _same(a: Form, b: Form) -> bool:
    """Equal as printed: a form without a unit prints （元）, so reads back as 元."""
    return a.evolve(amount_unit=a.unit) == b.evolve(amount_unit=b.unit)


@pytest.fixture(scope="module")
def sample_book(samples: list[Form]) -> openpyxl.Workbook:
    return _load(export_forms(samples, "xlsx"))


def test_one_sheet_per_form_named_after_the_project(samples, sample_book):
    assert sample_book.sheetnames == [f.project_name for f in samples]


def test_sample_round_trip_through_the_layout_reader(samples, sample_book):
    for form, ws in zip(samples, sample_book.worksheets, strict=True):
        assert _same(read_form(ws), form)


def test_official_labels_and_blocks(sample_book):
    ws = sample_book.worksheets[0]
    assert ws["A1"].value == "财政项目支出绩效自评表"
    assert ws["A2"].value == "(2022 年度)"
    assert [ws.cell(5, c).value for c in range(4, 10)] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert ws["A5"].value == "项目资金（元）"
    assert [ws.cell(12, c).value for c in range(2, 10)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"
    ]
    merges = {str(r) for r in ws.merged_cells.ranges}
    last = ws.max_row
    assert {"A1:I1", "A2:I2", "B3:I3", "A5:A9", "A10:A11", f"A12:A{last - 1}", f"A{last}:F{last}"} <= merges
    # form 1: 产出指标 19 rows (数量 10, 质量 7, 时效 2), 效益指标 6, 满意度指标 2
    assert {"B13:B31", "C13:C22", "C23:C29", "C30:C31", "B32:B37", "B38:B39"} <= merges
    assert ws.cell(last, 1).value == "总分"
    assert ws.cell(last, 7).value == 100  # 10 + the indicator weights
    assert ws.cell(last, 8).value == pytest.approx(94.9)


def test_cells_have_real_types_and_formats(sample_book):
    ws = sample_book.worksheets[0]
    assert ws["D6"].value == 13414500 and ws["D6"].number_format == "#,##0"
    assert ws["D8"].value == "-"  # empty amount
    assert ws["H6"].value == pytest.approx(0.8961) and ws["H6"].number_format == "0.00%"
    assert ws["I6"].value == pytest.approx(8.96) and ws["I6"].number_format == "0.00"
    assert ws["G13"].data_type == "n" and ws["G13"].value == 3
    assert ws["E14"].value == "=100%" and ws["E14"].data_type == "s"  # a target, not a formula
    assert ws["F20"].value == "0" and ws["F20"].data_type == "s"  # printed text stays text
    assert ws["D13"].alignment.wrap_text
    assert ws["D13"].border.left.style == "thin" and ws["I39"].border.bottom.style == "thin"


def test_print_setup(sample_book):
    ws = sample_book.worksheets[0]
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$12:$12"  # the 一级指标 … header repeats
    assert "&P" in ws.oddFooter.center.text


def test_wan_yuan_and_english_labels(samples):
    form = samples[2].evolve(amount_unit="万元")
    ws = _load(export_forms([form], "xlsx"))["干部教育工作经费"]
    assert ws["A5"].value == "项目资金（万元）"
    en = _load(export_forms([form], "xlsx", lang="en")).worksheets[0]
    assert en["A1"].value == "Performance Self-Evaluation Form for Fiscal Project Expenditure"
    assert en["A5"].value == "Project funds (10,000 yuan)"
    assert en["B13"].value == "产出指标"  # data is never translated
    assert _same(read_form(en, "en"), form)


def test_long_goals_spread_over_rows_without_clipping(samples):
    goals = "1、" + "加强项目资金管理，提高资金使用效益。" * 111  # 2,000+ characters
    inds = tuple(
        Indicator("产出指标", "数量指标", f"指标{i}", ">=1人", "2人", Decimal(1), Decimal(1), None) for i in range(60)
    )
    form = samples[0].evolve(goals=Goals(goals, goals), indicators=inds)
    ws = _load(export_forms([form], "xlsx")).worksheets[0]
    goal_merge = next(r for r in ws.merged_cells.ranges if r.min_row == 11 and r.min_col == 2)
    assert goal_merge.max_row > 11  # several physical rows
    heights = [ws.row_dimensions[r].height for r in range(goal_merge.min_row, goal_merge.max_row + 1)]
    assert all(h <= MAX_ROW_PT for h in heights)
    # 2,000 characters in ~56 column units need well over 409 points in all
    assert sum(heights) > 1000
    assert _same(read_form(ws), form)


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    names = [sheet_title(n, taken, i) for i, n in enumerate(["a/b[1]", "x" * 40, "x" * 40, None, "A/B[1]"])]
    assert names[0] == "a_b_1_"
    assert len(names[1]) == 31 and names[2].endswith("(2)") and len(names[2]) == 31
    assert names[3] == "表4"
    assert names[4] == "A_B_1_(2)"  # Excel compares sheet names case-insensitively


def test_grid_snapshot(sample_book):
    """Values (typed), number formats and merges of every sheet, one cell a line."""
    lines: list[str] = []
    for ws in sample_book.worksheets:
        lines.append(f"== {ws.title}")
        lines.append("merges: " + " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    value = json.dumps(c.value, ensure_ascii=False)
                    lines.append(f"{c.coordinate}\t{type(c.value).__name__}\t{value}\t{c.number_format}")
    check_snapshot("sample-forms.xlsx.txt", "\n".join(lines) + "\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms=st.lists(strategies.form, min_size=1, max_size=3), lang=st.sampled_from(["zh", "en"]))
def test_round_trip_generated_forms(forms, lang):
    book = _load(export_forms(forms, "xlsx", lang=lang))
    assert len(book.worksheets) == len(forms)
    for form, ws in zip(forms, book.worksheets, strict=True):
        assert _same(read_form(ws, lang), form)
