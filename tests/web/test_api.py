"""REST API: OpenAPI document, exact decimals, stateless score/check, rule set per year."""

from __future__ import annotations

import json

import pytest

from jixiao.web.jsonio import dumps
from jixiao.web.records.models import RuleSetting
from tests.web.personas import api_client_for, client_for, make_form


@pytest.mark.django_db
def test_openapi_lists_the_endpoints():
    doc = json.loads(client_for(None).get("/api/openapi.json").content)
    paths = set(doc["paths"])
    assert {"/api/forms", "/api/forms/{pk}", "/api/forms/{pk}/score", "/api/forms/{pk}/check",
            "/api/forms/{pk}/transitions", "/api/score", "/api/check"} <= paths
    assert set(doc["paths"]["/api/forms/{pk}"]) == {"get", "put"}
    assert "bearer" in json.dumps(doc["components"]["securitySchemes"]).lower()


@pytest.mark.django_db
def test_amounts_keep_their_digits_through_the_api(users, units):
    record = make_form(units["A1"], "published")
    body = json.loads(client_for(None).get(f"/api/forms/{record.pk}").content.decode())
    text = client_for(None).get(f"/api/forms/{record.pk}").content.decode()
    assert '"executed": 10411006' in text  # an integer amount stays an integer
    assert body["data"]["execution"]["rate_percent"] == 89.61
    created = api_client_for(users["filler_own"]).post(
        "/api/forms", '{"data": {"year": 2023, "funds": {"total": {"executed": 215457.60}}}}',
        content_type="application/json")
    assert created.status_code == 201
    assert '"executed": 215457.6' in created.content.decode()


@pytest.mark.django_db
def test_stateless_score_and_check_need_a_token(users, units):
    data = json.loads(dumps(make_form(units["A1"]).data))
    body = json.dumps({"data": data})
    assert client_for(None).post("/api/score", body, content_type="application/json").status_code == 403
    api = api_client_for(users["reviewer_own"])
    score = json.loads(api.post("/api/score", body, content_type="application/json").content)
    assert score["grade"] in ("优", "良", "中", "差") and len(score["indicators"]) == len(data["indicators"])
    check = json.loads(api.post("/api/check", body, content_type="application/json").content)
    assert len(check["targets"]) == len(data["indicators"]) and check["targets"][0]


@pytest.mark.django_db
def test_rule_set_chosen_per_year_in_admin(users, units):
    record = make_form(units["A1"], "published")
    default = json.loads(client_for(None).get(f"/api/forms/{record.pk}/score").content)
    assert default["rules"] == "shanghai-2022"
    RuleSetting.objects.create(year=record.year, rules="national-2020")
    chosen = json.loads(client_for(None).get(f"/api/forms/{record.pk}/score").content)
    assert chosen["rules"] == "national-2020"
    RuleSetting.objects.all().delete()
    assert json.loads(client_for(None).get(f"/api/forms/{record.pk}/score").content)["rules"] == "shanghai-2022"


@pytest.mark.django_db
def test_admin_lists_reference_data(users):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", password="x-very-secret-1")
    client = client_for(admin)
    for url in ("/admin/accounts/unit/", "/admin/accounts/profile/", "/admin/records/rulesetting/", f"/admin/auth/user/{admin.pk}/change/",
                "/admin/records/formrecord/", "/admin/workflow/transition/"):
        assert client.get(url).status_code == 200, url
    bad = client.post("/admin/records/rulesetting/add/", {"year": "2021", "rules": "no-such-rules"})
    assert bad.status_code == 200 and "未知的评分规则" in bad.content.decode()
    assert not RuleSetting.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "filler_own", "reviewer_own", "finance"])
def test_pages_in_english(persona, users, units):
    record = make_form(units["A1"], "published")
    draft = make_form(units["A1"], "draft")
    client = client_for(users[persona])
    client.cookies["django_language"] = "en"
    urls = ["/", "/public/", f"/forms/{record.pk}/"]
    if persona != "anonymous":
        urls += ["/forms/", "/tokens/"]
    if persona == "filler_own":
        urls += [f"/forms/{draft.pk}/edit/", "/import/"]
    if persona in ("reviewer_own", "finance"):
        urls += ["/dashboard/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert '<html lang="en">' in page and "Public" in page, url
    detail = client.get(f"/forms/{record.pk}/").content.decode()
    assert "Workflow history" in detail and "Indicators" in detail


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN"])
def test_non_finite_numbers_are_reported_at_their_field_not_a_server_error(users, units, number):
    api = api_client_for(users["filler_own"])
    body = '{"data": {"year": 2023, "funds": {"total": {"executed": N}}, "total_score": N}}'.replace("N", number)
    created = api.post("/api/forms", body, content_type="application/json")
    assert created.status_code == 400
    assert json.loads(created.content)["fields"] == ["funds.total.executed", "total_score"]
    checked = api.post("/api/check", body, content_type="application/json")
    assert checked.status_code == 200
    issues = json.loads(checked.content)["issues"]
    assert {(i["code"], i["location"]["field"]) for i in issues if i["code"] == "json-type"} == {
        ("json-type", "funds.total.executed"), ("json-type", "total_score")}
