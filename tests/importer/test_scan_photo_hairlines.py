"""A phone's picture of a page is soft (its lens, the JPEG, the picture scaled down): a hairline rule (a LibreOffice
table's thinnest border, printed from an .odt) spreads over several pixels as a grey paler than a scan's, paler
than the rules are looked for down to (``page_cv.FAINT``), and the photographed table lost its rules across (Tân
Mai's plan: no task read). A page found on a desk is sharpened back (``page_cv._sharpen``) before its rules are
looked for."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from importer.readers import page_cv

ROWS = (400, 700, 1000, 1300)
COLUMNS = (200, 500, 2200)


def _photographed_hairline_table() -> Image.Image:
    """A 300 dpi page ruled with one-pixel grey lines, photographed from above at a slight angle on a dark desk,
    soft (blurred, scaled to two thirds)."""
    import cv2

    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for y in ROWS:
        draw.line((COLUMNS[0], y, COLUMNS[-1], y), fill=120, width=1)
    for x in COLUMNS:
        draw.line((x, ROWS[0], x, ROWS[-1]), fill=120, width=1)
    grey = np.asarray(page)
    margin = 280
    desk = np.full((grey.shape[0] + 2 * margin, grey.shape[1] + 2 * margin), 70, np.uint8)
    desk[margin:-margin, margin:-margin] = grey
    corners = np.float32(
        [[margin, margin], [margin + 2480, margin], [margin + 2480, margin + 3508], [margin, margin + 3508]]
    )
    moved = corners + np.float32([[40, 20], [-30, 50], [-20, -30], [30, -10]])
    shot = cv2.warpPerspective(desk, cv2.getPerspectiveTransform(corners, moved), desk.shape[::-1], borderValue=70)
    shot = cv2.GaussianBlur(shot.astype(np.float32), (0, 0), 0.8)
    return Image.fromarray(np.clip(shot, 0, 255).astype(np.uint8)).resize(
        (shot.shape[1] * 2 // 3, shot.shape[0] * 2 // 3)
    )


def test_it_finds_the_hairline_rules_of_a_photographed_table():
    ((page, dpi),) = page_cv.sheets(_photographed_hairline_table(), 200)

    rules = page_cv.rules_and_clean(page, dpi)[0]

    across = sorted(round((r.y0 + r.y1) / 2 * 300 / dpi) for r in rules if r.horizontal)
    assert across == pytest.approx(ROWS, abs=15)
