"""The city reviewer adds a sub-criterion in the browser: removing one without moving its points is refused with
the total that is off, then adding one with points taken from its sibling is saved and shows in the framework."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.par import frameworks
from apps.par.models import Criterion
from tests.browser.conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_adds_and_removes_criteria_with_the_totals_checked(page, reviewer):
    framework = frameworks.load_sample()
    login(page, "snv.cchc")
    page.goto(f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Sửa trên trình duyệt").click()
    page.get_by_label("Bỏ 1.1.2").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra tổng điểm và lưu").click()
    expect(page.locator(".error")).to_contain_text("1.1: các tiêu chí con cộng lại 1 điểm, khác điểm tối đa 3.")
    expect(page.get_by_label("Bỏ 1.1.2")).to_be_checked()

    page.get_by_label("Bỏ 1.1.2").uncheck()
    page.get_by_label("Điểm tối đa 1.1.1").fill("0,5")
    page.get_by_label("Mã tiêu chí thêm 1").fill("1.1.3")
    page.get_by_label("Nội dung tiêu chí thêm 1").fill("Công khai kế hoạch CCHC trên trang thông tin điện tử")
    page.get_by_label("Điểm tối đa tiêu chí thêm 1").fill("0,5")
    page.get_by_label("Cách chấm tiêu chí thêm 1").select_option("all_or_nothing")
    shot(page, "par-framework-editor")
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra tổng điểm và lưu").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu bộ tiêu chí; tổng điểm khớp.")
    expect(page.locator("tr", has_text="Công khai kế hoạch CCHC")).to_contain_text("Đạt thì đủ điểm")
    added = Criterion.objects.get(framework=framework, code="1.1.3")
    assert added.parent.code == "1.1" and added.max_points == 0.5
    assert frameworks.check_framework(framework) == []
