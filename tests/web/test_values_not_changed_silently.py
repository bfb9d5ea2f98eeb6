"""Values are never changed behind the user's back: a state and a percentage that disagree ("Đang thực hiện" at
100%, "Đã hoàn thành" at 60%) are asked about, not corrected; a number in exponent form ("1E2") is refused, on the
pages, in the plan's forms and in the API."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from apps.api.models import ApiToken
from apps.plans.forms import ForgivingDecimalField
from apps.plans.models import TaskState
from apps.tracking.figures import FigureError, parse_number
from apps.tracking.models import Measurement, Period, TaskUpdate

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


def update(client, task, **data):
    return client.post(reverse("tracking-update", args=[task.pk]), data)


@pytest.fixture
def task(plan):
    return plan.tasks.get(lead__code="ke-sat-pvhcc")


def test_it_asks_whether_a_task_at_100_percent_is_done(client, task, agency_officer):
    client.force_login(agency_officer)
    response = update(client, task, state="in_progress", progress="100")
    page = response.content.decode()

    assert response.status_code == 200
    assert "Bạn chọn “Đang thực hiện” nhưng ghi tiến độ 100%" in page
    assert 'name="resolve" value="done"' in page
    assert not TaskUpdate.objects.exists()

    update(client, task, state="in_progress", progress="100", resolve="done")
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.DONE, 100)


def test_it_asks_whether_a_task_at_60_percent_is_done_and_keeps_the_answer(client, task, agency_officer):
    client.force_login(agency_officer)
    page = update(client, task, state="done", progress="60").content.decode()

    assert "Bạn chọn “Đã hoàn thành” nhưng ghi tiến độ 60%" in page
    assert "Đã hoàn thành (100%)" in page and "Đang thực hiện, 60%" in page
    assert not TaskUpdate.objects.exists()

    update(client, task, state="done", progress="60", resolve="in_progress")
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.IN_PROGRESS, 60)


def test_it_asks_about_a_started_percentage_on_a_task_not_started(client, task, agency_officer):
    client.force_login(agency_officer)
    page = update(client, task, state="not_started", progress="30").content.decode()
    assert "Bạn chọn “Chưa thực hiện” nhưng ghi tiến độ 30%" in page
    assert not TaskUpdate.objects.exists()


def test_it_accepts_a_state_and_percentage_that_agree(client, task, agency_officer):
    client.force_login(agency_officer)
    assert update(client, task, state="in_progress", progress="40").status_code == 302
    assert update(client, task, state="done", progress="").status_code == 302
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.DONE, 100)


def test_the_api_refuses_a_state_and_percentage_that_disagree(client, task, agency_officer):
    headers = {"Authorization": f"Bearer {ApiToken.issue(agency_officer)[1]}"}
    url = f"/api/tasks/{task.pk}/updates"
    for body, question in [
        ({"status": "done", "progress": 60}, "Bạn chọn “Đã hoàn thành” nhưng ghi tiến độ 60%"),
        ({"status": "in_progress", "progress": 100}, "Bạn chọn “Đang thực hiện” nhưng ghi tiến độ 100%"),
    ]:
        response = client.post(url, body, content_type="application/json", headers=headers)
        assert response.status_code == 422
        assert question in response.json()["detail"]
    exponent = client.post(
        url, '{"status": "in_progress", "progress": 1E2}', content_type="application/json", headers=headers
    )
    assert exponent.status_code == 422 and "phải là số nguyên" in exponent.json()["detail"]
    assert not TaskUpdate.objects.exists()


def test_it_refuses_1e2_as_a_percentage_everywhere(client, plan, agency_officer):
    with pytest.raises(FigureError, match="không dùng dạng lũy thừa"):
        parse_number("1E2")
    with pytest.raises(FigureError, match="lũy thừa"):
        parse_number("8,5e1")
    assert parse_number("100") == 100
    field = ForgivingDecimalField(max_digits=12, decimal_places=2)
    with pytest.raises(Exception, match="lũy thừa"):
        field.clean("1E2")

    target = plan.targets.get()
    client.force_login(agency_officer)
    with time_machine.travel(APRIL):
        Period.ensure_year(2026)
        q1 = Period.objects.get(year=2026, kind="q1")
        page = client.post(reverse("figures-target", args=[target.pk]), {"period": q1.pk, "value": "1E2"})
        assert "“1E2” không phải là cách ghi số" in page.content.decode()
        headers = {"Authorization": f"Bearer {ApiToken.issue(agency_officer)[1]}"}
        api = client.post(
            f"/api/targets/{target.pk}/measurements",
            {"period": "2026-q1", "value": "1E2"},
            content_type="application/json",
            headers=headers,
        )
        assert api.status_code == 422 and "không dùng dạng lũy thừa" in api.json()["detail"]
    assert not Measurement.objects.exists()

    client.force_login(agency_officer)
    task = plan.tasks.get(lead=target.agency)
    page = update(client, task, state="in_progress", progress="1E2").content.decode()
    assert "số" in page and not TaskUpdate.objects.exists()


def test_a_percentage_left_as_it_was_follows_the_state_chosen(client, task, agency_officer):
    client.force_login(agency_officer)
    update(client, task, state="in_progress", progress="40")
    form = client.get(reverse("tracking-update", args=[task.pk])).context["form"]
    shown = {name: form[name].value() for name in ("progress", "shown_progress", "version")}
    assert shown["progress"] == shown["shown_progress"] == 40

    response = update(client, task, **shown, state="done")

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.DONE, 100)


def test_a_workbook_row_whose_state_and_percentage_disagree_is_asked_about(client, plan, agency_officer):
    client.force_login(agency_officer)
    with time_machine.travel(APRIL):
        wb = load_workbook(io.BytesIO(client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content))
        wb["Nhiệm vụ"]["F2"], wb["Nhiệm vụ"]["G2"] = "Đã hoàn thành", 60
        out = io.BytesIO()
        wb.save(out)
        sent = SimpleUploadedFile("so-lieu.xlsx", out.getvalue())
        response = client.post(f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": sent})
        page = client.get(response["Location"]).content.decode()
    assert "Bạn chọn “Đã hoàn thành” nhưng ghi tiến độ 60%" in page
    assert "Xác nhận lưu" not in page
    assert not TaskUpdate.objects.exists()
