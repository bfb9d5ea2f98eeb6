"""Publishing asks first, in the browser: with JavaScript a dialog (no keeps the draft, yes publishes); without it
the page comes back with the question and a button to say yes, and what was typed is kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.plans.models import Plan, PlanStatus
from tests.browser.conftest import PASSWORD, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft(plan):
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    return plan


def sign_in(page, username: str) -> None:
    page.goto("/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def test_the_dialog_asks_before_publishing(page, draft, officer):
    sign_in(page, "kesat.vhxh")
    page.goto(f"/ke-hoach/{draft.pk}/duyet/")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Lưu và ban hành").click()
    page.wait_for_timeout(300)
    assert questions and questions[0].startswith("Ban hành kế hoạch 94/KH-UBND?")
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.DRAFT

    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu và ban hành").click()
    expect(page.locator(".badge.published")).to_have_text("Đã ban hành")


def test_without_javascript_the_page_asks_and_keeps_what_was_typed(browser, live_server, draft, officer):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1366, "height": 768}, locale="vi-VN", base_url=live_server.url
    )
    page = context.new_page()
    sign_in(page, "kesat.vhxh")
    page.goto(f"/ke-hoach/{draft.pk}/duyet/")
    page.fill("input[name='plan-signer']", "Lê Văn C")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu và ban hành").click()

    expect(page.locator("#confirm-step")).to_contain_text("Chưa lưu gì. Ban hành kế hoạch 94/KH-UBND?")
    expect(page.locator("input[name='plan-signer']")).to_have_value("Lê Văn C")
    shot(page, "confirm-publish-no-js")
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.DRAFT

    with page.expect_navigation():
        page.get_by_role("button", name="Đồng ý ban hành").click()
    published = Plan.objects.get(pk=draft.pk)
    assert published.status == PlanStatus.PUBLISHED and published.signer == "Lê Văn C"
    context.close()
