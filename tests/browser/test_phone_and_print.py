"""On a 390 px phone the lists show task, deadline, state and progress (the city: unit, completion, targets met)
as cards, without sideways scrolling, and the plan's task list starts with its tasks; printed (A4, print media)
the pages leave out the menu and filters, keep the legend and every column, and say unit, date and who printed.
Colours of text meet 4.5:1 against what is behind them."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from apps.plans.models import Area, Task
from tests.browser.conftest import SCREENSHOTS, login, no_sideways_scroll, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
LONG = (
    "Tổ chức rà soát, đánh giá, công bố, công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của xã "
    "trên Cổng Dịch vụ công quốc gia và tại Bộ phận Một cửa, kèm theo quy trình nội bộ điện tử"
)


@pytest.fixture
def many_tasks(plan, pvhcc, vanphong):
    for i in range(3, 15):
        Task.objects.create(
            plan=plan,
            position=i,
            section="III",
            no=str(i),
            area=Area.TTHC,
            content=f"{LONG} ({i})",
            lead=pvhcc if i % 2 else vanphong,
            lead_text="Trung tâm Phục vụ hành chính công và các cơ quan, đơn vị có liên quan",
            deadline_text="Trước ngày 30 tháng 9 năm 2026",
            due_on=dt.date(2026, 3, 1) if i % 3 == 0 else dt.date(2026, 9, 30),
            progress=i * 5,
        )
    return plan


def _context(browser, live_server, viewport):
    options = {"viewport": viewport, "locale": "vi-VN", "base_url": live_server.url}
    if viewport is PHONE:
        options |= {"device_scale_factor": 2, "is_mobile": True, "has_touch": True}
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    return context


def test_it_shows_the_lists_as_cards_on_a_phone(browser, live_server, many_tasks, agency_officer, reviewer, march_2026):
    context = _context(browser, live_server, PHONE)
    page = context.new_page()
    login(page, "kesat.pvhcc")

    page.goto("/nhiem-vu/cua-toi/")
    no_sideways_scroll(page)
    card = page.locator("#open table.cards tbody tr").first
    for label in ("Thời hạn", "Tình trạng", "Tiến độ"):
        expect(card.locator(f"td[data-label='{label}']")).to_be_visible()
    expect(card.locator("td.card-title a")).to_be_visible()
    expect(page.locator("#open thead")).not_to_be_in_viewport()
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    shot(page, "phone-my-tasks")

    page.goto(f"/ke-hoach/{many_tasks.pk}/nhiem-vu/")
    no_sideways_scroll(page)
    first = page.locator("table.cards tbody tr").first
    assert first.bounding_box()["y"] < PHONE["height"], "the plan's task list should start with its tasks"
    expect(first.locator("td[data-label='Tình trạng'] .badge")).to_be_visible()
    expect(page.locator("details.filters form")).to_be_hidden()  # filters folded until asked for
    page.get_by_text("Lọc nhiệm vụ").click()
    expect(page.locator("details.filters select[name=status]")).to_be_visible()
    page.locator("details.filters").evaluate("d => d.open = false")
    page.screenshot(path=str(SCREENSHOTS / "phone-plan-tasks-first-screen.png"))
    shot(page, "phone-plan-tasks")

    page.goto(f"/tong-quan/don-vi/{many_tasks.unit_id}/")
    no_sideways_scroll(page)
    expect(page.locator("table.cards td[data-label='Đánh giá']").first).to_be_visible()
    shot(page, "phone-unit-dashboard")

    page.goto(f"/ke-hoach/{many_tasks.pk}/so-lieu/")
    no_sideways_scroll(page)
    expect(page.locator("table.cards td[data-label='Mục tiêu']").first).to_be_visible()
    shot(page, "phone-plan-figures")

    page.get_by_role("button", name="Đăng xuất").click()
    login(page, "snv.cchc")
    page.goto("/tong-quan/thanh-pho/")
    no_sideways_scroll(page)
    row = page.locator("table.cards tbody tr", has_text="Xã Kẽ Sắt")
    for label in ("Hoàn thành", "Chỉ tiêu đạt"):
        expect(row.locator(f"td[data-label='{label}']")).to_be_visible()
    shot(page, "phone-city")
    context.close()


def test_it_keeps_the_desktop_tables_as_tables(browser, live_server, many_tasks, agency_officer, march_2026):
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    login(page, "kesat.pvhcc")
    page.goto("/nhiem-vu/cua-toi/")
    expect(page.locator("#open thead th", has_text="Tiến độ")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    shot(page, "desktop-my-tasks")
    context.close()


def _visible(page, selector):
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden').length",
    )


def test_it_prints_without_menu_and_filters_with_legend_columns_and_a_header(
    browser, live_server, many_tasks, leader, officer, march_2026
):
    leader.first_name, leader.last_name = "Trần Thị", "Bình"
    leader.save()
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    login(page, "kesat.ct")
    page.goto(f"/tong-quan/don-vi/{many_tasks.unit_id}/")
    columns = _visible(page, "main table thead th")
    page.emulate_media(media="print")
    assert _visible(page, ".topbar, .mainnav") == 0
    assert _visible(page, ".page-tools, form[method=get]") == 0
    assert _visible(page, ".legend") == 1
    assert _visible(page, "main table thead th") == columns  # every column printed
    header = page.locator(".print-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text("Xã Kẽ Sắt")
    expect(header).to_contain_text("In ngày 10/03/2026")
    expect(header).to_contain_text("Người in: Trần Thị Bình")
    page.pdf(path=str(SCREENSHOTS / "print-unit-dashboard.pdf"), format="A4", print_background=True)
    page.screenshot(path=str(SCREENSHOTS / "print-unit-dashboard.png"), full_page=True)

    page.emulate_media(media="screen")
    page.goto(f"/ke-hoach/{many_tasks.pk}/nhiem-vu/?agency=")
    page.emulate_media(media="print")
    assert _visible(page, "details.filters, .chips ~ details, .topbar") == 0
    assert _visible(page, "main table thead th") == 6
    assert _visible(page, "main table tbody tr") == 14
    page.pdf(path=str(SCREENSHOTS / "print-plan-tasks.pdf"), format="A4", print_background=True)
    context.close()


CONTRAST = """() => {
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 };
  const lum = c => { const [r, g, b] = c.map(lin); return 0.2126 * r + 0.7152 * g + 0.0722 * b };
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                             if (c.length === 3 || c[3] > 0) return c.slice(0, 3) } return [255, 255, 255] };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.offsetParent === null || el.closest('svg, option')) continue;
    const fg = rgb(getComputedStyle(el).color).slice(0, 3), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) bad.push(`${n.textContent.trim().slice(0, 30)}: ${ratio.toFixed(2)}`);
  }
  return bad;
}"""


def test_it_writes_every_text_at_a_contrast_of_4_5_to_1(browser, live_server, many_tasks, officer, march_2026):
    from apps.tracking.services import submit_update

    task = many_tasks.tasks.get(no="4")
    submit_update(task, officer, state="done", completed_on=dt.date(2026, 3, 5))
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    login(page, "kesat.vhxh")
    for path in (
        "/nhiem-vu/cua-toi/",
        f"/tong-quan/don-vi/{many_tasks.unit_id}/",
        f"/ke-hoach/{many_tasks.pk}/nhiem-vu/",
    ):
        page.goto(path)
        assert page.evaluate(CONTRAST) == [], path
    context.close()


def test_it_prints_a_targets_figures_without_the_entry_forms(browser, live_server, plan, officer, march_2026):
    from decimal import Decimal

    from apps.tracking.models import Measurement, Period, PeriodKind

    Period.ensure_year(2026)
    target = plan.targets.get()
    Measurement.objects.create(
        target=target, period=Period.objects.get(kind=PeriodKind.Q1, year=2026), value=Decimal("70")
    )
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    login(page, "kesat.vhxh")
    page.goto(f"/chi-tieu/{target.pk}/")
    expect(page.locator("#nhap")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("#nhap")).to_be_hidden()
    assert _visible(page, "main select, main input:not([type=hidden]), main textarea") == 0
    expect(page.locator("main table").first).to_contain_text("Quý I 2026")
    expect(page.locator("svg.spark text", has_text="MT 85")).to_have_count(1)
    expect(page.locator(".print-header")).to_contain_text("Xã Kẽ Sắt")
    page.pdf(path=str(SCREENSHOTS / "print-target.pdf"), format="A4", print_background=True)
    context.close()
