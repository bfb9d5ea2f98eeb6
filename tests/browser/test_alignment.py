"""Hưng Thắng's standing officer opens their 6-month plan beside the city's plan it implements: the weaker 60%
online filing stands first, in red, against the city's 85%; they break a pair and the page keeps it."""

from tests.browser.conftest import login, shot
from tests.web.test_alignment import city_plan, hung_thang, online  # noqa: F401

WIDE = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def test_it_makes_the_weaker_target_obvious(browser, live_server, city_plan, hung_thang):  # noqa: F811
    plan, _ = hung_thang
    for name, viewport in (("390", PHONE), ("1366", WIDE)):  # the wide one last: it breaks the pair
        context = browser.new_context(viewport=viewport, locale="vi-VN", base_url=live_server.url)
        page = context.new_page()
        login(page, "hungthang.vhxh")
        page.goto(f"/ke-hoach/{plan.pk}/doi-chieu/")
        weaker = page.locator(".weaker-list strong.bad").first
        assert weaker.inner_text() == "Xã Hưng Thắng 60%"
        assert weaker.is_visible()
        assert page.locator("select#with option:checked").inner_text().startswith("Thành phố Hải Phòng")
        shot(page, f"alignment-{name}")
        if name == "1366":
            row = page.locator("table.alignment tr", has_text="Ty le ho so giai quyet truc tuyen")
            row.get_by_role("button", name="Không phải cặp này").click()
            page.get_by_text("lần đối chiếu sau giữ nguyên lựa chọn này").wait_for()
            assert page.locator(".weaker-list").count() == 0
        context.close()
