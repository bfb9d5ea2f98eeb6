"""A plan of 300 tasks is reviewed, edited and published from its pages (some 3,900 fields, past Django's 1,000),
and its pages cost the same number of queries as a plan of 3; a form over the limits elsewhere is told in
Vietnamese, not a bare 400."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import Plan, PlanStatus, Task
from tests.web.plan_forms import plan_form_data

ROWS = 300


def post_form(client, url, data):
    """Post as the browser does the plan pages' form (url-encoded, not multipart)."""
    return client.post(url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded")


def make_plan(unit, user, rows: int, lead, partner, status=PlanStatus.DRAFT) -> Plan:
    plan = Plan.objects.create(
        unit=unit,
        status=status,
        title=f"Kế hoạch {rows} nhiệm vụ",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        created_by=user,
    )
    Task.objects.bulk_create(
        Task(
            plan=plan,
            position=i,
            section="II",
            no=str(i),
            content=f"Nhiệm vụ số {i}: rà soát, đơn giản hóa thủ tục hành chính",
            lead=lead,
            lead_text=lead.name,
            deadline_text="Quý IV/2026",
        )
        for i in range(1, rows + 1)
    )
    for task in plan.tasks.all()[:rows:7]:
        task.partners.add(partner)
    return plan


@pytest.fixture
def big(kesat, officer, pvhcc, vanphong):
    return make_plan(kesat, officer, ROWS, pvhcc, vanphong)


def test_it_reviews_and_publishes_a_plan_of_300_tasks(client, officer, big):
    client.force_login(officer)
    data = plan_form_data(client, "plans-review", big, **{"tasks-299-output": "Báo cáo", "action": "publish"})
    assert len(data) > 1000

    response = post_form(client, reverse("plans-review", args=[big.pk]), data)

    assert response.status_code == 302
    big.refresh_from_db()
    assert big.status == PlanStatus.PUBLISHED
    assert big.tasks.get(position=ROWS).output == "Báo cáo"
    assert big.tasks.filter(due_on=dt.date(2026, 12, 31)).count() == ROWS


def test_it_saves_every_row_of_a_published_plan_of_300_tasks(client, officer, kesat, pvhcc, vanphong):
    plan = make_plan(kesat, officer, ROWS, pvhcc, vanphong, status=PlanStatus.PUBLISHED)
    client.force_login(officer)
    changes = {f"tasks-{i}-deadline_text": "Quý II/2026" for i in range(ROWS)}
    data = plan_form_data(client, "plans-edit", plan, **changes)

    response = post_form(client, reverse("plans-edit", args=[plan.pk]), data)

    assert response.status_code == 302
    assert plan.tasks.filter(due_on=dt.date(2026, 6, 30)).count() == ROWS
    assert AuditEntry.objects.filter(action="edit", object_type="plans.task").count() == ROWS


@pytest.mark.parametrize("url_name", ["plans-review", "plans-edit"])
def test_it_costs_as_many_queries_for_300_rows_as_for_3(
    client, officer, kesat, pvhcc, vanphong, url_name, django_assert_max_num_queries
):
    status = PlanStatus.DRAFT if url_name == "plans-review" else PlanStatus.PUBLISHED
    small = make_plan(kesat, officer, 3, pvhcc, vanphong, status=status)
    large = make_plan(kesat, officer, ROWS, pvhcc, vanphong, status=status)
    client.force_login(officer)
    client.get(reverse(url_name, args=[small.pk]))  # the session and the like, once
    counts = {}
    for plan in (small, large):
        data = plan_form_data(client, url_name, plan, **{"tasks-1-output": "Báo cáo"})
        with django_assert_max_num_queries(40) as shown:
            assert client.get(reverse(url_name, args=[plan.pk])).status_code == 200
        with django_assert_max_num_queries(60) as saved:
            assert post_form(client, reverse(url_name, args=[plan.pk]), data).status_code == 302
        counts[plan.pk] = (len(shown.captured_queries), len(saved.captured_queries))
    assert counts[large.pk] == counts[small.pk]


def test_it_tells_in_vietnamese_a_form_over_the_limit_elsewhere(client, officer, plan):
    task = plan.tasks.first()
    client.force_login(officer)
    data = {f"field{i}": "x" for i in range(1200)} | {"state": "in_progress", "progress": "10"}

    response = client.post(reverse("tracking-update", args=[task.pk]), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Biểu mẫu quá lớn" in page and "tối đa 1000 ô" in page
    assert reverse("plans-list") in page  # the menu is there
    assert not task.updates.exists()
