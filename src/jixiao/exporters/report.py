"""The audit report: claimed and computed scores side by side, findings, a summary.

The report is built once as plain records (:class:`Report`, one :class:`FormReport`
per form) in the requested language, then rendered to HTML (and from it PDF) or xlsx,
so the three outputs say the same thing. Scores come from
:func:`jixiao.core.scoring.score_form` and findings from :func:`jixiao.core.audit.check`;
this module only reads the attributes of their agreed records (``FormScore``:
``rules``, ``execution``, ``indicators``, ``total``, ``grade``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.core.issues import REGISTRY, Issue
from jixiao.core.model import Form
from jixiao.exporters.labels import GRADES, grade_label, label, severity_label, status_label


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One line of the side-by-side table: the execution row or one indicator."""

    no: str
    level: str
    name: str
    target: str
    actual: str
    weight: Decimal | None
    claimed: Decimal | None
    computed: Decimal | None
    status: str
    rule: str
    explanation: str

    @property
    def difference(self) -> Decimal | None:
        """Claimed minus computed: positive where the form claims more than the rules give."""
        if self.claimed is None or self.computed is None:
            return None
        return self.claimed - self.computed

    @property
    def differs(self) -> bool:
        return self.difference is not None and self.difference != 0


@dataclass(frozen=True, slots=True)
class IssueRow:
    severity: str
    severity_label: str
    code: str
    title: str
    location: str
    message: str
    remedy: str


@dataclass(frozen=True, slots=True)
class FormReport:
    index: int
    form: Form
    rules: str
    rows: tuple[ScoreRow, ...]
    claimed_total: Decimal | None
    computed_total: Decimal | None
    grade: str | None
    grade_label: str
    issues: tuple[IssueRow, ...]

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.issues if i.severity == "warning")


@dataclass(frozen=True, slots=True)
class Report:
    lang: str
    forms: tuple[FormReport, ...]
    by_grade: tuple[tuple[str, int], ...]
    by_code: tuple[tuple[str, str, str, int], ...]
    """(code, severity label, title, count), most frequent first."""
    labels: dict[str, str] = field(default_factory=dict)


def _explanation(obj: Any, lang: str) -> str:
    text = getattr(obj, "explanation_en" if lang == "en" else "explanation_zh", None)
    return str(text) if text else ""


def _issue_title(code: str, lang: str) -> str:
    issue_type = REGISTRY.get(code)
    return issue_type.title(lang) if issue_type else code


def _issue_row(issue: Issue, lang: str) -> IssueRow:
    return IssueRow(
        severity=issue.severity.value,
        severity_label=severity_label(issue.severity.value, lang),
        code=issue.code,
        title=_issue_title(issue.code, lang),
        location=issue.location.describe(),
        message=issue.message(lang) if issue.code in REGISTRY else issue.code,
        remedy=issue.remedy(lang) if issue.code in REGISTRY else "",
    )


def _rows(form: Form, score: Any, lang: str) -> list[ScoreRow]:
    ex = score.execution
    rate = form.execution.rate_percent
    computed_rate = getattr(ex, "rate_percent", None)
    rows = [
        ScoreRow(
            no="—",
            level=label("execution_row", lang),
            name=label("rate", lang),
            target="",
            actual=" / ".join(
                t for t in (
                    f"{label('claimed', lang)} {rate}%" if rate is not None else "",
                    f"{label('computed', lang)} {computed_rate}%" if computed_rate is not None else "",
                ) if t
            ),
            weight=form.execution.weight,
            claimed=form.execution.score,
            computed=getattr(ex, "score", None),
            status="",
            rule="",
            explanation=_explanation(ex, lang),
        )
    ]
    by_index = {s.index: s for s in score.indicators}
    for i, ind in enumerate(form.indicators):
        s = by_index.get(i)
        rows.append(
            ScoreRow(
                no=str(i + 1),
                level=" / ".join(x for x in (ind.level1, ind.level2) if x),
                name=ind.name or "",
                target=ind.target or "",
                actual=ind.actual or "",
                weight=ind.weight,
                claimed=ind.score,
                computed=s.score if s is not None else None,
                status=status_label(str(s.status), lang) if s is not None else "",
                rule=str(s.rule) if s is not None else "",
                explanation=_explanation(s, lang) if s is not None else "",
            )
        )
    return rows


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """``indicators[2]`` before ``indicators[10]``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p)


def _severity_key(issue: Issue) -> tuple[int, tuple[tuple[int, int | str], ...], str]:
    return (-issue.severity.rank, _natural(issue.location.field or ""), issue.code)


def build_report(
    forms: Sequence[Form], scores: Sequence[Any], issues_per_form: Sequence[Sequence[Issue]], lang: str = "zh"
) -> Report:
    """The report records; ``scores[i]`` and ``issues_per_form[i]`` belong to ``forms[i]``."""
    if not len(forms) == len(scores) == len(issues_per_form):
        raise ValueError("forms, scores and issues_per_form must have the same length")
    reports: list[FormReport] = []
    codes: Counter[str] = Counter()
    severities: dict[str, str] = {}
    for index, (form, score, issues) in enumerate(zip(forms, scores, issues_per_form, strict=True)):
        ordered = sorted(issues, key=_severity_key)
        for issue in ordered:
            codes[issue.code] += 1
            severities.setdefault(issue.code, issue.severity.value)
        reports.append(
            FormReport(
                index=index,
                form=form,
                rules=str(getattr(score, "rules", "")),
                rows=tuple(_rows(form, score, lang)),
                claimed_total=form.total_score,
                computed_total=getattr(score, "total", None),
                grade=getattr(score, "grade", None),
                grade_label=grade_label(getattr(score, "grade", None), lang),
                issues=tuple(_issue_row(i, lang) for i in ordered),
            )
        )
    grades = Counter(r.grade for r in reports)
    by_grade = [(grade_label(g, lang), grades.get(g, 0)) for g in GRADES]
    if grades.get(None):
        by_grade.append((grade_label(None, lang), grades[None]))
    by_code = sorted(
        ((c, severity_label(severities[c], lang), _issue_title(c, lang), n) for c, n in codes.items()),
        key=lambda t: (-t[3], t[0]),
    )
    keys = (
        "report_title", "summary", "forms_count", "by_grade", "by_code", "grade", "count", "code", "severity",
        "issue_title", "location", "message", "remedy", "claimed", "computed", "difference", "status", "rule",
        "explanation", "rules", "issues", "no_issues", "form_no", "issue_count", "errors", "warnings", "scores",
        "project_name", "department", "implementing_unit", "name", "target", "actual", "weight", "total_score",
        "level1", "level2",
    )
    labels = {k: label(k, lang) for k in keys}
    labels["level"] = f"{labels['level1']} / {labels['level2']}"
    labels["difference"] = f"{labels['difference']}（{labels['claimed']}−{labels['computed']}）" if lang == "zh" else (
        f"{labels['difference']} ({labels['claimed']} − {labels['computed']})"
    )
    return Report(lang, tuple(reports), tuple(by_grade), tuple(by_code), labels)


def report_to(
    forms: Sequence[Form], scores: Sequence[Any], issues_per_form: Sequence[Sequence[Issue]], fmt: str, lang: str = "zh"
) -> bytes:
    report = build_report(forms, scores, issues_per_form, lang)
    if fmt == "xlsx":
        from jixiao.exporters.report_xlsx import report_to_xlsx

        return report_to_xlsx(report)
    from jixiao.exporters.report_html import report_html

    html = report_html(report)
    if fmt == "html":
        return html.encode("utf-8")
    from jixiao.exporters.pdf import html_to_pdf

    return html_to_pdf(html)
