"""The one place that decides what a user may see and do with a form.

- 填报人 (filler): every form of their own unit (drafts included); edits drafts and
  returned forms of their unit; submits them; asks for a correction of a published one.
- 审核人 (reviewer): forms of their department and the units under it once submitted
  (never drafts); returns or approves those under review.
- 财政局 (finance): every form once submitted (never drafts); publishes approved forms.
- Everybody, signed in or not: published forms.

Nobody sees another unit's drafts, not even finance. Views answer 404 when a form may
not be seen and 403 when it may be seen but not acted on.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from jixiao.web.records.models import FormRecord
from jixiao.web.workflow import rules


def profile_of(user: Any):  # -> Profile | None
    """The user's profile, read once per user object with its unit and that unit's parent
    (every page shows them and the access rules need the department): one query, not three.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    from jixiao.web.accounts.models import Profile

    accessor = Profile.user.field.remote_field  # caches ``user.profile`` on the user object
    if not accessor.is_cached(user):
        profile = Profile.objects.select_related("unit", "unit__parent").filter(user_id=user.pk).first()
        if profile is None:  # no profile: treated as a public visitor
            return None
        accessor.set_cached_value(user, profile)
        Profile.user.field.set_cached_value(profile, user)
    try:
        return user.profile
    except Exception:  # no profile: treated as a public visitor
        return None


def role_of(user: Any) -> str | None:
    p = profile_of(user)
    return p.role if p else None


def _scope_q(user: Any) -> Q:
    """Forms the user sees besides the published ones."""
    p = profile_of(user)
    if p is None:
        return Q(pk__in=[])
    if p.role == "filler":
        return Q(unit_id=p.unit_id) if p.unit_id else Q(pk__in=[])
    not_draft = ~Q(state=rules.DRAFT)
    if p.role == "reviewer":
        if not p.unit_id:
            return Q(pk__in=[])
        dept = p.unit.department
        return not_draft & (Q(unit_id=dept.pk) | Q(unit__parent_id=dept.pk))
    if p.role == "finance":
        return not_draft
    return Q(pk__in=[])


def visible_forms(user: Any) -> QuerySet[FormRecord]:
    """Every form the user may open."""
    return FormRecord.objects.filter(Q(state=rules.PUBLISHED) | _scope_q(user)).select_related(
        "unit", "unit__parent"
    )


def scoped_forms(user: Any) -> QuerySet[FormRecord]:
    """The forms of the user's own area (their unit, department, or all for finance)."""
    return FormRecord.objects.filter(_scope_q(user)).select_related("unit", "unit__parent")


def can_view(user: Any, record: FormRecord) -> bool:
    if record.state == rules.PUBLISHED:
        return True
    p = profile_of(user)
    if p is None:
        return False
    if p.role == "filler":
        return p.unit_id is not None and record.unit_id == p.unit_id
    if record.state == rules.DRAFT:
        return False
    if p.role == "finance":
        return True
    if p.role == "reviewer" and p.unit_id:
        dept = p.unit.department
        return record.unit_id == dept.pk or record.unit.parent_id == dept.pk
    return False


def in_scope(user: Any, record: FormRecord) -> bool:
    """Whether the form belongs to the user's area of responsibility (not just published)."""
    p = profile_of(user)
    if p is None:
        return False
    if p.role == "finance":
        return True
    if not p.unit_id:
        return False
    if p.role == "filler":
        return record.unit_id == p.unit_id
    dept = p.unit.department
    return record.unit_id == dept.pk or record.unit.parent_id == dept.pk


def can_create(user: Any) -> bool:
    p = profile_of(user)
    return p is not None and p.role == "filler" and p.unit_id is not None


def can_edit(user: Any, record: FormRecord) -> bool:
    p = profile_of(user)
    return (
        p is not None
        and p.role == "filler"
        and record.unit_id == p.unit_id
        and record.state in rules.EDITABLE_STATES
    )


def can_act(user: Any, action: str, record: FormRecord) -> bool:
    if not in_scope(user, record) or not can_view(user, record):
        return False
    if not rules.may_in_state(action, record.state, role_of(user)):
        return False
    if action == "correct":  # only the newest version of a series can be corrected
        return not FormRecord.objects.filter(series=record.series, version__gt=record.version).exists()
    return True


def allowed_actions(user: Any, record: FormRecord) -> list[str]:
    return [name for name in rules.ACTIONS if can_act(user, name, record)]


def can_see_history(user: Any, record: FormRecord) -> bool:
    """Field history and transitions: everyone in scope; the public sees transitions only."""
    return in_scope(user, record) and can_view(user, record)
