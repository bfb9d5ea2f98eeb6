"""A task table split by section rows whose title is led by a word and its number, 'Nội dung 1. Cải cách thủ tục
hành chính', 'Nhiệm vụ 2: Cải cách chế độ công vụ', one cell across the row (tests/fixtures/other-unseen8, xã Vĩnh
Thạnh printed by LibreOffice and Sở Tư pháp Hưng Yên printed by Chromium): each is a section numbered as printed,
neither a task nor a second row of the head (the first one, under the head, reads 'Nội dung …' as a column name)."""

from pathlib import Path

from importer.markers import split_labelled
from importer.pipeline import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

PAGE = """<!doctype html><html lang=vi><body>
<p>ỦY BAN NHÂN DÂN</p><p>XÃ TÂN HỘI</p><p>Số: 03/KH-UBND</p><p>Tân Hội, ngày 09 tháng 01 năm 2026</p>
<p>KẾ HOẠCH</p><p>Cải cách hành chính xã Tân Hội năm 2026</p>
<p>I. NHIỆM VỤ CỤ THỂ</p>
<table border=1 cellpadding=4>
<tr><th>TT</th><th>Nội dung công việc</th><th>Đơn vị chủ trì</th><th>Thời gian hoàn thành</th></tr>
<tr><td colspan=4>Nội dung 1. Cải cách thủ tục hành chính</td></tr>
<tr><td>1</td><td>Niêm yết thủ tục hành chính tại Trung tâm</td><td>Văn phòng HĐND và UBND xã</td>
<td>Quý I/2026</td></tr>
<tr><td colspan=4>Nội dung 2. Cải cách chế độ công vụ</td></tr>
<tr><td>1</td><td>Đánh giá, xếp loại công chức cấp xã</td><td>Phòng Văn hóa - Xã hội</td><td>Tháng 12/2026</td></tr>
</table></body></html>
"""


def test_it_splits_a_labelled_section_title_into_its_number_and_title():
    assert split_labelled("Nhiệm vụ 1: Cải cách thể chế") == ("1", "Cải cách thể chế")
    assert split_labelled("NỘI DUNG 2. CẢI CÁCH THỦ TỤC HÀNH CHÍNH") == ("2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    assert split_labelled("Nội dung công việc") is None


def test_it_reads_labelled_section_rows_under_the_head(tmp_path):
    path = tmp_path / "ke-hoach.html"
    path.write_text(PAGE, encoding="utf-8")
    tasks = run(path).tasks
    assert [(t.section, t.no, t.area, t.lead) for t in tasks] == [
        ("1", "1", "tthc", "Văn phòng HĐND và UBND xã"),
        ("2", "1", "cong_vu", "Phòng Văn hóa - Xã hội"),
    ]


def test_it_reads_the_sections_of_a_printed_plan():
    tasks = run(FIXTURES / "other-unseen8" / "xa_vinhthanh_kh_cchc_2026_noi_dung_lo.pdf").tasks
    assert [(t.section, t.no) for t in tasks] == [("1", "1"), ("1", "2"), ("2", "1"), ("3", "1"), ("4", "1")] + [
        ("4", "2")
    ]
    assert [t.deadline for t in tasks][2:4] == ["6 tháng đầu năm", "Tháng 6 và tháng 12"]


def test_it_numbers_sections_written_nhiem_vu_as_printed():
    tasks = run(FIXTURES / "other-unseen8" / "so_tuphap_kh_cchc_2026_nhiem_vu_so_chromium.pdf").tasks
    assert [t.section for t in tasks] == ["1", "1", "2", "2", "2", "3", "4", "4"]
