"""The same document uploaded twice at once makes one draft, never two."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection

from apps.imports import services
from apps.imports.models import ImportRun
from apps.plans.models import Plan, PlanStatus
from tests.web.queue import DATABASE_QUEUE, work

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_216e4bf6d47724c0.txt"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def at_once(call, times: int = 2) -> list:
    """``call()`` in ``times`` threads released together; their results (or exceptions)."""
    start, results = threading.Barrier(times), []

    def one():
        start.wait()
        try:
            results.append(call())
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_it_makes_one_draft_when_a_document_is_read_twice_at_once(officer, kesat):
    results = at_once(lambda: services.import_file(kesat, SEED, officer))

    assert all(isinstance(r, ImportRun) for r in results), results
    drafts = Plan.objects.filter(unit=kesat, status=PlanStatus.DRAFT)
    assert drafts.count() == 1 and drafts.get().tasks.exists()


def test_it_queues_a_scan_once_when_it_is_uploaded_twice_at_once(officer, kesat, tmp_path, settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    read = services.pipeline.run  # the scan reads as the seed would (no OCR in these tests)
    monkeypatch.setattr(services.pipeline, "run", lambda path, limits, progress=None: read(SEED, limits, progress))

    results = at_once(lambda: services.import_file(kesat, scan, officer, background=True))

    assert all(isinstance(r, ImportRun) for r in results), results
    assert results[0].pk == results[1].pk and ImportRun.objects.count() == 1
    work()
    assert Plan.objects.filter(unit=kesat, status=PlanStatus.DRAFT).count() == 1
