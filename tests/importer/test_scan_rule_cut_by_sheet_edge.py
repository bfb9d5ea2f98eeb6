"""A page fed into the scanner askew loses its corners: the scan holds the sheet turned, and what of it lay beyond
the glass is not in the image. A table that runs close to the paper's side then has the end of its top rule cut
off (the turn carried it out of the image), and levelled back the rule is shorter than the others of its table.
A three-line table (rules above and under its head and at its end only) is known by rules of one span stacked
(``page_cv.stacked``, the open tables' reader): the cut rule was taken for a rule alone, and the table lost its
head. A rule whose end comes to the edge of what the scanner saw now runs on to the span of the rules it lines up
with (``page_cv._mended_cuts``); one that stops short inside the sheet stays as short as it is."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from importer.readers import page_cv

SKEW = 4.5  # degrees


def _levelled_rules(rights: tuple[int, int, int]) -> list:
    """The horizontal rules found on a 300 dpi page holding three rules from 10 mm off the left edge to ``rights``
    (pixels; the paper is 2480 wide), fed ``SKEW`` degrees clockwise (its top right corner turns out of the image)
    and levelled back."""
    page = np.full((3508, 2480), 255, np.uint8)
    for y, right in zip((250, 550, 3000), rights, strict=True):
        page[y : y + 4, 120:right] = 0
    turn = cv2.getRotationMatrix2D((1240, 1754), -SKEW, 1.0)
    fed = Image.fromarray(cv2.warpAffine(page, turn, (2480, 3508), flags=cv2.INTER_LINEAR, borderValue=255))
    rules = page_cv.rules_and_clean(page_cv.level(fed, SKEW), 300, SKEW)[0]
    return sorted((r for r in rules if r.horizontal), key=lambda r: r.y0)


def test_a_rule_the_sheet_edge_cut_keeps_its_table_span():
    rules = _levelled_rules((2410, 2410, 2410))

    assert [round((r.y0 + r.y1) / 2) for r in rules] == pytest.approx([252, 552, 3002], abs=4)
    assert {r.x1 for r in rules} == {rules[-1].x1}
    assert [r.x0 for r in rules] == pytest.approx([rules[-1].x0] * 3, abs=4)


def test_a_rule_that_stops_short_on_the_sheet_stays_short():
    rules = _levelled_rules((1900, 2300, 2300))

    assert [round((r.y0 + r.y1) / 2) for r in rules] == pytest.approx([552, 3002], abs=4)
