"""Pages of one form: list, view, edit (with live preview), act, history, versions."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.formats.interchange import dumps_obj
from jixiao.web import access, editor, engine, errors, rows
from jixiao.web.jsonio import json_response, jsonable
from jixiao.web.records import service
from jixiao.web.records.models import State
from jixiao.web.views.common import error_page, form_context, lang, record_context
from jixiao.web.workflow import rules
from jixiao.web.workflow import service as workflow


def home(request: HttpRequest) -> HttpResponse:
    mine = access.visible_forms(request.user)
    counts = {s.value: 0 for s in State}
    for state in mine.values_list("state", flat=True):
        counts[state] += 1
    todo = []
    role = access.role_of(request.user)
    if role == "filler":
        todo = list(mine.filter(unit=access.profile_of(request.user).unit, state__in=rules.EDITABLE_STATES)[:10])
    elif role == "reviewer":
        todo = list(access.scoped_forms(request.user).filter(state__in=rules.IN_REVIEW)[:10])
    elif role == "finance":
        todo = list(mine.filter(state=rules.APPROVED)[:10])
    return render(request, "jixiao/home.html", {"counts": counts, "todo": todo,
                                                "states": State.choices})


@login_required
def form_list(request: HttpRequest) -> HttpResponse:
    all_visible = bool(request.GET.get("all")) or access.role_of(request.user) is None
    qs = access.visible_forms(request.user) if all_visible else access.scoped_forms(request.user)
    state = request.GET.get("state")
    if state:
        qs = qs.filter(state=state)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "jixiao/form_list.html", {"page": page, "states": State.choices, "state": state})


def form_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = service.get_visible(request.user, pk)
    except errors.ServiceError as e:
        return error_page(request, e)
    ctx = form_context(request, record.data, record.acks)
    ctx.update(record_context(record))
    ctx.update(
        actions=[rules.ACTIONS[a] for a in access.allowed_actions(request.user, record)],
        can_edit=access.can_edit(request.user, record),
        history=access.can_see_history(request.user, record),
        transitions=record.transitions.select_related("user").all(),
        changes=record.changes.select_related("user").all()[:200] if access.can_see_history(request.user, record) else [],
        versions=workflow.versions(record, request.user),
        lang=lang(request),
    )
    return render(request, "jixiao/form_detail.html", ctx)


@login_required
@require_POST
def form_new(request: HttpRequest) -> HttpResponse:
    if not access.can_create(request.user):
        return error_page(request, errors.Forbidden(_("只有填报人可以新建自评表")))
    unit = access.profile_of(request.user).unit
    data = editor.blank(datetime.date.today().year - 1, unit.name, unit.department.name)
    record = service.create_form(request.user, data)
    return redirect("form_edit", pk=record.pk)


@login_required
def form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = service.get_visible(request.user, pk)
    except errors.ServiceError as e:
        return error_page(request, e)
    if not access.can_edit(request.user, record):
        return error_page(request, errors.Forbidden(_("此表当前不能由您修改")))
    data, acks, status, conflict = record.data, record.acks, 200, None
    lock_version = record.lock_version
    if request.method == "POST":
        data = editor.from_post(request.POST, record.data)
        acks = editor.acks_from_post(request.POST)
        try:
            lock_version = int(request.POST.get("lock_version", "0"))
            record = service.save_form(request.user, pk, data, lock_version, acks)
        except errors.Conflict as e:
            conflict, status = e, 409
        except errors.Invalid as e:
            messages.error(request, e.message)
            status = 400
        except (errors.ServiceError, ValueError) as e:
            err = e if isinstance(e, errors.ServiceError) else errors.Invalid(str(e))
            return error_page(request, err)
        else:
            messages.success(request, _("已保存"))
            if request.POST.get("then") == "submit":
                return _act(request, pk, "submit", "")
            return redirect("form_edit", pk=pk)
    ctx = form_context(request, data, acks)
    ctx.update(record_context(record), lock_version=lock_version, conflict=conflict,
               indicator_rows=rows.editor_rows(ctx["indicators"]), blank_row=rows.blank_row())
    return render(request, "jixiao/form_edit.html", ctx, status=status)


@login_required
@require_POST
def form_preview(request: HttpRequest) -> HttpResponse:
    """Live score, issues and target readings of the editor's current inputs (no saving)."""
    if not access.can_create(request.user):
        return json_response({"error": "forbidden"}, status=403)
    data = editor.from_post(request.POST)
    result = engine.analyse(data, lang(request), editor.acks_from_post(request.POST))
    return json_response(result)


def _act(request: HttpRequest, pk: int, action: str, comment: str) -> HttpResponse:
    try:
        record = workflow.act(request.user, pk, action, comment, lang(request))
    except errors.Blocked as e:
        messages.error(request, e.message)
        for p in e.details.get("problems", []):
            messages.warning(request, f"{p.get('location', {}).get('field') or ''} {p['message']}")
        return redirect("form_detail", pk=pk)
    except errors.ServiceError as e:
        return error_page(request, e)
    messages.success(request, _("操作完成：%(action)s") % {"action": rules.ACTIONS[action].label_zh
                     if lang(request) == "zh" else rules.ACTIONS[action].label_en})
    if not access.can_view(request.user, record):  # finance's correction: a draft of the unit
        messages.info(request, _("已为填报单位创建更正草稿 v%(version)s") % {"version": record.version})
        return redirect("form_detail", pk=pk)
    return redirect("form_detail", pk=record.pk)


@login_required
@require_POST
def form_act(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, request.POST.get("action", ""), request.POST.get("comment", ""))


def form_json(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = service.get_visible(request.user, pk)
    except errors.ServiceError as e:
        return error_page(request, e)
    response = HttpResponse(dumps_obj(jsonable(record.data), indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="form-{record.pk}-v{record.version}.json"'
    return response
