"""On a 390 px phone the audit log shows each entry as a card: what was done as its title, then its time and the
fields changed, all within the screen rather than in a column off to the right of a sideways-scrolling table."""

from __future__ import annotations

import pytest

from apps.plans.models import TaskState
from apps.tracking.services import submit_update
from tests.browser.conftest import PHONE, login, shot
from tests.web.conftest import add_task_2b

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_each_entry_as_a_card_within_the_screen(browser, live_server, plan, pvhcc, officer, agency_officer):
    task = add_task_2b(plan, pvhcc)
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=30, comment="Đã rà soát 12 thủ tục.")
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN", base_url=live_server.url
    )
    page = context.new_page()
    login(page, "kesat.vhxh")

    page.goto(f"/nhat-ky/{plan.unit_id}/")

    entry = page.locator("table.audit tbody tr", has_text="cập nhật nhiệm vụ II.2b").first
    for cell in (entry.locator("td.card-title"), entry.locator("td.sentence")):
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wrap = page.locator(".table-wrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth"), "the log should not scroll sideways"
    shot(page, "phone-audit-log")
    context.close()
