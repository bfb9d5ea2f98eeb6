"""A scanned table printed without rules that the page break cut, its head not printed again on the next page (a
web page's table printed by Chromium): each page is read by an OCR worker of its own, so the next page's worker
knows nothing of the columns the head gave. The worker hands them over with the page (``ocr.Sight.cut``); the
sheets whose first lines fit them (``ocr.going_on``, as a text PDF's next page is read) are read again in them,
and the table goes on with its columns parted as on the page before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from importer.model import Table
from importer.readers.ocr import Sight, _reading, _start_worker, _tessdata, going_on, place_sheet, see_sheet
from importer.readers.pdf.unruled import Columns
from tests.degrade import render

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "other-borderless" / "xa_tanphu_kh_cchc_2026_web_chromium.pdf"


def test_it_reads_no_page_again_when_no_table_without_rules_ran_to_the_page_end():
    blank = Sight([], [], 595.0, 842.0)
    cut = Columns(((100.0, 160.0), (210.0, 270.0), (330.0, 350.0)), 80.0, 540.0, 12.0)

    assert going_on({0: [blank], 1: [blank]}) == {}
    assert going_on({0: [blank._replace(cut=cut)], 2: [blank]}) == {}  # page 1 (between them) was not scanned


@pytest.mark.ocr
def test_it_parts_the_columns_of_a_scanned_table_the_page_break_cut_off_its_head():
    _start_worker(_tessdata())
    pages = [Image.fromarray(page) for page in render(WEB, 200)]
    seen = {number: see_sheet(page, 200) for number, page in enumerate(pages)}
    assert [table for sight in seen[1] for table in sight.tables] == []  # alone, page 2 shows no table

    again = going_on(seen)

    assert set(again) == {1}
    seen[1] = see_sheet(pages[1], 200, again[1], _reading(seen[1][0]))
    placed, _ = place_sheet(seen[1], 2)
    rows = [row for _, item in placed if isinstance(item, Table) for row in item.rows]
    numbered = [row for row in rows if row[0] in {"1", "2", "3"}]
    assert len(rows[0]) == 6
    assert [row[2:5] for row in numbered[-2:]] == [
        ("Phòng Kinh tế", "Công an xã", "Quý IV/2026"),
        ("Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã", "Thường xuyên"),
    ]
