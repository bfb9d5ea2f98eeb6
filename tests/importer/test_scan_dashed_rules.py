"""A table with dashed borders (a word processor's dashed line style, as a ward's LibreOffice plan has) faxed: at
200 dpi and 1 bit its dashes are about 2 mm long and the gaps between them about 1 mm, longer than the ``GAP`` a
dotted or broken rule is closed over, and of a dashed hairline a fax keeps only a dot or two of each dash. Every rule
was lost, and the table with it. A dashed rule is a line of dashes at a regular pitch (``page_cv._dashed``): five
or more thin pieces on one line, each at the line's pitch from the one before, have their gaps closed. Pieces at
no pitch (the strokes of letters along a line of text) are not joined."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from importer.readers import page_cv

DPI = 250  # a fax's 200 dpi page is enlarged to ``page_cv.MIN_DPI`` before its rules are looked for
MM = DPI / 25.4


def _table(across: tuple, down: tuple | None = None, jitter: bool = False) -> Image.Image:
    """A page with a table of two rows and two columns ruled in dashes: ``across`` (and ``down``, the same by
    default) is (the dash's length in mm, the gap's, the thickness in pixels); with ``jitter`` the gaps are drawn
    at random between 0.5 and 3 mm."""
    page = np.full((round(297 * MM), round(210 * MM)), 255, np.uint8)
    rng = np.random.default_rng(3)
    top, bottom, left, right = round(40 * MM), round(120 * MM), round(20 * MM), round(190 * MM)

    def dashes(start: int, stop: int, dash: float, gap: float):
        at = start
        while at < stop:
            yield at, min(stop, at + round(dash * MM))
            at += round(dash * MM) + round((rng.uniform(0.5, 3) if jitter else gap) * MM)

    dash, gap, thickness = across
    for y in (top, round(80 * MM), bottom):
        for a, b in dashes(left, right, dash, gap):
            page[y : y + thickness, a:b] = 0
    dash, gap, thickness = down or across
    for x in (left, round(100 * MM), right):
        for a, b in dashes(top, bottom + thickness, dash, gap):
            page[a:b, x : x + thickness] = 0
    return Image.fromarray(page)


def _found(image: Image.Image) -> tuple[list[int], list[int]]:
    """The heights of the horizontal rules and the places of the vertical ones, in millimetres."""
    rules = page_cv.rules_and_clean(image, DPI)[0]
    across = sorted(round((r.y0 + r.y1) / 2 / MM) for r in rules if r.horizontal and r.x1 - r.x0 > 150 * MM)
    down = sorted(round((r.x0 + r.x1) / 2 / MM) for r in rules if not r.horizontal and r.y1 - r.y0 > 70 * MM)
    return across, down


def test_a_faxed_dashed_border_is_a_rule():
    assert _found(_table((2.2, 1.0, 3))) == ([40, 80, 120], [20, 100, 190])


def test_what_a_fax_left_of_a_dashed_hairline_is_a_rule():
    assert _found(_table((0.4, 2.5, 2), down=(2.2, 1.0, 3))) == ([40, 80, 120], [20, 100, 190])


@pytest.mark.parametrize("dash", [1.0, 2.2])
def test_pieces_at_no_pitch_are_no_rule(dash):
    assert _found(_table((dash, 0, 3), jitter=True)) == ([], [])
