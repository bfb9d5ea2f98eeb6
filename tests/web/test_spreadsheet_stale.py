"""A stale workbook never undoes anyone's work: an agency officer downloads the plan's workbook, others change
tasks and figures on the web meanwhile, and the officer uploads the old file. Rows the officer did not touch
are never written nor reported (not as their edits, not as forbidden edits); a row the officer changed whose
record changed since is a conflict shown with both values, saved only when ticked to overwrite."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from apps.plans.models import TaskState
from apps.tracking.figures import save_measurement
from apps.tracking.models import Measurement, Period, PeriodKind, TaskUpdate
from tests.web.conftest import PASSWORD, add_task_2b

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


def download(client, plan):
    return load_workbook(io.BytesIO(client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content))


def upload(client, plan, wb):
    out = io.BytesIO()
    wb.save(out)
    response = client.post(
        f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": SimpleUploadedFile("so-lieu.xlsx", out.getvalue())}
    )
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"])


def row_of(sheet, task):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == task.pk)


def update_on_the_web(client, user, task, state, progress):
    client.login(username=user.username, password=PASSWORD)
    response = client.post(f"/nhiem-vu/{task.pk}/cap-nhat/", {"state": state, "progress": progress, "comment": ""})
    assert response.status_code == 302


def confirm(client, preview, overwrite=()):
    data = {"confirm": "1", "digest": preview.context["digest"], "overwrite": list(overwrite)}
    return client.post(preview.request["PATH_INFO"], data)


@time_machine.travel(APRIL)
def test_it_saves_only_the_row_the_uploader_changed_and_keeps_what_others_did_since(
    client, agency_officer, officer, plan, pvhcc
):
    task_2b = add_task_2b(plan, pvhcc)
    own = plan.tasks.get(section="II", no="1")
    office = plan.tasks.get(section="I", no="1")  # the office's task: the agency officer may not change it
    target = plan.targets.get()
    client.login(username=agency_officer.username, password=PASSWORD)
    wb = download(client, plan)

    # meanwhile, on the web: the standing officer sets II.2b to 50%, updates the office's task, enters Q1
    update_on_the_web(client, officer, task_2b, TaskState.IN_PROGRESS, 50)
    update_on_the_web(client, officer, office, TaskState.IN_PROGRESS, 20)
    q1 = Period.objects.get(kind=PeriodKind.Q1, year=2026)
    save_measurement(target, q1, officer, value="72")

    # the agency officer edits only their other task in the old file
    tasks = wb["Nhiệm vụ"]
    tasks.cell(row_of(tasks, own), 7).value = 30
    client.login(username=agency_officer.username, password=PASSWORD)
    preview = upload(client, plan, wb)
    result = preview.context["result"]
    assert result.problems == []  # the office's row changed meanwhile is not the uploader's forbidden edit
    assert result.conflicts == [] and result.figures == []
    assert [(c.label, c.old_progress, c.progress) for c in result.tasks] == [("II.1", 0, 30)]
    page = preview.content.decode()
    assert "II.2b" not in page and "50%" not in page
    assert "Xác nhận lưu 1 thay đổi" in page

    assert confirm(client, preview).status_code == 302
    for task in (task_2b, office, own):
        task.refresh_from_db()
    assert (task_2b.state, task_2b.progress) == (TaskState.IN_PROGRESS, 50)
    assert office.progress == 20
    assert (own.state, own.progress) == (TaskState.IN_PROGRESS, 30)
    assert Measurement.objects.get(target=target, period=q1).value == Decimal("72.00")
    assert TaskUpdate.objects.filter(author=agency_officer).count() == 1


@time_machine.travel(APRIL)
def test_a_task_changed_in_both_is_a_conflict_saved_only_when_ticked(client, agency_officer, officer, plan, pvhcc):
    officer.first_name, officer.last_name = "Lan", "Nguyễn Thị"
    officer.save()
    task_2b = add_task_2b(plan, pvhcc)
    client.login(username=agency_officer.username, password=PASSWORD)
    wb = download(client, plan)
    update_on_the_web(client, officer, task_2b, TaskState.IN_PROGRESS, 50)
    tasks = wb["Nhiệm vụ"]
    tasks.cell(row_of(tasks, task_2b), 7).value = 30
    tasks.cell(row_of(tasks, task_2b), 8).value = "Đã số hóa 30% hồ sơ"

    client.login(username=agency_officer.username, password=PASSWORD)
    preview = upload(client, plan, wb)
    result = preview.context["result"]
    assert result.tasks == [] and result.problems == []
    [conflict] = result.conflicts
    assert conflict.downloaded == "Chưa thực hiện (0%)"
    assert conflict.current == "Đang thực hiện (50%)"
    assert conflict.who == "Lan Nguyễn Thị"
    assert conflict.when == "16:00 10/04/2026"  # Asia/Ho_Chi_Minh
    assert conflict.file == "Đang thực hiện (30%) · Đã số hóa 30% hồ sơ"
    page = preview.content.decode()
    assert "Xung đột (1)" in page and "Đang thực hiện (50%)" in page and "Đang thực hiện (30%)" in page
    assert "Ghi đè bằng giá trị trong tệp" in page

    # confirmed without ticking it: nothing is saved
    response = confirm(client, preview)
    assert response.status_code == 200
    assert "chưa chọn ghi đè" in response.content.decode()
    task_2b.refresh_from_db()
    assert task_2b.progress == 50

    # ticked: saved over the current version, as the uploader's update
    response = confirm(client, preview, overwrite=[conflict.key])
    assert response.status_code == 302
    task_2b.refresh_from_db()
    assert (task_2b.progress, task_2b.version) == (30, 3)
    update = TaskUpdate.objects.get(author=agency_officer)
    assert (update.progress, update.comment) == (30, "Đã số hóa 30% hồ sơ")


@time_machine.travel(APRIL)
def test_a_conflict_that_changes_again_after_the_preview_asks_for_a_new_look(
    client, agency_officer, officer, plan, pvhcc
):
    task_2b = add_task_2b(plan, pvhcc)
    client.login(username=agency_officer.username, password=PASSWORD)
    wb = download(client, plan)
    update_on_the_web(client, officer, task_2b, TaskState.IN_PROGRESS, 50)
    wb["Nhiệm vụ"].cell(row_of(wb["Nhiệm vụ"], task_2b), 7).value = 30
    client.login(username=agency_officer.username, password=PASSWORD)
    preview = upload(client, plan, wb)
    [conflict] = preview.context["result"].conflicts
    update_on_the_web(client, officer, task_2b, TaskState.IN_PROGRESS, 60)

    client.login(username=agency_officer.username, password=PASSWORD)
    response = confirm(client, preview, overwrite=[conflict.key])
    assert response.status_code == 200
    assert "đã thay đổi kể từ lúc xem trước" in response.content.decode()
    assert "Đang thực hiện (60%)" in response.content.decode()
    task_2b.refresh_from_db()
    assert task_2b.progress == 60


@time_machine.travel(APRIL)
def test_a_figure_entered_or_corrected_since_the_download_is_a_conflict(client, agency_officer, officer, plan):
    target = plan.targets.get()
    Period.ensure_year(2026)
    q1 = Period.objects.get(kind=PeriodKind.Q1, year=2026)
    h1 = Period.objects.get(kind=PeriodKind.H1, year=2026)
    save_measurement(target, q1, officer, value="61")
    client.login(username=agency_officer.username, password=PASSWORD)
    wb = download(client, plan)  # Quý I 2026 = 61 (version 1), 6 tháng 2026 blank, Năm 2026 blank
    save_measurement(target, q1, officer, value="65", expected_version=1)  # corrected meanwhile
    save_measurement(target, h1, officer, value="70")  # a first value entered meanwhile
    figures = wb["Số liệu"]
    assert [figures.cell(r, 4).value for r in (2, 3, 4)] == ["Quý I 2026", "6 tháng 2026", "Năm 2026"]
    figures["E2"], figures["E3"], figures["E4"] = 62, 80, 81

    client.login(username=agency_officer.username, password=PASSWORD)
    preview = upload(client, plan, wb)
    result = preview.context["result"]
    assert [(c.period, c.new["value"]) for c in result.figures] == [("Năm 2026", "81")]  # untouched since: saved
    assert [(c.row, c.downloaded, c.current, c.file) for c in result.conflicts] == [
        (2, "61%", "65%", "62%"),
        (3, "—", "70%", "80%"),
    ]
    assert confirm(client, preview, overwrite=[result.conflicts[1].key]).status_code == 302
    values = {m.period_id: m.value for m in Measurement.objects.filter(target=target)}
    assert values[q1.pk] == Decimal("65.00")  # not ticked: kept
    assert values[h1.pk] == Decimal("80.00")  # ticked: overwritten
    assert Measurement.objects.get(target=target, period__kind=PeriodKind.YEAR).value == Decimal("81.00")


@time_machine.travel(APRIL)
def test_a_row_copied_for_another_period_is_a_new_value_not_a_conflict(client, officer, plan):
    target = plan.targets.get()
    Period.ensure_year(2026)
    q1 = Period.objects.get(kind=PeriodKind.Q1, year=2026)
    save_measurement(target, q1, officer, value="61")
    client.login(username=officer.username, password=PASSWORD)
    wb = download(client, plan)
    figures = wb["Số liệu"]
    copied = [c.value for c in figures[2]]  # Quý I 2026 with its version and values as downloaded
    copied[3], copied[4] = "Quý III 2026", 75
    figures.append(copied)
    figures.append([target.pk, None, None, "Quý III 2025", None])  # typed by hand, no hidden columns, blank
    preview = upload(client, plan, wb)
    result = preview.context["result"]
    assert result.conflicts == [] and result.problems == []
    assert [(c.period, c.old, c.expected_version) for c in result.figures] == [("Quý III 2026", None, None)]
    assert confirm(client, preview).status_code == 302
    assert Measurement.objects.get(period__kind=PeriodKind.Q3).value == Decimal("75.00")
    assert Measurement.objects.get(period=q1).value == Decimal("61.00")


@time_machine.travel(APRIL)
def test_hidden_columns_typed_over_count_as_a_row_typed_by_hand(client, officer, plan):
    target = plan.targets.get()
    Period.ensure_year(2026)
    q1 = Period.objects.get(kind=PeriodKind.Q1, year=2026)
    save_measurement(target, q1, officer, value="61")
    client.login(username=officer.username, password=PASSWORD)
    wb = download(client, plan)
    figures, tasks = wb["Số liệu"], wb["Nhiệm vụ"]
    figures["I2"], figures["J2"] = "abc", '[1, "Quý I 2026", "x", "", "", ""]'  # Quý I 2026, untouched
    figures["J3"] = "[not json"  # 6 tháng 2026, blank: still nothing to do
    tasks["I2"], tasks["J2"] = -4, '{"task": 1}'
    tasks["G2"] = 40
    preview = upload(client, plan, wb)
    result = preview.context["result"]
    assert result.problems == [] and result.figures == [] and result.tasks == []  # Quý I 2026 as in cchc
    [conflict] = result.conflicts  # a task row with no version may be stale: saved only if chosen
    unknown = "không rõ (dòng không mang phiên bản lúc tải về)"
    assert (conflict.subject, conflict.downloaded, conflict.current, conflict.file) == (
        "II.1 Rà soát, đơn giản hóa thủ tục hành chính",
        unknown,
        "Chưa thực hiện (0%)",
        "Đang thực hiện (40%)",
    )
    figures["E2"] = 62  # now changed, and with no version it cannot replace the value in cchc silently
    preview = upload(client, plan, wb)
    assert [(c.downloaded, c.current, c.file) for c in preview.context["result"].conflicts] == [
        (unknown, "61%", "62%"),
        (unknown, "Chưa thực hiện (0%)", "Đang thực hiện (40%)"),
    ]
    assert confirm(client, preview, overwrite=[c.key for c in preview.context["result"].conflicts]).status_code == 302
    assert plan.tasks.get(section="II", no="1").progress == 40
    assert plan.targets.get().measurements.get().value == Decimal("62.00")
