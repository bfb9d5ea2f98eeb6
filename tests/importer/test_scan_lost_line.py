"""Tesseract's reading of a whole scanned page may pass over a line: on a dusty 150 dpi office scan Nghệ An's part
heading 'II. MỤC TIÊU' between two paragraphs was not read at all, and the plan lost its targets with it. A band
of rows holding a line's ink where no word was read is read again by itself and put in its place in the reading
order (``ocr._with_lost_lines``); a speck standing apart in its margin is left out of it (``ocr._undusted``: read
as a dash before the heading, it made the heading a dash's item)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from importer.readers.ocr import _read_pieces, _undusted, _with_lost_lines
from tests.degrade import render

NGHE_AN = Path(__file__).resolve().parents[1] / "fixtures" / "other-borderless" / "so_yte_nghean_kh_cchc_2026_lo.pdf"
DPI = 250


@pytest.mark.ocr
def test_it_reads_again_a_line_the_page_reading_passed_over():
    grey = render(NGHE_AN, DPI)[0]
    whole = _read_pieces([((0, 0, grey.shape[1], grey.shape[0]), grey)], DPI, 0, gap=0)
    heading = whole[[read[0][3] for read in whole].index("hợp.") + 1]  # the part heading under a paragraph
    assert heading[0][3] == "II."
    lost = [read for read in whole if abs(read[0][1] - heading[0][1]) > 5]  # the heading's line passed over

    again = _with_lost_lines(lost, grey, DPI, max(read[0][2] for read in whole))

    texts = [read[0][3] for read in again]
    at = texts.index("II.")
    assert texts[at - 1] == "hợp." and texts[at + 1] == "MỤC" and texts[at + 3] == "1."  # in its place
    assert len(again) == len(whole)


def test_a_read_page_has_no_line_to_read_again():
    paper = np.full((400, 600), 255, np.uint8)

    assert _with_lost_lines([], paper, DPI, 0) == []


def test_a_speck_apart_from_a_lost_lines_letters_is_left_out():
    band = np.full((50, 600), 255, np.uint8)
    band[20:24, 30:34] = 0  # a speck in the margin, 3 mm left of the line
    band[10:40, 70:76] = 0  # the line's first letter, a stroke
    band[10:40, 90:96] = 0

    clean = _undusted(band, DPI)

    assert (clean[:, :60] == 255).all()
    assert (clean[10:40, 70:76] == 0).all() and (clean[10:40, 90:96] == 0).all()
