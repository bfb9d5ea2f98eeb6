"""An agency officer updates the tasks their agency leads through the API, and no other agency's."""

import datetime as dt

import time_machine

from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from apps.plans.models import TaskState
from apps.tracking.models import TaskUpdate


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


@time_machine.travel(dt.datetime(2026, 5, 4, 9, 0), tick=False)
def test_it_records_an_update_of_the_officers_own_task(client, agency_officer, plan):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")

    response = client.post(
        f"/api/tasks/{task.pk}/updates",
        {"status": "in_progress", "progress": 40, "comment": "Đã rà soát 12 thủ tục"},
        content_type="application/json",
        headers=bearer(agency_officer),
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["state"], body["progress"], body["comment"]) == ("in_progress", 40, "Đã rà soát 12 thủ tục")
    assert body["author"] == "kesat.pvhcc"
    assert body["task"]["report_status"] == "in_progress"
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.IN_PROGRESS, 40)
    assert AuditEntry.objects.filter(action="task.update", object_id=str(task.pk), user=agency_officer).exists()


def test_it_forbids_updating_a_task_another_agency_leads(client, agency_officer, plan):
    task = plan.tasks.get(lead__code="ke-sat-vp")

    response = client.post(
        f"/api/tasks/{task.pk}/updates",
        {"status": "done", "progress": 100, "comment": "Xong"},
        content_type="application/json",
        headers=bearer(agency_officer),
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn không có quyền cập nhật nhiệm vụ này."}
    task.refresh_from_db()
    assert task.state == TaskState.NOT_STARTED
    assert not TaskUpdate.objects.exists()


def test_it_lets_the_agency_officer_read_the_other_agencys_task(client, agency_officer, plan):
    task = plan.tasks.get(lead__code="ke-sat-vp")

    response = client.get(f"/api/tasks/{task.pk}", headers=bearer(agency_officer))

    assert response.status_code == 200
    assert response.json()["lead"]["name"] == "Văn phòng HĐND và UBND"
