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


FIVE_YEARS = Table(
    rows=(
        ("TT", "Chỉ tiêu", "Năm 2026", "Năm 2027", "Năm 2028"),
        ("I", "Cải cách thủ tục hành chính", "", "", ""),
        ("1", "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình (%)", "60", "65", "70"),
        ("II", "Xây dựng chính quyền số", "", "", ""),
        ("2", "Tỷ lệ văn bản được ký số (%)", "95", "-", "Tối thiểu 98"),
    )
)


def test_it_sets_a_target_for_each_year_of_the_plans_period_a_column_gives():
    """A plan for 2026-2028 whose Phụ lục gives each year a column (tests/fixtures/other-unseen2, the province's
    plan for 2026-2030): a target a year, its phase that year; a cell without a figure sets none."""
    targets, _ = extract_targets(Document(items=(FIVE_YEARS,)), Meta(period_start="2026-01", period_end="2028-12"))
    assert [(t.value, t.comparator, t.area, t.phase) for t in targets] == [
        (60.0, "=", "tthc", "năm 2026"),
        (65.0, "=", "tthc", "năm 2027"),
        (70.0, "=", "tthc", "năm 2028"),
        (95.0, "=", "chinh_phu_so", "năm 2026"),
        (98.0, ">=", "chinh_phu_so", "năm 2028"),
    ]


FOLLOWED_UP = Table(
    rows=(
        ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo dõi"),
        ("1", "Số thủ tục hành chính được rà soát, đơn giản hóa", "thủ tục", "20", "Văn phòng UBND tỉnh"),
        ("2", "Tỷ lệ cơ quan được kiểm tra công tác cải cách hành chính", "", "100 Sở Nội vụ", ""),
        ("3", "Số cuộc kiểm tra công vụ đột xuất", "", "Ít nhất 04 cuộc", "Sở Nội vụ"),
    )
)


def test_a_body_in_a_value_cell_is_no_unit():
    """On a scan the value cell of an appendix table (TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi)
    may run into the next column: the body's name after the figure is not the target's unit; a unit word is read
    when the unit cell is blank."""
    targets, _ = extract_targets(Document(items=(FOLLOWED_UP,)), Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.value, t.unit) for t in targets] == [(20.0, "thủ tục"), (100.0, "%"), (4.0, "cuộc")]
