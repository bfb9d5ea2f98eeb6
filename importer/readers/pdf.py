"""PDF: the text layer read by pdfium character by character, tables by pdfplumber's table finder.

Each character is placed where it is printed (its box and baseline), so lines read in reading order
whatever order the producer wrote them in (a Word plan printed with a font that lacks some Vietnamese
letters writes each line font by font), inside table cells too; spaces come from the gaps between
characters, and two texts far apart on one line (a header's two columns) are two lines. Tables are
taken from the PDF's ruling lines (a Word table printed to PDF keeps its borders; a table ruled only
across, as PDF libraries draw them, gets its columns from where its head and rows leave a gap, and a
"three-line" table, ruled only above and under its head and at its end, its rows from where the lines
across it leave a row's gap and its number column starts a row; a table printed with no rules at all, as if
ruled so, from its head's column names side by side: ``pdf_unruled``); the text
outside them comes as one block per printed line. Blocks and tables keep the order they have on the page, top
to bottom. A table that runs on over a page break gives one ``Table`` per page (the tasks stage joins
them): a rule the page break left out is drawn again, and a merged cell cut by the break keeps its text
on the next page. Cell text joins the cell's printed lines with spaces. Pages without text, and pages
whose text layer cannot be read (legacy TCVN3/VNI fonts, glyphs without Unicode), go to OCR; the
result names the latter.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import statistics
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from importer.errors import UnreadableDocument
from importer.model import Block, Document, Location, Problem, Table
from importer.readers.table_head import join_head
from importer.text import lone_letters

if TYPE_CHECKING:
    from importer.pipeline import Limits
    from importer.readers.pdf_unruled import Columns

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
MIN_PAGE_CHARS = 20  # a page with fewer printable characters than this is treated as scanned


def read_pdf(path: Path, limits: Limits, progress: Callable[[int, int], None] | None = None) -> Document:
    import pypdfium2 as pdfium

    from importer.readers.pdf_unruled import unruled_rules  # it reads pages with this module's helpers

    pdf = open_pdf(path)
    per_page: dict[int, list[tuple[float, Block | Table]]] = {}
    scanned: list[int] = []  # pages without a text layer
    unusable: list[int] = []  # pages whose text layer cannot be read as Vietnamese: read by OCR too
    try:
        pages = len(pdf)
        if pages == 0:
            raise UnreadableDocument(f"Tệp PDF “{path.name}” không có trang nào. Hãy xuất lại tệp PDF từ bản gốc.")
        if pages > limits.max_pages:
            raise UnreadableDocument(
                f"Tệp PDF “{path.name}” có {pages} trang, vượt giới hạn {limits.max_pages} trang. "
                "Hãy tách phần kế hoạch ra tệp riêng hoặc tăng giới hạn (--max-pages)."
            )
        carry: tuple[str, ...] | None = None  # the last row of a table the page break cut, for the next page
        columns: Columns | None = None  # the columns of a table without rules the page break cut, likewise
        for index in range(pages):
            page = pdf[index]
            text = PageText.of(page)
            if text.printed < MIN_PAGE_CHARS:
                scanned.append(index)
                carry, columns = None, None
            elif text.unusable():
                unusable.append(index)
                carry, columns = None, None
            elif _has_rules(page) or unruled_rules(text, (), columns)[0]:
                per_page[index], carry, columns = read_ruled_page(page, text, index + 1, carry, columns)
            else:
                per_page[index] = [(0.0, Block(line, Location(page=index + 1))) for line in text.lines()]
                carry, columns = None, None
    except (pdfium.PdfiumError, ValueError, KeyError) as exc:
        raise UnreadableDocument(
            f"Tệp PDF “{path.name}” bị hỏng, không đọc được nội dung ({type(exc).__name__}). "
            "Hãy mở bằng trình đọc PDF, in hoặc xuất lại ra PDF rồi thử lại."
        ) from exc
    finally:
        pdf.close()

    problems: tuple[Problem, ...] = tuple(unusable_problem(index + 1) for index in unusable)
    if scanned or unusable:
        from importer.readers.ocr import ocr_problem, recognise

        per_page.update(recognise(path, "pdf", sorted(scanned + unusable), limits, progress))
        problems += (ocr_problem(len(scanned) + len(unusable), pages),)
    return Document(items=in_page_order(per_page), source=path.name, pages=pages, problems=problems)


def unusable_problem(page: int) -> Problem:
    return Problem(
        "pdf_text_unusable",
        f"Trang {page}: lớp chữ của PDF không đọc được (phông chữ cũ TCVN3/VNI hoặc chữ không có mã Unicode), "
        "nên trang được nhận dạng từ ảnh (OCR); hãy đối chiếu kỹ trang này với bản gốc.",
        Location(page=page),
    )


def in_page_order(per_page: dict[int, list[tuple[float, Block | Table]]]) -> tuple[Block | Table, ...]:
    """The items of every page (0-based index -> items), pages in order, tables numbered through the document."""
    items: list[Block | Table] = []
    table_count = 0
    for index in sorted(per_page):
        for _, item in per_page[index]:
            if isinstance(item, Table):
                item = Table(rows=item.rows, location=Location(page=index + 1, table=table_count))
                table_count += 1
            items.append(item)
    return tuple(items)


def open_pdf(path: Path):
    """The PDF opened by pdfium; a protected or broken file is refused with a message."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableDocument(
                f"Tệp PDF “{path.name}” có mật khẩu nên không đọc được. "
                "Hãy gỡ mật khẩu (mở bằng trình đọc PDF rồi in hoặc lưu lại không mật khẩu) và thử lại."
            ) from exc
        raise UnreadableDocument(
            f"Tệp PDF “{path.name}” bị hỏng, không mở được. Hãy xuất lại tệp PDF từ bản gốc rồi thử lại."
        ) from exc


def _has_rules(page) -> bool:
    """At least two ruling lines (thin paths at least 2 cm long) or one drawn grid."""
    import pypdfium2.raw as pdfium_c

    rules = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if (min(width, height) <= 3 and max(width, height) >= 56) or (width >= 56 and height >= 28):
            rules += 1
            if rules >= 2:
                return True
    return False


# --- the text layer, character by character ---------------------------------------------------------


class Char(NamedTuple):
    """One character of the text layer: its box across (points from the left), its baseline, size and
    middle (points from the top; the middle, inside the letters, is where a box test places it), and the top
    and bottom of its box (pdfium's loose box: a letter with marks reaches higher); ``end`` is where its advance
    ends across (where the next letter starts if no space follows), None where the font gives no width."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    middle: float
    top: float
    bottom: float
    end: float | None = None


_SPACE = 0.12  # a gap wider than this share of the font's height between two characters is a space
_COLUMN = 2.0  # a gap wider than this many font heights parts two texts printed side by side on one line
_HYPHEN_MARKS = ("\x02", "\ufffe")  # pdfium's marks for a hyphen at a line's end (one per API)
_MIDDLE = 3.0  # points above the baseline: inside the letters, whatever their size or glyph ('-' is short)
_SKIPPED = frozenset(" \t\r\n\u00a0")
_PRINTED_SPACES = frozenset(" \u00a0")  # spaces and line ends: the gaps between the characters say where they are
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_LEGACY_SHARE = 0.03


@lru_cache(maxsize=4096)
def _without_unicode(char: str) -> bool:
    """A glyph the text layer gives no Unicode for: nothing, U+FFFD, a private-use or control code, or a
    letter of another script (pdfium then gives the font's own codes: 'ک ڋ ڍ' for Vietnamese)."""
    if char in _HYPHEN_MARKS:
        return False
    if char.isascii():
        return char < " "
    if char in "\ufffd\uffff" or "\ue000" <= char <= "\uf8ff":
        return True
    return char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")


class PageText:
    """A page's characters with their positions, read back as printed lines in reading order (top to
    bottom, left to right) whatever order the producer wrote them in: a Word plan printed with a font
    that lacks some Vietnamese letters writes each line font by font ('K HO CH' then 'Ế Ạ'). ``spaces`` are
    where the text layer prints a space (its start across, its baseline): a letter from a fallback font may
    reach over the space after it ('Kế hoạch', 'THỨ 4'), leaving no gap to tell it by."""

    def __init__(self, chars: list[Char], unmapped: int = 0, spaces: list[tuple[float, float]] = ()):
        self.chars = sorted(chars, key=lambda c: c.base)
        self.unmapped = unmapped  # glyphs the text layer gives no Unicode for
        self._middles = [c.middle for c in self.chars]
        self.printed = len(self.chars)  # characters other than spaces
        self.spaces = sorted(spaces, key=lambda s: s[1])
        self._space_bases = [base for _, base in self.spaces]

    @classmethod
    def of(cls, page) -> PageText:
        import pypdfium2.raw as pdfium_c

        textpage = page.get_textpage()
        height = page.get_size()[1]
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        if len(text) != count:  # pdfium left a character out or put one in: read them one by one
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, index)) for index in range(count))
        raw, rect, x, y = textpage.raw, pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        box, loose_box = ctypes.byref(rect), pdfium_c.FPDFText_GetLooseCharBox
        at, origin = (ctypes.byref(x), ctypes.byref(y)), pdfium_c.FPDFText_GetCharOrigin
        advance = _advances(raw)
        chars, unmapped, spaces = [], 0, []
        for index, char in enumerate(text):
            if char in _PRINTED_SPACES and pdfium_c.FPDFText_IsGenerated(raw, index) == 0 and origin(raw, index, *at):
                spaces.append((x.value, height - y.value))  # a space the producer printed, not one pdfium put in
            if char in _SKIPPED:
                continue
            if _without_unicode(char):
                unmapped += 1
                continue
            if not loose_box(raw, index, box) or rect.top <= rect.bottom or not origin(raw, index, *at):
                continue
            size = rect.top - rect.bottom  # about the font's height in page points (its reported size may not be)
            base = height - y.value
            char = "-" if char in _HYPHEN_MARKS else char
            box_top, box_bottom = height - rect.top, height - rect.bottom
            width = advance(index, ord(text[index]))
            end = x.value + width if width > 0 else None
            last = chars[-1] if chars else None
            if last and (last.x0, last.x1, last.base) == (rect.left, rect.right, base):  # one glyph read as several
                chars[-1], end = last._replace(end=None), None  # letters (a ligature: 'fi'), no one letter's width
            chars.append(Char(char, rect.left, rect.right, base, size, base - _MIDDLE, box_top, box_bottom, end))
        return cls(chars, unmapped, spaces)

    def unusable(self) -> bool:
        """Whether the text layer cannot be read as Vietnamese: glyphs without Unicode, or the letters of a
        legacy font (TCVN3, VNI) that only look right on screen."""
        letters = [c.text for c in self.chars if c.text.isalpha()]
        if self.unmapped > 0.2 * (len(self.chars) + self.unmapped):
            return True
        legacy = sum(1 for c in self.chars if "\u00a1" <= c.text <= "\u00ff" and c.text not in _VIETNAMESE_LATIN1)
        return legacy >= 10 and legacy > _LEGACY_SHARE * max(1, len(letters))

    def lines(self, x0: float = 0.0, top: float = -1e9, x1: float = 1e9, bottom: float = 1e9) -> list[str]:
        """The printed lines inside a box (points from the page's top left), each character placed by
        where it is; two texts far apart on one line (a header's two columns) are two lines."""
        if bottom - top < 1 or x1 - x0 < 1:
            return []
        begin, end = bisect.bisect_left(self._middles, top), bisect.bisect_right(self._middles, bottom)
        inside = [c for c in self.chars[begin:end] if x0 <= (c.x0 + c.x1) / 2 <= x1]
        out: list[str] = []
        for row in _rows(inside):
            base, reach = row[0].base, 0.4 * max(c.size for c in row)
            lo, hi = (
                bisect.bisect_left(self._space_bases, base - reach),
                bisect.bisect_right(self._space_bases, base + reach),
            )
            spaces = sorted(x for x, _ in self.spaces[lo:hi] if x0 <= x <= x1)
            out += [text for text in _spell(row, spaces) if text.strip()]
        return out


def _advances(textpage) -> Callable[[int, int], float]:
    """How far across a character of ``textpage`` advances (points): its font's width for it, scaled as printed;
    0 where the font gives none or the text is turned."""
    import pypdfium2.raw as pdfium_c

    matrix, width, size = pdfium_c.FS_MATRIX(), ctypes.c_float(), ctypes.c_float()
    objects: dict[int, tuple | None] = {}  # a text object's font, size and scale across, read once
    widths: dict[tuple, float] = {}

    def advance(index: int, code: int) -> float:
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        if not obj:
            return 0.0
        key = ctypes.addressof(obj.contents)
        if key not in objects:
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            upright = pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix)) and matrix.b == matrix.c == 0
            sized = font and upright and pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
            objects[key] = (font, ctypes.addressof(font.contents), size.value * matrix.a) if sized else None
        if objects[key] is None:
            return 0.0
        font, font_key, scale = objects[key]
        if (font_key, code) not in widths:
            known = pdfium_c.FPDFFont_GetGlyphWidth(font, code, 1.0, ctypes.byref(width))
            widths[font_key, code] = width.value if known else 0.0
        return widths[font_key, code] * scale

    return advance


def _rows(chars: list[Char], reach: float | None = None) -> list[list[Char]]:
    """Characters (sorted by baseline) grouped into printed lines by their baseline: within ``reach`` points of
    the line's first character's, by default within 0.4 font heights."""
    rows: list[list[Char]] = []
    for char in chars:
        last = rows[-1][0] if rows else None
        if last and char.base - last.base <= (0.4 * max(char.size, last.size) if reach is None else reach):
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _spell(row: list[Char], spaces: list[float] = ()) -> list[str]:
    """One printed line's characters left to right, spaces where the gaps are or where the text layer prints
    one (``spaces``: where each starts across, sorted) between two letters; a combining mark goes after the
    letter under it. A gap of several font sizes starts another text."""
    letters = sorted((c for c in row if not unicodedata.combining(c.text)), key=lambda c: c.x0)
    marks: dict[int, list[str]] = {}
    for mark in (c for c in row if unicodedata.combining(c.text)):
        centre = (mark.x0 + mark.x1) / 2
        under = min(range(len(letters)), key=lambda i: abs((letters[i].x0 + letters[i].x1) / 2 - centre), default=None)
        if under is not None:
            marks.setdefault(under, []).append(mark.text)
    texts, current, previous = [], "", None
    for i, char in enumerate(letters):
        if previous is not None:
            # from where the letter advances to, if its box reaches further (a fallback letter over a space)
            gap = char.x0 - min(previous.x1, previous.end or previous.x1)
            size = max(char.size, previous.size)
            if gap > _COLUMN * size:
                texts.append(current)
                current = ""
            elif gap > _SPACE * size or _printed_between(spaces, previous, char):
                current += " "
        current += char.text + "".join(marks.get(i, ()))
        previous = char
    texts.append(current)
    return [unicodedata.normalize("NFC", text) for text in texts]


def _printed_between(spaces: list[float], before: Char, after: Char) -> bool:
    """Whether the text layer prints a space after the middle of ``before`` and by the start of ``after``."""
    at = bisect.bisect_right(spaces, (before.x0 + before.x1) / 2)
    return at < len(spaces) and spaces[at] <= after.x0 + 0.5


def _lines(text: str) -> list[str]:
    return [line for line in _nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


class _Ruling:
    """Just what pdfplumber's TableFinder reads of a page: its edges and its box."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox


def read_ruled_page(
    page, text: PageText, number: int, carry: tuple[str, ...] | None = None, columns: Columns | None = None
) -> tuple[list[tuple[float, Block | Table]], tuple[str, ...] | None, Columns | None]:
    """Tables found from the page's ruling lines (edges that pdfium reads) and those printed without rules
    (``pdf_unruled``), their cell text and the text above, between and below them, each read from the
    characters' positions. ``carry`` is the last row of the previous page's table when the page break cut it,
    ``columns`` those of the previous page's table without rules the break cut; the page's last row and such
    columns are returned for the next page when the break cuts this page's last table too."""
    from importer.readers.pdf_unruled import unruled_rules

    width, height = page.get_size()

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text.lines(x0, top, x1, bottom))

    edges = _edges(page, height)
    unruled, columns = unruled_rules(text, edges, columns)
    edges += unruled
    edges += open_table_columns(edges, text)
    tables = find_tables(close_cut_tables(edges), width, height)
    placed = place_tables(tables, width, height, text_in, number, carry)
    return placed, carried(placed), columns


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
            drawn = [rule["top"] for rule in horizontal]
            for run in _between_grids(tops, inner):
                rows = _parted(text, x0, x1, run)
                columns = _columns(text, x0, x1, rows, inner)
                if columns:  # the rows' rules that are not drawn, with the columns' rules
                    out += columns + [edge("h", x0, x1, y, y) for y in rows if all(abs(y - d) > 1 for d in drawn)]
    return out


def _between_grids(tops: list[float], inner: list[dict]) -> list[list[float]]:
    """The runs of ``tops`` (rules of one width stacked) outside the grids among them: two rows or more in a run
    that vertical rules ``inner`` cross (drawn lines, not the sides of shaded cells) are a ruled table of their
    own (two tables stacked on a page, a title between them), not rows of a table ruled only across; runs of
    fewer than two rows are left out."""
    spans = list(zip(tops, tops[1:], strict=False))
    lines = [v for v in inner if v["object_type"] == "line_edge"]  # not a shaded cell's side
    ruled = [any(v["top"] <= top + 2 and v["bottom"] >= bottom - 2 for v in lines) for top, bottom in spans]
    in_grid = [False] * len(spans)
    start = 0
    for end in range(len(spans) + 1):
        if end == len(spans) or not ruled[end]:
            if end - start >= 2:
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
    short cells stand lower than the row's top, and a cell's paragraphs may leave a wider gap between them."""
    head = _band(text, x0, x1, tops[0], tops[1])
    if not head:
        return tops
    size = statistics.median(c.size for c in head)
    bands = [_band(text, x0, x1, top, bottom) for top, bottom in zip(tops[1:], tops[2:], strict=False)]
    gaps = _head_gaps(_free(head, x0, x1), x0, x1, size)
    body = [c for band in bands for c in band]
    pitch = _line_pitch(_rows(head + body, reach=1))  # a head's cells wrap as the rows' do
    if not gaps or pitch is None or not body:
        return tops
    first = _freest(*gaps[0], _open([_free(band, x0, x1) for band in bands], size))  # the number column's end
    gap = pitch + _ROW_GAP * statistics.median(c.size for c in body)
    out = tops[:2]
    for band, bottom in zip(bands, tops[2:], strict=True):
        out += _row_tops(_rows(band, reach=1), first, gap) + [bottom]
    return out


def _line_pitch(lines: list[list[Char]]) -> float | None:
    """The distance between a cell's lines: the shortest from a printed line's baseline to that of the next line
    printed under it (their letters overlap across), whatever is printed beside them."""
    spans = [_covered(line) for line in lines]
    pitches = []
    for i, line in enumerate(lines):
        under = next((j for j in range(i + 1, len(lines)) if _overlap(spans[i], spans[j])), None)
        if under is not None:
            pitches.append(lines[under][0].base - line[0].base)
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
    """The characters of ``text`` inside a box (points from the page's top left), by their middle down."""
    return [c for c in text.chars if top < c.middle < bottom and x0 <= c.x0 and c.x1 <= x1]


def _head_gaps(free: list[tuple[float, float]], x0: float, x1: float, size: float) -> list[tuple[float, float]]:
    """The gaps between a head's texts where columns part: half a font's height wide or more (two spaces between
    the words of one head; a browser's cells may leave no more than their padding), not the margin inside the
    table's ends."""
    return [(start, end) for start, end in free if end - start >= size / 2 and start > x0 and end < x1]


def _open(free: list[list[tuple[float, float]]], size: float) -> list[list[tuple[float, float]]]:
    """Each row's free stretches wider than a space between words."""
    return [[(a, b) for a, b in row if b - a >= size / 2] for row in free]


def _joined(horizontal: list[dict], gap: float = 1.5, level: float = 0.6) -> list[dict]:
    """Horizontal rules drawn in pieces (a browser draws each cell's border; a fax's streak crossing a rule
    breaks it) joined into one, top to bottom: pieces within ``level`` points of one height whose ends lie
    ``gap`` points apart at most."""
    lines: list[list[dict]] = []  # the pieces at one height
    for rule in sorted(horizontal, key=lambda e: e["top"]):
        if lines and rule["top"] - lines[-1][0]["top"] <= level:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    out: list[dict] = []
    for pieces in lines:
        joined: list[dict] = []
        for rule in sorted(pieces, key=lambda e: e["x0"]):
            if joined and rule["x0"] <= joined[-1]["x1"] + gap:
                last = joined[-1]
                joined[-1] = edge("h", last["x0"], max(last["x1"], rule["x1"]), last["top"], last["top"])
            else:
                joined.append(rule)
        out += joined
    return out


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
    for start, end in _head_gaps(free[0], x0, x1, size) if gaps is None else gaps:
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


def carried(placed: list[tuple[float, Block | Table]]) -> tuple[str, ...] | None:
    """The last row of the page's last table when nothing but a page number follows it (the page break
    may have cut it): what ``place_tables`` goes on from on the next page."""
    ends_in_table = bool(placed) and not any(_printed(item) for _, item in placed[_last_table(placed) + 1 :])
    last = placed[_last_table(placed)][1] if ends_in_table and _last_table(placed) >= 0 else None
    return last.rows[-1] if isinstance(last, Table) and last.rows else None


def _printed(item: Block | Table) -> bool:
    """Whether an item is more than a page number."""
    return isinstance(item, Table) or not _page_number(item.text)


def _page_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", text))  # '80%.' is text


def _last_table(placed: list[tuple[float, Block | Table]]) -> int:
    return max((i for i, (_, item) in enumerate(placed) if isinstance(item, Table)), default=-1)


def close_cut_tables(edges: list[dict], reach: float = 1) -> list[dict]:
    """A table the page break cuts may have no rule where the page cut it (Chromium draws none): the
    vertical rules run on below its last horizontal rule, or above its first one on the next page.
    Draw the missing rule, so that the cut row is a row. The rules' ends lie within ``reach`` points of
    each other (more on a scan, whose rules end a little raggedly)."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    if len(vertical) < 2 or not horizontal:
        return edges

    def cut_at(y: float, side: str) -> list[dict]:
        ends = [v for v in vertical if abs(v[side] - y) <= reach]
        y = statistics.median(v[side] for v in ends)  # where most of them end
        if len(ends) < 2 or any(abs(h["top"] - y) <= 3 for h in horizontal):
            return []
        return [edge("h", min(v["x0"] for v in ends), max(v["x0"] for v in ends), y, y)]

    top = min(v["top"] for v in vertical)
    bottom = max(v["bottom"] for v in vertical)
    return edges + cut_at(top, "top") + cut_at(bottom, "bottom")


def draw_lost_rules(edges: list[dict], width: float, height: float) -> list[dict]:
    """A scan may lose a column rule over a few rows (a fax's streak beside it erases it): the table finder
    then reads the two cells beside it as one. Draw the rule again in a row where it is the only one of the
    table's column rules missing, the rule parts the cells of at least two other rows, and the cell over it
    is not merged for real: it neither reaches the table's side (a section row, one cell across the table
    but for the number) nor stops above the row's other cells (the top of a two-row head over two columns).
    A row rule lost over a few columns (a section row's top, under a task) leaves a cell holding the cells
    the finder still built beside the columns rules there: the rule is drawn again where those end; a row rule
    broken by less than 3 mm (no column is that narrow) is joined up.
    ``edges`` and the page's size as for ``find_tables``."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    edges = [e for e in edges if e["orientation"] != "h"] + _joined(horizontal, gap=3 / 25.4 * 72, level=2)
    drawn = []
    for table in filter(is_table, find_tables(edges, width, height)):
        x0, _, x1, _ = table.bbox
        rows = [[box for box in row.cells if box is not None] for row in table.rows]
        parts = [{round(box[0]) for box in boxes} | {round(box[2]) for box in boxes} for boxes in rows]
        columns = [x for x in sorted(set().union(*parts)) if sum(x in part for part in parts) >= 2]
        for boxes, part in zip(rows, parts, strict=False):
            lost = [x for x in columns if x not in part]
            bottoms = {round(box[3]) for box in boxes}
            if len(lost) != 1 or len(bottoms) != 1:
                continue
            over = next((box for box in boxes if box[0] < lost[0] < box[2]), None)
            if over is None or min(over[0] - x0, x1 - over[2]) < 1:
                continue
            drawn.append(edge("v", lost[0], lost[0], over[1], over[3]))
        for box in table.cells:
            inside = {round(other[3]) for other in table.cells if other != box and _within(other, box)}
            drawn += [edge("h", box[0], box[2], y, y) for y in sorted(inside) if y < box[3] - 1]
    return edges + drawn


def _within(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return (
        inner[0] >= outer[0] - 1 and inner[1] >= outer[1] - 1 and inner[2] <= outer[2] + 1 and inner[3] <= outer[3] + 1
    )


def place_tables(
    tables: list[Ruled],
    width: float,
    height: float,
    text_in: Callable[[float, float, float, float], str],
    number: int,
    carry: tuple[str, ...] | None = None,
) -> list[tuple[float, Block | Table]]:
    """The page's items top to bottom: its tables (``tables``: what ``find_tables`` found on the page, ``width`` by
    ``height`` points), and the text above, between and below them. ``text_in(x0, top, x1, bottom)`` gives the text
    inside a box, one printed line a line; coordinates are points from the page's top left. ``carry`` is the
    last row of the table the previous page ended with: a table this page starts with (nothing but a page number
    above it) goes on from there (see ``table_rows``); a box too small to be a table (``is_table``) is kept when
    it is the end of that row (``_cut_end``)."""
    placed: list[tuple[float, Block | Table]] = []
    above = 0.0
    for table in tables:
        if not is_table(table) and not _cut_end(table, carry, text_in, width):
            continue
        x0, top, x1, bottom = table.bbox
        placed += [(above, Block(line, Location(page=number))) for line in _lines(text_in(0, above, width, top))]
        cells = [[text_in(*_inset(box)) if box else None for box in row.cells] for row in table.rows]
        goes_on = carry is not None and not any(_printed(item) for _, item in placed)
        rows = table_rows(table, cells, carry if goes_on else None)
        placed.append((top, Table(rows=rows, location=Location(page=number))))
        above = bottom
    placed += [(above, Block(line, Location(page=number))) for line in _lines(text_in(0, above, width, height))]
    return placed


Box = tuple[float, float, float, float]  # x0, top, x1, bottom: points from the page's top left


@dataclass(frozen=True)
class Row:
    """A row of a ruled table: its box and its cells' left to right, None where a cell merged from the left or
    from above covers it."""

    bbox: Box
    cells: tuple[Box | None, ...]


@dataclass(frozen=True)
class Ruled:
    """A table the table finder built from ruling lines, its boxes alone: plain values, read as often as needed
    and handed from an OCR worker to the process that places the words (pdfplumber's tables are neither)."""

    bbox: Box
    rows: tuple[Row, ...]
    cells: tuple[Box, ...]


def find_tables(edges: list[dict], width: float, height: float) -> list[Ruled]:
    """Every table pdfplumber's table finder builds from ruling ``edges`` (see ``edge``) on a page ``width`` by
    ``height`` points, top to bottom, even a box too small to be a table (``is_table``)."""
    from pdfplumber.table import TableFinder

    found = []
    for table in TableFinder(_Ruling(edges, (0, 0, width, height)), TABLE_SETTINGS).tables:
        rows = tuple(Row(tuple(row.bbox), tuple(row.cells)) for row in table.rows)
        found.append(Ruled(tuple(table.bbox), rows, tuple(table.cells)))
    return sorted(found, key=lambda t: t.bbox[1])


def _inset(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Keep clear of the rules: an OCR word box or a mark over a capital of the next row's first line
    may reach over the rule above it."""
    x0, top, x1, bottom = box
    return x0 + 1, top + 3, x1 - 1, bottom - 4


def _edges(page, height: float) -> list[dict]:
    """Horizontal and vertical edges of the page's drawn paths, top-down coordinates like pdfplumber's."""
    import pypdfium2.raw as pdfium_c

    edges = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        w, h = right - left, bottom - top
        if h <= 3 and w > 3:
            edges.append(edge("h", left, right, (top + bottom) / 2, (top + bottom) / 2))
        elif w <= 3 and h > 3:
            edges.append(edge("v", (left + right) / 2, (left + right) / 2, top, bottom))
        elif w > 3 and h > 3:  # a box (a cell's shading, a frame): its four sides
            edges += [
                edge("h", left, right, top, top, "rect_edge"),
                edge("h", left, right, bottom, bottom, "rect_edge"),
            ]
            edges += [
                edge("v", left, left, top, bottom, "rect_edge"),
                edge("v", right, right, top, bottom, "rect_edge"),
            ]
    return edges


def edge(orientation: str, x0: float, x1: float, top: float, bottom: float, kind: str = "line_edge") -> dict:
    """A horizontal ("h") or vertical ("v") ruling line as pdfplumber's table finder reads it; ``kind`` is
    "rect_edge" for the side of a box, as pdfplumber names it."""
    return {
        "object_type": kind,
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def is_table(table: Ruled) -> bool:
    """Two rows and two columns at least: a single ruled box or a rule under a heading is not a table."""
    rows = table.rows
    return len(rows) >= 2 and max((len(row.cells) for row in rows), default=0) >= 2


def _cut_end(
    table, carry: tuple[str, ...] | None, text_in: Callable[[float, float, float, float], str], width: float
) -> bool:
    """The end of the row the page break cut, alone at the top of the next page: one row with the cells of the
    row it goes on from (``carry``) and nothing but a page number above it."""
    if carry is None or len(table.rows) != 1 or len(table.rows[0].cells) != len(carry):
        return False
    above = _lines(text_in(0, 0, width, table.bbox[1]))
    return all(_page_number(line) for line in above)


def table_rows(
    table, texts: list[list[str | None]], above: tuple[str, ...] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Rows of cell texts; a cell merged across columns gives empty strings after it, one merged
    down over rows repeats its text in each. A table that goes on from the previous page, whose last
    row was ``above``, loses a first band with nothing printed in it (the end of a cut row's padding),
    and a merged cell that comes on from there, empty here, gives the rows under the first band the
    text it had there."""
    cut_top = above is not None
    rows: list[tuple[str, ...]] = []
    last: dict[int, tuple[tuple, str]] = {}  # column -> (bbox, text) of the latest real cell
    for index, (row, cells) in enumerate(zip(table.rows, texts, strict=False)):
        out = []
        row_top = row.bbox[1]
        band_bottom = min((box[3] for box in row.cells if box is not None), default=row.bbox[3])
        for column, (bbox, text) in enumerate(zip(row.cells, cells, strict=False)):
            if bbox is not None:
                value = _cell(text)
                goes_on = index == 0 and cut_top and (not value or lone_letters(value)) and bbox[3] > band_bottom + 1
                value = "" if goes_on else value
                last[column] = (bbox, above[column] if goes_on and above and column < len(above) else value)
            else:
                cell_above = last.get(column)
                value = cell_above[1] if cell_above and cell_above[0][3] > row_top + 1 else ""
            out.append(value)
        if index == 0 and cut_top and not any(out):
            continue
        rows.append(tuple(out))
    return tuple(tuple(row) for row in join_head(rows))


# the end of a date or figure a narrow cell broke because it did not fit ("31/3/202" "6")
_BROKEN_FIGURE = re.compile(r"(?:^|\s)\d+[/.,]\d[\d/.,]*$")


def _cell(text: str | None) -> str:
    """A cell's printed lines joined by spaces, except after a hyphen the line broke at ("468/QĐ-" "TTg")
    and inside a date or figure too long for the cell ("31/3/202" "6")."""
    out = ""
    for line in _lines(text or ""):
        line = " ".join(line.split())
        broken = out.endswith(("-", "/")) and not out.endswith((" -", " /"))
        broken = broken or bool(_BROKEN_FIGURE.search(out)) and line[:1].isdigit()
        out += ("" if not out or broken else " ") + line
    return out


def _nfc(text: str) -> str:
    """NFC; pdfium marks a hyphen it found at a line's end with \\x02: it is a real hyphen here
    (Vietnamese breaks no words), as in "468/QĐ-TTg"."""
    return unicodedata.normalize("NFC", text.replace("\x02", "-"))
