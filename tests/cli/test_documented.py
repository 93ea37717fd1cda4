"""Every command (and subcommand) of the CLI is documented in the README (sqlite-utils' rule)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from jixiao.cli.main import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            names.extend(f"{name} {s}" for s in sub)
        else:
            names.append(name)
    return names


def test_every_command_is_in_the_readme() -> None:
    names = _command_names()
    assert {"check", "score", "import"} <= {n.split()[0] for n in names}
    missing = [n for n in names if f"`jixiao {n}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_has_help() -> None:
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert (cmd.help or "").strip(), f"jixiao {name} has no help text"
