"""The PDF reader takes tables from ruling lines, the rest as lines, page by page; scanned pages go to OCR."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from importer.model import Block, Document, Location, Table
from importer.pipeline import Limits
from importer.readers import read
from importer.text import fold

GENERATED = Path(__file__).resolve().parents[1] / "fixtures" / "generated"
OFFICES = Path(__file__).resolve().parents[1] / "fixtures" / "other-offices"


def test_it_reads_a_ruled_table_between_the_lines_of_text():
    document = read(GENERATED / "tiny_table.pdf", Limits())

    assert document == Document(
        items=(
            Block("KẾ HOẠCH thử nghiệm đọc bảng", Location(page=1)),
            Table(
                rows=(
                    ("TT", "Nội dung công việc", "Cơ quan chủ trì"),
                    ("I", "CẢI CÁCH THỂ CHẾ", ""),
                    ("1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng HĐND và UBND"),
                    ("2", "Công bố thủ tục hành chính", "Phòng Văn hóa - Xã hội"),
                ),
                location=Location(page=1, table=0),
            ),
            Block("Danh mục gồm 2 nhiệm vụ.", Location(page=1)),
        ),
        source="tiny_table.pdf",
        pages=1,
    )


def test_it_keeps_a_table_that_runs_over_a_page_break_as_one_table_per_page():
    document = read(GENERATED / "001_abf02ef8f9447b69.pdf", Limits())

    pages = [table.location.page for table in document.tables]
    assert len(pages) >= 2 and pages == sorted(set(pages))
    assert [table.location.table for table in document.tables] == list(range(len(pages)))
    assert document.tables[0].rows[0][:2] == ("TT", "Nội dung công việc")


def test_it_joins_a_cell_line_broken_after_a_hyphen():
    document = read(GENERATED / "002_5bb9356c2fbded7e.pdf", Limits())

    cells = {cell for table in document.tables for row in table.rows for cell in row}
    assert any("Quyết định số 468/QĐ-TTg ngày 27 tháng 3 năm 2021" in cell for cell in cells)


def test_it_joins_a_date_a_narrow_cell_broke_because_it_did_not_fit():
    document = read(OFFICES / "vp_dienbien_tb_ket_luan_2026_lo.pdf", Limits())  # LibreOffice: "31/3/202" "6"

    deadlines = {row[0]: row[4] for table in document.tables for row in table.rows}
    assert deadlines["1"] == "Trước ngày 31/3/2026"
    assert deadlines["6"] == "6 tháng cuối năm 2026"  # a figure before words is no broken one


@pytest.mark.ocr
def test_it_reads_a_page_without_text_by_ocr(tmp_path):
    text = pdfium.PdfDocument(str(GENERATED / "tiny_table.pdf"))
    image = text[0].render(scale=300 / 72, grayscale=True).to_pil()
    image.save(tmp_path / "scan.pdf", "PDF", resolution=300)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(text)
    mixed.import_pages(pdfium.PdfDocument(str(tmp_path / "scan.pdf")))
    mixed.save(tmp_path / "mixed.pdf")
    seen = []

    document = read(tmp_path / "mixed.pdf", Limits(workers=1), progress=lambda done, total: seen.append((done, total)))

    scanned = " ".join(" ".join(block.text.split()) for block in document.blocks if block.location.page == 2)
    assert "Danh mục gồm 2 nhiệm vụ." in scanned
    # the scanned page's ruled table comes back as a table, as the text page's does
    assert [table.location.page for table in document.tables] == [1, 2]
    cells = {fold(" ".join(cell.split())) for row in document.tables[1].rows for cell in row}
    assert "cai cach the che" in cells  # OCR may miss a mark ("CÁI"): the table's shape is what is checked here
    assert seen == [(1, 1)]
    assert not document.low_fidelity
    assert [p.code for p in document.problems] == ["ocr"] and "1/2 trang" in document.problems[0].message
