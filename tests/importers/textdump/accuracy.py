"""Field-level accuracy of imported forms against hand-read gold forms."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.core.model import Form
from jixiao.formats.interchange import dumps_obj, to_obj

SAMPLES = Path(__file__).parents[3] / "src/jixiao/data/samples"
FIXTURES = Path(__file__).parent / "fixtures"


def gold() -> list[dict[str, Any]]:
    return json.loads((SAMPLES / "shanghai-2022-part1.gold.json").read_text(), parse_float=Decimal)


def flat(obj: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from flat(v, f"{path}.{k}" if path else k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from flat(v, f"{path}[{i}]")
    else:
        yield path, obj


def same(a: Any, b: Any) -> bool:
    if isinstance(a, (Decimal, int)) and isinstance(b, (Decimal, int)) and not isinstance(a, bool):
        return Decimal(a) == Decimal(b)
    return bool(a == b)


def compare(forms: list[Form], golds: list[dict[str, Any]]) -> tuple[int, int, list[str]]:
    """(fields right, fields total, list of differences) over every gold field."""
    ok = total = 0
    diffs: list[str] = []
    for i, g in enumerate(golds):
        got = json.loads(dumps_obj(to_obj(forms[i])), parse_float=Decimal) if i < len(forms) else {}
        mine = dict(flat(got))
        for key, want in flat(g):
            total += 1
            have = mine.get(key, "<missing>")
            if same(have, want):
                ok += 1
            else:
                diffs.append(f"form {i + 1} {key}: want {want!r}, got {have!r}")
    return ok, total, diffs
