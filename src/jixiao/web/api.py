"""REST API (django-ninja, OpenAPI at ``/api/docs``): forms, score, check, transitions.

Authentication is a bearer token (``Authorization: Bearer <key>``, see the 令牌 page);
without one the caller is a public visitor and sees published forms only. Every
permission question goes through :mod:`jixiao.web.access`, every error through the
table in :mod:`jixiao.web.errors`, exactly as the pages do. Numbers are exact: request
bodies are parsed with ``Decimal`` and responses write decimals with their digits.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.parser import Parser
from ninja.renderers import BaseRenderer
from ninja.security import HttpBearer

from jixiao.web import access, engine, errors
from jixiao.web.accounts.models import Token
from jixiao.web.jsonio import dumps
from jixiao.web.records import service
from jixiao.web.records.models import FormRecord
from jixiao.web.workflow import service as workflow


def _constant_as_text(name: str) -> str:
    """``NaN`` / ``Infinity`` are not JSON numbers: kept as text so the form's checks report
    them at their field (``json-type``) instead of storing a value no database accepts."""
    return name


class DecimalParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        return json.loads(request.body or b"null", parse_float=Decimal, parse_constant=_constant_as_text)


class ExactRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> str:
        return dumps(data)


class TokenAuth(HttpBearer):
    """A valid token gives its user; no Authorization header means a public visitor."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.headers.get("Authorization"):
            return AnonymousUser()
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = Token.objects.select_related("user", "user__profile").filter(key=token).first()
        return found.user if found and found.user.is_active else None


api = NinjaAPI(title="绩效自评 API", version="1", parser=DecimalParser(), renderer=ExactRenderer(),
               auth=TokenAuth(), urls_namespace="api")


@api.exception_handler(errors.ServiceError)
def service_error(request: HttpRequest, exc: errors.ServiceError) -> HttpResponse:
    return api.create_response(request, errors.payload(exc), status=errors.status_of(exc))


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]  # set by django-ninja after authentication; HttpRequest does not declare it


def summary(record: FormRecord, user: Any) -> dict[str, Any]:
    return {
        "id": record.pk, "series": record.series, "version": record.version, "year": record.year,
        "project": record.project, "unit": record.unit.name, "department": record.unit.department.name,
        "state": record.state, "lock_version": record.lock_version, "is_demo": record.is_demo,
        "updated": record.updated, "actions": access.allowed_actions(user, record),
        "editable": access.can_edit(user, record),
    }


class FormIn(Schema):
    data: dict[str, Any]


class FormUpdate(Schema):
    data: dict[str, Any]
    lock_version: int
    acks: dict[str, str] = {}  # noqa: RUF012


class TransitionIn(Schema):
    action: str
    comment: str = ""


@api.get("/forms", summary="List the forms the caller may see")
def list_forms(request: HttpRequest, state: str | None = None, year: int | None = None,
               q: str | None = None, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    qs = access.visible_forms(_user(request))
    if state:
        qs = qs.filter(state=state)
    if year:
        qs = qs.filter(year=year)
    if q:
        qs = qs.filter(project__icontains=q)
    limit = max(1, min(limit, 500))
    return {"count": qs.count(), "items": [summary(r, _user(request)) for r in qs[offset:offset + limit]]}


@api.get("/forms/{pk}", summary="One form: its keys and interchange JSON")
def get_form(request: HttpRequest, pk: int) -> dict[str, Any]:
    record = service.get_visible(_user(request), pk)
    return {**summary(record, _user(request)), "data": record.data, "acks": record.acks}


@api.post("/forms", summary="Create a draft in the caller's unit (fillers)")
def create_form(request: HttpRequest, body: FormIn) -> HttpResponse:
    record = service.create_form(_user(request), body.data)
    return api.create_response(request, {**summary(record, _user(request)), "data": record.data}, status=201)


@api.put("/forms/{pk}", summary="Save a draft; 409 if lock_version is not the current one")
def update_form(request: HttpRequest, pk: int, body: FormUpdate) -> dict[str, Any]:
    record = service.save_form(_user(request), pk, body.data, body.lock_version, body.acks)
    return {**summary(record, _user(request)), "data": record.data}


@api.get("/forms/{pk}/score", summary="Computed score (rules, execution, indicators, total, grade)")
def score_form(request: HttpRequest, pk: int, lang: str = "zh") -> dict[str, Any]:
    record = service.get_visible(_user(request), pk)
    result = engine.analyse(record.data, lang)
    if result["score"] is None:
        raise errors.Invalid("表单数据无法读取 / the stored form cannot be read")
    return result["score"]


@api.get("/forms/{pk}/check", summary="Issues found by the audit, with blocking flags")
def check_form(request: HttpRequest, pk: int, lang: str = "zh") -> dict[str, Any]:
    record = service.get_visible(_user(request), pk)
    result = engine.analyse(record.data, lang, record.acks)
    return {"issues": result["issues"], "errors": result["errors"], "warnings": result["warnings"],
            "blocking": result["blocking"]}


@api.get("/forms/{pk}/transitions", summary="The form's workflow history")
def list_transitions(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    record = service.get_visible(_user(request), pk)
    show_user = access.can_see_history(_user(request), record)
    return [{"at": t.at, "from": t.from_state, "to": t.to_state, "comment": t.comment,
             "user": t.user.username if show_user and t.user else None}
            for t in record.transitions.select_related("user")]


@api.post("/forms/{pk}/transitions", summary="Act: submit, return (comment required), approve, publish, correct")
def transition(request: HttpRequest, pk: int, body: TransitionIn, lang: str = "zh") -> dict[str, Any]:
    record = workflow.act(_user(request), pk, body.action, body.comment, lang)
    return summary(record, _user(request))


def _signed_in(request: HttpRequest) -> None:
    if not getattr(_user(request), "is_authenticated", False):
        raise errors.Forbidden("需要令牌 / a token is required")


@api.post("/score", summary="Score a form given as interchange JSON (not stored)")
def score_data(request: HttpRequest, body: FormIn, lang: str = "zh") -> dict[str, Any]:
    _signed_in(request)
    result = engine.analyse(body.data, lang)
    if result["score"] is None:
        raise errors.Invalid("不是一张自评表 / not a form: " + "; ".join(i["message"] for i in result["issues"]))
    return result["score"]


@api.post("/check", summary="Audit a form given as interchange JSON (not stored)")
def check_data(request: HttpRequest, body: FormIn, lang: str = "zh") -> dict[str, Any]:
    _signed_in(request)
    result = engine.analyse(body.data, lang)
    return {"issues": result["issues"], "errors": result["errors"], "warnings": result["warnings"],
            "blocking": result["blocking"], "targets": result["targets"]}
