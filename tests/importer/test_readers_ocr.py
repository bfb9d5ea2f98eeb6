"""Images are read by Tesseract's Vietnamese model, which keeps the diacritics."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.model import Location
from importer.pipeline import Limits
from importer.readers import read

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = ("KẾ HOẠCH cải cách hành chính", "Phòng Văn hóa - Xã hội chủ trì", "Tỷ lệ hồ sơ trực tuyến đạt 85%")


def _page(path, lines=LINES):
    image = Image.new("L", (1700, 500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48)
    for number, line in enumerate(lines):
        draw.text((80, 80 + number * 120), line, font=font, fill=0)
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.ocr
def test_it_reads_vietnamese_words_with_their_diacritics_from_a_png(tmp_path):
    seen = []

    document = read(_page(tmp_path / "scan.png"), Limits(workers=1), lambda done, total: seen.append((done, total)))

    text = " ".join(block.text for block in document.blocks)
    for word in ("HOẠCH", "cải", "cách", "hành", "chính", "Văn", "hóa", "Xã", "hội", "Tỷ", "lệ", "hồ", "sơ", "85%"):
        assert word in text
    assert {block.location for block in document.blocks} == {Location(page=1)}
    assert seen == [(1, 1)]
    assert not document.low_fidelity and document.problems[0].code == "ocr"


@pytest.mark.ocr
def test_it_reads_every_page_of_a_tiff_in_order(tmp_path):
    first = Image.open(_page(tmp_path / "a.png", ("Trang một: KẾ HOẠCH",)))
    second = Image.open(_page(tmp_path / "b.png", ("Trang hai: NHIỆM VỤ",)))
    first.save(tmp_path / "scan.tif", save_all=True, append_images=[second])

    document = read(tmp_path / "scan.tif", Limits())

    assert document.pages == 2
    assert [block.location.page for block in document.blocks] == [1, 2]
    assert "NHIỆM VỤ" in document.blocks[1].text
