"""Kẽ Sắt's standing officer opens the commune's reports on a 1366 px screen: with a long reason for a returned
report in the row, the row's "Xem báo cáo" stays on one line."""

from __future__ import annotations

import pytest

from apps.reports.services import open_draft, return_report, submit
from apps.tracking.models import Period, PeriodKind
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_keeps_the_view_link_on_one_line(browser, live_server, plan, officer, reviewer, kesat):
    Period.ensure_year(2026)
    report, _ = open_draft(kesat, Period.objects.get(year=2026, kind=PeriodKind.Q1), officer)
    submit(report, officer)
    return_report(report, reviewer, "Thiếu số liệu hồ sơ trực tuyến của Trung tâm Phục vụ hành chính công. " * 3)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    login(page, "kesat.vhxh")

    page.goto(f"/bao-cao/don-vi/{kesat.pk}/")
    link = page.get_by_role("link", name="Xem báo cáo").first
    height = link.bounding_box()["height"]
    line = page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight) || 24")
    context.close()

    assert height < 1.5 * line
