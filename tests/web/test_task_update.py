"""An agency officer reports progress on a task their agency leads; the task's state follows the update."""

import datetime as dt

import time_machine
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import ReportStatus, TaskState
from apps.tracking.models import TaskUpdate


def test_it_records_progress_and_moves_the_task(client, plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    client.force_login(agency_officer)
    with time_machine.travel(dt.datetime(2026, 6, 10, 9, 0)):
        response = client.post(
            reverse("tracking-update", args=[task.pk]),
            {"state": "in_progress", "progress": "40", "comment": "Đã rà soát 12/30 thủ tục."},
        )
        task.refresh_from_db()
        status = task.report_status()
    assert response.status_code == 302
    assert (task.state, task.progress, task.completed_on) == (TaskState.IN_PROGRESS, 40, None)
    assert status == ReportStatus.IN_PROGRESS
    update = TaskUpdate.objects.get(task=task)
    assert update.author == agency_officer and update.comment == "Đã rà soát 12/30 thủ tục."
    entry = AuditEntry.objects.get(action="task.update")
    assert entry.user == agency_officer and entry.unit == plan.unit
    assert entry.before["state"] == "not_started" and entry.after["state"] == "in_progress"


def test_it_sets_the_completion_date_to_today_when_done_without_one(client, plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    client.force_login(agency_officer)
    with time_machine.travel(dt.datetime(2026, 11, 20, 9, 0)):
        client.post(reverse("tracking-update", args=[task.pk]), {"state": "done", "progress": "100"})
        task.refresh_from_db()
        assert task.report_status() == ReportStatus.DONE_ON_TIME
    assert (task.state, task.progress, task.completed_on) == (TaskState.DONE, 100, dt.date(2026, 11, 20))


def test_it_counts_a_task_completed_after_its_deadline_as_done_late(client, plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2027, 1, 15, 9, 0)):
        client.force_login(agency_officer)
        client.post(reverse("tracking-update", args=[task.pk]), {"state": "done", "completed_on": "2027-01-10"})
        task.refresh_from_db()
        assert task.report_status() == ReportStatus.DONE_LATE


def test_it_refuses_a_completion_date_in_the_future(client, plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    client.force_login(agency_officer)
    with time_machine.travel(dt.datetime(2026, 6, 10, 9, 0)):
        response = client.post(
            reverse("tracking-update", args=[task.pk]), {"state": "done", "completed_on": "2026-07-01"}
        )
    assert response.status_code == 200
    assert "không được sau ngày hôm nay" in response.content.decode()
    assert not TaskUpdate.objects.exists()


def test_it_shows_the_form_with_the_current_state(client, plan, officer):
    task = plan.tasks.get(lead__code="ke-sat-vp")
    client.force_login(officer)
    response = client.get(reverse("tracking-update", args=[task.pk]))
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode() and "multiple" in response.content.decode()
