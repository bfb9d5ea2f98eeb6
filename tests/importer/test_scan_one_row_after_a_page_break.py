"""The last task of a ruled table that a page break carried over alone to the next page: one row, its column rules
meeting only the rules above and under it. A vertical run meeting two rules was kept only if it lined up with
another piece of rule (a letter's stem that the closing ran up to a one-line row's rules stands alone), so the
row's columns were lost and its cells read as a paragraph. A run ``TALL`` or longer is no letter's stem
(``page_cv._meeting``); a stem across a one-line row still goes."""

from __future__ import annotations

from PIL import Image, ImageDraw

from importer.readers import page_cv


def _rules(bottom: int, columns: tuple[int, ...]) -> list[tuple[bool, int]]:
    """(horizontal, place in tens of pixels) of each rule found on a 300 dpi page holding one row of a table from 400
    to ``bottom`` pixels down and 200 to 2200 across, with vertical rules at ``columns``."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for y in (400, bottom):
        draw.line((200, y, 2200, y), fill=0, width=3)
    for x in columns:
        draw.line((x, 400, x, bottom), fill=0, width=3)
    rules = page_cv.rules_and_clean(image, 300)[0]
    return sorted((r.horizontal, round((r.y0 + r.y1 if r.horizontal else r.x0 + r.x1) / 20)) for r in rules)


def test_the_column_rules_of_a_row_alone_on_its_page_are_kept():
    assert _rules(780, (200, 300, 1100, 1800, 2200)) == [
        (False, 20),
        (False, 30),
        (False, 110),
        (False, 180),
        (False, 220),
        (True, 40),
        (True, 78),
    ]


def test_a_stroke_across_a_one_line_row_alone_is_no_rule():
    assert _rules(470, (1100,)) == [(True, 40), (True, 47)]
