"""A speck of dust in a scanned page's margin, left of a table printed without rules, read as a letter ('r'): the
table ended at the line it stands on, and every row under it lost its cells (a health department's plan at
150 dpi). A text standing wholly outside the table's head, a font's height away at least, is no line of the table
nor its end (``unruled``); a paragraph after the table, which starts where the table does, still ends it."""

from __future__ import annotations

from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

HEAD = [(90, 14, "TT"), (140, 14, "Nội dung"), (240, 14, "Chủ trì"), (320, 14, "Thời hạn")]
ROWS = [(92, 34, "1"), (120, 34, "Rà soát thủ tục"), (230, 34, "Văn phòng"), (320, 34, "Quý I")]
ROWS += [(120, 50, "hành chính")]
ROWS += [(92, 66, "2"), (120, 66, "Số hóa hồ sơ"), (230, 66, "Phòng Kinh tế"), (320, 66, "Quý II")]
AFTER = [(90, 100, "Văn phòng theo dõi, tổng hợp kết quả của các phòng và báo cáo.")]


def _end(words) -> float:
    return max(rule["top"] for rule in unruled_rules(page(HEAD + words + AFTER))[0])


def test_a_speck_in_the_margin_does_not_end_a_table_without_rules():
    assert 66 < _end([*ROWS, (30, 50, "r")]) < 100  # under the last row, above the paragraph


def test_a_paragraph_after_the_table_still_ends_it():
    assert 66 < _end(ROWS) < 100
