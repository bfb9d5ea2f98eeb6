"""A fax's lone section numeral I with a speck or two over it is read as a marked I ('ï', 'Í', 'Î'): it is still the
numeral I (``markers.ocr_roman``), and the row under it a section row of the table. Nghệ An's health department
plan faxed lost its first section ('ï CẢI CÁCH THỂ CHẾ')."""

from __future__ import annotations

from importer.markers import ocr_roman
from importer.model import Block, Document, Problem, Table
from importer.tasks import extract_tasks

HEAD = ("TT", "Nội dung", "Chủ trì", "Thời hạn")


def test_it_reads_a_marked_i_as_the_numeral_i():
    assert [ocr_roman(t) for t in ("ï", "Ï", "î", "Î", "í", "ì", "ïI")] == ["I"] * 6 + ["II"]
    assert [ocr_roman(t) for t in ("i", "ü", "ö")] == [None] * 3


def test_it_takes_a_scanned_section_row_numbered_with_a_marked_i():
    rows = (
        ("ï", "CẢI CÁCH THỂ CHẾ", "", ""),
        ("1", "Rà soát văn bản quy phạm pháp luật", "Thanh tra Sở", "Tháng 9/2026"),
        ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""),
        ("1", "Số hóa hồ sơ cấp phép", "Phòng Nghiệp vụ Dược", "Tháng 8/2026"),
    )
    document = Document(items=(Block("KẾ HOẠCH"), Table(rows=(HEAD, *rows))), problems=(Problem("ocr", "OCR"),))
    tasks, _ = extract_tasks(document)
    assert [(task.section, task.content) for task in tasks] == [
        ("I", "Rà soát văn bản quy phạm pháp luật"),
        ("II", "Số hóa hồ sơ cấp phép"),
    ]
