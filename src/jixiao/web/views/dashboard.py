"""Dashboards for reviewers and finance: filters, charts (ECharts) and drill-down."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from jixiao.web import access, errors
from jixiao.web.accounts.models import Unit
from jixiao.web.dashboard import figures
from jixiao.web.records.models import FormRecord
from jixiao.web.views.common import error_page


def _records(request: HttpRequest) -> list[FormRecord]:
    qs = access.visible_forms(request.user).exclude(state="draft")
    department, year = request.GET.get("department", ""), request.GET.get("year", "")
    if department.isdigit():
        qs = qs.filter(Q(unit_id=int(department)) | Q(unit__parent_id=int(department)))
    if year.isdigit():
        qs = qs.filter(year=int(year))
    ids = request.GET.get("ids", "")
    if ids:
        qs = qs.filter(pk__in=[int(i) for i in ids.split(",") if i.isdigit()])
    return list(qs)  # visible = published, or in the user's own area


def _allowed(request: HttpRequest) -> bool:
    return access.role_of(request.user) in ("reviewer", "finance")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        return error_page(request, errors.Forbidden(_("看板仅对审核人和财政局开放")))
    years = sorted({r.year for r in access.visible_forms(request.user) if r.year}, reverse=True)
    departments = Unit.objects.filter(parent__isnull=True)
    return render(request, "jixiao/dashboard.html", {
        "years": years, "departments": departments,
        "department": request.GET.get("department", ""), "year": request.GET.get("year", ""),
    })


@login_required
def dashboard_data(request: HttpRequest) -> JsonResponse:
    if not _allowed(request):
        return JsonResponse({"error": "forbidden"}, status=403)
    return JsonResponse(figures(_records(request)), json_dumps_params={"ensure_ascii": False})


@login_required
def drill(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        return error_page(request, errors.Forbidden(_("看板仅对审核人和财政局开放")))
    return render(request, "jixiao/drill.html", {"records": _records(request)})
