"""An officer downloads the plan's workbook prefilled, fills it in, uploads it, sees what will change, confirms,
and everything is saved at once: figures, and task updates through the ordinary update service."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from apps.audit.models import AuditEntry
from apps.plans.models import TaskState
from apps.tracking.models import Measurement, Notification, Period, PeriodKind, TaskUpdate
from tests.web.conftest import PASSWORD

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


def download(client, plan):
    response = client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def upload(client, plan, wb, name="so-lieu.xlsx"):
    out = io.BytesIO()
    wb.save(out)
    return client.post(f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": SimpleUploadedFile(name, out.getvalue())})


@time_machine.travel(APRIL)
def test_the_workbook_is_prefilled_with_targets_periods_and_tasks(client, officer, plan):
    target = plan.targets.get()
    Period.ensure_year(2026)
    q1 = Period.objects.get(kind=PeriodKind.Q1, year=2026)
    Measurement.objects.create(target=target, period=q1, value=Decimal("61.5"), source="Cổng DVC")
    client.login(username=officer.username, password=PASSWORD)
    wb = download(client, plan)
    assert wb.sheetnames[:2] == ["Số liệu", "Nhiệm vụ"]
    figures = [[c.value for c in row] for row in wb["Số liệu"].iter_rows()]
    hidden = ["Phiên bản (không sửa)", "Giá trị lúc tải về (không sửa)"]
    assert figures[0] == ["Mã chỉ tiêu", "Nội dung", "Chỉ tiêu", "Kỳ", "Giá trị", "Tử số", "Mẫu số", "Nguồn", *hidden]
    assert figures[1][:9] == [target.pk, target.text, "≥ 85%", "Quý I 2026", 61.5, None, None, "Cổng DVC", 1]
    assert figures[2][8] is None  # a period with no value yet has no version
    assert [r[3] for r in figures[1:]] == ["Quý I 2026", "6 tháng 2026", "Năm 2026"]
    tasks = [[c.value for c in row] for row in wb["Nhiệm vụ"].iter_rows()]
    assert tasks[0] == ["ID", "TT", "Nội dung", "Chủ trì", "Hạn", "Tình trạng", "Tiến độ %", "Ghi chú", *hidden]
    first = plan.tasks.get(position=1)
    assert tasks[1][:9] == [
        first.pk,
        "II.1",
        first.content,
        "Trung tâm Phục vụ hành chính công",
        "31/12/2026",
        "Chưa thực hiện",
        0,
        None,
        first.version,
    ]
    for sheet in (wb["Số liệu"], wb["Nhiệm vụ"]):  # nobody edits the version columns: hidden
        assert sheet.column_dimensions["I"].hidden and sheet.column_dimensions["J"].hidden


@time_machine.travel(APRIL)
def test_the_agency_officer_fills_the_workbook_previews_and_confirms(client, agency_officer, plan):
    target = plan.targets.get()
    task = plan.tasks.get(position=1)
    client.login(username=agency_officer.username, password=PASSWORD)
    wb = download(client, plan)
    figures = wb["Số liệu"]
    figures["E2"] = "85,5"  # Quý I 2026, typed the Vietnamese way
    figures["F3"], figures["G3"], figures["H3"] = 180, 200, "Hệ thống một cửa"  # 6 tháng 2026 from a fraction
    tasks = wb["Nhiệm vụ"]
    tasks["F2"], tasks["G2"], tasks["H2"] = "Đang thực hiện", 40, "Đã rà soát 12 TTHC"

    response = upload(client, plan, wb)
    assert response.status_code == 302
    assert response["Location"] == f"/ke-hoach/{plan.pk}/bang-tinh/xem-truoc/"
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "Xác nhận lưu 3 thay đổi" in page
    assert "85,5%" in page and "90%" in page and "(180/200)" in page
    assert "Chưa thực hiện → <strong>Đang thực hiện</strong>" in page
    assert "0% → <strong>40%</strong>" in page
    assert not Measurement.objects.exists() and not TaskUpdate.objects.exists()  # nothing saved before confirming

    response = client.post(preview.request["PATH_INFO"], {"confirm": "1", "digest": preview.context["digest"]})
    assert response.status_code == 302
    values = {m.period.kind: m for m in Measurement.objects.filter(target=target).select_related("period")}
    assert values[PeriodKind.Q1].value == Decimal("85.50")
    assert values[PeriodKind.H1].value == Decimal("90.00")
    assert values[PeriodKind.H1].source == "Hệ thống một cửa"
    assert values[PeriodKind.H1].entered_by == agency_officer
    update = TaskUpdate.objects.get(task=task)
    assert (update.state, update.progress, update.comment) == (TaskState.IN_PROGRESS, 40, "Đã rà soát 12 TTHC")
    assert update.author == agency_officer
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.IN_PROGRESS, 40)
    assert AuditEntry.objects.filter(action="measurement.create").count() == 2
    assert AuditEntry.objects.filter(action="task.update").count() == 1
    assert AuditEntry.objects.get(action="plan.sheet_import").after == {
        "file": "so-lieu.xlsx",
        "figures": 2,
        "tasks": 1,
    }
    # the standing officer is told once for the whole file, not once per row
    [told] = Notification.objects.filter(kind="waiting")
    assert told.user.username == "kesat.vhxh" and "2 số liệu, 1 cập nhật nhiệm vụ — chờ duyệt" in told.message
    # the session is cleared: confirming twice saves nothing more
    client.post(preview.request["PATH_INFO"], {"confirm": "1", "digest": preview.context["digest"]})
    assert TaskUpdate.objects.count() == 1


@time_machine.travel(APRIL)
def test_an_unchanged_workbook_changes_nothing(client, officer, plan):
    client.login(username=officer.username, password=PASSWORD)
    response = upload(client, plan, download(client, plan))
    page = client.get(response["Location"]).content.decode()
    assert "không có thay đổi nào" in page
    assert "Xác nhận lưu" not in page


@time_machine.travel(APRIL)
def test_a_percent_formatted_cell_and_a_marking_as_done_are_read_as_meant(client, officer, plan):
    client.login(username=officer.username, password=PASSWORD)
    wb = download(client, plan)
    wb["Số liệu"]["E2"] = 0.875
    wb["Số liệu"]["E2"].number_format = "0.0%"
    wb["Nhiệm vụ"]["G3"] = 100  # only the percentage: the task is done
    preview = client.get(upload(client, plan, wb)["Location"])
    client.post(preview.request["PATH_INFO"], {"confirm": "1", "digest": preview.context["digest"]})
    assert Measurement.objects.get().value == Decimal("87.50")
    task = plan.tasks.get(position=2)
    assert (task.state, task.progress, task.completed_on) == (TaskState.DONE, 100, dt.date(2026, 4, 10))


@time_machine.travel(APRIL)
def test_a_change_made_after_the_preview_asks_for_a_new_look(client, officer, plan):
    target = plan.targets.get()
    client.login(username=officer.username, password=PASSWORD)
    wb = download(client, plan)
    wb["Số liệu"]["E2"] = 90
    preview = client.get(upload(client, plan, wb)["Location"])
    Measurement.objects.create(
        target=target, period=Period.objects.get(kind=PeriodKind.Q1, year=2026), value=Decimal("50")
    )
    page = client.post(preview.request["PATH_INFO"], {"confirm": "1", "digest": preview.context["digest"]})
    assert page.status_code == 200
    assert "đã thay đổi kể từ lúc xem trước" in page.content.decode()
    assert "50%" in page.content.decode()
    assert Measurement.objects.get().value == Decimal("50")
