"""What OpenCV's page preparation (``importer.readers.page_cv``) shares: a ruling line (``Rule``) and its
limits, and how a page lies, read on one small copy of it (``ink_map``): whether it lies on its side
(``runs_down``; which way to turn it is the OCR's to say) and how far it was fed askew (``skew``).

A rule is a run of ink at least ``MIN_RULE`` long and at most ``MAX_THICKNESS`` thick; the rules are handed
to the same table finder as a PDF's drawn rules (``importer.readers.pdf.place_tables``) and erased from the
image given to OCR, where they would be read as letters ('|', '_') and would join the text of cells side by
side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_RULE = 0.4 / 2.54  # inches: a rule is at least 4 mm long (the side of a one-line table row)
MAX_THICKNESS = 1 / 25  # inches: about 1 mm; a Word border is 0.5-1.5 pt
MAX_SKEW = 5.0  # degrees: a page fed askew into a scanner; more is a page turned, not a skew
MIN_SKEW = 0.2  # degrees: less moves a rule's ends by under 1 mm across a page, nothing to mend


@dataclass(frozen=True)
class Rule:
    """A ruling line in pixels: horizontal (``x0..x1`` at rows ``y0..y1``) or vertical."""

    horizontal: bool
    x0: int
    y0: int
    x1: int
    y1: int


class InkMap:
    """The page at about 25 dpi with its ink bright and its paper dark (``image``): what ``runs_down`` and
    ``skew`` read. Made once per page, and turned with the page; the sharpness of its rows at an angle
    (``sharpness``) is measured once, though both read it at each whole degree."""

    def __init__(self, image):
        self.image = image
        self._seen: dict[float, float] = {}

    def transpose(self, turn) -> InkMap:
        return InkMap(self.image.transpose(turn))

    def sharpness(self, angle: float) -> float:
        """How sharply the rows of the image, turned by ``angle`` degrees (to a hundredth), alternate between
        ink and paper: the mean squared difference of neighbouring rows' mean ink."""
        from PIL import Image

        angle = round(angle, 2)
        if angle not in self._seen:
            turned = self.image.rotate(angle, resample=Image.Resampling.BILINEAR) if angle else self.image
            rows = np.frombuffer(turned.resize((1, turned.height), Image.Resampling.BOX).tobytes(), np.uint8)
            steps = np.diff(rows.astype(np.int64))
            self._seen[angle] = int(np.dot(steps, steps)) / max(1, len(rows) - 1)
        return self._seen[angle]


def ink_map(image, dpi: int) -> InkMap:
    """The page's ``InkMap``."""
    from PIL import ImageOps

    return InkMap(ImageOps.invert(image.reduce(max(1, round(dpi / 25)))))


def runs_down(ink: InkMap) -> bool:
    """Whether the page's lines run down it instead of across (``ink``: its ``ink_map``): a landscape
    page (a task catalogue) fed into the scanner on its side. Its rows of ink then alternate far less
    sharply than its columns, whatever its skew (each is taken at its sharpest, in whole degrees up to
    ``MAX_SKEW``); on the scans here an upright page's rows are at least one and a half times as sharp
    as its columns, a page on its side's at most three quarters."""
    from PIL import Image

    turns = range(-round(MAX_SKEW), round(MAX_SKEW) + 1)

    def sharpest(page: InkMap) -> float:
        return max(page.sharpness(float(angle)) for angle in turns)

    return sharpest(ink) < sharpest(ink.transpose(Image.Transpose.TRANSPOSE))


def skew(ink: InkMap) -> float:
    """The angle (degrees, counter-clockwise) that levels a page (``ink``: its ``ink_map``): the one at
    which the page's ink, summed along each row, gives the sharpest profile (lines of text and rules
    stand out from the gaps between them). Every half degree up to ``MAX_SKEW``, then tenths around the
    best: at 25 dpi a tenth of a degree is less than a rule's width across a page."""
    steps = round(MAX_SKEW * 2)
    best = max((half / 2 for half in range(-steps, steps + 1)), key=ink.sharpness)
    best = max((best + tenth / 10 for tenth in range(-4, 5)), key=ink.sharpness)
    return round(best, 2) if ink.sharpness(best) > 1.05 * ink.sharpness(0.0) else 0.0
