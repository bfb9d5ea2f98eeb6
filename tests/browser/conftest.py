"""Browser tests: the real pages in headless Chromium (the system browser), served by pytest-django's live_server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety guard is switched off here.
Screenshots of key steps go to var/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

# the fixed cast of the web tests (Kẽ Sắt, its agencies and officers, a published plan), shared here
from tests.web.conftest import (  # noqa: E402,F401
    PASSWORD,
    agency_officer,
    city,
    kesat,
    leader,
    make_user,
    maodien,
    officer,
    other_agency_officer,
    other_commune_officer,
    plan,
    pvhcc,
    reviewer,
    snv,
    vanphong,
    vhxh,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
(ROOT / "var" / "static").mkdir(parents=True, exist_ok=True)  # whitenoise warns when STATIC_ROOT is missing
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _keep_failure(request, page: Page, name: str) -> None:
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        shot(page, f"FAILED-{request.node.name}-{name}")


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser, live_server) -> Page:
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    _keep_failure(request, page, "desktop")
    context.close()


@pytest.fixture
def phone_page(request, browser, live_server) -> Page:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN", base_url=live_server.url
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    _keep_failure(request, page, "phone")
    context.close()


@pytest.fixture
def march_2026(settings):
    """The server's clock at 10/03/2026 (still ticking); the browser keeps its own clock, so the session cookie
    is made to last until the browser closes rather than carry an expiry date that may already be past."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    with time_machine.travel(dt.datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=True):
        yield


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as var/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def no_sideways_scroll(page: Page) -> None:
    """The page fits a phone's width: nothing makes it scroll sideways."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways: {width}px"


def login(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form and wait for the page that follows."""
    page.goto("/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def logout(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng xuất").click()
