"""A plan may print its task catalogue as one ruled table per reform area, its area's title between them
(tests/fixtures/other-unseen3, a Word plan printed by LibreOffice). An area with a single task is a table of one
row: it is a table when its cells stand at the column lines of a table above it on the page, or on the previous
page when it stands at the top of a page; a one-row box at other lines is no table. Such a row, boxed by its
drawn rules, is no head of a table ruled only across whose rows would run on over the text under it, and the
next area's table numbers its tasks anew ('1' after the one-row area's '1' is no merged number repeated)."""

from __future__ import annotations

from pathlib import Path

from importer.model import Block, Document, Location, Table
from importer.pipeline import run
from importer.readers.pdf import edge, find_tables, open_table_columns, place_tables
from importer.tasks import extract_tasks
from tests.printed import page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen3"

WORDS = [
    (20, 55, "1"),
    (100, 55, "Cắt giảm thời gian giải quyết thủ tục"),
    (300, 55, "Văn phòng Sở"),
    (20, 85, "2"),
    (100, 85, "Số hóa hồ sơ cấp giấy phép"),
    (300, 85, "Trung tâm Thông tin"),
    (20, 120, "3. Xây dựng chính quyền số"),
    (20, 155, "1"),
    (100, 155, "Cập nhật cơ sở dữ liệu về nhà ở"),
    (300, 155, "Phòng Nhà ở"),
]


def _items(columns: tuple[float, ...]) -> list:
    edges = [edge("h", 0, 400, y, y) for y in (40, 70, 100)] + [edge("v", x, x, 40, 100) for x in (0, 50, 250, 400)]
    edges += [edge("h", columns[0], columns[-1], y, y) for y in (140, 170)]
    edges += [edge("v", x, x, 140, 170) for x in columns]

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text for x, y, text in WORDS if x0 <= x <= x1 and top <= y <= bottom)

    return [item for _, item in place_tables(find_tables(edges, 400, 300), 400, 300, text_in, 2)]


def test_it_reads_a_one_row_table_at_the_column_lines_of_the_table_above_as_a_table():
    tables = [item for item in _items((0, 50, 250, 400)) if isinstance(item, Table)]
    assert [table.rows for table in tables][1] == (("1", "Cập nhật cơ sở dữ liệu về nhà ở", "Phòng Nhà ở"),)


def test_it_reads_a_one_row_box_at_other_lines_as_text():
    items = _items((0, 90, 280, 400))
    assert sum(isinstance(item, Table) for item in items) == 1
    assert any(isinstance(item, Block) and item.text == "Phòng Nhà ở" for item in items)


def _top_of_page(earlier_columns: tuple[float, ...]) -> list:
    """Page 3 of a plan: the one-row table of area 3 at its top, under its title; page 2 ended with a table of
    ``earlier_columns``."""
    words = [(20, 20, "3. Xây dựng chính quyền số"), *WORDS[-3:], (20, 200, "III. TỔ CHỨC THỰC HIỆN")]
    earlier = [edge("h", 0, 400, y, y) for y in (200, 230, 260)]
    earlier += [edge("v", x, x, 200, 260) for x in earlier_columns]
    edges = [edge("h", 0, 400, y, y) for y in (140, 170)] + [edge("v", x, x, 140, 170) for x in (0, 50, 250, 400)]

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text for x, y, text in words if x0 <= x <= x1 and top <= y <= bottom)

    tables = find_tables(edges, 400, 300)
    placed = place_tables(tables, 400, 300, text_in, 3, None, find_tables(earlier, 400, 300))
    return [item for _, item in placed]


def test_it_reads_a_one_row_table_at_the_top_of_a_page_at_the_previous_pages_column_lines_as_a_table():
    tables = [item for item in _top_of_page((0, 50, 250, 400)) if isinstance(item, Table)]
    assert [table.rows for table in tables] == [(("1", "Cập nhật cơ sở dữ liệu về nhà ở", "Phòng Nhà ở"),)]


def test_it_reads_a_one_row_box_at_the_top_of_a_page_at_other_lines_as_text():
    assert not any(isinstance(item, Table) for item in _top_of_page((0, 90, 280, 400)))


def test_it_reads_no_open_table_under_a_one_row_table():
    """A one-row grid, no rule under it on the page: the text under it is no row of a table cut by the break."""
    words = [(10, 14, "1"), (50, 14, "Số hóa hồ sơ"), (250, 14, "Trung tâm Tin học")]
    words += [(10, 40, "III. TỔ CHỨC THỰC HIỆN"), (10, 56, "Văn phòng Sở theo dõi, tổng hợp kết quả")]
    edges = [edge("h", 0, 400, y, y) for y in (0, 24)] + [edge("v", x, x, 0, 24) for x in (0, 40, 240, 400)]
    assert open_table_columns(edges, page(words)) == []


def test_it_numbers_the_next_areas_table_anew():
    head = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành")
    document = Document(
        items=(
            Table(rows=(head, ("1", "Số hóa hồ sơ", "Văn phòng Sở", "Quý I/2026")), location=Location(page=1)),
            Block("4. Cải cách tài chính công", Location(page=1)),
            Table(rows=(("1", "Công khai ngân sách", "Phòng Tài chính", "Quý II/2026"),), location=Location(page=1)),
        )
    )
    tasks, _ = extract_tasks(document)
    assert [(task.no, task.content) for task in tasks] == [("1", "Số hóa hồ sơ"), ("1", "Công khai ngân sách")]


def test_it_reads_a_word_plans_one_row_areas_at_the_top_of_pages():
    """The Word plan of the Department of Industry and Trade printed by LibreOffice: areas 3 and 5, of one task
    each, start pages 2 and 3."""
    plan = run(FIXTURES / "so_congthuong_kh_cchc_2026_bang_linhvuc_lo.pdf")
    assert [(task.no, task.lead, task.deadline) for task in plan.tasks] == [
        ("1", "Văn phòng Sở", "Quý II/2026"),
        ("2", "Văn phòng Sở", "Thường xuyên"),
        ("3", "Văn phòng Sở", "Thường xuyên"),
        ("1", "Phòng Tổ chức cán bộ", "Quý I/2026"),
        ("2", "Phòng Tổ chức cán bộ", "Quý III/2026"),
        ("1", "Trung tâm Khuyến công", "Tháng 9/2026"),
        ("1", "Phòng Kế hoạch - Tài chính", "Quý IV/2026"),
        ("2", "Phòng Kế hoạch - Tài chính", "Hằng năm"),
        ("1", "Phòng Tổ chức cán bộ", "Tháng 12/2026"),
    ]
    assert plan.tasks[5].content == "Số hóa hồ sơ cấp giấy chứng nhận đủ điều kiện kinh doanh"
    assert plan.tasks[-1].content == "Đánh giá, xếp loại công chức theo kết quả thực hiện nhiệm vụ"
