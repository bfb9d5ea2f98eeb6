"""A task table whose header row was lost or garbled is still read, its columns told by the shape of its rows."""

from importer.model import Document, Table
from importer.tasks import extract_tasks


def test_it_reads_a_task_table_whose_header_it_cannot_read():
    table = Table(
        rows=(
            ("TT", "N0i dvng", "Th0i gjan", "C0 qvan chu trj", "Phoj hqp", "San pham"),
            (
                "1",
                "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
                "Quý II/2026",
                "Văn phòng HĐND và UBND xã",
                "Các phòng",
                "Báo cáo",
            ),  # noqa: E501
            (
                "2",
                "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa",
                "Thường xuyên",
                "Trung tâm Phục vụ hành chính công",
                "",
                "Danh mục",
            ),  # noqa: E501
            (
                "3",
                "Kiểm tra công vụ, kỷ luật, kỷ cương hành chính",
                "Quý III/2026",
                "Phòng Văn hóa - Xã hội",
                "Văn phòng HĐND và UBND xã",
                "Thông báo",
            ),  # noqa: E501
        )
    )
    tasks, _ = extract_tasks(Document(items=(table,)))
    assert [(t.no, t.lead, t.partners, t.deadline, t.output) for t in tasks] == [
        ("1", "Văn phòng HĐND và UBND xã", "Các phòng", "Quý II/2026", "Báo cáo"),
        ("2", "Trung tâm Phục vụ hành chính công", None, "Thường xuyên", "Danh mục"),
        ("3", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Quý III/2026", "Thông báo"),
    ]


def test_it_takes_no_table_of_other_figures_for_a_catalogue():
    table = Table(
        rows=(
            ("TT", "Đơn vị", "Số hồ sơ", "Tỷ lệ"),
            ("1", "Phường Lê Chân", "1.204", "96%"),
            ("2", "Phường An Biên", "980", "94%"),
            ("3", "Xã An Lão", "640", "91%"),
        )
    )
    assert extract_tasks(Document(items=(table,)))[0] == ()
