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


def ink_map(image, dpi: int):
    """The page at about 25 dpi with its ink bright and its paper dark: what ``runs_down`` and ``skew``
    read. Made once per page, and turned with the page."""
    from PIL import ImageOps

    return ImageOps.invert(image.reduce(max(1, round(dpi / 25))))


def runs_down(ink) -> bool:
    """Whether the page's lines run down it instead of across (``ink``: its ``ink_map``): a landscape
    page (a task catalogue) fed into the scanner on its side. Its rows of ink then alternate far less
    sharply than its columns, whatever its skew (each is taken at its sharpest, in whole degrees up to
    ``MAX_SKEW``); on the scans here an upright page's rows are at least one and a half times as sharp
    as its columns, a page on its side's at most three quarters."""
    from PIL import Image

    turns = range(-round(MAX_SKEW), round(MAX_SKEW) + 1)

    def sharpest(page) -> float:
        return max(_sharpness(page, float(angle)) for angle in turns)

    return sharpest(ink) < sharpest(ink.transpose(Image.Transpose.TRANSPOSE))


def skew(ink) -> float:
    """The angle (degrees, counter-clockwise) that levels a page (``ink``: its ``ink_map``): the one at
    which the page's ink, summed along each row, gives the sharpest profile (lines of text and rules
    stand out from the gaps between them). Every half degree up to ``MAX_SKEW``, then tenths around the
    best: at 25 dpi a tenth of a degree is less than a rule's width across a page."""
    seen: dict[float, float] = {}

    def sharpness(angle: float) -> float:
        angle = round(angle, 2)
        if angle not in seen:
            seen[angle] = _sharpness(ink, angle)
        return seen[angle]

    steps = round(MAX_SKEW * 2)
    best = max((half / 2 for half in range(-steps, steps + 1)), key=sharpness)
    best = max((best + tenth / 10 for tenth in range(-4, 5)), key=sharpness)
    return round(best, 2) if sharpness(best) > 1.05 * sharpness(0.0) else 0.0


def _sharpness(image, angle: float) -> float:
    """How sharply the rows of the (inverted: ink bright) image, turned by ``angle``, alternate between
    ink and paper: the mean squared difference of neighbouring rows' mean ink."""
    from PIL import Image

    turned = image.rotate(angle, resample=Image.Resampling.BILINEAR) if angle else image
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    return sum((a - b) ** 2 for a, b in zip(rows, rows[1:], strict=False)) / max(1, len(rows) - 1)
