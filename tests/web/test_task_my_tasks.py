"""'My tasks': each officer first sees what needs them — overdue, due soon, returned."""

import datetime as dt

import time_machine
from django.urls import reverse

from apps.plans.models import PlanStatus, Task, TaskState
from apps.tracking.services import submit_update


def page(client, user, when):
    with time_machine.travel(when):
        client.force_login(user)
        return client.get(reverse("tracking-my-tasks")).content.decode()


def test_it_shows_an_agency_officer_only_the_tasks_their_agency_leads(client, plan, agency_officer):
    html = page(client, agency_officer, dt.datetime(2026, 12, 20, 9, 0))
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in html
    assert "Rà soát văn bản quy phạm pháp luật" not in html


def test_it_lists_a_task_due_within_two_weeks_as_due_soon(client, plan, agency_officer):
    html = page(client, agency_officer, dt.datetime(2026, 12, 20, 9, 0))
    due_soon = html.split('id="due-soon"')[1].split("</section>")[0]
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in due_soon


def test_it_lists_an_unfinished_task_past_its_deadline_as_overdue(client, plan, agency_officer):
    html = page(client, agency_officer, dt.datetime(2027, 1, 5, 9, 0))
    overdue = html.split('id="overdue"')[1].split("</section>")[0]
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in overdue
    assert "Quá hạn chưa hoàn thành" in overdue


def test_it_leaves_done_tasks_out(client, plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0)):
        submit_update(task, agency_officer, state=TaskState.DONE)
    html = page(client, agency_officer, dt.datetime(2027, 1, 5, 9, 0))
    assert "Rà soát, đơn giản hóa thủ tục hành chính" not in html


def test_it_shows_the_standing_officer_every_task_of_the_unit(client, plan, officer):
    html = page(client, officer, dt.datetime(2026, 12, 20, 9, 0))
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in html
    assert "Rà soát văn bản quy phạm pháp luật" in html


def test_it_leaves_out_tasks_of_draft_plans_and_other_communes(client, plan, officer, other_commune_officer):
    draft = plan.__class__.objects.create(unit=plan.unit, status=PlanStatus.DRAFT, title="Bản nháp")
    Task.objects.create(plan=draft, content="Nhiệm vụ của bản nháp", due_on=dt.date(2026, 12, 25))
    assert "Nhiệm vụ của bản nháp" not in page(client, officer, dt.datetime(2026, 12, 20, 9, 0))
    html = page(client, other_commune_officer, dt.datetime(2026, 12, 20, 9, 0))
    assert "Rà soát" not in html


def test_it_tells_a_reviewer_they_have_no_tasks(client, plan, reviewer):
    html = page(client, reviewer, dt.datetime(2026, 12, 20, 9, 0))
    assert "không được giao cập nhật nhiệm vụ" in html
