"""The standing officer fixes a draft: rows edited, added, merged, deleted; forgiving numbers and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.plans.models import Plan, PlanStatus, Target, Task
from tests.web.plan_forms import plan_form_data


@pytest.fixture
def draft(kesat, officer):
    draft = Plan.objects.create(unit=kesat, status=PlanStatus.DRAFT, title="Kế hoạch CCHC năm 2026", created_by=officer)
    Target.objects.create(plan=draft, position=1, text="Tỷ lệ hồ sơ trực tuyến", value=Decimal(60))
    Task.objects.create(plan=draft, position=1, no="1", content="Rà soát TTHC", lead_text="Văn phòng HĐND&UBND")
    Task.objects.create(plan=draft, position=2, content="thuộc lĩnh vực đất đai", output="Báo cáo")
    Task.objects.create(plan=draft, position=3, no="2", content="Tuyên truyền CCHC")
    return draft


def review_data(client, plan, **changes):
    return plan_form_data(client, "plans-review", plan, **changes)


def test_it_accepts_forgiving_numbers_and_dates(client, officer, draft):
    client.force_login(officer)
    data = review_data(
        client,
        draft,
        **{"targets-0-value": "85,5 %", "plan-period_start": "01/01/2026", "plan-period_end": "31/12/2026"},
    )

    response = client.post(reverse("plans-review", args=[draft.pk]), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.targets.get().value == Decimal("85.50")
    assert (draft.period_start, draft.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert draft.status == PlanStatus.DRAFT


def test_it_shows_what_is_wrong_and_saves_nothing(client, officer, draft):
    client.force_login(officer)
    data = review_data(client, draft, **{"targets-0-value": "tám mươi", "tasks-0-content": "Đã sửa"})

    response = client.post(reverse("plans-review", args=[draft.pk]), data)

    assert response.status_code == 200
    assert "Có ô chưa hợp lệ" in response.content.decode()
    assert draft.tasks.get(position=1).content == "Rà soát TTHC"


def test_it_merges_a_row_with_the_one_below(client, officer, draft):
    first = draft.tasks.get(position=1)
    client.force_login(officer)

    client.post(reverse("plans-review", args=[draft.pk]), review_data(client, draft, merge=str(first.pk)))

    rows = list(draft.tasks.order_by("position"))
    assert len(rows) == 2
    assert rows[0].content == "Rà soát TTHC\nthuộc lĩnh vực đất đai" and rows[0].output == "Báo cáo"


def test_it_adds_and_deletes_rows(client, officer, draft):
    client.force_login(officer)
    data = review_data(client, draft, **{"tasks-2-DELETE": "on", "tasks-3-content": "Kiểm tra CCHC", "tasks-3-no": "3"})

    client.post(reverse("plans-review", args=[draft.pk]), data)

    assert list(draft.tasks.order_by("position").values_list("content", flat=True)) == [
        "Rà soát TTHC",
        "thuộc lĩnh vực đất đai",
        "Kiểm tra CCHC",
    ]


def test_it_suggests_agencies_for_the_printed_lead(client, officer, draft, vanphong):
    client.force_login(officer)
    page = client.get(reverse("plans-review", args=[draft.pk])).content.decode()
    assert "Gợi ý: Văn phòng HĐND và UBND" in page
