"""Dashboards and lists export to .xlsx: the rows the page shows, under a heading saying what the table is, its
unit, the day its figures stand at and who exported it; text that looks like a formula stays text; what a person
may not see they cannot export either."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import time_machine
from openpyxl import load_workbook

from apps.plans.models import Task

HN = ZoneInfo("Asia/Ho_Chi_Minh")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _book(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return load_workbook(io.BytesIO(response.content))


def _rows(sheet):
    return list(sheet.iter_rows(values_only=True))


@time_machine.travel(dt.datetime(2026, 12, 20, 9, 0, tzinfo=HN))
def test_it_exports_my_tasks_with_a_heading_and_formula_text_kept_as_text(client, plan, agency_officer, pvhcc):
    Task.objects.create(plan=plan, position=3, content='=HYPERLINK("http://x","bấm")', lead=pvhcc)
    agency_officer.first_name, agency_officer.last_name = "Nguyễn Văn", "An"
    agency_officer.save()
    client.force_login(agency_officer)
    book = _book(client.get("/nhiem-vu/cua-toi/", {"xuat": "xlsx"}))
    assert book.sheetnames == ["Quá hạn", "Sắp đến hạn", "Chưa hoàn thành"]
    rows = _rows(book["Chưa hoàn thành"])
    assert rows[0][0] == "Nhiệm vụ của tôi: Chưa hoàn thành"
    assert rows[1][0] == "Đơn vị: Xã Kẽ Sắt"
    assert rows[2][0] == "Số liệu đến ngày 20/12/2026"
    assert rows[3][0].startswith("Người xuất: Nguyễn Văn An, lúc 09:00 ngày 20/12/2026")
    assert rows[5][:2] == ("TT", "Nhiệm vụ")
    body = rows[6:]
    contents = {r[1] for r in body}
    assert contents == {"Rà soát, đơn giản hóa thủ tục hành chính", '=HYPERLINK("http://x","bấm")'}
    task = next(r for r in body if r[1].startswith("Rà soát"))
    assert task[0] == "II.1" and task[2] == "94/KH-UBND" and task[4] == "Trung tâm Phục vụ hành chính công"
    assert task[5].date() == dt.date(2026, 12, 31) and task[7] == "Chưa thực hiện" and task[8] == 0
    sheet = book["Chưa hoàn thành"]
    formula = next(c for c in sheet["B"] if c.value and str(c.value).startswith("="))
    assert formula.data_type == "s" and formula.quotePrefix
    assert sheet.freeze_panes == "A7"
    due_soon = _rows(book["Sắp đến hạn"])[6:]
    assert [r[1] for r in due_soon] == ["Rà soát, đơn giản hóa thủ tục hành chính"]


@time_machine.travel(dt.datetime(2026, 12, 20, 9, 0, tzinfo=HN))
def test_it_exports_a_plans_task_list_as_filtered(client, plan, officer, vanphong):
    client.force_login(officer)
    book = _book(client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/", {"agency": vanphong.pk, "xuat": "xlsx"}))
    assert book.sheetnames == ["Nhiệm vụ (đã lọc)"]
    rows = _rows(book.active)
    assert rows[0][0] == "Danh mục nhiệm vụ 94/KH-UBND: Nhiệm vụ (đã lọc)"
    assert [r[1] for r in rows[6:]] == ["Rà soát văn bản quy phạm pháp luật"]
    everything = _rows(_book(client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/", {"xuat": "xlsx"})).active)
    assert len(everything[6:]) == 2


@time_machine.travel(dt.datetime(2026, 12, 20, 9, 0, tzinfo=HN))
def test_it_exports_the_unit_and_city_dashboards(client, leader, reviewer, plan):
    client.force_login(leader)
    book = _book(client.get(f"/tong-quan/don-vi/{plan.unit_id}/", {"xuat": "xlsx"}))
    assert book.sheetnames == ["Theo lĩnh vực", "Theo cơ quan chủ trì", "Chỉ tiêu", "Quá hạn", "Sắp đến hạn"]
    areas = _rows(book["Theo lĩnh vực"])
    assert areas[0][0] == "Tổng quan Xã Kẽ Sắt: nhiệm vụ theo lĩnh vực"
    assert areas[5][:3] == ("Lĩnh vực", "Tổng", "Chưa thực hiện")
    assert {r[0]: r[1] for r in areas[6:]} == {"Cải cách thể chế": 1, "Cải cách thủ tục hành chính": 1}
    targets = _rows(book["Chỉ tiêu"])
    assert targets[4][0].startswith("Đánh giá theo số liệu kỳ gần nhất: Đạt: đạt mục tiêu; Đúng hướng: chưa đạt")
    assert targets[7][0].startswith("Tỷ lệ hồ sơ giải quyết trực tuyến") and targets[7][7] == "Chưa có số liệu"

    client.force_login(reviewer)
    book = _book(client.get("/tong-quan/thanh-pho/", {"xuat": "xlsx"}))
    rows = _rows(book["Xã, đặc khu"])
    assert rows[0][0] == "Tổng quan toàn thành phố: Xã, đặc khu" and rows[1][0] == "Đơn vị: Toàn thành phố"
    kesat = next(r for r in rows[6:] if r[0] == "Xã Kẽ Sắt")
    assert kesat[1:] == (2, 0, 0, 0, 1, 0)


def test_it_refuses_exports_to_those_who_may_not_see_the_page(client, plan, other_commune_officer, leader):
    client.force_login(other_commune_officer)
    assert client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/", {"xuat": "xlsx"}).status_code in (403, 404)
    assert client.get(f"/tong-quan/don-vi/{plan.unit_id}/", {"xuat": "xlsx"}).status_code in (403, 404)
    client.force_login(leader)
    assert client.get("/tong-quan/thanh-pho/", {"xuat": "xlsx"}).status_code == 403
