"""The workflow as a table: which action moves a form from which states to which.

draft → submitted → (returned → resubmitted)* → approved → published. A published form
is frozen; ``correct`` makes a new draft version beside it. Who may act is decided by
:mod:`jixiao.web.access` (role and unit scope); this table only knows states.
"""

from __future__ import annotations

from dataclasses import dataclass

DRAFT, SUBMITTED, RETURNED, RESUBMITTED, APPROVED, PUBLISHED = (
    "draft", "submitted", "returned", "resubmitted", "approved", "published",
)
EDITABLE_STATES = frozenset({DRAFT, RETURNED})
IN_REVIEW = frozenset({SUBMITTED, RESUBMITTED})


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    sources: frozenset[str]
    roles: frozenset[str]
    comment_required: bool = False
    label_zh: str = ""
    label_en: str = ""

    def target(self, state: str) -> str:
        """The state the action leads to from ``state``."""
        if self.name == "submit":
            return RESUBMITTED if state == RETURNED else SUBMITTED
        return _TARGETS[self.name]


_TARGETS = {"return": RETURNED, "approve": APPROVED, "publish": PUBLISHED, "correct": DRAFT}

ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action("submit", frozenset({DRAFT, RETURNED}), frozenset({"filler"}), False, "提交", "Submit"),
        Action("return", frozenset({SUBMITTED, RESUBMITTED, APPROVED}), frozenset({"reviewer", "finance"}),
               True, "退回", "Return"),
        Action("approve", IN_REVIEW, frozenset({"reviewer"}), False, "审核通过", "Approve"),
        Action("publish", frozenset({APPROVED}), frozenset({"finance"}), False, "公开", "Publish"),
        Action("correct", frozenset({PUBLISHED}), frozenset({"filler", "finance"}), False,
               "更正（新版本）", "Correct (new version)"),
    )
}


def may_in_state(action: str, state: str, role: str | None) -> bool:
    """Whether the table allows ``role`` to take ``action`` on a form in ``state``.

    Finance may return only an approved form (before publishing); reviewers return
    forms under review.
    """
    a = ACTIONS.get(action)
    if a is None or role not in a.roles or state not in a.sources:
        return False
    if action == "return":
        return (role == "finance") == (state == APPROVED)
    return True
