"""PDF: open tables, ruled only across (PDF libraries, browsers) or only above and under the head and at the end
("three-line"): their columns from where the head and the rows leave a gap, their rows from where the lines
leave a row's gap and the number column starts a row. Returns the rules such a table lacks, for the table finder."""

from __future__ import annotations

import statistics

from importer.readers.pdf.ruled import Ruled, _joined, edge
from importer.readers.pdf.text import Char, PageText, _page_number, _rows, _spell

_SAME_RULE = 2.0  # points: horizontal rules whose ends lie this close span the same table


def open_table_columns(edges: list[dict], text: PageText) -> list[dict]:
    """The vertical rules of a table drawn with horizontal rules only (a library's or a web page's table: a
    rule above and below the head and under every row, none between the columns; a browser draws them cell by
    cell, and the shading of some rows or cells as boxes). Three or more horizontal rules of one width stacked,
    with rows between them that no vertical rule crosses, make such a table; a shorter rule between them parts
    rows too (the rule under a row stops at a cell merged down over the next). A "three-line" table, ruled only
    above and under the head and at its end (booktabs, Word's "Plain Table 2"), has its rows parted where no rule
    parts them (``_parted``), and one the page break cut before its end rule runs on to the page's end
    (``_run_on``); the rules drawn between its rows are returned too. Its columns part where the head row's texts
    leave a gap of half a font's height or more: at a vertical rule a shaded row draws in that gap, else at the
    place within it that the most rows leave free by more than a space between words. A column's rule is drawn
    only down the rows that leave that place free: a row whose text runs over it (a section row across the
    table) stays one merged cell."""
    horizontal = _joined([e for e in edges if e["orientation"] == "h"])
    vertical = [e for e in edges if e["orientation"] == "v"]
    out: list[dict] = []
    done: set[int] = set()
    for i, first in enumerate(horizontal):
        if i in done:
            continue
        x0, x1 = first["x0"], first["x1"]
        group = [
            j
            for j, rule in enumerate(horizontal)
            if abs(rule["x0"] - x0) <= _SAME_RULE and abs(rule["x1"] - x1) <= _SAME_RULE
        ]
        done.update(group)
        top, bottom = horizontal[group[0]]["top"], horizontal[group[-1]]["top"]
        tops: list[float] = []
        for rule in horizontal:
            inside = rule["x0"] >= x0 - _SAME_RULE and rule["x1"] <= x1 + _SAME_RULE
            if inside and top <= rule["top"] <= bottom and rule["x1"] - rule["x0"] >= 0.2 * (x1 - x0):
                if not tops or rule["top"] - tops[-1] > 3:
                    tops.append(rule["top"])
        if len(tops) == 2:
            tops += _run_on(text, x0, x1, tops, horizontal)
        if len(tops) >= 3:
            bottom = tops[-1]
            inner = [v for v in vertical if x0 + 3 < v["x0"] < x1 - 3 and v["bottom"] > top and v["top"] < bottom]
            sides = [v for v in vertical if min(abs(v["x0"] - x0), abs(v["x0"] - x1)) <= 3]
            drawn = [rule["top"] for rule in horizontal]
            for run in _between_grids(tops, inner, sides):
                rows = _parted(text, x0, x1, run)
                columns = _columns(text, x0, x1, rows, inner)
                if columns:  # the rows' rules that are not drawn, with the columns' rules
                    out += columns + [edge("h", x0, x1, y, y) for y in rows if all(abs(y - d) > 1 for d in drawn)]
    return out


def _between_grids(tops: list[float], inner: list[dict], sides: list[dict] = ()) -> list[list[float]]:
    """The runs of ``tops`` (rules of one width stacked) outside the grids among them: two rows or more in a run
    that vertical rules ``inner`` cross (drawn lines, not the sides of shaded cells) are a ruled table of their
    own (two tables stacked on a page, a title between them), not rows of a table ruled only across; so is one
    such row boxed by drawn lines at both ends (``sides``: a table of one row, an area of a single task at the top
    of a page, its area's title or the text after it under it). Runs of fewer than two rows are left out."""
    spans = list(zip(tops, tops[1:], strict=False))
    lines = [v for v in inner if v["object_type"] == "line_edge"]  # not a shaded cell's side
    ruled = [_crossed(lines, top, bottom) for top, bottom in spans]
    ends = [v for v in sides if v["object_type"] == "line_edge"]
    in_grid = [False] * len(spans)
    start = 0
    for end in range(len(spans) + 1):
        if end == len(spans) or not ruled[end]:
            one = end - start == 1 and len({round(v["x0"]) for v in ends if _crossed([v], *spans[start])}) >= 2
            if end - start >= 2 or one:
                in_grid[start:end] = [True] * (end - start)
            start = end + 1
    runs: list[list[float]] = []
    for k, (top, bottom) in enumerate(spans):
        if in_grid[k]:
            continue
        if runs and runs[-1][-1] == top:
            runs[-1].append(bottom)
        else:
            runs.append([top, bottom])
    return [run for run in runs if len(run) >= 3]


def _crossed(lines: list[dict], top: float, bottom: float) -> bool:
    """Whether one of the vertical ``lines`` runs from ``top`` to ``bottom``."""
    return any(v["top"] <= top + 2 and v["bottom"] >= bottom - 2 for v in lines)


_HEAD_LINES = 6  # a table's head holds this many printed lines at most ("Thời / gian / hoàn / thành")
_ROW_GAP = 0.25  # font heights: rows part where two lines lie this much farther apart than a cell's lines


def _run_on(text: PageText, x0: float, x1: float, tops: list[float], horizontal: list[dict]) -> list[float]:
    """The end of an open table that the page break cut before its closing rule (a word processor or a browser
    draws none there), when the page shows only the rules above and under its head and no rule under them: the
    bottom of the last printed line under the head, a page number left out. Nothing when what lies between the
    two rules is no head of three columns or more in a few lines (a shaded box, a page's header and footer)."""
    head = _band(text, x0, x1, tops[0], tops[1])
    if not head or len(_rows(head)) > _HEAD_LINES:
        return []
    if len(_head_gaps(_free(head, x0, x1), x0, x1, statistics.median(c.size for c in head))) < 2:
        return []
    if any(rule["top"] > tops[1] + 3 and rule["x0"] < x1 and rule["x1"] > x0 for rule in horizontal):
        return []
    lines = [row for row in _rows(_band(text, x0, x1, tops[1], 1e9)) if not _page_number("".join(_spell(row)))]
    return [max(c.bottom for c in lines[-1]) + 1] if lines else []


def _parted(text: PageText, x0: float, x1: float, tops: list[float]) -> list[float]:
    """``tops`` (the open table's rules, its head between the first two) with the rows its rules do not part
    parted (a three-line table: rules above and under the head and at the end only). Rows part at a gap across
    the whole table wider than the gap between a cell's lines, where the part below holds text in the first
    column (its number): a cell may print its text centred vertically in its row, so that the number and the
    short cells stand lower than the row's top, and a cell's paragraphs may leave a wider gap between them. When
    every line under the head holds a number of its own in the first column, each line is a row."""
    head = _band(text, x0, x1, tops[0], tops[1])
    if not head:
        return tops
    size = statistics.median(c.size for c in head)
    bands = [_band(text, x0, x1, top, bottom) for top, bottom in zip(tops[1:], tops[2:], strict=False)]
    gaps = _head_gaps(_free(head, x0, x1), x0, x1, size)
    body = [c for band in bands for c in band]
    pitch = _line_pitch(_rows(head + body, reach=1), text.scanned)  # a head's cells wrap as the rows' do
    if not gaps or pitch is None or not body:
        return tops
    first = _freest(*gaps[0], _open([_free(band, x0, x1) for band in bands], size))  # the number column's end
    gap = pitch + _ROW_GAP * statistics.median(c.size for c in body)
    lines = [_rows(band, reach=1) for band in bands]
    printed = [_rows(band) for band in bands]  # a scan's cells of one printed line stand a point or so apart
    if all(_numbered(line, first) for band in printed for line in band):
        gap, lines = 0.0, printed  # every row a single line: no wrapped line tells a cell's lines from the rows
    elif text.scanned and any(_rows_a_line_apart(band, first, gap) for band in lines):
        gap, first = pitch / 2, x1  # each printed line a row, whether OCR read its number or not
    out = tops[:2]
    for band, bottom in zip(lines, tops[2:], strict=True):
        out += _row_tops(band, first, gap) + [bottom]
    return out


_NUMBER_CHARS = 4  # a number column's cell on one line: '1', '12', 'II', '1.2', 'a)'


def _left_of(line: list[Char], first: float) -> list[Char]:
    """The characters of a printed line left of ``first`` (the number column's end), spaces left out."""
    return [c for c in line if (c.x0 + c.x1) / 2 < first and c.text.strip()]


def _numbered(line: list[Char], first: float) -> bool:
    """A printed line that holds a short text of its own left of ``first``: the number of a row, its words ending
    short of ``first``. A scan's narrow number column ('TT' over '1', 'IV') may leave the number column's end
    (the middle of the head's gap after 'TT') in the next column: a wrapped line's first letters there, their
    words running on past it, are no number (each wrapped line of a task was taken for a row of its own)."""
    return 0 < len(_left_of(line, first)) <= _NUMBER_CHARS and _covered(line)[0][1] < first


def _rows_a_line_apart(lines: list[list[Char]], first: float, gap: float) -> bool:
    """Whether two rows numbered one after the other ('3', '4'), each number on a line of its own left of
    ``first``, stand no farther apart than ``gap``, the distance between two lines at which rows part: then the
    rows are no farther apart than a cell's lines, no cell wraps, every row is one line. On a scan OCR may lose a
    lone number, a thin '1' read '{', a '2' in specks read as one: the rows whose number it read tell it."""
    numbers = [(line[0].base, _number(line, first)) for line in lines if _numbered(line, first)]
    return any(
        below - above <= gap and a.isdigit() and b.isdigit() and int(b) == int(a) + 1
        for (above, a), (below, b) in zip(numbers, numbers[1:], strict=False)
    )


def _number(line: list[Char], first: float) -> str:
    """The text of a printed line left of ``first`` (a row's number), without the period after it."""
    return "".join(c.text for c in sorted(_left_of(line, first), key=lambda c: c.x0)).strip().rstrip(".")


_PITCH_JITTER = 1.0  # points: how far OCR's baselines of one cell's evenly spaced lines stray from their pitch


def _line_pitch(lines: list[list[Char]], scanned: bool = False) -> float | None:
    """The distance between a cell's lines: the shortest from a printed line's baseline to that of the next line
    printed under it (their letters overlap across), whatever is printed beside them. On a scan (``scanned``)
    the shortest that two more pairs repeat (within ``_PITCH_JITTER``) and no shorter than the letters are tall:
    a line OCR parted in two at the heights of the cells beside it, or misread dust between two lines, stands
    nearer than any line of a cell, and only once."""
    spans = [_covered(line) for line in lines]
    pitches = []
    for i, line in enumerate(lines):
        under = next((j for j in range(i + 1, len(lines)) if _overlap(spans[i], spans[j])), None)
        if under is not None:
            pitches.append(lines[under][0].base - line[0].base)
    if scanned and pitches:
        size = statistics.median(c.size for line in lines for c in line)
        repeated = [p for p in pitches if p >= size and sum(abs(q - p) <= _PITCH_JITTER for q in pitches) >= 3]
        return min(repeated, default=min(pitches))
    return min(pitches, default=None)


def _covered(line: list[Char]) -> list[tuple[float, float]]:
    """The stretches across that a printed line's letters cover, words a space apart joined (not the texts of
    two cells side by side: their padding parts them by more)."""
    out: list[tuple[float, float]] = []
    for char in sorted(line, key=lambda c: c.x0):
        if out and char.x0 - out[-1][1] <= char.size / 2:
            out[-1] = (out[-1][0], max(out[-1][1], char.x1))
        else:
            out.append((char.x0, char.x1))
    return out


def _overlap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return any(p < y and x < q for p, q in a for x, y in b)


def _row_tops(lines: list[list[Char]], first: float, gap: float) -> list[float]:
    """Where the rows of one band of an open table start (``lines`` by baseline, whatever their cells): between
    two lines whose baselines lie more than ``gap`` apart (inside a row, a line of one cell or another comes at
    least every line's distance), when the part under them (down to the next such gap) holds text left of
    ``first``; a part without is the row above's (the next paragraph of a cell)."""
    parts: list[tuple[float | None, bool]] = []  # (where it starts, whether it holds first-column text)
    for above, line in zip([None, *lines], lines, strict=False):
        if above is None or line[0].base - above[0].base > gap:
            start = None if above is None else (max(c.bottom for c in above) + min(c.top for c in line)) / 2
            parts.append((start, False))
        if any((c.x0 + c.x1) / 2 < first for c in line):
            parts[-1] = (parts[-1][0], True)
    return [start for start, numbered in parts[1:] if numbered]


def _band(text: PageText, x0: float, x1: float, top: float, bottom: float) -> list[Char]:
    """The characters of ``text`` inside a box (points from the page's top left), by their middle down and
    across: a scanned word's letters share out its box (``ocr._letters``), which a speck Tesseract took into the
    word widens past the rules' ends (a row's number '5' at the table's left edge was left out, and with it the
    row)."""
    return [c for c in text.chars if top < c.middle < bottom and x0 <= (c.x0 + c.x1) / 2 <= x1]


def _head_gaps(
    free: list[tuple[float, float]], x0: float, x1: float, size: float, under: list[list[Char]] = ()
) -> list[tuple[float, float]]:
    """The gaps between a head's texts where columns part: half a font's height wide or more (two spaces between
    the words of one head; a browser's cells may leave no more than their padding), not the margin inside the
    table's ends. Past the first (the number column's), a gap that the printed lines under the head (``under``)
    run across is a wide space between the words of one column's name, no column's end (``_run_across``)."""
    gaps = [(start, end) for start, end in free if end - start >= size / 2 and start > x0 and end < x1]
    if not gaps:
        return gaps
    body = [spans for spans in map(_covered, under) if not _across(spans, gaps[0])]
    return gaps[:1] + [gap for gap in gaps[1:] if not _run_across(gap, body, size)]


def _across(spans: list[tuple[float, float]], gap: tuple[float, float]) -> bool:
    """Whether a printed line's texts (``_covered``) run across a gap from its one side to the other."""
    return any(a <= gap[0] and gap[1] <= b for a, b in spans)


_NAME_SPACE_LINES = 3  # printed lines beside a gap of a head: this many at least tell whether the body crosses it


def _run_across(gap: tuple[float, float], body: list[list[tuple[float, float]]], size: float) -> bool:
    """Whether half or more of the body's printed lines that hold text beside ``gap`` (within a font's height of
    it) run across it: a column's cells wrap short of its end, a cell's lines run across a space between its
    name's words (a scan's head centred in its cell, read with its words a wide space apart: 'công   việc')."""
    beside = [spans for spans in body if any(a < gap[1] + size and b > gap[0] - size for a, b in spans)]
    across = [spans for spans in beside if _across(spans, gap)]
    return len(beside) >= _NAME_SPACE_LINES and 2 * len(across) >= len(beside)


def _open(free: list[list[tuple[float, float]]], size: float) -> list[list[tuple[float, float]]]:
    """Each row's free stretches wider than a space between words."""
    return [[(a, b) for a, b in row if b - a >= size / 2] for row in free]


def _columns(
    text: PageText, x0: float, x1: float, tops: list[float], inner: list[dict], gaps: list | None = None
) -> list[dict]:
    """The vertical rules of one open table between ``x0`` and ``x1`` whose rows lie between ``tops``; ``inner``
    are the vertical rules drawn inside it. Its columns part within ``gaps`` (start, end across), by default
    those its head, the first row, leaves; given, every row is the body's (a table's part that the page break
    cut off its head)."""
    spans = list(zip(tops, tops[1:], strict=False))
    drawn = [[v["x0"] for v in inner if v["top"] <= top + 2 and v["bottom"] >= bottom - 2] for top, bottom in spans]
    if all(drawn):
        return []  # every row ruled down: a grid, whose rules are all there
    bands = [_band(text, x0, x1, top, bottom) for top, bottom in spans]
    if not bands[0]:
        return []
    size = statistics.median(c.size for c in bands[0])
    free = [_free(band, x0, x1) for band in bands]
    rules = [edge("v", x, x, tops[0], tops[-1]) for x in (x0, x1)]
    body = free[1:] if gaps is None else free
    under = [line for band in bands[1:] for line in _rows(band)]
    for start, end in _head_gaps(free[0], x0, x1, size, under) if gaps is None else gaps:
        shaded = [x for row in drawn for x in row if start < x < end]
        x = statistics.median(shaded) if shaded else _freest(start, end, _open(body, size))
        for (top, bottom), row, lines in zip(spans, free, drawn, strict=True):
            if not any(abs(x - line) <= _SAME_RULE for line in lines) and any(a <= x <= b for a, b in row):
                rules.append(edge("v", x, x, top, bottom))
    return rules if len(rules) > 2 else []


def _free(chars: list[Char], x0: float, x1: float) -> list[tuple[float, float]]:
    """The stretches between ``x0`` and ``x1`` that no character of a row covers."""
    out, at = [], x0
    for char in sorted(chars, key=lambda c: c.x0):
        if char.x0 > at:
            out.append((at, char.x0))
        at = max(at, char.x1)
    return out + ([(at, x1)] if x1 > at else [])


def _freest(start: float, end: float, rows: list[list[tuple[float, float]]]) -> float:
    """The middle of the widest stretch of ``start``–``end`` that the most ``rows`` leave free."""
    cuts = sorted({start, end} | {x for row in rows for a, b in row for x in (a, b) if start < x < end})
    best: tuple[int, float, float] = (-1, 0.0, start)
    run_count, run_start = -1, start
    for a, b in zip(cuts, cuts[1:], strict=False):
        count = sum(any(p <= a and b <= q for p, q in row) for row in rows)
        if count != run_count:
            run_count, run_start = count, a
        best = max(best, (count, b - run_start, (run_start + b) / 2))
    return best[2]


NUMBER_WIDTH = 15 / 25.4 * 72  # points: a number column is narrower than this ('TT', 'STT')
_ROW_PADDING = 0.5  # font heights of paper at least between the rows a lost rule parted, across the whole row
# (more than the leading between a cell's lines)


def lost_row_rules(tables: list[Ruled], text: PageText, edges: list[dict]) -> list[dict]:
    """The row rules a scan lost between two tasks of a ruled table (a hairline dithered away or dropped by a
    fax, while the column rules still stand): the table finder made one row of the two, and its cells held both
    tasks' texts. Where the number column's cell (at the table's left side, narrower than ``NUMBER_WIDTH``) holds
    two numbers one after the other ('1', '2'; the first may be one OCR read as marks, '?') on lines of their own,
    a rule is drawn across the table at the widest band of paper between them that no character of the row crosses
    (``_ROW_PADDING`` wide at least), or at the height of a horizontal rule (of ``edges``, the page's) drawn there
    over part of the row. A lead merged over the two tasks for real and printed across that band keeps the row
    one: no band is free."""
    out: list[dict] = []
    for table in tables:
        x0, _, x1, _ = table.bbox
        for left, top, right, bottom in table.cells:
            if abs(left - x0) > 2 or right - left > NUMBER_WIDTH:
                continue
            lines = _rows(sorted(_band(text, left, right, top, bottom), key=lambda c: c.base))
            numbers = [(line, _number(line, right)) for line in lines if _numbered(line, right)]
            for (above, a), (below, b) in zip(numbers, numbers[1:], strict=False):
                misread = not any(ch.isalnum() for ch in a)  # a number OCR read as marks ('?' for 7, '{' for 1)
                if not (b.isdigit() and (misread or a.isdigit() and int(b) == int(a) + 1)):
                    continue
                start, end = max(c.bottom for c in above), min(c.top for c in below)
                row = [c for c in _band(text, x0, x1, top, bottom) if c.text.strip()]
                drawn = [
                    e["top"]
                    for e in edges
                    if e["orientation"] == "h" and start < e["top"] < end and e["x0"] < x1 and e["x1"] > x0
                ]
                size = statistics.median(c.size for c in row)
                free = drawn[0] if drawn else _free_band(row, start, end, _ROW_PADDING * size)
                if free:
                    out.append(edge("h", x0, x1, free, free))
    return out


def _free_band(chars: list[Char], start: float, end: float, least: float) -> float | None:
    """The middle of the widest band between ``start`` and ``end`` (points down) that none of ``chars`` crosses
    from its top to its bottom, ``least`` points wide or more; None when there is none."""
    covered = sorted((max(start, c.top), min(end, c.bottom)) for c in chars if c.bottom > start and c.top < end)
    best, at = None, start
    for top, bottom in [*covered, (end, end)]:
        if top - at >= least and (best is None or top - at > best[1] - best[0]):
            best = (at, top)
        at = max(at, bottom)
    return None if best is None else (best[0] + best[1]) / 2
