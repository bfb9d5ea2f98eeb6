"""A page image (a scan, a photo) made fit to read, and its ruling lines, with Pillow alone.

Before anything is looked for, the page's paper is evened out when it is lit unevenly (``flatten``), a
page lying on its side is told (``runs_down``; which way to turn it is the OCR's to say) and a page fed
askew is levelled (``skew``, ``level_and_find_rules``); the last two read one small copy of the page
(``ink_map``).

A rule is a run of dark pixels at least ``MIN_RULE`` long, a few pixels thick: the runs of the
rows (horizontal rules) and of the columns (vertical rules, on the transposed image) are grouped
into segments, and segments thicker on average than ``MAX_THICKNESS`` (a filled box, a photo) are
dropped. A slightly skewed rule is still one segment, only its runs step from row to row. Letters
are far shorter than a rule. The rules are handed to the same table finder as a PDF's
drawn rules (``importer.readers.pdf.place_tables``), and erased from the image given to OCR, where
they would be read as letters ('|', '_') and would join the text of cells side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_RULE = 0.4 / 2.54  # inches: a rule is at least 4 mm long (the side of a one-line table row)
MAX_THICKNESS = 1 / 25  # inches: about 1 mm; a Word border is 0.5-1.5 pt
MAX_SKEW = 5.0  # degrees: a page fed askew into a scanner; more is a page turned, not a skew
MIN_SKEW = 0.2  # degrees: less moves a rule's ends by under 1 mm across a page, nothing to mend
EVEN_PAPER = 200  # grey level: paper at least this light everywhere is lit evenly enough for one threshold


@dataclass(frozen=True)
class Rule:
    """A ruling line in pixels: horizontal (``x0..x1`` at rows ``y0..y1``) or vertical, and its
    ``runs`` of ink, (y, x0, x1) for a horizontal rule, (x, y0, y1) for a vertical one."""

    horizontal: bool
    x0: int
    y0: int
    x1: int
    y1: int
    runs: tuple[tuple[int, int, int], ...] = ()


def flatten(image, dpi: int):
    """The greyscale page with its paper made evenly white: a photo or a poor scan is lit unevenly, and
    one threshold for the whole page would take its darker side for ink (hundreds of false rules, text
    Tesseract cannot read). The paper's light is the brightest grey within 3.5 mm of each point (no
    stroke is that wide), measured at about 25 dpi; each pixel keeps its darkness below the paper around
    it, and the darkest ink is stretched back to black (Tesseract misreads grey ink: 'TT' as 'hiiill').
    An evenly lit page is returned as it is."""
    from PIL import Image, ImageChops, ImageFilter, ImageOps

    paper = image.reduce(max(1, round(dpi / 25))).filter(ImageFilter.MaxFilter(7))
    if paper.getextrema()[0] >= EVEN_PAPER:
        return image
    paper = paper.filter(ImageFilter.BoxBlur(2)).resize(image.size, Image.Resampling.BILINEAR)
    return ImageOps.autocontrast(ImageChops.invert(ImageChops.subtract(paper, image)), cutoff=(0.5, 0))


def ink_map(image, dpi: int):
    """The page at about 25 dpi with its ink bright and its paper dark: what ``runs_down`` and ``skew``
    read. Made once per page, and turned with the page."""
    from PIL import ImageOps

    return ImageOps.invert(image.reduce(max(1, round(dpi / 25))))


def level_and_find_rules(image, dpi: int, angle: float):
    """The greyscale page turned level by ``angle`` (see ``skew``) and its rules: (image, rules).

    A page scanned a degree or two askew has its rules broken into short steps that no longer read as
    rules, and its table cells no longer line up with the words in them; so it is turned first. A turned
    page's thin rules come out ragged, with gaps of a pixel here and there: its ink is thickened by a
    pixel all round before the rules are looked for, so they are found, and erased, whole."""
    from PIL import Image, ImageFilter

    if abs(angle) < MIN_SKEW:
        return image, find_rules(binarize(image), dpi)
    image = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return image, find_rules(binarize(image).filter(ImageFilter.MinFilter(3)), dpi)


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


def binarize(image):
    """The greyscale (mode ``L``) image in black and white (0 and 255), split at Otsu's threshold."""
    threshold = otsu(image.histogram())
    return image.point(lambda v: 0 if v < threshold else 255)


def otsu(histogram: list[int]) -> int:
    """The grey level that best splits ink from paper (Otsu's method): values below it are ink."""
    total = sum(histogram)
    weighted = sum(level * count for level, count in enumerate(histogram))
    best, threshold = -1.0, 128
    below = below_weighted = 0
    for level, count in enumerate(histogram[:255]):
        below += count
        below_weighted += level * count
        above = total - below
        if below == 0 or above == 0:
            continue
        gap = below_weighted / below - (weighted - below_weighted) / above
        spread = below * above * gap * gap
        if spread > best:
            best, threshold = spread, level + 1
    return threshold


def find_rules(ink, dpi: int) -> list[Rule]:
    """The horizontal and vertical rules of a black and white page image (see ``binarize``)."""
    from PIL import Image

    min_length = max(8, round(MIN_RULE * dpi))
    max_thickness = max(2, round(MAX_THICKNESS * dpi))
    rules = [Rule(True, x0, y0, x1, y1, runs) for y0, y1, x0, x1, runs in _segments(ink, min_length, max_thickness)]
    if len(rules) < 2:  # a table has a top and a bottom rule at least
        return rules
    upright = ink.transpose(Image.Transpose.TRANSPOSE)
    rules += [
        Rule(False, x0, y0, x1, y1, runs) for x0, x1, y0, y1, runs in _segments(upright, min_length, max_thickness)
    ]
    return rules


def erase_rules(image, rules: list[Rule]):
    """A copy of the image with the rules' ink painted white (only their runs: the letters that touch
    a rule keep what lies off it)."""
    from PIL import ImageDraw

    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for rule in rules:
        for at, start, end in rule.runs:
            draw.line((start, at, end, at) if rule.horizontal else (at, start, at, end), fill=255)
    return clean


def _segments(ink, min_length: int, max_thickness: int) -> list[tuple]:
    """Segments (y0, y1, x0, x1, runs) made of long runs of ink on consecutive rows that overlap."""
    width = ink.width
    data = ink.tobytes()
    done: list[list] = []
    open_: list[list] = []  # [y0, y1, x0, x1, runs] still growing (seen on the previous row)
    for start, end in _runs(data, min_length):
        y, x0 = divmod(start, width)
        x1 = min(end - 1 - y * width, width - 1)  # a run that wraps into the next row is cut at the edge
        if x1 - x0 + 1 < min_length:
            continue
        still_open = []
        for segment in open_:
            (still_open if segment[1] >= y - 1 else done).append(segment)
        open_ = still_open
        for segment in open_:
            if segment[1] < y and min(x1, segment[3]) - max(x0, segment[2]) >= min_length // 2:
                segment[1], segment[2], segment[3] = y, min(x0, segment[2]), max(x1, segment[3])
                segment[4].append((y, x0, x1))
                break
        else:
            open_.append([y, y, x0, x1, [(y, x0, x1)]])
    return [(*s[:4], tuple(s[4])) for s in done + open_ if _thickness(s) <= max_thickness]


def _thickness(segment: list) -> float:
    """Ink per unit of length: a rule's stroke width, even when the rule is skewed over many rows."""
    _, _, x0, x1, runs = segment
    return sum(end - start + 1 for _, start, end in runs) / (x1 - x0 + 1)


def _runs(data: bytes, min_length: int):
    """(start, end) of every run of at least ``min_length`` zero bytes; ``bytes.find`` skips the
    blank and lettered stretches far faster than a regular expression would."""
    needle = b"\x00" * min_length
    start = data.find(needle)
    while start != -1:
        light = _LIGHT.search(data, start + min_length)
        end = light.start() if light else len(data)
        yield start, end
        start = data.find(needle, end)


_LIGHT = re.compile(rb"[^\x00]")
