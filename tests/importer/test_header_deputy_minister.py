"""A ministry's plan is signed by a deputy minister 'KT. BỘ TRƯỞNG' over 'THỨ TRƯỞNG' (tests/fixtures/other-unseen4,
a ministry's plan laid out by fpdf2; other-offices, a ministry's Word plan), an office's by its deputy chief 'KT.
CHÁNH VĂN PHÒNG' over 'PHÓ CHÁNH VĂN PHÒNG': the signer's title is theirs."""

import pytest

from importer.header import describe_signer_title, extract_meta
from tests.importer.test_header import lines

PLAN = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 412/KH-BNNMT
Hà Nội, ngày 16 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
V. TỔ CHỨC THỰC HIỆN
Vụ Tổ chức cán bộ theo dõi, tổng hợp./.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Hoàng Hiệp
"""


def test_it_names_the_deputy_minister_who_signs():
    meta = extract_meta(lines(PLAN))
    assert (meta.signer, meta.signer_title) == ("Nguyễn Hoàng Hiệp", "Thứ trưởng")


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        (["kt. chanh van phong", "pho chanh van phong"], "Phó Chánh Văn phòng"),
        (["bo truong"], "Bộ trưởng"),
        (["kt. chu tich", "pho chu tich"], "Phó Chủ tịch"),
    ],
)
def test_it_describes_the_titles_of_ministers_and_office_chiefs(printed, title):
    assert describe_signer_title(printed) == title
