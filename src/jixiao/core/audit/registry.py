"""The ordered registry of checks.

Checks run in registration order (structure first, then money, arithmetic, scores,
reasons, indicator quality), so a report reads from the top of the form down.
:data:`DEFAULT_CHECKS` applies to every rule set; a provincial rule set adds its own
checks with ``@audit_check(..., rules="name")`` and they run after the defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jixiao.core.issues import REGISTRY, Issue
from jixiao.core.model import Form

from .context import AuditContext

CheckFunc = Callable[[Form, AuditContext], Iterable[Issue]]


@dataclass(frozen=True, slots=True)
class Check:
    """One check: its function and every issue code it may emit."""

    name: str
    func: CheckFunc
    codes: tuple[str, ...]

    def __call__(self, form: Form, ctx: AuditContext) -> Iterable[Issue]:
        return self.func(form, ctx)


DEFAULT_CHECKS: list[Check] = []
RULE_SET_CHECKS: dict[str, list[Check]] = {}


def audit_check(*codes: str, rules: str | None = None) -> Callable[[CheckFunc], CheckFunc]:
    """Register the decorated function as a check emitting ``codes`` (declared first)."""
    for code in codes:
        if code not in REGISTRY:
            raise KeyError(f"declare issue code {code!r} before registering a check for it")

    def decorate(func: CheckFunc) -> CheckFunc:
        check = Check(func.__name__, func, codes)
        target = DEFAULT_CHECKS if rules is None else RULE_SET_CHECKS.setdefault(rules, [])
        if any(c.name == check.name for c in target):
            raise ValueError(f"check {check.name!r} registered twice")
        target.append(check)
        return func

    return decorate


def checks_for(rules_name: str | None) -> list[Check]:
    """The checks that run for a rule set: the defaults, then the rule set's own."""
    return [*DEFAULT_CHECKS, *RULE_SET_CHECKS.get(rules_name or "", ())]


def all_check_codes() -> list[str]:
    """Every code some registered check may emit, in registry order, without repeats."""
    seen: dict[str, None] = {}
    for check in [*DEFAULT_CHECKS, *(c for cs in RULE_SET_CHECKS.values() for c in cs)]:
        for code in check.codes:
            seen.setdefault(code, None)
    return list(seen)
