"""One leave-page warning (static/js/app.js) in two modes: an ordinary form counts any change, a chosen option too;
a form marked data-warn="text" (the review queue) counts only text typed and still there, so ticking items and
leaving does not ask, while a reason typed and not sent does."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.browser.test_review_queue import sent_by_agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def asked_on(page) -> list[str]:
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))  # "stay on the page"
    return asked


def leave_by_menu(page) -> None:
    page.locator("nav.mainnav").get_by_role("link", name="Thông báo").click()
    page.wait_for_timeout(500)


def type_reason(page, reason: str):
    """Open the queue, and type a reason to return its first item; the reason's box."""
    page.goto("/cho-duyet/")
    card = page.locator(".review-item").first
    card.locator("summary").click()
    card.locator("textarea").fill(reason)
    return card.locator("textarea")


def test_it_asks_for_a_chosen_option_on_an_ordinary_form(page, plan, agency_officer, march_2026):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    login(page, "kesat.pvhcc")
    asked = asked_on(page)
    page.goto(f"/nhiem-vu/{task.pk}/cap-nhat/")
    page.locator("select[name=state]").select_option("in_progress")

    leave_by_menu(page)

    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/nhiem-vu/{task.pk}/cap-nhat/")


def test_it_asks_in_the_review_queue_only_for_a_reason_typed(page, plan, pvhcc, officer, agency_officer):
    sent_by_agency(plan, pvhcc, agency_officer)
    login(page, "kesat.vhxh")
    asked = asked_on(page)

    page.goto("/cho-duyet/")
    page.get_by_label("Chọn tất cả").check()  # ticked items are not typed text
    leave_by_menu(page)
    expect(page.locator("h1")).not_to_have_text("Cập nhật và số liệu chờ duyệt")
    assert asked == []

    type_reason(page, "Thiếu minh chứng").fill("")  # typed, then taken back
    leave_by_menu(page)
    expect(page.locator("h1")).not_to_have_text("Cập nhật và số liệu chờ duyệt")
    assert asked == []

    type_reason(page, "Thiếu minh chứng")
    leave_by_menu(page)
    assert asked == ["beforeunload"]
    expect(page.locator("h1")).to_have_text("Cập nhật và số liệu chờ duyệt")


def test_it_asks_before_leaving_pasted_tasks_not_saved(page, plan, officer, march_2026):
    login(page, "kesat.vhxh")
    asked = asked_on(page)
    page.goto(f"/ke-hoach/{plan.pk}/them-nhiem-vu/")
    page.locator("textarea[name=text]").fill("3\tTập huấn cán bộ một cửa\tVăn phòng HĐND và UBND\t\tQuý II/2026")

    page.get_by_role("button", name="Xem trước").click()  # sending it does not ask
    expect(page.locator("#preview")).to_contain_text("Tập huấn cán bộ một cửa")
    assert asked == []
    page.locator("textarea[name=text]").press("End")
    page.keyboard.type(" (bổ sung)")
    leave_by_menu(page)

    assert asked == ["beforeunload"]
