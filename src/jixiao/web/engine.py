"""The web layer's single doorway to the pure core: parse, explain, score, check.

Everything here takes and returns JSON-shaped data (Decimals kept), so views, the API and the
editor's live preview share one code path. The scoring and audit modules are looked up
when first needed; if one is not installed the result says so instead of failing.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from django.conf import settings

from jixiao.core.issues import Issue, Severity
from jixiao.core.model import Form
from jixiao.formats import interchange
from jixiao.web.jsonio import jsonable

log = logging.getLogger(__name__)


def _module(name: str, *needed: str) -> Any | None:
    """The module if it is installed and has the functions we call, else None."""
    try:
        module = importlib.import_module(name)
    except Exception:  # not installed, or broken: report it as unavailable, do not fail the page
        log.warning("%s is not available", name, exc_info=True)
        return None
    return module if all(hasattr(module, attr) for attr in needed) else None


def to_form(obj: dict[str, Any]) -> tuple[Form | None, list[Issue]]:
    forms, issues = interchange.from_obj(jsonable(obj))
    return (forms[0] if forms else None), issues


def explain_target(text: str | None, lang: str = "zh") -> str:
    grammar = _module("jixiao.core.grammar", "parse", "explain")
    if grammar is None or not text:
        return ""
    try:
        return str(grammar.explain(grammar.parse(text), lang))
    except Exception as exc:  # the grammar promises not to raise; show it rather than 500
        return f"⚠ {type(exc).__name__}"


def rule_set_names() -> list[str]:
    scoring = _module("jixiao.core.scoring", "RULE_SETS")
    return sorted(scoring.RULE_SETS) if scoring else []


def rules_name(year: int | None = None) -> str:
    """The rule set for a year: the admin's per-year setting, its default, or settings."""
    from django.core.cache import cache

    table = cache.get("jixiao-rule-settings")
    if table is None:
        from jixiao.web.records.models import RuleSetting

        table = dict(RuleSetting.objects.values_list("year", "rules"))
        cache.set("jixiao-rule-settings", table, 60)
    return table.get(year) or table.get(None) or getattr(settings, "JIXIAO_RULES", "shanghai-2022")


def score(form: Form, lang: str = "zh") -> tuple[Any, dict[str, Any] | None]:
    scoring = _module("jixiao.core.scoring", "score_form")
    if scoring is None:
        return None, None
    result = scoring.score_form(form, rules_name(form.year))
    return result, result.to_dict(lang)


def check(form: Form, form_score: Any = None) -> list[Issue] | None:
    audit = _module("jixiao.core.audit", "check")
    if audit is None:
        return None
    return list(audit.check(form, rules_name(form.year), score=form_score))


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
    missing: list[str] = []
    result: dict[str, Any] = {"score": None, "issues": [], "targets": [], "missing": missing}
    if form is None:
        issues = input_issues
    else:
        raw_score, result["score"] = score(form, lang)
        if raw_score is None:
            missing.append("jixiao.core.scoring")
        audit_issues = check(form, raw_score) if raw_score is not None else None
        if audit_issues is None:
            missing.append("jixiao.core.audit")
        issues = input_issues + (audit_issues or [])
        result["targets"] = [explain_target(i.target, lang) for i in form.indicators]
        if _module("jixiao.core.grammar", "parse", "explain") is None:
            missing.append("jixiao.core.grammar")
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
    """What stops a form from being submitted: blocking issues, or an unavailable checker."""
    result = analyse(obj, lang)
    problems = [r for r in result["issues"] if r["blocking"]]
    if "jixiao.core.audit" in result["missing"] or "jixiao.core.scoring" in result["missing"]:
        problems.append({"code": "checker-unavailable", "severity": "error", "blocking": True,
                         "message": "审核规则模块不可用，暂不能提交" if lang != "en"
                         else "The audit rules are not installed; submission is not possible yet",
                         "location": {}, "remedy": ""})
    return problems
