"""``jixiao rules``: the scoring rule sets and their options."""

from __future__ import annotations

import dataclasses
import sys

from rich.console import Console
from rich.table import Table

from jixiao.cli.options import JsonOpt, Lang, LangOpt
from jixiao.core.scoring import RULE_SETS
from jixiao.formats.interchange import dumps_obj


def rules_command(as_json: JsonOpt = False, lang: LangOpt = Lang.zh) -> None:
    """List the named scoring rule sets with every option they set."""
    rows = [dataclasses.asdict(r) for r in RULE_SETS.values()]
    if as_json:
        sys.stdout.write(dumps_obj(rows) + "\n")
        return
    console = Console()
    for rule_set, row in zip(RULE_SETS.values(), rows, strict=True):
        title = rule_set.title_en if lang == Lang.en else rule_set.title_zh
        table = Table(title=f"{rule_set.name} — {title}", title_justify="left", show_header=False)
        table.add_column("option")
        table.add_column("value", overflow="fold")
        for key, value in row.items():
            if key not in ("name", "title_zh", "title_en"):
                table.add_row(key, str(value))
        console.print(table)
