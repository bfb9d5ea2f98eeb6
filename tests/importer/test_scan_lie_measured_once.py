"""How a page lies is read on its small ink map: whether it lies on its side (``runs_down``, whole degrees up to
5°) and how far askew it was fed (``skew``, half degrees, then tenths). Both try the whole degrees: each angle's
sharpness is measured once per map, and the skew found is the same as on a map of its own."""

from __future__ import annotations

from collections import Counter

import numpy as np
from PIL import Image

from importer.readers.raster_tables import ink_map, runs_down, skew


def _page_askew() -> Image.Image:
    """An A4 page at 100 dpi with lines of 'text' (dark bars) turned 2° as a scanner fed it."""
    page = np.full((1169, 827), 255, np.uint8)
    for top in range(150, 1000, 40):
        page[top : top + 12, 100:720] = 40
    return Image.fromarray(page).rotate(2, fillcolor=255)


def test_it_measures_each_angle_of_a_page_once(monkeypatch):
    turned = Counter()
    rotate = Image.Image.rotate

    def counted(image, angle, *args, **kwargs):
        turned[(image.size, round(angle, 2))] += 1
        return rotate(image, angle, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "rotate", counted)
    ink = ink_map(_page_askew(), 100)

    assert not runs_down(ink)
    angle = skew(ink)

    assert turned and max(turned.values()) == 1
    assert angle == skew(ink_map(_page_askew(), 100))
    assert abs(angle + 2) <= 0.15
