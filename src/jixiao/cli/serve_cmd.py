"""``jixiao serve``: the web application."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def serve_command(
    demo: Annotated[bool, typer.Option("--demo", help="Load the demo units, users and forms (idempotent).")] = False,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", envvar="JIXIAO_DATA_DIR", help="Where the SQLite file and uploads live (default: a per-user directory)."),
    ] = None,
) -> None:
    """Run the web application (SQLite in the data directory, or DATABASE_URL)."""
    from jixiao.web.serve import run

    run(demo=demo, host=host, port=port, data_dir=data_dir)
