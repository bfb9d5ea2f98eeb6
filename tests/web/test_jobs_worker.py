"""Scans are read by the background worker, not by the web process; reminders are a queued job too."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from apps.imports import services
from apps.imports.models import RunStatus
from apps.tracking.models import Notification
from importer.model import Meta, Status, Task
from importer.model import Plan as ImportedPlan
from tests.web.queue import DATABASE_QUEUE, work

pytestmark = pytest.mark.django_db(transaction=True)  # jobs are queued when their transaction commits


@pytest.fixture(autouse=True)
def queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return path


@pytest.fixture
def fake_ocr(monkeypatch):
    """The importer as OCR would answer, three pages long; records the limits it was given."""
    seen = []

    def run(path, limits, progress=None):
        seen.append(limits)
        for page in (1, 2, 3):
            progress(page, 3)
        meta = Meta(number="05/KH-UBND", title="Kế hoạch CCHC 6 tháng cuối năm 2025")
        return ImportedPlan(doc="scan.png", status=Status.PARTIAL, meta=meta, tasks=(Task(content="Rà soát TTHC"),))

    monkeypatch.setattr(services.pipeline, "run", run)
    return seen


def test_it_leaves_a_scan_queued_until_a_worker_takes_it(officer, kesat, scan, fake_ocr):
    run = services.import_file(kesat, scan, officer, background=True)

    assert run.status == RunStatus.QUEUED and not fake_ocr
    assert DBTaskResult.objects.ready().filter(task_path="cchc.jobs.run_import").count() == 1

    work()

    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.attempts == 1
    assert (run.pages_done, run.pages_total) == (3, 3)
    assert run.plan.tasks.count() == 1
    assert DBTaskResult.objects.successful().count() == 1


def test_it_gives_each_import_a_bounded_number_of_ocr_processes(officer, kesat, scan, fake_ocr, settings):
    services.import_file(kesat, scan, officer, background=True)
    work()
    settings.IMPORT_OCR_PROCESSES = 1
    other = scan.with_name("scan-2.png")
    other.write_bytes(scan.read_bytes() + b"\x01")
    services.import_file(kesat, other, officer, background=True)
    work()

    assert [limits.workers for limits in fake_ocr] == [2, 1]


def test_it_sends_reminders_from_the_worker(plan, agency_officer):
    out = io.StringIO()
    call_command("send_reminders", "--date", "2026-12-24", stdout=out)

    assert "Đã xếp việc gửi nhắc hạn ngày 24/12/2026 vào hàng đợi" in out.getvalue()
    assert not Notification.objects.exists()
    assert DBTaskResult.objects.ready().filter(task_path="cchc.jobs.send_reminders").count() == 1

    work()

    assert list(Notification.objects.values_list("user", "kind", "sent_on")) == [
        (agency_officer.pk, "due_7", dt.date(2026, 12, 24))
    ]
