"""Public pages: published forms by department and year, searchable, downloadable."""

from __future__ import annotations

from uuid import UUID

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.web.accounts.models import Unit
from jixiao.web.records.models import FormRecord
from jixiao.web.workflow import rules


def public_list(request: HttpRequest) -> HttpResponse:
    qs = FormRecord.objects.filter(state=rules.PUBLISHED).select_related("unit", "unit__parent")
    q = (request.GET.get("q") or "").strip()
    department = request.GET.get("department") or ""
    year = request.GET.get("year") or ""
    if q:
        qs = qs.filter(Q(project__icontains=q) | Q(unit__name__icontains=q) | Q(unit__parent__name__icontains=q))
    if department.isdigit():
        qs = qs.filter(Q(unit_id=int(department)) | Q(unit__parent_id=int(department)))
    if year.isdigit():
        qs = qs.filter(year=int(year))
    qs = qs.order_by("unit__parent__name", "unit__name", "-year", "project", "-version")
    newest: dict[UUID, int] = {}
    for series, version in FormRecord.objects.filter(state=rules.PUBLISHED).values_list("series", "version"):
        newest[series] = max(version, newest.get(series, 0))
    page = Paginator(list(qs), 100).get_page(request.GET.get("page"))
    groups: dict[tuple[str, int | None], list[FormRecord]] = {}
    for r in page:
        r.superseded = newest.get(r.series, 0) > r.version  # type: ignore[attr-defined]  # a flag for the template, not a model field
        groups.setdefault((r.unit.department.name, r.year), []).append(r)
    years = sorted({y for y in FormRecord.objects.filter(state=rules.PUBLISHED).values_list("year", flat=True) if y},
                   reverse=True)
    context = {
        "groups": [{"department": d, "year": y, "records": rs} for (d, y), rs in groups.items()],
        "page": page, "q": q, "department": department, "year": year, "years": years,
        "departments": Unit.objects.filter(parent__isnull=True),
    }
    template = "jixiao/_public_results.html" if request.headers.get("HX-Request") else "jixiao/public_list.html"
    return render(request, template, context)
