"""A scanned table whose producer centres each cell's lines from top to bottom (fpdf2, a Word table set to
centre vertically): cells side by side with two, three and one lines put their lines at other heights, and
each cell is still read as printed, not as one line run across its neighbours."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.pipeline import Limits
from importer.readers import read

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WIDTHS = (110, 640, 520, 520)
LINE = 56  # pixels from one line to the next at 300 dpi
ROWS = (
    (("TT",), ("Nội dung nhiệm vụ",), ("Chủ trì",), ("Phối hợp",)),
    (
        ("1",),
        ("Rà soát thủ tục hành chính", "thuộc thẩm quyền giải quyết", "của Ủy ban nhân dân phường"),
        ("Văn phòng HĐND và", "UBND phường"),
        ("Công an phường",),
    ),
    (
        ("2",),
        ("Tuyên truyền về cải cách", "hành chính trên loa phường"),
        ("Phòng Văn hóa - Xã hội",),
        ("Các tổ dân phố;", "Đoàn Thanh niên", "phường"),
    ),
)


def _centred_table(path):
    """A 300 dpi page of one ruled table, each cell's lines centred from top to bottom in its row."""
    font = ImageFont.truetype(FONT, 38)
    heights = [LINE * max(len(cell) for cell in row) + 50 for row in ROWS]
    image = Image.new("L", (sum(WIDTHS) + 200, sum(heights) + 300), 255)
    draw = ImageDraw.Draw(image)
    left, right, top = 100, 100 + sum(WIDTHS), 150
    for row, height in zip(ROWS, heights, strict=True):
        draw.line((left, top, right, top), fill=0, width=3)
        x = left
        for cell, width in zip(row, WIDTHS, strict=True):
            draw.line((x, top, x, top + height), fill=0, width=3)
            first = top + (height - LINE * len(cell)) // 2
            for number, line in enumerate(cell):
                draw.text((x + 20, first + number * LINE), line, font=font, fill=0)
            x += width
        draw.line((right, top, right, top + height), fill=0, width=3)
        top += height
    draw.line((left, top, right, top), fill=0, width=3)
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.ocr
def test_it_reads_each_cell_of_a_table_whose_lines_are_centred_at_other_heights(tmp_path):
    document = read(_centred_table(tmp_path / "scan.png"), Limits(workers=1))

    assert document.tables[0].rows == tuple(tuple(" ".join(cell) for cell in row) for row in ROWS)
