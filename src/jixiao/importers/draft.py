"""One form being read: the collected values, and turning them into a Form.

The mapper (:mod:`.mapper`) fills a :class:`Draft` row by row; when the form ends,
:func:`build_form` makes the immutable :class:`Form` (with the per-field sources as its
provenance) and :func:`missing_issues` names every label, column or fund row that the
document never showed, so a form cut off half way imports what is there with the rest
flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.core.model import (
    FUND_COLUMN_LABELS,
    FUND_ROW_LABELS,
    Execution,
    Form,
    FundRow,
    Funds,
    Goals,
    Indicator,
    Source,
)
from jixiao.importers.grid import Cell, Row
from jixiao.importers.result import FieldSources, attach_sources

_FIELD_LABELS = {
    "year": "年度",
    "project_name": "项目名称",
    "department": "主管部门",
    "implementing_unit": "实施单位",
    "funds": "项目资金",
    "goals": "年度总体目标",
    "indicators": "绩效指标",
    "total_score": "总分",
}


@dataclass
class Draft:
    """What the mapper has collected of one form so far."""

    file: str | None
    values: dict[str, Any] = field(default_factory=dict)
    sources: FieldSources = field(init=False)
    found: set[str] = field(default_factory=set)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    fund_cols: dict[str, tuple[float, float]] = field(default_factory=dict)
    ind_cols: dict[str, tuple[float, float]] = field(default_factory=dict)
    goals_cols: dict[str, tuple[float, float]] = field(default_factory=dict)
    mode: str = "head"
    titled: bool = False
    positional_rows: int = 0
    first: Row | None = None
    issues: list[Issue] = field(default_factory=list)
    level_cells: dict[str, Cell | None] = field(default_factory=dict)
    pending: dict[str, list[int]] = field(default_factory=dict)
    groups: dict[str, list[int]] = field(default_factory=dict)
    last_page: int | None = None

    def __post_init__(self) -> None:
        self.sources = FieldSources(self.file)

    @property
    def has_content(self) -> bool:
        return bool(self.found or self.indicators)

    @property
    def is_form(self) -> bool:
        """A self-evaluation form (not a 申报表/监控表 of the same workbook)."""
        return self.titled or "score" in self.ind_cols or "weight" in self.ind_cols


def missing_issues(d: Draft, file: str | None, index: int, form: Form) -> list[Issue]:
    """``import-field-missing`` for every label, column and fund row the form never showed."""
    out: list[Issue] = []
    first = d.first
    for key, label in _FIELD_LABELS.items():
        if key not in d.found:
            out.append(
                make_issue(
                    "import-field-missing",
                    Location(
                        file=file,
                        page=first.page if first else None,
                        sheet=first.sheet if first else None,
                        field=key,
                        form_index=index,
                    ),
                    form=form.project_name,
                    field=key,
                    label=label,
                )
            )
    if "indicators" in d.found and not d.indicators:
        out.append(
            make_issue(
                "import-field-missing",
                Location(file=file, field="indicators", form_index=index),
                form=form.project_name,
                field="indicators",
                label="绩效指标（无指标行）",
            )
        )
    if "funds" in d.found:
        for name, label in FUND_ROW_LABELS.items():
            if not any(p.startswith(f"funds.{name}.") for p in d.values):
                out.append(
                    make_issue(
                        "import-field-missing",
                        Location(file=file, field=f"funds.{name}", form_index=index),
                        form=form.project_name,
                        field=f"funds.{name}",
                        label=label,
                    )
                )
    if "indicators" in d.found:
        for key, label in (("weight", "分值"), ("score", "得分"), ("target", "年度指标值"), ("actual", "实际完成值")):
            if key not in d.ind_cols:
                out.append(
                    make_issue(
                        "import-field-missing",
                        Location(file=file, field=f"indicators[].{key}", form_index=index),
                        form=form.project_name,
                        field=f"indicators[].{key}",
                        label=label,
                    )
                )
    if "funds" in d.found:
        for key in ("initial_budget", "annual_budget", "executed"):
            if key not in d.fund_cols:
                out.append(
                    make_issue(
                        "import-field-missing",
                        Location(file=file, field=f"funds.*.{key}", form_index=index),
                        form=form.project_name,
                        field=f"funds.*.{key}",
                        label=FUND_COLUMN_LABELS[key],
                    )
                )
        if d.positional_rows and not any(
            src.confidence is None or src.confidence >= 1
            for p, src in d.sources.fields.items()
            if p.startswith("funds.")
        ):
            out.append(
                make_issue(
                    "import-field-missing",
                    Location(file=file, field="funds", form_index=index),
                    form=form.project_name,
                    field="funds.*",
                    label="/".join(FUND_ROW_LABELS.values()),
                )
            )
    return out


def build_form(d: Draft, file: str | None) -> Form:
    """The collected values as a :class:`Form` with its provenance."""
    v = d.values

    def row(name: str) -> FundRow:
        return FundRow(
            v.get(f"funds.{name}.initial_budget"),
            v.get(f"funds.{name}.annual_budget"),
            v.get(f"funds.{name}.executed"),
        )

    indicators = tuple(
        Indicator(
            level1=i.get("level1"),
            level2=i.get("level2"),
            name=i.get("name"),
            target=i.get("target"),
            actual=i.get("actual"),
            weight=i.get("weight"),
            score=i.get("score"),
            deviation=i.get("deviation"),
            extra=i.get("extra", {}),
        )
        for i in d.indicators
    )
    form = Form(
        year=v.get("year"),
        project_name=v.get("project_name"),
        department=v.get("department"),
        implementing_unit=v.get("implementing_unit"),
        amount_unit=v.get("amount_unit"),
        funds=Funds(row("total"), row("fiscal"), row("carryover"), row("other")),
        execution=Execution(v.get("execution.weight"), v.get("execution.rate_percent"), v.get("execution.score")),
        goals=Goals(v.get("goals.expected"), v.get("goals.actual")),
        indicators=indicators,
        total_score=v.get("total_score"),
    )
    first = d.first
    form_source = Source(file=file, page=first.page if first else None, sheet=first.sheet if first else None)
    return attach_sources(form, d.sources, form_source)



def locate(issues: list[Issue], index: int, name: str | None) -> list[Issue]:
    """The issues with the form's index and name filled in."""
    out: list[Issue] = []
    for i in issues:
        loc = i.location
        out.append(
            Issue(
                i.code,
                i.severity,
                Location(loc.file, loc.page, loc.line, loc.sheet, loc.cell, loc.field, index),
                i.params,
                name,
            )
        )
    return out


