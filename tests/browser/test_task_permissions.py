"""An officer of Kẽ Sắt's one-stop centre may update the centre's task, not the office's: no button, and 403."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPDATE_BUTTON = "Cập nhật tiến độ"


def test_it_offers_the_update_only_on_the_officers_own_agency_task(page, plan, agency_officer):
    own = plan.tasks.get(lead__code="ke-sat-pvhcc")
    other = plan.tasks.get(lead__code="ke-sat-vp")
    login(page, "kesat.pvhcc")

    page.goto(f"/ke-hoach/{plan.pk}/nhiem-vu/")
    expect(page.locator("h1")).to_contain_text("94/KH-UBND")
    shot(page, "permissions-plan-tasks")

    page.get_by_role("link", name="Rà soát văn bản quy phạm pháp luật").click()
    expect(page.locator("h1")).to_contain_text("Nhiệm vụ")
    expect(page.locator("main")).to_contain_text("Văn phòng HĐND và UBND")
    expect(page.get_by_role("link", name=UPDATE_BUTTON)).to_have_count(0)
    shot(page, "permissions-other-agency-task")

    response = page.goto(f"/nhiem-vu/{other.pk}/cap-nhat/")
    assert response.status == 403
    expect(page.locator("form[enctype='multipart/form-data']")).to_have_count(0)
    shot(page, "permissions-403")

    page.goto(f"/nhiem-vu/{own.pk}/")
    expect(page.get_by_role("link", name=UPDATE_BUTTON)).to_be_visible()
