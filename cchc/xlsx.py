"""Writing .xlsx cells so that text is always text: the one helper every openpyxl writer in cchc goes through.

openpyxl stores any string that starts with ``=`` as a live formula (``=HYPERLINK("http://…"&B2, …)`` from a
task's content or a figure's source would run in the official's Excel), and a cell starting with ``+``, ``-``,
``@``, a tab or a carriage return becomes a formula again as soon as someone edits it and presses Enter (OWASP,
"CSV injection"); "#N/A" would become an error value. So every string is written as a string cell
(``t="inlineStr"``, never ``<f>``), and a risky one also gets ``quotePrefix`` in its style: Excel and
LibreOffice Calc both show such a cell as text, keep it text when it is edited (the formula bar shows the
leading apostrophe), and give the exact text back when the file is read again. We do not prefix the text itself
with an apostrophe, as OWASP suggests for CSV: in an .xlsx that apostrophe would be part of the value, shown to
the reader and read back into cchc on the next upload (a task's "- Rà soát …" would come back as
"'- Rà soát …"). Numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell

RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe(sheet, value):
    """``value`` ready for ``sheet.append``: a string becomes a string cell (quote-prefixed when it starts with
    a formula character, without the control characters XML cannot hold; empty text an empty cell), a Decimal
    an int or float; None, numbers and dates pass as they are, anything else is written as its text."""
    if value is None or isinstance(value, (bool, int, float, dt.date, dt.datetime, dt.time)):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Cell):
        raise TypeError("pass values, not cells")
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if not text:
        return None  # an empty text is an empty cell
    cell = Cell(sheet, value=text)  # openpyxl reads "=…" as a formula and "#N/A" as an error…
    cell.data_type = "s"  # …so the type is set after the value
    if text.startswith(RISKY_START) or text in ERROR_CODES:  # "#N/A" typed over would become an error value
        cell.quotePrefix = True
    return cell


def append(sheet, values) -> None:
    """Append one row to ``sheet`` with every value written through ``safe``."""
    sheet.append([safe(sheet, value) for value in values])


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def add_table(book, title: str, headers: list[tuple[str, int]], rows, heading: list[str] = ()) -> None:
    """A sheet ready to print: ``heading`` lines first (what the table is, its unit and date, who exported it),
    then the bold header row (repeated on every printed page, frozen on screen) and the rows, text wrapped,
    columns at the given widths, A4 landscape one page wide."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title[:31])
    for i, line in enumerate(heading, start=1):
        append(sheet, [line])
        sheet.cell(row=i, column=1).font = Font(bold=i == 1)
    head_row = len(heading) + 2 if heading else 1  # a blank row between the heading and the table
    if heading:
        sheet.append([])
    append(sheet, [name for name, _ in headers])
    for row in rows:
        append(sheet, row)
    for cell in sheet[head_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for i, (_, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    for row in sheet.iter_rows(min_row=head_row + 1):
        for cell in row:
            if cell.data_type == "s":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{head_row + 1}"
    sheet.print_title_rows = f"{head_row}:{head_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def workbook():
    """An empty workbook for ``add_table`` (openpyxl's default sheet removed)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def to_bytes(book) -> bytes:
    import io

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
