"""``jixiao serve``: prepare the data directory and database, optionally load the demo,
and serve the application.

``run`` is what the CLI calls. It is safe to call again on the same data directory: the
migrations and the demo loading are idempotent, so a second start reuses the data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def setup(data_dir: str | Path | None = None, settings_module: str | None = None) -> Path:
    """Point Django at the data directory and settings, and initialise it."""
    if data_dir is not None:
        os.environ["JIXIAO_DATA_DIR"] = str(Path(data_dir).expanduser().resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module or "jixiao.web.settings")
    import django
    from django.conf import settings

    django.setup()
    return Path(settings.DATA_DIR)


def prepare(demo: bool = False) -> list[tuple[str, str, str]]:
    """Migrate the database and, with ``demo``, load the demo data; returns demo logins."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if not demo:
        return []
    from jixiao.web import demo as demo_data

    return demo_data.load()


def _print_banner(url: str, data_dir: Path, logins: list[tuple[str, str, str]]) -> None:
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST', '')}/{db['NAME']}"
    lines = ["绩效自评 (jixiao) web application", f"  URL:      {url}", f"  data dir: {data_dir}", f"  database: {where}"]
    if logins:
        from jixiao.web.demo import PASSWORD

        lines.append(f"  demo logins (password for all: {PASSWORD}):")
        lines += [f"    {user:<10} {role:<14} {unit}" for user, role, unit in logins]
    lines.append("  press Ctrl+C to stop")
    print("\n".join(lines), flush=True)


def default_workers() -> int:
    """Server processes: ``JIXIAO_WEB_WORKERS``, else one per core (at most 4)."""
    configured = os.environ.get("JIXIAO_WEB_WORKERS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(4, os.cpu_count() or 1))


def run(demo: bool = False, host: str = "127.0.0.1", port: int = 8000,
        data_dir: str | Path | None = None, workers: int | None = None) -> None:
    """Serve the web application until interrupted (``jixiao serve``)."""
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("ALLOWED_HOSTS"):
        # Listening beyond this machine: accept the names it is reached by (set
        # ALLOWED_HOSTS to restrict them).
        os.environ["ALLOWED_HOSTS"] = "*"
    path = setup(data_dir)
    logins = prepare(demo)
    shown_host = f"[{host}]" if ":" in host else host
    _print_banner(f"http://{shown_host}:{port}/", path, logins)
    try:
        import granian  # noqa: F401
    except ImportError:  # fall back to Django's server, without the autoreloader
        from django.core.management import call_command

        call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)
        return
    _serve(host, port, workers or default_workers())


def default_threads() -> int:
    """Request threads per worker process, each with its own database connection: two per
    core and one (Granian's advice: more only wait for the interpreter lock), at most 8."""
    return max(2, min(8, 2 * (os.cpu_count() or 1) + 1))


def _serve(host: str, port: int, workers: int) -> None:
    """Granian: HTTP and its keep-alive connections handled in Rust, Django in ``workers``
    processes of ``default_threads()`` threads each.

    waitress (before) walked every open connection in Python on each pass of its event
    loop: with 400 people signed in, that and its request parsing cost ~1.2 ms of server CPU
    per request against ~0.65 ms here, flat in the number of connections (docs/WEB.md).
    The workers import ``jixiao.web.wsgi`` themselves and find the data directory and
    settings in the environment ``setup`` filled.
    """
    from django.db import connections
    from granian import Granian
    from granian.constants import Interfaces
    from granian.log import LogLevels

    connections.close_all()  # the workers open their own
    server = Granian(
        "jixiao.web.wsgi:application", address=host, port=port, interface=Interfaces.WSGI,
        workers=workers, blocking_threads=default_threads(), backlog=2048, log_level=LogLevels.warning,
        respawn_failed_workers=True, workers_kill_timeout=10,
    )
    server.serve()  # returns on Ctrl+C or SIGTERM, once the workers have stopped
    print("stopped", file=sys.stderr)
