"""On a scan, a speck OCR reads in an empty cell ('+', '.', ':') is no cell's text: a section row whose lead cell
holds one ('II | Cải cách chế độ công vụ | +') is still a section row, not a task of no lead, and the tasks under
it are the section's. In a typed document a cell's mark is the document's own."""

from __future__ import annotations

from importer.model import Block, Document, Problem, Table
from importer.tasks import extract_tasks

HEAD = ("TT", "Nội dung", "Chủ trì", "Thời hạn")
ROWS = (
    ("I", "Cải cách thủ tục hành chính", "", ""),
    ("1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2026"),
    ("II", "Cải cách chế độ công vụ", "+", ""),
    ("1", "Đánh giá, xếp loại công chức", "Văn phòng", "Hằng tháng"),
)


def _tasks(scanned: bool):
    problems = (Problem("ocr", "OCR"),) if scanned else ()
    tasks, _ = extract_tasks(Document(items=(Block("KẾ HOẠCH"), Table(rows=(HEAD, *ROWS))), problems=problems))
    return [(task.section, task.content) for task in tasks]


def test_a_scanned_section_row_with_a_speck_in_a_cell_is_a_section_row():
    assert _tasks(scanned=True) == [("I", "Rà soát thủ tục hành chính"), ("II", "Đánh giá, xếp loại công chức")]


def test_a_typed_row_with_a_mark_in_a_cell_stays_as_it_was():
    assert len(_tasks(scanned=False)) == 3
