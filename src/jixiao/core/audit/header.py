"""The header (年度, 项目名称, 主管部门, 实施单位) and the 年度总体目标 block.

Nothing here affects a score; these cells identify the form and tie the indicators to
what the unit set out to do, so their absence is a warning or an info.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import Form

from .context import AuditContext, blank
from .registry import audit_check

W, INFO = Severity.WARNING, Severity.INFO

declare(
    "header-missing-year",
    W,
    title=("缺少年度", "Year missing"),
    message=("表头没有填写年度", "The header gives no year"),
    remedy=(
        "在表头填写评价年度（如 2022 年度）。",
        "Give the year under evaluation in the header (e.g. 2022).",
    ),
    tags=("audit", "header"),
)
declare(
    "header-year-implausible",
    W,
    title=("年度不合理", "Implausible year"),
    message=("年度 {year} 不在合理范围（2000–2100）内", "Year {year} is outside 2000–2100"),
    remedy=("核对表头年度。", "Check the year in the header."),
    tags=("audit", "header"),
)
declare(
    "header-missing-project-name",
    W,
    title=("缺少项目名称", "Project name missing"),
    message=("表头没有填写项目名称", "The header gives no project name"),
    remedy=(
        "填写项目名称，便于识别和汇总。",
        "Give the project name so the form can be identified.",
    ),
    tags=("audit", "header"),
)
declare(
    "header-missing-agency",
    INFO,
    title=("缺少主管部门或实施单位", "Department or implementing unit missing"),
    message=("表头的{label}为空", "The header's {label_en} is empty"),
    remedy=("填写{label}。", "Fill in the {label_en}."),
    tags=("audit", "header"),
)
declare(
    "goals-missing",
    W,
    title=("年度总体目标未填写", "Annual goals missing"),
    message=("年度总体目标的{label}为空", "Annual goals: the {label_en} cell is empty"),
    remedy=(
        "填写年度总体目标的预期目标和实际完成情况，与绩效指标相对应。",
        "Fill in the expected goals and what was achieved, matching the indicators.",
    ),
    tags=("audit", "structure"),
)


@audit_check(
    "header-missing-year",
    "header-year-implausible",
    "header-missing-project-name",
    "header-missing-agency",
)
def check_header(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    if form.year is None:
        yield ctx.issue("header-missing-year", "year")
    elif not 2000 <= form.year <= 2100:
        yield ctx.issue("header-year-implausible", "year", year=form.year)
    if blank(form.project_name):
        yield ctx.issue("header-missing-project-name", "project_name")
    for path, label, label_en in (
        ("department", "主管部门", "department (主管部门)"),
        ("implementing_unit", "实施单位", "implementing unit (实施单位)"),
    ):
        if blank(getattr(form, path)):
            yield ctx.issue("header-missing-agency", path, label=label, label_en=label_en)


@audit_check("goals-missing")
def check_goals(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    for name, label, label_en in (
        ("expected", "预期目标", "expected goals"),
        ("actual", "实际完成情况", "actual achievements"),
    ):
        if blank(getattr(form.goals, name)):
            yield ctx.issue("goals-missing", f"goals.{name}", label=label, label_en=label_en)
