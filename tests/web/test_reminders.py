"""Daily reminders: 7 days and 1 day before the deadline to the lead agency; after it, on the next day and
weekly, to the agency and the standing officer. Running twice a day sends nothing more."""

import datetime as dt

import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from apps.plans.models import TaskState
from apps.tracking.models import Notification
from apps.tracking.services import submit_update


def run(day: dt.date) -> None:
    with time_machine.travel(dt.datetime(day.year, day.month, day.day, 1, 0)):
        call_command("send_reminders")


def test_it_reminds_the_lead_agency_seven_days_before(plan, agency_officer, officer, other_agency_officer):
    run(dt.date(2026, 12, 24))
    notes = Notification.objects.all()
    assert [(n.user, n.kind) for n in notes] == [(agency_officer, "due_7")]
    assert "còn 7 ngày" in notes[0].message
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [agency_officer.email]


def test_it_reminds_again_one_day_before(plan, agency_officer):
    run(dt.date(2026, 12, 30))
    assert list(Notification.objects.values_list("kind", flat=True)) == ["due_1"]


def test_it_says_nothing_on_other_days(plan, agency_officer):
    run(dt.date(2026, 12, 27))
    assert not Notification.objects.exists() and not mail.outbox


def test_it_tells_the_standing_officer_too_the_day_after_the_deadline(plan, agency_officer, officer):
    run(dt.date(2027, 1, 1))
    assert sorted(Notification.objects.values_list("user__username", "kind")) == [
        ("kesat.pvhcc", "overdue"),
        ("kesat.vhxh", "overdue"),
    ]
    assert {m.to[0] for m in mail.outbox} == {agency_officer.email, officer.email}


def test_it_repeats_overdue_reminders_weekly(plan, agency_officer, officer):
    for day in range(1, 16):
        run(dt.date(2027, 1, day))
    days = sorted(set(Notification.objects.filter(kind="overdue").values_list("sent_on", flat=True)))
    assert days == [dt.date(2027, 1, 1), dt.date(2027, 1, 8), dt.date(2027, 1, 15)]


def test_it_is_idempotent_within_a_day(plan, agency_officer, officer):
    run(dt.date(2026, 12, 24))
    run(dt.date(2026, 12, 24))
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_it_skips_done_tasks(plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    submit_update(task, agency_officer, state=TaskState.DONE, completed_on=dt.date(2026, 12, 1))
    run(dt.date(2026, 12, 24))
    assert not Notification.objects.filter(sent_on__isnull=False).exists()  # no reminder (only "waiting for review")


def test_it_shows_unread_notifications_in_the_header_and_marks_them_read(client, plan, agency_officer):
    run(dt.date(2026, 12, 24))
    client.force_login(agency_officer)
    html = client.get(reverse("tracking-my-tasks")).content.decode()
    assert 'Thông báo <span class="badge overdue">1</span>' in html
    assert "còn 7 ngày" in client.get(reverse("tracking-notifications")).content.decode()
    note = Notification.objects.get()
    assert client.get(reverse("tracking-notification", args=[note.pk])).url == reverse(
        "tracking-task", args=[note.task_id]
    )
    note.refresh_from_db()
    assert note.read_at is not None
    html = client.get(reverse("tracking-my-tasks")).content.decode()
    assert 'Thông báo <span class="badge' not in html


def test_it_marks_all_read(client, plan, agency_officer, officer):
    run(dt.date(2027, 1, 1))
    client.force_login(officer)
    client.post(reverse("tracking-notifications-read"))
    assert Notification.objects.get(user=officer).read_at is not None
    assert Notification.objects.get(user=agency_officer).read_at is None
