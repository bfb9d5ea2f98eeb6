"""A scanned plan is read in the background; its page shows the progress and sends the officer on when done."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.imports import services
from apps.imports.models import ImportRun, RunStatus
from importer.model import Meta, Status, Task
from importer.model import Plan as ImportedPlan


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db(transaction=True)
def test_it_reads_in_the_background_and_counts_pages(officer, kesat, tmp_path, monkeypatch):
    def fake_ocr(path, limits, progress=None):
        for page in (1, 2, 3):
            progress(page, 3)
        meta = Meta(number="05/KH-UBND", title="Kế hoạch CCHC 6 tháng cuối năm 2025")
        return ImportedPlan(doc="scan.png", status=Status.PARTIAL, meta=meta, tasks=(Task(content="Rà soát TTHC"),))

    monkeypatch.setattr(services.pipeline, "run", fake_ocr)
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert services.needs_ocr(scan)

    run = services.import_file(kesat, scan, officer, background=True)
    run.thread.join(timeout=30)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert (run.pages_done, run.pages_total) == (3, 3)
    assert run.plan.tasks.count() == 1


def test_it_refreshes_the_page_while_reading(client, officer, kesat):
    run = ImportRun.objects.create(
        unit=kesat,
        uploaded_by=officer,
        original_name="scan.pdf",
        sha256="0" * 64,
        status=RunStatus.RUNNING,
        pages_done=2,
        pages_total=9,
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
