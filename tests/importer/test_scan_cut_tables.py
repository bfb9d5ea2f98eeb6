"""A scanned table the page break cut where its printer drew no rule (Chromium): the last row of the page,
open at the bottom, is still a row, as it is in the text PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from importer.model import Table
from importer.readers.ocr import _start_worker, _tessdata, place_sheet, see_sheet
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
