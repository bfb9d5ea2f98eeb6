"""A ministry's task table names its output column by the form of the act it will issue, 'Hình thức văn bản'
(Nghị định, Thông tư, Quyết định), often beside a 'Cấp trình' column (who it goes to): that column is the output;
'Cấp trình' is none of the task's fields."""

from importer.pipeline import run

HEAD = """BỘ NỘI VỤ
Số: 15/KH-BNV
Hà Nội, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026 của Bộ Nội vụ
I. MỤC TIÊU
- Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 95%.
II. NHIỆM VỤ
"""
PIPES = """| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Cấp trình | Thời gian hoàn thành | Hình thức văn bản |
|---|---|---|---|---|---|---|
| I | CẢI CÁCH THỂ CHẾ | | | | | |
| 1 | Xây dựng Nghị định về việc làm | Vụ Tổ chức - Biên chế | Vụ Pháp chế | Chính phủ | Tháng 6/2026 | Nghị định |
| 2 | Soạn Thông tư về công chức | Vụ Công chức - Viên chức | Các đơn vị | Bộ trưởng | Tháng 9/2026 | Thông tư |
"""
TABS = """TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tHình thức văn bản
1\tXây dựng Nghị định quy định về vị trí việc làm\tVụ Tổ chức - Biên chế\tVụ Pháp chế\tTháng 6/2026\tNghị định
2\tXây dựng Thông tư hướng dẫn đánh giá công chức\tVụ Công chức - Viên chức\tCác đơn vị\tTháng 9/2026\tThông tư
"""


def _fields(tmp_path, name: str, table: str) -> list[tuple]:
    path = tmp_path / name
    path.write_text(HEAD + table, encoding="utf-8")
    return [(t.lead, t.partners, t.deadline, t.output) for t in run(path).tasks]


def test_it_reads_the_form_of_the_act_as_the_output(tmp_path):
    assert _fields(tmp_path, "ke-hoach.md", PIPES) == [
        ("Vụ Tổ chức - Biên chế", "Vụ Pháp chế", "Tháng 6/2026", "Nghị định"),
        ("Vụ Công chức - Viên chức", "Các đơn vị", "Tháng 9/2026", "Thông tư"),
    ]


def test_it_reads_it_in_a_table_pasted_with_tabs(tmp_path):
    assert [fields[3] for fields in _fields(tmp_path, "ke-hoach.txt", TABS)] == ["Nghị định", "Thông tư"]
