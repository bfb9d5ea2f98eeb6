"""A plan's life after its first version: a new version replaces or amends the published plan, a draft can be
deleted, and a plan is never imported into one of the unit's agencies. Every step is in the audit trail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.imports import services
from apps.imports.models import ImportRun
from apps.plans.models import Plan, PlanStatus, ReferenceKind, TaskState
from apps.tracking.models import Measurement, Period, TaskUpdate
from apps.tracking.services import submit_update
from apps.units.models import Role
from importer.model import Meta, Status, Task
from importer.model import Plan as ImportedPlan
from tests.web.conftest import make_user
from tests.web.plan_forms import plan_form_data


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tracked(plan, agency_officer):
    """The published plan 94/KH-UBND with a progress report and a figure."""
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40, today=dt.date(2026, 3, 1))
    period = Period.ensure_year(2026)[0]
    Measurement.objects.create(target=plan.targets.get(), period=period, value=Decimal("72"))
    return plan


def import_version(kesat, officer, tmp_path, monkeypatch, *, number="94/KH-UBND", supersedes=()) -> Plan:
    """Import a new version of a plan; returns its draft."""

    def read(path, limits, progress=None):
        meta = Meta(
            number=number,
            title="Kế hoạch CCHC xã Kẽ Sắt giai đoạn 2026 - 2030 (bản cập nhật)",
            period_start="2026-01",
            period_end="2030-12",
            supersedes=supersedes,
        )
        return ImportedPlan(doc="x", status=Status.SUCCESS, meta=meta, tasks=(Task(content="Số hóa hồ sơ TTHC"),))

    monkeypatch.setattr(services.pipeline, "run", read)
    path = tmp_path / "ban-moi.txt"
    path.write_text("Kế hoạch, bản mới")
    return services.import_file(kesat, path, officer).plan


def publish(client, draft, action: str, **options):
    data = plan_form_data(client, "plans-review", draft, action=action)
    return client.post(reverse("plans-review", args=[draft.pk]), data, **options)


def test_it_offers_to_replace_or_amend_a_published_plan_of_the_same_number(
    client, officer, kesat, tracked, tmp_path, monkeypatch
):
    draft = import_version(kesat, officer, tmp_path, monkeypatch)
    client.force_login(officer)

    page = client.get(reverse("plans-review", args=[draft.pk])).content.decode()
    response = publish(client, draft, "publish", follow=True)

    assert 'value="replace"' in page and "Ban hành thay thế 94/KH-UBND" in page
    assert 'value="amend"' in page and "Ban hành sửa đổi, bổ sung 94/KH-UBND" in page
    draft.refresh_from_db()
    assert draft.status == PlanStatus.DRAFT
    said = [str(m) for m in response.context["messages"]]
    assert any("Đã có kế hoạch số 94/KH-UBND được ban hành ở đơn vị này" in m for m in said), said


def test_it_replaces_the_old_plan_and_keeps_its_tracking_history_linked(
    client, officer, kesat, tracked, tmp_path, monkeypatch
):
    draft = import_version(kesat, officer, tmp_path, monkeypatch)
    client.force_login(officer)

    response = publish(client, draft, "replace")

    assert response.status_code == 302 and response["Location"] == reverse("plans-detail", args=[draft.pk])
    tracked.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == PlanStatus.PUBLISHED
    assert tracked.status == PlanStatus.SUPERSEDED and tracked.superseded_by == draft
    assert tracked.tasks.count() == 2 and TaskUpdate.objects.filter(task__plan=tracked).count() == 1
    assert Measurement.objects.filter(target__plan=tracked).count() == 1
    assert draft.references.get(kind=ReferenceKind.SUPERSEDES).linked_plan == tracked
    page = client.get(reverse("plans-detail", args=[draft.pk])).content.decode()
    assert reverse("plans-detail", args=[tracked.pk]) in page
    assert AuditEntry.objects.filter(action="supersede", object_id=str(tracked.pk)).exists()
    assert AuditEntry.objects.filter(action="publish", object_id=str(draft.pk)).exists()


def test_it_publishes_an_amendment_beside_the_old_plan(client, officer, kesat, tracked, tmp_path, monkeypatch):
    draft = import_version(kesat, officer, tmp_path, monkeypatch, number="120/KH-UBND", supersedes=("94/KH-UBND",))
    client.force_login(officer)

    publish(client, draft, "amend")

    tracked.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == PlanStatus.PUBLISHED and tracked.status == PlanStatus.PUBLISHED
    assert list(draft.references.values_list("kind", "linked_plan")) == [(ReferenceKind.AMENDS, tracked.pk)]
    page = client.get(reverse("plans-detail", args=[draft.pk])).content.decode()
    assert "Sửa đổi, bổ sung" in page and reverse("plans-detail", args=[tracked.pk]) in page
    old_page = client.get(reverse("plans-detail", args=[tracked.pk])).content.decode()
    assert "Được sửa đổi, bổ sung bởi" in old_page and reverse("plans-detail", args=[draft.pk]) in old_page
    assert AuditEntry.objects.filter(action="amend", object_id=str(tracked.pk)).exists()


def test_it_deletes_a_draft_after_a_confirm_step_and_keeps_the_file(client, officer, kesat, tmp_path, monkeypatch):
    draft = import_version(kesat, officer, tmp_path, monkeypatch)
    run = ImportRun.objects.get(plan=draft)
    url = reverse("imports-delete-draft", args=[draft.pk])
    client.force_login(officer)

    review = client.get(reverse("plans-review", args=[draft.pk])).content.decode()
    confirm = client.get(url).content.decode()
    assert url in review and "Xóa bản nháp kế hoạch?" in confirm and Plan.objects.filter(pk=draft.pk).exists()

    response = client.post(url)

    assert response["Location"] == reverse("imports-upload", args=[kesat.pk])
    assert not Plan.objects.filter(pk=draft.pk).exists()
    run.refresh_from_db()
    assert run.plan is None and Path(run.file.path).exists()
    entry = AuditEntry.objects.get(action="delete_draft")
    assert entry.user == officer and entry.before["number"] == "94/KH-UBND"
    assert "không còn" in client.get(reverse("imports-run", args=[run.pk])).content.decode()


def test_it_lets_only_the_standing_officer_delete_and_only_drafts(client, officer, agency_officer, plan):
    client.force_login(agency_officer)
    assert client.post(reverse("imports-delete-draft", args=[plan.pk])).status_code == 403

    client.force_login(officer)
    client.post(reverse("imports-delete-draft", args=[plan.pk]))

    assert Plan.objects.filter(pk=plan.pk, status=PlanStatus.PUBLISHED).exists()
    assert not AuditEntry.objects.filter(action="delete_draft").exists()


def test_it_refuses_a_plan_imported_into_an_agency_and_names_the_unit(client, officer, kesat, vhxh):
    client.force_login(officer)
    upload = SimpleUploadedFile("ke-hoach.txt", "KẾ HOẠCH Cải cách hành chính năm 2026".encode())

    response = client.post(reverse("imports-upload", args=[vhxh.pk]), {"file": upload})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Phòng Văn hóa - Xã hội là một cơ quan thuộc Xã Kẽ Sắt" in page
    assert "trang nhập kế hoạch của Xã Kẽ Sắt" in page
    assert reverse("imports-upload", args=[kesat.pk]) in page
    assert not ImportRun.objects.exists() and not Plan.objects.exists()
    assert AuditEntry.objects.filter(action="import_refused", unit=kesat).exists()


def test_it_sends_a_standing_officer_registered_at_an_agency_to_the_units_upload(client, kesat, vhxh):
    officer = make_user("kesat.vhxh2", vhxh, Role.STANDING_OFFICER)
    client.force_login(officer)

    assert client.get(reverse("imports-start"))["Location"] == reverse("imports-upload", args=[kesat.pk])
