"""A department's table of targets (tests/fixtures/other-unseen5, the Sở Công Thương plan printed by LibreOffice)
gives its unit in a column of its own and last year's figure beside this year's plan: 'TT | Chỉ tiêu | Đơn vị
tính | Năm 2025 | Kế hoạch 2026'. The plan's target is the 'Kế hoạch 2026' column. A page break cuts the table:
its last row stands on the next page as a table of its own, with no head row; it is still a target."""

from importer.model import Document, Location, Meta, Table
from importer.targets import extract_targets

HEAD = ("TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Kế hoạch 2026")
PAGE_ONE = Table(
    rows=(
        HEAD,
        ("I", "Cải cách thủ tục hành chính", "", "", ""),
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn", "%", "96", "≥ 98"),
        ("II", "Cải cách chế độ công vụ", "", "", ""),
        ("2", "Tỷ lệ công chức được đánh giá theo kết quả công việc", "%", "80", "100"),
    ),
    location=Location(page=1, table=0),
)
PAGE_TWO = Table(
    rows=(("3", "Số cuộc kiểm tra công vụ tại các đơn vị thuộc Sở", "Cuộc", "3", "4"),),
    location=Location(page=2, table=1),
)
PLAN = Meta(period_start="2026-01", period_end="2026-12")


def test_it_reads_the_years_plan_beside_last_years_figure():
    targets, _ = extract_targets(Document(items=(PAGE_ONE,)), PLAN)
    assert [(t.value, t.unit, t.comparator, t.area) for t in targets] == [
        (98.0, "%", ">=", "tthc"),
        (100.0, "%", "=", "cong_vu"),
    ]


def test_it_reads_the_rows_a_page_break_carried_to_the_next_page():
    targets, _ = extract_targets(Document(items=(PAGE_ONE, PAGE_TWO)), PLAN)
    assert [(t.text, t.value, t.unit, t.area) for t in targets][2:] == [
        ("Số cuộc kiểm tra công vụ tại các đơn vị thuộc Sở", 4.0, "Cuộc", "cong_vu"),
    ]


def test_a_headless_table_on_the_same_page_carries_nothing_on():
    apart = Table(rows=PAGE_TWO.rows, location=Location(page=1, table=1))
    targets, _ = extract_targets(Document(items=(PAGE_ONE, apart)), PLAN)
    assert len(targets) == 2
