"""A scanned plan is read by the worker (see test_jobs_worker); its page shows the progress meanwhile."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.imports.models import ImportRun, RunStatus
from cchc import jobs


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_it_refreshes_the_page_while_reading(client, officer, kesat):
    run = ImportRun.objects.create(
        unit=kesat,
        uploaded_by=officer,
        original_name="scan.pdf",
        sha256="0" * 64,
        status=RunStatus.RUNNING,
        pages_done=2,
        pages_total=9,
        worker=jobs.worker_name(),  # this process: alive
        heartbeat_at=timezone.now(),
    )
    client.force_login(officer)

    page = client.get(reverse("imports-run", args=[run.pk])).content.decode()
    status = client.get(reverse("imports-status", args=[run.pk])).json()

    assert "trang 2/9" in page and 'http-equiv="refresh"' in page
    assert status == {
        "status": "running",
        "status_display": "Đang đọc",
        "pages_done": 2,
        "pages_total": 9,
        "error": "",
        "review_url": None,
    }
