"""Shared fixtures: the sample forms (shipped copy) and each PDF rendered once per session."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from jixiao.core.model import Form
from jixiao.formats.interchange import loads

SNAPSHOTS = Path(__file__).parent / "snapshots"


def sample_forms() -> list[Form]:
    data = resources.files("jixiao.data").joinpath("samples/shanghai-2022-part1.gold.json").read_bytes()
    forms, issues = loads(data, "shanghai-2022-part1.gold.json")
    assert not issues
    return forms


@pytest.fixture(scope="session")
def samples() -> list[Form]:
    return sample_forms()


@pytest.fixture(scope="session")
def sample_pdfs(samples: list[Form]) -> list[bytes]:
    """Each sample form printed alone, once per session (WeasyPrint is slow-ish)."""
    from jixiao.exporters import export_forms

    return [export_forms([f], "pdf") for f in samples]


def check_snapshot(name: str, text: str) -> None:
    """Compare with ``snapshots/name``; ``UPDATE_SNAPSHOTS=1`` rewrites it."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            pytest.fail(f"snapshot {name} did not exist; written, check it in")
    assert text == path.read_text(encoding="utf-8"), f"output differs from snapshots/{name} (UPDATE_SNAPSHOTS=1 to accept)"
