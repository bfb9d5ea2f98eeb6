"""A people's council of any level ('HỘI ĐỒNG NHÂN DÂN' over 'TỈNH CAO BẰNG', 'XÃ ĐỨC THỌ') issues its
resolution as a committee issues its plan: the council is the issuer at its level, the 'NGHỊ QUYẾT' over
the title is the document's type, and a legal document's number carries its year ('05/2026/NQ-HĐND')
without being taken for one of the documents it cites."""

import pytest

from importer.header import compose_issuer, extract_meta
from tests.importer.test_header import lines

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{level} Độc lập - Tự do - Hạnh phúc
Số: 05/2026/NQ-HĐND Cao Bằng, ngày 27 tháng 3 năm 2026
NGHỊ QUYẾT
Về đẩy mạnh cải cách hành chính giai đoạn 2026 - 2030
HỘI ĐỒNG NHÂN DÂN {level}
KHÓA XVII, KỲ HỌP THỨ 12
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
QUYẾT NGHỊ:
Điều 1. Giao Ủy ban nhân dân tổ chức thực hiện Nghị quyết này.
"""


@pytest.mark.parametrize(
    ("level", "issuer", "issuer_level"),
    [
        ("TỈNH CAO BẰNG", "HĐND tỉnh Cao Bằng", "tinh"),
        ("XÃ ĐỨC THỌ", "HĐND xã Đức Thọ", "xa"),
        ("PHƯỜNG TÂN MAI", "HĐND phường Tân Mai", "xa"),
        ("THÀNH PHỐ HẢI PHÒNG", "HĐND thành phố Hải Phòng", "tinh"),
    ],
)
def test_it_names_the_council_of_any_level_as_issuer(level, issuer, issuer_level):
    meta = extract_meta(lines(RESOLUTION.format(level=level)))
    assert (meta.issuer, meta.issuer_level) == (issuer, issuer_level)


def test_it_reads_the_resolution_title_under_its_type():
    meta = extract_meta(lines(RESOLUTION.format(level="TỈNH CAO BẰNG")))
    assert meta.title == "Về đẩy mạnh cải cách hành chính giai đoạn 2026 - 2030"


def test_it_reads_a_number_with_its_year_as_the_documents_own():
    meta = extract_meta(lines(RESOLUTION.format(level="TỈNH CAO BẰNG")))
    assert meta.number == "05/2026/NQ-HĐND"
    assert meta.bases == ("76/NQ-CP",)


def test_it_reads_the_council_by_its_short_name_too():
    assert compose_issuer("HĐND XÃ MAO ĐIỀN") == ("HĐND xã Mao Điền", "xa")
    assert compose_issuer("ỦY BAN NHÂN DÂN XÃ MAO ĐIỀN") == ("UBND xã Mao Điền", "xa")
