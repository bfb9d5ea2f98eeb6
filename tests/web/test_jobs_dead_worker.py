"""A job whose worker died is queued again, then failed with what to do; never left running."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apps.audit.models import AuditEntry
from apps.imports import services
from apps.imports.models import ImportRun, RunStatus
from cchc import jobs
from importer.model import Meta, Status, Task
from importer.model import Plan as ImportedPlan
from tests.web.queue import DATABASE_QUEUE, dead_pid, work

HOST = jobs.worker_name().rpartition(":")[0]
pytestmark = pytest.mark.django_db(transaction=True)  # jobs are queued when their transaction commits


@pytest.fixture(autouse=True)
def queue(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_QUEUE

    def fake_ocr(path, limits, progress=None):
        meta = Meta(number="05/KH-UBND", title="Kế hoạch CCHC 6 tháng cuối năm 2025")
        return ImportedPlan(doc="scan.png", status=Status.PARTIAL, meta=meta, tasks=(Task(content="Rà soát TTHC"),))

    monkeypatch.setattr(services.pipeline, "run", fake_ocr)


@pytest.fixture
def claimed(officer, kesat, tmp_path):
    """A scan's run that a worker took from the queue (its job is no longer waiting) and then stopped answering."""
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    run = services.import_file(kesat, scan, officer, background=True)
    DBTaskResult.objects.update(status="RUNNING", worker_ids=[f"{HOST}:{dead_pid()}"])

    def claim(worker: str, heartbeat: dt.datetime, attempts: int = 1) -> ImportRun:
        ImportRun.objects.filter(pk=run.pk).update(
            status=RunStatus.RUNNING, worker=worker, heartbeat_at=heartbeat, attempts=attempts
        )
        return run

    return claim


def test_it_queues_again_a_run_whose_worker_process_ended(client, officer, claimed):
    run = claimed(f"{HOST}:{dead_pid()}", timezone.now())
    client.force_login(officer)

    status = client.get(reverse("imports-status", args=[run.pk])).json()

    assert status["status"] == "queued"
    assert AuditEntry.objects.filter(action="import_queued", object_id=str(run.pk)).exists()
    work()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.attempts == 2 and run.plan is not None


def test_it_leaves_alone_a_run_whose_worker_is_alive(client, officer, claimed):
    run = claimed(jobs.worker_name(), timezone.now())
    client.force_login(officer)

    assert client.get(reverse("imports-status", args=[run.pk])).json()["status"] == "running"


def test_it_fails_a_silent_run_on_its_last_attempt_and_says_what_to_do(client, officer, claimed):
    run = claimed("may-chu-khac:4242", timezone.now() - dt.timedelta(hours=1), attempts=2)
    client.force_login(officer)

    status = client.get(reverse("imports-status", args=[run.pk])).json()
    page = client.get(reverse("imports-run", args=[run.pk])).content.decode()

    assert status["status"] == "failed"
    assert "bị dừng giữa chừng" in status["error"] and "Hãy tải tệp lên lại" in status["error"]
    assert "bị dừng giữa chừng" in page and "Chọn tệp khác" in page and 'http-equiv="refresh"' not in page
    assert AuditEntry.objects.filter(action="import_failed", object_id=str(run.pk)).exists()


def test_it_clears_what_a_dead_worker_left_when_a_worker_starts(claimed):
    run = claimed(f"{HOST}:{dead_pid()}", timezone.now())

    output = work()

    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert "1 lượt nhập và 1 việc nền" in output
    dead = DBTaskResult.objects.failed().get()
    assert "dừng giữa chừng" in dead.exception_class_path + str(dead.traceback)


def test_it_puts_a_run_back_in_the_queue_when_its_worker_is_stopped(claimed, monkeypatch):
    run = claimed(f"{HOST}:{dead_pid()}", timezone.now())
    ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.QUEUED, attempts=0)
    DBTaskResult.objects.all().delete()

    def interrupted(path, limits, progress=None):
        raise SystemExit(1)  # the worker told to stop (Ctrl-C twice, SIGTERM) in the middle of reading

    monkeypatch.setattr(services.pipeline, "run", interrupted)
    with pytest.raises(SystemExit):
        services.run_queued(run.pk)

    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and run.worker == "" and run.attempts == 1
    assert DBTaskResult.objects.ready().filter(task_path="cchc.jobs.run_import").count() == 1
