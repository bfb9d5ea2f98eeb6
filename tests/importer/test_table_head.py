"""A table's head as offices print it: a group header over its sub-columns becomes one named row, the
row that numbers the columns goes; a section row over a task row and a caption over the head stay."""

from __future__ import annotations

import docx

from importer.pipeline import Limits
from importer.readers import read
from importer.readers.table_head import join_head, numbers_columns

HEAD = ("TT", "Nội dung", "Cơ quan thực hiện", "", "Thời gian", "Sản phẩm")
SUB = ("TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm")
NUMBERS = ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")
TASK = ("1", "Rà soát thủ tục", "Văn phòng", "Các phòng", "Quý II/2026", "Báo cáo")


def test_it_names_both_sub_columns_of_a_group_header_and_drops_the_column_numbers():
    assert join_head([HEAD, SUB, NUMBERS, TASK]) == [
        ["TT", "Nội dung", "Cơ quan thực hiện\nChủ trì", "Phối hợp", "Thời gian", "Sản phẩm"],
        list(TASK),
    ]


def test_it_leaves_a_section_row_over_a_task_row_and_a_caption_over_the_head():
    section = ("I", "CẢI CÁCH THỂ CHẾ", "", "", "", "")
    caption = ("DANH MỤC NHIỆM VỤ", "", "", "", "", "")

    assert join_head([section, TASK]) == [list(section), list(TASK)]
    assert join_head([caption, SUB]) == [list(caption), list(SUB)]


def test_it_joins_a_two_row_head_that_word_does_not_repeat(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=4, cols=6)
    for r, row in enumerate((HEAD, SUB, NUMBERS, TASK)):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Cơ quan thực hiện"
    for c in (0, 1, 4, 5):
        table.cell(0, c).merge(table.cell(1, c)).text = HEAD[c]
    d.save(tmp_path / "plan.docx")

    (rows,) = [table.rows for table in read(tmp_path / "plan.docx", Limits()).tables]
    assert rows == (("TT", "Nội dung", "Cơ quan thực hiện\nChủ trì", "Phối hợp", "Thời gian", "Sản phẩm"), TASK)


def test_it_knows_column_numbers_an_office_scan_misread_with_specks_after_them():
    # as Tesseract read the 200 dpi office scans of the LibreOffice and the Chromium plans
    assert numbers_columns(("q)", "(2)", "(3).", "(4)", "(5).", "(6)"))
    assert numbers_columns(("", "(2)", "›—@)", "(4)", "@G)", "(6)"))
    assert numbers_columns(("@)\\,", "(@)", "@3)", "(4)", "(5)", "(6)"))  # 150 dpi: two specks after '(1)'
    assert not numbers_columns(("1", "Rà soát", "Sở", "Quý I", "Báo cáo", "(6)"))
