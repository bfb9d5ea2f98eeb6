"""A citizen answers Kẽ Sắt's survey on a phone (390×844) with JavaScript switched off: first sends it empty and
is told what to do, then taps a few answers, sends and is thanked; the officer then sees the response in the
results, and prints the desk's QR poster."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.surveys.models import Response
from tests.browser.conftest import DESKTOP, PHONE, login, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_without_scripts(browser, live_server):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        base_url=live_server.url,
        java_script_enabled=False,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_it_takes_an_answer_on_a_phone_without_scripts(phone_without_scripts, page, settings, kesat, pvhcc, officer):
    settings.SURVEY_MIN_SECONDS = 0
    phone = phone_without_scripts
    phone.goto(f"/khao-sat/{kesat.pk}/?quay={pvhcc.pk}")
    expect(phone.get_by_role("heading", name="Phiếu khảo sát sự hài lòng")).to_be_visible()
    expect(phone.locator(".unit")).to_have_text("Xã Kẽ Sắt – Trung tâm Phục vụ hành chính công")
    shot(phone, "survey-phone-top")

    phone.get_by_role("button", name="Gửi phiếu khảo sát").click()
    expect(phone.locator(".box.err")).to_contain_text("hãy xem lại các câu được đánh dấu")
    expect(phone.locator("p.err").first).to_contain_text("Hãy chọn mức hài lòng cho ít nhất một câu hỏi")

    first = phone.get_by_role("group", name="Nơi ngồi chờ có đủ chỗ ngồi")
    first.get_by_label("Rất hài lòng").check()
    polite = phone.get_by_role("group", name="Công chức có thái độ giao tiếp lịch sự")
    polite.get_by_label("Hài lòng", exact=True).check()
    phone.get_by_role("group", name="Nhìn chung").get_by_label("Hài lòng", exact=True).check()
    phone.get_by_label("Rút ngắn thời gian giải quyết").check()
    phone.get_by_label("Ý kiến khác").fill("Cán bộ nhiệt tình, phòng chờ mát.")
    shot(phone, "survey-phone-answered")
    phone.get_by_role("button", name="Gửi phiếu khảo sát").click()

    expect(phone.get_by_role("heading", name="Cảm ơn Ông/Bà!")).to_be_visible()
    shot(phone, "survey-phone-thanks")
    response = Response.objects.get()
    assert response.desk == pvhcc
    assert response.answers["items"] == {"access.1": 5, "servants.1": 4, "overall": 4}
    assert response.answers["comment"] == "Cán bộ nhiệt tình, phòng chờ mát."

    page.set_viewport_size(DESKTOP)
    login(page, "kesat.vhxh")
    page.goto(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/")
    expect(page.locator(".stat").nth(1)).to_have_text("1")
    expect(page.locator(".stat").first).to_have_text("100%")
    expect(page.locator("main")).to_contain_text("Người dân đề nghị cải thiện")
    shot(page, "survey-results-desktop")

    page.goto(f"/khao-sat/{kesat.pk}/ap-phich/?quay={pvhcc.pk}")
    expect(page.locator(".qr svg")).to_be_visible()
    expect(page.locator(".url")).to_contain_text(f"/khao-sat/{kesat.pk}/?quay={pvhcc.pk}")
    shot(page, "survey-poster")
