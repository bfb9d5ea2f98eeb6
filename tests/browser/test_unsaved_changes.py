"""Leaving a form with unsaved changes warns: the browser asks before the page is left; saving does not ask,
and neither does a filter form or a page where nothing was typed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_asks_before_leaving_a_changed_form_and_not_after_saving(page, plan, agency_officer, march_2026):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    login(page, "kesat.pvhcc")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # "stay on the page"

    page.on("dialog", answer)
    page.goto(f"/nhiem-vu/{task.pk}/cap-nhat/")
    page.get_by_role("link", name="Nhiệm vụ của tôi").click()  # nothing typed: no question
    expect(page.locator("h1")).to_have_text("Nhiệm vụ của tôi")
    assert asked == []

    page.goto(f"/nhiem-vu/{task.pk}/cap-nhat/")
    page.locator("textarea[name=comment]").click()
    page.keyboard.type("Đã rà soát 12 thủ tục")
    page.get_by_role("link", name="Nhiệm vụ của tôi").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/nhiem-vu/{task.pk}/cap-nhat/")  # stayed, the text still there
    expect(page.locator("textarea[name=comment]")).to_have_value("Đã rà soát 12 thủ tục")

    page.locator("select[name=state]").select_option("in_progress")
    page.locator("input[name=progress]").fill("40")
    page.locator("form[enctype='multipart/form-data'] button.primary").click()
    page.wait_for_url(f"**/nhiem-vu/{task.pk}/")
    assert asked == ["beforeunload"]  # saving did not ask


def test_it_does_not_ask_for_a_changed_filter(page, plan, officer, march_2026):
    login(page, "kesat.vhxh")
    asked = []
    page.on("dialog", lambda d: (asked.append(d.type), d.accept()))
    page.goto(f"/ke-hoach/{plan.pk}/nhiem-vu/")
    page.get_by_text("Lọc nhiệm vụ").click()
    page.locator("select[name=status]").select_option("overdue")
    page.get_by_role("link", name="Kế hoạch", exact=True).click()
    page.wait_for_load_state()
    assert asked == [] and "/ke-hoach/" in page.url and "nhiem-vu" not in page.url


def test_it_asks_before_leaving_a_form_that_came_back_with_errors(page, plan, agency_officer, march_2026):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    login(page, "kesat.pvhcc")
    asked = []
    page.on("dialog", lambda d: (asked.append(d.type), d.dismiss()))
    page.goto(f"/nhiem-vu/{task.pk}/cap-nhat/")
    form = page.locator("form[enctype='multipart/form-data']")
    form.evaluate("f => f.noValidate = true")  # let the server judge, as an old browser would
    page.locator("textarea[name=comment]").fill("Đã xong một nửa")
    page.locator("input[name=progress]").fill("150")
    form.locator("button.primary").click()
    page.wait_for_load_state()
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.locator("textarea[name=comment]")).to_have_value("Đã xong một nửa")
    page.locator("h1").click()  # a click on the page, as a person would make before leaving
    page.get_by_role("link", name="Nhiệm vụ của tôi").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/nhiem-vu/{task.pk}/cap-nhat/")
