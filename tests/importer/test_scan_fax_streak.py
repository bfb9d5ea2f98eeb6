"""Dust on a fax's (or a sheet-fed scanner's) head draws a black streak straight down the sheet, from the paper's
top to its bottom. Once the page is levelled it runs askew over letters and between columns, where no rule finder
takes it out, and Tesseract read it into the words it crossed ('phật|'), and its columns' cells into the wrong
rows. The 1-bit sheet's columns black from top to bottom are made paper before anything else; ink that stops short
of the paper's ends (a table's rule, letters) stays."""

from __future__ import annotations

import numpy as np
from PIL import Image

from importer.readers.page_cv import sheets

DPI = 200


def _sheet(streak: bool) -> Image.Image:
    page = np.full((400, 300), 255, np.uint8)
    page[100:120, 40:200] = 0  # a line of letters, as ink
    page[60:340, 250:252] = 0  # a table's rule, from its top to its bottom
    if streak:
        page[:, 150:152] = 0
        page[200, 150:152] = 255  # a line the fax lost crosses it
    return Image.fromarray(page)


def _dark_columns(image: Image.Image) -> int:
    grey = np.asarray(image)
    return int(np.count_nonzero(np.count_nonzero(grey < 128, axis=0) > 0.9 * grey.shape[0]))


def test_it_paints_a_streak_down_a_faxed_sheet_as_paper():
    (page, _), *_ = sheets(_sheet(streak=True), DPI)
    assert _dark_columns(page) == 0


def test_it_keeps_the_rules_and_the_letters():
    (streaked, _), *_ = sheets(_sheet(streak=True), DPI)
    (clean, _), *_ = sheets(_sheet(streak=False), DPI)
    ink = np.asarray(clean) < 128
    beside = np.ones_like(ink)
    beside[:, 180:195] = False  # the streak's columns, once enlarged and smoothed
    assert np.array_equal((np.asarray(streaked) < 128) & beside, ink & beside)
