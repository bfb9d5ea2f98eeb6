"""A phone photo's paper is never white: lit from one side, with its grain. Where a page's only ink stood in its
tables (a landscape page of the task table, read column by column), the page around them held nothing but that
grain, and Tesseract, its threshold taken over the paper alone, read the grain as 868 words of nonsense and spent
more time on them than on the table. The page around the tables is not read when it holds no ink (``ocr.INK``);
where it holds some, it is read whole as before."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.readers.ocr import _words

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DPI = 250


def _grainy_paper(height=1400, width=2000):
    """Paper lit from the left, greys 236 to 252, with a photo's grain (no pixel as dark as ink)."""
    import cv2

    rng = np.random.default_rng(1)
    light = np.linspace(236, 252, width)[None, :] * np.ones((height, 1))
    grain = cv2.GaussianBlur(rng.normal(0, 4, (height, width)), (0, 0), 1.2)
    return np.clip(light + grain, 0, 255).astype(np.uint8)


@pytest.mark.ocr
def test_it_reads_nothing_on_grainy_paper_whose_ink_was_all_in_its_tables():
    assert _words(_grainy_paper(), DPI) == ([], [])


@pytest.mark.ocr
def test_it_reads_on_grainy_paper_only_the_line_printed_there_where_it_stands():
    image = Image.fromarray(_grainy_paper())
    ImageDraw.Draw(image).text((800, 900), "Xây dựng kế hoạch", font=ImageFont.truetype(FONT, 46), fill=30)

    words, _ = _words(np.asarray(image), DPI)

    assert [text for _, _, _, text in words] == ["Xây", "dựng", "kế", "hoạch"]
    x, y, _, _ = words[0]
    assert 800 * 72 / DPI < x < 900 * 72 / DPI and 900 * 72 / DPI < y < 960 * 72 / DPI
