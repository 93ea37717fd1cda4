"""``jixiao audit`` and ``jixiao indicators``: batches of documents, and the indicator library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from jixiao.cli.options import JsonOpt, Lang, LangOpt, RulesOpt
from jixiao.formats.interchange import dumps_obj


def audit_command(
    paths: Annotated[list[str], typer.Argument(help="Documents or directories (any supported format).")],
    report: Annotated[Path | None, typer.Option("--report", help="Write the report: .html, .xlsx or .pdf.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    rules: RulesOpt = "shanghai-2022",
    library: Annotated[Path | None, typer.Option("--library", help="Also write the indicator library (Parquet).")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """Import, score and check every document under the paths; rank forms and list cross-form findings."""
    from jixiao.analytics import Analysis, build_library, run_audit, write_report

    err = Console(stderr=True)
    with Progress(TextColumn("audit"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("audit", total=None)
        run = run_audit(paths, jobs=jobs, rules=rules, progress=lambda done, total: bar.update(task, completed=done, total=total))
    try:
        analysis = Analysis(run)
        try:
            _print_summary(Console(), analysis, run, lang.value)
            if report:
                written = write_report(analysis, report)
                err.print(f"wrote {written}")
        finally:
            analysis.close()
        if library:
            err.print(f"wrote {build_library(run, library)}")
    finally:
        run.cleanup()
    if run.forms == 0:
        raise typer.Exit(1)


def _print_summary(console: Console, analysis: object, run: object, lang: str) -> None:
    en = lang == "en"
    summary = analysis.summary()  # type: ignore[attr-defined]
    console.print(
        f"{summary['files']} files, {summary['forms']} forms, {summary['findings']} findings, {summary['failures']} files failed"
         if en else f"{summary['files']} 个文件，{summary['forms']} 张自评表，{summary['findings']} 项发现，{summary['failures']} 个文件失败"
    )
    table = Table(title="Forms to look at first" if en else "优先复核的自评表", title_justify="left")
    for col in (("项目", "Project"), ("单位", "Unit"), ("年度", "Year"), ("申报总分", "Claimed"), ("计算总分", "Computed"), ("发现", "Findings"), ("类别", "Kinds")):
        table.add_column(col[1] if en else col[0], overflow="fold")
    for row in analysis.ranked_forms(limit=15):  # type: ignore[attr-defined]
        table.add_row(
            str(row["project_name"] or ""), str(row["implementing_unit"] or ""), str(row["year"] or ""),
            _num(row["total_claimed"]), _num(row["total_computed"]),
            str(row["n_errors"] * 0 + row["n_findings"]), str(row["kinds"] or ""),
        )
    console.print(table)
    for failure in run.failures:  # type: ignore[attr-defined]
        console.print(f"[red]failed[/red] {failure.file}: {failure.reason}")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


indicators_app = typer.Typer(help="The indicator library: every distinct indicator across audited forms.", no_args_is_help=True)


@indicators_app.command("search")
def indicators_search(
    query: Annotated[str, typer.Argument(help="Part of an indicator name, e.g. 满意度.")],
    library: Annotated[Path | None, typer.Option("--library", help="A library file (default: the packaged one or $JIXIAO_INDICATOR_LIBRARY).")] = None,
    level2: Annotated[str | None, typer.Option("--level2", help="Only this 二级指标.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Search the indicator library by name."""
    from jixiao.analytics import default_library, search_indicators

    lib = library or default_library()
    if not Path(lib).exists():
        Console(stderr=True).print(f"[red]No indicator library at {lib}; build one with `jixiao indicators build`.[/red]")
        raise typer.Exit(1)
    rows = search_indicators(lib, query, level2=level2, limit=limit)
    if as_json:
        sys.stdout.write(dumps_obj(rows) + "\n")
        return
    if not rows:
        Console().print("没有匹配的指标 (no indicator matches).")
        return
    columns = [c for c in ("name", "level1", "level2", "unit", "forms", "typical_target", "typical_actual", "first_year", "last_year") if c in rows[0]]
    table = Table()
    for key in columns:
        table.add_column(key, overflow="fold")
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
    Console().print(table)


@indicators_app.command("build")
def indicators_build(
    paths: Annotated[list[str], typer.Argument(help="Documents or directories to learn indicators from.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Library file to write (Parquet).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1)] = 1,
) -> None:
    """Build an indicator library from documents."""
    from jixiao.analytics import build_library, run_audit

    run = run_audit(paths, jobs=jobs)
    try:
        Console(stderr=True).print(f"wrote {build_library(run, output)} from {run.forms} forms")
    finally:
        run.cleanup()
