"""A task table that gives the reform area a column of its own, 'TT | Lĩnh vực | Nhiệm vụ | …', its cell merged down
over the area's tasks (Word's vertical merge printed by LibreOffice in tests/fixtures/other-unseen7, tỉnh Quảng
Trị, and in tests/fixtures/other-producers, phường Long Biên; an HTML rowspan), has no section rows: each task
takes its area from that column."""

from pathlib import Path

from importer.pipeline import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

PAGE = """<!doctype html><html><body>
<p>ỦY BAN NHÂN DÂN XÃ AN PHÚ</p><p>Số: 05/KH-UBND</p><p>An Phú, ngày 10 tháng 01 năm 2026</p>
<p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2026</p>
<p>II. NHIỆM VỤ</p>
<table border=1>
<tr><th>TT</th><th>Lĩnh vực</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời gian</th><th>Sản phẩm</th></tr>
<tr><td>1</td><td rowspan=2>Cải cách thể chế</td><td>Rà soát văn bản quy phạm pháp luật của xã</td>
<td>Văn phòng HĐND và UBND xã</td><td>Quý II/2026</td><td>Báo cáo</td></tr>
<tr><td>2</td><td>Phổ biến pháp luật cho Nhân dân</td><td>Phòng Văn hóa - Xã hội</td><td>Quý III/2026</td>
<td>Hội nghị</td></tr>
<tr><td>3</td><td>Xây dựng chính quyền số</td><td>Số hóa hồ sơ hộ tịch</td><td>Công an xã</td><td>Năm 2026</td>
<td>Dữ liệu</td></tr>
</table></body></html>
"""


def test_it_takes_each_tasks_area_from_the_area_column(tmp_path):
    path = tmp_path / "ke-hoach.html"
    path.write_text(PAGE, encoding="utf-8")
    tasks = run(path).tasks
    assert [(t.no, t.area, t.lead) for t in tasks] == [
        ("1", "the_che", "Văn phòng HĐND và UBND xã"),
        ("2", "the_che", "Phòng Văn hóa - Xã hội"),
        ("3", "chinh_phu_so", "Công an xã"),
    ]


def test_it_reads_the_merged_area_cells_of_a_printed_plan():
    tasks = run(FIXTURES / "other-unseen7" / "tinh_quangtri_kh_cchc_2026_cot_linh_vuc_lo.pdf").tasks
    assert [t.area for t in tasks] == ["the_che"] * 2 + ["tthc"] * 3 + ["cong_vu"] + ["chinh_phu_so"] * 2


def test_it_reads_the_area_column_standing_first_in_a_word_table():
    tasks = run(FIXTURES / "other-producers" / "phuong_longbien_kh_cchc_2026_linhvuc.docx").tasks
    assert [t.area for t in tasks] == ["the_che"] * 2 + ["tthc"] * 3 + ["bo_may"] + ["cong_vu"] * 2 + [
        "chinh_phu_so"
    ] * 2
