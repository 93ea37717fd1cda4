"""Deployment settings, serve's start-up (migrate, idempotent demo), login throttling, uploads."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.records.models import FormRecord
from tests.web.personas import PASSWORD, client_for

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = _env(DJANGO_SETTINGS_MODULE="jixiao.web.settings_prod", JIXIAO_DATA_DIR=str(tmp_path),
               SECRET_KEY="k" * 20 + "-Zq9xV2mT7rP4sL8nB3cF6hJ1wY5dG0aE", ALLOWED_HOSTS="jixiao.example.org")
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret(tmp_path):
    env = _env(DJANGO_SETTINGS_MODULE="jixiao.web.settings_prod", JIXIAO_DATA_DIR=str(tmp_path))
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "-m", "django", "check"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_demo_loading_is_idempotent():
    from jixiao.web import demo

    logins = demo.load()
    counts = FormRecord.objects.count(), FormRecord.objects.filter(state="published").count()
    assert demo.load() == logins
    assert (FormRecord.objects.count(), FormRecord.objects.filter(state="published").count()) == counts
    assert counts[1] > 0 and {u for u, _, _ in logins} >= {"filler", "reviewer", "finance"}
    assert FormRecord.objects.filter(is_demo=False).count() == 0
    assert len(set(FormRecord.objects.values_list("year", flat=True))) >= 3
    assert client_for(None).get("/").content.decode().count("绩效自评") >= 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data_dir: Path, port: int) -> tuple[subprocess.Popen, str]:
    code = f"from jixiao.web.serve import run; run(demo=True, host='127.0.0.1', port={port}, data_dir={str(data_dir)!r})"
    proc = subprocess.Popen([sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        lines.append(line)
        if "Ctrl+C" in line or not line:
            break
    return proc, "".join(lines)


def _get(url: str) -> bytes:
    """GET with retries while the server binds its socket (the banner comes first)."""
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.mark.slow
def test_serve_prints_url_and_logins_and_reuses_data(tmp_path):
    port = _free_port()
    outputs = []
    for _ in range(2):
        proc, banner = _start(tmp_path, port)
        try:
            assert f"http://127.0.0.1:{port}/" in banner, banner
            assert re.search(r"filler\s+填报人", banner) and "reviewer" in banner and "finance" in banner
            assert "绩效自评" in _get(f"http://127.0.0.1:{port}/").decode()
            outputs.append(_get(f"http://127.0.0.1:{port}/api/forms?limit=500"))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    assert (tmp_path / "jixiao.sqlite3").exists()
    assert outputs[0] == outputs[1]  # the same published forms after a restart, nothing added


@pytest.mark.django_db
def test_login_is_throttled_after_repeated_failures(users):
    client = client_for(None)
    for _ in range(3):
        assert client.post("/login/", {"username": "finance", "password": "wrong"}).status_code == 200
    blocked = client.post("/login/", {"username": "finance", "password": PASSWORD})
    assert blocked.status_code == 429
    assert client_for(None).post("/login/", {"username": "filler_own", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_upload_type_and_size_limits(users, settings):
    client = client_for(users["filler_own"])
    bad = client.post("/import/", {"files": SimpleUploadedFile("x.exe", b"MZ")}, follow=True)
    assert "不支持的文件类型" in bad.content.decode()
    fake = client.post("/import/", {"files": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")}, follow=True)
    assert "文件内容与扩展名不符" in fake.content.decode()
    settings.MAX_UPLOAD_BYTES = 10
    big = client.post("/import/", {"files": SimpleUploadedFile("big.json", b"[" + b" " * 20 + b"]")}, follow=True)
    assert "文件过大" in big.content.decode()
    assert FormRecord.objects.count() == 0


@pytest.mark.django_db
def test_import_json_creates_drafts_and_review_screen(users):
    data = (ROOT / "src/jixiao/data/samples/shanghai-2022-part1.gold.json").read_bytes()
    client = client_for(users["filler_own"])
    response = client.post("/import/", {"files": SimpleUploadedFile("gold.json", data)}, follow=True)
    assert response.status_code == 200
    records = FormRecord.objects.all()
    assert records.count() == 4 and {r.state for r in records} == {"draft"}
    assert {r.unit.name for r in records} == {"单位甲一"}
    page = response.content.decode()
    assert all(r.project in page for r in records)
    from tests.web.personas import sample

    for i, record in enumerate(records.order_by("pk")):
        assert record.data == sample(i)  # nothing lost or changed on the way in


@pytest.mark.django_db
def test_low_confidence_fields_are_listed_for_review_and_marked_in_the_editor(users, units):
    from tests.web.personas import make_form

    record = make_form(units["A1"])
    record.confidence = {"project_name": 0.5, "indicators[2].target": 0.6, "year": 1.0}
    record.save()
    page = client_for(users["filler_own"]).get(f"/import/review/?ids={record.pk}").content.decode()
    assert "indicators[2].target" in page and "project_name" in page and ">year" not in page
    editor = client_for(users["filler_own"]).get(f"/forms/{record.pk}/edit/").content.decode()
    assert '["indicators[2].target", "project_name"]' in editor


@pytest.mark.django_db
def test_downloads_in_the_official_layout(users, units):
    from tests.web.personas import make_form

    record = make_form(units["A1"], "published")
    client = client_for(None)
    xlsx = client.get(f"/forms/{record.pk}/export/xlsx/")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    from io import BytesIO

    import openpyxl

    sheet = openpyxl.load_workbook(BytesIO(xlsx.content)).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert record.project in cells
    report = client.get(f"/forms/{record.pk}/export/report/")
    assert report.status_code == 200 and record.project in report.content.decode()


@pytest.mark.django_db
def test_import_xlsx_through_the_importers(users):
    data = (ROOT / "src/jixiao/data/samples/shanghai-2022-part1.rendered.xlsx").read_bytes()
    client = client_for(users["filler_own"])
    response = client.post("/import/", {"files": SimpleUploadedFile("sample.xlsx", data)}, follow=True)
    assert response.status_code == 200
    records = list(FormRecord.objects.order_by("pk"))
    assert [r.project for r in records] == ["公务员管理工作经费", "组织部门建设和管理工作经费", "干部教育工作经费", "基层党建及队伍教育管理"]
    assert all(r.source_name == "sample.xlsx" and r.confidence for r in records)
    assert records[0].data["funds"]["total"]["executed"] == 10411006
    assert [r.data["total_score"] for r in records] == [Decimal("94.9"), Decimal("95.27"), Decimal("90.56"), Decimal("99.77")]
    assert records[0].data["execution"]["rate_percent"] == Decimal("89.61")
