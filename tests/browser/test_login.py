"""A commune officer signs in (first with a wrong password), lands on the home page and signs out."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, logout, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_refuses_a_wrong_password_in_vietnamese_then_signs_in_and_out(page, phone_page, officer):
    login(page, "kesat.vhxh", "sai-mat-khau")
    expect(page.locator(".error")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")
    assert "/dang-nhap/" in page.url
    shot(page, "login-wrong-password")

    login(page, "kesat.vhxh")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Xã Kẽ Sắt")
    assert not page.url.rstrip("/").endswith("dang-nhap")
    shot(page, "home-after-login")

    logout(page)
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    expect(page.get_by_role("button", name="Đăng xuất")).to_have_count(0)

    login(phone_page, "kesat.vhxh", "sai-mat-khau")
    expect(phone_page.locator(".error")).to_be_visible()
    shot(phone_page, "login-wrong-password-phone")
