"""Kẽ Sắt's standing officer opens the PAR self-assessment in the browser, sees the proposed score with its
computation on the leaf its tracked figure serves, accepts it, and on a phone reads and scores a leaf too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.par import frameworks, services
from apps.par.models import Criterion, CriterionTag, Score
from apps.plans.models import Plan, PlanStatus, Target
from apps.tracking.models import Measurement, Period, PeriodKind
from tests.browser.conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def opened(officer, reviewer, kesat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    year = services.open_year(2025, dt.date(2099, 12, 15), {"communes": frameworks.load_sample()}, reviewer)
    plan = Plan.objects.create(
        unit=kesat,
        status=PlanStatus.PUBLISHED,
        title="Kế hoạch CCHC năm 2025",
        created_by=officer,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
    )
    target = Target.objects.create(plan=plan, position=1, text="Tỷ lệ hồ sơ trực tuyến", value=85, unit="%")
    Period.ensure_year(2025)
    Measurement.objects.create(
        target=target,
        period=Period.objects.get(year=2025, kind=PeriodKind.YEAR),
        value=Decimal("87.52"),
        numerator=1234,
        denominator=1410,
    )
    CriterionTag.objects.create(criterion=Criterion.objects.get(code="3.3"), target=target)
    return year


def test_it_accepts_a_proposed_score_on_desktop_and_phone(page, phone_page, opened, kesat):
    login(page, "kesat.vhxh")
    page.goto("/chi-so-cchc/")
    with page.expect_navigation():
        page.get_by_role("button", name="Bắt đầu tự chấm").click()
    leaf = page.locator("tr", has_text="Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ")
    expect(leaf).to_contain_text("1.234 / 1.410 = 87,5% ≥ 85% → 2 / 2")
    leaf.get_by_label("Giải thích").fill("Số liệu Cổng dịch vụ công năm 2025")
    with page.expect_navigation():
        leaf.get_by_role("button", name="Nhận điểm đề xuất").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu điểm tự chấm tiêu chí 3.3")
    score = Score.objects.get(assessment__unit=kesat, criterion__code="3.3")
    assert score.self_score == 2 and score.self_note == "Số liệu Cổng dịch vụ công năm 2025"
    page.set_viewport_size({"width": 1366, "height": 768})
    shot(page, "par-self-assessment")

    login(phone_page, "kesat.vhxh")
    phone_page.goto(f"/chi-so-cchc/ban-cham/{score.assessment_id}/")
    leaf = phone_page.locator("tr", has_text="Tỷ lệ thanh toán trực tuyến")
    leaf.get_by_label("Điểm").fill("1,5")
    leaf.get_by_label("Giải thích").fill("Theo báo cáo của Trung tâm")
    with phone_page.expect_navigation():
        leaf.get_by_role("button", name="Lưu").click()
    expect(phone_page.locator(".messages")).to_contain_text("Đã lưu điểm tự chấm tiêu chí 3.4")
    assert Score.objects.get(assessment__unit=kesat, criterion__code="3.4").self_score == Decimal("1.5")
    shot(phone_page, "par-self-assessment-phone")
