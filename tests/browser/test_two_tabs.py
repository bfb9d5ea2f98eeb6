"""Two tabs of one plan in headless Chromium: the first saves, the second is told what the first saved and keeps
what it typed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save(tab) -> None:
    with tab.expect_navigation():
        tab.locator(".actions button[value=save]").click()


def test_the_second_tab_sees_the_conflict_and_keeps_its_text(page, plan, officer):
    login(page, "kesat.vhxh")
    first, second = page, page.context.new_page()
    for tab in (first, second):
        tab.goto(f"/ke-hoach/{plan.pk}/sua/")
        expect(tab.locator("h1")).to_contain_text("Sửa kế hoạch đã ban hành")

    first.fill("textarea[name=plan-title]", "Kế hoạch CCHC xã Kẽ Sắt (bản của tab thứ nhất)")
    first.fill("input[name=tasks-0-output]", "Báo cáo quý")
    save(first)
    expect(first.locator(".messages")).to_contain_text("Đã lưu 2 thay đổi")

    second.fill("input[name=plan-signer]", "Nguyễn Văn Bình")
    second.fill("input[name=tasks-0-output]", "Quyết định công bố TTHC")
    save(second)

    expect(second.locator(".messages")).to_contain_text("Chưa lưu gì")
    expect(second.locator("#task-" + str(plan.tasks.get(position=1).pk))).to_contain_text(
        "Người khác đã sửa thành: Báo cáo quý"
    )
    expect(second.locator("main")).to_contain_text("Người khác đã sửa thành: Kế hoạch CCHC xã Kẽ Sắt (bản của tab")
    expect(second.locator("input[name=plan-signer]")).to_have_value("Nguyễn Văn Bình")
    expect(second.locator("input[name=tasks-0-output]")).to_have_value("Quyết định công bố TTHC")
    second.screenshot(path="/tmp/two_tabs.png", full_page=True)
    shot(second, "two-tabs-conflict")
    plan.refresh_from_db()
    assert plan.signer == "" and plan.tasks.get(position=1).output == "Báo cáo quý"

    save(second)  # saving again, knowing what the first tab saved
    expect(second.locator(".messages")).to_contain_text("Đã lưu")
    plan.refresh_from_db()
    assert plan.title.endswith("(bản của tab thứ nhất)") and plan.signer == "Nguyễn Văn Bình"
    assert plan.tasks.get(position=1).output == "Quyết định công bố TTHC"
