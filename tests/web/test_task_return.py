"""The standing officer returns an update with a reason: the task goes back, the author is told."""

import datetime as dt

import time_machine
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import TaskState
from apps.tracking.models import Notification, UpdateStatus
from apps.tracking.services import submit_update


def test_it_puts_the_task_back_and_tells_the_author(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 9, 1, 9, 0)):
        submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=50)
    with time_machine.travel(dt.datetime(2026, 9, 5, 9, 0)):
        done = submit_update(task, agency_officer, state=TaskState.DONE)
    client.force_login(officer)
    with time_machine.travel(dt.datetime(2026, 9, 6, 9, 0)):
        response = client.post(
            reverse("tracking-return", args=[done.pk]),
            {"reason": "Thiếu văn bản minh chứng.", "confirmed": f"return:{done.pk}"},
        )
    assert response.status_code == 302
    task.refresh_from_db()
    done.refresh_from_db()
    assert (task.state, task.progress, task.completed_on) == (TaskState.IN_PROGRESS, 50, None)
    assert done.status == UpdateStatus.RETURNED and done.return_reason == "Thiếu văn bản minh chứng."
    assert done.reviewed_by == officer
    note = Notification.objects.get(user=agency_officer, kind="returned")
    assert "Thiếu văn bản minh chứng." in note.message and note.task == task
    assert AuditEntry.objects.filter(action="task.update.return", user=officer).exists()

    client.force_login(agency_officer)
    page = client.get(reverse("tracking-my-tasks")).content.decode()
    assert "Thiếu văn bản minh chứng." in page


def test_it_returns_to_not_started_when_nothing_else_stands(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE)
    client.force_login(officer)
    client.post(
        reverse("tracking-return", args=[update.pk]), {"reason": "Chưa đúng.", "confirmed": f"return:{update.pk}"}
    )
    task.refresh_from_db()
    assert (task.state, task.progress, task.completed_on) == (TaskState.NOT_STARTED, 0, None)


def test_it_needs_a_reason(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE)
    client.force_login(officer)
    client.post(reverse("tracking-return", args=[update.pk]), {"reason": "  "})
    update.refresh_from_db()
    assert update.status == UpdateStatus.SUBMITTED


def test_it_lets_only_the_standing_officer_return(client, plan, agency_officer, other_agency_officer, leader):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE)
    for user in (agency_officer, other_agency_officer, leader):
        client.force_login(user)
        assert client.post(reverse("tracking-return", args=[update.pk]), {"reason": "x"}).status_code == 403
    update.refresh_from_db()
    assert update.status == UpdateStatus.SUBMITTED


def test_it_hides_the_update_from_another_commune(client, plan, agency_officer, other_commune_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE)
    client.force_login(other_commune_officer)
    assert client.post(reverse("tracking-return", args=[update.pk]), {"reason": "x"}).status_code == 404


def test_it_clears_the_returned_entry_once_the_author_updates_again(client, plan, officer, agency_officer):
    from apps.tracking.services import return_update, returned_updates

    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 9, 5, 9, 0)):
        update = submit_update(task, agency_officer, state=TaskState.DONE)
        return_update(update, officer, "Thiếu minh chứng.")
    assert returned_updates(agency_officer) == [update]
    with time_machine.travel(dt.datetime(2026, 9, 7, 9, 0)):
        submit_update(task, agency_officer, state=TaskState.DONE)
    assert returned_updates(agency_officer) == []
