"""A scanned section row's roman numeral printed in a serif face, whose serifs touch: II is read 'H' (two strokes
joined), III 'HH' (two H sharing the middle stroke), and a speck beside the numeral is read as one more letter, a
marked capital no numeral holds ('HỘ' for II). Read back (``markers.ocr_roman``), the row is a section row and the
table printed without rules goes on over it: it ended at 'HỘ' and the section's tasks were read as text."""

from __future__ import annotations

from importer.markers import ocr_roman
from importer.model import Block, Document, Problem, Table
from importer.readers.pdf.unruled import unruled_rules
from importer.tasks import extract_tasks
from tests.printed import page

HEAD = ("TT", "Nội dung", "Chủ trì", "Thời hạn")


def test_it_reads_a_serif_numeral_as_ocr_joins_its_strokes():
    assert [ocr_roman(t) for t in ("HỘ", "HH", "HH.", "IÔ", "LỘ")] == ["II", "III", "III", "I", "I"]
    assert [ocr_roman(t) for t in ("HỘI", "HHH", "Hà", "VỀ", "XÃ", "HỘ.I")] == [None] * 6


def test_it_takes_scanned_section_rows_numbered_ho_and_hh():
    rows = (
        ("I", "Cải cách thủ tục hành chính", "", ""),
        ("1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2026"),
        ("HỘ", "Cải cách chế độ công vụ", "", ""),
        ("1", "Đánh giá, xếp loại công chức", "Văn phòng", "Hằng tháng"),
        ("HH", "Xây dựng chính quyền số", "", ""),
        ("1", "Số hóa sổ hộ tịch", "Phòng Kinh tế", "Quý IV/2026"),
    )
    document = Document(items=(Block("KẾ HOẠCH"), Table(rows=(HEAD, *rows))), problems=(Problem("ocr", "OCR"),))

    tasks, _ = extract_tasks(document)

    assert [(task.section, task.content) for task in tasks] == [
        ("I", "Rà soát thủ tục hành chính"),
        ("II", "Đánh giá, xếp loại công chức"),
        ("III", "Số hóa sổ hộ tịch"),
    ]


def test_a_table_without_rules_goes_on_over_a_section_row_numbered_ho():
    words = [(10, 14, "TT"), (60, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]
    words += [(12, 34, "1"), (40, 34, "Rà soát thủ tục"), (190, 34, "Văn phòng"), (300, 34, "Quý I/2026")]
    words += [(12, 50, "HỘ"), (40, 50, "Cải cách chế độ công vụ")]
    words += [(12, 66, "1"), (40, 66, "Đánh giá công chức"), (190, 66, "Văn phòng"), (300, 66, "Hằng tháng")]
    words += [(10, 90, "IV. TỔ CHỨC THỰC HIỆN"), (10, 104, "Văn phòng theo dõi, tổng hợp kết quả của các phòng.")]

    end = max(rule["top"] for rule in unruled_rules(page(words))[0])

    assert 66 < end < 80  # under the last row, not under the first (34)
