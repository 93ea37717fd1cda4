"""Upload documents into new drafts, then a review screen of what the reader was unsure of.

Uploads are limited in size and type (settings ``MAX_UPLOAD_BYTES``,
``UPLOAD_EXTENSIONS``) and kept in the data directory. Reading is done by
:mod:`jixiao.importers`; every form found becomes a draft of the filler's unit with the
per-field confidences, which the review screen and the editor highlight.
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from jixiao.formats import interchange
from jixiao.importers import ImportResult, import_path
from jixiao.web import access, errors
from jixiao.web.records import service
from jixiao.web.views.common import LOW_CONFIDENCE as LOW
from jixiao.web.views.common import error_page, lang


def _read(path: Path) -> Any:
    """ImportResult-like object of one saved upload; JSON is read directly."""
    if path.suffix.lower() == ".json":
        forms, issues = interchange.load_path(path)
        return ImportResult.of(forms, issues, "json")
    return import_path(path)


MAGIC = {".pdf": (b"%PDF",), ".xlsx": (b"PK",), ".docx": (b"PK",), ".xls": (b"\xd0\xcf\x11\xe0",)}
"""Leading bytes a file of the type must start with (text and JSON are checked as UTF-8)."""


def _content_matches(suffix: str, head: bytes) -> bool:
    if suffix in MAGIC:
        return head.startswith(MAGIC[suffix])
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:  # a cut multi-byte character at the end is fine
        return exc.start >= len(head) - 3
    return True


def _store(upload: Any) -> Path:
    name = Path(upload.name).name
    suffix = Path(name).suffix.lower()
    if suffix not in settings.UPLOAD_EXTENSIONS:
        raise errors.Invalid(_("不支持的文件类型：%(name)s") % {"name": name})
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise errors.Invalid(_("文件过大：%(name)s") % {"name": name})
    head = next(iter(upload.chunks(512)), b"")[:512]
    upload.seek(0)
    if not _content_matches(suffix, head):
        raise errors.Invalid(_("文件内容与扩展名不符：%(name)s") % {"name": name})
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex}{suffix}"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return target


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not access.can_create(request.user):
        return error_page(request, errors.Forbidden(_("只有填报人可以导入")))
    if request.method != "POST":
        return render(request, "jixiao/import.html", {"max_mb": settings.MAX_UPLOAD_BYTES // 2**20,
                                                      "extensions": settings.UPLOAD_EXTENSIONS})
    created: list[int] = []
    report: list[dict[str, Any]] = []
    files = request.FILES.getlist("files")
    if not files:
        return error_page(request, errors.Invalid(_("请选择文件")))
    for upload_file in files:
        try:
            path = _store(upload_file)
            result = _read(path)
        except errors.ServiceError as e:
            report.append({"file": upload_file.name, "error": e.message, "issues": []})
            continue
        ids = []
        for i, form in enumerate(result.forms):
            conf = result.confidences[i] if i < len(result.confidences) else {}
            data = json.loads(interchange.dumps(form, indent=None), parse_float=Decimal)
            record = service.create_form(request.user, data, source_name=upload_file.name,  # type: ignore[arg-type]  # None only for a file built without a name, never an upload
                                         confidence={k: float(v) for k, v in conf.items()})
            ids.append(record.pk)
        created.extend(ids)
        report.append({"file": upload_file.name, "forms": len(ids),
                       "issues": [i.to_dict(lang(request)) for i in result.issues][:50]})
    request.session["import_report"] = report
    return redirect(f"{request.path}review/?ids={','.join(map(str, created))}")


@login_required
def review(request: HttpRequest) -> HttpResponse:
    ids = [int(i) for i in (request.GET.get("ids") or "").split(",") if i.isdigit()]
    records = [r for r in access.visible_forms(request.user).filter(pk__in=ids) if access.can_edit(request.user, r)]
    rows = []
    for r in records:
        low = sorted((k, v) for k, v in (r.confidence or {}).items() if v is not None and float(v) < LOW)
        rows.append({"record": r, "low": low})
    return render(request, "jixiao/import_review.html",
                  {"rows": rows, "report": request.session.get("import_report", [])})
