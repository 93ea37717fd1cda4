"""Demo data for ``jixiao serve --demo``: units, one user per role, forms over three years.

The forms are the hand-checked sample forms shipped in ``jixiao/data/samples`` for the
latest year, and copies of them for the two years before with the amounts scaled by a
fixed factor (so the execution rates stay as printed), plus a few generated forms for
a second department. Everything is marked ``is_demo``. Loading is idempotent: a second
start finds the demo units and forms and adds nothing.
"""

from __future__ import annotations

import copy
import json
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from jixiao.formats import interchange
from jixiao.web.accounts.models import Profile, Role, Unit
from jixiao.web.records.models import FormRecord
from jixiao.web.workflow import rules
from jixiao.web.workflow.models import Transition

PASSWORD = "jixiao-demo"
SAMPLE = "shanghai-2022-part1.gold.json"
DEPT_A = "中共上海市委组织部"
UNITS_A = ["上海市公务员局（演示）", "上海干部学院（演示）"]
DEPT_B = "示范区教育局（演示）"
UNITS_B = ["示范区第一中学（演示）"]
YEAR_FACTORS = {-2: Decimal("0.85"), -1: Decimal("0.92")}

USERS = [
    # username, role, unit
    ("filler", Role.FILLER, DEPT_A),
    ("filler2", Role.FILLER, UNITS_A[0]),
    ("filler3", Role.FILLER, UNITS_B[0]),
    ("reviewer", Role.REVIEWER, DEPT_A),
    ("reviewer2", Role.REVIEWER, DEPT_B),
    ("finance", Role.FINANCE, None),
]


def sample_forms() -> list[dict[str, Any]]:
    text = resources.files("jixiao.data").joinpath("samples", SAMPLE).read_bytes()
    forms, _issues = interchange.loads(text, SAMPLE)
    return [json.loads(interchange.dumps(f, indent=None), parse_float=Decimal) for f in forms]


def _scale(value: Any, factor: Decimal) -> Any:
    if not isinstance(value, Decimal | int) or isinstance(value, bool):
        return value
    scaled = (Decimal(value) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return scaled.to_integral_value() if scaled == scaled.to_integral_value() else scaled


def vary(data: dict[str, Any], year_offset: int) -> dict[str, Any]:
    """The same form ``year_offset`` years earlier, amounts scaled by a fixed factor."""
    factor = YEAR_FACTORS[year_offset]
    out = copy.deepcopy(data)
    out["year"] = data["year"] + year_offset
    for row in out["funds"].values():
        for col in list(row):
            row[col] = _scale(row[col], factor)
    return out


def _units() -> dict[str, Unit]:
    a, _ = Unit.objects.get_or_create(name=DEPT_A, defaults={"parent": None})
    b, _ = Unit.objects.get_or_create(name=DEPT_B, defaults={"parent": None})
    units = {DEPT_A: a, DEPT_B: b}
    for name in UNITS_A:
        units[name], _ = Unit.objects.get_or_create(name=name, defaults={"parent": a})
    for name in UNITS_B:
        units[name], _ = Unit.objects.get_or_create(name=name, defaults={"parent": b})
    return units


def _users(units: dict[str, Unit]) -> list[tuple[str, str, str]]:
    User = get_user_model()
    logins = []
    for username, role, unit_name in USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(PASSWORD)
            user.save()
        Profile.objects.update_or_create(user=user, defaults={"role": role, "unit": units.get(unit_name) if unit_name else None})
        logins.append((username, str(role.label), unit_name or "—"))
    admin, created = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
    if created:
        admin.set_password(PASSWORD)
        admin.save()
    logins.append(("admin", "Django admin", "—"))
    return logins


# (year offset, state) per form slot; the history is written as if the users had acted.
_STATE_PATH = {
    rules.DRAFT: [],
    rules.SUBMITTED: [("filler", rules.DRAFT, rules.SUBMITTED, "")],
    rules.RETURNED: [("filler", rules.DRAFT, rules.SUBMITTED, ""),
                     ("reviewer", rules.SUBMITTED, rules.RETURNED, "请补充偏差原因分析。")],
    rules.APPROVED: [("filler", rules.DRAFT, rules.SUBMITTED, ""),
                     ("reviewer", rules.SUBMITTED, rules.APPROVED, "")],
    rules.PUBLISHED: [("filler", rules.DRAFT, rules.SUBMITTED, ""),
                      ("reviewer", rules.SUBMITTED, rules.APPROVED, ""),
                      ("finance", rules.APPROVED, rules.PUBLISHED, "")],
}
_LATEST_STATES = [rules.DRAFT, rules.SUBMITTED, rules.APPROVED, rules.RETURNED]


def _add(data: dict[str, Any], unit: Unit, state: str, users: dict[str, Any]) -> FormRecord:
    data = dict(data, implementing_unit=unit.name, department=unit.department.name)
    record = FormRecord(data=data, unit=unit, state=state, is_demo=True, source_name="演示数据")
    record.sync_keys()
    record.save()
    Transition.objects.create(record=record, user=None, from_state="", to_state=rules.DRAFT, comment="演示数据")
    for who, src, dst, comment in _STATE_PATH[state]:
        Transition.objects.create(record=record, user=users.get(who), from_state=src, to_state=dst, comment=comment)
    return record


@transaction.atomic
def load() -> list[tuple[str, str, str]]:
    """Create the demo units, users and forms unless they exist; return the logins."""
    units = _units()
    logins = _users(units)
    if FormRecord.objects.filter(is_demo=True).exists():
        return logins
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[u[0] for u in USERS])}
    owners = [units[DEPT_A], units[UNITS_A[0]], units[UNITS_A[1]], units[DEPT_A]]
    for i, data in enumerate(sample_forms()):
        unit = owners[i % len(owners)]
        for offset in sorted(YEAR_FACTORS):
            _add(vary(data, offset), unit, rules.PUBLISHED, users)
        _add(data, unit, _LATEST_STATES[i % len(_LATEST_STATES)], users)
    _add_generated(units, users)
    return logins


def _add_generated(units: dict[str, Unit], users: dict[str, Any]) -> None:
    """A few generated forms for the second department, if the generator is installed."""
    try:
        from jixiao.synth import generate_forms
    except ImportError:
        return
    targets = [units[DEPT_B], units[UNITS_B[0]]]
    for i, form in enumerate(generate_forms(6, seed=2022)):
        data = json.loads(interchange.dumps(form, indent=None), parse_float=Decimal)
        data["year"] = 2020 + i % 3
        _add(data, targets[i % 2], rules.PUBLISHED if data["year"] < 2022 else rules.SUBMITTED, users)
