"""The Word reader gives paragraphs and tables in body order, each merged cell once."""

from __future__ import annotations

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION

from importer.model import Location, Table
from importer.pipeline import Limits
from importer.readers import read


def _plan_docx(path):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    first = document.add_paragraph("Cải cách hành chính năm 2026")
    first.add_run().add_break()  # Shift+Enter: a second line in the same paragraph
    first.add_run("trên địa bàn xã")
    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ("TT", "Nội dung", "Chủ trì", "Thời gian"), strict=True):
        cell.text = text
    section = table.rows[1].cells
    section[0].text = "I"
    section[1].merge(section[3]).text = "CẢI CÁCH THỂ CHẾ"
    for row, (no, content) in zip(table.rows[2:], (("1", "Rà soát văn bản"), ("2", "Công bố TTHC")), strict=True):
        row.cells[0].text, row.cells[1].text = no, content
        row.cells[3].text = "Quý I/2026"
    lead = table.rows[2].cells[2].merge(table.rows[3].cells[2])  # one lead for both tasks
    lead.text = "Văn phòng"
    nested = table.rows[3].cells[3].add_table(rows=1, cols=2)
    nested.rows[0].cells[0].text, nested.rows[0].cells[1].text = "Bước 1", "Bước 2"
    document.add_paragraph("")
    second = document.add_table(rows=1, cols=4)
    for cell, text in zip(second.rows[0].cells, ("3", "Kiểm tra CCHC", "Phòng Văn hóa - Xã hội", "2026"), strict=True):
        cell.text = text
    document.add_paragraph("Danh mục gồm 3 nhiệm vụ.")
    document.save(path)
    return path


def test_it_reads_paragraphs_and_tables_in_body_order(tmp_path):
    document = read(_plan_docx(tmp_path / "plan.docx"), Limits())

    kinds = [type(item).__name__ for item in document.items]
    assert kinds == ["Block", "Block", "Block", "Table", "Table", "Block"]
    assert [b.text for b in document.blocks] == [
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026",
        "trên địa bàn xã",
        "Danh mục gồm 3 nhiệm vụ.",
    ]


def test_it_gives_a_merged_section_row_once_and_repeats_a_vertically_merged_cell(tmp_path):
    first, second = read(_plan_docx(tmp_path / "plan.docx"), Limits()).tables

    assert first.rows[0] == ("TT", "Nội dung", "Chủ trì", "Thời gian")
    assert first.rows[1] == ("I", "CẢI CÁCH THỂ CHẾ", "", "")
    assert first.rows[2] == ("1", "Rà soát văn bản", "Văn phòng", "Quý I/2026")
    assert first.rows[3][:3] == ("2", "Công bố TTHC", "Văn phòng")


def test_it_flattens_a_nested_table_into_its_cell(tmp_path):
    first, _ = read(_plan_docx(tmp_path / "plan.docx"), Limits()).tables

    assert first.rows[3][3] == "Quý I/2026\nBước 1 Bước 2"


def test_it_keeps_a_table_split_in_two_as_two_tables(tmp_path):
    first, second = read(_plan_docx(tmp_path / "plan.docx"), Limits()).tables

    assert first.location == Location(table=0)
    assert second == Table(rows=(("3", "Kiểm tra CCHC", "Phòng Văn hóa - Xã hội", "2026"),), location=Location(table=1))
