"""A text PDF whose table is drawn with horizontal rules only (a PDF library's or a designer's table: a rule
above and below the head and under every row, none between the columns) is read as a table: its columns part
where the head's texts and the rows leave a gap, and a section row whose title runs across them stays one cell."""

from __future__ import annotations

from importer.readers.pdf import edge, open_table_columns
from tests.printed import page, rows_read, table_rows


def test_it_reads_the_columns_of_a_table_ruled_only_across():
    words = [
        (10, 14, "TT"),
        (110, 14, "Nhiệm vụ"),
        (300, 14, "Chủ trì"),
        (10, 34, "I"),
        (50, 34, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ CHẾ ĐỘ CÔNG VỤ"),  # runs on past the lead column's start
        (10, 54, "1"),
        (50, 54, "Rà soát thủ tục hành chính"),
        (250, 54, "Văn phòng Sở"),
        (50, 66, "thuộc thẩm quyền của Sở"),
        (10, 88, "2"),
        (50, 88, "Số hóa hồ sơ"),
        (250, 88, "Trung tâm Tin học"),
    ]
    assert table_rows(words, (0, 20, 40, 74, 95)) == (
        ("TT", "Nhiệm vụ", "Chủ trì"),
        ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ CHẾ ĐỘ CÔNG VỤ", ""),
        ("1", "Rà soát thủ tục hành chính thuộc thẩm quyền của Sở", "Văn phòng Sở"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học"),
    )


def test_it_leaves_rules_under_lines_of_text_as_they_are():
    """Two rules of one width (a line under the title, one above the signature) make no table."""
    text = page([(50, 14, "KẾ HOẠCH"), (50, 34, "Cải cách hành chính năm 2026")])
    assert open_table_columns([edge("h", 0, 400, 0, 0), edge("h", 0, 400, 20, 20)], text) == []


def _pieces(y: float, *columns: tuple[float, float]) -> list[dict]:
    """A rule a browser draws cell by cell."""
    return [edge("h", a, b, y, y) for a, b in columns]


def _box(x0: float, x1: float, top: float, bottom: float) -> list[dict]:
    """A shaded cell, drawn as a box: its sides are a box's, as the reader gives them."""
    return [edge("h", x0, x1, top, top, "rect_edge"), edge("h", x0, x1, bottom, bottom, "rect_edge")] + [
        edge("v", x, x, top, bottom, "rect_edge") for x in (x0, x1)
    ]


def test_it_reads_a_web_pages_table_shaded_row_by_row_with_a_lead_merged_down():
    """Chromium's print of a table styled with a rule under each row: rules in pieces, every other row's cells
    shaded as boxes, the rule under task 1 stopping at the lead cell merged down over tasks 1 and 2."""
    cells = ((0, 40), (40, 240), (240, 330), (330, 400))
    edges = _pieces(0, *cells) + _pieces(20, *cells) + _pieces(50, (0, 40), (40, 240), (330, 400))
    edges += _pieces(80, *cells) + _box(0, 40, 20, 50) + _box(40, 240, 20, 50) + _box(240, 330, 20, 80)
    edges += _box(330, 400, 20, 50)
    words = [(10, 14, "TT"), (100, 14, "Nhiệm vụ"), (255, 14, "Chủ trì"), (340, 14, "Phối hợp")]
    words += [(15, 34, "1"), (45, 34, "Số hóa hồ sơ"), (245, 34, "Văn phòng"), (335, 34, "Sở Nội vụ")]
    words += [(15, 64, "2"), (45, 64, "Ký số văn bản"), (335, 64, "Công an")]
    assert rows_read(edges, page(words)) == (
        ("TT", "Nhiệm vụ", "Chủ trì", "Phối hợp"),
        ("1", "Số hóa hồ sơ", "Văn phòng", "Sở Nội vụ"),
        ("2", "Ký số văn bản", "Văn phòng", "Công an"),
    )
