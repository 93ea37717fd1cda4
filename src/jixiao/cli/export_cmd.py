"""``jixiao export`` and ``jixiao report``: forms in the official layout, and the audit report."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from jixiao.cli.inputs import load_all
from jixiao.cli.options import FilesArg, Lang, LangOpt, RulesOpt
from jixiao.cli.render import print_issues
from jixiao.core.issues import Issue
from jixiao.core.model import Form


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    pdf = "pdf"
    html = "html"
    csv = "csv"
    parquet = "parquet"


class ReportFormat(StrEnum):
    xlsx = "xlsx"
    pdf = "pdf"
    html = "html"


OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Output file (default: next to the first input).")]


def _forms(files: list[str], lang: str) -> tuple[list[Form], list[Issue]]:
    forms: list[Form] = []
    issues: list[Issue] = []
    for loaded in load_all(files):
        forms.extend(loaded.forms)
        issues.extend(loaded.issues)
    if issues:
        print_issues(Console(stderr=True), issues, lang)
    if not forms:
        Console(stderr=True).print("[red]No form could be read from the input.[/red]")
        raise typer.Exit(1)
    return forms, issues


def _default_out(files: list[str], suffix: str, stem_suffix: str = "") -> Path:
    first = Path(files[0])
    return first.with_name(first.stem.removesuffix(".gold") + stem_suffix + "." + suffix)


def _render(make: Callable[[], bytes], lang: str) -> bytes:
    """Run an exporter; an environment that cannot produce the output is reported, not raised."""
    from jixiao.exporters import ExportError

    try:
        return make()
    except ExportError as exc:
        err = Console(stderr=True)
        print_issues(err, exc.issues, lang)
        for issue in exc.issues:
            err.print(issue.remedy(lang))
        raise typer.Exit(1) from None


def _write(data: bytes, out: Path) -> None:
    if str(out) == "-":
        sys.stdout.buffer.write(data)
    else:
        out.write_bytes(data)
        Console(stderr=True).print(f"wrote {out} ({len(data):,} bytes)")


def export_command(
    files: FilesArg,
    to: Annotated[ExportFormat, typer.Option("--to", help="xlsx, pdf or html in the official layout; csv or parquet in long form.")],
    output: OutOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """Write forms in the official layout (xlsx, PDF, HTML) or as long-form data (csv, parquet)."""
    forms, _ = _forms(files, lang.value)
    if to in (ExportFormat.csv, ExportFormat.parquet):
        from jixiao.analytics import export_long

        out = output or _default_out(files, to.value)
        written = export_long(forms, fmt=to.value, out=out)
        Console(stderr=True).print(f"wrote {', '.join(str(p) for p in written) if isinstance(written, (list, tuple)) else out}")
        return
    from jixiao.exporters import export_forms

    data = _render(lambda: export_forms(forms, to.value, lang=lang.value), lang.value)
    _write(data, output or _default_out(files, to.value))


def report_command(
    files: FilesArg,
    to: Annotated[ReportFormat, typer.Option("--to", help="xlsx, pdf or html.")] = ReportFormat.html,
    output: OutOpt = None,
    rules: RulesOpt = "shanghai-2022",
    lang: LangOpt = Lang.zh,
) -> None:
    """The audit report: claimed and computed scores side by side, every issue, a summary."""
    from jixiao.core.audit import check
    from jixiao.core.scoring import get_rule_set, score_form
    from jixiao.exporters import export_report

    forms, _ = _forms(files, lang.value)
    rule_set = get_rule_set(rules)
    scores = [score_form(f, rule_set) for f in forms]
    issues = [check(f, rule_set, score=s) for f, s in zip(forms, scores, strict=True)]
    data = _render(lambda: export_report(forms, scores, issues, to.value, lang=lang.value), lang.value)
    _write(data, output or _default_out(files, to.value, "-report"))
