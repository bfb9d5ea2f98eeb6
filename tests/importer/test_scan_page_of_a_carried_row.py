"""A page holding only the last row of a table that the page break cut, at its top, the rest blank: its column rules
stand over few lines of text (its rules across hairlines, pale in a photo), so its ink alone says it lies on its
side, and Tesseract is asked which of the quarter turns it reads with more confidence on a band across the page.
The band lay across the blank middle of the paper, whose nothing Tesseract trusted less than the row read sideways,
and the upright page was turned (Tân Mai's plan photographed: its sixth task lost). The band lies a third of the way
down the page's ink now."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.readers.ocr import _quarter_turn, _start_worker, _tessdata
from importer.readers.raster_tables import ink_map, runs_down

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
ROW = ("6", "Kiểm tra|việc chấp|hành kỷ|luật", "Văn|phòng|HĐND", "Phòng|Văn hóa", "Quý III", "Thông|báo|kết quả")
ROW += ("Văn|phòng", "Sở|Nội vụ")


def _page_of_a_carried_row():
    """An A4 page at 300 dpi: one row of eight columns 250 px wide and 700 px tall at its top, its lines at the top
    of each cell; its rules across pale (hairlines, photographed), its column rules dark."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    left, top, width, height = 200, 200, 250, 700
    for y in (top, top + height):
        draw.line((left, y, left + len(ROW) * width, y), fill=200, width=3)
    for column, cell in enumerate(ROW):
        for line, words in enumerate(cell.split("|")):
            draw.text((left + column * width + 20, top + 20 + line * 50), words, font=font, fill=0)
    for column in range(len(ROW) + 1):
        draw.line((left + column * width, top, left + column * width, top + height), fill=0, width=3)
    return image


@pytest.mark.ocr
def test_it_keeps_upright_a_page_holding_only_a_carried_row_at_its_top():
    page = _page_of_a_carried_row()
    assert runs_down(ink_map(page, 300))  # the ink alone misleads
    _start_worker(_tessdata())

    assert _quarter_turn(page, 300) is None
