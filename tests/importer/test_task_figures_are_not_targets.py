"""A figure in a task row of the catalogue is a target only when the row states one: a bound ('Tối thiểu
80%'), the figure reached ('đạt 100%') or a target's shape ('100% hồ sơ …'); the reach of an action
('Triển khai nền tảng họp trực tuyến đến 100% xã, phường') is no target."""

from importer.model import Document, Meta, Table
from importer.targets import extract_targets


def test_it_takes_a_row_stating_a_figure_for_a_target_and_a_task_reaching_one_for_none():
    table = Table(
        rows=(
            ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"),
            ("1", "Triển khai nền tảng họp trực tuyến đến 100% xã, phường", "Sở Khoa học và Công nghệ", "Quý II"),
            ("2", "Tỷ lệ hồ sơ giải quyết trực tuyến: Tối thiểu 60%", "Văn phòng UBND tỉnh", "Năm 2026"),
            ("3", "Số hóa hồ sơ thủ tục hành chính đạt 100%", "Văn phòng UBND tỉnh", "Năm 2026"),
            ("4", "100% hồ sơ được tiếp nhận trên Hệ thống thông tin giải quyết TTHC", "Các sở", "Năm 2026"),
        )
    )
    targets, _ = extract_targets(Document(items=(table,)), Meta(period_start="2026-01", period_end="2026-12"))

    assert [(t.value, t.comparator, t.text[:12]) for t in targets] == [
        (60.0, ">=", "Tỷ lệ hồ sơ "),
        (100.0, "=", "Số hóa hồ sơ"),
        (100.0, "=", "100% hồ sơ đ"),
    ]
