"""A plan signed with the signer's title alone over the name ('GIÁM ĐỐC' / 'Trần Phước Hiền'), no 'Nơi nhận'
and no 'TM.' or 'KT.' before it, still names its signer; a title in a sentence or over no name does not."""

from importer.header import extract_meta
from tests.importer.test_header import lines

PLAN = """UBND TỈNH QUẢNG NGÃI
SỞ TÀI CHÍNH
Số: 96/KH-STC
Quảng Ngãi, ngày 05 tháng 02 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026 của Sở Tài chính
IV. TỔ CHỨC THỰC HIỆN
Văn phòng Sở tổng hợp báo cáo Giám đốc Sở hằng quý.
GIÁM ĐỐC
Trần Phước Hiền
Phụ lục I
"""


def _meta(text: str):
    return extract_meta(lines(text))


def test_it_reads_the_name_under_a_bare_title():
    meta = _meta(PLAN)
    assert (meta.signer, meta.signer_title) == ("Trần Phước Hiền", "Giám đốc")


def test_it_takes_no_signer_from_a_title_over_no_name():
    assert _meta(PLAN.replace("Trần Phước Hiền\n", "")).signer is None
