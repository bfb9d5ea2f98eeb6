"""A section row's roman numeral in a sans-serif font, one stroke alone in the number cell of a scanned table:
Tesseract reads it '|' (a speck's mark) with or without the words beside it, and it is the numeral I."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.pipeline import Limits
from importer.readers import read

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WIDTHS = (110, 640, 520, 520)
HEIGHT = 110


def _scan(path, rows, merged=()):
    """A 300 dpi page of a ruled table; ``merged``: rows that are one cell from the second column on."""
    font = ImageFont.truetype(FONT, 38)
    image = Image.new("L", (sum(WIDTHS) + 200, HEIGHT * len(rows) + 300), 255)
    draw = ImageDraw.Draw(image)
    left, right = 100, 100 + sum(WIDTHS)
    for index, row in enumerate(rows):
        top = 150 + index * HEIGHT
        draw.line((left, top, right, top), fill=0, width=3)
        x = left
        for column, width in enumerate(WIDTHS):
            if column < 2 or index not in merged:
                draw.line((x, top, x, top + HEIGHT), fill=0, width=3)
            if column < len(row):
                draw.text((x + 20, top + 35), row[column], font=font, fill=0)
            x += width
        draw.line((right, top, right, top + HEIGHT), fill=0, width=3)
    bottom = 150 + HEIGHT * len(rows)
    draw.line((left, bottom, right, bottom), fill=0, width=3)
    image.save(path, dpi=(300, 300))
    return path


HEAD = ("TT", "Nội dung", "Chủ trì", "Phối hợp")


@pytest.mark.ocr
def test_it_reads_a_section_rows_numeral_of_one_stroke_as_i(tmp_path):
    rows = [HEAD, ("I", "CẢI CÁCH THỂ CHẾ"), ("1", "Rà soát văn bản", "Văn phòng", "Công an phường")]

    document = read(_scan(tmp_path / "scan.png", rows, merged={1}), Limits(workers=1))

    assert document.tables[0].rows[1] == ("I", "CẢI CÁCH THỂ CHẾ", "", "")
