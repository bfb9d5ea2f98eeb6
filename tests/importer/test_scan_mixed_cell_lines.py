"""A scanned table printed without rules whose cells are centred from top to bottom: their lines stand at heights
between those of the cells beside them, and Tesseract reads a line of one cell with words of its neighbours as one
line that runs across the head's gaps (Hoàn Kiếm's photo: 'gbiểâNmAnti:h-ờÂuihglý…' over two columns, a row's
'3' read 'ý' in front of it). Such a line (two at most in a row) does not end the table when the table's lines go
on under it; the table is read again column by column. A paragraph under the table, its first line indented and
the next one from the margin, still ends it."""

from __future__ import annotations

from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

HEAD = [(10, 14, "TT"), (60, 14, "Nội dung"), (190, 14, "Chủ trì"), (270, 14, "Phối hợp"), (350, 14, "Thời hạn")]
ROWS = [(12, 40, "1"), (60, 40, "Rà soát thủ tục"), (190, 40, "Văn phòng"), (270, 40, "Bưu điện")]
ROWS += [(350, 40, "Quý I"), (12, 60, "ý"), (60, 60, "hộ tịch chứng thực đề xuất cắt giảm thời gian")]
ROWS += [(60, 70, "giải quyết"), (12, 90, "2"), (60, 90, "Số hóa hồ sơ"), (190, 90, "Phòng Kinh tế")]
ROWS += [(270, 90, "Công an"), (350, 90, "Quý II")]
PARAGRAPH = [(60, 120, "Văn phòng HĐND và UBND phường theo dõi, tổng hợp, báo cáo")]
PARAGRAPH += [(10, 130, "Chủ tịch Ủy ban nhân dân phường hằng quý kết quả thực hiện")]


def _end(words) -> float:
    """Where the rule under the page's table printed without rules stands."""
    rules, _ = unruled_rules(page(words))
    return max(rule["top"] for rule in rules)


def test_it_goes_on_past_a_line_of_cells_read_as_one():
    assert _end(HEAD + ROWS) > 90


def test_it_ends_at_a_paragraph_under_the_table():
    assert 90 < _end(HEAD + ROWS + PARAGRAPH) < 115
