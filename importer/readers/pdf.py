"""PDF: the text layer with pdfplumber and pdfium; pages without text go to OCR.

Tables are taken from the PDF's ruling lines by pdfplumber (a Word table printed to PDF keeps its
borders); the text outside them comes as one block per printed line. Pages that draw no ruling
are read with pdfium alone, which is some twenty times faster than pdfminer. Blocks and tables keep the order
they have on the page, top to bottom. A table that runs on over a page break gives one
``Table`` per page; the table stage joins them. Cell text joins the cell's printed lines
with spaces.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import UnreadableDocument
from importer.model import Block, Document, Location, Table

if TYPE_CHECKING:
    from importer.pipeline import Limits

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
MIN_PAGE_CHARS = 20  # a page with fewer printable characters than this is treated as scanned


def read_pdf(path: Path, limits: Limits, progress: Callable[[int, int], None] | None = None) -> Document:
    import pypdfium2 as pdfium

    pdf = open_pdf(path)
    per_page: dict[int, list[tuple[float, Block | Table]]] = {}
    scanned: list[int] = []
    try:
        pages = len(pdf)
        if pages == 0:
            raise UnreadableDocument(f"Tệp PDF “{path.name}” không có trang nào. Hãy xuất lại tệp PDF từ bản gốc.")
        if pages > limits.max_pages:
            raise UnreadableDocument(
                f"Tệp PDF “{path.name}” có {pages} trang, vượt giới hạn {limits.max_pages} trang. "
                "Hãy tách phần kế hoạch ra tệp riêng hoặc tăng giới hạn (--max-pages)."
            )
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if sum(1 for c in text if not c.isspace()) < MIN_PAGE_CHARS:
                scanned.append(index)
            elif _has_rules(page):
                per_page[index] = read_ruled_page(page, textpage, index + 1)
            else:
                per_page[index] = [(0.0, Block(line, Location(page=index + 1))) for line in _lines(text)]
    except (pdfium.PdfiumError, ValueError, KeyError) as exc:
        raise UnreadableDocument(
            f"Tệp PDF “{path.name}” bị hỏng, không đọc được nội dung ({type(exc).__name__}). "
            "Hãy mở bằng trình đọc PDF, in hoặc xuất lại ra PDF rồi thử lại."
        ) from exc
    finally:
        pdf.close()

    problems = ()
    if scanned:
        from importer.readers.ocr import ocr_problem, recognise

        per_page.update(recognise(path, "pdf", scanned, limits, progress))
        problems = (ocr_problem(len(scanned), pages),)
    return Document(items=in_page_order(per_page), source=path.name, pages=pages, problems=problems)


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


def _lines(text: str) -> list[str]:
    return [line for line in _nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


class _Ruling:
    """Just what pdfplumber's TableFinder reads of a page: its edges and its box."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox


def read_ruled_page(page, textpage, number: int) -> list[tuple[float, Block | Table]]:
    """Tables found from the page's ruling lines (edges that pdfium reads), their cell text and the
    text above, between and below them from pdfium."""
    width, height = page.get_size()

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        if bottom - top < 1 or x1 - x0 < 1:
            return ""
        return textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)

    return place_tables(_edges(page, height), width, height, text_in, number)


def place_tables(
    edges: list[dict], width: float, height: float, text_in: Callable[[float, float, float, float], str], number: int
) -> list[tuple[float, Block | Table]]:
    """The page's items top to bottom: the tables pdfplumber's table finder builds from ruling
    ``edges`` (see ``edge``), and the text above, between and below them. ``text_in(x0, top, x1,
    bottom)`` gives the text inside a box, one printed line a line; coordinates are points from the
    page's top left."""
    from pdfplumber.table import TableFinder

    finder = TableFinder(_Ruling(edges, (0, 0, width, height)), TABLE_SETTINGS)
    found = sorted((t for t in finder.tables if _is_table(t)), key=lambda t: t.bbox[1])
    placed: list[tuple[float, Block | Table]] = []
    above = 0.0
    for table in found:
        x0, top, x1, bottom = table.bbox
        placed += [(above, Block(line, Location(page=number))) for line in _lines(text_in(0, above, width, top))]
        cells = [[text_in(*_inset(box)) if box else None for box in row.cells] for row in table.rows]
        placed.append((top, Table(rows=table_rows(table, cells), location=Location(page=number))))
        above = bottom
    placed += [(above, Block(line, Location(page=number))) for line in _lines(text_in(0, above, width, height))]
    return placed


def _inset(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """pdfium takes every character whose box touches the rectangle, and the marks over the capitals
    of the next row's first line reach above its rule: keep clear of the rules."""
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
        elif w > 3 and h > 3:  # a box: its four sides
            edges += [edge("h", left, right, top, top), edge("h", left, right, bottom, bottom)]
            edges += [edge("v", left, left, top, bottom), edge("v", right, right, top, bottom)]
    return edges


def edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    """A horizontal ("h") or vertical ("v") ruling line as pdfplumber's table finder reads it."""
    return {
        "object_type": "line_edge",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _is_table(table) -> bool:
    """Two rows and two columns at least: a single ruled box or a rule under a heading is not a table."""
    rows = table.rows
    return len(rows) >= 2 and max((len(row.cells) for row in rows), default=0) >= 2


def table_rows(table, texts: list[list[str | None]]) -> tuple[tuple[str, ...], ...]:
    """Rows of cell texts; a cell merged across columns gives empty strings after it, one merged
    down over rows repeats its text in each."""
    rows: list[tuple[str, ...]] = []
    last: dict[int, tuple[tuple, str]] = {}  # column -> (bbox, text) of the latest real cell
    for row, cells in zip(table.rows, texts, strict=False):
        out = []
        row_top = row.bbox[1]
        for column, (bbox, text) in enumerate(zip(row.cells, cells, strict=False)):
            if bbox is not None:
                value = _cell(text)
                last[column] = (bbox, value)
            else:
                above = last.get(column)
                value = above[1] if above and above[0][3] > row_top + 1 else ""
            out.append(value)
        rows.append(tuple(out))
    return tuple(rows)


def _cell(text: str | None) -> str:
    """A cell's printed lines joined by spaces, except after a hyphen the line broke at ("468/QĐ-" "TTg")."""
    out = ""
    for line in _lines(text or ""):
        line = " ".join(line.split())
        glue = "" if not out or (out.endswith(("-", "/")) and not out.endswith((" -", " /"))) else " "
        out += glue + line
    return out


def _nfc(text: str) -> str:
    """NFC; pdfium marks a hyphen it found at a line's end with \\x02: it is a real hyphen here
    (Vietnamese breaks no words), as in "468/QĐ-TTg"."""
    return unicodedata.normalize("NFC", text.replace("\x02", "-"))
