"""A copier's 2-in-1 prints each page on one half of the sheet. The left page's text may stop well short of its
right margin (a table's last column, a ragged paragraph), so the blank gutter between the pages is wider on its
left: cut at the gutter's middle, the right page was moved left by that much, and the columns of a table the page
break cut no longer met its lines on the next page (Tân Phú's web plan on a two-up sheet lost half its tasks).
The sheet is cut at its middle when the gutter holds it; pages printed off the halves are cut in their gutter."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from importer.readers import page_cv


def _sheet(left_page_ends: int, right_page_starts: int):
    """A landscape sheet, 3508 pixels wide: text lines on the left page up to ``left_page_ends`` and on the right
    page from ``right_page_starts``, pixels from the sheet's left."""
    sheet = Image.new("L", (3508, 2480), 255)
    draw = ImageDraw.Draw(sheet)
    for y in range(300, 2200, 60):
        draw.rectangle((150, y, left_page_ends, y + 25), fill=0)
        draw.rectangle((right_page_starts, y, right_page_starts + 1450, y + 25), fill=0)
    return np.asarray(sheet)


def test_it_cuts_a_two_up_sheet_at_its_middle_whatever_the_left_page_leaves_blank():
    left, right = page_cv._split_two_up(_sheet(left_page_ends=1300, right_page_starts=1900), 300)

    assert left.shape[1] == right.shape[1] == 1754


def test_it_cuts_in_the_gutter_when_the_middle_holds_ink():
    left, right = page_cv._split_two_up(_sheet(left_page_ends=1800, right_page_starts=2000), 300)

    assert left.shape[1] == 1900
