"""``jixiao import``: published documents into the interchange JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from jixiao.cli.import_report import default_report_path, print_summary, report_entry
from jixiao.cli.inputs import expand
from jixiao.cli.options import FilesArg, Lang, LangOpt
from jixiao.cli.progress import map_files
from jixiao.cli.render import print_issues
from jixiao.formats.interchange import dumps, dumps_obj


def _import_one(path: Path) -> Any:
    from jixiao.importers import import_path

    return import_path(path)


def import_command(
    files: FilesArg,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the forms here (default: standard output).")] = None,
    report: Annotated[
        bool,
        typer.Option("--report", help="Show how sure the reader was per file, and write every field's confidence and source to OUT.report.json beside -o."),
    ] = False,
    report_file: Annotated[
        Path | None, typer.Option("--report-file", help="Write the JSON report here instead (implies --report).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Files read in parallel.")] = 1,
    lang: LangOpt = Lang.zh,
) -> None:
    """Read documents (format detected from content) into a list of interchange forms."""
    err = Console(stderr=True)
    paths = list(expand(files))
    forms: list[Any] = []
    entries: list[dict[str, Any]] = []
    issues: list[Any] = []
    unreadable = 0
    for path, result in map_files(_import_one, paths, jobs=jobs, label="import", console=err):
        forms.extend(result.forms)
        issues.extend(result.issues)
        unreadable += not result.forms
        entries.append(report_entry(path, result, lang.value))
    text = dumps(forms) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    report_path = report_file or (default_report_path(output) if report else None)
    if report_path:
        report_path.write_text(dumps_obj(entries) + "\n", encoding="utf-8")
    if report or report_file:
        print_summary(err, entries, lang.value)
        if report_path:
            err.print(f"report: {report_path}")
    if issues:
        print_issues(err, issues, lang.value)
    err.print(f"{len(forms)} form(s) from {len(paths)} file(s)" + (f"; {unreadable} file(s) gave none" if unreadable else ""))
    if unreadable or not paths:
        raise typer.Exit(1)
