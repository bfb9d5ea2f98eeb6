"""The whole story in the browser: Kẽ Sắt's standing officer uploads a Word plan, reviews and publishes it; the
one-stop centre's officer reports a task done with evidence; the commune's dashboard counts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import login, logout, shot
from tests.browser.seed import PLAN_NUMBER, TARGET_TEXT, write_seed_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# a one-page PDF, enough to pass the evidence check (the file must really be a PDF)
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GENERATED = ROOT / "tests" / "fixtures" / "generated"
CENTRE_TASK = "Công khai đầy đủ thủ tục hành chính tại bộ phận một cửa"


def stat(page: Page, label: str) -> str:
    """The figure of one card of the dashboard's top row."""
    card = page.locator(".stat-grid .card").filter(has=page.get_by_text(label, exact=True))
    return card.locator(".stat").inner_text().strip()


def test_it_takes_a_word_plan_to_the_dashboard(march_2026, page, phone_page, tmp_path, officer, agency_officer):
    seed = write_seed_docx(tmp_path / "ke-hoach-cchc-2026.docx")

    # 1. the standing officer uploads the plan
    login(page, "kesat.vhxh")
    shot(page, "flow-01-dashboard-empty")
    assert stat(page, "Nhiệm vụ") == "0"
    page.goto("/nhap-ke-hoach/")
    expect(page.locator("h1")).to_have_text("Nhập kế hoạch CCHC")
    page.set_input_files("input[type=file]", str(seed))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và đọc").click()

    # 2. reviews the draft the importer read
    expect(page.locator("h1")).to_have_text("Duyệt bản nháp kế hoạch")
    expect(page.locator(".messages")).to_contain_text("Đã đọc xong tệp ke-hoach-cchc-2026.docx")
    expect(page.get_by_label("Số, ký hiệu", exact=True)).to_have_value(PLAN_NUMBER)
    expect(page.locator("fieldset[id^=task-]:not(#task-new)")).to_have_count(3)
    expect(page.locator("fieldset[id^=target-]:not(#target-new) textarea").first).to_contain_text("80%")
    shot(page, "flow-02-review")
    page.get_by_label("Thực hiện từ ngày", exact=True).fill("2026-01-01")
    page.get_by_label("đến ngày", exact=True).fill("2026-12-31")
    with page.expect_navigation():
        page.once("dialog", lambda dialog: dialog.accept())  # "Ban hành kế hoạch …?"
        page.get_by_role("button", name="Lưu và ban hành").click()

    # 3. the plan is published with its tasks and target
    expect(page.locator("h1")).to_contain_text(f"Kế hoạch số {PLAN_NUMBER}")
    expect(page.locator(".badge.published")).to_have_text("Đã ban hành")
    expect(page.locator("main")).to_contain_text(TARGET_TEXT.split(" đạt")[0])
    expect(page.locator("main")).to_contain_text(CENTRE_TASK)
    shot(page, "flow-03-published")
    page.get_by_role("link", name="Tổng quan").click()
    assert stat(page, "Nhiệm vụ") == "3"
    assert stat(page, "Đã hoàn thành") == "0"
    assert stat(page, "Quá hạn") == "0"
    logout(page)

    # 4. the one-stop centre's officer reports its task done, with evidence
    login(page, "kesat.pvhcc")
    page.get_by_role("link", name="Nhiệm vụ của tôi").click()
    shot(page, "flow-04-my-tasks")
    page.get_by_role("link", name=CENTRE_TASK).click()
    page.get_by_role("link", name="Cập nhật tiến độ").click()
    page.select_option("select[name=state]", "done")
    page.fill("input[name=progress]", "100")
    page.fill("textarea[name=comment]", "Đã niêm yết đầy đủ 142 thủ tục hành chính tại bộ phận một cửa.")
    page.set_input_files(
        "input[name=files]",
        files=[{"name": "danh-muc-tthc.pdf", "mimeType": "application/pdf", "buffer": EVIDENCE_PDF}],
    )
    shot(page, "flow-05-update-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi cập nhật").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận cập nhật nhiệm vụ.")
    expect(page.locator("main")).to_contain_text("Hoàn thành đúng hạn")
    with page.expect_download() as download:
        page.get_by_role("link", name="danh-muc-tthc.pdf").click()
    assert download.value.suggested_filename == "danh-muc-tthc.pdf"
    shot(page, "flow-06-task-updated")
    logout(page)

    # 5. the standing officer's dashboard counts it, on a phone too
    login(phone_page, "kesat.vhxh")
    assert stat(phone_page, "Nhiệm vụ") == "3"
    assert stat(phone_page, "Đã hoàn thành") == "1"
    expect(phone_page.locator("main")).to_contain_text("Trung tâm Phục vụ hành chính công")
    shot(phone_page, "flow-07-dashboard-phone")


def test_it_publishes_a_seed_plan_typed_in_word(march_2026, page, other_commune_officer, tmp_path):
    """Mao Điền's real plan 84/KH-UBND, as Word with its task catalogue in a landscape table: every target and every
    task reaches the review screen and, once published, the plan's task list."""
    seed = GENERATED / "004_216e4bf6d47724c0.docx"
    gold = json.loads((SEEDS / "gold" / "004_216e4bf6d47724c0.json").read_text(encoding="utf-8"))

    login(page, "maodien.vhxh")
    page.goto("/nhap-ke-hoach/")
    page.set_input_files("input[type=file]", str(seed))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và đọc").click()

    expect(page.locator("h1")).to_have_text("Duyệt bản nháp kế hoạch")
    expect(page.get_by_label("Số, ký hiệu", exact=True)).to_have_value(gold["meta"]["number"])
    expect(page.locator("fieldset[id^=task-]:not(#task-new)")).to_have_count(len(gold["tasks"]))
    expect(page.locator("fieldset[id^=target-]:not(#target-new)")).to_have_count(len(gold["targets"]))
    shot(page, "seed-01-review")
    with page.expect_navigation():
        page.once("dialog", lambda dialog: dialog.accept())  # "Ban hành kế hoạch …?"
        page.get_by_role("button", name="Lưu và ban hành").click()

    expect(page.locator(".badge.published")).to_have_text("Đã ban hành")
    page.get_by_role("link", name="Danh mục nhiệm vụ").first.click()
    expect(page.locator("main")).to_contain_text(f"Hiển thị {len(gold['tasks'])} / {len(gold['tasks'])} nhiệm vụ")
    shot(page, "seed-02-tasks")
