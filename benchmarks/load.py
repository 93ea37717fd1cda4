"""Load test of the web application: concurrent sessions that open, edit and save forms.

    .venv/bin/python benchmarks/load.py [--sessions 100,200,400] [--duration 20] [--think 5]

It seeds one filler and one draft per session (unit 压测单位) in the database the
settings point at (SQLite in a temporary data directory, or PostgreSQL through
``DATABASE_URL``), starts ``jixiao.web.serve.run`` on 127.0.0.1, and runs each level
for ``--duration`` seconds: every session logs in, then repeatedly opens its editor,
changes a field and saves (optimistic lock version taken from the page), waiting
``--think`` seconds (±50 %) between actions like a person would. Each session starts signed
in, its session row made beforehand as a login leaves it: a login's cost is the password
hash (PBKDF2, ~0.2 s of CPU by design) and people log in once a day, so three real logins per
level are timed apart and shown in their own column. The first request of a session (its
list of drafts) is timed with the editing requests. It prints p50/p95
latency and errors per level. Only 127.0.0.1 is ever contacted; every loop is bounded
by the duration, and the seeded rows are removed at the end. The sessions run as gevent
greenlets in one process speaking HTTP/1.1 through ``http.client`` (one keep-alive
connection and cookie set per session, as a browser): it shares the server's cores, and
requests cost it twice the CPU (2.2 against 1.0 ms per request).
"""

from __future__ import annotations

import sys

if len(sys.argv) > 1 and sys.argv[1] == "client":  # the load generator: gevent, patched first
    from gevent import monkey

    monkey.patch_all()

import argparse
import http.client
import http.cookies
import json
import os
import random
import re
import socket
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

UNIT = "压测单位"
PASSWORD = "load-test-pass"
ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- client (gevent process)

class Browser:
    """One person's HTTP/1.1 keep-alive connection and cookies (``http.client``, not requests).

    The same requests, headers that matter and cookies as a ``requests.Session``, at a
    fraction of its CPU: the load generator shares the server's cores, and requests'
    cookie jar and adapters cost it ~2 ms per request.
    """

    def __init__(self, base: str, timeout: float = 30) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.host, self.port, self.timeout = host, int(port), timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, data: dict[str, str] | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        sent = {"Host": f"{self.host}:{self.port}", "Accept": "*/*", "Connection": "keep-alive", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                jar = http.cookies.SimpleCookie()
                jar.load(value)
                for key, morsel in jar.items():
                    if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
        if response.will_close:
            self.conn.close()
            self.conn = None
        return response.status, text


def client_main(base: str, sessions: int, duration: float, think: float, first_user: int, keys_file: str) -> None:
    import gevent

    assert base.startswith("http://127.0.0.1:"), "load is only ever sent to 127.0.0.1"
    deadline = time.monotonic() + duration
    samples: dict[str, list[float]] = {"login": [], "list": [], "open": [], "save": []}
    errors: dict[str, int] = {}

    def timed(kind: str, fn, ok) -> object:
        start = time.perf_counter()
        try:
            status, text = fn()
        except Exception as exc:  # connection refused, reset, timeout
            errors[f"{kind}:{type(exc).__name__}"] = errors.get(f"{kind}:{type(exc).__name__}", 0) + 1
            return None
        samples[kind].append((time.perf_counter() - start) * 1000)
        if not ok(status):
            errors[f"{kind}:{status}"] = errors.get(f"{kind}:{status}", 0) + 1
            return None
        return text

    keys = json.loads(Path(keys_file).read_text())

    def login(n: int) -> None:
        s = Browser(base)
        if timed("login", lambda: s.request("GET", "/login/"), lambda status: status == 200) is None:
            return
        token = s.cookies.get("csrftoken", "")
        timed("login", lambda: s.request("POST", "/login/", {"username": f"load{n}", "password": PASSWORD,
              "csrfmiddlewaretoken": token}), lambda status: status == 302)

    def session(n: int) -> None:
        """One signed-in person (session made beforehand: logins are measured apart)."""
        gevent.sleep(random.uniform(0, think))
        s = Browser(base)
        s.cookies["sessionid"] = keys[str(n)]
        form_id = None
        edits = 0
        while time.monotonic() < deadline:
            gevent.sleep(think * random.uniform(0.5, 1.5))
            if time.monotonic() >= deadline:
                break
            if form_id is None:
                home = timed("list", lambda: s.request("GET", "/forms/?state=draft"), lambda status: status == 200)
                if home is None:
                    continue
                found = re.search(r'href="/forms/(\d+)/"', home)
                if not found:
                    errors["no-form"] = errors.get("no-form", 0) + 1
                    return
                form_id = found.group(1)
            path = f"/forms/{form_id}/edit/"
            editor = timed("open", lambda path=path: s.request("GET", path), lambda status: status == 200)
            if editor is None:
                continue
            fields = dict(re.findall(r'<input name="([\w.]+)" value="([^"]*)"', editor))
            lock = re.search(r'name="lock_version" value="(\d+)"', editor).group(1)
            edits += 1
            fields.update({"lock_version": lock, "csrfmiddlewaretoken": s.cookies.get("csrftoken", ""),
                           "project_name": f"压测项目 {n} 第 {edits} 次修改"})
            gevent.sleep(think * random.uniform(0.5, 1.5))
            timed("save", lambda path=path, fields=fields: s.request("POST", path, fields,
                                                                       headers={"Referer": base + path}),
                  lambda status: status == 302)

    for i in range(3):  # a few logins one after another: the password hash's cost alone
        login(first_user + i)
    greenlets = [gevent.spawn(session, first_user + i) for i in range(sessions)]
    gevent.joinall(greenlets, timeout=duration + 60)
    gevent.killall([g for g in greenlets if not g.dead])
    print(json.dumps({"samples": samples, "errors": errors}))


# ---------------------------------------------------------------- driver

def seed(count: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from jixiao.web.accounts.models import Profile, Unit
    from jixiao.web.demo import sample_forms
    from jixiao.web.records.models import FormRecord

    unit, _ = Unit.objects.get_or_create(name=UNIT)
    User = get_user_model()
    have = set(User.objects.filter(username__startswith="load").values_list("username", flat=True))
    password = make_password(PASSWORD)
    new = [User(username=f"load{i}", password=password) for i in range(count) if f"load{i}" not in have]
    User.objects.bulk_create(new)
    users = User.objects.filter(username__in=[u.username for u in new])
    Profile.objects.bulk_create([Profile(user=u, role="filler", unit=None) for u in users])
    data = sample_forms()[0]
    for i, user in enumerate(User.objects.filter(username__startswith="load").order_by("id")):
        sub, _ = Unit.objects.get_or_create(name=f"{UNIT}{i}", defaults={"parent": unit})
        Profile.objects.filter(user=user).update(unit=sub)
        if not FormRecord.objects.filter(unit=sub).exists():
            record = FormRecord(data=dict(data, implementing_unit=sub.name), unit=sub)
            record.sync_keys()
            record.save()


def make_sessions(path: Path) -> None:
    """A signed-in session per load user, written as {n: session key} for the client."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    keys = {}
    for user in get_user_model().objects.filter(username__startswith="load"):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys[user.username[4:]] = store.session_key
    path.write_text(json.dumps(keys))


def cleanup(keys_file: Path) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    from jixiao.web.accounts.models import Unit
    from jixiao.web.records.models import FormRecord

    if keys_file.exists():
        Session.objects.filter(session_key__in=json.loads(keys_file.read_text()).values()).delete()
    FormRecord.objects.filter(unit__name__startswith=UNIT).delete()
    get_user_model().objects.filter(username__startswith="load").delete()
    Unit.objects.filter(name__startswith=UNIT, parent__isnull=False).delete()
    Unit.objects.filter(name=UNIT).delete()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    import urllib.request

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not start")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default="100,200,400")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per level")
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between a person's actions")
    parser.add_argument("--data-dir", default=None)
    args = parser.parse_args()
    levels = [int(x) for x in args.sessions.split(",")]
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="jixiao-load-")
    os.environ["JIXIAO_DATA_DIR"] = data_dir
    sys.path.insert(0, str(ROOT / "src"))
    from jixiao.web.serve import prepare, setup

    setup(data_dir)
    prepare(demo=False)
    seed(sum(levels))
    keys_file = Path(data_dir) / "sessions.json"
    make_sessions(keys_file)
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (Path(data_dir) / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-c", f"from jixiao.web.serve import run; run(host='127.0.0.1', port={port}, data_dir={data_dir!r})"],
        stdout=subprocess.DEVNULL, stderr=log, env=os.environ.copy())
    print(f"database: {engine}; server {base} ({os.environ.get('JIXIAO_WEB_WORKERS') or os.cpu_count()} cpus); "
          f"{args.duration:.0f} s per level; think time {args.think} s; load average {os.getloadavg()[0]:.1f}")
    print("latency of the requests of signed-in sessions (list of drafts, open editor, save); "
          "3 logins per level measured apart (PBKDF2 password hash)")
    print(f"{'sessions':>8} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}  p95 open/save/login")
    first = 0
    try:
        wait_for(base + "/login/")
        for sessions in levels:
            out = subprocess.run([sys.executable, __file__, "client", base, str(sessions), str(args.duration),
                                  str(args.think), str(first), str(keys_file)], capture_output=True, text=True,
                                 timeout=args.duration + 120)
            first += sessions
            if out.returncode != 0:
                print(out.stderr[-2000:])
                continue
            result = json.loads(out.stdout.strip().splitlines()[-1])
            every = result["samples"]["list"] + result["samples"]["open"] + result["samples"]["save"]
            errors = sum(result["errors"].values())
            kinds = "/".join(f"{pct(result['samples'][k], 0.95):.0f}" for k in ("open", "save", "login"))
            print(f"{sessions:>8} {len(every):>8} {pct(every, 0.5):>8.1f} {pct(every, 0.95):>8.1f} "
                  f"{max(every, default=float('nan')):>8.1f} {errors:>7}  {kinds}"
                  + (f"  {result['errors']}" if errors else ""), flush=True)
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine skews the figures)")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        cleanup(keys_file)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "client":
        _, _, base, sessions, duration, think, first, keys_file = sys.argv
        client_main(base, int(sessions), float(duration), float(think), int(first), keys_file)
    else:
        main()
