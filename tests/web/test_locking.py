"""Optimistic locking: two editors of one form never silently overwrite each other."""

from __future__ import annotations

import json

import pytest

from jixiao.web.jsonio import dumps
from tests.web.personas import api_client_for, client_for, make_form, make_user
from tests.web.test_workflow import _editor_post


@pytest.mark.django_db
def test_second_save_from_the_same_version_is_a_conflict(users, units):
    colleague = make_user("colleague", "filler", units["A1"])
    record = make_form(units["A1"])
    first, second = client_for(users["filler_own"]), client_for(colleague)
    # both open the editor on the same version
    for client in (first, second):
        assert f'name="lock_version" value="{record.lock_version}"' in client.get(f"/forms/{record.pk}/edit/").content.decode()
    post_a = _editor_post(record.data, record.lock_version)
    post_a["project_name"] = "甲的修改"
    post_b = _editor_post(record.data, record.lock_version)
    post_b["project_name"] = "乙的修改"
    assert first.post(f"/forms/{record.pk}/edit/", post_a).status_code == 302
    response = second.post(f"/forms/{record.pk}/edit/", post_b)
    assert response.status_code == 409
    page = response.content.decode()
    assert "保存冲突" in page and 'value="乙的修改"' in page  # the loser's input is kept on screen
    record.refresh_from_db()
    assert record.project == "甲的修改" and record.lock_version == 2
    assert list(record.changes.values_list("new", flat=True)) == ["甲的修改"]


@pytest.mark.django_db
def test_api_conflict_is_409_with_both_versions(users, units):
    record = make_form(units["A1"])
    api = api_client_for(users["filler_own"])
    body = {"data": json.loads(dumps(record.data)), "lock_version": record.lock_version}
    assert api.put(f"/api/forms/{record.pk}", json.dumps(body), content_type="application/json").status_code == 200
    response = api.put(f"/api/forms/{record.pk}", json.dumps(body), content_type="application/json")
    assert response.status_code == 409
    payload = json.loads(response.content)
    assert payload["error"] == "conflict"
    assert (payload["current_lock_version"], payload["your_lock_version"]) == (2, 1)


@pytest.mark.django_db
def test_a_value_that_is_not_a_number_is_refused_not_dropped(users, units):
    record = make_form(units["A1"])
    post = _editor_post(record.data, record.lock_version)
    post["funds.total.executed"] = "一千万"
    response = client_for(users["filler_own"]).post(f"/forms/{record.pk}/edit/", post)
    assert response.status_code == 400
    page = response.content.decode()
    assert "funds.total.executed" in page and 'value="一千万"' in page
    record.refresh_from_db()
    assert record.lock_version == 1 and record.data["funds"]["total"]["executed"] == 10411006
