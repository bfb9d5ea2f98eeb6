"""Sở Nội vụ's officer opens the Q1 2026 consolidation in the browser: who sent, who is late or returned, the
blocks and the city's figures; asks for the city's report, sees it queued, and gets the files once the worker ran;
on a phone the tables scroll inside the page."""

import datetime as dt

import pytest

from apps.units.models import UnitKind
from tests.browser.conftest import login, shot
from tests.web.consolidation_world import report, reporting_unit
from tests.web.queue import DATABASE_QUEUE, work

WIDE = {"width": 1366, "height": 768}


@pytest.fixture
def consolidated(settings, city, snv, reviewer):
    settings.TASKS = DATABASE_QUEUE
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1, online=(9, 10))
    maodien = reporting_unit(city, "md", "Xã Mao Điền", done=1, overdue=3, online=(50, 100))
    haian = reporting_unit(city, "ha", "Phường Hải An", kind=UnitKind.WARD, done=2, online=(1, 1))
    report(*kesat, reviewer)
    report(*maodien, reviewer, on=dt.date(2026, 3, 22))
    report(*haian, reviewer, state="returned", reason="Thiếu số liệu hồ sơ trực tuyến.")


def test_it_consolidates_and_renders_the_city_report(browser, live_server, consolidated, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    context = browser.new_context(viewport=WIDE, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    login(page, "snv.cchc")

    page.goto("/bao-cao/tong-hop/?period=2026-q1")
    page.get_by_text("Lý do trả lại: Thiếu số liệu hồ sơ trực tuyến.").wait_for()
    assert page.get_by_role("cell", name="53,64%").count() == 1
    shot(page, "consolidation-1366")
    page.get_by_role("button", name="Lập báo cáo tổng hợp (.docx, .xlsx)").click()
    page.get_by_text("Đang chờ lập").first.wait_for()
    shot(page, "consolidation-queued-1366")
    work()
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo tổng hợp (.docx)").click()
    assert download.value.suggested_filename == "bao-cao-tong-hop-cchc-quy-i-2026.docx"
    context.close()


def test_it_fits_a_phone(browser, live_server, consolidated):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, locale="vi-VN"
    )
    page = context.new_page()
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("input[name=username]", "snv.cchc")
    page.fill("input[name=password]", "demo12345")
    with page.expect_navigation():
        page.click("form button[type=submit]")

    page.goto(live_server.url + "/bao-cao/tong-hop/?period=2026-q1")

    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, "consolidation-390")
    assert width <= 390
    context.close()
