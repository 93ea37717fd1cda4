"""Printed labels of the official form and of the audit report, zh-CN and English.

The zh-CN labels are the ones printed on the 财政项目支出绩效自评表; the English ones are
translations for readers who do not read Chinese. Form *data* (project names, 产出指标 …)
is never translated: it is kept as printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_LABELS: dict[str, tuple[str, str]] = {
    # the form
    "title": ("财政项目支出绩效自评表", "Performance Self-Evaluation Form for Fiscal Project Expenditure"),
    "year": ("({year} 年度)", "(Fiscal year {year})"),
    "project_name": ("项目名称", "Project"),
    "department": ("主管部门", "Department"),
    "implementing_unit": ("实施单位", "Implementing unit"),
    "funds": ("项目资金（{unit}）", "Project funds ({unit})"),
    "initial_budget": ("年初预算数", "Initial budget"),
    "annual_budget": ("全年预算数", "Annual budget"),
    "executed": ("全年执行数", "Executed"),
    "weight": ("分值", "Pts"),
    "rate": ("执行率", "Rate"),
    "score": ("得分", "Score"),
    "total": ("年度资金总额", "Total funds"),
    "fiscal": ("其中：当年财政拨款", "of which: appropriation"),
    "carryover": ("上年结转资金", "Carry-over"),
    "other": ("其他资金", "Other funds"),
    "goals": ("年度总体目标", "Annual goals"),
    "expected": ("预期目标", "Expected goals"),
    "actual_goals": ("实际完成情况", "Actual results"),
    "indicators": ("绩效指标", "Indicators"),
    "level1": ("一级指标", "Level 1"),
    "level2": ("二级指标", "Level 2"),
    "name": ("三级指标", "Indicator"),
    "target": ("年度指标值", "Annual target"),
    "actual": ("实际完成值", "Actual value"),
    "deviation": ("偏差原因分析及改进措施", "Deviation: reasons, remedies"),
    "total_score": ("总分", "Total score"),
    "unit_yuan": ("元", "yuan"),
    "unit_wan": ("万元", "10,000 yuan"),
    "page": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
    # the audit report
    "report_title": ("绩效自评表审核报告", "Audit Report on Performance Self-Evaluation Forms"),
    "summary": ("汇总", "Summary"),
    "forms_count": ("自评表数", "Forms"),
    "by_grade": ("按等级", "By grade"),
    "by_code": ("按问题代码", "By issue code"),
    "grade": ("等级", "Grade"),
    "count": ("数量", "Count"),
    "code": ("代码", "Code"),
    "severity": ("级别", "Severity"),
    "issue_title": ("问题", "Issue"),
    "location": ("位置", "Location"),
    "message": ("说明", "Message"),
    "remedy": ("处理建议", "Remedy"),
    "claimed": ("自评", "Claimed"),
    "computed": ("复核", "Computed"),
    "difference": ("差异", "Difference"),
    "status": ("判定", "Status"),
    "rule": ("规则", "Rule"),
    "explanation": ("说明", "Explanation"),
    "rules": ("评分规则", "Rule set"),
    "issues": ("问题清单", "Issues"),
    "no_issues": ("未发现问题", "No issues found"),
    "execution_row": ("预算执行率", "Budget execution"),
    "form_no": ("序号", "No."),
    "issue_count": ("问题数", "Issues"),
    "errors": ("错误", "Errors"),
    "warnings": ("警告", "Warnings"),
    "none_grade": ("无法评定", "Not gradable"),
    "scores": ("得分对照", "Scores: claimed and computed"),
}

STATUS_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "met": ("达成", "met"),
        "partial": ("部分达成", "partly met"),
        "missed": ("未达成", "missed"),
        "needs-judgement": ("需人工评定", "needs judgement"),
        "not-applicable": ("不适用", "not applicable"),
        "unscorable": ("无法计分", "unscorable"),
    }
)

SEVERITY_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"error": ("错误", "error"), "warning": ("警告", "warning"), "info": ("提示", "info")}
)

GRADES: tuple[str, ...] = ("优", "良", "中", "差")
GRADE_EN: Mapping[str, str] = MappingProxyType({"优": "excellent", "良": "good", "中": "fair", "差": "poor"})


def check_lang(lang: str) -> str:
    """``"zh"`` or ``"en"`` (``zh-CN``, ``en-US`` … are accepted); anything else is a
    programmer error."""
    for known in ("zh", "en"):
        if lang.lower().startswith(known):
            return known
    raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def label(key: str, lang: str = "zh", **params: object) -> str:
    zh, en = _LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text


def unit_label(unit: str, lang: str = "zh") -> str:
    """The amount unit as printed in the funds label (万元 / 元, or whatever the form says)."""
    if lang == "en":
        return {"元": label("unit_yuan", "en"), "万元": label("unit_wan", "en")}.get(unit, unit)
    return unit


def status_label(status: str, lang: str = "zh") -> str:
    zh, en = STATUS_LABELS.get(status, (status, status))
    return en if lang == "en" else zh


def severity_label(severity: str, lang: str = "zh") -> str:
    zh, en = SEVERITY_LABELS.get(severity, (severity, severity))
    return en if lang == "en" else zh


def grade_label(grade: str | None, lang: str = "zh") -> str:
    if grade is None:
        return label("none_grade", lang)
    if lang == "en":
        return f"{grade} ({GRADE_EN.get(grade, grade)})"
    return grade
