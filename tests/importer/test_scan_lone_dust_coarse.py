"""Dust on a coarse scan (150 dpi): a speck of two by two of the scanner's pixels covers more paper than at 200 dpi,
and smoothed and enlarged for Tesseract it holds more ink than the speckle's limit (``page_cv.SPECKLE``). Left on
the page, such dots beside a table's head were read with its names (the 'STT' of the number column was lost, and the
table with it). A dot with no other ink within ``page_cv.FAR`` (no punctuation stands so alone) is dust up to
``page_cv.LONE_DOT``; a row's figure alone in its cell holds more ink and stays. No Tesseract here."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from importer.readers import page_cv
from tests.degrade import _speckle

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DPI = 150


def _coarse_scan():
    """A page scanned at 150 dpi as an office scanner makes it (``tests.degrade.office_scan``: a little out of
    focus, the ink faint, dust, dithered to 1-bit): two lines of text, a row's figure '1' alone, dust all over."""
    import cv2

    image = Image.new("L", (1240, 1000), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 23)  # 11 pt at 150 dpi
    for line in range(14):  # a page full of text, as a plan's
        draw.text(
            (100, 30 + 35 * line), "Phòng Văn hóa - Xã hội chủ trì, ạ ệ ộ. Số: 15/KH-UBND; 80%.", font=font, fill=0
        )
    draw.text((100, 930), "1", font=font, fill=0)
    page = cv2.GaussianBlur(np.asarray(image), (0, 0), 0.6 * DPI / 200)
    page = (255 - (255 - page.astype(np.float32)) * 0.62).astype(np.uint8)  # ink at about 40 % grey
    dusty = _speckle(page, np.random.default_rng(3), 0.0006)
    dusty[:540] = page[:540]  # the text's lines without dust, to tell what of them is kept
    dusty[900:] = page[900:]
    return Image.fromarray(dusty).convert("1").convert("L")  # Floyd-Steinberg dithering


def test_it_paints_out_lone_dust_of_a_coarse_scan_and_keeps_the_text():
    ((page, dpi),) = page_cv.sheets(_coarse_scan(), DPI)

    _, clean = page_cv.rules_and_clean(page, dpi)

    ink, clean = np.asarray(page) < 128, np.asarray(clean) < 128
    text, dust, figure = (
        slice(0, 530 * dpi // DPI),
        slice(560 * dpi // DPI, 880 * dpi // DPI),
        slice(910 * dpi // DPI, None),
    )
    assert np.count_nonzero(ink[dust]) > 1000
    assert np.count_nonzero(clean[dust]) < 0.08 * np.count_nonzero(ink[dust])  # a few dots together, not alone
    assert np.count_nonzero(clean[text]) > 0.97 * np.count_nonzero(ink[text])
    assert np.count_nonzero(clean[figure]) == np.count_nonzero(ink[figure])
