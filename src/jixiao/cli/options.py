"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of messages and labels (zh or en).")]
RulesOpt = Annotated[
    str, typer.Option("--rules", help="Scoring rule set, e.g. shanghai-2022 or national-2020.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
FilesArg = Annotated[list[str], typer.Argument(help="Files (JSON, PDF, text, xlsx, xls, docx) or directories.")]
