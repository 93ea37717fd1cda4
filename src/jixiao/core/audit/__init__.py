"""Audit checks: each a plain function ``(form, ctx) -> Iterable[Issue]`` with stable codes.

:func:`check` runs the ordered registry (:mod:`.registry`) on one form. Checks are
selected by code or by prefix (``"arith"`` selects every ``arith-…`` code). A check
that fails with an exception is a bug in the check, not in the form: it becomes one
``check-crashed`` issue and the other checks still run. The rule-based score is
computed at most once, and only if a selected check needs it.

The catalogue of every code, with a minimal example each, is ``docs/ISSUES.md``
(rendered by :mod:`.catalogue`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from jixiao.core.issues import Issue, Severity, declare, make_issue
from jixiao.core.model import Form
from jixiao.core.scoring import RULE_SETS, get_rule_set

from . import arithmetic, funds, header, indicators, reasons, scores, structure
from .context import AUDIT_CONFIGS, AuditConfig, AuditContext, ScoringFailed
from .registry import (
    DEFAULT_CHECKS,
    RULE_SET_CHECKS,
    Check,
    all_check_codes,
    audit_check,
    checks_for,
)

# Checks run (and the catalogue lists them) top-down through the form: header, structure,
# money, printed arithmetic, scores by the rules, reasons, then indicator quality.
_MODULE_ORDER = [
    m.__name__ for m in (header, structure, funds, arithmetic, scores, reasons, indicators)
]
DEFAULT_CHECKS.sort(key=lambda c: _MODULE_ORDER.index(c.func.__module__))

declare(
    "check-crashed",
    Severity.ERROR,
    title=("检查未能完成", "A check could not run"),
    message=(
        "检查 {check} 运行出错（{error}），其结果缺失",
        "Check {check} failed ({error}); its findings are missing",
    ),
    remedy=(
        "该表的审核不完整：请把这张表和此消息报告给维护者。",
        "The audit of this form is incomplete: report the form and this message to the maintainers.",
    ),
    tags=("audit", "internal"),
)
declare(
    "rules-unknown",
    Severity.ERROR,
    title=("未知的评分规则", "Unknown rule set"),
    message=(
        "没有名为 {rules} 的评分规则（可用：{known}）",
        "There is no rule set named {rules} (known: {known})",
    ),
    remedy=("选择一个已有的评分规则名称。", "Pick one of the known rule sets."),
    tags=("audit", "input"),
)

__all__ = [
    "AUDIT_CONFIGS",
    "DEFAULT_CHECKS",
    "RULE_SET_CHECKS",
    "AuditConfig",
    "AuditContext",
    "Check",
    "all_check_codes",
    "audit_check",
    "check",
    "checks_for",
    "matches",
    "render_catalogue",
]


def render_catalogue() -> str:
    """``docs/ISSUES.md`` as Markdown, from the registry (see :mod:`.catalogue`)."""
    from .catalogue import render

    return render()


def matches(code: str, patterns: Iterable[str]) -> bool:
    """True if ``code`` is one of ``patterns`` or starts with one of them plus ``-``."""
    for p in patterns:
        p = p.strip().rstrip("-*")
        if p and (code == p or code.startswith(p + "-")):
            return True
    return False


def _resolve_rules(rules: Any) -> tuple[Any, str, Issue | None]:
    if not isinstance(rules, str):
        return rules, getattr(rules, "name", None) or "custom", None
    try:
        return get_rule_set(rules), rules, None
    except KeyError:
        known = ", ".join(sorted(RULE_SETS))
        return None, rules, make_issue("rules-unknown", rules=rules, known=known)


def check(
    form: Form,
    rules: Any = "shanghai-2022",
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    score: Any = None,
    config: AuditConfig | None = None,
    form_index: int | None = None,
) -> list[Issue]:
    """Audit one form; never raises on bad data.

    Issues come in the order of the printed form (header, funds, execution, each
    indicator, total), and in registry order at one place.

    ``rules`` is a rule-set name or object; its audit options (e.g. ``rate_tolerance``)
    feed :class:`AuditConfig` unless ``config`` is given. ``score`` is a precomputed
    ``FormScore`` (computed on demand otherwise). ``select``/``ignore`` take codes or
    prefixes.
    """
    selected = list(select) if select is not None else None
    ignored = list(ignore or ())
    filtering = selected is not None or bool(ignored)
    decided: dict[str, bool] = {}

    def wanted(code: str) -> bool:
        if not filtering:
            return True
        hit = decided.get(code)
        if hit is None:
            hit = (selected is None or matches(code, selected)) and not matches(code, ignored)
            decided[code] = hit
        return hit

    rule_set, name, problem = _resolve_rules(rules)
    if problem is not None:
        return [problem] if wanted(problem.code) else []
    ctx = AuditContext(
        form, rule_set, rules_name=name, config=config, score=score, form_index=form_index
    )
    found: list[Issue] = []
    scoring_reported = False
    for chk in checks_for(name):
        if filtering and not any(wanted(code) for code in chk.codes):
            continue
        try:
            if filtering:
                found.extend(issue for issue in chk.func(form, ctx) if wanted(issue.code))
            else:
                found.extend(chk.func(form, ctx))
        except Exception as exc:  # a bug in one check must not hide the others' findings
            if isinstance(exc, ScoringFailed):
                if scoring_reported:
                    continue
                scoring_reported, where, error = True, "score_form", str(exc)
            else:
                where, error = chk.name, f"{type(exc).__name__}: {exc}"
            if wanted("check-crashed"):
                found.append(
                    make_issue(
                        "check-crashed",
                        ctx.location(""),
                        form=form.project_name,
                        check=where,
                        error=error,
                    )
                )
    found.sort(key=_position)
    return found


_SECTIONS = {"funds": 1, "execution": 2, "goals": 3, "indicators": 4, "total_score": 6}
_INDICATOR = re.compile(r"indicators\[(\d+)\]")


def _position(issue: Issue) -> tuple[int, int]:
    """Top-to-bottom place on the printed form: header, funds, execution, indicators, total."""
    path = issue.location.field or ""
    m = _INDICATOR.match(path)
    if m:
        return (5, int(m.group(1)))
    head = path.split(".", 1)[0]
    return (_SECTIONS.get(head, 0 if head else 7), 0)
