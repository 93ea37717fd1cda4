"""Excel import: the official layout, the central .xls, provincial column variants."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from jixiao.core.issues import flatten
from jixiao.importers import import_bytes, import_path
from tests.importers.conftest import central_xls, sample


def test_shanghai_xlsx_gives_the_gold(gold):
    result = import_path(sample("shanghai-2022-part1.rendered.xlsx"))
    assert result.format == "xlsx"
    assert result.issues == []
    assert result.forms == gold
    # printed precision is kept: the total cell is formatted 0.00
    assert result.forms[0].total_score == Decimal("94.90")
    assert str(result.forms[0].execution.rate_percent) == "89.61"


def test_xlsx_sources_and_confidences(gold):
    result = import_path(sample("shanghai-2022-part1.rendered.xlsx"))
    form = result.forms[0]
    src = form.source_of("funds.total.executed")
    assert (src.sheet, src.cell) == ("公务员管理工作经费", "F6")
    assert form.source_of("indicators[0].name").cell == "D13"
    # a row continuing after the repeated 绩效指标 label keeps its 一级/二级 labels
    assert form.source_of("indicators[15].name").cell == "D28"
    conf = result.confidences[0]
    assert len(result.confidences) == 4
    assert conf["project_name"] == Decimal(1)
    assert set(conf) == set(form.provenance.fields)


def test_central_xls_imports_what_it_has_and_flags_the_rest():
    files = {p.name: p for p in central_xls()}
    if not files:
        pytest.skip("central sample missing")
    filled = import_path(files["filled-example.xls"])
    assert filled.format == "xls"
    [form] = filled.forms  # only the 自评表 sheet is a self-evaluation form
    assert form.project_name == "2019年210青少年校园足球扶持资金"
    assert form.department == "教育部"
    assert form.year == 2019
    assert form.amount_unit == "万元"
    assert len(form.indicators) == 4
    assert form.total_score == 100
    # the fund rows carry no labels: read by position, flagged for review
    assert form.funds.total.initial_budget == 2
    low = [i for i in filled.issues if i.code == "import-low-confidence"]
    assert {i.location.field for i in low} >= {"funds.total.initial_budget", "execution.weight"}
    assert ["funds", "import-field-missing"] in flatten(filled.issues)

    empty = import_path(files["template.xls"])
    [form] = empty.forms
    rows = flatten(empty.issues)
    assert ["indicators", "import-field-missing"] in rows
    assert ["funds.total", "import-field-missing"] in rows
    assert form.indicators == ()


def _sichuan_workbook(with_formula: bool = False) -> bytes:
    """A provincial variant: 项目实施单位, 调整后预算数, 实际执行数, 指标性质/指标值/度量单位,
    完成值, 权重, 未完成原因分析; plain rows (no merges) and blank 一级/二级 continuation cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    rows = [
        ["2023年度项目支出绩效自评表"],
        ["单位：万元"],
        ["项目名称", "乡村道路养护"],
        ["主管部门", "县交通运输局", None, "项目实施单位", "县公路事务中心"],
        ["项目资金", "资金来源", "年初预算数", "调整后预算数", "实际执行数", "权重", "执行率", "得分"],
        [None, "年度资金总额", 120.5, 118, 112.1, 10, "95.00%", 9.5],
        [None, "其中：财政拨款", 120.5, 118, 112.1],
        [None, "上年结转资金", "-", "-", "-"],
        [None, "其他资金", "-", "-", "-"],
        ["年度总体目标", "预期目标", None, None, "实际完成情况"],
        [None, "完成道路养护", None, None, "已完成道路养护"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
        ["产出指标", "数量指标", "养护里程", "≥", 4000, "公里", 4100, 50, 50, None],
        [None, None, "巡查次数", "≥", 12, "次", 10, 10, 8.33, "雨季影响"],
        ["效益指标", "社会效益指标", "通行条件", "定性", "明显改善", None, "明显改善", 20, 20, None],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 93, 10, 10, None],
        ["总分", None, None, None, None, None, None, 100, 97.83],
    ]
    for r in rows:
        ws.append(r)
    if with_formula:
        ws["I17"] = "=SUM(I13:I16)+H6"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_provincial_variant_through_the_synonym_table():
    result = import_bytes(_sichuan_workbook(), "sichuan.xlsx")
    assert [i.code for i in result.issues] == []
    [form] = result.forms
    assert form.year == 2023
    assert form.amount_unit == "万元"
    assert form.implementing_unit == "县公路事务中心"
    assert form.funds.total.annual_budget == Decimal("118")
    assert form.funds.total.executed == Decimal("112.1")
    assert form.funds.carryover.initial_budget is None
    assert form.execution.rate_percent == Decimal("95.00")
    assert form.goals.actual == "已完成道路养护"
    first, second, third, fourth = form.indicators
    assert (first.target, first.actual, first.weight) == ("≥4000公里", "4100公里", 50)
    assert (second.level1, second.level2) == ("产出指标", "数量指标")  # blank cells continue
    assert second.deviation == "雨季影响"
    assert third.target == "明显改善" and third.extra["nature"] == "定性"
    assert fourth.target == "≥90%"
    assert form.total_score == Decimal("97.83")


def test_formula_without_cached_value_is_reported():
    result = import_bytes(_sichuan_workbook(with_formula=True), "f.xlsx")
    [form] = result.forms
    assert form.total_score is None
    [issue] = [i for i in result.issues if i.code == "import-formula-no-value"]
    assert issue.location.cell == "I17" and issue.location.sheet == "自评表"
    assert "SUM" in issue.message()


def test_many_forms_in_one_sheet_and_across_sheets(gold):
    src = openpyxl.load_workbook(sample("shanghai-2022-part1.rendered.xlsx"))
    wb = openpyxl.Workbook()
    ws = wb.active
    for sheet in src.worksheets[:2]:  # two forms stacked in one sheet, no merges
        for row in sheet.iter_rows(values_only=True):
            ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    result = import_bytes(buf.getvalue(), "stacked.xlsx")
    assert [f.project_name for f in result.forms] == [g.project_name for g in gold[:2]]
    # without merges the 一级/二级 labels continue from the row above
    assert [i.level2 for i in result.forms[0].indicators] == [i.level2 for i in gold[0].indicators]
    assert [len(f.indicators) for f in result.forms] == [len(g.indicators) for g in gold[:2]]


def test_goals_printed_as_label_and_text_rows():
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in [
        ["项目支出绩效自评表"],
        ["项目名称", "农田水利"],
        ["年度总体目标", "预期目标", "完成灌渠改造"],
        [None, "实际完成情况", "灌渠改造已完成"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "改造里程", "≥10公里", "12公里", 90, 90],
        ["总分", None, None, None, None, 100, 100],
    ]:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    [form] = import_bytes(buf.getvalue(), "goals.xlsx").forms
    assert (form.goals.expected, form.goals.actual) == ("完成灌渠改造", "灌渠改造已完成")
    assert form.total_score == 100 and form.indicators[0].actual == "12公里"
