"""A task's page shows its updates, their evidence and, for a returned one, the reason."""

import datetime as dt

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans.models import TaskState
from apps.tracking.services import return_update, submit_update

PDF = b"%PDF-1.4\n%%EOF\n"


def test_it_shows_updates_evidence_and_return_reasons(client, plan, officer, agency_officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, 0)):
        submit_update(
            task,
            agency_officer,
            state=TaskState.IN_PROGRESS,
            progress=30,
            comment="Đã rà soát 9 thủ tục.",
            files=[SimpleUploadedFile("bao-cao-ra-soat.pdf", PDF)],
        )
        done = submit_update(task, agency_officer, state=TaskState.DONE)
        return_update(done, officer, "Chưa có quyết định công bố.")
    client.force_login(officer)
    html = client.get(reverse("tracking-task", args=[task.pk])).content.decode()
    assert "Đã rà soát 9 thủ tục." in html
    assert "bao-cao-ra-soat.pdf" in html
    assert "Chưa có quyết định công bố." in html
    assert "Bị trả lại" in html
    assert reverse("tracking-return", args=[done.pk]) not in html  # already returned
