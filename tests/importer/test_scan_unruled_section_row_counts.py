"""A scanned table printed without rules is told from a paragraph naming columns by two rows under its head. On a
page of cells centred from top to bottom, Tesseract reads their lines mixed, and may keep one row's number only
(Hoàn Kiếm's photo, the second page: of 'III', '1', '2', '3' only the '2' was read apart): a section row (its
numeral, its title across the columns) is a row too, so a section and one numbered task make a table."""

from __future__ import annotations

from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

HEAD = [(10, 14, "TT"), (60, 14, "Nội dung"), (190, 14, "Chủ trì"), (270, 14, "Phối hợp"), (350, 14, "Thời hạn")]
SECTION = [(10, 40, "III Xây dựng chính quyền số")]
TASK = [(12, 60, "2"), (60, 60, "Tập huấn kỹ năng số"), (190, 60, "Phòng Văn hóa"), (270, 60, "Đoàn Thanh")]
TASK += [(350, 60, "Tháng 5")]


def test_it_finds_a_table_of_a_section_row_and_one_numbered_row():
    assert unruled_rules(page(HEAD + SECTION + TASK))[0]


def test_it_finds_none_under_a_head_with_a_single_row():
    assert not unruled_rules(page(HEAD + TASK))[0]
