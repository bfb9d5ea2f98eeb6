"""Plain text, Markdown and HTML as web sites publish plans: one block per line, with its line number; typed
tables become Tables.

The bytes are read as UTF-8; a file typed in a legacy Vietnamese encoding (TCVN3 .VnTime, VNI) is detected and
converted (``importer.legacy``); else Windows-1258. HTML is read into lines and tables (``readers.html``).

A table typed in the text comes out as a ``Table`` (its rows of cells, located at its first line):

* a Markdown pipe table, with or without its ``|---|---|`` line and its outer pipes, a ``<br>`` in a cell a space
  (elsewhere ``<br>`` parts the line in two);
* a grid table whose rows are ruled by ``+----+----+`` lines, a row's cells wrapped over several lines;
* a table flattened one cell per line between lines holding only ``|`` (as legal-document sites export
  them, the letterhead's two columns too): two bar lines in a row end a row, blank lines beside a bar are
  inside the run, a cell's wrapped lines are joined, ``**bold**`` marks dropped; a row one cell short (its
  empty TT cell left out) gets it back; a run of one row (a signature beside the 'Nơi nhận' list) stays text;
* tab-separated lines pasted from a web page or a spreadsheet, a cell's wrapped line carried on.

A run of pipe lines without ``---`` line nor outer pipes is taken for a table only when its rows
agree on their number of cells: OCR text keeps a '|' here and there between columns, and those lines
stay text for the table recovery to read. A row with fewer cells (a merged section row like
'| I | CẢI CÁCH THỂ CHẾ |') keeps the cells it has.

Text copied from a site keeps the site's own parts: a banner and a metadata table ('Số hiệu | Ngày ban hành |
Cơ quan ban hành | Người ký') before the document, lists of related documents after it.
``drop_site_chrome`` leaves them out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from importer import legacy
from importer.errors import UnreadableDocument
from importer.markers import ROW_NUMBER
from importer.model import Block, Document, Location, Problem, Table
from importer.readers.html import html_lines, looks_like_html
from importer.text import fold, mostly_capitals

_PIPE = re.compile(r"(?<!\\)\|")
_RULE_CELL = re.compile(r"^\s*:?-+:?\s*$")
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(.*?)\1")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s\-–—=_*.]+$")

_ENCODING_NAMES = {"tcvn3": "TCVN3 (phông .VnTime)", "vni": "VNI (phông VNI-Times)"}


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableDocument(
            f"Tệp “{path.name}” không phải văn bản thuần (có dữ liệu nhị phân). "
            "Hãy mở bằng Word và lưu lại dưới dạng .docx hoặc .txt (UTF-8)."
        )
    text, encoding = decode(raw)
    problems: tuple[Problem, ...] = ()
    if encoding in _ENCODING_NAMES:
        problems = (
            Problem(
                "legacy_encoding",
                f"Tệp được gõ bằng bảng mã cũ {_ENCODING_NAMES[encoding]}; chương trình đã chuyển sang Unicode. "
                "Hãy đối chiếu dấu tiếng Việt với bản gốc khi duyệt.",
            ),
        )
    if looks_like_html(text):
        items = _html_items(html_lines(text))
    else:
        items = split_tables(text.splitlines())
    return Document(items=tuple(drop_site_chrome(items)), source=path.name, problems=problems)


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in: 'utf-8', 'tcvn3', 'vni' or 'cp1258'.

    UTF-8 text can still hold legacy text pasted into a Unicode editor ('KÕ ho¹ch'): it is converted too.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        found = legacy.detect(text)
        if found:
            return legacy.to_unicode(text, found), found
        return raw.decode("cp1258", errors="replace"), "cp1258"
    found = legacy.detect(text)
    if found:
        return legacy.to_unicode(text, found), found
    return text, "utf-8"


def _html_items(lines: list) -> list[Block | Table]:
    """A page's lines as blocks and its tables as Tables, numbered in reading order."""
    items: list[Block | Table] = []
    tables = 0
    for number, line in enumerate(lines, start=1):
        if isinstance(line, str):
            items.append(Block(line, Location(line=number)))
        else:
            rows = _even_rows([list(row) for row in line[0]])
            items.append(Table(rows=rows, location=Location(table=tables, line=number)))
            tables += 1
    return items


def split_tables(lines: list[str], first: int = 1) -> list[Block | Table]:
    """The lines as blocks, each run of lines that types a table replaced by one ``Table``."""
    items: list[Block | Table] = []
    tables = 0
    i = 0
    while i < len(lines):
        kind = "bar" if lines[i].strip() == "|" else "tab" if "\t" in lines[i].strip(" \r\n") else None
        if kind is not None:
            end, rows = _bar_table(lines, i) if kind == "bar" else _tab_table(lines, i)
            if rows:
                items.append(Table(rows=rows, location=Location(table=tables, line=first + i)))
                tables += 1
            else:  # a letterhead or a signature laid out side by side: its lines stay text
                items.extend(Block(line, Location(line=first + n)) for n, line in enumerate(lines[i:end], start=i))
            i = end
            continue
        if not _is_pipe_line(lines[i]):  # a site's '<br>' parts the lines of a letterhead typed as one
            parts = [part for part in _BREAK.split(lines[i]) if part.strip()] if _BREAK.search(lines[i]) else [lines[i]]
            items.extend(Block(part, Location(line=first + i)) for part in parts)
            i += 1
            continue
        end = _table_end(lines, i)
        rows = _table_rows(lines[i:end])
        if rows:
            items.append(Table(rows=rows, location=Location(table=tables, line=first + i)))
            tables += 1
        else:
            items.extend(Block(line, Location(line=first + n)) for n, line in enumerate(lines[i:end], start=i))
        i = end
    return items


# --- tables flattened one cell per line between '|' lines -------------------------------------


def _bar_table(lines: list[str], begin: int) -> tuple[int, tuple[tuple[str, ...], ...] | None]:
    """The end of the run of lines from the '|' line at ``begin`` to its last bar line before a blank line not
    beside a bar, and its rows when they make a table of two rows or more (two bar lines in a row end a row)."""
    end = begin
    while end < len(lines):
        if lines[end].strip():
            end += 1
            continue
        after = next((k for k in range(end, min(end + 3, len(lines))) if lines[k].strip()), None)
        # blank lines beside a bar line are inside the run (a site that spaces its cells out); else it ends
        if after is None or "|" not in (lines[end - 1].strip(), lines[after].strip()):
            break
        end = after
    while end > begin + 1 and lines[end - 1].strip() != "|":  # the run ends on its last bar line
        end -= 1
    rows: list[list[str]] = []
    row: list[str] | None = None
    cell: list[str] = []
    after_bar = False
    for line in [line for line in lines[begin:end] if line.strip()] + ["|"]:
        if line.strip() != "|":
            cell.append(line)
            after_bar = False
            continue
        if cell:  # a bar closes the cell before it
            (row if row is not None else rows.append([]) or rows[-1]).append(_join_cell(cell))
            cell = []
        elif after_bar and row is not None:  # two bars: the row is closed, the next one opens
            rows.append(row)
            row = None
        if row is None:
            row = []
        after_bar = True
    if row:
        rows.append(row)
    rows = [r for r in rows if any(c.strip() for c in r)]
    width = _width(rows)
    if len(rows) < 2 or width < 2:
        return end, None
    return end, _even_rows(rows)


def _join_cell(lines: list[str]) -> str:
    """A cell's wrapped lines as one text; a new paragraph where a bold or italic line ends, or a list item
    starts; rule lines ('-------') and emphasis marks left out."""
    parts: list[str] = []
    closed = False
    for raw in lines:
        line = raw.strip()
        if not line or _RULE_LINE.match(line) and not re.search(r"\w", line):
            closed = bool(parts)
            continue
        text = _plain(line)
        if not text:
            continue
        if not parts:
            parts.append(text)
        elif closed or re.match(r"^[-–+•]\s", text) or (parts[-1].endswith((".", ";", ":")) and text[:1].isupper()):
            parts.append("\n" + text)
        elif re.search(r"\d[-–]$", parts[-1]) and text[:1].isdigit():
            parts.append(text)
        else:
            parts.append(" " + text)
        closed = (
            bool(re.search(r"(\*\*|\*|__)$", line))
            and not line.startswith(("**", "*"))
            or (line.startswith(("**", "*")) and line.endswith(("**", "*")) and len(line) > 2)
        )
    return "".join(parts).strip()


def _plain(line: str) -> str:
    """A line without its emphasis marks ('**KẾ HOẠCH**', '*Đồng Nai, ngày 18*', a stray '** **')."""
    text = _EMPHASIS.sub(r"\2", line)
    text = re.sub(r"(?<!\w)\*{1,2}|\*{1,2}(?!\w)", "", text)
    return text.strip()


def _width(rows: list[list[str]]) -> int:
    """The table's number of columns: the most common width among rows of three cells or more."""
    wide = [len(r) for r in rows if len(r) >= 3]
    return Counter(wide).most_common(1)[0][0] if wide else max((len(r) for r in rows), default=0)


def _even_rows(rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """Rows brought to the table's width where the source dropped or added an empty cell: a row one cell
    short whose first cell is no row number lost its empty TT cell; a row too wide loses empty cells."""
    width = _width(rows)
    out = []
    for row in rows:
        row = list(row)
        if len(row) == width - 1 and width >= 4 and not ROW_NUMBER.match(row[0].strip()):
            row.insert(0, "")
        while len(row) > width and "" in row[1:]:
            del row[row.index("", 1)]
        out.append(tuple(row))
    return tuple(out)


# --- tab-separated tables -----------------------------------------------------------------------


def _tab_table(lines: list[str], begin: int) -> tuple[int, tuple[tuple[str, ...], ...] | None]:
    """Tab-separated lines from ``begin``: a line without tabs between two tabbed ones, or a tabbed line
    shorter than the table while the row above is unfinished, carries on the row above (a wrapped cell)."""
    end = begin
    while end < len(lines):
        if "\t" in lines[end].strip(" \r\n"):
            end += 1
        elif lines[end].strip() and end + 1 < len(lines) and "\t" in lines[end + 1].strip(" \r\n"):
            end += 1
        else:
            break
    split = [[_plain(c) for c in line.strip(" \r\n").split("\t")] for line in lines[begin:end]]
    width = Counter(len(cells) for cells in split if len(cells) >= 2).most_common(1)
    if not width or width[0][0] < 2 or end - begin < 2:
        return end, None
    width = width[0][0]
    rows: list[list[str]] = []
    for cells in split:
        wrapped = rows and len(rows[-1]) < width and len(rows[-1]) + len(cells) - 1 <= width
        if wrapped and not (len(cells) > 1 and ROW_NUMBER.match(cells[0])):
            rows[-1][-1] = (rows[-1][-1] + " " + cells[0]).strip()
            rows[-1].extend(cells[1:])
        else:
            rows.append(cells)
    return end, tuple(tuple(row + [""] * (width - len(row))) if len(row) < width else tuple(row) for row in rows)


# --- the site's own parts --------------------------------------------------------------------------

_META_LABELS = ("so hieu", "ngay ban hanh", "co quan ban hanh", "nguoi ky", "loai van ban", "tinh trang hieu luc")
_LETTERHEAD = re.compile(
    r"^\W*(uy ban nhan dan|ubnd|cong hoa xa hoi chu nghia|hoi dong nhan dan|van phong chinh phu|chinh phu\b"
    r"|thu tuong chinh phu|bo [a-z]|so [a-z]|ban chi dao|tinh uy|thanh uy|dang uy)"
)
_SITE_CUES = re.compile(
    r"(trang chu|dang nhap|dang ky|tra cuu|tim kiem|van ban phap luat|thuoc tinh|hieu luc|tai ve|chia se|"
    r"luoc do|lien he|»|›|\bhome\b|menu)"
)
_TRAILING = re.compile(
    r"^\W*(van ban (lien quan|cung linh vuc|moi|khac|duoc huong dan|hien thoi)|bai viet lien quan|tin (tuc )?lien quan"
    r"|cac van ban khac|luoc do|tai van ban|tai ve|xem them|ban quyen|©|copyright|tu khoa|noi dung mix"
    r"|van ban goc|theo doi van ban|hoi dap phap luat)\b"
)
_CLOSING = re.compile(r"^\W*(noi nhan|tm\.|kt\.|t/m|chu tich|giam doc)\b")


def drop_site_chrome(items: list[Block | Table]) -> list[Block | Table]:
    """The document without the site's banner, metadata table and trailing lists.

    The banner goes only when the lines before the document's letterhead show a site (a metadata table or
    label, a menu word); the trailing lists only after the document's closing ('Nơi nhận', the signature),
    so an appendix after the signature stays.
    """
    start = _document_start(items)
    items = [item for item in items[start:] if not _is_metadata(item)] if start is not None else list(items)
    closings = (k for k, item in enumerate(items) if _CLOSING.match(_first_line(item)))
    closing = next(closings, len(items) // 2 if start is not None else None)
    if closing is None:  # no signature and no site around the text: nothing to tell apart
        return items
    for k in range(closing, len(items)):
        item = items[k]
        if isinstance(item, Block) and len(item.text) <= 80 and _TRAILING.match(_folded(item)):
            return items[:k]
    return items


def _document_start(items: list[Block | Table]) -> int | None:
    """Where the document's letterhead (a line in capitals naming the issuer) starts, when a site's metadata
    or two lines of its menu come before it."""
    metadata, cues = False, 0
    for k, item in enumerate(items[:200]):
        if _is_metadata(item):
            metadata = True
            continue
        raw = item.text if isinstance(item, Block) else " ".join(item.rows[0])
        text = fold(_plain(raw)).strip()
        if _LETTERHEAD.match(text) and mostly_capitals(raw, least=4):
            return k if metadata or cues >= 2 else None
        if isinstance(item, Block) and len(item.text) <= 80 and _SITE_CUES.search(text):
            cues += 1
    return None


def _is_metadata(item: Block | Table) -> bool:
    if isinstance(item, Table):
        folded = fold(" ".join(" ".join(row) for row in item.rows[:6]))
        return sum(1 for label in _META_LABELS if label in folded) >= 2 and len(item.rows) <= 8
    return bool(re.match(r"^\W*(" + "|".join(_META_LABELS) + r")\s*:", _folded(item)))


def _first_line(item: Block | Table) -> str:
    """The folded first line of a block, or of a table's first cell (a signature laid out in a table)."""
    text = item.text if isinstance(item, Block) else next((cell for row in item.rows for cell in row if cell), "")
    return fold(_plain(text.split("\n")[0])).strip()


def _folded(block: Block | Table) -> str:
    return fold(block.text).strip() if isinstance(block, Block) else ""


def _is_pipe_line(line: str) -> bool:
    if "|" not in line and "+" not in line:
        return False
    return bool(_PIPE.search(line)) or bool(_GRID_BORDER.match(line))


def _table_end(lines: list[str], begin: int) -> int:
    """The end of the run of pipe lines starting at ``begin``.

    A Markdown table (a rule line under its header) ends at a blank line; elsewhere blank lines inside
    the run are kept (text saved from Word puts one between lines). A header line with its own rule
    line under it starts the next table.
    """
    markdown = begin + 1 < len(lines) and _is_rule(lines[begin + 1])
    end = k = begin
    while k < len(lines) and _is_pipe_line(lines[k]):
        if k > begin and k + 1 < len(lines) and _is_rule(lines[k + 1]):
            break
        end = k = k + 1
        while not markdown and k < len(lines) and not lines[k].strip():
            k += 1
    return end


def _table_rows(lines: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """The rows of the table these lines type, or None when they do not type one."""
    lines = [line for line in lines if line.strip()]
    if _GRID_BORDER.match(lines[0]):
        return _grid_rows(lines)
    rows = [_cells(line) for line in lines if not _is_rule(line)]
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        return None
    ruled = any(_is_rule(line) for line in lines[1:])
    if ruled or _consistent(lines, rows):
        return tuple(rows)
    return None


def _is_rule(line: str) -> bool:
    """The line under a Markdown table's header: '|---|:---:|'."""
    if "|" not in line:
        return False
    cells = _PIPE.split(line.strip().strip("|"))
    return all(_RULE_CELL.match(cell) for cell in cells)


def _consistent(lines: list[str], rows: list[tuple[str, ...]]) -> bool:
    """Rows without a rule line: outer pipes on every line, or three rows or more of four cells or more,
    three in four of them as wide as the table and none wider (the others are merged section rows)."""
    if all(line.strip().startswith("|") and line.strip().endswith("|") for line in lines):
        return True
    width, count = Counter(len(row) for row in rows).most_common(1)[0]
    return len(rows) >= 3 and width >= 4 and max(len(row) for row in rows) == width and count * 4 >= len(rows) * 3


def _cells(line: str) -> tuple[str, ...]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return tuple(_cell_text(cell) for cell in _PIPE.split(text))


def _cell_text(cell: str) -> str:
    cell = _BREAK.sub(" ", cell.replace("\\|", "|"))
    return _EMPHASIS.sub(r"\2", cell).strip()


def _grid_rows(lines: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """A grid table: each row's lines, between two border lines, joined cell by cell."""
    rows: list[tuple[str, ...]] = []
    parts: list[list[str]] = []
    for line in lines:
        if not _GRID_BORDER.match(line):
            for index, cell in enumerate(_cells(line)):
                if index == len(parts):
                    parts.append([])
                parts[index].append(cell)
        elif parts:
            rows.append(tuple(" ".join(p for p in part if p) for part in parts))
            parts = []
    if parts:  # a last row without its closing border
        rows.append(tuple(" ".join(p for p in part if p) for part in parts))
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        return None
    return tuple(rows)
