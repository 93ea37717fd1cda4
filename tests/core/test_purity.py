"""The pure core imports nothing from I/O, CLI or web layers (beancount's rule)."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "core"
FORBIDDEN_PREFIXES = (
    "jixiao.cli", "jixiao.web", "jixiao.importers", "jixiao.exporters", "jixiao.formats",
    "jixiao.analytics", "django", "typer", "rich", "openpyxl", "xlrd", "pdfplumber", "pdfminer",
    "docx", "weasyprint", "duckdb", "pyarrow", "requests", "sqlite3", "socket", "subprocess",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_import_no_adapters() -> None:
    offenders = {
        f"{path.relative_to(CORE)}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if name.startswith(FORBIDDEN_PREFIXES)
    }
    assert not offenders, sorted(offenders)


def test_core_has_modules() -> None:
    assert len(list(CORE.rglob("*.py"))) >= 3
