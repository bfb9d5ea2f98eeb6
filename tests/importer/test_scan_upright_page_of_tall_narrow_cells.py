"""An upright table page of narrow columns and tall rows (the last page of a task annex: few lines of text under
many column rules) makes its columns of ink alternate more sharply than its rows, so its ink alone says it lies
on its side; Tesseract's reading of it upright is trusted more than either quarter turn, and it stays upright
(an office scan of Điện Biên's notice read its last page turned, every cell gibberish)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.pipeline import Limits
from importer.readers import read
from importer.readers.raster_tables import ink_map, runs_down

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
ROWS = (
    ("5", "Bố trí|kinh phí|thực hiện", "Sở Tài|chính", "Sở Nội|vụ", "Tháng|5/2026", "", "Văn|phòng", "Văn|phòng"),
    ("6", "Tổ chức|đối thoại|với người|dân", "UBND|các xã", "Mặt trận|Tổ quốc", "6 tháng|cuối năm", "Ít nhất|01 lần")
    + ("Văn|phòng", "Văn|phòng"),
)


def _annex_page(path, width=250, height=1000):
    """An A4 page at 300 dpi: a table of eight columns ``width`` px wide and rows ``height`` px tall, each cell's
    lines ('|' between them) at its top."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    left, top, columns = 200, 200, len(ROWS[0])
    bottom = top + len(ROWS) * height
    for index, row in enumerate(ROWS):
        y = top + index * height
        draw.line((left, y, left + columns * width, y), fill=0, width=3)
        for column, cell in enumerate(row):
            for line, words in enumerate(cell.split("|")):
                draw.text((left + column * width + 20, y + 20 + line * 50), words, font=font, fill=0)
    draw.line((left, bottom, left + columns * width, bottom), fill=0, width=3)
    for column in range(columns + 1):
        draw.line((left + column * width, top, left + column * width, bottom), fill=0, width=3)
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.ocr
def test_it_keeps_upright_a_table_page_whose_column_rules_outweigh_its_lines(tmp_path):
    path = _annex_page(tmp_path / "annex.png")
    assert runs_down(ink_map(Image.open(path).convert("L"), 300))  # the ink alone misleads

    document = read(path, Limits(workers=1))

    rows = [row[2:6] for row in document.tables[0].rows]
    assert rows == [
        ("Sở Tài chính", "Sở Nội vụ", "Tháng 5/2026", ""),
        ("UBND các xã", "Mặt trận Tổ quốc", "6 tháng cuối năm", "Ít nhất 01 lần"),
    ]
