"""Two officers, or two scripts, change the same record through the API: each read carries an ETag, each change
names it in If-Match, and a change made from an older version is refused with the record as it now is."""

import datetime as dt
import threading
from decimal import Decimal
from functools import partial

import pytest
import time_machine
from django.db import connection
from django.test import Client

from apps.api.models import ApiToken
from apps.plans.models import Task, TaskState
from apps.tracking.models import Measurement, TaskUpdate

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 12, 16, 9, 0), tick=False):
        yield


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, url, body, headers):
    return client.post(url, body, content_type="application/json", headers=headers)


def figure(client, target, headers, value, period="2026-q1", **extra):
    return post(client, f"/api/targets/{target.pk}/measurements", {"period": period, "value": value}, headers | extra)


def test_it_sends_the_etag_of_each_changeable_record(client, officer, plan):
    headers = bearer(officer)
    target, task = plan.targets.get(), plan.tasks.first()
    Task.objects.filter(pk=task.pk).update(version=4)
    figure(client, target, headers, 80)

    got_plan = client.get(f"/api/plans/{plan.pk}", headers=headers)
    got_task = client.get(f"/api/tasks/{task.pk}", headers=headers)
    got_target = client.get(f"/api/targets/{target.pk}", headers=headers)
    listed = client.get(f"/api/targets/{target.pk}/measurements", headers=headers).json()

    assert (got_plan["ETag"], got_plan.json()["version"]) == ('"v1"', 1)
    assert {row["id"]: row["version"] for row in got_plan.json()["tasks"]}[task.pk] == 4
    assert (got_task["ETag"], got_task.json()["version"]) == ('"v4"', 4)
    assert (got_target["ETag"], got_target.json()["version"]) == ('"v1"', 1)
    assert got_target.json()["latest"]["version"] == 1
    assert [row["version"] for row in listed] == [1]
    assert client.get(f"/api/targets/{target.pk + 1000}", headers=headers).status_code == 404


def test_it_accepts_a_task_update_without_if_match_and_says_what_it_replaced(client, officer, plan):
    task = plan.tasks.first()
    Task.objects.filter(pk=task.pk).update(state=TaskState.IN_PROGRESS, progress=50, version=3)

    response = post(client, f"/api/tasks/{task.pk}/updates", {"status": "in_progress", "progress": 30}, bearer(officer))

    assert response.status_code == 201
    body = response.json()
    assert body["replaced"] == {"state": "in_progress", "progress": 50, "completed_on": None, "version": 3}
    assert (body["progress"], body["task"]["progress"], body["task"]["version"]) == (30, 30, 4)


def test_it_refuses_a_task_update_from_a_stale_version(client, officer, agency_officer, plan):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    seen = client.get(f"/api/tasks/{task.pk}", headers=bearer(agency_officer))["ETag"]
    post(client, f"/api/tasks/{task.pk}/updates", {"status": "in_progress", "progress": 50}, bearer(officer))

    response = post(
        client,
        f"/api/tasks/{task.pk}/updates",
        {"status": "in_progress", "progress": 30},
        bearer(agency_officer) | {"If-Match": seen},
    )

    assert response.status_code == 412
    assert response["ETag"] == '"v2"'
    body = response.json()
    assert "đã được người khác sửa" in body["detail"]
    assert (body["current"]["progress"], body["current"]["version"]) == (50, 2)
    assert TaskUpdate.objects.count() == 1
    assert Task.objects.get(pk=task.pk).progress == 50


def test_it_accepts_a_task_update_from_the_current_version(client, officer, plan):
    task = plan.tasks.first()
    headers = bearer(officer)
    seen = client.get(f"/api/tasks/{task.pk}", headers=headers)["ETag"]

    response = post(client, f"/api/tasks/{task.pk}/updates", {"status": "done"}, headers | {"If-Match": seen})

    assert response.status_code == 201
    assert response.json()["replaced"]["version"] == 1
    assert response.json()["task"]["version"] == 2


@pytest.mark.parametrize("if_match", ["v1", '"v1", "v2"', '"x1"', '"v99999999999"', "-1"])
def test_it_rejects_a_malformed_if_match(client, officer, plan, if_match):
    headers = bearer(officer) | {"If-Match": if_match}
    task, target = plan.tasks.first(), plan.targets.get()

    update = post(client, f"/api/tasks/{task.pk}/updates", {"status": "done"}, headers)
    value = figure(client, target, headers, 80)

    for response in (update, value):
        assert response.status_code == 400
        assert response.json()["detail"].startswith("Tiêu đề If-Match không hợp lệ")
    assert not TaskUpdate.objects.exists() and not Measurement.objects.exists()


def test_it_answers_409_with_the_existing_figure_when_if_match_is_missing(client, officer, agency_officer, plan):
    target = plan.targets.get()
    assert figure(client, target, bearer(officer), 80).status_code == 201

    response = figure(client, target, bearer(agency_officer), 90)

    assert response.status_code == 409
    assert response["ETag"] == '"v1"'
    body = response.json()
    assert 'gửi lại kèm tiêu đề If-Match: "v1"' in body["detail"]
    assert (Decimal(body["current"]["value"]), body["current"]["entered_by"]) == (Decimal("80"), "kesat.vhxh")
    assert Measurement.objects.get().value == Decimal("80")


def test_it_replaces_a_figure_named_by_its_etag_and_returns_the_old_one(client, officer, plan):
    target = plan.targets.get()
    headers = bearer(officer)
    first = figure(client, target, headers, 80)

    response = figure(client, target, headers, 90, **{"If-Match": first["ETag"]})

    assert response.status_code == 200
    assert response["ETag"] == '"v2"'
    body = response.json()
    assert (Decimal(body["value"]), body["version"]) == (Decimal("90"), 2)
    assert (Decimal(body["replaced"]["value"]), body["replaced"]["version"]) == (Decimal("80"), 1)
    assert first.json()["replaced"] is None


def test_it_refuses_a_figure_from_a_stale_etag(client, officer, agency_officer, plan):
    target = plan.targets.get()
    seen = figure(client, target, bearer(officer), 80)["ETag"]
    figure(client, target, bearer(officer), 85, **{"If-Match": seen})

    response = figure(client, target, bearer(agency_officer), 90, **{"If-Match": seen})

    assert response.status_code == 412
    assert response["ETag"] == '"v2"'
    assert Decimal(response.json()["current"]["value"]) == Decimal("85")
    assert "đã được người khác sửa" in response.json()["detail"]
    assert Measurement.objects.get().value == Decimal("85")


def test_it_refuses_if_match_for_a_period_without_a_figure(client, officer, plan):
    target = plan.targets.get()

    named = figure(client, target, bearer(officer), 80, **{"If-Match": '"v1"'})
    star = figure(client, target, bearer(officer), 80, **{"If-Match": "*"})

    for response in (named, star):
        assert response.status_code == 412
        assert response.json()["current"] is None
        assert "chưa có số liệu" in response.json()["detail"]
    assert not Measurement.objects.exists()


def test_it_replaces_whatever_figure_there_is_with_if_match_star(client, officer, plan):
    target = plan.targets.get()
    figure(client, target, bearer(officer), 80)
    figure(client, target, bearer(officer), 85, **{"If-Match": '"v1"'})

    response = figure(client, target, bearer(officer), 90, **{"If-Match": "*"})

    assert response.status_code == 200
    assert Decimal(response.json()["replaced"]["value"]) == Decimal("85")


def race(requests):
    """Send the requests at the same moment, each from its own thread (and so its own database connection)."""
    barrier = threading.Barrier(len(requests))
    answers = [None] * len(requests)

    def send(index, request):
        try:
            barrier.wait(timeout=10)
            answers[index] = request(client=Client(raise_request_exception=False))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=pair) for pair in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


@pytest.mark.django_db(transaction=True)
def test_it_keeps_one_of_two_first_figures_sent_at_once_and_says_so_to_the_other(officer, agency_officer, plan):
    target = plan.targets.get()
    people = [bearer(officer), bearer(agency_officer)]

    races = {"2026-q1": (70, 71), "2026-h1": (72, 73), "2026-q3": (74, 75), "2026-year": (76, 77)}

    for period, values in races.items():
        sends = zip(people, values, strict=True)
        answers = race([partial(figure, target=target, headers=h, value=v, period=period) for h, v in sends])

        assert sorted(a.status_code for a in answers) == [201, 409], [a.content[:300] for a in answers]
        saved = Measurement.objects.get(target=target, period__kind=period.split("-")[1])
        created = next(a for a in answers if a.status_code == 201)
        refused = next(a for a in answers if a.status_code == 409)
        assert Decimal(created.json()["value"]) == saved.value
        assert Decimal(refused.json()["current"]["value"]) == saved.value
        assert refused["ETag"] == saved.etag
        assert "If-Match" in refused.json()["detail"]
    assert Measurement.objects.filter(target=target).count() == 4


@pytest.mark.django_db(transaction=True)
def test_it_refuses_one_of_two_task_updates_sent_at_once_from_the_same_version(officer, agency_officer, plan):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    url = f"/api/tasks/{task.pk}/updates"
    people = [bearer(officer) | {"If-Match": '"v1"'}, bearer(agency_officer) | {"If-Match": '"v1"'}]

    bodies = [{"status": "in_progress", "progress": 40}, {"status": "in_progress", "progress": 60}]

    answers = race([partial(post, url=url, body=b, headers=h) for h, b in zip(people, bodies, strict=True)])

    assert sorted(a.status_code for a in answers) == [201, 412], [a.content[:300] for a in answers]
    kept = next(a for a in answers if a.status_code == 201).json()["progress"]
    assert Task.objects.get(pk=task.pk).progress == kept
    assert next(a for a in answers if a.status_code == 412).json()["current"]["progress"] == kept
    assert TaskUpdate.objects.count() == 1


def test_it_explains_etag_and_if_match_in_the_api_description(client, db):
    schema = client.get("/api/openapi.json").json()

    assert "If-Match" in schema["info"]["description"] and "412" in schema["info"]["description"]
    for path in ("/api/tasks/{task_id}/updates", "/api/targets/{target_id}/measurements"):
        operation = schema["paths"][path]["post"]
        [header] = [p for p in operation["parameters"] if p["in"] == "header"]
        assert header["name"] == "If-Match" and "ETag" in header["description"]
        assert {"400", "412"} <= set(operation["responses"])
    assert "409" in schema["paths"]["/api/targets/{target_id}/measurements"]["post"]["responses"]
    assert "get" in schema["paths"]["/api/targets/{target_id}"]
