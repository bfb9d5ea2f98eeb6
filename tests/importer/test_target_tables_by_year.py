"""A table of targets that gives last year's figure beside this year's ('Chỉ tiêu năm 2025 | Chỉ tiêu năm 2026')
sets the latest year's; without a unit column, the unit is the word the value cell prints after the figure."""

from importer.model import Document, Meta, Table
from importer.targets import extract_targets

TABLE = Table(
    rows=(
        ("TT", "Chỉ tiêu", "Chỉ tiêu năm 2025", "Chỉ tiêu năm 2026", "Ghi chú"),
        ("I", "Cải cách thủ tục hành chính", "", "", ""),
        ("1", "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "50%", "Tối thiểu 70%", "Theo Kế hoạch số 28/KH-UBND"),
        ("II", "Cải cách chế độ công vụ", "", "", ""),
        ("2", "Số cuộc kiểm tra công vụ đột xuất", "02 cuộc", "Ít nhất 04 cuộc", ""),
        ("3", "Số dịch vụ công được tái cấu trúc quy trình", "08 dịch vụ", "12 dịch vụ", ""),
    )
)


def test_it_reads_the_latest_years_figure_and_its_printed_unit():
    targets, _ = extract_targets(Document(items=(TABLE,)), Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.text, t.value, t.unit, t.comparator, t.area) for t in targets] == [
        ("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", 70.0, "%", ">=", "tthc"),
        ("Số cuộc kiểm tra công vụ đột xuất", 4.0, "cuộc", ">=", "cong_vu"),
        ("Số dịch vụ công được tái cấu trúc quy trình", 12.0, "dịch vụ", "=", "cong_vu"),
    ]
