"""Helpers: build forms as small changes to the catalogue's valid base form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jixiao.core.audit.examples import BASE_FORM, apply_change
from jixiao.core.model import Form
from jixiao.formats.interchange import load_path, loads

GOLD = Path(__file__).resolve().parents[2] / "src/jixiao/data/samples/shanghai-2022-part1.gold.json"


def make_form(change: dict[str, Any] | None = None, **kw: Any) -> Form:
    """The base form with ``change`` (field path -> JSON value) applied, read as interchange JSON."""
    obj = apply_change(BASE_FORM, {**(change or {}), **kw})
    forms, issues = loads(json.dumps(obj, ensure_ascii=False), file="example.json")
    assert not issues, issues
    return forms[0]


@pytest.fixture(scope="session")
def gold_forms() -> list[Form]:
    forms, issues = load_path(GOLD)
    assert not issues and len(forms) == 4
    return forms
