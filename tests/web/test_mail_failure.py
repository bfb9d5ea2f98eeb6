"""An e-mail that cannot be sent (the SMTP server refuses the connection) is logged, not raised: the notification
stays in the app, unmarked as e-mailed, and the report reminder still counts only the e-mails that went."""

import datetime as dt
import logging
import socket

import pytest
import time_machine
from django.core import mail

from apps.reports.reminders import report_reminders
from apps.tracking.models import Notification
from apps.tracking.notify import mail as mail_notifications
from apps.tracking.notify import tell

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def refused_smtp(settings):
    """The real SMTP backend pointed at a port of this machine where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    if hasattr(settings, "MAILERS"):  # Django 6.1
        settings.MAILERS = {"default": {"BACKEND": SMTP, "OPTIONS": {"host": "127.0.0.1", "port": port}}}
    else:
        settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = SMTP, "127.0.0.1", port


def test_it_logs_a_notification_email_that_cannot_be_sent(officer, refused_smtp, caplog):
    [note] = tell([officer], "waiting", "Có cập nhật chờ duyệt.")

    with caplog.at_level(logging.WARNING, logger="cchc.mail"):
        assert mail_notifications([note.pk]) == 0

    assert "[CCHC] Có cập nhật chờ duyệt" in caplog.text and officer.email in caplog.text
    assert Notification.objects.get(pk=note.pk).emailed_at is None and not mail.outbox


def test_it_counts_only_the_report_reminders_that_went(kesat, officer, refused_smtp, caplog):
    with time_machine.travel(dt.datetime(2026, 3, 13, 1, 0)), caplog.at_level(logging.WARNING, logger="cchc.mail"):
        assert report_reminders(dt.date(2026, 3, 13)) == (1, 0)

    assert "Nhắc hạn gửi báo cáo định kỳ" in caplog.text
