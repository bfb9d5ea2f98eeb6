"""The stale spreadsheet of issue 8 in the browser: the one-stop centre's officer downloads the plan's workbook
from the page; the standing officer then sets task II.2b to 50% on the web; the centre's officer edits only
another row of the old file and uploads it: the preview lists only that row, and II.2b stays 50%. The same old
file with II.2b edited too shows II.2b as a conflict with both values, saved only when ticked."""

from __future__ import annotations

import io
import shutil

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from apps.plans.models import TaskState
from tests.browser.conftest import login, shot
from tests.web.conftest import add_task_2b

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def row_of(sheet, task) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == task.pk)


def upload(page: Page, plan, wb, path) -> None:
    wb.save(path)
    page.goto(f"/ke-hoach/{plan.pk}/so-lieu/")
    page.get_by_role("link", name="Nhập từ bảng tính").click()
    page.set_input_files("input[name=file]", str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.locator("h1")).to_contain_text("Xem trước thay đổi")


def test_it_keeps_what_others_saved_since_the_download(
    march_2026, page, browser, live_server, tmp_path, plan, pvhcc, officer, agency_officer
):
    task_2b = add_task_2b(plan, pvhcc)
    own = plan.tasks.get(section="II", no="1")

    # 1. the centre's officer downloads the workbook from the plan's figures page
    login(page, "kesat.pvhcc")
    page.goto(f"/ke-hoach/{plan.pk}/so-lieu/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải bảng tính (.xlsx)").click()
    old_file = tmp_path / "so-lieu-cu.xlsx"
    shutil.copy(download.value.path(), old_file)

    # 2. meanwhile the standing officer sets II.2b to 50% on the web, in another browser
    other = browser.new_context(locale="vi-VN", base_url=live_server.url)
    web = other.new_page()
    login(web, "kesat.vhxh")
    web.goto(f"/nhiem-vu/{task_2b.pk}/cap-nhat/")
    web.select_option("select[name=state]", TaskState.IN_PROGRESS)
    web.fill("input[name=progress]", "50")
    with web.expect_navigation():
        web.get_by_role("button", name="Gửi cập nhật").click()
    other.close()
    task_2b.refresh_from_db()
    assert task_2b.progress == 50

    # 3. the centre's officer edits only their other task in the old file and uploads it
    wb = load_workbook(io.BytesIO(old_file.read_bytes()))
    tasks = wb["Nhiệm vụ"]
    tasks.cell(row_of(tasks, own), 7).value = 30
    upload(page, plan, wb, tmp_path / "so-lieu-1.xlsx")
    main = page.locator("main")
    expect(main).to_contain_text("Nhiệm vụ (1)")
    expect(main).to_contain_text("0% → 30%")
    expect(main).not_to_contain_text("II.2b")
    expect(main).not_to_contain_text("Xung đột")
    expect(main).not_to_contain_text("50%")
    shot(page, "stale-sheet-1-only-the-edited-row")
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận lưu 1 thay đổi").click()
    expect(page.locator("body")).to_contain_text("Đã lưu 1 thay đổi")
    task_2b.refresh_from_db()
    own.refresh_from_db()
    assert (task_2b.progress, own.progress) == (50, 30)

    # 4. the same old file with II.2b edited too: a conflict with both values, not saved unless ticked
    wb = load_workbook(io.BytesIO(old_file.read_bytes()))
    tasks = wb["Nhiệm vụ"]
    tasks.cell(row_of(tasks, task_2b), 7).value = 30
    tasks.cell(row_of(tasks, task_2b), 8).value = "Đã số hóa 30% hồ sơ"
    upload(page, plan, wb, tmp_path / "so-lieu-2.xlsx")
    conflict = page.locator("#xung-dot")
    expect(conflict).to_contain_text("Xung đột (1)")
    expect(conflict).to_contain_text("II.2b")
    expect(conflict).to_contain_text("Chưa thực hiện (0%)")  # as downloaded
    expect(conflict).to_contain_text("Đang thực hiện (50%)")  # now in cchc
    expect(conflict).to_contain_text("kesat.vhxh")  # who saved it
    expect(conflict).to_contain_text("Đang thực hiện (30%) · Đã số hóa 30% hồ sơ")  # the file's value
    page.screenshot(path="/tmp/stale_sheet.png", full_page=True)
    shot(page, "stale-sheet-2-conflict")

    with page.expect_navigation():
        page.get_by_role("button", name="Lưu các dòng đã chọn ghi đè").click()
    expect(page.locator("main")).to_contain_text("chưa chọn ghi đè")
    task_2b.refresh_from_db()
    assert task_2b.progress == 50

    page.get_by_label("Ghi đè bằng giá trị trong tệp").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu các dòng đã chọn ghi đè").click()
    expect(page.locator("body")).to_contain_text("Đã lưu 1 thay đổi")
    task_2b.refresh_from_db()
    assert task_2b.progress == 30
