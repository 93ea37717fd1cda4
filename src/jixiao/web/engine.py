"""The web layer's single doorway to the pure core: parse, explain, score, check.

Everything here takes and returns JSON-shaped data (Decimals kept), so views, the API and the
editor's live preview share one code path.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from jixiao.core import grammar
from jixiao.core.audit import check as audit_check
from jixiao.core.issues import Issue, Severity
from jixiao.core.model import Form
from jixiao.core.scoring import RULE_SETS, FormScore, score_form
from jixiao.formats import interchange
from jixiao.web.jsonio import jsonable


def to_form(obj: dict[str, Any]) -> tuple[Form | None, list[Issue]]:
    forms, issues = interchange.from_obj(jsonable(obj))
    return (forms[0] if forms else None), issues


def explain_target(text: str | None, lang: str = "zh") -> str:
    if not text:
        return ""
    return str(grammar.explain(grammar.parse(text), lang))


def rule_set_names() -> list[str]:
    return sorted(RULE_SETS)


def rules_name(year: int | None = None) -> str:
    """The rule set for a year: the admin's per-year setting, its default, or settings."""
    from django.core.cache import cache

    table = cache.get("jixiao-rule-settings")
    if table is None:
        from jixiao.web.records.models import RuleSetting

        table = dict(RuleSetting.objects.values_list("year", "rules"))
        cache.set("jixiao-rule-settings", table, 60)
    return table.get(year) or table.get(None) or getattr(settings, "JIXIAO_RULES", "shanghai-2022")


def score(form: Form, lang: str = "zh") -> tuple[FormScore, dict[str, Any]]:
    result = score_form(form, rules_name(form.year))
    return result, result.to_dict(lang)


def check(form: Form, form_score: FormScore | None = None) -> list[Issue]:
    return list(audit_check(form, rules_name(form.year), score=form_score))


def issue_key(issue: Issue) -> str:
    """A stable key for acknowledging one warning: code@field."""
    return f"{issue.code}@{issue.location.field or ''}"


def needs_reason(issue: Issue) -> bool:
    """Issues that ask for a written deviation reason block submission like errors do."""
    tags = set(getattr(issue.type, "tags", ()))
    return "deviation-reason" in tags or ("deviation" in issue.code and "missing" in issue.code)


def analyse(obj: dict[str, Any], lang: str = "zh", acks: dict[str, str] | None = None) -> dict[str, Any]:
    """Score, issues and target readings of one interchange object, for pages and API."""
    acks = acks or {}
    form, input_issues = to_form(obj)
    result: dict[str, Any] = {"score": None, "issues": [], "targets": []}
    if form is None:
        issues = input_issues
    else:
        raw_score, result["score"] = score(form, lang)
        issues = input_issues + check(form, raw_score)
        result["targets"] = [explain_target(i.target, lang) for i in form.indicators]
    rows = []
    for issue in issues:
        row = issue.to_dict(lang)
        key = issue_key(issue)
        row["key"] = key
        row["blocking"] = issue.severity is Severity.ERROR or needs_reason(issue)
        row["ack"] = acks.get(key, "")
        rows.append(row)
    result["issues"] = rows
    result["blocking"] = sum(1 for r in rows if r["blocking"])
    result["errors"] = sum(1 for r in rows if r["severity"] == "error")
    result["warnings"] = sum(1 for r in rows if r["severity"] == "warning")
    return result


def submission_problems(obj: dict[str, Any], lang: str = "zh") -> list[dict[str, Any]]:
    """What stops a form from being submitted: errors and missing deviation reasons."""
    return [r for r in analyse(obj, lang)["issues"] if r["blocking"]]
