"""On a 390 × 844 phone the plan list and the audit log are cards, the title (the plan, the sentence) first, with
no sideways scrolling; "my tasks" with its search box fits too."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.plans.models import Plan, PlanStatus, TaskState
from apps.tracking.services import submit_update
from tests.browser.conftest import login, no_sideways_scroll, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = (
    "Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2026 - 2030 gắn với chuyển đổi số, "
    "nâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn xã"
)


def test_it_shows_the_plan_list_and_the_audit_log_as_cards_on_a_phone(
    phone_page, plan, officer, agency_officer, kesat, march_2026
):
    Plan.objects.create(unit=kesat, status=PlanStatus.PUBLISHED, number="12/KH-UBND-VHXH-2026", title=LONG)
    submit_update(plan.tasks.get(lead__code="ke-sat-pvhcc"), agency_officer, state=TaskState.IN_PROGRESS, progress=40)
    page = phone_page
    login(page, "kesat.vhxh")

    page.goto("/ke-hoach/")
    no_sideways_scroll(page)
    card = page.locator("table.cards tbody tr", has_text="12/KH-UBND-VHXH-2026")
    title, number = card.locator("td.card-title"), card.locator("td[data-label='Số, ký hiệu']")
    expect(title).to_be_visible()
    assert title.bounding_box()["y"] < number.bounding_box()["y"], "the plan's title comes first on its card"
    for label in ("Trạng thái", "Nhiệm vụ"):
        expect(card.locator(f"td[data-label='{label}']")).to_be_visible()
    expect(page.get_by_role("link", name="Tải danh sách (.xlsx)")).to_be_visible()
    shot(page, "phone-plan-list")

    page.goto(f"/nhat-ky/{kesat.pk}/")
    no_sideways_scroll(page)
    entry = page.locator("table.cards tbody tr", has_text="cập nhật nhiệm vụ II.1").first
    expect(entry.locator("td.card-title")).to_be_visible()
    expect(entry.locator("td[data-label='Thời gian']")).to_be_visible()
    expect(page.get_by_role("link", name="Tải nhật ký (.xlsx)")).to_be_visible()
    shot(page, "phone-audit-log")

    page.goto("/nhiem-vu/cua-toi/?q=ra+soat")
    no_sideways_scroll(page)
    expect(page.locator("input[name=q]")).to_have_value("ra soat")
    shot(page, "phone-my-tasks-search")
