"""A plan may print its task catalogue as one ruled table per reform area, its area's title between them
(tests/fixtures/other-unseen3, a Word plan printed by LibreOffice). An area with a single task is a table of one
row: it is a table when its cells stand at the column lines of a table above it on the page; a one-row box at
other lines is no table."""

from __future__ import annotations

from importer.model import Block, Table
from importer.readers.pdf import edge, find_tables, place_tables

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
