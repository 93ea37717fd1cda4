"""Rich tables for issues and scores (the human side of ``--json``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table

from jixiao.core.issues import Issue, Severity
from jixiao.core.model import Form

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

_LABELS = {
    "zh": {
        "where": "位置", "code": "代码", "severity": "级别", "form": "项目", "message": "说明",
        "indicator": "指标", "weight": "分值", "claimed": "申报得分", "computed": "计算得分",
        "status": "状态", "explanation": "计算过程", "execution": "预算执行率", "total": "总分",
        "grade": "等级", "no_issues": "未发现问题。", "summary": "共 {e} 个错误，{w} 个警告，{i} 个提示",
    },
    "en": {
        "where": "Where", "code": "Code", "severity": "Severity", "form": "Project", "message": "Message",
        "indicator": "Indicator", "weight": "Weight", "claimed": "Claimed", "computed": "Computed",
        "status": "Status", "explanation": "Explanation", "execution": "Budget execution", "total": "Total",
        "grade": "Grade", "no_issues": "No issues found.", "summary": "{e} errors, {w} warnings, {i} notes",
    },
}


def label(key: str, lang: str) -> str:
    return _LABELS["en" if lang == "en" else "zh"][key]


def fmt(value: Decimal | None) -> str:
    return "-" if value is None else format(value, "f")


_PER_FIELD = "import-low-confidence"
"""A text dump or a scan can flag a hundred fields of one form: on the terminal they are one
row per form naming the fields (``--report`` and ``--json`` keep one issue per field)."""


def _grouped_row(group: Sequence[Issue], lang: str) -> tuple[Severity, str, str, str, str]:
    fields = [g.location.field or "?" for g in group]
    shown = ", ".join(fields[:8]) + (" …" if len(fields) > 8 else "")
    first = group[0]
    where = (first.location.file or "") + (f" #{first.location.form_index + 1}" if first.location.form_index is not None else "")
    if lang == "en":
        text = f"{len(group)} fields read with low confidence, please review: {shown}"
    else:
        text = f"{len(group)} 个字段识别把握不足，请人工复核：{shown}"
    return first.severity, first.code, first.form or "", where, text


def _rows(issues: Sequence[Issue], lang: str) -> list[tuple[Severity, str, str, str, str]]:
    """Issues as table rows, the per-field low-confidence ones as one row per form (in place
    of the first)."""
    order: list[Issue | tuple[str | None, int | None, str | None]] = []
    groups: dict[tuple[str | None, int | None, str | None], list[Issue]] = {}
    for issue in issues:
        if issue.code != _PER_FIELD:
            order.append(issue)
            continue
        key = (issue.location.file, issue.location.form_index, issue.form)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(issue)
    return [
        _grouped_row(groups[entry], lang)
        if isinstance(entry, tuple)
        else (entry.severity, entry.code, entry.form or "", entry.location.describe(), entry.message(lang))
        for entry in order
    ]


def print_issues(console: Console, issues: Sequence[Issue], lang: str) -> None:
    if not issues:
        console.print(label("no_issues", lang))
        return
    table = Table(show_lines=False)
    for key in ("severity", "code", "form", "where", "message"):
        table.add_column(label(key, lang), overflow="fold")
    for severity, code, form, where, message in _rows(issues, lang):
        style = _STYLE[severity]
        table.add_row(f"[{style}]{severity.value}[/{style}]", code, form, where, message)
    console.print(table)
    counts = Counter(i.severity for i in issues)
    console.print(
        label("summary", lang).format(
            e=counts[Severity.ERROR], w=counts[Severity.WARNING], i=counts[Severity.INFO]
        )
    )


def print_score(console: Console, form: Form, result: Any, lang: str) -> None:
    """One table per form: claimed vs computed for execution, each indicator and the total."""
    title = f"{form.label} ({form.year or '-'}) — {result.rules}"
    table = Table(title=title, title_justify="left")
    for key in ("indicator", "weight", "claimed", "computed", "status", "explanation"):
        table.add_column(label(key, lang), overflow="fold")
    ex = result.execution
    ex_text = ex.explanation_en if lang == "en" else ex.explanation_zh
    table.add_row(label("execution", lang), fmt(form.execution.weight), fmt(form.execution.score), fmt(ex.score), "", ex_text)
    for ind_score in result.indicators:
        ind = form.indicators[ind_score.index]
        differs = ind_score.score is not None and ind.score is not None and ind_score.score != ind.score
        computed = fmt(ind_score.score)
        text = ind_score.explanation_en if lang == "en" else ind_score.explanation_zh
        table.add_row(
            ind.name or "",
            fmt(ind.weight),
            fmt(ind.score),
            f"[red]{computed}[/red]" if differs else computed,
            str(ind_score.status),
            text,
        )
    table.add_row(f"[b]{label('total', lang)}[/b]", "100", fmt(form.total_score), f"[b]{fmt(result.total)}[/b]", "", f"{label('grade', lang)}: {result.grade or '-'}")
    console.print(table)
