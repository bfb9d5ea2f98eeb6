"""Table recovery: rebuild tables that plain text flattened (one cell per line, interleaved columns).

A task catalogue printed as a table loses its grid when a DOCX is saved as text or a scan is
OCR'd. Two layouts come out:

* one cell per line: the row's cells follow each other (TT, content, lead, partners, deadline,
  output), each cell's text wrapped over several lines;
* interleaved: each line holds a slice of every column, often separated by '|', with the
  TT number in the middle of the row.

``recover_tables`` finds the header line(s) of such a table ('TT', 'Nội dung…', 'Cơ quan chủ
trì', …, folded so OCR text matches), reads the lines after it into rows of six cells and
replaces those blocks by one ``Table`` item. The row rules are in ``importer.table_lines``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from importer.markers import FOLDED_NUMERAL
from importer.model import Block, Document, Location, Table
from importer.table_lines import HEADER, Line, is_header_line, names_header, parse_lines
from importer.text import fold

# the table ends where the document goes on: a closing count, a signature, an appendix, or the next part of the
# plan ("III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ"), which no task section of a catalogue is called
_END = re.compile(
    r"^(danh muc (gom|co) \d+|tong (cong|so) \d+ nhiem vu|noi nhan\b|phu luc\b"
    rf"|(?:{FOLDED_NUMERAL}|\d+)[.)]?\s+(?:to chuc thuc hien|kinh phi|che do (?:thong tin,? )?bao cao)\b)"
)


def recover_tables(document: Document) -> Document:
    """Replace each flattened task table (a run of text blocks after a table header) by a Table."""
    items = list(document.items)
    out: list[Block | Table] = []
    i = 0
    while i < len(items):
        header = find_header(items, i)
        if header is None:
            out.extend(items[i:])
            break
        start, end = header
        out.extend(items[i:start])
        stop = _find_end(items, end)
        lines = [Line(item.text, item.location.line) for item in items[end:stop] if isinstance(item, Block)]
        rows = parse_lines(lines, [item.text for item in items[start:end] if isinstance(item, Block)])
        if rows:
            location = replace(items[start].location) if isinstance(items[start], Block) else Location()
            out.append(Table(rows=(HEADER, *rows), location=location))
        else:
            out.extend(items[start:stop])
        i = stop
    return replace(document, items=tuple(out))


def find_header(items: list[Block | Table], begin: int) -> tuple[int, int] | None:
    """The first run of header-like blocks at or after ``begin`` that names a task table: (start, end)."""
    i = begin
    while i < len(items):
        if not (isinstance(items[i], Block) and is_header_line(items[i].text)):
            i += 1
            continue
        j = i
        while j < len(items) and isinstance(items[j], Block) and is_header_line(items[j].text):
            j += 1
        if names_header(" ".join(item.text for item in items[i:j])):
            return i, j
        i = j
    return None


def _find_end(items: list[Block | Table], begin: int) -> int:
    for k in range(begin, len(items)):
        item = items[k]
        if isinstance(item, Table):
            return k
        if _END.match(fold(item.text)):
            return k
    return len(items)
