"""The ``jixiao import --report``: per file and form, how sure the reader was and where.

A reviewer checking imported documents wants to know which files gave nothing, which forms
hold fields read with low confidence (to look at first) and where each field was printed.
The JSON report keeps every field's confidence and source; the table shown on the terminal
summarises it per file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from jixiao.core.issues import Severity
from jixiao.importers.result import LOW_CONFIDENCE, ImportResult

_HEAD = {
    "zh": ("文件", "格式", "表数", "字段", "低置信度字段", "错误", "警告"),
    "en": ("File", "Format", "Forms", "Fields", "Low-confidence fields", "Errors", "Warnings"),
}


def report_entry(path: Path, result: ImportResult, lang: str) -> dict[str, Any]:
    """One file's report: format, per form every field's confidence and source, issues."""
    forms = []
    for form, confidences in zip(result.forms, result.confidences, strict=False):
        low = sorted(k for k, c in confidences.items() if c < LOW_CONFIDENCE)
        forms.append(
            {
                "project_name": form.project_name,
                "low_confidence": low,
                "confidence": {k: confidences[k] for k in sorted(confidences)},
                "sources": {k: s.describe() for k, s in sorted(form.provenance.fields.items())},
            }
        )
    return {
        "file": str(path),
        "format": result.format,
        "forms": forms,
        "issues": [i.to_dict(lang) for i in result.issues],
    }


def default_report_path(output: Path | None) -> Path | None:
    """``OUT.json`` -> ``OUT.report.json`` beside it; nothing when the forms go to stdout."""
    if output is None:
        return None
    return output.with_name(f"{output.stem}.report.json")


def print_summary(console: Console, entries: Sequence[dict[str, Any]], lang: str) -> None:
    """One row per file: forms found, fields read, low-confidence fields, errors, warnings."""
    head = _HEAD["en" if lang == "en" else "zh"]
    table = Table(show_lines=False)
    for title in head:
        table.add_column(title, overflow="fold")
    for entry in entries:
        severities = Counter(i["severity"] for i in entry["issues"])
        fields = sum(len(f["confidence"]) for f in entry["forms"])
        low = sum(len(f["low_confidence"]) for f in entry["forms"])
        table.add_row(
            entry["file"],
            entry["format"] or "-",
            str(len(entry["forms"])),
            str(fields),
            f"[yellow]{low}[/]" if low else "0",
            f"[red]{severities[Severity.ERROR.value]}[/]" if severities[Severity.ERROR.value] else "0",
            str(severities[Severity.WARNING.value]),
        )
    console.print(table)
