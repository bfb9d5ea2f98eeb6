"""Bad task updates are refused with a message the officer can act on, and change nothing."""

import datetime as dt

import time_machine

from apps.api.models import ApiToken
from apps.plans.models import PlanStatus, TaskState
from apps.tracking.models import TaskUpdate


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, user, task, body):
    return client.post(f"/api/tasks/{task.pk}/updates", body, content_type="application/json", headers=bearer(user))


def test_it_rejects_an_unknown_status_and_a_progress_over_100(client, officer, plan):
    task = plan.tasks.first()

    response = post(client, officer, task, {"status": "done_late", "progress": 140})

    assert response.status_code == 422
    assert response.json()["detail"] == (
        "Dữ liệu không hợp lệ: status: phải là một trong: 'not_started', 'in_progress', 'done'; "
        "progress: phải nhỏ hơn hoặc bằng 100."
    )
    assert not TaskUpdate.objects.exists()


def test_it_rejects_a_body_that_is_not_json(client, officer, plan):
    response = client.post(
        f"/api/tasks/{plan.tasks.first().pk}/updates",
        "{status",
        content_type="application/json",
        headers=bearer(officer),
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "Nội dung yêu cầu không phải JSON hợp lệ."}


@time_machine.travel(dt.datetime(2026, 5, 4, 9, 0), tick=False)
def test_it_rejects_a_completion_date_in_the_future(client, officer, plan):
    response = post(client, officer, plan.tasks.first(), {"status": "done", "completed_on": "2026-05-05"})

    assert response.status_code == 422
    assert response.json()["detail"] == "Ngày hoàn thành không được sau ngày hôm nay."


def test_it_refuses_updates_to_a_draft_plan(client, officer, plan):
    plan.status = PlanStatus.DRAFT
    plan.save()
    task = plan.tasks.first()

    response = post(client, officer, task, {"status": "in_progress", "progress": 20})

    assert response.status_code == 422
    assert "chưa ban hành" in response.json()["detail"]
    task.refresh_from_db()
    assert task.state == TaskState.NOT_STARTED


@time_machine.travel(dt.datetime(2026, 5, 4, 9, 0), tick=False)
def test_it_marks_a_done_task_complete_today_at_100_percent(client, officer, plan):
    task = plan.tasks.first()

    response = post(client, officer, task, {"status": "done", "comment": "Đã ban hành quyết định"})

    assert response.status_code == 201
    assert (response.json()["progress"], response.json()["completed_on"]) == (100, "2026-05-04")
    assert response.json()["task"]["report_status"] == "done_on_time"
