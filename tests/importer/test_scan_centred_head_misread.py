"""A head printed over two lines, some names centred from top to bottom beside names of two lines (the right page
of a two-up sheet repeats Hoàn Kiếm's head so): Tesseract reads the centred words with a line they do not stand on,
cut and mixed into pieces that name nothing ('LOUNB', 'cpng' under 'Nội dung công việc', 'THIẾU' over 'hạn'). A
piece of any length that lies under or over a name read on the head's other line is such a piece; the head's lines
still name at least two columns each, and the table printed without rules is found."""

from __future__ import annotations

from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

ROWS = [(12, 40, "1"), (60, 40, "Rà soát thủ tục"), (190, 40, "Văn phòng"), (270, 40, "Bưu điện")]
ROWS += [(350, 40, "Quý I"), (12, 60, "2"), (60, 60, "Số hóa hồ sơ"), (190, 60, "Phòng Kinh tế")]
ROWS += [(270, 60, "Công an"), (350, 60, "Quý II")]
FIRST = [(10, 14, "ST"), (60, 14, "Nội dung công việc"), (190, 14, "Chủ"), (270, 14, "Phối")]
SECOND = [(12, 24, "T"), (190, 24, "trì"), (270, 24, "hợp"), (350, 24, "hạn")]


def _found(head) -> bool:
    return bool(unruled_rules(page(head + ROWS))[0])


def test_it_takes_pieces_under_a_name_of_the_line_above_as_the_head_s():
    assert _found(FIRST + [(350, 14, "Thời")] + SECOND + [(64, 24, "LOUNB"), (120, 24, "cpng")])


def test_it_takes_a_piece_over_a_name_of_the_line_below_as_the_head_s():
    assert _found(FIRST + [(350, 14, "THIẾU")] + SECOND)
    assert _found(FIRST + [(350, 14, "THIẾU")] + SECOND + [(64, 24, "LOUNB")])  # each line misread by a name


def test_it_takes_no_long_piece_beside_no_name():
    first = [(10, 14, "ST"), (60, 14, "Nội dung"), (190, 14, "Chủ"), (270, 14, "Phối"), (350, 14, "Thời")]

    assert _found(first + SECOND + [(64, 24, "LOUNB")])
    assert not _found(first + SECOND + [(120, 24, "LOUNB")])  # right of 'Nội dung', under no name
