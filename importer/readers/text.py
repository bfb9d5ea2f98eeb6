"""Plain text and Markdown: one block per line, with its line number; typed tables become Tables.

A table typed with pipes comes out as a ``Table`` (its rows of cells, located at its first line):

* a Markdown pipe table, with or without its ``|---|---|`` line and its outer pipes;
* a grid table whose rows are ruled by ``+----+----+`` lines, a row's cells wrapped over several lines.

A run of pipe lines without ``---`` line nor outer pipes is taken for a table only when its rows
agree on their number of cells: OCR text keeps a '|' here and there between columns, and those lines
stay text for the table recovery to read. A row with fewer cells (a merged section row like
'| I | CẢI CÁCH THỂ CHẾ |') keeps the cells it has.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from importer.errors import UnreadableDocument
from importer.model import Block, Document, Location, Table

_PIPE = re.compile(r"(?<!\\)\|")
_RULE_CELL = re.compile(r"^\s*:?-+:?\s*$")
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableDocument(
            f"Tệp “{path.name}” không phải văn bản thuần (có dữ liệu nhị phân). "
            "Hãy mở bằng Word và lưu lại dưới dạng .docx hoặc .txt (UTF-8)."
        )
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1258 decodes almost anything, this is a safety net
        raise UnreadableDocument(f"Không nhận ra bảng mã của tệp “{path.name}”. Hãy lưu lại dưới dạng UTF-8.")
    return Document(items=tuple(split_tables(text.splitlines())), source=path.name)


def split_tables(lines: list[str]) -> list[Block | Table]:
    """The lines as blocks, each run of lines that types a table replaced by one ``Table``."""
    items: list[Block | Table] = []
    tables = 0
    i = 0
    while i < len(lines):
        if not _is_pipe_line(lines[i]):
            items.append(Block(lines[i], Location(line=i + 1)))
            i += 1
            continue
        end = _table_end(lines, i)
        rows = _table_rows(lines[i:end])
        if rows:
            items.append(Table(rows=rows, location=Location(table=tables, line=i + 1)))
            tables += 1
        else:
            items.extend(Block(line, Location(line=n)) for n, line in enumerate(lines[i:end], start=i + 1))
        i = end
    return items


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
