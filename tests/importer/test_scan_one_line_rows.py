"""A scanned three-line table whose rows all print on one line (a commune's web page faxed: 1-bit, 2-3° askew,
levelled again) has each line for a row, as a text PDF's has, though Tesseract puts the cells of one printed line
a point or so apart in height (each cell's baseline its own, the page levelled to a tenth of a degree): the cells
of a printed line are one line, not a line with a number and one without. A scanned word's letters share out its
box, which a speck Tesseract took into the word widens past the table's left edge: the row's number still counts
as inside the table, and the row with it."""

from __future__ import annotations

from importer.readers.pdf import edge
from tests.printed import WIDTH, page, rows_read, table_rows

HEAD = [(10, 14, "TT"), (110, 14, "Nhiệm vụ"), (300, 14, "Chủ trì")]


def test_it_makes_each_line_a_row_when_a_scans_cells_of_a_line_stand_at_other_heights():
    words = HEAD + [
        (10, 36, "1"),
        (50, 36, "Rà soát thủ tục hành chính"),
        (250, 37.1, "Văn phòng Sở"),  # the next cell of the same printed line, a point lower
        (10, 53.1, "2"),
        (50, 53.1, "Số hóa hồ sơ"),
        (250, 52, "Trung tâm Tin học"),
        (10, 68, "3"),
        (50, 68, "Công khai kết quả"),
        (250, 69.1, "Các phòng"),
    ]
    assert table_rows(words, (0, 22, 76)) == (
        ("TT", "Nhiệm vụ", "Chủ trì"),
        ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học"),
        ("3", "Công khai kết quả", "Các phòng"),
    )


def test_it_keeps_a_rows_number_whose_box_reaches_past_the_tables_edge():
    words = HEAD + [
        (10, 36, "1"),
        (50, 36, "Rà soát thủ tục hành chính"),
        (250, 36, "Văn phòng Sở"),
        (10, 52, "2"),
        (50, 52, "Số hóa hồ sơ"),
        (250, 52, "Trung tâm Tin học"),
        (4, 68, "3"),  # its box widened by a speck left of it, over the rules' ends
        (50, 68, "Công khai kết quả"),
        (250, 68, "Các phòng"),
    ]
    edges = [edge("h", 5, WIDTH, y, y) for y in (0, 22, 76)]
    assert rows_read(edges, page(words))[1:] == (
        ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học"),
        ("3", "Công khai kết quả", "Các phòng"),
    )
