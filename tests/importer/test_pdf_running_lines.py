"""A PDF printed with running headers and footers repeats them on every page: a word processor's 'Kế hoạch số
15/KH-SGDĐT — Trang 2/3', a browser's print date and page title above and the file's address and '1/3' below, a
spreadsheet's 'Trang 1/2' (tests/fixtures/other-unseen4). They are the printer's, not the document's: left out,
so a task's last line before the foot of a page is not joined to them: a line that holds a number (the page's, the
plan's, the date), or one on every page of three or more. A letterhead in capitals that an attached plan's first
page repeats, a line that stands on one page only, and a page that holds nothing but the repeated lines, stay."""

from importer.model import Block, Table
from importer.readers.pdf import drop_running_lines


def _pages(*pages: list[str]) -> dict:
    return {
        n: [(0.0, Block(text) if text != "<table>" else Table(rows=(("1", "x"),))) for text in page]
        for n, page in enumerate(pages)
    }


def _texts(per_page: dict) -> list[list[str]]:
    return [[item.text if isinstance(item, Block) else "<table>" for _, item in items] for items in per_page.values()]


def test_it_leaves_out_the_lines_every_page_repeats_at_its_top_and_foot():
    pages = _pages(
        [
            "12/3/26, 6:30 PM",
            "KH 18/KH-UBND cải cách hành chính",
            "ỦY BAN NHÂN DÂN",
            "1. Tổ chức thi tuyển (Sở Nội",
            "vụ chủ trì; thực hiện định kỳ 6 tháng).",
            "file:///tmp/a/plan.html",
            "1/2",
        ],
        ["12/3/26, 6:30 PM", "KH 18/KH-UBND cải cách hành chính", "<table>", "file:///tmp/a/plan.html", "2/3"],
        [
            "12/3/26, 6:30 PM",
            "KH 18/KH-UBND cải cách hành chính",
            "TM. ỦY BAN NHÂN DÂN",
            "file:///tmp/a/plan.html",
            "3/3",
        ],
    )
    assert _texts(drop_running_lines(pages)) == [
        ["ỦY BAN NHÂN DÂN", "1. Tổ chức thi tuyển (Sở Nội", "vụ chủ trì; thực hiện định kỳ 6 tháng)."],
        ["<table>"],
        ["TM. ỦY BAN NHÂN DÂN"],
    ]


def test_it_keeps_a_letterhead_the_attached_plan_repeats_and_a_line_on_one_page():
    pages = _pages(
        ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "QUYẾT ĐỊNH", "Điều 1. Ban hành Kế hoạch"],
        ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "KẾ HOẠCH", "Số: 98/QĐ-UBND"],
        ["- 100% hồ sơ", "Trang 3", "nội dung", "kết thúc"],
    )
    assert _texts(drop_running_lines(pages)) == _texts(pages)


def test_it_keeps_the_lines_of_pages_that_hold_nothing_else():
    notice = ["Kế hoạch cải cách hành chính năm 2026 của xã Đại Từ.", "Tỷ lệ hồ sơ đúng hạn đạt 100%."]
    pages = _pages(notice, notice)
    assert _texts(drop_running_lines(pages)) == [notice, notice]
