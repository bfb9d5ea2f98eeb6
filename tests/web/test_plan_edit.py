"""A published plan changes only by an explicit edit of the standing officer, and every change is kept."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from apps.audit.models import AuditEntry
from tests.web.plan_forms import plan_form_data


def edit_data(client, plan, **changes):
    return plan_form_data(client, "plans-edit", plan, **changes)


def test_it_records_each_change_with_before_and_after(client, officer, plan):
    client.force_login(officer)
    data = edit_data(client, plan, **{"targets-0-value": "90,5%", "tasks-0-deadline_text": "Quý II/2027"})

    response = client.post(reverse("plans-edit", args=[plan.pk]), data)

    assert response.status_code == 302
    target = plan.targets.get()
    task = plan.tasks.get(position=1)
    assert target.value == Decimal("90.50")
    assert task.deadline_text == "Quý II/2027" and task.due_on == dt.date(2027, 6, 30)
    target_entry = AuditEntry.objects.get(object_type="plans.target", object_id=str(target.pk))
    assert Decimal(target_entry.before["value"]) == 85 and Decimal(target_entry.after["value"]) == Decimal("90.5")
    task_entry = AuditEntry.objects.get(object_type="plans.task", object_id=str(task.pk))
    assert task_entry.before["deadline_text"] == "Quý IV/2026" and task_entry.after["deadline_text"] == "Quý II/2027"
    assert task_entry.user == officer and task_entry.unit == plan.unit

    page = client.get(reverse("plans-detail", args=[plan.pk])).content.decode()
    assert "Lịch sử thay đổi" in page and "Quý II/2027" in page


def test_it_changes_nothing_when_nothing_changed(client, officer, plan):
    client.force_login(officer)
    client.post(reverse("plans-edit", args=[plan.pk]), edit_data(client, plan))
    assert not AuditEntry.objects.filter(object_type__startswith="plans.").exists()


def test_it_adds_and_deletes_rows_of_a_published_plan(client, officer, plan):
    client.force_login(officer)
    data = edit_data(
        client,
        plan,
        **{"tasks-1-DELETE": "on", "tasks-2-content": "Kiểm tra công tác CCHC", "tasks-2-deadline_text": "Hàng năm"},
    )

    client.post(reverse("plans-edit", args=[plan.pk]), data)

    contents = list(plan.tasks.order_by("position").values_list("content", "recurring"))
    assert contents == [("Rà soát, đơn giản hóa thủ tục hành chính", False), ("Kiểm tra công tác CCHC", True)]
    assert set(AuditEntry.objects.filter(object_type__startswith="plans.").values_list("action", flat=True)) == {
        "add",
        "delete",
    }


def test_it_forbids_anyone_else_to_edit(client, plan, agency_officer, leader, reviewer, other_commune_officer):
    url = reverse("plans-edit", args=[plan.pk])
    for user in (agency_officer, leader, reviewer):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"plan-title": "Sửa trộm"}).status_code == 403
    client.force_login(other_commune_officer)
    assert client.get(url).status_code == 404
    plan.refresh_from_db()
    assert plan.title.startswith("Thực hiện Chương trình")
    assert not AuditEntry.objects.filter(object_type__startswith="plans.").exists()
