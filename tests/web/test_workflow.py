"""Workflow: the whole path with its history rows, comments, freezing and corrections."""

from __future__ import annotations

import json

import pytest

from jixiao.web import engine
from jixiao.web.records.models import FormRecord
from jixiao.web.workflow.models import Transition
from tests.web.personas import api_client_for, client_for, make_form


@pytest.fixture
def no_gate(monkeypatch):
    monkeypatch.setattr(engine, "submission_problems", lambda data, lang="zh": [])


def act(user, record, action, comment=""):
    return client_for(user).post(f"/forms/{record.pk}/act/", {"action": action, "comment": comment})


@pytest.mark.django_db
def test_full_path_records_every_transition(users, units, no_gate):
    record = make_form(units["A1"])
    filler, reviewer, finance = users["filler_own"], users["reviewer_own"], users["finance"]
    steps = [(filler, "submit", ""), (reviewer, "return", "请补充第 8 项的偏差原因"),
             (filler, "submit", ""), (reviewer, "approve", "同意"), (finance, "publish", "")]
    for user, action, comment in steps:
        assert act(user, record, action, comment).status_code == 302
    rows = list(Transition.objects.filter(record=record).values_list("user__username", "from_state", "to_state", "comment"))
    assert rows == [
        ("filler_own", "draft", "submitted", ""),
        ("reviewer_own", "submitted", "returned", "请补充第 8 项的偏差原因"),
        ("filler_own", "returned", "resubmitted", ""),
        ("reviewer_own", "resubmitted", "approved", "同意"),
        ("finance", "approved", "published", ""),
    ]
    record.refresh_from_db()
    assert record.state == "published"
    page = client_for(None).get(f"/forms/{record.pk}/").content.decode()
    assert "请补充第 8 项的偏差原因" in page  # the public sees the comments, not who wrote them
    assert "reviewer_own" not in page


@pytest.mark.django_db
def test_return_requires_a_comment(users, units, no_gate):
    record = make_form(units["A1"], "submitted")
    assert act(users["reviewer_own"], record, "return", "   ").status_code == 400
    record.refresh_from_db()
    assert record.state == "submitted"
    api = api_client_for(users["reviewer_own"])
    response = api.post(f"/api/forms/{record.pk}/transitions", json.dumps({"action": "return"}),
                        content_type="application/json")
    assert response.status_code == 400
    assert json.loads(response.content)["error"] == "invalid"


@pytest.mark.django_db
def test_published_is_frozen_and_a_correction_is_a_new_version(users, units, no_gate):
    record = make_form(units["A1"], "published")
    filler = users["filler_own"]
    assert client_for(filler).get(f"/forms/{record.pk}/edit/").status_code == 403
    assert act(filler, record, "correct").status_code == 302
    v2 = FormRecord.objects.get(series=record.series, version=2)
    assert v2.state == "draft" and v2.data == record.data and v2.unit == record.unit
    # the old version can no longer be corrected, and is unchanged and public
    assert act(filler, record, "correct").status_code == 403
    record.refresh_from_db()
    assert record.state == "published"
    assert client_for(None).get(f"/forms/{record.pk}/").status_code == 200
    assert client_for(None).get(f"/forms/{v2.pk}/").status_code == 404  # a draft
    # edit the new version and take it through to publication
    edited = dict(v2.data, project_name=v2.data["project_name"] + "（更正）")
    response = api_client_for(filler).put(
        f"/api/forms/{v2.pk}", json.dumps({"data": _plain(edited), "lock_version": v2.lock_version}),
        content_type="application/json")
    assert response.status_code == 200
    for user, action in ((filler, "submit"), (users["reviewer_own"], "approve"), (users["finance"], "publish")):
        assert act(user, v2, action).status_code == 302
    public = client_for(None).get("/public/").content.decode()
    assert "（更正）" in public and "已被更正" in public
    detail = client_for(None).get(f"/forms/{v2.pk}/").content.decode()
    assert f"/forms/{record.pk}/" in detail  # the old version stays linked


@pytest.mark.django_db
def test_field_history_names_who_changed_what(users, units):
    record = make_form(units["A1"])
    client = client_for(users["filler_own"])
    post = _editor_post(record.data, lock_version=record.lock_version)
    post["funds.total.executed"] = "10411007"
    post["ind.actual"][0] = "350人"
    assert client.post(f"/forms/{record.pk}/edit/", post).status_code == 302
    changes = {c.path: (str(c.old), str(c.new), c.user.username) for c in record.changes.all()}
    assert changes == {
        "funds.total.executed": ("10411006", "10411007", "filler_own"),
        "indicators[0].actual": ("343人", "350人", "filler_own"),
    }


@pytest.mark.django_db
def test_field_history_of_removed_rows_keeps_every_leaf_as_stored(users, units):
    """One save that drops indicators writes a row per removed leaf (one statement on
    PostgreSQL): values come back typed as the form stores them, an absent one as NULL."""
    from decimal import Decimal

    from jixiao.web.records.service import diff

    record = make_form(units["A1"])
    post = _editor_post(record.data, lock_version=record.lock_version)
    for key in [k for k in post if k.startswith("ind.")]:
        post[key] = post[key][:1]
    post["execution.rate_percent"] = "99.5"
    before = record.data
    assert client_for(users["filler_own"]).post(f"/forms/{record.pk}/edit/", post).status_code == 302
    record.refresh_from_db()
    expected = diff(before, record.data)
    assert len(expected) > 20
    stored = sorted(record.changes.values_list("path", "old", "new", "user__username"))
    assert stored == sorted((p, o, n, "filler_own") for p, o, n in expected)
    assert record.changes.filter(new__isnull=True).count() == sum(1 for _, _, n in expected if n is None)
    assert record.changes.get(path="execution.rate_percent").new == Decimal("99.5")


def _plain(data):
    from jixiao.web.jsonio import dumps

    return json.loads(dumps(data))


def _editor_post(data, lock_version):
    """The POST the editor page sends for ``data`` unchanged."""
    from jixiao.core.model import FUND_COLUMNS, FUND_ROWS
    from jixiao.formats.interchange import INDICATOR_KEYS

    def s(v):
        return "" if v is None else str(v)

    post = {"lock_version": str(lock_version), "year": s(data["year"]), "project_name": s(data["project_name"]),
            "department": s(data["department"]), "implementing_unit": s(data["implementing_unit"]),
            "total_score": s(data["total_score"]),
            "goals.expected": s(data["goals"]["expected"]), "goals.actual": s(data["goals"]["actual"])}
    for r in FUND_ROWS:
        for c in FUND_COLUMNS:
            post[f"funds.{r}.{c}"] = s(data["funds"][r][c])
    for k in ("weight", "rate_percent", "score"):
        post[f"execution.{k}"] = s(data["execution"][k])
    for k in INDICATOR_KEYS:
        post[f"ind.{k}"] = [s(i[k]) for i in data["indicators"]]
    return post


@pytest.mark.django_db
def test_creation_is_the_first_history_row(users):
    client = client_for(users["filler_own"])
    response = client.post("/forms/new/")
    record = FormRecord.objects.get()
    assert response["Location"] == f"/forms/{record.pk}/edit/"
    assert list(record.transitions.values_list("user__username", "from_state", "to_state")) == [
        ("filler_own", "", "draft")]
    assert record.unit.name == "单位甲一" and record.data["implementing_unit"] == "单位甲一"


@pytest.mark.django_db
def test_finance_correction_goes_to_the_unit_as_a_draft(users, units):
    record = make_form(units["A1"], "published")
    response = client_for(users["finance"]).post(f"/forms/{record.pk}/act/", {"action": "correct"}, follow=True)
    assert response.status_code == 200 and "更正草稿 v2" in response.content.decode()
    v2 = FormRecord.objects.get(series=record.series, version=2)
    assert client_for(users["filler_own"]).get(f"/forms/{v2.pk}/edit/").status_code == 200
