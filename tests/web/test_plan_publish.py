"""Publishing a reviewed draft: dates from the printed deadlines, confirmed agencies, the plan it replaces."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import Plan, PlanReference, PlanStatus, ReferenceKind, Target, Task
from tests.web.plan_forms import plan_form_data


@pytest.fixture
def draft(kesat, officer, vanphong):
    """Seed 003 as a draft: it replaces plan 94/KH-UBND."""
    draft = Plan.objects.create(
        unit=kesat,
        status=PlanStatus.DRAFT,
        title="Cải cách hành chính nhà nước trọng tâm giai đoạn 2026 - 2030 của xã Kẽ Sắt",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2030, 12, 31),
        created_by=officer,
    )
    PlanReference.objects.create(plan=draft, kind=ReferenceKind.SUPERSEDES, number="94/KH-UBND")
    PlanReference.objects.create(plan=draft, kind=ReferenceKind.IMPLEMENTS, number="76/NQ-CP")
    Target.objects.create(plan=draft, position=1, text="Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 85%", value=Decimal(85))
    Task.objects.create(
        plan=draft,
        position=1,
        section="II",
        no="1",
        content="Rà soát, đơn giản hóa TTHC",
        lead=vanphong,
        lead_text="Văn phòng HĐND&UBND",
        deadline_text="Quý IV/2026",
    )
    Task.objects.create(
        plan=draft,
        position=2,
        section="VII",
        no="1",
        content="Tuyên truyền CCHC",
        deadline_text="Hàng năm",
    )
    return draft


def review_data(client, plan, **changes):
    return plan_form_data(client, "plans-review", plan, **changes)


def test_it_publishes_with_dates_agencies_and_the_replaced_plan(client, officer, draft, plan, pvhcc, vanphong):
    client.force_login(officer)
    data = review_data(client, draft, action="publish", **{"tasks-1-lead": str(pvhcc.pk)})

    response = client.post(reverse("plans-review", args=[draft.pk]), data)

    assert response.status_code == 302 and response["Location"] == reverse("plans-detail", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == PlanStatus.PUBLISHED and draft.published_by == officer and draft.published_at
    first, second = draft.tasks.order_by("position")
    assert (first.due_on, first.lead, first.area) == (dt.date(2026, 12, 31), vanphong, "tthc")
    assert second.recurring and second.lead == pvhcc and second.area == "chi_dao_dieu_hanh"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUPERSEDED and plan.superseded_by == draft
    assert draft.references.get(kind=ReferenceKind.SUPERSEDES).linked_plan == plan
    assert AuditEntry.objects.filter(action="publish", object_id=str(draft.pk)).exists()
    assert AuditEntry.objects.filter(action="supersede", object_id=str(plan.pk)).exists()

    page = client.get(reverse("plans-detail", args=[plan.pk])).content.decode()
    assert "Đã được thay thế bởi" in page


def test_it_refuses_to_publish_without_a_period(client, officer, draft):
    draft.period_end = None
    draft.save()
    client.force_login(officer)
    data = review_data(client, draft, action="publish")

    response = client.post(reverse("plans-review", args=[draft.pk]), data, follow=True)

    draft.refresh_from_db()
    assert draft.status == PlanStatus.DRAFT
    assert "thời gian thực hiện" in response.content.decode()
    assert not AuditEntry.objects.filter(action="publish").exists()


def test_it_leaves_another_communes_plan_of_the_same_number_alone(client, officer, draft, maodien):
    theirs = Plan.objects.create(unit=maodien, status=PlanStatus.PUBLISHED, number="94/KH-UBND", title="Kế hoạch")
    client.force_login(officer)

    client.post(reverse("plans-review", args=[draft.pk]), review_data(client, draft, action="publish"))

    theirs.refresh_from_db()
    assert theirs.status == PlanStatus.PUBLISHED and theirs.superseded_by is None
