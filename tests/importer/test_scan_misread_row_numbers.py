"""A coarse scan (150 dpi) of a table printed without rules: OCR misreads the numbers in its number column past any
numeral's shape, a bold 'II' whose serifs touch read 'WH' or 'HE:', a row's '1' with a speck beside it read '1Đ'.
The table ended at such a row, and every task under it lost its cells (their texts read in one). A short token of no
small letter alone in the number column (``markers.misread_number``) is a row's number when it has a figure, a
section row's when a row's number follows under it (``unruled``); a paragraph after the table, whose words run on
across the number column's gap, still ends it."""

from __future__ import annotations

from importer.markers import misread_number
from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

HEAD = [(10, 14, "TT"), (60, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]
FIRST = [(12, 34, "1"), (40, 34, "Rà soát thủ tục"), (190, 34, "Văn phòng"), (300, 34, "Quý I/2026")]
AFTER = [(10, 120, "Văn phòng theo dõi, tổng hợp kết quả của các phòng và báo cáo.")]


def _end(words) -> float:
    return max(rule["top"] for rule in unruled_rules(page(HEAD + FIRST + words + AFTER))[0])


def test_it_knows_a_number_misread():
    assert all(misread_number(token) for token in ("WH", "HE:", "1Đ", "2"))
    assert not any(misread_number(token) for token in ("Văn", "Sở", "UBND", "", "các"))


def test_a_table_without_rules_goes_on_over_a_section_row_whose_numeral_ocr_misread():
    for numeral in ("WH", "HE:"):
        section = [(12, 50, numeral), (40, 50, "Cải cách chế độ công vụ")]
        row = [(12, 66, "1"), (40, 66, "Đánh giá công chức"), (190, 66, "Văn phòng"), (300, 66, "Hằng tháng")]

        assert 66 < _end(section + row) < 110  # under the last row, above the paragraph (not under the first: 34)


def test_a_table_without_rules_goes_on_over_a_row_whose_number_ocr_misread():
    row = [(12, 50, "1Đ"), (40, 50, "Cắt giảm thời gian"), (190, 50, "Phòng Nghiệp vụ"), (300, 50, "Quý I/2026")]
    last = [(12, 66, "2"), (40, 66, "Số hóa hồ sơ"), (190, 66, "Văn phòng"), (300, 66, "Tháng 8/2026")]

    assert 66 < _end(row + last) < 110


def test_a_misread_numeral_with_no_row_under_it_ends_the_table():
    second = [(12, 50, "2"), (40, 50, "Số hóa hồ sơ"), (190, 50, "Văn phòng"), (300, 50, "Tháng 8/2026")]
    section = [(12, 66, "WH"), (40, 66, "Cải cách chế độ công vụ")]

    assert 50 < _end(second + section) < 66
