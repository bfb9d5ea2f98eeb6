"""Task updates are append-only: an update made from a form opened before someone else's update is still recorded,
and the user is told what it replaced; returning one update from two tabs at once tells the second it is done."""

from __future__ import annotations

import pytest
from django.db.models.signals import post_init
from django.urls import reverse

from apps.plans.models import TaskState
from apps.tracking import services
from apps.tracking.models import TaskUpdate, UpdateStatus
from apps.tracking.services import submit_update
from apps.units.models import Role
from tests.web.conftest import make_user


@pytest.fixture
def colleague(pvhcc):
    """A second officer of the one-stop centre."""
    user = make_user("kesat.pvhcc2", pvhcc, Role.AGENCY_OFFICER)
    user.first_name, user.last_name = "Phạm Văn", "Hùng"
    user.save()
    return user


def opened_form(client, user, task) -> dict:
    client.force_login(user)
    form = client.get(reverse("tracking-update", args=[task.pk])).context["form"]
    return {name: form[name].value() for name in ("state", "progress", "shown_progress", "version")}


def test_it_records_an_update_made_from_an_old_form_and_says_what_it_replaced(client, plan, agency_officer, colleague):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    form = opened_form(client, agency_officer, task)
    submit_update(task, colleague, state=TaskState.IN_PROGRESS, progress=50)

    client.force_login(agency_officer)
    response = client.post(
        reverse("tracking-update", args=[task.pk]), form | {"state": TaskState.DONE, "comment": "Đã xong"}, follow=True
    )

    page = response.content.decode()
    assert "trước đó Phạm Văn Hùng" in page
    assert "Đang thực hiện 50% → cập nhật của bạn: Đã hoàn thành 100%" in page
    task.refresh_from_db()
    assert task.state == TaskState.DONE and task.updates.count() == 2


def test_it_says_nothing_more_when_the_task_did_not_change(client, plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    form = opened_form(client, agency_officer, task)

    response = client.post(reverse("tracking-update", args=[task.pk]), form | {"state": TaskState.DONE}, follow=True)

    page = response.content.decode()
    assert "Đã ghi nhận cập nhật nhiệm vụ." in page and "cập nhật của bạn" not in page


@pytest.fixture
def returned_in_another_tab(officer):
    """Someone returns the update in another tab just after this request has read it."""
    done = []

    def other_tab(sender, instance, **kwargs):
        if done or instance.pk is None or instance.status != UpdateStatus.SUBMITTED:
            return
        done.append(instance.pk)
        services.return_update(TaskUpdate.objects.get(pk=instance.pk), officer, "Thiếu minh chứng (tab kia).")

    post_init.connect(other_tab, sender=TaskUpdate)
    yield done
    post_init.disconnect(other_tab, sender=TaskUpdate)


def test_it_tells_the_second_tab_the_update_was_already_returned(client, plan, officer, agency_officer, request):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.DONE)
    client.force_login(officer)
    request.getfixturevalue("returned_in_another_tab")

    answer = {"reason": "Chưa đủ.", "confirmed": f"return:{update.pk}"}
    response = client.post(reverse("tracking-return", args=[update.pk]), answer, follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "đã được kesat.vhxh trả lại" in page and "Thiếu minh chứng (tab kia)." in page
    update.refresh_from_db()
    assert update.status == UpdateStatus.RETURNED and update.return_reason == "Thiếu minh chứng (tab kia)."
