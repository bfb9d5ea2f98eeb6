"""PDF: tables printed without any rule (a Word table with its borders set to none, a web page's table without
borders, a LibreOffice table "no borders"), whose cells come as texts side by side.

Such a table is known by its head: a catalogue's column names ("TT | Nội dung | Chủ trì | Phối hợp | Thời gian |
Sản phẩm") standing side by side on one band, gaps between them, over one to a few printed lines. Its body is
every printed line under the head that fits its columns: texts that cross no gap of the head, a row number in
the first column, or a section row (a numeral, then its title across the other columns); it ends at the first
line that does not fit (a paragraph or a part heading across the number column) or the page's end. The rules
such a table would have as a "three-line" table (above and under its head, at its end) are returned, so that the
reader of open tables (``open_tables.open_table_columns``) parts its rows and columns. A table the page's end cut goes
on on the next page when that page's first lines fit its columns, its head printed again or not.
"""

from __future__ import annotations

import re
import statistics
from typing import NamedTuple

from importer.markers import ROW_NUMBER, misread_number, ocr_roman
from importer.readers.pdf.open_tables import (
    _ROW_GAP,
    _across,
    _band,
    _columns,
    _covered,
    _free,
    _freest,
    _head_gaps,
    _line_pitch,
    _open,
    _row_tops,
)
from importer.readers.pdf.ruled import edge
from importer.readers.pdf.text import Char, PageText, _page_number, _rows, _spell
from importer.table_lines import NUMBER_CUE, is_header_line, names_header
from importer.text import fold

_HEAD_PITCH = (
    2.2  # font heights (a box's, about 0.7 of the font's size): a head's lines lie this close, baseline to baseline
)
_NUMBER_REACH = 8  # printed lines: a row's number stands this far under a section row at most (cells centred)
_BODY_GAP = 4.0  # font heights: a wider gap between two lines, baseline to baseline, ends a table


class Columns(NamedTuple):
    """The columns of a table printed without rules that the page's end cut: the gaps its head leaves (start,
    end across), its sides and its font's height, for the next page's lines to go on in."""

    gaps: tuple[tuple[float, float], ...]
    x0: float
    x1: float
    size: float


def unruled_rules(
    text: PageText, edges: list[dict] = (), above: Columns | None = None
) -> tuple[list[dict], Columns | None]:
    """The rules of each table on the page printed without rules (see the module): one above its head, one
    under it and one under its last line, and the columns of the last one when it runs to the page's end. A
    head that the page's drawn ``edges`` rule already (a ruled table) is left to them. The page's first lines
    that fit the columns ``above`` of the previous page's table (the page break cut it, and its head is not
    printed again) go on with that table: its rows and columns are returned ruled."""
    lines = _rows(text.chars)
    out: list[dict] = []
    at = next((k for k, line in enumerate(lines) if not _page_number(_text(line))), len(lines))
    cut: Columns | None = None
    if above is not None and at < len(lines) and _table_at(lines, at) is None:
        end = _body_end(lines, at, above, at)
        if any(_numbered(line, above.gaps[0]) for line in lines[at:end]):
            out += _run_on(text, lines, at, end, above)
            cut, at = (above if _ends_page(lines, end) else None), end
    while at < len(lines):
        found = _table_at(lines, at)
        if found is None:
            at += 1
            continue
        (first, head_end, end), columns = found
        chars = [c for line in lines[first:end] for c in line]
        x0, x1 = min(c.x0 for c in chars) - 2, max(c.x1 for c in chars) + 2
        tops = [
            _between(lines[first - 1] if first else None, lines[first]),
            _between(lines[head_end - 1], lines[head_end]),
            _between(lines[end - 1], lines[end] if end < len(lines) else None),
        ]
        if not _ruled(edges, x0, x1, tops[0], tops[-1]):
            out += [edge("h", x0, x1, y, y) for y in tops]
            cut = columns._replace(x0=x0, x1=x1) if _ends_page(lines, end) else None
        at = end
    return out, cut


def _table_at(lines: list[list[Char]], at: int) -> tuple[tuple[int, int, int], Columns] | None:
    """The table whose head starts at line ``at`` or holds it: the index of its head's first line, of its body's
    first line and of the first line after it, and its columns; None when no such table is there."""
    size = statistics.median(c.size for c in lines[at])
    beside = [lines[k] for k in (at - 1, at + 1) if 0 <= k < len(lines) and _near(lines[k], lines[at], size)]
    if len(_covered(lines[at])) < 2 or not any(_names_columns(lines[at], line) for line in [[], *beside]):
        return None
    first, head_end = at, at + 1
    while first > 0 and _head_line(lines[first - 1], lines[first], size):
        first -= 1
    while head_end < len(lines) and _head_line(lines[head_end], lines[head_end - 1], size):
        head_end += 1
    head = [c for line in lines[first:head_end] for c in line]
    x0, x1 = min(c.x0 for c in head) - 1, max(c.x1 for c in head) + 1
    gaps = _head_gaps(_free(head, x0, x1), x0, x1, size, _under(lines, head_end, size))
    starts, ends = [x0] + [end for _, end in gaps], [start for start, _ in gaps] + [x1]
    names = [fold(_text(head, span)) for span in zip(starts, ends, strict=True)]  # a name wrapped joined
    squeezed = " ".join(name.replace(" ", "") for name in names)  # a space OCR moved: 'don vich u tri'
    if len(gaps) < 3 or not _names_number(names[0]) or not (names_header(" ".join(names)) or names_header(squeezed)):
        return None
    columns = Columns(tuple(gaps), x0, x1, size)
    end = _body_end(lines, head_end, columns, head_end - 1)
    rows = [line for line in lines[head_end:end] if _numbered(line, gaps[0]) or _section_row(line, gaps[0])]
    return ((first, head_end, end), columns) if len(rows) >= 2 else None


def _under(lines: list[list[Char]], at: int, size: float) -> list[list[Char]]:
    """The printed lines from ``at`` (under a head) down to the first gap between two lines that ends a table."""
    end = at + 1
    while end < len(lines) and lines[end][0].base - lines[end - 1][0].base <= _BODY_GAP * size:
        end += 1
    return lines[at:end]


def _names_number(name: str) -> bool:
    """Whether a head's first name (folded) is the number column's: 'TT', 'STT', 'ST' over 'T', 'ST.' over 'T'
    as a scan reads it; or a name of four letters at most that names no column, the number's as OCR misread it
    ('ĐỀ.' over 'T'; the rows under it must be numbered all the same)."""
    letters = re.sub(r"[^a-z]", "", name)
    if re.search(NUMBER_CUE, name) or re.search(NUMBER_CUE, letters):
        return True
    return len(letters) <= 4 and not is_header_line(name)


def _body_end(lines: list[list[Char]], at: int, columns: Columns, last: int) -> int:
    """The index of the first line from ``at`` on that is not a line of the table of ``columns`` whose last line
    so far is ``last`` (its head's, or none yet: ``at``)."""
    end = at
    while end < len(lines):
        if end > last and lines[end][0].base - lines[end - 1][0].base > _BODY_GAP * columns.size:
            break
        if _fits(lines, end, columns):
            end += 1
        elif mixed := _mixed(lines, end, columns):
            end += mixed
        else:
            break
    return end


_MIXED_LINES = 2  # printed lines: a scan's lines of cells side by side read as one run this many in a row at most


def _mixed(lines: list[list[Char]], at: int, columns: Columns) -> int:
    """How many printed lines from ``at`` on that cross the table's gaps are its cells' lines all the same, read
    one across the others (a scan's cells centred from top to bottom, their lines at heights between those of
    the cells beside them, which Tesseract reads as one line of mixed words, a row's number misread among them):
    lines (a few at most) across a gap between two columns but not across the number column, each within a
    head's line distance of the one before, followed by a line of the table that is not across its number
    column. 0 when the lines from ``at`` are not such (a paragraph under the table, its first line indented,
    goes on from the page's margin; a row whose number alone OCR misread is no line of cells read as one)."""
    number = columns.gaps[0]
    for end in range(at + 1, min(at + _MIXED_LINES, len(lines) - 1) + 1):
        line = lines[end - 1]
        crossing = any(_across(_covered(line), gap) for gap in columns.gaps[1:])
        if not crossing or _section_row(line, number) or (end >= 2 and not _near(line, lines[end - 2], columns.size)):
            return 0
        if _fits(lines, end, columns) and not _section_row(lines[end], number):
            return end - at
    return 0


def _ends_page(lines: list[list[Char]], end: int) -> bool:
    """Whether nothing but a page number follows line ``end`` on the page."""
    return all(_page_number(_text(line)) for line in lines[end:])


def _run_on(text: PageText, lines: list[list[Char]], at: int, end: int, columns: Columns) -> list[dict]:
    """The rules of the part of a table without rules that the page break cut off its head, lines ``at`` to
    ``end``: across above and under it and between its rows (where its number column starts a row, as in a
    three-line table), and down between its columns, in the gaps of its head on the page before."""
    top = _between(lines[at - 1] if at else None, lines[at])
    bottom = _between(lines[end - 1], lines[end] if end < len(lines) else None)
    x0, x1 = columns.x0, columns.x1
    rows = _rows(_band(text, x0, x1, top, bottom), reach=1)
    pitch = _line_pitch(rows, text.scanned)
    if pitch is None:
        return []
    first = _freest(*columns.gaps[0], _open([_free(row, x0, x1) for row in rows], columns.size))
    tops = [top, *_row_tops(rows, first, pitch + _ROW_GAP * columns.size), bottom]
    return [edge("h", x0, x1, y, y) for y in tops] + _columns(text, x0, x1, tops, [], list(columns.gaps))


def _head_line(line: list[Char], beside: list[Char], size: float) -> bool:
    """Whether ``line``, printed next to a line of the head (``beside``), is a line of the head too: close to it,
    each of its texts a column's name (the part of a name wrapped, or a name of a cell centred in the head)."""
    return _near(line, beside, size) and _names_columns(line, beside)


def _near(line: list[Char], beside: list[Char], size: float) -> bool:
    """Whether two printed lines lie as close as a head's lines, baseline to baseline."""
    return abs(line[0].base - beside[0].base) <= _HEAD_PITCH * size


_NAMED = 4  # texts of a head's line that name columns, beside one misread past knowing


def _names_columns(line: list[Char], beside: list[Char] = ()) -> bool:
    """Whether each text of a printed line is made of the words a table's head names its columns with, or is a
    piece of one that a narrow column wrapped ('ST' over 'T'); of a scan's head, where a word of a name centred
    from top to bottom beside the others is read with a line it does not stand on, a third of its texts may be
    such a misread piece, the others naming at least two columns: of three signs at most ('MNg', 'v4', '6'), or
    of any length under or over a name read on the head's line ``beside`` (a name's lines that Tesseract read
    cut and mixed: 'LOUNB', 'cpng' under 'Nội dung công việc', the right page's head of a two-up sheet); or one
    name misread past knowing ('qậy dung' for 'Nội dung', dust beside it), the others naming ``_NAMED`` columns."""
    spans = _covered(line)
    texts = [_text(line, span) for span in spans]
    names = [span for span in _covered(beside) if is_header_line(_text(beside, span))]
    named = sum(1 for text in texts if is_header_line(text))
    misread = [
        (t, (a, b))
        for t, (a, b) in zip(texts, spans, strict=True)
        if not is_header_line(t) and not (t.isalpha() and len(t) <= 2)
    ]
    if len(misread) == 1 and named >= _NAMED:
        return True
    pieces = all(len(t) <= 3 or any(a < y and x < b for x, y in names) for t, (a, b) in misread)
    return pieces and (not misread or (named >= 2 and 3 * len(misread) <= len(texts)))


def _fits(lines: list[list[Char]], at: int, columns: Columns) -> bool:
    """Whether line ``at`` is a line of the table whose head leaves ``gaps``: either its texts cross no gap of
    the head but after a row number, or it is a section row printed across the number column (a numeral and its
    title) with a numbered row under it. A page number (out of the number column) is not."""
    gaps = list(columns.gaps)
    line = _in_columns(lines[at], columns)
    if not line:  # a speck in the margin, read as a letter
        return True
    if _page_number(_text(line)) and not _numbered(line, gaps[0]):  # a row's number alone is no page number
        return False
    spans = _covered(line)
    start = _text(line, spans[0]).split()[0]
    numbered = bool(ROW_NUMBER.match(start.rstrip(".")) or ocr_roman(start))  # 'HI': III as OCR reads it
    if _section_row(line, gaps[0]):
        return numbered and _numbered_under(lines, at, gaps[0])
    if spans[0][0] < gaps[0][0] and not numbered and not _misread_numeral(lines, at, start, gaps[0]):
        return False
    rest = spans[1:] if spans[0][0] < gaps[0][0] else spans
    across = [s for s in rest if any(s[0] <= a and b <= s[1] for a, b in gaps)]
    return not across or (rest is not spans and len(rest) == 1)  # a section row's title across the columns


def _section_row(line: list[Char], number: tuple[float, float]) -> bool:
    """Whether a printed line's first text runs across the number column's end (``number``, the head's gap after
    it): in a table's body, a section row's numeral and title; two of its rows, numbered or sections, tell a
    table even when OCR lost all but one row's number in a scan's lines of cells side by side read as one."""
    span = _covered(line)[0]
    return span[0] < number[0] and span[1] > number[1]


def _in_columns(line: list[Char], columns: Columns) -> list[Char]:
    """The characters of a printed line but those of texts standing wholly outside the table's head, a font's height
    away at least: dust in the page's margin read as a letter ('r' left of a scanned table's number column ended the
    table there, and every row under it was lost); a paragraph after the table starts where the table does."""
    outside = [
        span for span in _covered(line) if span[1] < columns.x0 - columns.size or span[0] > columns.x1 + columns.size
    ]
    return [c for c in line if not any(a <= (c.x0 + c.x1) / 2 <= b for a, b in outside)]


def _misread_numeral(lines: list[list[Char]], at: int, start: str, number: tuple[float, float]) -> bool:
    """Whether line ``at`` starts with a row's or a section row's number that OCR misread (``markers.misread_number``:
    '1Đ'; 'WH', 'HE:' for a bold 'II'), alone in the number column (a paragraph after the table runs on across the
    number column's gap): a row's with a figure in it, a section row's with a row's number under it."""
    return misread_number(start, figure=True) or (misread_number(start) and _numbered_under(lines, at, number))


def _numbered_under(lines: list[list[Char]], at: int, number: tuple[float, float]) -> bool:
    """Whether a row number follows line ``at`` before a line that starts in the number column with something
    else (a paragraph, another section row), a few lines down at most: a row's number may be printed level with
    the middle of its cells."""
    for line in lines[at + 1 : at + 1 + _NUMBER_REACH]:
        if _numbered(line, number) or _numbered(line, number, misread=True):
            return True
        if _covered(line)[0][0] < number[0]:
            return False
    return False


def _numbered(line: list[Char], number: tuple[float, float], misread: bool = False) -> bool:
    """Whether a line holds a row number in the number column (left of where the head's number name ends); with
    ``misread``, one OCR misread that has a figure in it ('1Đ': a speck beside the 1 read as a letter)."""
    span = _covered(line)[0]
    if not (span[0] < number[0] and span[1] <= number[1]):
        return False
    text = _text(line, span)
    return misread_number(text, figure=True) if misread else bool(ROW_NUMBER.match(text))


def _text(chars: list[Char], span: tuple[float, float] = (-1e9, 1e9)) -> str:
    """The text of the characters of one printed line (or of a head's lines) within ``span`` across."""
    inside = sorted((c for c in chars if span[0] <= (c.x0 + c.x1) / 2 <= span[1]), key=lambda c: c.base)
    return " ".join(" ".join(_spell(row)) for row in _rows(inside))


def _between(above: list[Char] | None, below: list[Char] | None) -> float:
    """Where a rule between two printed lines would stand: midway between them, or just clear of the one."""
    if above is None:
        return min(c.top for c in below) - 2
    if below is None:
        return max(c.bottom for c in above) + 2
    return (max(c.bottom for c in above) + min(c.top for c in below)) / 2


def _ruled(edges: list[dict], x0: float, x1: float, top: float, bottom: float) -> bool:
    """Whether drawn rules cross the box: a ruled table's own rules."""
    return any(e["x0"] < x1 and e["x1"] > x0 and e["top"] < bottom and e["bottom"] > top for e in edges)
