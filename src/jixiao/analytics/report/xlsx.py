"""xlsx of the batch report: one sheet per table (summary, ranking, gaps, findings, units…).

Charts are not drawn; every number behind them is on a sheet, typed (numbers as
numbers) so that a reviewer can sort and filter in Excel or WPS.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

_HEAD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="EEF2F7")


def _sheet(wb: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Worksheet:
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font, cell.fill = _HEAD, _FILL
    for row in rows:
        ws.append([_cell(v) for v in row])
    for i, name in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(60, len(str(name)) * 2 + 4))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    return ws


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, str)):
        return value
    return str(value)


def render_xlsx(m: dict[str, Any]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "概览"
    s = m["summary"]
    rows = [
        ("评分规则 rules", m["rules"]), ("生成时间 generated", m["generated"]), ("文件 files", s["files"]),
        ("自评表 forms", s["forms"]), ("指标 indicators", s["indicators"]), ("跨表发现 findings", s["findings"]),
        ("读取失败 failures", m["n_failures"]), ("平均执行率 % avg execution", s["avg_exec_rate"]),
        ("平均自评分 avg claimed", s["avg_claimed"]), ("平均计算分 avg computed", s["avg_computed"]),
        ("自评高于计算 claimed > computed", s["n_gap_positive"]),
    ]
    rows += [(f"{k['title']} {k['title_en']}", k["count"]) for k in m["kinds"]]
    for r in rows:
        ws.append([_cell(v) for v in r])
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 48, 24
    _sheet(wb, "优先核查", ["#", "项目", "form_id", "实施单位", "年度", "执行率%", "自评分", "计算分", "差额", "等级(自评)", "等级(计算)",
                          "错误", "警告", "提示", "跨表发现", "严重度"],
           ([n, r["project_name"], r["form_id"], r["implementing_unit"], r["year"], r["exec_rate"], r["total_claimed"], r["total_computed"],
             r["score_gap"], r["grade_claimed"], r["grade"], r["n_errors"], r["n_warnings"], r["n_infos"], r["kinds"], r["severity"]]
            for n, r in enumerate(m["ranked"], start=1)))
    _sheet(wb, "自评与计算差额", ["项目", "form_id", "实施单位", "年度", "自评分", "计算分", "差额"],
           ([r["project_name"], r["form_id"], r["implementing_unit"], r["year"], r["claimed"], r["computed"], r["gap"]] for r in m["gaps"]))
    _sheet(wb, "等级", ["等级", "按自评分", "按计算分"], ([g["grade"], g["claimed"], g["computed"]] for g in m["grades"]))
    _sheet(wb, "跨表发现", ["类别", "code", "级别", "项目", "form_id", "实施单位", "年度", "位置", "相关表", "说明"],
           ([k["title"], r["kind"], r["severity"], r["project_name"], r["form_id"], r["implementing_unit"], r["year"], r["field"], r["related"], r["detail"]]
            for k in m["kinds"] for r in k["rows"]))
    _sheet(wb, "执行率与自评分", ["实施单位", "年度", "表数", "平均执行率%", "平均自评分", "执行低得分高"],
           ([r["unit"], r["year"], r["forms"], r["avg_exec_rate"], r["avg_score"], r["low_exec_high_score"]] for r in m["exec_vs_score"]))
    _sheet(wb, "按单位", ["实施单位", "表数", "指标数", "量化指标", "目标偏低", "偏低占比", "定性占比", "照抄占比"],
           ([u["unit"], u["forms"], u["indicators"], u["numeric"], u["too_low"], u["too_low_share"], u["qualitative_share"], u["repeats_share"]] for u in m["units"]))
    _sheet(wb, "年度变化", ["项目", "实施单位", "上年", "本年", "上年预算(元)", "本年预算(元)", "上年自评分", "本年自评分"],
           ([r["project_name"], r["implementing_unit"], r["prev_year"], r["year"], r["prev_budget"], r["budget"], r["prev_score"], r["score"]] for r in m["yoy"]))
    _sheet(wb, "单表审核问题", ["code", "说明", "级别", "数量"], ([r["code"], r["title"], r["severity"], r["n"]] for r in m["issues"]))
    fail = _sheet(wb, "读取失败", ["文件", "原因"], ([f["file"], f["reason"]] for f in m["failures"]))
    for row in fail.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
