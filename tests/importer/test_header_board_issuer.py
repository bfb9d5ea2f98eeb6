"""A board under the province's committee ('UBND TỈNH QUẢNG NINH' over 'BAN QUẢN LÝ CÁC KHU KINH TẾ') is the
issuer of its plan, of the province its parent names, as a department is; a line that issues ('Ban hành kèm
theo …') names no board."""

from importer.header import extract_meta
from tests.importer.test_header import lines

BOARD = """UBND TỈNH QUẢNG NINH
BAN QUẢN LÝ CÁC KHU KINH TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 210/KH-BQLKKT
Quảng Ninh, ngày 20 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026 của Ban Quản lý các khu kinh tế tỉnh
"""


def _meta(text: str):
    return extract_meta(lines(text))


def test_it_names_the_board_of_the_province_as_issuer():
    meta = _meta(BOARD)
    assert (meta.issuer, meta.issuer_level) == ("Ban Quản lý các khu kinh tế tỉnh Quảng Ninh", "so")


def test_it_keeps_the_committee_when_no_board_line_follows():
    assert _meta(BOARD.replace("BAN QUẢN LÝ CÁC KHU KINH TẾ\n", "")).issuer == "UBND tỉnh Quảng Ninh"
