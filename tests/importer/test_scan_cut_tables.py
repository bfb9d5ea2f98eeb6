"""A scanned table the page break cut where its printer drew no rule (Chromium): the last row of the page,
open at the bottom, is still a row, as it is in the text PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from importer.model import Table
from importer.readers.ocr import _start_worker, _tessdata, place_sheet, see_sheet
from importer.readers.pdf import close_cut_tables, edge, find_tables, place_tables
from tests.degrade import render

CHROMIUM = Path(__file__).resolve().parents[1] / "fixtures" / "other-pdf" / "thainguyen_xa_2026_chromium.pdf"


@pytest.mark.ocr
def test_it_reads_the_row_a_page_break_left_open_in_a_scan():
    _start_worker(_tessdata())
    page = Image.fromarray(render(CHROMIUM, 200)[1])  # the task table's first page, cut inside task 2.2

    placed, _ = place_sheet(see_sheet(page, 200), 2)
    tables = [item for _, item in placed if isinstance(item, Table)]

    rows = {row[0].rstrip("."): row for table in tables for row in table.rows}
    assert "2.2" in rows
    leads = {"".join(rows[no][2].split()) for no in ("2.1", "2.2")}  # one lead over both (OCR may drop a space)
    assert leads == {"TrungtâmPhụcvụhànhchínhcông"}


def _page_under_a_cut_row(speck: str) -> tuple[tuple[str, ...], ...]:
    """Page 2 of a table the break cut inside task 4: a first band (the cut row's end), then task 5; the lead
    cell is merged over both bands and holds only ``speck`` where Tesseract read one."""
    edges = [
        edge("h", 0, 400, 0, 0),
        edge("h", 0, 250, 30, 30),  # no rule under the first band in the lead column: its cell is merged
        edge("h", 0, 400, 60, 60),
        *(edge("v", x, x, 0, 60) for x in (0, 50, 250, 400)),
    ]
    words = [(25, 45, "5"), (150, 15, "cho trẻ em dưới 6 tuổi"), (150, 45, "Kiểm tra việc giải quyết")]
    words += [(325, 15, speck)] if speck else []

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text for x, y, text in words if x0 <= x <= x1 and top <= y <= bottom)

    carry = ("4", "Hướng dẫn cấp xã thực hiện liên thông", "Phòng Hành chính tư pháp")
    placed = place_tables(find_tables(close_cut_tables(edges), 400, 100), 400, 100, text_in, 2, carry)
    return next(item for _, item in placed if isinstance(item, Table)).rows


@pytest.mark.parametrize("speck", ["", "z", "f", "lI"])
def test_it_carries_a_merged_lead_over_a_speck_after_the_page_break(speck):
    assert _page_under_a_cut_row(speck) == (
        ("", "cho trẻ em dưới 6 tuổi", ""),
        ("5", "Kiểm tra việc giải quyết", "Phòng Hành chính tư pháp"),
    )


def test_it_keeps_a_short_name_printed_in_the_merged_cell():
    assert _page_under_a_cut_row("Sở")[1][2] == "Sở"
