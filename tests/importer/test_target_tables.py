"""A table of targets (TT | Chỉ tiêu | Đơn vị tính | Kết quả | Cơ quan chủ trì theo dõi) gives one target a row,
wherever it stands in the plan; its figures are not read from the task catalogue's rules."""

from importer.model import Document, Meta, Table
from importer.targets import extract_targets

TABLE = Table(
    rows=(
        ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2026", "Cơ quan chủ trì theo dõi"),
        ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""),
        ("1", "Tỷ lệ hồ sơ giải quyết trực tuyến", "%", "Tối thiểu 70", "Văn phòng UBND tỉnh"),
        ("2", "Tỷ lệ thanh toán trực tuyến", "%", "≥ 50", "Văn phòng UBND tỉnh"),
        ("II", "CHẾ ĐỘ CÔNG VỤ", "", "", ""),
        ("3", "Số lớp bồi dưỡng công chức", "lớp", "04", "Sở Nội vụ"),
        ("4", "Công chức được đánh giá bằng phần mềm", "%", "Không quá 10%", "Sở Nội vụ"),
    )
)


def test_it_reads_each_row_of_a_target_table():
    meta = Meta(period_start="2026-01", period_end="2026-12")
    targets, _ = extract_targets(Document(items=(TABLE,)), meta)
    assert [(t.text, t.value, t.unit, t.comparator, t.area, t.phase) for t in targets] == [
        ("Tỷ lệ hồ sơ giải quyết trực tuyến", 70.0, "%", ">=", "tthc", "năm 2026"),
        ("Tỷ lệ thanh toán trực tuyến", 50.0, "%", ">=", "tthc", "năm 2026"),
        ("Số lớp bồi dưỡng công chức", 4.0, "lớp", "=", "cong_vu", "năm 2026"),
        ("Công chức được đánh giá bằng phần mềm", 10.0, "%", "<=", "cong_vu", "năm 2026"),
    ]
