"""Dashboards: figures per department and year, drill-down within the user's scope; notes on warnings."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao.web import engine
from tests.web.personas import client_for, make_form


@pytest.mark.django_db
def test_figures_and_drill_down_stay_in_scope(users, units):
    own = [make_form(units["A1"], "submitted", index=i) for i in range(2)]
    other = make_form(units["B1"], "submitted", index=2)
    reviewer = client_for(users["reviewer_own"])
    data = json.loads(reviewer.get("/dashboard/data/").content)
    assert data["count"] == 2
    assert [u["name"] for u in data["units"]] == ["单位甲一"]
    budget = sum(Decimal(str(r.data["funds"]["total"]["annual_budget"])) for r in own)
    assert Decimal(data["units"][0]["budget"]) == budget
    assert sorted(data["units"][0]["ids"]) == sorted(r.pk for r in own)
    assert sum(len(g["ids"]) for g in data["grades"]) == 2
    scores = [engine.analyse(r.data)["score"]["total"] for r in own]
    gaps = {g["id"]: Decimal(g["gap"]) for g in data["gaps"]}
    for record, total in zip(own, scores, strict=True):
        assert gaps[record.pk] == Decimal(str(record.data["total_score"])) - Decimal(str(total))
    # drilling into ids outside the reviewer's department shows nothing of them
    page = reviewer.get(f"/dashboard/forms/?ids={own[0].pk},{other.pk}").content.decode()
    assert f"/forms/{own[0].pk}/" in page and f"/forms/{other.pk}/" not in page
    finance = json.loads(client_for(users["finance"]).get(f"/dashboard/data/?department={units['B'].pk}").content)
    assert finance["count"] == 1 and finance["units"][0]["ids"] == [other.pk]


@pytest.mark.django_db
def test_warning_notes_are_saved_and_shown(users, units):
    from tests.web.test_workflow import _editor_post

    record = make_form(units["A1"])
    warnings = [i for i in engine.analyse(record.data)["issues"] if i["severity"] == "warning" and not i["blocking"]]
    assert warnings, "the sample has warnings"
    key = warnings[0]["key"]
    post = _editor_post(record.data, record.lock_version)
    post[f"ack.{key}"] = "已与业务处室核实，属实。"
    client = client_for(users["filler_own"])
    assert client.post(f"/forms/{record.pk}/edit/", post).status_code == 302
    record.refresh_from_db()
    assert record.acks == {key: "已与业务处室核实，属实。"}
    assert "已与业务处室核实，属实。" in client_for(users["filler_own"]).get(f"/forms/{record.pk}/").content.decode()
