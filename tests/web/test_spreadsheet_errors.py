"""A workbook with mistakes is reported row by row and column by column, in Vietnamese, and nothing of it is
saved; rows the user may not change are mistakes too; only people who fill figures or tasks may upload."""

from __future__ import annotations

import datetime as dt
import io

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from apps.plans.models import Target
from apps.tracking.models import Measurement, TaskUpdate
from tests.web.conftest import PASSWORD

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


def download(client, plan):
    return load_workbook(io.BytesIO(client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content))


def upload(client, plan, wb):
    out = io.BytesIO()
    wb.save(out)
    return client.post(
        f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": SimpleUploadedFile("so-lieu.xlsx", out.getvalue())}
    )


@time_machine.travel(APRIL)
def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_saved(client, officer, plan):
    other = Target.objects.create(plan=plan, position=2, text="Mức độ hài lòng tối thiểu 95%", value=95)
    client.login(username=officer.username, password=PASSWORD)
    wb = download(client, plan)
    figures = wb["Số liệu"]
    figures["E2"] = 88  # a good row: still not saved, the file has errors
    figures["E3"] = "abc"
    figures.append([other.pk, other.text, "≥ 95%", "Quý 5 2026", 90])
    figures.append([999999, "?", "", "Quý I 2026", 90])
    figures.append([other.pk, other.text, "", "Năm 2026", None, 5, 0])
    figures.append([other.pk, other.text, "", "Quý I 2026", "130"])
    tasks = wb["Nhiệm vụ"]
    tasks["F2"] = "Xong rồi chăng"
    tasks["G3"] = "nhiều"
    preview = client.get(upload(client, plan, wb)["Location"])
    problems = [str(p) for p in preview.context["result"].problems]
    assert "Dòng 3, cột Giá trị: “abc” không phải là số: hãy ghi số, VD 85,5 hoặc 85,5%" in problems
    assert any(p.startswith("Dòng 8, cột Kỳ: 'Quý 5 2026'") for p in problems), problems
    assert "Dòng 9, cột Mã chỉ tiêu: '999999' không phải là mã chỉ tiêu của kế hoạch này" in problems
    assert "Dòng 10, cột Mẫu số: Mẫu số phải lớn hơn 0" in problems
    assert "Dòng 11, cột Giá trị: tỷ lệ 130% phải nằm trong khoảng 0–100%" in problems
    assert any(p.startswith("Dòng 2, cột Tình trạng: 'Xong rồi chăng' không phải là tình trạng") for p in problems)
    assert "Dòng 3, cột Tiến độ %: “nhiều” không phải là số: hãy ghi số, VD 85,5 hoặc 85,5%" in problems
    page = preview.content.decode()
    assert "Trang tính “Số liệu” – Dòng 3, cột Giá trị: “abc” không phải là số: hãy ghi số" in page
    assert "chưa có thay đổi nào được lưu" in page
    assert "Xác nhận lưu" not in page
    # a forged confirm does not save the good row either
    client.post(preview.request["PATH_INFO"], {"confirm": "1", "digest": preview.context["digest"]})
    assert not Measurement.objects.exists()
    assert not TaskUpdate.objects.exists()


@time_machine.travel(APRIL)
def test_another_agencys_rows_are_errors_but_unchanged_rows_are_not(client, agency_officer, plan):
    client.login(username=agency_officer.username, password=PASSWORD)
    wb = download(client, plan)
    wb["Nhiệm vụ"]["F2"] = "Đang thực hiện"  # their own task
    preview = client.get(upload(client, plan, wb)["Location"])
    assert preview.context["result"].ok  # the other agency's row is there, untouched: fine

    wb["Nhiệm vụ"]["G3"] = 50  # the office's task
    preview = client.get(upload(client, plan, wb)["Location"])
    problems = [str(p) for p in preview.context["result"].problems]
    assert problems == ["Dòng 3, cột ID: bạn không được cập nhật nhiệm vụ do Văn phòng HĐND và UBND chủ trì"]
    client.post(preview.request["PATH_INFO"], {"confirm": "1", "digest": preview.context["digest"]})
    assert not TaskUpdate.objects.exists()


@time_machine.travel(APRIL)
def test_another_agency_may_not_enter_the_centres_figures_from_a_workbook(client, other_agency_officer, plan):
    client.login(username=other_agency_officer.username, password=PASSWORD)
    wb = download(client, plan)
    wb["Số liệu"]["E2"] = 90
    preview = client.get(upload(client, plan, wb)["Location"])
    problems = [str(p) for p in preview.context["result"].problems]
    assert problems == [
        "Dòng 2, cột Mã chỉ tiêu: bạn không được nhập số liệu cho chỉ tiêu này (do Trung tâm Phục vụ hành chính công"
        " theo dõi)"
    ]


@time_machine.travel(APRIL)
def test_a_file_that_is_not_the_plans_workbook_is_refused(client, officer, plan):
    client.login(username=officer.username, password=PASSWORD)
    fake = SimpleUploadedFile("so-lieu.xlsx", b"%PDF-1.4 not a workbook")
    page = client.post(f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": fake})
    assert page.status_code == 200 and "không đúng định dạng" in page.content.decode()
    wb = Workbook()
    wb.active.title = "Trang 1"
    page = upload(client, plan, wb)
    assert page.status_code == 200
    assert "Không thấy trang tính “Số liệu” hoặc “Nhiệm vụ”" in page.content.decode()
    wb.active.title = "Số liệu"
    wb.active.append(["Mã chỉ tiêu", "Giá trị"])
    page = upload(client, plan, wb)
    assert "Trang tính “Số liệu” thiếu cột: Kỳ, Tử số, Mẫu số, Nguồn." in page.content.decode()


def test_who_may_upload(client, leader, reviewer, other_commune_officer, plan):
    for user, status in ((leader, 403), (reviewer, 403), (other_commune_officer, 404)):
        client.login(username=user.username, password=PASSWORD)
        assert client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/").status_code == status
        assert client.get(f"/ke-hoach/{plan.pk}/bang-tinh/xem-truoc/").status_code == status
    client.login(username=other_commune_officer.username, password=PASSWORD)
    assert client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").status_code == 404
