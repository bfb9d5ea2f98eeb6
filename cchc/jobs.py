"""Background jobs, run by `manage.py run_worker` on Django's tasks API (the django-tasks backport on Django 5.2).

Every slow job is here, as a thin task calling its service; a worker is named after its host and process id so
that a job whose worker died can be told apart from one still running (``worker_is_gone``)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket

from django.apps import apps
from django.db import transaction

try:
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

logger = logging.getLogger(__name__)

WORKER_DIED = (
    "Tiến trình nền đã dừng giữa chừng (máy chủ khởi động lại hoặc hết bộ nhớ) nên việc này chưa xong. "
    "Hãy chạy lại; nếu lỗi lặp lại, hãy báo quản trị hệ thống."
)


def worker_name() -> str:
    """This process as a worker: ``host:pid``."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}"


def worker_is_gone(worker: str) -> bool:
    """Whether the named worker's process has ended; only knowable for a worker on this host."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname()[:50] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


def enqueue(job, *args) -> None:
    """Queue ``job`` with ``args`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: job.enqueue(*args))


def fail_dead_tasks() -> int:
    """Mark failed the queued tasks still shown as running whose worker process on this host has ended."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    failed = 0
    for row in DBTaskResult.objects.running():
        if row.worker_ids and worker_is_gone(row.worker_ids[-1]):
            row.set_failed(RuntimeError(WORKER_DIED))
            logger.warning("task %s (%s) failed: its worker %s is gone", row.id, row.task_path, row.worker_ids[-1])
            failed += 1
    return failed


@task()
def run_import(run_id: int) -> str:
    """Read an uploaded plan file (OCR) and build its draft."""
    from apps.imports.services import run_queued

    return run_queued(run_id)


@task()
def send_reminders(day: str) -> dict:
    """The day's deadline reminders (see apps.tracking.services.send_reminders)."""
    from apps.tracking.services import send_reminders as send

    result = send(dt.date.fromisoformat(day))
    return {"notifications": result.notifications, "emails": result.emails, "tasks": len(result.tasks)}


@task()
def render_city_report(report_id: int) -> str:
    """The city's consolidated report of a period, .docx and .xlsx (see apps.reports.city.render)."""
    from apps.reports.city import render

    return render(report_id)


@task()
def mail_notifications(ids: list[int]) -> int:
    """E-mail the new notifications to those with an address (see apps.tracking.notify.mail)."""
    from apps.tracking.notify import mail

    return mail(ids)
