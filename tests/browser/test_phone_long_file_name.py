"""Offices name their files as one long word ('KH_118_KH-UBND_cai_cach_hanh_chinh_2026_ban_trinh_ky_lan_cuoi.docx'):
on a 390 px phone the pages that print the file's name wrap it instead of scrolling sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.imports.models import ImportRun
from tests.browser.conftest import PHONE, login, no_sideways_scroll, shot
from tests.browser.seed import write_seed_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "KH_118_KH-UBND_cai_cach_hanh_chinh_nha_nuoc_nam_2026_ban_trinh_ky_lan_cuoi_da_sua.docx"


def test_a_long_file_name_wraps_on_a_phone(phone_page, tmp_path, officer):
    page = phone_page
    login(page, "kesat.vhxh")
    page.goto("/nhap-ke-hoach/")
    page.set_input_files("input[type=file]", str(write_seed_docx(tmp_path / NAME)))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và đọc").click()
    expect(page.locator("h1")).to_have_text("Duyệt bản nháp kế hoạch")
    no_sideways_scroll(page)
    shot(page, "phone-long-file-name-review")

    page.goto(f"/nhap-ke-hoach/{ImportRun.objects.get().pk}/")
    expect(page.locator("h1")).to_contain_text(NAME)
    no_sideways_scroll(page)
    shot(page, "phone-long-file-name-run")

    page.goto("/nhap-ke-hoach/")  # the recent imports, each by its file's name
    link = page.get_by_role("link", name=NAME)
    expect(link).to_be_visible()
    no_sideways_scroll(page)
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the name wraps inside its card"
    shot(page, "phone-long-file-name-recent")
