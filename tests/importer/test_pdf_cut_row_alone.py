"""The end of a task row the page break cut can stand alone at the top of the next page (LibreOffice draws it
as a one-row table): it is still the table's row, so the task's text goes on there ('… ứng dụng định' /
'danh điện tử VNeID mức độ 2'); a one-row box elsewhere is no table."""

from __future__ import annotations

from importer.model import Block, Table
from importer.readers.pdf import edge, find_tables, place_tables

CARRY = ("10", "Hướng dẫn người dân cài đặt, sử dụng ứng dụng định", "Công an phường")


def _placed(words: list[tuple[float, float, str]], carry: tuple[str, ...] | None) -> list:
    edges = [edge("h", 0, 400, 40, 40), edge("h", 0, 400, 70, 70)]
    edges += [edge("v", x, x, 40, 70) for x in (0, 50, 250, 400)]

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text for x, y, text in words if x0 <= x <= x1 and top <= y <= bottom)

    return [item for _, item in place_tables(find_tables(edges, 400, 300), 400, 300, text_in, 3, carry)]


def test_it_keeps_the_end_of_a_cut_row_as_a_row_on_the_next_page():
    items = _placed([(150, 55, "danh điện tử VNeID mức độ 2"), (200, 200, "4. TỔ CHỨC THỰC HIỆN")], CARRY)
    assert isinstance(items[0], Table)
    assert items[0].rows == (("", "danh điện tử VNeID mức độ 2", ""),)


def test_it_reads_a_lone_box_under_text_as_text():
    items = _placed([(20, 10, "Ghi chú của trang"), (150, 55, "Nội dung trong khung")], CARRY)
    assert all(isinstance(item, Block) for item in items)
