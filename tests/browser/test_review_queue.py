"""Kẽ Sắt's standing officer opens the review queue from the menu, selects what the one-stop centre sent and
accepts it in one step (desktop, 1366×768); on a 390 px phone returns two items with one reason, after confirming."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.plans.models import TaskState
from apps.tracking import review
from apps.tracking.figures import save_measurement
from apps.tracking.models import Measurement, Period, PeriodKind, TaskUpdate, UpdateStatus
from apps.tracking.services import submit_update
from tests.browser.conftest import login, shot
from tests.web.conftest import add_task_2b

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


def sent_by_agency(plan, pvhcc, agency_officer) -> None:
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    task_2b = add_task_2b(plan, pvhcc)
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=60, comment="Đã rà soát 12 TTHC")
    submit_update(task_2b, agency_officer, state=TaskState.IN_PROGRESS, progress=30, comment="Số hóa 300 hồ sơ")
    Period.ensure_year(2026)
    q1 = Period.objects.get(year=2026, kind=PeriodKind.Q1)
    save_measurement(plan.targets.get(), q1, agency_officer, value=Decimal("61.5"), source="Cổng DVC")


def test_it_accepts_several_at_once_on_a_laptop(browser, live_server, plan, pvhcc, officer, agency_officer):
    sent_by_agency(plan, pvhcc, agency_officer)
    context = browser.new_context(viewport=LAPTOP, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    try:
        login(page, "kesat.vhxh")
        menu = page.locator("nav.mainnav").get_by_role("link", name="Chờ duyệt")
        expect(menu).to_contain_text("3")  # two tasks and one target
        menu.click()
        expect(page.locator("h1")).to_have_text("Cập nhật và số liệu chờ duyệt")
        expect(page.locator(".review-item")).to_have_count(3)
        shot(page, "review-queue-1366")

        page.get_by_label("Chọn tất cả").check()
        expect(page.locator("#chosen")).to_have_text("Đã chọn 3 mục.")
        page.get_by_role("button", name="Chấp nhận các mục đã chọn").click()

        expect(page.locator(".messages")).to_contain_text("Đã chấp nhận 3 mục")
        expect(page.locator("main")).to_contain_text("Không có cập nhật hay số liệu nào chờ duyệt")
        expect(page.locator("nav.mainnav").get_by_role("link", name="Chờ duyệt")).to_have_text("Chờ duyệt")
        shot(page, "review-queue-1366-accepted")
    finally:
        context.close()
    assert set(TaskUpdate.objects.values_list("status", flat=True)) == {UpdateStatus.ACCEPTED}
    assert Measurement.objects.get().status == UpdateStatus.ACCEPTED


def test_it_returns_two_with_one_reason_on_a_phone(phone_page, plan, pvhcc, officer, agency_officer):
    sent_by_agency(plan, pvhcc, agency_officer)
    page = phone_page
    login(page, "kesat.vhxh")
    page.goto("/cho-duyet/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the queue scrolls sideways on a phone ({width}px)"
    shot(page, "review-queue-390")

    page.get_by_label("Chọn cập nhật nhiệm vụ II.2b").check()
    page.get_by_label("Chọn số liệu").check()
    page.locator("#bulk summary").click()
    page.locator("#bulk textarea[name=reason]").fill("Thiếu văn bản minh chứng.")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Trả lại các mục đã chọn").click()

    expect(page.locator(".messages")).to_contain_text("Đã trả lại 2 mục")
    assert dialogs == ["Trả lại các mục đã chọn cho người gửi?"]
    expect(page.locator(".review-item")).to_have_count(1)
    shot(page, "review-queue-390-returned")
    returned = TaskUpdate.objects.get(task__no="2b")
    assert (returned.status, returned.return_reason) == (UpdateStatus.RETURNED, "Thiếu văn bản minh chứng.")
    assert Measurement.objects.get().status == UpdateStatus.RETURNED


def test_it_asks_before_leaving_a_reason_not_sent(page, plan, pvhcc, officer, agency_officer):
    sent_by_agency(plan, pvhcc, agency_officer)
    login(page, "kesat.vhxh")
    page.goto("/cho-duyet/")
    card = page.locator(".review-item").first
    card.locator("summary").click()
    card.locator("textarea").fill("Thiếu minh chứng")
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.locator("nav.mainnav").get_by_role("link", name="Thông báo").click()
    page.wait_for_timeout(500)

    assert asked == ["beforeunload"]
    expect(page.locator("h1")).to_have_text("Cập nhật và số liệu chờ duyệt")


def test_it_pages_a_long_queue_on_a_phone(phone_page, plan, pvhcc, officer, agency_officer, monkeypatch):
    """Three items, two a page: the phone shows the first page with its pager, the officer accepts all on the
    page and the last item moves up to page 1; nothing scrolls sideways."""
    monkeypatch.setattr(review, "PER_PAGE", 1)  # one update and one figure a page: the two updates need two pages
    sent_by_agency(plan, pvhcc, agency_officer)
    page = phone_page
    login(page, "kesat.vhxh")
    page.goto("/cho-duyet/")
    expect(page.locator(".review-item")).to_have_count(2)
    expect(page.locator("nav.pager").first).to_contain_text("1–1 trong 2")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the queue's pager scrolls sideways on a phone ({width}px)"
    shot(page, "review-queue-390-pages")

    page.get_by_label("Chọn tất cả trên trang này").check()
    page.get_by_role("button", name="Chấp nhận các mục đã chọn").click()

    expect(page.locator(".messages")).to_contain_text("Đã chấp nhận 2 mục")
    expect(page.locator(".review-item")).to_have_count(1)
    expect(page.locator("nav.pager")).to_have_count(0)
    assert TaskUpdate.objects.filter(status=UpdateStatus.SUBMITTED).count() == 1
