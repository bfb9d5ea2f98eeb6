"""The survey API: anyone fetches Kẽ Sắt's form with a visit token and submits it without a token of ours (201,
once: the same visit again is 409); wrong answers are told per question (400). The results need a sign-in and
follow the pages' permissions."""

import datetime as dt
from decimal import Decimal

from django.test import Client

from apps.api.models import ApiToken
from apps.surveys.models import Response
from tests.web.survey_answers import stored


def form(client, unit):
    return client.get(f"/api/surveys/{unit.pk}/form").json()


def test_it_gives_the_form_with_a_visit_token_to_anyone(kesat):
    answer = Client().get(f"/api/surveys/{kesat.pk}/form")

    body = answer.json()
    assert answer.status_code == 200
    assert [f["name"] for f in body["factors"]][:2] == ["Tiếp cận dịch vụ", "Thủ tục hành chính"]
    assert body["overall"]["code"] == "overall" and body["visit_token"]
    assert {"level": 0, "label": "Không ý kiến"} in body["scale"]


def test_it_takes_an_anonymous_response_once(kesat, pvhcc, settings):
    settings.SURVEY_MIN_SECONDS = 0
    client = Client()
    token = form(client, kesat)["visit_token"]
    body = {"visit_token": token, "answers": {"overall": 5, "servants.1": 4}, "desk": pvhcc.pk}

    first = client.post(f"/api/surveys/{kesat.pk}/responses", body, content_type="application/json")
    again = client.post(f"/api/surveys/{kesat.pk}/responses", body, content_type="application/json")

    assert first.status_code == 201 and first.json()["flags"] == []
    assert again.status_code == 409 and "đã được gửi" in again.json()["detail"]
    assert Response.objects.get().desk == pvhcc


def test_it_tells_which_answers_are_wrong(kesat):
    client = Client()
    token = form(client, kesat)["visit_token"]

    answer = client.post(
        f"/api/surveys/{kesat.pk}/responses",
        {"visit_token": token, "answers": {"overall": 7, "khong-co": 3}, "respondent": {"gender": "?"}},
        content_type="application/json",
    )

    errors = answer.json()["errors"]
    assert answer.status_code == 400
    assert set(errors) == {"overall", "items", "gender"}
    assert Response.objects.count() == 0


def test_it_refuses_a_token_of_another_unit(kesat, maodien):
    client = Client()
    token = form(client, maodien)["visit_token"]

    answer = client.post(
        f"/api/surveys/{kesat.pk}/responses",
        {"visit_token": token, "answers": {"overall": 5}},
        content_type="application/json",
    )

    assert answer.status_code == 400 and "đơn vị khác" in answer.json()["detail"]


def test_it_shows_results_to_the_unit_and_the_city_only(kesat, officer, other_commune_officer, reviewer):
    day = dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC)
    stored(kesat, {"overall": 5, "access.1": 4}, submitted_at=day)
    stored(kesat, {"overall": 2, "access.1": 3}, submitted_at=day)
    url = f"/api/surveys/results?unit={kesat.pk}&period=2026-year"

    def as_(user):
        return Client().get(url, headers={"Authorization": f"Bearer {ApiToken.issue(user)[1]}"})

    mine = as_(officer)
    assert mine.status_code == 200
    body = mine.json()
    assert body["responses"] == 2 and body["period"] == "2026-year"
    assert Decimal(body["factors"][0]["rate"]) == Decimal("50")  # only its first item was answered: 1 of 2
    assert body["items"][-1] == {"code": "overall", "name": body["items"][-1]["name"], "rate": "50.00", "answers": 2}
    assert as_(reviewer).status_code == 200
    assert as_(other_commune_officer).status_code == 404
    assert Client().get(url).status_code == 401
