"""A report of results (tests/fixtures/other-unseen2, a department's 'BÁO CÁO Kết quả thực hiện công tác cải cách
hành chính năm 2025' from a site) cites the plan it reports on and holds a table of the tasks done, with their
lead, time and result: it sets no plan, so it yields no task; it is refused with a message that says it is a
report. A plan whose annex is a report form ('Mẫu báo cáo') is still a plan."""

import pytest

from importer.errors import NotAPlan
from importer.pipeline import run

REPORT = """SỞ TƯ PHÁP TỈNH BẮC NINH
Số: 312/BC-STP
Bắc Ninh, ngày 10 tháng 12 năm 2025
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2025
Thực hiện Kế hoạch số 18/KH-STP ngày 15/01/2025 của Sở Tư pháp về cải cách hành chính năm 2025, Sở Tư pháp
báo cáo kết quả thực hiện nhiệm vụ như sau:
I. KẾT QUẢ THỰC HIỆN
| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian | Kết quả |
|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Phòng Xây dựng và Kiểm tra văn bản | Quý II/2025 | Đã hoàn thành |
| 2 | Số hóa sổ hộ tịch | Phòng Hành chính tư pháp | Tháng 10/2025 | Hoàn thành 85% |
II. PHƯƠNG HƯỚNG NĂM 2026
- Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.
"""

PLAN_WITH_A_REPORT_FORM = """ỦY BAN NHÂN DÂN XÃ NAM ĐÀN
Số: 20/KH-UBND
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
- Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 100%.
II. NHIỆM VỤ
| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Sản phẩm |
|---|---|---|---|---|
| 1 | Rà soát thủ tục hành chính | Văn phòng HĐND và UBND xã | Quý II/2026 | Báo cáo |
Mẫu báo cáo
BÁO CÁO
Kết quả thực hiện cải cách hành chính quý …
"""


def test_it_refuses_a_report_of_results_as_no_plan(tmp_path):
    path = tmp_path / "bao-cao.md"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(NotAPlan, match="là một báo cáo"):
        run(path)


def test_it_reads_a_plan_whose_annex_is_a_report_form(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(PLAN_WITH_A_REPORT_FORM, encoding="utf-8")
    assert [task.lead for task in run(path).tasks] == ["Văn phòng HĐND và UBND xã"]
