"""A commune's task table may name its lead column by the desk or the officer who does the work rather than by a
body: 'Bộ phận thực hiện' (beside 'Bộ phận phối hợp'), 'Người thực hiện'. That column is the lead."""

from importer.pipeline import run

HEAD = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
Số: 05/KH-UBND
An Phú, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
II. NHIỆM VỤ
"""
DESKS = """| STT | Nội dung công việc | Bộ phận thực hiện | Bộ phận phối hợp | Thời gian | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật của xã | Văn phòng HĐND và UBND xã | Phòng Kinh tế | Quý II/2026 | Báo cáo |
| 2 | Số hóa hồ sơ hộ tịch | Công an xã | Phòng Văn hóa - Xã hội | Năm 2026 | Dữ liệu |
"""
OFFICERS = """| TT | Nội dung | Người thực hiện | Thời hạn | Sản phẩm |
|---|---|---|---|---|
| 1 | Cập nhật thủ tục hành chính lĩnh vực hộ tịch | Công chức Tư pháp - Hộ tịch | Quý I/2026 | Danh mục |
| 2 | Niêm yết thủ tục hành chính lĩnh vực đất đai | Công chức Địa chính - Xây dựng | Quý II/2026 | Bảng niêm yết |
"""


def _fields(tmp_path, table: str) -> list[tuple]:
    path = tmp_path / "ke-hoach.md"
    path.write_text(HEAD + table, encoding="utf-8")
    return [(t.lead, t.partners, t.deadline, t.output) for t in run(path).tasks]


def test_it_takes_the_desk_doing_the_work_for_the_lead(tmp_path):
    assert _fields(tmp_path, DESKS) == [
        ("Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Quý II/2026", "Báo cáo"),
        ("Công an xã", "Phòng Văn hóa - Xã hội", "Năm 2026", "Dữ liệu"),
    ]


def test_it_takes_the_officer_doing_the_work_for_the_lead(tmp_path):
    assert [fields[0] for fields in _fields(tmp_path, OFFICERS)] == [
        "Công chức Tư pháp - Hộ tịch",
        "Công chức Địa chính - Xây dựng",
    ]
