"""Submission is blocked by errors and missing deviation reasons (the real audit decides)."""

from __future__ import annotations

import json

import pytest

from jixiao.web import engine
from jixiao.web.jsonio import dumps
from tests.web.personas import api_client_for, client_for, make_form


def _shortfall_index(data):
    """An indicator scored below its weight that carries a deviation reason in the sample."""
    for i, ind in enumerate(data["indicators"]):
        if ind["deviation"] and ind["score"] is not None and ind["weight"] is not None and ind["score"] < ind["weight"]:
            return i
    raise AssertionError("the sample has a shortfall with a reason")


@pytest.mark.django_db
def test_missing_reason_blocks_then_writing_it_allows_submission(users, units):
    record = make_form(units["A1"])
    baseline = engine.analyse(record.data)
    assert baseline["blocking"] == 0, [i["code"] for i in baseline["issues"] if i["blocking"]]
    index = _shortfall_index(record.data)
    data = json.loads(dumps(record.data))
    reason = data["indicators"][index]["deviation"]
    data["indicators"][index]["deviation"] = None
    api = api_client_for(users["filler_own"])
    saved = api.put(f"/api/forms/{record.pk}", json.dumps({"data": data, "lock_version": 1}), content_type="application/json")
    assert saved.status_code == 200
    check = json.loads(api.get(f"/api/forms/{record.pk}/check").content)
    blocking = [i for i in check["issues"] if i["blocking"]]
    assert blocking and all(i["location"].get("field", "").startswith(f"indicators[{index}]") for i in blocking)
    # the page refuses and lists the problem
    page = client_for(users["filler_own"]).post(f"/forms/{record.pk}/act/", {"action": "submit"}, follow=True)
    assert "不能提交" in page.content.decode()
    record.refresh_from_db()
    assert record.state == "draft"
    # the API answers 422 with the problems
    response = api.post(f"/api/forms/{record.pk}/transitions", json.dumps({"action": "submit"}), content_type="application/json")
    assert response.status_code == 422
    assert json.loads(response.content)["problems"]
    # write the reason back: submission goes through
    data["indicators"][index]["deviation"] = reason
    assert api.put(f"/api/forms/{record.pk}", json.dumps({"data": data, "lock_version": 2}), content_type="application/json").status_code == 200
    response = api.post(f"/api/forms/{record.pk}/transitions", json.dumps({"action": "submit"}), content_type="application/json")
    assert response.status_code == 200
    assert json.loads(response.content)["state"] == "submitted"


@pytest.mark.django_db
def test_preview_reports_score_and_target_reading(users):
    client = client_for(users["filler_own"])
    post = {"year": "2022", "ind.level1": ["产出指标"], "ind.level2": ["数量指标"], "ind.name": ["培训人数"],
            "ind.target": [">=90人"], "ind.actual": ["154人"], "ind.weight": ["10"], "ind.score": ["10"]}
    met = json.loads(client.post("/forms/preview/", post).content)
    post["ind.actual"] = ["45人"]
    missed = json.loads(client.post("/forms/preview/", post).content)
    assert met["targets"][0] and met["targets"][0] == missed["targets"][0]
    assert met["score"]["indicators"][0]["score"] > missed["score"]["indicators"][0]["score"]
