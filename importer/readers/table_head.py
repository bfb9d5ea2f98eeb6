"""The head of a printed table, as Word, LibreOffice and Chromium lay it out, for every reader.

* A group header over its sub-columns ("Cơ quan thực hiện" merged over "Chủ trì | Phối hợp"), the
  other header cells merged down over both rows: the head rows become one row, each column's texts
  joined top to bottom ("Cơ quan thực hiện\nChủ trì", "Phối hợp"), so each sub-column has its name.
* The row under the head that only numbers the columns ("1 | 2 | 3…", "(1) | (2) | …") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# '3', '(3)', or a number OCR misread: '(@)', '()', 'q1}', '›—@)' (its brackets misread too: the digits
# count), a speck or two read after it as a dot or a comma ('(5).', '@)\,')
_COLUMN_NUMBER = re.compile(r"^[(\[{]?([^\s()\[\]{}]{0,3})[)\]}]?[.,:;'`\\|]{0,2}$")

Row = Sequence[str]


def numbers_columns(row: Row) -> bool:
    """The row under a header that only numbers the columns: '1 | 2 | 3 | …' or '(1) | (2) | …', from 1 or
    going on from a table cut before ('(4) | (5) | …'); half of the numbers may be misread by OCR ('(@)',
    'q)', '›—@)'; the rest in order) or lost (their cells empty: the numbers count the columns; an empty
    cell under a merged head is none), no row of a task table holds nothing but such marks."""
    cells = [cell.strip() for cell in row if cell and cell.strip()]
    marks = [_COLUMN_NUMBER.match(cell) for cell in cells]
    if len(cells) < 3 or not all(marks):
        return False
    digits = [re.sub(r"\D", "", mark[1]) for mark in marks]
    if len([number for number in digits if number]) < len(cells) - len(cells) // 2:
        return False
    by_column = [re.sub(r"\D", "", cell.strip()) if cell else "" for cell in row]  # every cell a mark
    return _in_order(digits) or _in_order(by_column)


def _in_order(digits: list[str]) -> bool:
    """Whether the numbers among ``digits`` (one a place, '' where none was read) count the places on from
    1 or more."""
    numbers = [(at, int(number)) for at, number in enumerate(digits) if number]
    start = numbers[0][1] - numbers[0][0]
    return start >= 1 and all(value == start + at for at, value in numbers)


def joined(rows: Sequence[Row]) -> list[str]:
    """Header rows as one: each column's distinct texts, top to bottom, one per line."""
    width = max(len(row) for row in rows)
    out = []
    for column in range(width):
        texts = [row[column] for row in rows if column < len(row) and row[column]]
        out.append("\n".join(dict.fromkeys(texts)))
    return out


def sub_header(top: Row, below: Row) -> bool:
    """Whether ``below`` names the sub-columns of a group cell of ``top``: a named cell of ``top`` has
    empty cells after it (merged across, not the whole row) and ``below`` names every column under it,
    while everywhere else ``below`` repeats ``top`` (the head's other cells are merged down over both
    rows; a section row over a task row is no head)."""
    width = min(len(top), len(below))
    group = False
    column = 0
    while column < width:
        end = column + 1
        while end < width and not top[end]:
            end += 1
        if top[column] and 1 < end - column < width:  # a cell merged across some columns, not a caption
            if not all(below[c] and below[c] != top[column] for c in range(column, end)):
                return False
            group = True
        elif any(below[c] != top[c] for c in range(column, end)):
            return False
        column = end
    return group


def join_head(rows: Sequence[Row]) -> list[list[str]]:
    """The rows with a two-row head made one (see ``sub_header``) and a column-number row under the
    head dropped."""
    out = [list(row) for row in rows]
    if len(out) >= 2 and sub_header(out[0], out[1]):
        out[:2] = [joined(out[:2])]
    if len(out) >= 2 and numbers_columns(out[1]):
        del out[1]
    return out
