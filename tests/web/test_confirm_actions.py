"""Destructive or final actions ask first: publishing, merging two rows and returning an update or a report are
done only with the user's yes. Their buttons carry the question (asked by static/js/confirm.js); a post without
the answer, as from a browser without JavaScript, gets a confirmation step and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.plans.models import Plan, PlanStatus, TaskState
from apps.tracking.models import TaskUpdate, UpdateStatus
from apps.tracking.services import submit_update
from tests.web.plan_forms import plan_form_data


@pytest.fixture
def draft(plan):
    plan.status = PlanStatus.DRAFT
    plan.save()
    return Plan.objects.get(pk=plan.pk)


def test_publishing_asks_first_and_keeps_what_was_typed(client, officer, draft):
    client.force_login(officer)
    form = client.get(reverse("plans-review", args=[draft.pk])).content.decode()
    assert 'value="publish" class="primary" data-confirm="Ban hành kế hoạch 94/KH-UBND?' in form

    data = plan_form_data(client, "plans-review", draft, answer=False, action="publish", **{"plan-signer": "Lê Văn C"})
    response = client.post(reverse("plans-review", args=[draft.pk]), data)
    page = response.content.decode()

    assert response.status_code == 200
    assert "Chưa lưu gì." in page and "Ban hành kế hoạch 94/KH-UBND?" in page
    assert 'name="confirmed" value="action:publish"' in page
    assert 'value="Lê Văn C"' in page  # what the user typed is still there
    draft.refresh_from_db()
    assert draft.status == PlanStatus.DRAFT and draft.signer == ""

    data["confirmed"] = "action:publish"  # the confirmation step's button
    assert client.post(reverse("plans-review", args=[draft.pk]), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == PlanStatus.PUBLISHED and draft.signer == "Lê Văn C"


def test_merging_two_rows_asks_first(client, officer, draft):
    first = draft.tasks.order_by("position").first()
    client.force_login(officer)
    data = plan_form_data(client, "plans-review", draft, answer=False, merge=str(first.pk))

    page = client.post(reverse("plans-review", args=[draft.pk]), data).content.decode()

    assert "Gộp dòng nhiệm vụ II.1 với dòng dưới?" in page
    assert draft.tasks.count() == 2
    del data["merge"]
    data["confirmed"] = f"merge:{first.pk}"  # pressed on the confirmation step: the merge button is not sent
    client.post(reverse("plans-review", args=[draft.pk]), data)
    assert draft.tasks.count() == 1


def test_returning_an_update_shows_a_confirmation_step_without_javascript(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE, today=dt.date(2026, 5, 4))
    client.force_login(officer)
    page = client.get(reverse("tracking-task", args=[task.pk])).content.decode()
    assert f'name="return" value="{update.pk}" data-confirm="Trả lại cập nhật này cho người đã gửi?' in page

    step = client.post(reverse("tracking-return", args=[update.pk]), {"reason": "Thiếu minh chứng."})
    html = step.content.decode()

    assert step.status_code == 200 and "Xác nhận trước khi làm" in html
    assert "Lý do: Thiếu minh chứng." in html and 'type="hidden" name="reason" value="Thiếu minh chứng."' in html
    assert TaskUpdate.objects.get().status == UpdateStatus.SUBMITTED

    answer = {"reason": "Thiếu minh chứng.", "confirmed": f"return:{update.pk}"}
    assert client.post(reverse("tracking-return", args=[update.pk]), answer).status_code == 302
    assert TaskUpdate.objects.get().status == UpdateStatus.RETURNED


def test_a_confirmation_is_for_one_object_only(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE, today=dt.date(2026, 5, 4))
    client.force_login(officer)
    wrong = {"reason": "Thiếu minh chứng.", "confirmed": f"return:{update.pk + 1}"}
    assert client.post(reverse("tracking-return", args=[update.pk]), wrong).status_code == 200
    assert TaskUpdate.objects.get().status == UpdateStatus.SUBMITTED
