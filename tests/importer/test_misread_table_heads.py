"""A task table whose head OCR misread still maps its columns: a column name a letter or two off
('+ Phốổợp', 'Sản ẩ phẩm', a bold two-row head scanned) is taken for the name it is closest to, a 'Ghi chú'
or an unknown column ('Kinh phí') is not; section rows numbered 1, 2, 3 over tasks 1.1, 1.2 keep their
number when OCR read its dot as '_' and when their title runs to eleven words."""

from importer.model import Document, Table
from importer.tasks import extract_tasks


def _tasks(*rows: tuple[str, ...]) -> list[tuple]:
    tasks, _ = extract_tasks(Document(items=(Table(rows=rows),)))
    return [(t.section, t.no, t.lead, t.partners, t.deadline, t.output) for t in tasks]


def test_it_maps_columns_whose_names_ocr_misread():
    assert _tasks(
        (
            "TỰ",
            "Nội dung nhiệm vụ",
            "Cơ quan thực hiện\n3 Chủ trì",
            "+ Phốổợp",
            "Thời gian hoàn thành “O#",
            "Sản ẩ phẩm",
        ),
        ("1.1", "Ban hành Kế hoạch kiểm tra", "Văn phòng UBND xã", "Phòng Văn hóa", "Tháng 02/2026", "Kế hoạch"),
    ) == [(None, "1.1", "Văn phòng UBND xã", "Phòng Văn hóa", "Tháng 02/2026", "Kế hoạch")]


def test_it_takes_no_note_or_unknown_column_for_a_missing_one():
    assert _tasks(
        ("TT", "Nội dung", "Chủ trì", "Kinh phí", "Thời gian", "Ghi chú"),
        ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở", "50 triệu đồng", "Quý II/2026", "Chuyển tiếp"),
    ) == [(None, "1", "Văn phòng Sở", None, "Quý II/2026", None)]


def test_it_keeps_the_number_of_a_section_row_ocr_damaged_or_long():
    head = ("TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm")
    tasks = _tasks(
        head,
        ("1", "Cải cách thủ tục hành chính", "", "", "", ""),
        ("1.1", "Niêm yết thủ tục", "Văn phòng", "Các phòng", "Thường xuyên", "Thủ tục"),
        ("2", "Cải cách tổ chức bộ máy và chế độ công vụ", "", "", "", ""),
        ("2.1", "Rà soát vị trí việc làm", "Phòng Nội vụ", "Các phòng", "Quý II/2026", "Đề án"),
        ("3_", "Cải cách tài chính công", "", "", "", ""),
        ("3.1", "Công khai dự toán", "Phòng Kinh tế", "Văn phòng", "Trước 31/12/2026", "Báo cáo"),
    )
    assert [(section, no) for section, no, *_ in tasks] == [("1", "1.1"), ("2", "2.1"), ("3", "3.1")]
