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
    from jixiao.web.wsgi import application

    try:
        import waitress  # noqa: F401
    except ImportError:  # fall back to Django's server, without the autoreloader
        from django.core.management import call_command

        call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)
        return
    _serve(application, host, port, workers or default_workers())


def _serve(application: object, host: str, port: int, workers: int) -> None:
    """waitress in ``workers`` processes sharing one listening socket (pre-fork).

    One Python process uses one core for Python code; forking after the socket is bound
    lets the kernel spread connections over the processes, like a pre-forking server.
    """
    import signal
    import socket

    import waitress
    from django.db import connections

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    # poll(), not select(): select() cannot watch descriptors numbered 1024 or above, which
    # a process holding up to ``connection_limit`` keep-alive connections reaches.
    options = {"sockets": [sock], "threads": 8, "connection_limit": 1000, "channel_timeout": 60,
               "asyncore_use_poll": True, "ident": "jixiao", "_quiet": True}
    connections.close_all()  # no database connection may be shared across fork
    children: list[int] = []
    for _ in range(workers - 1) if hasattr(os, "fork") else ():
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
            signal.signal(signal.SIGINT, lambda *_: os._exit(0))
            try:
                waitress.serve(application, **options)
            finally:
                os._exit(0)
        children.append(pid)

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        waitress.serve(application, **options)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except OSError:
                pass
