"""The audit log reads as Vietnamese sentences in local time ("Nguyễn Văn A cập nhật nhiệm vụ II.2b: Chưa thực hiện
→ Đang thực hiện, 30%"), with fields by their names, and is filtered by person, object and date."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from apps.audit.models import record
from apps.plans.models import TaskState
from apps.tracking.services import submit_update
from tests.web.conftest import add_task_2b


def log(client, unit, **filters) -> str:
    response = client.get(reverse("audit-log", args=[unit.pk]), filters)
    assert response.status_code == 200
    return response.content.decode()


def named(user, name: str):
    user.first_name = name  # the whole name, as Vietnamese names are kept here
    user.save()
    return user


def test_it_tells_a_task_update_as_a_sentence_in_local_time(client, plan, pvhcc, officer, agency_officer):
    task = add_task_2b(plan, pvhcc)
    named(agency_officer, "Nguyễn Văn A")
    with time_machine.travel(dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC), tick=False):
        submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=30)
    client.force_login(officer)

    page = log(client, plan.unit)

    assert "Nguyễn Văn A cập nhật nhiệm vụ II.2b: Chưa thực hiện → Đang thực hiện, 30%" in page
    assert "02/03/2026 08:30" in page  # 01:30 UTC is 08:30 in Hà Nội
    assert "task.update" not in page and "in_progress" not in page


def test_it_names_changed_fields_and_agencies_as_people_read_them(client, plan, officer, pvhcc, vanphong):
    task = plan.tasks.get(lead=pvhcc)
    before = {"section": "II", "no": "1", "lead_id": pvhcc.pk, "due_on": "2026-12-31", "recurring": False}
    after = {"section": "II", "no": "1", "lead_id": vanphong.pk, "due_on": "2027-06-30", "recurring": True}
    record(named(officer, "Trần Thị B"), "edit", task, plan.unit, before, after, "Sửa nhiệm vụ")
    client.force_login(officer)

    page = log(client, plan.unit)

    assert "Trần Thị B sửa nhiệm vụ II.1" in page
    assert "Cơ quan chủ trì: Trung tâm Phục vụ hành chính công → Văn phòng HĐND và UBND" in page
    assert "Hạn hoàn thành: 31/12/2026 → 30/06/2027" in page
    assert "Hàng năm: không → có" in page
    assert "lead_id" not in page


def test_it_filters_by_person_object_and_date(client, plan, pvhcc, officer, agency_officer, other_agency_officer):
    first, second = plan.tasks.get(lead=pvhcc), plan.tasks.exclude(lead=pvhcc).get()
    with time_machine.travel(dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC), tick=False):
        submit_update(first, agency_officer, state=TaskState.IN_PROGRESS, progress=20)
    with time_machine.travel(dt.datetime(2026, 3, 9, 3, 0, tzinfo=dt.UTC), tick=False):
        submit_update(second, other_agency_officer, state=TaskState.IN_PROGRESS, progress=50)
    client.force_login(officer)

    by_person = log(client, plan.unit, nguoi=agency_officer.pk)
    by_object = log(client, plan.unit, loai="plans.task", ma=second.pk)
    by_date = log(client, plan.unit, tu="2026-03-01", den="03/03/2026")
    nothing = log(client, plan.unit, tu="2026-04-01", den="2026-04-30")

    assert "nhiệm vụ II.1: Chưa thực hiện → Đang thực hiện, 20%" in by_person
    assert "50%" not in by_person
    assert "nhiệm vụ I.1: Chưa thực hiện → Đang thực hiện, 50%" in by_object
    assert "20%" not in by_object and "Chỉ hiện thay đổi của Nhiệm vụ số" in by_object
    assert "20%" in by_date and "50%" not in by_date
    assert "Không tìm thấy thay đổi nào khớp bộ lọc" in nothing


def test_it_refuses_a_backward_date_range_with_a_message(client, plan, officer):
    client.force_login(officer)
    page = log(client, plan.unit, tu="2026-05-01", den="2026-04-01")
    assert "“Từ ngày” phải trước hoặc bằng “Đến ngày”." in page
    page = log(client, plan.unit, tu="không phải ngày", nguoi="abc")
    assert "Nhật ký thay đổi" in page


def test_it_links_a_task_to_its_own_log_for_those_who_read_the_log(client, plan, officer, agency_officer):
    task = plan.tasks.first()
    link = f"{reverse('audit-log', args=[plan.unit_id])}?loai=plans.task&amp;ma={task.pk}"
    client.force_login(officer)
    assert link in client.get(reverse("tracking-task", args=[task.pk])).content.decode()
    client.force_login(agency_officer)
    assert link not in client.get(reverse("tracking-task", args=[task.pk])).content.decode()


def test_it_names_people_and_rows_an_entry_points_to_and_writes_decimals_with_a_comma(client, plan, officer):
    named(officer, "Trần Thị B")
    before = {"status": "draft", "published_by_id": None, "value": "70.00"}
    after = {"status": "published", "published_by_id": officer.pk, "value": "93.71"}
    record(officer, "publish", plan, plan.unit, before, after, f"Ban hành {plan}")
    client.force_login(officer)

    page = log(client, plan.unit)

    assert "Trần Thị B ban hành 94/KH-UBND" in page
    assert "Trạng thái: Bản nháp (chờ duyệt) → Đã ban hành" in page
    assert "Người ban hành: (trống) → Trần Thị B" in page
    assert "70 → 93,71" in page
