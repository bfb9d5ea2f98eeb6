"""A Công văn (tests/fixtures/other-unseen2, a commune's letter asking its units to report) prints its subject
under its number ('V/v báo cáo …') and its addressees under the head ('Kính gửi: …'): neither is part of the
issuer's name ('UBND xã Nam Đàn', not 'UBND xã Nam Đàn V' nor '… Kính')."""

import pytest

from importer.pipeline import run

HEAD = """ỦY BAN NHÂN DÂN
XÃ NAM ĐÀN
Số: 112/UBND-VP
V/v báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2026
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nam Đàn, ngày 02 tháng 6 năm 2026
{addressees}
Ủy ban nhân dân xã đề nghị các cơ quan báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính 6 tháng đầu năm 2026.
"""


@pytest.mark.parametrize("addressees", ["Kính gửi: Các ban, ngành, đoàn thể xã.", "Kính gửi:\n- Các ban, ngành xã;"])
def test_it_leaves_a_letters_subject_and_addressees_out_of_its_issuer(tmp_path, addressees):
    path = tmp_path / "cong-van.txt"
    path.write_text(HEAD.format(addressees=addressees), encoding="utf-8")
    meta = run(path).meta
    assert (meta.number, meta.issuer, meta.issuer_level) == ("112/UBND-VP", "UBND xã Nam Đàn", "xa")
