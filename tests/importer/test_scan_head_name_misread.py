"""A scanned table printed without rules whose head has one name misread past knowing ('qậy dung' for 'Nội dung':
dust beside it, smoothed with its letters): the head is still known when the line's other texts name four columns
or more (``unruled._names_columns``); with fewer, a line of one unknown text among names is no head."""

from __future__ import annotations

from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

ROWS = [(12, 40, "1"), (60, 40, "Rà soát thủ tục"), (190, 40, "Văn phòng"), (270, 40, "Bưu điện")]
ROWS += [(350, 40, "Quý I"), (12, 60, "2"), (60, 60, "Số hóa hồ sơ"), (190, 60, "Phòng Kinh tế")]
ROWS += [(270, 60, "Công an"), (350, 60, "Quý II")]


def _found(head) -> bool:
    return bool(unruled_rules(page(head + ROWS))[0])


def test_it_finds_a_head_with_one_name_misread_past_knowing():
    names = [(190, 14, "Đơn vịch ủ"), (270, 14, "Đơn vip hối"), (350, 14, "Thời"), (400, 14, "Kết quả")]
    # the name of one line stands between the head's two; read across, its ink came out as pieces on the second
    under = [(10, 24, "T"), (100, 24, "MNg"), (132, 24, "vi"), (190, 24, "trì"), (270, 24, "hợp"), (350, 24, "hạn")]

    first = [(10, 14, "ST"), (60, 14, "qậy dung"), (112, 14, "công"), (142, 14, "việc")]

    assert _found(first + names + under)
    assert not _found(first[:2] + names[:3] + under[:1] + under[3:5])  # 'qậy dung' and three names: not enough
