"""A plan's task list, filtered by agency, by status as reports count it, and to overdue tasks."""

import datetime as dt

import time_machine
from django.urls import reverse

from apps.plans.models import TaskState
from apps.tracking.services import submit_update

PVHCC_TASK = "Rà soát, đơn giản hóa thủ tục hành chính"
VP_TASK = "Rà soát văn bản quy phạm pháp luật"


def listing(client, user, plan, query="", when=dt.datetime(2027, 1, 5, 9, 0)):
    with time_machine.travel(when):
        client.force_login(user)
        response = client.get(reverse("tracking-plan-tasks", args=[plan.pk]) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_every_task_with_its_report_status(client, plan, leader):
    html = listing(client, leader, plan)
    assert PVHCC_TASK in html and VP_TASK in html
    assert "Quá hạn chưa hoàn thành" in html and "Chưa thực hiện" in html


def test_it_filters_by_lead_agency(client, plan, leader, vanphong):
    html = listing(client, leader, plan, f"?agency={vanphong.pk}")
    assert VP_TASK in html and PVHCC_TASK not in html


def test_it_filters_to_overdue_tasks(client, plan, leader):
    html = listing(client, leader, plan, "?overdue=on")
    assert PVHCC_TASK in html and VP_TASK not in html


def test_it_filters_by_status(client, plan, leader, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 12, 10, 9, 0)):
        submit_update(task, agency_officer, state=TaskState.DONE)
    html = listing(client, leader, plan, "?status=done_on_time")
    assert PVHCC_TASK in html and VP_TASK not in html
    html = listing(client, leader, plan, "?status=not_started")
    assert VP_TASK in html and PVHCC_TASK not in html


def test_it_lets_the_city_reviewer_read_it(client, plan, reviewer):
    assert PVHCC_TASK in listing(client, reviewer, plan)
