"""Render ``docs/ISSUES.md``, the catalogue of every issue code, from the registry.

The audit codes come with the minimal example of :mod:`.examples` (a change to a
small valid form); the test suite parses the committed document, runs every example
through :func:`~jixiao.core.audit.check` and asserts it yields exactly its code, and
asserts the document equals :func:`render` — so the catalogue is both complete and
true. Codes declared by readers, importers and exporters are listed too (they have
no ``check()`` example: they describe input files, not forms).

Regenerate with ``python -m jixiao.core.audit.catalogue --write docs/ISSUES.md``.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from jixiao.core.issues import REGISTRY, IssueType

from .examples import BASE_FORM, EXAMPLES
from .registry import DEFAULT_CHECKS, RULE_SET_CHECKS, all_check_codes

AUDIT_EXTRA = ("check-crashed", "rules-unknown")
"""Codes of :func:`~jixiao.core.audit.check` itself, beyond those of the checks."""

SKIP_PACKAGES = ("jixiao.web", "jixiao.__main__")
"""Not imported when collecting declarations (the web app needs Django settings)."""

_INTRO = """\
# Issue codes

<!-- Generated from the code by `python -m jixiao.core.audit.catalogue --write docs/ISSUES.md`.
     Do not edit by hand: tests/audit/test_catalogue.py checks that this file is up to date. -->

Every problem jixiao reports is an *issue* with a stable code, a severity, a location
(file, page/line or sheet!cell, and the form field such as `indicators[8].score`),
a message and a remedy, in Chinese and English.

- **error** — the form is wrong (arithmetic, inflated score, missing reason …);
  `jixiao check` exits with status 1.
- **warning** — a reviewer should look (weak indicator, rounding slip …).
- **info** — context for the reviewer (needs a judgement, low execution …).

Select or skip codes by name or by prefix: `jixiao check --select arith --ignore target-exceeded`.

To add a check: declare its code(s) with `jixiao.core.issues.declare`, write a function
`(form, ctx) -> Iterable[Issue]` decorated with `@audit_check(code, ...)` in a module of
`jixiao.core.audit` (or with `rules="name"` for one rule set only), add its smallest
triggering example to `jixiao/core/audit/examples.py`, and regenerate this file.
Thresholds live in `AuditConfig` (per rule set: `AUDIT_CONFIGS[name]`, or an attribute
of the rule set with the same name, such as `rate_tolerance`).
"""

_AUDIT_INTRO = """\
## Audit checks

Each example below is a change to this valid base form (it has no issue at all):
field path → new value, `"indicators[+]"` appends an indicator, and `"$also"` names
codes that necessarily come with the example's own. The test suite runs every
example and requires exactly the listed codes.
"""


def load_declarations(packages: Iterable[str] = ("jixiao",)) -> None:
    """Import every module of ``packages`` so that all ``declare`` calls have run.

    Used only to document the registry: modules are imported by name, so the core
    does not depend on them. A module that cannot be imported is skipped.
    """
    for name in packages:
        try:
            pkg = importlib.import_module(name)
        except Exception:
            continue
        for info in pkgutil.walk_packages(getattr(pkg, "__path__", []), name + "."):
            if info.name.startswith(SKIP_PACKAGES) or info.name.rsplit(".", 1)[-1].startswith(
                "test"
            ):
                continue
            try:
                importlib.import_module(info.name)
            except Exception:
                continue


def audit_codes() -> list[str]:
    """The audit codes in catalogue order: registry order of the checks, then check()'s own."""
    return [*all_check_codes(), *AUDIT_EXTRA]


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _form_json(obj: Mapping[str, Any]) -> str:
    """The base form, one line per field, per fund row and per indicator."""
    lines = ["{"]
    items = list(obj.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            rows = [f'  "{k}": {_json(v)}' for k, v in value.items()]
            lines += [f' "{key}": {{', ",\n".join(rows), f" }}{comma}"]
        elif isinstance(value, list) and value:
            lines += [f' "{key}": [', ",\n".join(f"  {_json(v)}" for v in value), f" ]{comma}"]
        else:
            lines.append(f' "{key}": {_json(value)}{comma}')
    lines.append("}")
    return "\n".join(lines)


def _check_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for chk in [*DEFAULT_CHECKS, *(c for cs in RULE_SET_CHECKS.values() for c in cs)]:
        for code in chk.codes:
            names.setdefault(code, f"{chk.func.__module__}.{chk.name}")
    return names


def _entry(t: IssueType, example: Mapping[str, Any] | None, check: str | None = None) -> list[str]:
    lines = [
        f"### `{t.code}`",
        "",
        f"**{t.severity.value}** · {t.title_zh} · {t.title_en}",
        "",
        f"- 消息：{t.message_zh}",
        f"- Message: {t.message_en}",
        f"- 处理：{t.remedy_zh}",
        f"- Remedy: {t.remedy_en}",
    ]
    if check:
        lines.append(f"- Check: `{check}`")
    lines.append("")
    if example is not None:
        lines += ["Example:", "", "```json", _json(example), "```", ""]
    return lines


def render(
    registry: Mapping[str, IssueType] | None = None, examples: Mapping[str, Any] | None = None
) -> str:
    """The whole catalogue as Markdown (audit codes with examples, then the others)."""
    registry = REGISTRY if registry is None else registry
    examples = EXAMPLES if examples is None else examples
    audit = [c for c in audit_codes() if c in registry]
    others = sorted(c for c in registry if c not in set(audit))
    out = [_INTRO, "| code | severity | 中文 | English |", "|---|---|---|---|"]
    for code in [*audit, *others]:
        t = registry[code]
        out.append(f"| [`{code}`](#{code}) | {t.severity.value} | {t.title_zh} | {t.title_en} |")
    out += ["", _AUDIT_INTRO, "```json", _form_json(BASE_FORM), "```", ""]
    names = _check_names()
    for code in audit:
        out += _entry(registry[code], examples.get(code), names.get(code))
    out += [
        "## Other issue codes",
        "",
        "Reported while reading, importing or exporting files and by batch analysis, not by",
        "`check()`; they point at the file (and cell or page) concerned.",
        "",
    ]
    for code in others:
        out += _entry(registry[code], None)
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    load_declarations()
    text = render()
    if len(args) == 2 and args[0] == "--write":
        with open(args[1], "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
