from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.formats.interchange import load_path

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "data" / "samples"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "samples"


def sample(name: str) -> Path:
    """A sample document: the project's shipped copy, else the shared original."""
    for base in (SAMPLES, SHARED):
        p = base / name
        if p.exists():
            return p
    pytest.skip(f"sample {name} not available")


@pytest.fixture(scope="session")
def gold():
    forms, issues = load_path(sample("shanghai-2022-part1.gold.json"))
    assert not issues
    return forms


def central_xls() -> list[Path]:
    out = sorted((SHARED / "central-template-xls").glob("*.xls"))
    return out or sorted((SAMPLES / "central").glob("*.xls"))
