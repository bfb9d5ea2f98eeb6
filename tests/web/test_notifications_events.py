"""Notifications are rows per event: each keeps its own time and text (a second return is a second notification,
not a rewrite of the first); the menu's badge counts tasks, not events; the API lists the caller's, newest first,
with their read state, and marks them read."""

import datetime as dt
from decimal import Decimal

import time_machine
from django.core import mail
from django.urls import reverse

from apps.api.models import ApiToken
from apps.plans.models import TaskState
from apps.tracking.figures import save_measurement
from apps.tracking.models import Notification, Period, PeriodKind
from apps.tracking.notify import unread_count
from apps.tracking.services import return_update, submit_update


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def returned_twice(plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 9, 1, 9, 0), tick=False):
        first = submit_update(task, agency_officer, state=TaskState.DONE)
        return_update(first, officer, "Thiếu văn bản minh chứng.")
    with time_machine.travel(dt.datetime(2026, 9, 1, 15, 0), tick=False):
        second = submit_update(task, agency_officer, state=TaskState.DONE)
        return_update(second, officer, "Văn bản kèm theo chưa có chữ ký.")
    return task


def test_it_keeps_a_second_return_as_a_second_notification(plan, officer, agency_officer):
    returned_twice(plan, officer, agency_officer)

    notes = list(Notification.objects.filter(user=agency_officer, kind="returned").order_by("created_at"))

    assert [n.message.split(": ")[-1] for n in notes] == [
        "Thiếu văn bản minh chứng.",
        "Văn bản kèm theo chưa có chữ ký.",
    ]
    assert notes[0].created_at < notes[1].created_at
    assert unread_count(agency_officer) == 1  # one task, however many events
    assert unread_count(officer) == 1  # the two updates waiting for review were about one task


def test_it_emails_each_event_to_those_with_an_address(
    plan, officer, agency_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends them once the change commits
        returned_twice(plan, officer, agency_officer)

    to_agency = [m for m in mail.outbox if m.to == [agency_officer.email]]
    to_officer = [m for m in mail.outbox if m.to == [officer.email]]
    assert len(to_agency) == 2 and "chưa có chữ ký" in to_agency[1].body
    assert len(to_officer) == 2 and all("chờ duyệt" in m.body for m in to_officer)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_it_lists_the_callers_notifications_newest_first_and_marks_them_read(client, plan, officer, agency_officer):
    returned_twice(plan, officer, agency_officer)

    listed = client.get("/api/notifications", headers=bearer(agency_officer)).json()

    assert [n["message"].split(": ")[-1] for n in listed["items"]] == [
        "Văn bản kèm theo chưa có chữ ký.",
        "Thiếu văn bản minh chứng.",
    ]
    assert all(n["read"] is False and n["kind"] == "returned" for n in listed["items"])
    assert listed["count"] == 2  # only the caller's (the officer's two "waiting" are not here)

    first = listed["items"][1]["id"]
    answer = client.post(
        "/api/notifications/read", {"ids": [first]}, content_type="application/json", headers=bearer(agency_officer)
    ).json()
    assert answer == {"marked": 1, "unread": 1}
    unread = client.get("/api/notifications?unread=true", headers=bearer(agency_officer)).json()
    assert [n["id"] for n in unread["items"]] == [listed["items"][0]["id"]]


def test_it_marks_none_of_someone_elses(client, plan, officer, agency_officer):
    returned_twice(plan, officer, agency_officer)
    theirs = list(Notification.objects.filter(user=agency_officer).values_list("pk", flat=True))

    answer = client.post(
        "/api/notifications/read", {"ids": theirs}, content_type="application/json", headers=bearer(officer)
    ).json()

    assert answer["marked"] == 0
    assert not Notification.objects.filter(user=agency_officer, read_at__isnull=False).exists()


def test_it_shows_the_task_count_in_the_menu(client, plan, officer, agency_officer):
    returned_twice(plan, officer, agency_officer)
    client.force_login(agency_officer)

    page = client.get(reverse("tracking-notifications")).content.decode()

    assert 'Thông báo <span class="badge overdue">1</span>' in page
    assert "Thiếu văn bản minh chứng." in page and "Văn bản kèm theo chưa có chữ ký." in page


def test_it_counts_targets_not_figures(plan, officer, agency_officer):
    Period.ensure_year(2026)
    target = plan.targets.get()
    for kind in (PeriodKind.Q1, PeriodKind.H1):
        save_measurement(target, Period.objects.get(year=2026, kind=kind), agency_officer, value=Decimal("70"))

    assert Notification.objects.filter(user=officer, kind="waiting", target=target).count() == 2
    assert unread_count(officer) == 1
