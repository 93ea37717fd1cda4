"""Taking a workflow action on a form: permission, state, content gate, history row.

Kept out of the views so the pages and the API behave the same. Submitting runs the
audit (through :mod:`jixiao.web.engine`) and refuses while errors or missing
deviation reasons remain. ``correct`` copies a published form into a new draft version;
the published version is not touched.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from jixiao.web import access, engine
from jixiao.web.errors import Blocked, Conflict, Forbidden, Invalid
from jixiao.web.records.models import FormRecord
from jixiao.web.records.service import get_visible
from jixiao.web.workflow import rules
from jixiao.web.workflow.models import Transition


@transaction.atomic
def act(user: Any, pk: int, action: str, comment: str = "", lang: str = "zh") -> FormRecord:
    """Apply ``action`` and return the resulting record (the new version for ``correct``)."""
    record = get_visible(user, pk)
    spec = rules.ACTIONS.get(action)
    if spec is None:
        raise Invalid(f"未知操作 / unknown action: {action}")
    if not access.can_act(user, action, record):
        raise Forbidden("您不能对此表执行该操作 / you may not do this with this form",
                        state=record.state, action=action)
    comment = (comment or "").strip()
    if spec.comment_required and not comment:
        raise Invalid("退回必须填写意见 / returning needs a comment", field="comment")
    if action == "submit":
        problems = engine.submission_problems(record.data, lang)
        if problems:
            raise Blocked("存在未解决的问题，不能提交 / unresolved problems block submission",
                          problems=problems)
    if action == "correct":
        return _new_version(user, record, comment)
    target = spec.target(record.state)
    changed = FormRecord.objects.filter(pk=pk, state=record.state).update(state=target)
    if not changed:
        raise Conflict("状态已被他人改变 / the state was changed by someone else")
    Transition.objects.create(record=record, user=user, from_state=record.state, to_state=target,
                              comment=comment)
    record.refresh_from_db()
    return record


def _new_version(user: Any, record: FormRecord, comment: str) -> FormRecord:
    top = FormRecord.objects.filter(series=record.series).aggregate(m=Max("version"))["m"] or 0
    copy = FormRecord.objects.create(
        series=record.series, version=top + 1, data=record.data, year=record.year,
        project=record.project, unit=record.unit, state=rules.DRAFT, is_demo=record.is_demo,
        created_by=user, acks=record.acks,
    )
    Transition.objects.create(record=copy, user=user, from_state="", to_state=rules.DRAFT,
                              comment=comment or f"更正 v{record.version} / correction of v{record.version}")
    return copy


def versions(record: FormRecord, user: Any) -> list[FormRecord]:
    """Every version of the form's series the user may see, newest first."""
    return [r for r in FormRecord.objects.filter(series=record.series).select_related("unit", "unit__parent")
            .order_by("-version") if access.can_view(user, r)]
