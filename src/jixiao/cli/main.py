"""The ``jixiao`` command: each subcommand wraps one library call."""

from __future__ import annotations

import typer

from jixiao.cli.audit_cmd import audit_command, indicators_app
from jixiao.cli.check_score import check_command, score_command
from jixiao.cli.export_cmd import export_command, report_command
from jixiao.cli.import_cmd import import_command
from jixiao.cli.rules_cmd import rules_command
from jixiao.cli.serve_cmd import serve_command

app = typer.Typer(
    name="jixiao",
    help="绩效自评 — import, score, audit, export and review 财政项目支出绩效自评表.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("check")(check_command)
app.command("score")(score_command)
app.command("import")(import_command)
app.command("export")(export_command)
app.command("report")(report_command)
app.command("rules")(rules_command)
app.command("audit")(audit_command)
app.add_typer(indicators_app, name="indicators")
app.command("serve")(serve_command)


def main() -> None:  # pragma: no cover - console entry point
    app()
