"""A scanned table whose number column is narrow ('TT' over '1', '2', 'IV'; Nghệ An's plan printed without rules,
scanned at 200 dpi): a section row's numeral fills the column, and it and the tasks' wrapped lines, which OCR's
word boxes widen, leave less than a space between words free between the number column and the task column down
the whole table, so the number column's end is taken at the middle of the head's gap after 'TT', in the task
column. A wrapped line's first letters left of it, their words running on past it, are no row number of its own
(``open_tables._numbered``): the table's lines were all taken for one-line rows, and each wrapped line became a
row of its own."""

from __future__ import annotations

from importer.readers.pdf import PageText, edge
from tests.printed import WIDTH, page, rows_read

HEAD = [(10, 14, "TT"), (50, 14, "Nội dung"), (200, 14, "Chủ trì")]
ROWS = [(12, 36, "1"), (24, 36, "Rà soát thủ tục"), (200, 36, "Văn phòng"), (24, 46, "hành chính")]
ROWS += [(12, 62, "2"), (24, 62, "Số hóa hồ sơ"), (200, 62, "Phòng Kinh tế"), (24, 72, "cấp phép")]
ROWS += [(10, 88, "IV"), (24, 88, "XÂY DỰNG CHÍNH QUYỀN SỐ")]
ROWS += [(12, 104, "1"), (24, 104, "Công khai tiến độ"), (200, 104, "Các phòng"), (24, 114, "giải quyết")]


def _rows() -> tuple[tuple[str, ...], ...]:
    text = PageText(page(HEAD + ROWS).chars, scanned=True)
    return rows_read([edge("h", 5, WIDTH, y, y) for y in (0, 22, 120)], text)


def test_it_keeps_a_tasks_wrapped_lines_in_its_row_when_the_number_stands_close_to_it():
    rows = _rows()

    assert [row[0] for row in rows[1:]] == ["1", "2", "IV", "1"]
    assert [row[1].split() for row in rows[1:]] == [
        ["Rà", "soát", "thủ", "tục", "hành", "chính"],
        ["Số", "hóa", "hồ", "sơ", "cấp", "phép"],
        ["XÂY", "DỰNG", "CHÍNH", "QUYỀN", "SỐ"],
        ["Công", "khai", "tiến", "độ", "giải", "quyết"],
    ]
