"""A scanned table ruled only across whose head or rows are shaded (a browser's table: a shaded head, striped rows,
its rules under each row light grey). Scanned, the shading is dithered to dots, and closed along a column its dots
make short vertical runs that meet the rules above and below as a column's rule would: the page seemed to have
vertical rules, and every horizontal one that met none of them was dropped. Such runs stand in or by dots on a side
(``page_cv._in_dots``), a rule between the paper of its cells; a page whose vertical runs all do keeps its rules as
one without vertical rules (``page_cv.stacked``), and a rule the scan broke (letters touching it, dots hiding a
stretch of it) keeps its pieces between them. Closed along a row, the dots made lines of their own across the
shaded row, which stood as rows without text and cut the table's columns in pieces: less than ``SOLID`` of their
run is ink and they stand in dots (``page_cv._shading``), and are left out. Closed every way, the dots made one thick
blob with the rules above and under the shaded row, taken out as letters are: a straight run of ink as long as a
rule is a rule, whatever is beside it (``page_cv._lines``), and the shaded row's rules keep their span."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from importer.readers import page_cv


def _page(dots: float = 0.0, broken: bool = False) -> Image.Image:
    """A 300 dpi page with four rules of one span at 400, 600, 800 and 1000 pixels down; the row between 600 and
    800 shaded with ``dots`` of its pixels black; the rule at 800 broken over 100 pixels if ``broken``."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for y in (400, 600, 800, 1000):
        pieces = [(200, 1500), (1600, 2200)] if broken and y == 800 else [(200, 2200)]
        for left, right in pieces:
            draw.line((left, y, right, y), fill=0, width=3)
    grey = np.asarray(image).copy()
    row = grey[603:798, 202:2198]
    row[np.random.default_rng(7).random(row.shape) < dots] = 0
    return Image.fromarray(grey)


def _rules(image: Image.Image) -> list[tuple[bool, int, int, int]]:
    """(horizontal, height, left, right) of each rule found, in pixels."""
    rules = page_cv.rules_and_clean(image, 300)[0]
    return sorted((r.horizontal, round((r.y0 + r.y1) / 2), r.x0, r.x1) for r in rules)


def test_it_keeps_the_rules_of_a_table_whose_shaded_row_is_dotted():
    rules = _rules(_page(dots=0.45))

    assert all(horizontal for horizontal, *_ in rules)  # no column of the shading's dots is a rule
    assert [y for _, y, left, right in rules if right - left > 1900] == [400, 600, 800, 1000]  # the shaded row's too


def test_a_shaded_rows_dots_closed_into_lines_are_no_rules():
    assert _rules(_page(dots=0.25)) == [
        (True, 400, 204, 2205),
        (True, 602, 204, 2205),
        (True, 798, 204, 2205),
        (True, 1000, 204, 2205),
    ]


def test_it_keeps_the_pieces_of_a_rule_the_scan_broke():
    assert [(y, left // 100, right // 100) for _, y, left, right in _rules(_page(broken=True))] == [
        (400, 2, 22),
        (600, 2, 22),
        (800, 2, 15),
        (800, 16, 22),
        (1000, 2, 22),
    ]
