"""Personas and forms for the web tests.

Department A has unit A1 under it; department B has unit B1. The forms belong to A1,
so "own unit" is A1 and "other unit" is B1 (or department B for the reviewer).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from jixiao.web.accounts.models import Profile, Role, Token, Unit
from jixiao.web.demo import sample_forms
from jixiao.web.records.models import FormRecord

PASSWORD = "test-pass-123"

PERSONAS = ("anonymous", "filler_own", "filler_other", "reviewer_own", "reviewer_other", "finance")
STATES = ("draft", "submitted", "returned", "resubmitted", "approved", "published")


@pytest.fixture
def units(db) -> dict[str, Unit]:
    a = Unit.objects.create(name="部门甲")
    b = Unit.objects.create(name="部门乙")
    return {"A": a, "B": b, "A1": Unit.objects.create(name="单位甲一", parent=a),
            "B1": Unit.objects.create(name="单位乙一", parent=b)}


def make_user(username: str, role: str | None, unit: Unit | None):  # -> User
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if role:
        Profile.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def users(units) -> dict[str, Any]:
    return {
        "anonymous": None,
        "filler_own": make_user("filler_own", Role.FILLER, units["A1"]),
        "filler_other": make_user("filler_other", Role.FILLER, units["B1"]),
        "reviewer_own": make_user("reviewer_own", Role.REVIEWER, units["A"]),
        "reviewer_other": make_user("reviewer_other", Role.REVIEWER, units["B"]),
        "finance": make_user("finance", Role.FINANCE, None),
    }


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def api_client_for(user: Any) -> Client:
    """A client that authenticates API calls with a bearer token (none for anonymous)."""
    if user is None:
        return Client()
    token = Token.objects.create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token.key}")


def sample(index: int = 0) -> dict[str, Any]:
    return sample_forms()[index]


def make_form(unit: Unit, state: str = "draft", index: int = 0, **changes: Any) -> FormRecord:
    data = sample(index)
    data.update(changes)
    record = FormRecord(data=data, unit=unit, state=state)
    record.sync_keys()
    record.save()
    return record


@pytest.fixture
def forms_by_state(units) -> dict[str, FormRecord]:
    return {state: make_form(units["A1"], state) for state in STATES}


def decimal(value: Any) -> Decimal:
    return Decimal(str(value))
