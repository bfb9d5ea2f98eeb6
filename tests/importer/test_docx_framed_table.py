"""A Word plan may draw a box round its task catalogue: a table of one column whose cell holds the catalogue's
title line, the catalogue as a table nested in it, and a note (tests/fixtures/other-unseen4, a commune's plan).
The frame is no table: its content is read as the body's, the nested catalogue a table of its own. A nested
table inside a cell of a real table (several columns) stays that cell's text."""

from __future__ import annotations

import docx

from importer.model import Block, Table
from importer.pipeline import Limits
from importer.readers import read

ROWS = (
    ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
    ("1.1", "Ban hành Kế hoạch kiểm tra", "Phòng Văn hóa - Xã hội", "Tháng 02/2026"),
    ("1.2", "Số hóa sổ hộ tịch", "Văn phòng HĐND và UBND xã", "Quý III/2026"),
)


def _fill(table, rows) -> None:
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text


def test_it_reads_the_content_of_a_one_column_frame_as_the_body(tmp_path):
    d = docx.Document()
    d.add_paragraph("II. NHIỆM VỤ")
    box = d.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "BẢNG PHÂN CÔNG NHIỆM VỤ"
    _fill(box.add_table(rows=len(ROWS), cols=4), ROWS)
    box.add_paragraph("Ghi chú: báo cáo trước ngày 10 tháng cuối quý.")
    d.save(tmp_path / "plan.docx")
    items = read(tmp_path / "plan.docx", Limits()).items

    assert [type(item).__name__ for item in items] == ["Block", "Block", "Table", "Block"]
    assert items[1] == Block("BẢNG PHÂN CÔNG NHIỆM VỤ")
    assert isinstance(items[2], Table) and items[2].rows == ROWS


def test_it_keeps_a_table_nested_in_a_cell_of_several_columns_as_that_cells_text(tmp_path):
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Nội dung"
    _fill(outer.cell(0, 1).add_table(rows=1, cols=2), (("Chủ trì", "Phòng Kinh tế"),))
    d.save(tmp_path / "plan.docx")
    tables = read(tmp_path / "plan.docx", Limits()).tables

    assert len(tables) == 1
    assert tables[0].rows[0][0] == "Nội dung" and "Phòng Kinh tế" in tables[0].rows[0][1]
