"""Images are read by Tesseract's Vietnamese model, which keeps the diacritics; ruled tables come back as tables."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from importer.model import Location, Table
from importer.pipeline import Limits
from importer.readers import page_cv, read
from importer.readers.raster_tables import ink_map, runs_down, skew

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


@pytest.mark.ocr
def test_it_reads_past_a_blank_page(tmp_path):
    first = Image.open(_page(tmp_path / "a.png", ("Trang một: KẾ HOẠCH",)))
    blank = Image.new("L", (1700, 500), 255)
    third = Image.open(_page(tmp_path / "c.png", ("Trang ba: NHIỆM VỤ",)))
    first.save(tmp_path / "scan.tif", save_all=True, append_images=[blank, third])

    document = read(tmp_path / "scan.tif", Limits())

    assert document.pages == 3
    assert [block.location.page for block in document.blocks] == [1, 3]


def _table_page(path, rows, title="KẾ HOẠCH cải cách hành chính", merged=()):
    """A scanned page: a title line, then a ruled table of three columns; the rows whose index is in
    ``merged`` are one cell across the table (a section row). Rules at y = 180, 310, 440…"""
    widths = (160, 900, 560)
    image = Image.new("L", (1900, 400 + 130 * len(rows)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    draw.text((100, 60), title, font=font, fill=0)
    left, right = 100, 100 + sum(widths)
    for index, row in enumerate(rows):
        y = 180 + index * 130
        draw.line((left, y, right, y), fill=0, width=3)
        x = left
        for column, width in enumerate(widths):
            if column < 2 or index not in merged:
                draw.line((x, y, x, y + 130), fill=0, width=3)
            if column < len(row):
                draw.text((x + 20, y + 40), row[column], font=font, fill=0)
            x += width
        draw.line((right, y, right, y + 130), fill=0, width=3)
    bottom = 180 + 130 * len(rows)
    draw.line((left, bottom, right, bottom), fill=0, width=3)
    image.save(path, dpi=(300, 300))
    return path


def _rules(image, dpi=300):
    return page_cv.rules_and_clean(image, dpi)[0]


def _middles(rules, horizontal):
    return sorted(
        round(((r.y0 + r.y1) if horizontal else (r.x0 + r.x1)) / 2) for r in rules if r.horizontal == horizontal
    )


def test_it_finds_the_rules_of_a_table_and_not_the_letters(tmp_path):
    image = Image.open(_table_page(tmp_path / "scan.png", [("TT", "Nội dung", "Chủ trì")] * 3)).convert("L")

    rules = _rules(image)

    assert _middles(rules, True) == pytest.approx([180, 310, 440, 570], abs=2)
    assert _middles(rules, False) == pytest.approx([100, 260, 1160, 1720], abs=2)
    assert all(r.x1 - r.x0 >= 1600 for r in rules if r.horizontal)


def test_it_finds_the_rules_of_a_slightly_skewed_scan(tmp_path):
    image = Image.open(_table_page(tmp_path / "scan.png", [("TT", "Nội dung", "Chủ trì")] * 3)).convert("L")
    skewed = image.rotate(0.5, resample=Image.Resampling.BILINEAR, fillcolor=255)

    rules = _rules(skewed)

    assert sum(1 for r in rules if r.horizontal) == 4
    assert sum(1 for r in rules if not r.horizontal) == 4


@pytest.mark.parametrize("angle", [-3.0, -1.5, 0.0, 1.0, 2.5])
def test_it_measures_how_far_a_page_was_fed_askew(tmp_path, angle):
    rows = [("TT", "Nội dung", "Chủ trì")] + [(str(n), "Rà soát văn bản", "Văn phòng") for n in range(1, 6)]
    image = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")
    askew = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)

    assert skew(ink_map(askew, 300)) == pytest.approx(-angle, abs=0.15)


def test_it_levels_a_page_fed_askew_before_looking_for_its_rules(tmp_path):
    rows = [("TT", "Nội dung", "Chủ trì")] * 3
    image = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")
    askew = image.rotate(2, resample=Image.Resampling.BILINEAR, fillcolor=255).point(lambda v: 255 if v > 160 else 0)

    rules = _rules(page_cv.level(askew, skew(ink_map(askew, 300))))

    across = [r for r in rules if r.horizontal and r.x1 - r.x0 >= 1600]
    down = [r for r in rules if not r.horizontal]
    assert len(across) == 4 and len(down) == 4
    assert all(r.y1 - r.y0 <= 8 for r in across) and all(r.x1 - r.x0 <= 8 for r in down)  # askew, 56 px


@pytest.mark.parametrize("turn", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270])
def test_it_tells_a_page_scanned_on_its_side(tmp_path, turn):
    rows = [("TT", "Nội dung", "Chủ trì")] + [(str(n), "Rà soát văn bản", "Văn phòng") for n in range(1, 6)]
    page = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")

    assert not runs_down(ink_map(page, 300))
    assert runs_down(ink_map(page.transpose(turn), 300))


def _unevenly_lit(image):
    """The page as a phone photo shows it: paper from white on the left to dark grey on the right."""
    light = Image.linear_gradient("L").rotate(90, expand=True).resize(image.size).point(lambda v: 250 - v * 120 // 255)
    return ImageChops.multiply(image.point(lambda v: 40 + v * 215 // 255), light)


def test_it_evens_out_the_light_on_a_photographed_page_before_looking_for_rules(tmp_path):
    page = Image.open(_table_page(tmp_path / "scan.png", [("TT", "Nội dung", "Chủ trì")] * 3)).convert("L")
    photo = _unevenly_lit(page)

    (evened, dpi), *others = page_cv.sheets(photo, 300)

    assert not others and dpi == 300
    clean = _rules(page)
    assert _middles(_rules(evened), True) == pytest.approx(_middles(clean, True), abs=2)
    assert _middles(_rules(evened), False) == pytest.approx(_middles(clean, False), abs=2)
    right = (slice(None), slice(3 * page.width // 4, None))  # the dark side: its paper is made white again
    assert np.percentile(np.asarray(photo)[right], 75) < 160 < 240 < np.percentile(np.asarray(evened)[right], 75)


def test_it_finds_no_rules_on_a_page_of_text(tmp_path):
    image = Image.open(_page(tmp_path / "scan.png")).convert("L")

    assert _rules(image) == []


@pytest.mark.ocr
def test_it_reads_a_ruled_table_into_cells_with_the_text_around_it_as_blocks(tmp_path):
    rows = [("TT", "Nội dung", "Chủ trì"), ("I", "CẢI CÁCH THỂ CHẾ"), ("1", "Rà soát văn bản", "Văn phòng")]

    document = read(_table_page(tmp_path / "scan.png", rows, merged=(1,)), Limits(workers=1))

    assert isinstance(document.items[-1], Table)
    assert "HOẠCH" in document.items[0].text
    table = document.tables[0]
    assert table.location == Location(page=1, table=0)
    assert table.rows == (
        ("TT", "Nội dung", "Chủ trì"),
        ("I", "CẢI CÁCH THỂ CHẾ", ""),
        ("1", "Rà soát văn bản", "Văn phòng"),
    )


@pytest.mark.ocr
def test_it_gives_a_table_running_over_a_page_break_one_table_a_page(tmp_path):
    first = Image.open(_table_page(tmp_path / "a.png", [("TT", "Nội dung", "Chủ trì"), ("1", "Rà soát", "Văn phòng")]))
    rows = [("2", "Công bố", "Văn phòng"), ("3", "Kiểm tra", "Văn phòng")]
    second = Image.open(_table_page(tmp_path / "b.png", rows, title="Trang hai"))
    first.save(tmp_path / "scan.tif", save_all=True, append_images=[second])

    document = read(tmp_path / "scan.tif", Limits())

    assert [(t.location.page, t.location.table) for t in document.tables] == [(1, 0), (2, 1)]
    assert document.tables[1].rows == tuple(rows)


@pytest.mark.ocr
def test_it_keeps_the_last_row_of_a_table_the_page_break_cut_without_a_rule(tmp_path):
    """Chromium draws no rule where the page break cuts a table: its vertical rules end there."""
    rows = [("TT", "Nội dung", "Chủ trì"), ("1", "Rà soát văn bản", "Văn phòng"), ("2", "Công bố", "Công an xã")]
    image = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")
    bottom = 180 + 130 * len(rows)
    ImageDraw.Draw(image).line((90, bottom, 1730, bottom), fill=255, width=5)
    image.save(tmp_path / "cut.png", dpi=(300, 300))

    document = read(tmp_path / "cut.png", Limits(workers=1))

    assert document.tables[0].rows == tuple(rows)


@pytest.mark.ocr
def test_it_reads_the_cells_of_a_table_scanned_askew(tmp_path):
    rows = [("TT", "Nội dung", "Chủ trì"), ("1", "Rà soát văn bản", "Văn phòng"), ("2", "Công bố", "Công an xã")]
    image = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")
    image.rotate(-1.5, resample=Image.Resampling.BILINEAR, fillcolor=255).save(tmp_path / "askew.png", dpi=(300, 300))

    document = read(tmp_path / "askew.png", Limits(workers=1))

    assert document.tables[0].rows == tuple(rows)


@pytest.mark.ocr
@pytest.mark.parametrize("turn", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270])
def test_it_reads_a_table_page_scanned_on_its_side(tmp_path, turn):
    rows = [("TT", "Nội dung", "Chủ trì"), ("1", "Rà soát văn bản", "Văn phòng"), ("2", "Công bố", "Công an xã")]
    image = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")
    image.transpose(turn).save(tmp_path / "side.png", dpi=(300, 300))

    document = read(tmp_path / "side.png", Limits(workers=1))

    assert document.tables[0].rows == tuple(rows)


@pytest.mark.ocr
def test_it_reads_the_cells_of_a_photographed_table(tmp_path):
    rows = [("TT", "Nội dung", "Chủ trì"), ("1", "Rà soát văn bản", "Văn phòng"), ("2", "Công bố", "Công an xã")]
    page = Image.open(_table_page(tmp_path / "scan.png", rows)).convert("L")
    _unevenly_lit(page).save(tmp_path / "photo.jpg", dpi=(300, 300), quality=80)

    document = read(tmp_path / "photo.jpg", Limits(workers=1))

    assert document.tables[0].rows == tuple(rows)


def test_it_reads_a_scanned_pdf_page_at_the_resolution_it_was_scanned_at(tmp_path):
    """A 150 dpi dithered scan rendered at 300 dpi has its dots made bigger, no longer told from ink."""
    from importer.readers.ocr import scanned_at

    Image.open(_page(tmp_path / "page.png")).convert("1").save(tmp_path / "scan.pdf", "PDF", resolution=150)

    assert scanned_at(str(tmp_path / "scan.pdf"), 0) == 150
    assert scanned_at(str(Path(__file__).parents[1] / "fixtures" / "generated" / "tiny_table.pdf"), 0) is None
