"""A plan may group its task table under one row per agency ('I | VĂN PHÒNG HĐND VÀ UBND PHƯỜNG') and give no
lead column: the group names who leads the tasks under it (tests/fixtures/other-unseen4, a ward's plan in Word and
printed by LibreOffice). In a table with a lead column, a group row names no lead; a row cut by a page break
that carries a task on does not take the lead again."""

from importer.model import Block, Document, Location, Table
from importer.tasks import extract_tasks

HEAD = ("STT", "Nội dung công việc", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm đầu ra")


def _tasks(*tables):
    items = tuple(Table(rows=rows, location=Location(page=n + 1)) for n, rows in enumerate(tables))
    return extract_tasks(Document(items=(Block("KẾ HOẠCH"), *items)))[0]


def test_it_gives_each_task_the_agency_its_group_row_names():
    tasks = _tasks(
        (
            HEAD,
            ("I", "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG", "", "", ""),
            ("1", "Rà soát văn bản quy phạm pháp luật", "Các phòng chuyên môn", "Quý II/2026", "Báo cáo"),
            ("II", "PHÒNG VĂN HÓA - XÃ HỘI", "", "", ""),
            ("2", "Tuyên truyền cải cách hành chính", "Trung tâm Văn hóa", "Quý I-IV", "Tin, bài"),
            ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""),
            ("3", "Công khai thủ tục hành chính", "", "Thường xuyên", ""),
        )
    )
    assert [(t.section, t.lead) for t in tasks] == [
        ("I", "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG"),
        ("II", "PHÒNG VĂN HÓA - XÃ HỘI"),
        ("III", None),
    ]
    assert tasks[0].partners == "Các phòng chuyên môn"


def test_it_names_no_lead_from_a_group_row_where_the_table_has_a_lead_column():
    head = ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
    tasks = _tasks((head, ("I", "PHÒNG VĂN HÓA - XÃ HỘI", "", "", ""), ("1", "Kiểm tra", "", "Công an xã", "Quý II")))
    assert tasks[0].lead is None


def test_it_does_not_name_the_lead_twice_on_a_row_cut_by_the_page_break():
    tasks = _tasks(
        (HEAD, ("I", "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG", "", "", ""), ("1", "Tổng hợp, báo cáo tình hình", "", "", "")),
        (("", "thực hiện nhiệm vụ", "Phòng Văn hóa - Xã hội", "Tháng 3, 6, 9, 12", "Báo cáo định kỳ"),),
    )
    assert len(tasks) == 1
    assert tasks[0].lead == "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG"
    assert tasks[0].deadline == "Tháng 3, 6, 9, 12"
