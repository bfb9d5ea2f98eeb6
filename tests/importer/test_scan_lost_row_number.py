"""A three-line table whose rows are one line each (a commune's web page printed by Chromium) has each line for a
row when every line holds a number of its own. On a scan OCR may lose a lone number (a thin '1' read '{', a '2'
among specks read as one): the rows were then read as one, and the plan lost its tasks. Two rows numbered one
after the other ('3', '4': not a row's line OCR parted in two at the heights of the cells beside it) no farther
apart than the distance at which rows part (a cell's lines' and a little more) tell that no cell wraps: each
printed line is a row, whether its number was read or not (``open_tables._rows_a_line_apart``)."""

from __future__ import annotations

from importer.readers.pdf import PageText, edge
from tests.printed import WIDTH, printed, rows_read

HEAD = [(10, 30, "TT"), (60, 30, "Nội dung"), (250, 30, "Chủ trì")]
ROWS = [
    ("1", "Kiểm tra niêm yết", "Văn phòng"),
    ("2", "Kiểm tra hồ sơ", "Phòng Kinh tế"),
    ("3", "Kiểm tra kỷ cương", "Văn phòng"),
    ("4", "Kiểm tra văn thư", "Các phòng"),
]


def _rows(numbers_read: set[str], scanned: bool) -> tuple[tuple[str, ...], ...]:
    words = list(HEAD)
    for k, (number, task, lead) in enumerate(ROWS):
        base = 55 + 20 * k  # rows one line each, 20 points apart
        words += [(10, base, number)] if number in numbers_read else []
        words += [(60, base, task), (250, base, lead)]
    text = PageText([char for x, base, word in words for char in printed(x, base, word)], scanned=scanned)
    rules = [edge("h", 5, WIDTH - 5, y, y) for y in (18, 38, 120)]  # above and under the head, at the end
    return rows_read(rules, text)


def test_it_keeps_a_row_whose_number_ocr_lost():
    rows = _rows({"3", "4"}, scanned=True)

    assert [row[1] for row in rows[1:]] == [task for _, task, _ in ROWS]
    assert [row[0] for row in rows[1:]] == ["", "", "3", "4"]


def test_a_scan_of_rows_that_wrap_keeps_a_cells_lines_together():
    words = list(HEAD)
    for base, number, task in (
        (55, "1", "Kiểm tra niêm yết"),
        (67, "", "tại Bộ phận một cửa"),
        (87, "2", "Kiểm tra"),
        (99, "", "hồ sơ"),
    ):
        words += [(10, base, number)] if number else []
        words.append((60, base, task))
    text = PageText([char for x, base, word in words for char in printed(x, base, word)], scanned=True)
    rules = [edge("h", 5, WIDTH - 5, y, y) for y in (18, 38, 110)]

    rows = rows_read(rules, text)  # numbered rows 32 points apart, a cell's lines 12: cells wrap

    assert [row[:2] for row in rows[1:]] == [("1", "Kiểm tra niêm yết tại Bộ phận một cửa"), ("2", "Kiểm tra hồ sơ")]


def test_a_text_pdf_reads_its_numbers():
    assert [row[0] for row in _rows({"1", "2", "3", "4"}, scanned=False)[1:]] == ["1", "2", "3", "4"]
