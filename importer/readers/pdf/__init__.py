"""PDF: the text layer read by pdfium character by character, tables by pdfplumber's table finder.

Each character is placed where it is printed (its box and baseline), so lines read in reading order
whatever order the producer wrote them in (a Word plan printed with a font that lacks some Vietnamese
letters writes each line font by font), inside table cells too; spaces come from the gaps between
characters, and two texts far apart on one line (a header's two columns) are two lines. Tables are
taken from the PDF's ruling lines (a Word table printed to PDF keeps its borders; a table ruled only
across, as PDF libraries draw them, gets its columns from where its head and rows leave a gap, and a
"three-line" table, ruled only above and under its head and at its end, its rows from where the lines
across it leave a row's gap and its number column starts a row; a table printed with no rules at all, as if
ruled so, from its head's column names side by side); the text
outside them comes as one block per printed line. Blocks and tables keep the order they have on the page, top
to bottom. A table that runs on over a page break gives one ``Table`` per page (the tasks stage joins
them): a rule the page break left out is drawn again, and a merged cell cut by the break keeps its text
on the next page. Cell text joins the cell's printed lines with spaces. Running headers and footers (a line
at a page's top or foot that comes again on the other pages, its numbers aside) are left out. Pages without
text, and pages whose text layer cannot be read (legacy TCVN3/VNI fonts, glyphs without Unicode), go to OCR;
the result names the latter.

The package: ``text`` (the text layer, character by character), ``ruled`` (from rules to cells, shared with the
OCR reader), ``open_tables`` (tables ruled only across, or "three-line"), ``unruled`` (tables with no rules); this
module reads the pages with them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import UnreadableDocument
from importer.model import Block, Document, Location, Problem, Table
from importer.readers.pdf.open_tables import open_table_columns
from importer.readers.pdf.ruled import (
    Box,
    Row,
    Ruled,
    _edges,
    carried,
    close_cut_tables,
    draw_lost_rules,
    edge,
    find_tables,
    is_table,
    place_tables,
    table_rows,
)
from importer.readers.pdf.text import Char, PageText
from importer.readers.pdf.unruled import Columns, unruled_rules
from importer.text import fold

if TYPE_CHECKING:
    from importer.pipeline import Limits

__all__ = [
    "Box",
    "Char",
    "PageText",
    "Row",
    "Ruled",
    "carried",
    "close_cut_tables",
    "draw_lost_rules",
    "edge",
    "find_tables",
    "in_page_order",
    "is_table",
    "open_table_columns",
    "place_tables",
    "read_pdf",
    "table_rows",
]

MIN_PAGE_CHARS = 20  # a page with fewer printable characters than this, and a drawing or image, is treated as scanned
RUNNING_ZONE = 3  # lines at a page's top and at its foot where running headers and footers stand


def read_pdf(path: Path, limits: Limits, progress: Callable[[int, int], None] | None = None) -> Document:
    import pypdfium2 as pdfium

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
        earlier: list[Ruled] = []  # the tables found on the previous page, whose columns a one-row table may share
        for index in range(pages):
            page = pdf[index]
            text = PageText.of(page)
            if text.printed < MIN_PAGE_CHARS and _drawn(page):
                scanned.append(index)
                carry, columns, earlier = None, None, []
            elif text.unusable():
                unusable.append(index)
                carry, columns, earlier = None, None, []
            elif _has_rules(page) or unruled_rules(text, (), columns)[0]:
                per_page[index], carry, columns, earlier = read_ruled_page(
                    page, text, index + 1, carry, columns, earlier
                )
            else:
                per_page[index] = [(0.0, Block(line, Location(page=index + 1))) for line in text.lines()]
                carry, columns, earlier = None, None, []
    except (pdfium.PdfiumError, ValueError, KeyError) as exc:
        raise UnreadableDocument(
            f"Tệp PDF “{path.name}” bị hỏng, không đọc được nội dung ({type(exc).__name__}). "
            "Hãy mở bằng trình đọc PDF, in hoặc xuất lại ra PDF rồi thử lại."
        ) from exc
    finally:
        pdf.close()

    per_page = drop_running_lines(per_page)  # (of the text layer's pages: a scan's lines are left to OCR's reading)
    problems: tuple[Problem, ...] = tuple(unusable_problem(index + 1) for index in unusable)
    if scanned or unusable:
        from importer.readers.ocr import ocr_problem, recognise

        per_page.update(recognise(path, "pdf", sorted(scanned + unusable), limits, progress))
        problems += (ocr_problem(len(scanned) + len(unusable), pages),)
    return Document(items=in_page_order(per_page), source=path.name, pages=pages, problems=problems)


def _drawn(page) -> bool:
    """Whether a page holds anything but text: a scan's image, text drawn as curves. A page of a few printed
    characters and nothing else (the signer's name alone on a plan's last page) is read from its text layer; taken
    for a scan, it was read by OCR and the whole plan was said to be OCR'd."""
    import pypdfium2.raw as pdfium_c

    return any(obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT for obj in page.get_objects())


def _running_key(item: Block | Table) -> str | None:
    """A line's text with its numbers masked ('Trang 2/9' and 'Trang 3/9' alike), or None for a table."""
    return re.sub(r"\d+", "#", fold(item.text)).strip() if isinstance(item, Block) and item.text.strip() else None


def drop_running_lines(
    per_page: dict[int, list[tuple[float, Block | Table]]],
) -> dict[int, list[tuple[float, Block | Table]]]:
    """The pages without their running headers and footers: a line among the first or last few of a page that
    comes again, its numbers aside, at the same end of other pages ('Kế hoạch số 15/KH-SGDĐT — Trang 2/3', a
    browser's print date and page title above and the file's address and '1/3' below, a spreadsheet's 'Trang
    1/2'), on at least two pages and half of them, and holds a number unless it is on every page. It is the
    printer's, not the document's."""
    if len(per_page) < 2:
        return per_page
    seen: Counter[tuple[str, str]] = Counter()
    for items in per_page.values():
        ends = {("top", key) for _, item in items[:RUNNING_ZONE] if (key := _running_key(item))}
        ends |= {("foot", key) for _, item in items[-RUNNING_ZONE:] if (key := _running_key(item))}
        seen.update(ends)
    least = max(2, (len(per_page) + 1) // 2)
    # a running line carries a number (the page's, the plan's, the date) or stands on every page of three or
    # more: a letterhead in capitals that the attached plan's first page repeats is the document's own
    running = {end for end, count in seen.items() if count >= least and ("#" in end[1] or count == len(per_page) >= 3)}
    if not running:
        return per_page

    def kept(items: list[tuple[float, Block | Table]]) -> list[tuple[float, Block | Table]]:
        out = []
        for k, (y, item) in enumerate(items):
            key = _running_key(item)
            top = k < RUNNING_ZONE and ("top", key) in running
            foot = k >= len(items) - RUNNING_ZONE and ("foot", key) in running
            if not (top or foot):
                out.append((y, item))
        return out

    # a page that is nothing but such lines holds them as its text (the same notice printed on each page)
    return {index: kept(items) or items for index, items in per_page.items()}


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


def read_ruled_page(
    page,
    text: PageText,
    number: int,
    carry: tuple[str, ...] | None = None,
    columns: Columns | None = None,
    earlier: Sequence[Ruled] = (),
) -> tuple[list[tuple[float, Block | Table]], tuple[str, ...] | None, Columns | None, list[Ruled]]:
    """Tables found from the page's ruling lines (edges that pdfium reads) and those printed without rules
    (``unruled``), their cell text and the text above, between and below them, each read from the
    characters' positions. ``carry`` is the last row of the previous page's table when the page break cut it,
    ``columns`` those of the previous page's table without rules the break cut, ``earlier`` the tables found on
    the previous page; the page's last row and such columns are returned for the next page when the break cuts
    this page's last table too, with the tables found on the page."""

    width, height = page.get_size()

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text.lines(x0, top, x1, bottom))

    edges = _edges(page, height)
    unruled, columns = unruled_rules(text, edges, columns)
    edges += unruled
    edges += open_table_columns(edges, text)
    tables = find_tables(close_cut_tables(edges), width, height)
    placed = place_tables(tables, width, height, text_in, number, carry, earlier)
    return placed, carried(placed), columns, tables
