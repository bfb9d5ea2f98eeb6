"""Scanned tables whose rules are missing by design. One ruled only across ("three-line": above and under its head
and at its end; a library's or a browser's table, a rule under every row) meets no vertical rule, and its rules are
kept all the same when two or more of one span stand one over the other (``page_cv.stacked``); one printed without
rules (a Word table with its borders set to none) has none. Their columns and rows are found from the OCR words'
boxes (``ocr._letters``) as the PDF reader finds them from its characters' (``unruled``, ``open_tables``), instead
of their lines being read as paragraphs across the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from importer.model import Table
from importer.readers import page_cv
from importer.readers.ocr import _letters, _start_worker, _tessdata, place_sheet, see_sheet
from tests.degrade import render

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
THREE_LINE = FIXTURES / "other-threeline" / "phuong_ninhkieu_kh_cchc_2026_lo.pdf"
BORDERLESS = FIXTURES / "other-borderless" / "so_yte_nghean_kh_cchc_2026_lo.pdf"


def _page(rules: list[tuple[int, int, int]]):
    """A blank 300 dpi page with horizontal rules (left, right, height in pixels), 3 pixels thick."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for left, right, y in rules:
        draw.line((left, y, right, y), fill=0, width=3)
    return image


def _heights(image) -> list[int]:
    return sorted(round((r.y0 + r.y1) / 2) for r in page_cv.rules_and_clean(image, 300)[0] if r.horizontal)


def _first_table(pdf: Path, page: int) -> tuple[tuple[str, ...], ...]:
    """The rows of the first table read from the PDF's page scanned clean at 200 dpi."""
    _start_worker(_tessdata())
    placed, _ = place_sheet(see_sheet(Image.fromarray(render(pdf, 200)[page]), 200), page + 1)
    return next(item for _, item in placed if isinstance(item, Table)).rows


def test_it_keeps_the_rules_of_a_table_ruled_only_across():
    assert _heights(_page([(200, 2200, 400), (200, 2200, 600), (200, 2200, 1500)])) == pytest.approx(
        [400, 600, 1500], abs=2
    )


def test_it_keeps_no_rule_alone_or_of_another_span():
    assert _heights(_page([(900, 1500, 300), (200, 2200, 1500), (300, 1900, 2000)])) == []


def test_a_word_gives_its_letters_an_equal_share_of_its_box_and_dust_none():
    letters = _letters("Sở Y", (100.0, 10.0, 140.0, 20.0), 18.0, 12.0)

    assert [(c.text, c.x0, c.x1) for c in letters] == [("S", 100.0, 110.0), ("ở", 110.0, 120.0), ("Y", 130.0, 140.0)]
    assert {(c.base, c.size, c.middle) for c in letters} == {(18.0, 12.0, 15.0)}
    assert _letters("_—", (100.0, 10.0, 140.0, 20.0), 18.0, 12.0) == []


@pytest.mark.ocr
def test_it_parts_the_rows_and_columns_of_a_scanned_three_line_table():
    rows = _first_table(THREE_LINE, 1)  # the task table's second page, its head printed again

    assert len(rows[0]) == 6
    numbered = [row for row in rows if row[0] in {"1", "2", "3", "4"}]
    assert len(numbered) == 7  # three tasks in the first section on the page, four in the second
    assert numbered[0][2] == "Văn phòng HĐND và UBND phường"  # a cell's lines centred beside the task's
    assert [numbered[k][4] for k in (3, 5, 6)] == ["Tháng 3/2026", "Quý IV/2026", "Thường xuyên"]


@pytest.mark.ocr
def test_it_parts_the_columns_of_a_scanned_table_printed_without_rules():
    table = _first_table(BORDERLESS, 1)  # the task table's second page
    rows: dict[str, tuple[str, ...]] = {}
    for row in table:
        rows.setdefault(row[0], row)  # each section numbers its tasks anew: the first row of each number

    assert rows["TT"] == ("TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm")
    assert table[-1][:2] == ("2", "Cập nhật hồ sơ sức khỏe điện tử của người dân trên ứng dụng VNeID")  # its last
    assert rows["2"][1].startswith("Số hóa hồ sơ cấp phép")
    assert (rows["2"][2], rows["2"][4], rows["2"][5]) == ("Phòng Nghiệp vụ Dược", "Tháng 8/2026", "Dữ liệu được số hóa")
