"""A scanned or photographed page made fit to read, with OpenCV (``opencv-python-headless``).

The field's tools, measured by ``bench/bench_scans.py`` (quality through the scorer, time per page); they won
the side-by-side measurement against hand-written Pillow steps, which are gone:

- ``sheets``: the sheet as an office sends it turned into the pages on it. A phone photo's page is found
  (the largest bright four-sided shape on a darker desk) and its perspective flattened; its light is
  evened out (each pixel divided by the paper's light around it) and the phone's soft picture sharpened
  back; two A5 pages copied side by side on one landscape A4 sheet are split at the blank gutter between
  them, each grown back to the size it was printed at (its letters as many pixels high as an A4 scan's, its
  points those of its print); a 1-bit page (a fax, a dithered scan) is smoothed back to greys, and a page under
  ``MIN_DPI`` enlarged, which Tesseract reads better.
- ``level``: the page turned by the skew ``raster_tables.skew`` measured.
- ``rules_and_clean``: the ruling lines found on an adaptive threshold (so faint and grey rules count),
  dotted and broken rules closed along their direction (morphological closing), strokes thicker than a
  rule left out, a rule the sheet's edge cut (a page fed askew loses its corners) grown back to its table's
  span; dashed rules (dashes at a regular pitch, their gaps longer than a dotted rule's) closed; a row rule the
  scan lost drawn where column rules stop at one height; a dithered shading's dots closed into lines left out;
  speckle (dots smaller than any diacritic) and the rules painted out of the greyscale page given to Tesseract.
"""

from __future__ import annotations

import numpy as np

from importer.readers.raster_tables import MAX_THICKNESS, MIN_RULE, MIN_SKEW, Rule

MIN_DPI = 250  # a page under this is enlarged to it before OCR: Tesseract misses marks on small letters
MM = 1 / 25.4  # inches
GAP = 0.8 * MM  # the longest gap closed in a dotted or broken rule (a dotted border's gap is under 0.5 mm)
ACROSS = 8 * MM  # a table's horizontal rule spans one column at least (the narrowest, "TT", is about 1 cm)
DOWN = 5 * MM  # a vertical one one row at least (a line of text and its padding)
TALL = 12 * MM  # a vertical run this long is no letter's stem the closing ran up to a one-line row's rules
SPECKLE = 0.3 * MM * MM  # square inches: a dot this small and alone (``ALONE``) is dust, not a diacritic
ALONE = 0.7 * MM  # a diacritic sits closer than this to its letter or to the mark under it
FAR = 2 * MM  # a dot with no other ink this near is dust wherever it lies (no punctuation stands so alone)
LONE_DOT = 0.6 * MM * MM  # square inches: such a dot up to this size (a row's figure '1' alone holds 1 mm² and more)
DUSTY = 25  # a page with more such dots is dusty: there a dot alone within ``ALONE`` is taken for dust too
GUTTER = 6 * MM  # a blank band this wide down the middle of a landscape sheet separates two pages
A4 = 297 / 210
TWO_UP = 1 / 2**0.5  # a copier's 2-in-1 shrinks each page to half the sheet (A4 to A5: ISO sizes halve by it)
PAPER = 200  # grey level: lighter is paper wherever the local mean takes it for ink (for the speckle)
FAINT = 215  # but for the rules: a hairline rule (a LibreOffice table's thinnest border) scanned, dithered and
# halved is a row of pixels this pale (taken for paper, it broke into dots too short to close into a rule); paler
# still is a browser's light shading, whose cells' sides would be taken for rules
STREAK = 0.97  # share of a sheet's rows a streak of dust on the scanner's head blackens (a few lines lost)
DITHERED = 1.3  # closing its pinholes adds this share to dotted ink; to solid ink a few per cent


def sheets(image, dpi: int) -> list[tuple[object, int]]:
    """The pages on one scanned sheet or photo (a greyscale Pillow image): [(page, its dpi)], each page
    a greyscale Pillow image found, flattened, evened out and smoothed as the module says."""
    from PIL import Image

    grey = np.asarray(image, dtype=np.uint8)
    if _bilevel(grey):  # a fax or a 1-bit scan: greys back from the stair-steps
        import cv2

        grey = cv2.GaussianBlur(_unstreaked(grey), (0, 0), 0.5 * dpi / 200)
    else:
        page, dpi = _find_page(grey, dpi)
        grey = _even_light(page, dpi) if page is grey else _sharpen(_even_light(page, dpi), dpi)
    grey = _undither(grey, dpi)
    halves = _split_two_up(grey, dpi)
    if len(halves) == 2:  # each a page of the sheet's size the copier shrank: grown back to it
        import cv2

        halves = [
            cv2.resize(half, None, fx=1 / TWO_UP, fy=1 / TWO_UP, interpolation=cv2.INTER_CUBIC) for half in halves
        ]
    pages = []
    for page in halves:
        page, page_dpi = _enlarge(page, dpi)
        pages.append((Image.fromarray(page), page_dpi))
    return pages


def level(image, angle: float):
    """The greyscale Pillow page turned ``angle`` degrees counter-clockwise (``raster_tables.skew``)."""
    import cv2
    from PIL import Image

    if abs(angle) < MIN_SKEW:
        return image
    grey = np.asarray(image, dtype=np.uint8)
    height, width = grey.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return Image.fromarray(cv2.warpAffine(grey, turn, (width, height), flags=cv2.INTER_LINEAR, borderValue=255))


def rules_and_clean(image, dpi: int, turned: float = 0.0) -> tuple[list[Rule], object]:
    """The page's rules (pixels, ``raster_tables.Rule``) and the greyscale page with
    its rules and speckle painted white, for OCR. Both are looked for on a copy at half the resolution
    when the page has ``MIN_DPI`` or more (a quarter of the time; a rule is still two pixels wide).
    ``turned``: the degrees ``level`` turned the page by, so the rules the sheet's edge cut are known
    (``_mended_cuts``)."""
    import cv2
    from PIL import Image

    grey = np.asarray(image, dtype=np.uint8)
    step = 2 if dpi >= MIN_DPI else 1
    height, width = grey.shape
    small = cv2.resize(grey, (width // step, height // step), interpolation=cv2.INTER_AREA) if step > 1 else grey
    dpi = dpi / step
    block = _odd(dpi / 8)  # about 3 mm: larger than any stroke, smaller than a cell
    faint = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)
    ink = faint.copy()
    ink[small > PAPER] = 0  # paper the local mean took for ink (an empty stretch of page)
    faint[small > FAINT] = 0  # where rules are looked for, the pale grey a thin rule keeps once halved counts
    min_length = max(8, round(MIN_RULE * dpi))
    thickest = max(2, round(MAX_THICKNESS * dpi))
    gap = max(3, round(GAP * dpi))
    solid = cv2.morphologyEx(faint, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    strokes = faint & ~_letters(faint, min_length, thickest)
    strokes |= _dashed(faint, dpi, thickest) | _dashed(faint.T, dpi, thickest).T  # where rules cross, not letters
    across = _lines(strokes, solid, (gap, 1), (min_length, 1), (1, thickest + 1))
    down = _lines(strokes, solid, (1, gap), (1, min_length), (thickest + 1, 1))
    on_sheet = _on_sheet(grey.shape, turned, step)
    rules = _joined(
        _mended_cuts(_rules(across, True, max(min_length, round(ACROSS * dpi)), thickest), on_sheet, gap),
        _mended_cuts(_rules(down, False, max(min_length, round(DOWN * dpi)), thickest), on_sheet, gap),
        gap,
        faint,
        round(TALL * dpi),
    )
    erase = np.zeros_like(ink)
    for rule in rules:  # only the rules kept: a letter's stem the closing made long stays a letter
        lines = across if rule.horizontal else down
        box = (slice(rule.y0, rule.y1 + 1), slice(rule.x0, rule.x1 + 1))
        erase[box] |= lines[box]
    erase[_speckle(ink & ~erase, dpi)] = 255
    erase = cv2.dilate(erase, np.ones((3, 3), np.uint8))  # and their grey fringe
    if step > 1:
        erase = cv2.resize(erase, (width, height), interpolation=cv2.INTER_NEAREST)
    clean = grey.copy()
    clean[erase > 0] = 255
    rules = [
        Rule(r.horizontal, r.x0 * step, r.y0 * step, r.x1 * step + step - 1, r.y1 * step + step - 1) for r in rules
    ]
    return rules, Image.fromarray(clean)


def _on_sheet(shape: tuple[int, int], turned: float, step: int):
    """Whether a point (pixels of the copy ``step`` times smaller) lies on what the scanner saw of the sheet: inside
    the image and, on a page ``level`` turned by ``turned`` degrees, inside the scan's own rectangle turned with it
    (its corners left white by the turn held nothing the scanner saw)."""
    import cv2

    height, width = shape
    turned = turned if abs(turned) >= MIN_SKEW else 0.0  # ``level`` leaves such a page as it is
    back = cv2.invertAffineTransform(cv2.getRotationMatrix2D((width / 2, height / 2), turned, 1.0))

    def inside(x: float, y: float) -> bool:
        x, y = back @ np.array([x * step, y * step, 1.0])
        return 0 <= x < width and 0 <= y < height

    return inside


def _mended_cuts(rules: list[Rule], on_sheet, reach: int) -> list[Rule]:
    """The rules of one direction with those the sheet's edge cut grown back to their table's span: a rule whose
    end comes within ``reach`` of the edge of what the scanner saw (``on_sheet``: a page fed askew loses a
    corner, and the rule across the table's top ran off the scan there) while its other end lines up with
    another rule's, which runs on beyond the cut, ends where that one ends. The table's rules are of one span,
    and grouped by it (``stacked``, the open tables' reader); the cut one, shorter, was a rule alone."""

    def ends(rule: Rule) -> tuple[int, int]:
        return (rule.x0, rule.x1) if rule.horizontal else (rule.y0, rule.y1)

    def off(rule: Rule, side: int) -> bool:
        middle = (rule.y0 + rule.y1) / 2 if rule.horizontal else (rule.x0 + rule.x1) / 2
        end = ends(rule)[side] + (reach if side else -reach)
        return not (on_sheet(end, middle) if rule.horizontal else on_sheet(middle, end))

    cuts = {rule: (off(rule, 0), off(rule, 1)) for rule in rules}

    def cut(rule: Rule, side: int) -> bool:
        return cuts[rule][side]

    def grown(rule: Rule) -> Rule:
        start, stop = ends(rule)
        for side in (0, 1):
            if not cut(rule, side) or cut(rule, 1 - side):
                continue
            kept = ends(rule)[1 - side]
            beyond = [
                ends(other)[side]
                for other in rules
                if abs(ends(other)[1 - side] - kept) <= reach
                and not cut(other, side)
                and (ends(other)[side] - ends(rule)[side]) * (1 if side else -1) > 0
            ]
            if beyond:
                start, stop = (start, max(beyond)) if side else (min(beyond), stop)
        if (start, stop) == ends(rule):
            return rule
        if rule.horizontal:
            return Rule(True, start, rule.y0, stop, rule.y1)
        return Rule(False, rule.x0, start, rule.x1, stop)

    return [grown(rule) for rule in rules]


def _odd(value: float) -> int:
    return max(3, int(value) // 2 * 2 + 1)


def _unstreaked(grey: np.ndarray) -> np.ndarray:
    """A 1-bit sheet without its streaks: the columns of pixels black from the paper's top to its bottom (``STREAK``
    of their rows), that dust on a fax's or a sheet-fed scanner's head draws down the sheet as it passes, painted
    paper. Straight down the sheet as it came in, they run askew once the page is levelled, over letters and
    between columns, where no rule finder would take them out; a table's rule stops at its table's ends."""
    streak = np.count_nonzero(grey < 128, axis=0) >= STREAK * grey.shape[0]
    if not streak.any():
        return grey
    grey = grey.copy()
    grey[:, streak] = 255
    return grey


def _bilevel(grey: np.ndarray) -> bool:
    """Whether the page holds black and white alone (a fax, a 1-bit scan)."""
    sample = grey[::7, ::7]
    return np.count_nonzero((sample > 16) & (sample < 240)) < 0.01 * sample.size


def _undither(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Letters printed as a pattern of dots (greys dithered to 1-bit, faint toner) made solid again: such
    ink fills by more than ``DITHERED`` when its one-pixel holes are closed; it is blurred back to a grey
    and the grey stretched to black. Solid ink is returned as it is."""
    import cv2

    height, width = grey.shape
    middle = grey[height // 4 : 3 * height // 4, width // 4 : 3 * width // 4]
    ink = (middle < 128).view(np.uint8)
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    if np.count_nonzero(closed) < DITHERED * max(1, np.count_nonzero(ink)):
        return grey
    grey = cv2.GaussianBlur(grey, (0, 0), dpi / 250)
    darkest, paper = np.percentile(grey[::4, ::4], (0.5, 60))
    if paper - darkest < 16:
        return grey
    return cv2.convertScaleAbs(grey, alpha=255 / (paper - darkest), beta=-darkest * 255 / (paper - darkest))


def _find_page(grey: np.ndarray, dpi: int) -> tuple[np.ndarray, int]:
    """A photographed page flattened: the largest bright quadrilateral on a darker background (its corners
    inside the picture), warped to
    a rectangle of its own proportions (A4's when near them), and the resolution that gives. A scan,
    paper to its edges, is returned as it is."""
    import cv2

    scale = 600 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _, bright = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))  # text is paper here
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return grey, dpi
    outline = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(outline) / small.size
    corners = cv2.approxPolyDP(outline, 0.02 * cv2.arcLength(outline, True), True)
    if len(corners) != 4 or not 0.2 < share < 0.9:
        return grey, dpi
    inside = corners.reshape(4, 2)
    margin = 0.01 * max(small.shape)
    if (inside.min(axis=0) < margin).any() or (inside.max(axis=0) > np.array(small.shape[::-1]) - 1 - margin).any():
        return grey, dpi  # the bright part runs off the picture: the page's own light side, not a page on a desk
    corners = _clockwise(inside.astype(np.float32) / scale)
    top, right, bottom, left = (np.linalg.norm(corners[i] - corners[(i + 1) % 4]) for i in range(4))
    width, height = (top + bottom) / 2, (left + right) / 2
    ratio = max(width, height) / min(width, height)
    if abs(ratio - A4) < 0.12 * A4:  # a sheet of paper: its own proportions, not the camera's
        if height >= width:
            height = width * A4
        else:
            width = height * A4
    target = np.float32([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]])
    warp = cv2.getPerspectiveTransform(corners, target)
    page = cv2.warpPerspective(grey, warp, (round(width), round(height)), flags=cv2.INTER_LINEAR, borderValue=255)
    inches = 210 / 25.4 if height >= width else 297 / 25.4
    return page, max(72, round(width / inches))


def _clockwise(points: np.ndarray) -> np.ndarray:
    """Four corners as top left, top right, bottom right, bottom left."""
    total = points.sum(axis=1)
    difference = np.diff(points, axis=1).ravel()
    return np.float32(
        [
            points[np.argmin(total)],
            points[np.argmin(difference)],
            points[np.argmax(total)],
            points[np.argmax(difference)],
        ]
    )


def _even_light(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Each pixel divided by the paper's light around it (the brightest grey within about 4 mm, no stroke
    is that wide), then the ink stretched back to black. An evenly lit page is returned as it is."""
    import cv2

    factor = max(1, round(dpi / 25))
    small = cv2.resize(grey, (grey.shape[1] // factor or 1, grey.shape[0] // factor or 1), interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((7, 7), np.uint8))
    if paper.min() >= 200:
        return grey
    paper = cv2.blur(paper, (5, 5))
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    even = cv2.divide(grey, np.maximum(paper, 1), scale=255)
    darkest = np.percentile(even[::5, ::5], 0.5)
    if darkest < 250:
        even = cv2.convertScaleAbs(even, alpha=255 / (255 - darkest), beta=-darkest * 255 / (255 - darkest))
    return even


THIN = 0.5 * MM  # inches: a stroke narrower than this is a rule's or a letter's, not a shaded cell's
SPAN = 30 * MM  # a rule across a table runs this far unbroken at least; no stroke of a letter or line of text does


def _sharpen(grey: np.ndarray, dpi: int) -> np.ndarray:
    """A photographed page's rules across deepened back: each pixel of a thin stroke (narrower than ``THIN``) that
    runs on straight across for ``SPAN`` or more darkened by as much as it is darker than the paper around it (a
    morphological black-hat, opened along the line). A phone's picture is soft (its lens, the JPEG, the picture
    scaled down): it spreads a hairline rule (a LibreOffice table's thinnest border) over several pixels as a grey
    paler than a scan's (``FAINT``), and the table lost its rules across (those down, shorter, came out darker).
    Letters are left as they are (deepened, runs along a line's letters made short rules), and so are the sides of
    a shaded cell, a step and no stroke (an unsharp mask darkened one into a column rule)."""
    import cv2

    size = 2 * max(1, round(THIN * dpi)) + 1
    depth = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    return cv2.subtract(grey, cv2.morphologyEx(depth, cv2.MORPH_OPEN, np.ones((1, round(SPAN * dpi)), np.uint8)))


def _split_two_up(grey: np.ndarray, dpi: int) -> list[np.ndarray]:
    """Two pages side by side on one landscape sheet, split at the blank gutter near the middle; any other
    page as it is. A landscape page of one table is never split: its rules cross the middle."""
    height, width = grey.shape
    if width < 1.25 * height:
        return [grey]
    ink = (grey[::4, :] < 128).sum(axis=0)
    blank = ink <= 0.002 * (height / 4)
    band = max(3, round(GUTTER * dpi))
    lo, hi = int(width * 0.4), int(width * 0.6)
    best = None
    run = 0
    for x in range(lo, hi):
        run = run + 1 if blank[x] else 0
        if run >= band and (best is None or run > best[1]):
            best = (x - run + 1, run)
    if best is None:
        return [grey]
    # a copier's 2-in-1 prints each page on one half of the sheet: cut at the sheet's middle when the gutter
    # holds it, so both pages lie as they were printed (the gutter's middle moved the right page by the left's
    # ragged right margin, and the columns of a table the page break cut no longer met the next page's lines)
    middle = width // 2 if best[0] <= width // 2 < best[0] + best[1] else best[0] + best[1] // 2
    left, right = grey[:, :middle], grey[:, middle:]
    if min(np.count_nonzero(left[::4, ::4] < 128), np.count_nonzero(right[::4, ::4] < 128)) < 200:
        return [grey]  # one half empty: a landscape page with a wide margin, not two pages
    return [left, right]


def _enlarge(grey: np.ndarray, dpi: int) -> tuple[np.ndarray, int]:
    import cv2

    if dpi >= MIN_DPI:
        return grey, dpi
    factor = MIN_DPI / dpi
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), MIN_DPI


def _letters(ink: np.ndarray, min_length: int, thickest: int) -> np.ndarray:
    """Where the letters are (a mask): pieces of ink thicker than a rule both ways that hold no straight run
    as long as a rule. Closing a rule's gaps must not join them: the serifs of bold capitals on their
    baseline made a line, their stems, closed up to the rules above and below a one-line section row, made
    column rules. A dot or a dash of a dotted rule is thin, a rule that letters touch keeps its run."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    thick = (stats[:, cv2.CC_STAT_WIDTH] > 1.5 * thickest) & (stats[:, cv2.CC_STAT_HEIGHT] > 1.5 * thickest)
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, min_length), np.uint8))
    runs |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((min_length, 1), np.uint8))
    thick[np.unique(labels[runs > 0])] = False
    thick[0] = False  # the paper
    return np.where(thick[labels], 255, 0).astype(np.uint8)


MARK = 0.3 * MM  # inches: a dash of a dashed rule, or what a fax left of it, is this long at least
PITCH = 4 * MM  # its dashes follow one another at this pitch at most (a dashed border's is about 3 mm)
DASHES = 5  # a dashed rule shows this many dashes at least, one after the other at its pitch
OFF_PITCH = 0.25  # share of the pitch by which a dash may lie off it (a pixel's rounding, a dash a letter touched)
BESIDE = 0.1  # share of ink on both sides of a line of dashes over which they are a dithered grey's dots


def _dashed(ink: np.ndarray, dpi: float, thickest: int) -> np.ndarray:
    """The gaps of the dashed rules across an ink mask, painted (a mask to add to it; for the rules down, give it
    transposed). A dashed rule (a word processor's dashed or dotted border) is a line of dashes at a regular pitch:
    ``DASHES`` or more thin pieces (``MARK`` long or longer, no thicker than a rule) on one line, each at the line's
    pitch (its median, within ``OFF_PITCH``; ``PITCH`` at most) from the one before; the gaps between them are
    closed, and the line runs on to the ink a pitch beyond its ends (where another rule crosses it, the two dashes
    are one piece, not a thin one). A fax's or a coarse scan's gap is longer than the ``GAP`` closed in a dotted or
    broken rule (a dashed border's gaps are about 1 mm), and of a dashed hairline it keeps a dot or two of each
    dash: the table lost its rules. The bars of letters along a line of text stand at no pitch, and over their
    stems; a dithered grey's dots stand at one, but amid more dots: a line with ``BESIDE`` of ink or more both
    above and under it is none (a cell's text may come up to a rule on one side)."""
    import cv2

    ink = np.ascontiguousarray(ink)
    length = max(2, round(MARK * dpi))
    pitch = max(length + 2, round(PITCH * dpi))
    pieces = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    _, _, stats, centres = cv2.connectedComponentsWithStats(pieces, connectivity=8)
    lefts, tops = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
    rights, bottoms = lefts + stats[:, cv2.CC_STAT_WIDTH], tops + stats[:, cv2.CC_STAT_HEIGHT]
    thin = np.flatnonzero(stats[1:, cv2.CC_STAT_HEIGHT] <= thickest) + 1
    # a piece amid dots, above and under it (a dithered grey), is no dash: left out before the lines are followed
    side = max(2, round(np.median(stats[thin, cv2.CC_STAT_HEIGHT]))) if len(thin) else 2
    near = cv2.boxFilter((ink > 0).view(np.uint8), cv2.CV_32F, (pitch, 2 * side), borderType=cv2.BORDER_CONSTANT)
    height, width = ink.shape
    across = np.clip(np.round(centres[thin, 0]).astype(int), 0, width - 1)
    over = np.clip(tops[thin] - 1 - side, 0, height - 1)
    under = np.clip(bottoms[thin] + side, 0, height - 1)
    thin = thin[(near[over, across] <= BESIDE) | (near[under, across] <= BESIDE)]
    filled = np.zeros_like(ink)
    chains: list[list[int]] = []  # the dashes of each line, left to right
    open_ends: dict[int, list[int]] = {}  # the chains a dash may go on, by the row their last dash lies on
    for dash in thin[np.argsort(lefts[thin], kind="stable")]:
        row = round(centres[dash][1])
        chain = None
        for r in (row, row - 1, row + 1):
            going = [c for c in open_ends.get(r, ()) if lefts[dash] - lefts[chains[c][-1]] <= pitch]
            open_ends[r] = going  # the others end a pitch or more behind: no dash goes on them any more
            chain = next((c for c in going if lefts[dash] > rights[chains[c][-1]]), None) if chain is None else chain
        if chain is None:
            chain = len(chains)
            chains.append([dash])
        else:
            open_ends[round(centres[chains[chain][-1]][1])].remove(chain)
            chains[chain].append(dash)
        open_ends.setdefault(row, []).append(chain)
    for chain in filter(lambda c: len(c) >= DASHES, chains):
        pitches = np.diff(lefts[chain])
        median = np.median(pitches)
        if np.count_nonzero(np.abs(pitches - median) <= OFF_PITCH * median) < DASHES - 1:
            continue
        top, bottom = int(tops[chain].min()), int(bottoms[chain].max())
        start, stop = int(lefts[chain[0]]), int(rights[chain[-1]])
        side = max(2, round(np.median(bottoms[chain] - tops[chain])))  # a dash's thickness
        beside = (
            ink[max(0, top - 1 - 2 * side) : max(0, top - 1), start:stop],
            ink[bottom + 1 : bottom + 1 + 2 * side, start:stop],
        )
        if all(band.size and np.count_nonzero(band) > BESIDE * band.size for band in beside):
            continue
        for k in np.flatnonzero(pitches <= (1 + OFF_PITCH) * median):  # a speck in a gap parts no gap
            a, b = chain[k], chain[k + 1]
            filled[min(tops[a], tops[b]) : max(bottoms[a], bottoms[b]), lefts[a] : lefts[b] + 1] = 255
        first, last = chain[0], chain[-1]
        before = np.flatnonzero(ink[tops[first] : bottoms[first], max(0, start - pitch) : start].any(axis=0))
        if len(before):
            filled[tops[first] : bottoms[first], max(0, start - pitch) + before[0] : start] = 255
        after = np.flatnonzero(ink[tops[last] : bottoms[last], stop : stop + pitch].any(axis=0))
        if len(after):
            filled[tops[last] : bottoms[last], stop : stop + after[-1] + 1] = 255
    return filled


def _lines(ink: np.ndarray, solid: np.ndarray, close: tuple, keep: tuple, thick: tuple) -> np.ndarray:
    """The rules of one direction in an ink mask: gaps closed along it, runs shorter than a rule dropped,
    and whatever lies in a stroke thicker than a rule (``solid``: the ink closed every way, so the letters
    of a word, dithered or not, are one blob) taken out."""
    import cv2

    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones(close[::-1], np.uint8))
    lines = cv2.morphologyEx(joined, cv2.MORPH_OPEN, np.ones(keep[::-1], np.uint8))
    bulk = cv2.morphologyEx(solid & lines, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    bulk = cv2.morphologyEx(bulk, cv2.MORPH_OPEN, np.ones(thick[::-1], np.uint8))
    if bulk.any():  # but a straight run of ink as long as a rule is a rule, a shading's dots closed up against it
        straight = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones(keep[::-1], np.uint8))
        lines &= ~(cv2.dilate(bulk, np.ones((3, 3), np.uint8)) & ~straight)
        lines = cv2.morphologyEx(lines, cv2.MORPH_OPEN, np.ones(keep[::-1], np.uint8))
    return lines


def _rules(lines: np.ndarray, horizontal: bool, min_length: int, thickest: int) -> list[Rule]:
    import cv2

    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    rules = []
    for x, y, w, h in map(cv2.boundingRect, contours):
        length, thickness = (w, h) if horizontal else (h, w)
        if length >= min_length and thickness <= 3 * thickest:
            rules.append(Rule(horizontal, int(x), int(y), int(x + w - 1), int(y + h - 1)))
    return rules


def _joined(across: list[Rule], down: list[Rule], reach: int, ink: np.ndarray, tall: int) -> list[Rule]:
    """The rules of a table: each meets at least two of the other direction (within ``reach`` pixels; a
    table cut by a page break has no bottom rule, its vertical rules still cross its rows), a vertical one
    meeting only two lines up with another or is ``tall`` pixels long (no letter's stem is: a column's rule down
    rows whose rule between them the scan lost, or down the one row a page break left), and none runs
    from one edge of the paper to the other (of the page's ``ink`` mask) as a scanner's streak does. A long
    stroke made of letters and their marks meets one rule at most. A table ruled only across (a library's or a
    browser's table, a "three-line" one: above and under its head and at its end) meets no vertical rule: on a
    page with none, the horizontal rules are kept when two or more of one span stand one over the other
    (``stacked``), for the reader of open tables (``pdf.open_table_columns``) to part its columns from the
    words. A page has none either when no vertical piece meets its rules as a table's border does, or when those
    that do stand in a shaded cell's dots (``_in_dots``: a browser's shaded head or striped rows, dithered,
    close into short columns of dots). Where vertical rules are found, a rule meeting none of them is the stroke
    of a ruled table the scan broke, not another table (kept, they part the cells of shrunk pages twice)."""
    height, width = ink.shape
    across = [r for r in across if (r.x0 > 0.01 * width or r.x1 < 0.99 * width) and not _shading(r, ink, reach)]
    down = [r for r in down if r.y0 > 0.01 * height or r.y1 < 0.99 * height]
    if not down:
        return stacked(across, reach)
    if not across:
        return []
    kept = _meeting(across + _lost_rows(across, [r for r in down if r.y1 - r.y0 >= tall], reach), down, reach, tall)
    if all(_in_dots(rule, ink, reach) for rule in kept if not rule.horizontal):
        return stacked(across, reach)  # and the rows the shading's columns of dots stopped at were no rows
    return kept


STOPS = 3  # column rules of a table stopping at one height, a row rule between them lost there or not


def _lost_rows(across: list[Rule], down: list[Rule], reach: int) -> list[Rule]:
    """The row rules a scan lost where ``STOPS`` or more vertical rules end at one height (within ``reach``): a
    table's column rules stop only at a row rule (above and under a section row across the table, at the table's
    top and end, at a page break), so the rule is there, however faint the scan left it (a hairline dithered away
    or dropped by a fax). It runs from the first of them to the last, and on to the vertical rules that run past
    that height on either side from a rule across them all, found or drawn (the table's sides, the number's column
    beside a section row; a photo's page edge runs past too, from no rule). A cell merged over
    two rows stops no column rule, and its missing part of the row rule stays missing. ``down`` are the runs long
    enough to be no letter's stem (the stems a closing joined to the rule above a line of text stop at one height
    too, its baseline)."""
    drawn: list[Rule] = []
    for ends in ([(r.y0, r) for r in down], [(r.y1, r) for r in down]):
        ends.sort(key=lambda end: end[0])
        group: list[tuple[int, Rule]] = []
        for end in [*ends, (None, None)]:
            if group and (end[0] is None or end[0] - group[0][0] > 2 * reach):
                rules = [rule for _, rule in group]
                if len({round(r.x0 / reach) for r in rules}) >= STOPS:
                    y = sorted(at for at, _ in group)[len(group) // 2]
                    lo, hi = min(r.x0 for r in rules), max(r.x1 for r in rules)
                    spanning = [a for a in across + drawn if a.x0 <= lo + reach and a.x1 >= hi - reach]
                    past = [  # the table's: starting at one of its rules across (not a photo's page edge)
                        r
                        for r in down
                        if r.y0 < y - reach < y + reach < r.y1
                        and any(a.y0 - reach <= r.y0 <= a.y1 + reach for a in spanning)
                    ]
                    x0 = min(r.x0 for r in rules + past)
                    x1 = max(r.x1 for r in rules + past)
                    if not any(
                        a.y0 - reach <= y <= a.y1 + reach and a.x0 <= x0 + reach and a.x1 >= x1 - reach for a in across
                    ):
                        drawn.append(Rule(True, x0, y, x1, y))
                group = []
            if end[0] is not None:
                group.append(end)
    return drawn


SOLID = 0.8  # share of its length a rule's ink covers along it, at least (a dotted rule's dots, apart, cover less)


def _shading(rule: Rule, ink: np.ndarray, reach: int) -> bool:
    """Whether a horizontal run is a dithered shading's dots that the closing joined into a line (a browser's
    shaded section row, striped rows): its ink covers less than ``SOLID`` of its length along any of its rows, and
    it stands in dots (``_in_dots``). A rule is solid ink along its run, beside a shaded row or not; a dotted rule
    (a dotted border, a hairline a scan dotted) has the paper of its cells on either side. Left in, a shaded row
    stood as four or five rows without text, each with its columns, and the table's columns were cut in pieces."""
    line = ink[rule.y0 : rule.y1 + 1, rule.x0 : rule.x1 + 1]
    return (
        bool(line.size) and np.count_nonzero(line, axis=1).max() < SOLID * line.shape[1] and _in_dots(rule, ink, reach)
    )


DOTS = 0.12  # share of ink beside a run, on a side, over which it stands by dots (a rule has paper there)


def _in_dots(rule: Rule, ink: np.ndarray, reach: int) -> bool:
    """Whether a run stands in or by dotted ink, as a dithered shading's dots closed along a column do,
    or the side of a shaded cell: a band of a few pixels on one of its sides holds ``DOTS`` of ink or more, where
    a table's rule has the paper of its cells (their text keeps off the rule by the cell's padding). A ruled
    table's shaded head has such rules too, but its body's do not, and the page keeps them all."""
    if rule.horizontal:  # its sides are above and under it
        return _in_dots(Rule(False, rule.y0, rule.x0, rule.y1, rule.x1), ink.T, reach)
    top, bottom = rule.y0 + reach, max(rule.y0 + reach + 1, rule.y1 - reach)
    left = ink[top:bottom, max(0, rule.x0 - 1 - 2 * reach) : max(0, rule.x0 - 1)]
    right = ink[top:bottom, rule.x1 + 2 : rule.x1 + 2 + 2 * reach]
    return any(side.size and np.count_nonzero(side) >= DOTS * side.size for side in (left, right))


def _meeting(across: list[Rule], down: list[Rule], reach: int, tall: int) -> list[Rule]:
    """The rules of either direction that meet enough of the other (``_joined``)."""
    a = np.array([(r.x0, r.y0, r.x1, r.y1) for r in across])[:, None, :]
    d = np.array([(r.x0, r.y0, r.x1, r.y1) for r in down])[None, :, :]
    meet = (a[..., 0] - reach <= d[..., 2]) & (d[..., 0] <= a[..., 2] + reach)
    meet &= (a[..., 1] - reach <= d[..., 3]) & (d[..., 1] <= a[..., 3] + reach)
    kept = [r for r, n in zip(across, meet.sum(axis=1), strict=True) if n >= 2]
    crossed = meet.sum(axis=0)
    middles = np.array([(r.x0 + r.x1) / 2 for r in down])
    # a vertical rule across one row only (meeting its two rules) must line up with another piece of
    # rule: a column's border runs on through other rows, a letter's stem in a cell stands alone
    lined_up = (np.abs(middles[:, None] - middles[None, :]) <= reach).sum(axis=1) >= 2
    lined_up |= np.array([r.y1 - r.y0 >= tall for r in down])
    return kept + [r for r, n, lined in zip(down, crossed, lined_up, strict=True) if n >= 3 or (n >= 2 and lined)]


PART = 0.2  # of a table's width: a piece of a rule between its rules this long or longer parts its rows


def stacked(across: list[Rule], reach: int) -> list[Rule]:
    """The horizontal rules that another of the same span (both ends within ``reach`` pixels) stands over or
    under: the rules of a table ruled only across. A rule alone (an underline, a signature's line) is not. Kept
    too, a piece of a rule between two such rules and inside their span, ``PART`` of it long or longer: a rule
    the scan broke where letters touch it or a shaded cell's dots hide it (the reader of open tables parts rows
    there, as at a PDF's rule that stops at a cell merged down)."""
    kept = [
        r for r in across if any(o is not r and abs(o.x0 - r.x0) <= reach and abs(o.x1 - r.x1) <= reach for o in across)
    ]

    def between(piece: Rule) -> bool:
        return any(
            a.x0 - reach <= piece.x0
            and piece.x1 <= a.x1 + reach
            and piece.x1 - piece.x0 >= PART * (a.x1 - a.x0)
            and a.y1 < piece.y0
            and any(abs(b.x0 - a.x0) <= reach and abs(b.x1 - a.x1) <= reach and piece.y1 < b.y0 for b in kept)
            for a in kept
        )

    return kept + [r for r in across if r not in kept and between(r)]


def _speckle(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Where the specks of dust are (a boolean mask): ink with less ink around it, within ``ALONE``, than
    ``SPECKLE``, and not joined to ink that has more (so the far end of a mark over its letter stays: a
    diacritic can be that small, but it sits by its letter). On a page with little dust (``DUSTY``) only
    the dots with nothing within ``FAR`` go: a colon's or a period's dot beside its word stays (a colon
    taken for a period split a target in two). A dot with nothing within ``FAR`` is dust up to ``LONE_DOT``
    whatever ink it holds (``_lone_dots``), and counts among the page's dust."""
    import cv2

    reach = max(2, round(ALONE * dpi))
    dots = (ink > 0).view(np.uint8)
    around = cv2.boxFilter(dots, cv2.CV_16U, (2 * reach + 1,) * 2, normalize=False, borderType=cv2.BORDER_CONSTANT)
    kept = (dots & (around > SPECKLE * dpi * dpi)).view(np.uint8)
    cross = np.ones((3, 3), np.uint8)
    for _ in range(reach):  # grow what is kept along the ink it touches
        kept = cv2.dilate(kept, cross) & dots
    specks = (dots > 0) & (kept == 0)
    far = max(reach + 1, round(FAR * dpi))
    nearby = cv2.boxFilter(dots, cv2.CV_32S, (2 * far + 1,) * 2, normalize=False, borderType=cv2.BORDER_CONSTANT)
    specks |= _lone_dots(dots, nearby, dpi)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(specks.view(np.uint8), connectivity=8)
    if count <= 1:
        return specks
    alone = _alone(labels, stats, nearby, specks)  # a speck whose own ink is all there is within FAR
    if np.count_nonzero(alone) > DUSTY:
        return specks
    return specks & alone[labels]


def _lone_dots(dots: np.ndarray, nearby: np.ndarray, dpi: float) -> np.ndarray:
    """Where the dots of ink up to ``LONE_DOT`` are that have no other ink within ``FAR`` (``nearby``: the ink
    within it of each pixel): dust, however much ink over ``SPECKLE`` it holds. A coarse scan's (150 dpi) dust of
    two by two of its pixels covers more paper than a finer one's, and smoothed back from its dither and enlarged
    for Tesseract it held more ink than ``SPECKLE``: left beside a table's head, Tesseract read it with the names
    and lost the number column's 'STT' (and with it the table)."""
    import cv2

    _, labels, stats, _ = cv2.connectedComponentsWithStats(dots, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= LONE_DOT * dpi * dpi
    small[0] = False
    if not small.any():
        return np.zeros(dots.shape, bool)
    return (small & _alone(labels, stats, nearby, small[labels]))[labels]


def _alone(labels: np.ndarray, stats: np.ndarray, nearby: np.ndarray, where: np.ndarray) -> np.ndarray:
    """Of each piece of ink (``labels``, ``stats``: OpenCV's connected components) with pixels in ``where``, whether
    its own ink is all the ink within ``FAR`` of it (``nearby``); False for the paper."""
    import cv2

    most = np.zeros(len(stats), np.int64)
    np.maximum.at(most, labels[where], nearby[where])
    alone = most <= stats[:, cv2.CC_STAT_AREA]
    alone[0] = False
    return alone
