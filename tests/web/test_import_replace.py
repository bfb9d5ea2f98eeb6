"""Importing the same document again replaces its draft; it never makes a second one."""

from __future__ import annotations

from pathlib import Path

import pytest

from apps.audit.models import AuditEntry
from apps.imports import services
from apps.imports.models import ImportRun
from apps.plans.models import Plan, PlanStatus
from importer.model import Meta, Status, Task
from importer.model import Plan as ImportedPlan

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_216e4bf6d47724c0.txt"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_it_replaces_the_draft_of_the_same_file(officer, kesat):
    first = services.import_file(kesat, SEED, officer)
    second = services.import_file(kesat, SEED, officer)

    assert Plan.objects.filter(unit=kesat).count() == 1
    first.refresh_from_db()
    assert first.plan is None
    assert second.plan.status == PlanStatus.DRAFT and second.plan.tasks.count() > 0
    assert AuditEntry.objects.filter(action="replace_draft").count() == 1


def test_it_replaces_the_draft_with_the_same_number(officer, kesat, tmp_path, monkeypatch):
    def fake_run(path, limits, progress=None):
        meta = Meta(number="12/KH-UBND", title=f"Kế hoạch CCHC năm 2026 ({Path(path).suffix})")
        return ImportedPlan(doc="x", status=Status.SUCCESS, meta=meta, tasks=(Task(content="Rà soát TTHC"),))

    monkeypatch.setattr(services.pipeline, "run", fake_run)
    one, two = tmp_path / "ban-1.txt", tmp_path / "ban-2.txt"
    one.write_text("Kế hoạch, bản thứ nhất")
    two.write_text("Kế hoạch, bản đã sửa")

    services.import_file(kesat, one, officer)
    services.import_file(kesat, two, officer)

    plan = Plan.objects.get(unit=kesat)
    assert plan.import_runs.get().original_name == "ban-2.txt"
    assert ImportRun.objects.count() == 2


def test_it_keeps_a_published_plan_when_the_same_number_comes_again(officer, kesat, plan, tmp_path, monkeypatch):
    def fake_run(path, limits, progress=None):
        return ImportedPlan(doc="x", status=Status.SUCCESS, meta=Meta(number=plan.number, title="Bản sửa"))

    monkeypatch.setattr(services.pipeline, "run", fake_run)
    path = tmp_path / "ban-sua.txt"
    path.write_text("Kế hoạch sửa")

    services.import_file(kesat, path, officer)

    plan.refresh_from_db()
    assert plan.status == PlanStatus.PUBLISHED
    assert Plan.objects.filter(unit=kesat, status=PlanStatus.DRAFT).count() == 1
