"""Permission matrix: every persona × every form endpoint × every state, own and other unit.

The expected outcomes are written out here as tables, independently of
``jixiao.web.access``, so a change in the helper that widens or narrows access fails.
Forms belong to unit A1 ("own unit" for filler_own and reviewer_own, whose department
is A); filler_other and reviewer_other are in department B.
"""

from __future__ import annotations

import json

import pytest

from jixiao.web import engine
from jixiao.web.jsonio import dumps
from jixiao.web.records.models import FormRecord
from tests.web.personas import PERSONAS, STATES, api_client_for, client_for, make_form

ALL = set(STATES)
VISIBLE = {
    "anonymous": {"published"},
    "filler_own": ALL,
    "filler_other": {"published"},
    "reviewer_own": ALL - {"draft"},
    "reviewer_other": {"published"},
    "finance": ALL - {"draft"},
}
EDITABLE = {"filler_own": {"draft", "returned"}}
ALLOWED = {
    "submit": {"filler_own": {"draft", "returned"}},
    "return": {"reviewer_own": {"submitted", "resubmitted"}, "finance": {"approved"}},
    "approve": {"reviewer_own": {"submitted", "resubmitted"}},
    "publish": {"finance": {"approved"}},
    "correct": {"filler_own": {"published"}, "finance": {"published"}},
}
NEXT = {"submit": {"draft": "submitted", "returned": "resubmitted"}, "return": "returned",
        "approve": "approved", "publish": "published"}


def expected(persona: str, state: str, allowed: bool, login_page: bool = True) -> int:
    """Status for an action: allowed → ok, visible → 403, invisible → 404, anonymous → login."""
    if persona == "anonymous" and login_page:
        return 302
    if state not in VISIBLE[persona]:
        return 404
    return 0 if allowed else 403


@pytest.fixture
def no_gate(monkeypatch):
    """Submission's content gate is tested elsewhere; here only who-may-do-what matters."""
    monkeypatch.setattr(engine, "submission_problems", lambda data, lang="zh": [])


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_pages(persona, state, users, units, no_gate):
    user = users[persona]
    client = client_for(user)
    record = make_form(units["A1"], state)
    visible = state in VISIBLE[persona]
    for url in (f"/forms/{record.pk}/", f"/forms/{record.pk}/json/"):
        assert client.get(url).status_code == (200 if visible else 404), url
    editable = state in EDITABLE.get(persona, set())
    status = expected(persona, state, editable)
    assert client.get(f"/forms/{record.pk}/edit/").status_code == (status or 200)
    saved = client.post(f"/forms/{record.pk}/edit/", {"year": "2022", "project_name": "改名",
                                                       "lock_version": record.lock_version})
    assert saved.status_code == (status or 302)
    record.refresh_from_db()
    assert (record.project == "改名") == editable
    for action, table in ALLOWED.items():
        target = make_form(units["A1"], state)
        allowed = state in table.get(persona, set())
        response = client.post(f"/forms/{target.pk}/act/", {"action": action, "comment": "意见"})
        assert response.status_code == (expected(persona, state, allowed) or 302), action
        target.refresh_from_db()
        if allowed and action != "correct":
            nxt = NEXT[action]
            assert target.state == (nxt[state] if isinstance(nxt, dict) else nxt)
            assert target.transitions.get().comment == "意见"
        else:
            assert target.state == state
        versions = FormRecord.objects.filter(series=target.series).count()
        assert versions == (2 if allowed and action == "correct" else 1)


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_api(persona, state, users, units, no_gate):
    user = users[persona]
    client = api_client_for(user)
    record = make_form(units["A1"], state)
    visible = state in VISIBLE[persona]
    for suffix in ("", "/transitions", "/check"):
        assert client.get(f"/api/forms/{record.pk}{suffix}").status_code == (200 if visible else 404), suffix
    editable = state in EDITABLE.get(persona, set())
    body = dumps({"data": dict(record.data, project_name="改名"), "lock_version": record.lock_version})
    response = client.put(f"/api/forms/{record.pk}", body, content_type="application/json")
    assert response.status_code == (expected(persona, state, editable, login_page=False) or 200)
    for action, table in ALLOWED.items():
        target = make_form(units["A1"], state)
        allowed = state in table.get(persona, set())
        response = client.post(f"/api/forms/{target.pk}/transitions",
                               json.dumps({"action": action, "comment": "意见"}), content_type="application/json")
        assert response.status_code == (expected(persona, state, allowed, login_page=False) or 200), action
        target.refresh_from_db()
        assert (target.state != state) == (allowed and action != "correct")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_lists_show_exactly_the_visible_forms(persona, users, units, forms_by_state):
    other = {s: make_form(units["B1"], s) for s in STATES}  # forms of the other department
    user = users[persona]
    own_visible = {forms_by_state[s].pk for s in VISIBLE[persona]}
    other_visible = {other["published"].pk} | (
        {other[s].pk for s in STATES if s != "draft"} if persona == "finance" else set()
    ) | ({other[s].pk for s in STATES} if persona == "filler_other" else set()) | (
        {other[s].pk for s in STATES if s != "draft"} if persona == "reviewer_other" else set()
    )
    listed = json.loads(api_client_for(user).get("/api/forms?limit=500").content)
    assert {item["id"] for item in listed["items"]} == own_visible | other_visible
    public = client_for(user).get("/public/").content.decode()
    for s, record in forms_by_state.items():
        assert (f'/forms/{record.pk}/"' in public) == (s == "published")
    if user is not None:
        page = client_for(user).get("/forms/?all=1").content.decode()
        for record in list(forms_by_state.values()) + list(other.values()):
            shown = f'/forms/{record.pk}/"' in page
            assert shown == (record.pk in own_visible | other_visible), (record.unit.name, record.state)


PAGE_ACCESS = {
    # url, method: statuses per persona
    ("/dashboard/", "get"): {"anonymous": 302, "filler_own": 403, "filler_other": 403,
                             "reviewer_own": 200, "reviewer_other": 200, "finance": 200},
    ("/dashboard/data/", "get"): {"anonymous": 302, "filler_own": 403, "filler_other": 403,
                                  "reviewer_own": 200, "reviewer_other": 200, "finance": 200},
    ("/dashboard/forms/", "get"): {"anonymous": 302, "filler_own": 403, "filler_other": 403,
                                   "reviewer_own": 200, "reviewer_other": 200, "finance": 200},
    ("/import/", "get"): {"anonymous": 302, "filler_own": 200, "filler_other": 200,
                          "reviewer_own": 403, "reviewer_other": 403, "finance": 403},
    ("/forms/new/", "post"): {"anonymous": 302, "filler_own": 302, "filler_other": 302,
                              "reviewer_own": 403, "reviewer_other": 403, "finance": 403},
    ("/forms/preview/", "post"): {"anonymous": 302, "filler_own": 200, "filler_other": 200,
                                  "reviewer_own": 403, "reviewer_other": 403, "finance": 403},
    ("/forms/", "get"): {"anonymous": 302, "filler_own": 200, "filler_other": 200,
                         "reviewer_own": 200, "reviewer_other": 200, "finance": 200},
    ("/tokens/", "get"): {"anonymous": 302, "filler_own": 200, "filler_other": 200,
                          "reviewer_own": 200, "reviewer_other": 200, "finance": 200},
    ("/public/", "get"): dict.fromkeys(PERSONAS, 200),
    ("/", "get"): dict.fromkeys(PERSONAS, 200),
    ("/api/docs", "get"): dict.fromkeys(PERSONAS, 200),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_other_pages(persona, users):
    client = client_for(users[persona])
    for (url, method), statuses in PAGE_ACCESS.items():
        response = getattr(client, method)(url)
        assert response.status_code == statuses[persona], (url, method)
        if response.status_code == 302 and persona == "anonymous":
            assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_api_creates_only_for_fillers_in_their_own_unit(users, units):
    body = json.dumps({"data": {"year": 2023, "project_name": "新项目"}})
    for persona in PERSONAS:
        response = api_client_for(users[persona]).post("/api/forms", body, content_type="application/json")
        assert response.status_code == (201 if persona.startswith("filler") else 403), persona
    assert sorted(FormRecord.objects.values_list("unit__name", flat=True)) == ["单位乙一", "单位甲一"]


@pytest.mark.django_db
def test_bad_token_is_401(users):
    client = api_client_for(None)
    assert client.get("/api/forms", HTTP_AUTHORIZATION="Bearer nope").status_code == 401


@pytest.mark.django_db
def test_export_selection_drops_forms_the_user_may_not_see(users, units):
    hidden = make_form(units["A1"], "draft")
    response = client_for(users["filler_other"]).post("/forms/export/", {"ids": [hidden.pk], "format": "xlsx"})
    assert response.status_code == 400
    assert client_for(users["filler_other"]).get(f"/forms/{hidden.pk}/export/xlsx/").status_code == 404
