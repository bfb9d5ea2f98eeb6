"""A letterhead printed from Word in two columns may wrap the motto's first line after 'VIỆT' ('CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT' / 'NAM'), its 'NAM' read under the issuer's second line (tests/fixtures/other-unseen4, a ward's
plan printed by LibreOffice; other-offices, a decision printed by Chromium): 'NAM' is the motto's, not part of the
issuer. A body whose name ends in 'Nam' where the motto did not wrap keeps it."""

from importer.header import extract_meta
from tests.importer.test_header import lines

PLAN = """ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
PHƯỜNG LÊ CHÂN
NAM
Độc lập - Tự do - Hạnh phúc
Số: 06/KH-UBND
Lê Chân, ngày 12 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính phường Lê Chân năm 2026
"""


def test_it_leaves_the_wrapped_mottos_nam_out_of_the_issuer():
    meta = extract_meta(lines(PLAN))
    assert (meta.issuer, meta.issuer_level) == ("UBND phường Lê Chân", "xa")


def test_it_keeps_a_name_ending_in_nam_where_the_motto_did_not_wrap():
    text = PLAN.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n").replace(
        "PHƯỜNG LÊ CHÂN\nNAM\n", "XÃ HÒA NAM\n"
    )
    assert extract_meta(lines(text)).issuer == "UBND xã Hòa Nam"
