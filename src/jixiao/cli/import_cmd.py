"""``jixiao import``: published documents into the interchange JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from jixiao.cli.inputs import expand
from jixiao.cli.options import FilesArg, Lang, LangOpt
from jixiao.cli.progress import map_files
from jixiao.cli.render import print_issues
from jixiao.formats.interchange import dumps, dumps_obj


def _import_one(path: Path) -> Any:
    from jixiao.importers import import_path

    return import_path(path)


def _report_entry(path: Path, result: Any, lang: str) -> dict[str, Any]:
    forms = []
    for form, confidences in zip(result.forms, result.confidences, strict=False):
        forms.append(
            {
                "project_name": form.project_name,
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


def import_command(
    files: FilesArg,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the forms here (default: standard output).")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write confidences, sources and issues per file (JSON).")] = None,
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
        entries.append(_report_entry(path, result, lang.value))
    text = dumps(forms) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if report:
        report.write_text(dumps_obj(entries) + "\n", encoding="utf-8")
    if issues:
        print_issues(err, issues, lang.value)
    err.print(f"{len(forms)} form(s) from {len(paths)} file(s)" + (f"; {unreadable} file(s) gave none" if unreadable else ""))
    if unreadable or not paths:
        raise typer.Exit(1)
