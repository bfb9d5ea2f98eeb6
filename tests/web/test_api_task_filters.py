"""The standing officer narrows the task list by plan, lead agency, report status and overdue."""

import datetime as dt

import time_machine

from apps.api.models import ApiToken
from apps.plans.models import Plan, PlanStatus, Task, TaskState


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def contents(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(row["content"] for row in response.json()["items"])


@time_machine.travel(dt.datetime(2027, 1, 15, 9, 0), tick=False)
def test_it_filters_tasks_by_plan_agency_status_and_overdue(client, officer, plan, kesat, pvhcc):
    yearly = Plan.objects.create(unit=kesat, status=PlanStatus.PUBLISHED, number="05/KH-UBND", title="Kế hoạch 2027")
    Task.objects.create(
        plan=yearly,
        content="Công khai thủ tục hành chính",
        lead=pvhcc,
        deadline_text="Tháng 6/2026",
        due_on=dt.date(2026, 6, 30),
        state=TaskState.DONE,
        progress=100,
        completed_on=dt.date(2026, 6, 1),
    )
    headers = bearer(officer)

    by_plan = client.get(f"/api/tasks?plan={yearly.pk}", headers=headers)
    by_agency = client.get(f"/api/tasks?agency={pvhcc.pk}", headers=headers)
    overdue = client.get("/api/tasks?overdue=true", headers=headers)
    on_time = client.get("/api/tasks?status=done_on_time", headers=headers)
    not_started = client.get(f"/api/tasks?status=not_started&plan={plan.pk}", headers=headers)

    assert contents(by_plan) == ["Công khai thủ tục hành chính"]
    assert contents(by_agency) == ["Công khai thủ tục hành chính", "Rà soát, đơn giản hóa thủ tục hành chính"]
    assert contents(overdue) == ["Rà soát, đơn giản hóa thủ tục hành chính"]
    assert contents(on_time) == ["Công khai thủ tục hành chính"]
    assert contents(not_started) == ["Rà soát văn bản quy phạm pháp luật"]


@time_machine.travel(dt.datetime(2027, 1, 15, 9, 0), tick=False)
def test_it_shows_each_tasks_lead_deadline_and_status(client, officer, plan, pvhcc):
    response = client.get(f"/api/tasks?agency={pvhcc.pk}", headers=bearer(officer))

    [task] = response.json()["items"]
    assert task["lead"] == {"id": pvhcc.pk, "name": "Trung tâm Phục vụ hành chính công"}
    assert (task["deadline_text"], task["due_on"]) == ("Quý IV/2026", "2026-12-31")
    assert (task["state"], task["progress"], task["report_status"]) == ("not_started", 0, "overdue")


def test_it_rejects_an_unknown_status_with_a_clear_message(client, officer, plan):
    response = client.get("/api/tasks?status=late", headers=bearer(officer))

    assert response.status_code == 422
    assert response.json()["detail"].startswith("Dữ liệu không hợp lệ: status: phải là một trong:")
    assert "done_on_time" in response.json()["detail"]
