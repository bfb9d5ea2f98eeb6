"""OpenCV makes a scanned sheet or a photo fit to read (importer.readers.page_cv): the page found and its
perspective flattened, two pages on one sheet split, dotted and broken rules found whole, speckle painted out.
No Tesseract here: these look at the images."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.readers import page_cv

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
TEXT = "Phòng Văn hóa - Xã hội chủ trì, ạ ệ ộ"


def _text_page(width=2480, height=3508, lines=30, top=200):
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 46)
    for number in range(lines):
        draw.text((200, top + number * 100), TEXT, font=font, fill=0)
    return image


def _ink_height(page) -> int:
    """Pixels from the top to the bottom of the page's first printed line."""
    rows = np.flatnonzero((np.asarray(page) < 128).any(axis=1))
    line = rows[rows < rows[0] + 90]
    return int(line[-1] - line[0])


def _table(dotted=False, broken=False, width=2480, height=1400):
    """Four rows of three columns; rules dotted (2 px ink, 4 px gap) or broken (a 6 px gap every 60 px)."""
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    xs, ys = (200, 400, 1400, 2200), (200, 400, 600, 800, 1000)

    def line(x0, y0, x1, y1):
        length = max(x1 - x0, y1 - y0)
        step, ink = (6, 2) if dotted else (60, 54) if broken else (length + 1, length + 1)
        for at in range(0, length + 1, step):
            end = min(at + ink - 1, length)
            if x0 == x1:
                draw.line((x0, y0 + at, x0, y0 + end), fill=0, width=3)
            else:
                draw.line((x0 + at, y0, x0 + end, y0), fill=0, width=3)

    for y in ys:
        line(xs[0], y, xs[-1], y)
    for x in xs:
        line(x, ys[0], x, ys[-1])
    for y in ys[:-1]:
        draw.text((xs[1] + 20, y + 60), "Xây dựng kế hoạch", font=font, fill=0)
        draw.text((xs[2] + 20, y + 60), "Văn phòng", font=font, fill=0)
    return image


@pytest.mark.parametrize("kind", ["solid", "dotted", "broken"])
def test_it_finds_every_rule_of_a_table_whether_solid_dotted_or_broken(kind):
    image = _table(dotted=kind == "dotted", broken=kind == "broken")

    rules, _ = page_cv.rules_and_clean(image, 300)

    across = sorted(round((r.y0 + r.y1) / 2, -1) for r in rules if r.horizontal)
    down = sorted(round((r.x0 + r.x1) / 2, -1) for r in rules if not r.horizontal)
    assert across == [200, 400, 600, 800, 1000]
    assert down == [200, 400, 1400, 2200]
    assert all(r.x1 - r.x0 >= 1900 for r in rules if r.horizontal)


def test_it_takes_no_stem_of_a_bold_section_row_for_a_column_rule():
    """A section row one line tall in bold serif capitals: closing a rule's gaps joined the serifs on the
    baseline into a line and the stems up to the rules above and below into columns (seed 002, scanned)."""
    image = Image.new("L", (2480, 800), 255)
    draw = ImageDraw.Draw(image)
    xs, ys = (200, 340, 1400, 1850, 2300), (200, 400, 462, 660)
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        draw.line((x, ys[0], x, ys[1]), fill=0, width=3)
        draw.line((x, ys[2], x, ys[3]), fill=0, width=3)
    for x in (xs[0], xs[1], xs[-1]):  # the section row: its number, then one cell to the right edge
        draw.line((x, ys[1], x, ys[2]), fill=0, width=3)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf", 54)
    draw.text((xs[0] + 30, ys[1] + 6), "III", font=bold, fill=0)
    draw.text((xs[1] + 20, ys[1] + 6), "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", font=bold, fill=0)

    rules, _ = page_cv.rules_and_clean(image, 300)

    assert sorted(round((r.x0 + r.x1) / 2, -1) for r in rules if not r.horizontal) == [
        200,
        340,
        1400,
        1400,
        1850,
        1850,
        2300,
    ]
    assert sorted(round((r.y0 + r.y1) / 2, -1) for r in rules if r.horizontal) == [200, 400, 460, 660]


def test_it_takes_no_letters_for_rules_and_leaves_them_on_the_page():
    page = _text_page(height=1600, lines=12)

    rules, clean = page_cv.rules_and_clean(page, 300)

    assert rules == []
    assert np.count_nonzero(np.asarray(clean) < 128) > 0.95 * np.count_nonzero(np.asarray(page) < 128)


def test_it_paints_out_the_speckle_and_keeps_the_diacritics():
    page = _text_page(height=1000, lines=3, top=100)
    dusty = np.asarray(page).copy()
    rng = np.random.default_rng(7)  # dust a few millimetres apart, each a little off its place on a grid
    grid = [(y, x) for y in range(520, 960, 40) for x in range(40, 2440, 60)]
    specks = [(y + int(rng.integers(0, 8)), x + int(rng.integers(0, 8))) for y, x in grid]
    for y, x in specks:
        dusty[y : y + 2, x : x + 2] = 0

    _, clean = page_cv.rules_and_clean(Image.fromarray(dusty), 300)

    clean = np.asarray(clean)
    left = sum(1 for y, x in specks if clean[y : y + 2, x : x + 2].min() < 128)
    assert left < 0.05 * len(specks)
    text = np.asarray(page)[:500] < 128
    assert np.count_nonzero(clean[:500][text] < 128) > 0.97 * np.count_nonzero(text)


def test_it_keeps_the_dots_of_colons_and_periods_on_a_clean_scan():
    """A page with no dust: a colon's dot beside its word is no speck (a colon read as a period split a
    target in two on seed 001, scanned)."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", 54)
    page = Image.new("L", (2480, 700), 255)
    draw = ImageDraw.Draw(page)
    for number in range(4):
        draw.text((200, 100 + number * 130), "Dịch vụ công quốc gia: Tối thiểu 80%. Số: 15/KH-UBND.", font=font, fill=0)
    page = page.point(lambda v: 0 if v < 160 else 255)

    _, clean = page_cv.rules_and_clean(page, 300)

    text = np.asarray(page) < 128
    assert np.count_nonzero(np.asarray(clean)[text] < 128) == np.count_nonzero(text)


def _photograph(page: Image.Image) -> Image.Image:
    """The page on a dark desk, photographed at an angle."""
    import cv2

    grey = np.asarray(page)
    height, width = grey.shape
    margin = 300
    desk = np.full((height + 2 * margin, width + 2 * margin), 60, np.uint8)
    desk[margin : margin + height, margin : margin + width] = grey
    right, bottom = margin + width, margin + height
    corners = np.float32([[margin, margin], [right, margin], [right, bottom], [margin, bottom]])
    moved = corners + np.float32([[120, 60], [-80, 150], [-40, -90], [90, -30]])
    warp = cv2.getPerspectiveTransform(corners, moved)
    return Image.fromarray(cv2.warpPerspective(desk, warp, desk.shape[::-1], borderValue=60))


def test_it_finds_a_photographed_page_and_flattens_it_to_a4():
    page = _text_page()
    ImageDraw.Draw(page).rectangle((100, 100, 2380, 3408), outline=0, width=6)  # a frame to find afterwards

    pages = page_cv.sheets(_photograph(page), 300)

    assert len(pages) == 1
    flat, dpi = pages[0]
    assert abs(flat.height / flat.width - 297 / 210) < 0.01
    assert 250 <= dpi <= 320
    grey = np.asarray(flat)
    assert grey[: flat.height // 50].mean() > 200 and grey[-flat.height // 50 :].mean() > 200  # no desk left


def test_it_leaves_a_scan_that_is_paper_to_its_edges_as_it_is():
    page = _text_page()

    pages = page_cv.sheets(page, 300)

    assert [(flat.size, dpi) for flat, dpi in pages] == [((2480, 3508), 300)]


def test_it_splits_two_a5_pages_copied_side_by_side_on_one_sheet():
    half = _text_page(width=1754, height=2480, lines=20).resize((1754, 2480))
    sheet = Image.new("L", (3508, 2480), 255)
    sheet.paste(half, (0, 0))
    sheet.paste(half, (1754, 0))

    pages = page_cv.sheets(sheet, 300)

    assert len(pages) == 2
    assert all(1600 * 2**0.5 < flat.width < 1900 * 2**0.5 for flat, _ in pages)


def test_it_grows_each_page_of_a_two_up_sheet_back_to_the_size_it_was_printed_at():
    """A copier's 2-in-1 shrinks two A4 pages to A5 (by 1/√2) to put them on one A4 sheet: each page is
    grown back, so its letters are as large in pixels as an A4 scan's at the sheet's resolution (Tesseract
    read the shrunk letters of Nghệ An's health department plan so that its table without rules lost its
    columns: task fields 0 -> 1.000) and the page is A4 in points, as every rule in points assumes."""
    page = _text_page(lines=30)  # an A4 page at 300 dpi, letters 46 px
    half = page.resize((1754, 2480), Image.LANCZOS)
    sheet = Image.new("L", (3508, 2480), 255)
    sheet.paste(half, (0, 0))
    sheet.paste(half, (1754, 0))

    pages = page_cv.sheets(sheet, 300)

    assert len(pages) == 2
    for flat, dpi in pages:
        assert abs(flat.height * 72 / dpi - 842) < 5  # A4's height in points
        rows = np.flatnonzero((np.asarray(flat) < 128).any(axis=1))
        first_line = rows[rows < rows[0] + 90]
        assert abs((first_line[-1] - first_line[0]) - _ink_height(page)) <= 4


def test_it_does_not_split_a_landscape_page_whose_table_crosses_the_middle():
    sheet = Image.new("L", (3508, 2480), 255)
    sheet.paste(_table(width=3508, height=1400), (0, 400))

    pages = page_cv.sheets(sheet, 300)

    assert len(pages) == 1


def test_it_smooths_a_fax_and_enlarges_it_for_ocr():
    fax = _text_page(width=1654, height=2339, lines=10).point(lambda v: 0 if v < 128 else 255)

    pages = page_cv.sheets(fax.convert("1").convert("L"), 200)

    flat, dpi = pages[0]
    assert dpi == page_cv.MIN_DPI
    assert flat.width == round(1654 * page_cv.MIN_DPI / 200)
    grey = np.asarray(flat)
    assert np.count_nonzero((grey > 40) & (grey < 215)) > 0  # the stair-stepped edges are greys again
