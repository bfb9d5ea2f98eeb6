"""Search without diacritics, and the 403 and 404 pages, as people see them on a 1366×768 desktop and a 390×844
phone: the menu is there, the page says why and what to do, and nothing needs sideways scrolling."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.plans.models import Plan, PlanStatus, Task
from tests.browser.conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {
    "desktop": {"viewport": {"width": 1366, "height": 768}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}


@pytest.fixture(params=list(SCREENS))
def screen(request, browser, live_server):
    context = browser.new_context(locale="vi-VN", base_url=live_server.url, **SCREENS[request.param])
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.screen_name = request.param
    yield page
    context.close()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_it_finds_without_diacritics_and_says_when_nothing_is_found(screen, plan, maodien, reviewer):
    theirs = Plan.objects.create(unit=maodien, status=PlanStatus.PUBLISHED, number="84/KH-UBND", title="Kế hoạch CCHC")
    Task.objects.create(plan=theirs, no="1", content="Số hóa hồ sơ một cửa xã Mao Điền", lead_text="Công an xã")
    login(screen, "snv.cchc")

    screen.get_by_role("link", name="Tìm kiếm").click()
    screen.fill("input[name=q]", "so hoa ho so")
    with screen.expect_navigation():
        screen.get_by_role("button", name="Tìm", exact=True).click()

    expect(screen.locator("#found-tasks")).to_contain_text("Số hóa hồ sơ một cửa xã Mao Điền")
    expect(screen.locator("#found-tasks")).to_contain_text("Chủ trì: Công an xã")
    assert fits(screen)
    shot(screen, f"search-found-{screen.screen_name}")

    screen.goto("/tim-kiem/?q=ĐIỀN")
    expect(screen.locator("#found-tasks")).to_contain_text("Mao Điền")
    screen.goto("/tim-kiem/?q=khong+co+tu+nay")
    expect(screen.locator("#search-none")).to_contain_text("Không tìm thấy")
    assert fits(screen)
    shot(screen, f"search-none-{screen.screen_name}")


def test_the_403_and_404_pages_say_why_with_the_menu(screen, plan, agency_officer, other_commune_officer):
    login(screen, "kesat.pvhcc")
    response = screen.goto(f"/ke-hoach/{plan.pk}/sua/")
    assert response.status == 403
    expect(screen.locator("h1")).to_have_text("Bạn không có quyền làm việc này")
    expect(screen.locator("#error-403")).to_contain_text("Chỉ cán bộ thường trực CCHC của đơn vị được sửa kế hoạch.")
    expect(screen.locator("#error-403")).to_contain_text("Cán bộ cơ quan, đơn vị tại Trung tâm Phục vụ hành chính công")
    expect(screen.get_by_role("link", name="Kế hoạch", exact=True)).to_be_attached()
    assert fits(screen)
    shot(screen, f"error-403-{screen.screen_name}")

    screen.get_by_role("button", name="Đăng xuất").click()
    login(screen, "maodien.vhxh")
    response = screen.goto(f"/ke-hoach/{plan.pk}/")
    assert response.status == 404
    expect(screen.locator("h1")).to_have_text("Không tìm thấy trang này")
    expect(screen.locator("#error-404")).to_contain_text("không được xem")
    assert fits(screen)
    shot(screen, f"error-404-{screen.screen_name}")
