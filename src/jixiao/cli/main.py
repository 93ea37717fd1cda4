"""The ``jixiao`` command: each subcommand wraps one library call."""

from __future__ import annotations

import typer

from jixiao.cli.check_score import check_command, score_command

app = typer.Typer(
    name="jixiao",
    help="绩效自评 — import, score, audit, export and review 财政项目支出绩效自评表.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("check")(check_command)
app.command("score")(score_command)


def main() -> None:  # pragma: no cover - console entry point
    app()
