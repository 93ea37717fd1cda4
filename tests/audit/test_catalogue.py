"""docs/ISSUES.md is complete, up to date, and every example in it is a passing test."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.core.audit import check
from jixiao.core.audit.catalogue import audit_codes, render
from jixiao.core.issues import REGISTRY
from jixiao.formats.interchange import loads

DOC = Path(__file__).resolve().parents[2] / "docs" / "ISSUES.md"
NO_EXAMPLE = {"check-crashed"}  # reports a defect of a check, which no form can trigger
_SECTION = re.compile(r"^### `([a-z0-9-]+)`$", re.M)
_JSON = re.compile(r"```json\n(.*?)\n```", re.S)


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _parse(text: str) -> tuple[dict, dict[str, dict | None]]:
    """The base form and, per audit code section, its example (None if it has none)."""
    audit_part, _, _ = text.partition("\n## Other issue codes")
    head, *_ = _SECTION.split(audit_part, maxsplit=1)
    base = json.loads(_JSON.findall(head)[-1])
    examples: dict[str, dict | None] = {}
    parts = _SECTION.split(audit_part)[1:]
    for code, body in zip(parts[::2], parts[1::2], strict=True):
        blocks = _JSON.findall(body)
        examples[code] = json.loads(blocks[0]) if blocks else None
    return base, examples


def _apply(base: dict, change: dict) -> dict:
    from jixiao.core.audit.examples import apply_change

    return apply_change(base, change)


def _form(obj: dict):
    forms, issues = loads(json.dumps(obj, ensure_ascii=False))
    assert not issues
    return forms[0]


@pytest.fixture(scope="module")
def fresh_render() -> tuple[str, set[str]]:
    """The catalogue and the registry's codes as a fresh interpreter sees them.

    A subprocess keeps codes declared by other tests of this session out.
    """
    script = (
        "import json, sys\n"
        "from jixiao.core.audit.catalogue import load_declarations, render\n"
        "from jixiao.core.issues import REGISTRY\n"
        "load_declarations()\n"
        "sys.stdout.write(json.dumps({'doc': render(), 'codes': sorted(REGISTRY)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, encoding="utf-8"
    )
    data = json.loads(out.stdout)
    return data["doc"], set(data["codes"])


def test_every_registered_code_is_documented(fresh_render):
    _, codes = fresh_render
    documented = set(_SECTION.findall(_doc()))
    assert codes - documented == set()
    assert set(audit_codes()) <= codes


def test_committed_doc_is_up_to_date(fresh_render):
    doc, _ = fresh_render
    assert _doc() == doc, "regenerate: python -m jixiao.core.audit.catalogue --write docs/ISSUES.md"


def test_render_lists_audit_codes_in_registry_order():
    from jixiao.core.audit import render_catalogue

    text = render_catalogue()
    assert text == render()
    positions = [text.index(f"### `{code}`") for code in audit_codes()]
    assert positions == sorted(positions)
    assert all(f"### `{code}`" in text for code in REGISTRY)


def test_every_audit_code_has_an_example():
    _, examples = _parse(_doc())
    assert list(examples) == audit_codes()
    assert {c for c, ex in examples.items() if ex is None} == NO_EXAMPLE


def test_documented_base_form_has_no_issue():
    base, _ = _parse(_doc())
    assert check(_form(base)) == []


@pytest.mark.parametrize("code", [c for c in audit_codes() if c not in NO_EXAMPLE])
def test_documented_example_produces_exactly_its_code(code):
    base, examples = _parse(_doc())
    change = examples[code]
    issues = check(_form(_apply(base, change)), change.get("$rules", "shanghai-2022"))
    assert {i.code for i in issues} == {code, *change.get("$also", [])}


def test_apply_change_paths():
    from jixiao.core.audit.examples import BASE_FORM, apply_change

    extra = {"level1": "产出指标", "level2": "成本指标", "name": "人均成本"}
    changed = apply_change(
        BASE_FORM, {"indicators[+]": extra, "funds.total.executed": 1, "$also": ["x"]}
    )
    assert changed["indicators"][-1] == extra and len(changed["indicators"]) == 6
    assert changed["funds"]["total"]["executed"] == 1 and "$also" not in changed
    assert BASE_FORM["funds"]["total"]["executed"] == 950000  # the base is not touched
