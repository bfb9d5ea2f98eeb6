"""Kẽ Sắt's standing officer is reminded of the Q1 2026 report 7 days and 1 day before its due date (20/03/2026)
while it is not sent; a unit that has sent it is not; running twice a day sends nothing more."""

import datetime as dt

import time_machine
from django.core import mail
from django.core.management import call_command

from apps.reports.services import open_draft, submit
from apps.tracking.models import Notification, Period, PeriodKind


def run(day: dt.date) -> None:
    with time_machine.travel(dt.datetime(day.year, day.month, day.day, 1, 0)):
        call_command("send_reminders")


def test_it_reminds_the_standing_officer_before_the_due_date(kesat, officer, leader):
    run(dt.date(2026, 3, 13))
    run(dt.date(2026, 3, 13))
    run(dt.date(2026, 3, 19))

    notes = Notification.objects.order_by("sent_on")
    assert [(n.user, n.kind) for n in notes] == [(officer, "report_due_7"), (officer, "report_due_1")]
    assert "Còn 7 ngày đến hạn gửi báo cáo CCHC quý I năm 2026 của xã Kẽ Sắt (hạn 20/03/2026)" in notes[0].message
    assert [m.to for m in mail.outbox] == [[officer.email], [officer.email]]
    assert "/bao-cao/don-vi/" in mail.outbox[0].body


def test_it_does_not_remind_a_unit_that_has_sent_its_report(kesat, officer, other_commune_officer):
    Period.ensure_year(2026)
    report, _ = open_draft(kesat, Period.objects.get(year=2026, kind=PeriodKind.Q1), officer)
    submit(report, officer)

    run(dt.date(2026, 3, 19))

    assert [n.user for n in Notification.objects.all()] == [other_commune_officer]
