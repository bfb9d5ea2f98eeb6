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


ROWS = (
    ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở"),
    ("2", "Số hóa hồ sơ", "Trung tâm Tin học"),
    ("3", "Công khai kết quả", "Các phòng"),
)


def _page(lead_lower: float = 0.0, last_number_at: float = 10) -> list[tuple[float, float, str]]:
    """The head and the three rows, 16 points apart; each row's lead ``lead_lower`` points lower or higher than
    its number and task, turn about; the last row's number printed from ``last_number_at``."""
    words = list(HEAD)
    for k, (number, task, lead) in enumerate(ROWS):
        base = 36 + 16 * k
        words += [(last_number_at if k == 2 else 10, base, number), (50, base, task)]
        words.append((250, base + (lead_lower if k % 2 == 0 else -lead_lower), lead))
    return words


def test_it_makes_each_line_a_row_when_a_scans_cells_of_a_line_stand_at_other_heights():
    assert table_rows(_page(lead_lower=1.1), (0, 22, 76)) == (("TT", "Nhiệm vụ", "Chủ trì"), *ROWS)


def test_it_keeps_a_rows_number_whose_box_reaches_past_the_tables_edge():
    edges = [edge("h", 5, WIDTH, y, y) for y in (0, 22, 76)]  # its box widened by a speck over the rules' ends
    assert rows_read(edges, page(_page(last_number_at=4)))[1:] == ROWS
