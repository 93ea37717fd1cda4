"""``jixiao check`` and ``jixiao score``: audit and recompute forms."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from jixiao.cli.inputs import load_all
from jixiao.cli.options import FilesArg, JsonOpt, Lang, LangOpt, RulesOpt
from jixiao.cli.render import print_issues, print_score
from jixiao.core.audit import check
from jixiao.core.issues import Issue, has_errors
from jixiao.core.scoring import get_rule_set, score_form
from jixiao.formats.interchange import dumps_obj, to_obj


def _rules_or_exit(name: str, console: Console) -> Any:
    try:
        return get_rule_set(name)
    except KeyError:
        console.print(f"[red]Unknown rule set {name!r}.[/red]")
        raise typer.Exit(2) from None


def check_command(
    files: FilesArg,
    rules: RulesOpt = "shanghai-2022",
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.zh,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these codes or code prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these codes or code prefixes.")] = None,
) -> None:
    """List the issues of every form; exit 1 when any is an error."""
    console = Console()
    rule_set = _rules_or_exit(rules, console)
    issues: list[Issue] = []
    for loaded in load_all(files):
        issues.extend(loaded.issues)
        for form in loaded.forms:
            issues.extend(check(form, rule_set, select=select, ignore=ignore))
    if as_json:
        sys.stdout.write(dumps_obj([i.to_dict(lang.value) for i in issues], indent=1) + "\n")
    else:
        print_issues(console, issues, lang.value)
    if has_errors(issues):
        raise typer.Exit(1)


def score_command(
    files: FilesArg,
    rules: RulesOpt = "shanghai-2022",
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.zh,
) -> None:
    """Recompute every score: claimed against computed, per indicator and in total."""
    console = Console()
    rule_set = _rules_or_exit(rules, console)
    out: list[dict[str, Any]] = []
    load_issues: list[Issue] = []
    for loaded in load_all(files):
        load_issues.extend(loaded.issues)
        for form in loaded.forms:
            result = score_form(form, rule_set)
            if as_json:
                obj = to_obj(form)
                obj["computed"] = result.to_dict(lang.value)
                out.append(obj)
            else:
                print_score(console, form, result, lang.value)
    if as_json:
        sys.stdout.write(dumps_obj(out, indent=1) + "\n")
    if load_issues:
        print_issues(Console(stderr=True), load_issues, lang.value)
    if has_errors(load_issues):
        raise typer.Exit(1)
