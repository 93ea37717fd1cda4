"""Downloads: one form or a selection as xlsx / PDF, and the audit report.

Uses :mod:`jixiao.exporters`; a server that cannot render (no CJK font) answers 503 with the remedy.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.exporters import ExportError, export_forms, export_report
from jixiao.web import access, engine, errors
from jixiao.web.records.service import get_visible
from jixiao.web.views.common import error_page, lang

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def render_export(records: list[Any], fmt: str, language: str) -> tuple[bytes, str, str]:
    """(bytes, content type, file extension) of the records in ``fmt`` (xlsx, pdf or report)."""
    forms = [f for f in (engine.to_form(r.data)[0] for r in records) if f is not None]
    try:
        if fmt == "report":
            scores = [engine.score(f, language)[0] for f in forms]
            issues = [engine.check(f, s) for f, s in zip(forms, scores, strict=True)]
            return export_report(forms, scores, issues, "html", lang=language), CONTENT_TYPES["html"], "html"
        if fmt not in ("xlsx", "pdf"):
            raise errors.Invalid(_("不支持的格式"))
        return export_forms(forms, fmt, lang=language), CONTENT_TYPES[fmt], fmt
    except ExportError as exc:  # e.g. no CJK font on the server: say what to install
        raise errors.Unavailable("; ".join(f"{i.message(language)} {i.remedy(language)}" for i in exc.issues)) from exc


def _respond(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    disposition = "inline" if content_type.startswith("text/html") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


def export_one(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    try:
        record = get_visible(request.user, pk)
        data, ctype, ext = render_export([record], fmt, lang(request))
    except errors.ServiceError as e:
        return error_page(request, e)
    suffix = "-report" if fmt == "report" else ""
    return _respond(data, ctype, f"form-{record.pk}-v{record.version}{suffix}.{ext}")


@require_POST
def export_selection(request: HttpRequest) -> HttpResponse:
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    visible = list(access.visible_forms(request.user).filter(pk__in=ids))
    if not visible:
        return error_page(request, errors.Invalid(_("请先勾选要下载的自评表")))
    try:
        data, ctype, ext = render_export(visible, request.POST.get("format", "xlsx"), lang(request))
    except errors.ServiceError as e:
        return error_page(request, e)
    return _respond(data, ctype, f"forms-{len(visible)}.{ext}")
