"""A scanned table printed without rules gives its section rows' roman numerals as OCR damages a lone numeral: two
strokes joined read 'H' (II), 'HI' or 'IH' (III), a stroke read 'L', 'l' or '1' (I). Such a row, its title in
ordinary letters ('Cải cách chế độ công vụ', not capitals) and no lead nor deadline beside it, is a section row
when its numeral comes next in the sequence of sections or its title names one; a number of figures only ('1')
only when both hold, and only in a document read by OCR (in a typed one '1' is a task's). The table without rules
goes on over such a row (``unruled``) instead of ending at it."""

from __future__ import annotations

from importer.markers import ocr_roman
from importer.model import Block, Document, Problem, Table
from importer.readers.pdf.unruled import unruled_rules
from importer.tasks import extract_tasks
from tests.printed import page

HEAD = ("TT", "Nội dung", "Chủ trì", "Thời hạn")


def _tasks(rows, scanned=True):
    problems = (Problem("ocr", "OCR"),) if scanned else ()
    tasks, _ = extract_tasks(Document(items=(Block("KẾ HOẠCH"), Table(rows=(HEAD, *rows))), problems=problems))
    return [(task.section, task.content) for task in tasks]


def test_it_reads_a_lone_numeral_as_ocr_damages_it():
    assert [ocr_roman(t) for t in ("H", "HI", "IH", "1H", "Il", "11", "L", "l", "IIl", "1V", "III.")] == [
        "II",
        "III",
        "III",
        "III",
        "II",
        "II",
        "I",
        "I",
        "III",
        "IV",
        "III",
    ]
    assert [ocr_roman(t) for t in ("IIII", "a", "12", "B", "")] == [None] * 5  # 'HH': test_scan_serif_numerals


def test_it_takes_a_scanned_section_row_numbered_h_for_ii():
    rows = (
        ("I", "Cải cách thủ tục hành chính", "", ""),
        ("1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2026"),
        ("H", "Cải cách chế độ công vụ", "", ""),
        ("1", "Đánh giá, xếp loại công chức", "Văn phòng", "Hằng tháng"),
        ("HI", "Xây dựng chính quyền số", "", ""),
        ("1", "Số hóa sổ hộ tịch", "Phòng Kinh tế", "Quý IV/2026"),
    )

    assert _tasks(rows) == [
        ("I", "Rà soát thủ tục hành chính"),
        ("II", "Đánh giá, xếp loại công chức"),
        ("III", "Số hóa sổ hộ tịch"),
    ]


def test_it_takes_a_numeral_of_ones_for_a_section_only_in_its_place_in_a_scan():
    rows = (
        ("1", "Cải cách thủ tục hành chính", "", ""),
        ("1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2026"),
        ("11", "Cải cách chế độ công vụ", "", ""),
        ("1", "Đánh giá, xếp loại công chức", "Văn phòng", "Hằng tháng"),
    )

    assert _tasks(rows) == [("I", "Rà soát thủ tục hành chính"), ("II", "Đánh giá, xếp loại công chức")]
    typed = _tasks(rows, scanned=False)
    assert ("", "Cải cách chế độ công vụ") not in typed and len(typed) > 2  # typed: '11' and '1' are tasks' numbers


def test_it_keeps_a_scanned_task_numbered_1_out_of_its_place_as_a_task():
    rows = (
        ("I", "Cải cách thủ tục hành chính", "", ""),
        ("1", "Cải cách chế độ công vụ", "", ""),  # the next section would be II: a task whose cells were lost
        ("2", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2026"),
    )

    assert _tasks(rows) == [("I", "Cải cách chế độ công vụ"), ("I", "Rà soát thủ tục hành chính")]


def test_a_table_without_rules_goes_on_over_a_section_row_numbered_hi():
    words = [(10, 14, "TT"), (60, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]
    words += [(12, 34, "1"), (40, 34, "Rà soát thủ tục"), (190, 34, "Văn phòng"), (300, 34, "Quý I/2026")]
    words += [(12, 50, "HI"), (40, 50, "Xây dựng chính quyền số")]
    words += [(12, 66, "1"), (40, 66, "Số hóa hồ sơ"), (190, 66, "Phòng Kinh tế"), (300, 66, "Tháng 6/2026")]
    words += [(10, 90, "IV. TỔ CHỨC THỰC HIỆN"), (10, 104, "Văn phòng theo dõi, tổng hợp kết quả của các phòng.")]

    end = max(rule["top"] for rule in unruled_rules(page(words))[0])

    assert 66 < end < 80  # under the last row, above the part heading (not under the first row: 34)
