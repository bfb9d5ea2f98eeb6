"""Who may update a task: its lead agency's officers and the standing officer; others of the unit get 403,
people outside the unit 404."""

import pytest
from django.urls import reverse

from apps.tracking.models import TaskUpdate


@pytest.fixture
def pvhcc_task(plan):
    return plan.tasks.get(lead__code="ke-sat-pvhcc")


def post(client, user, task):
    client.force_login(user)
    return client.post(reverse("tracking-update", args=[task.pk]), {"state": "in_progress", "progress": "10"})


def test_it_lets_the_standing_officer_update_any_task_of_the_unit(client, pvhcc_task, officer):
    assert post(client, officer, pvhcc_task).status_code == 302


def test_it_forbids_an_officer_of_another_agency(client, pvhcc_task, other_agency_officer):
    assert post(client, other_agency_officer, pvhcc_task).status_code == 403
    assert client.get(reverse("tracking-update", args=[pvhcc_task.pk])).status_code == 403
    assert not TaskUpdate.objects.exists()


def test_it_forbids_the_leader_and_the_reviewer(client, pvhcc_task, leader, reviewer):
    assert post(client, leader, pvhcc_task).status_code == 403
    assert post(client, reviewer, pvhcc_task).status_code == 403


def test_it_hides_the_task_from_another_commune(client, pvhcc_task, other_commune_officer):
    assert post(client, other_commune_officer, pvhcc_task).status_code == 404
    assert client.get(reverse("tracking-task", args=[pvhcc_task.pk])).status_code == 404
    assert client.get(reverse("tracking-plan-tasks", args=[pvhcc_task.plan_id])).status_code == 404


def test_it_lets_the_other_agency_read_but_not_see_the_update_button(client, pvhcc_task, other_agency_officer):
    client.force_login(other_agency_officer)
    response = client.get(reverse("tracking-task", args=[pvhcc_task.pk]))
    assert response.status_code == 200
    assert reverse("tracking-update", args=[pvhcc_task.pk]) not in response.content.decode()


def test_it_sends_anonymous_users_to_the_login_page(client, pvhcc_task):
    response = client.get(reverse("tracking-task", args=[pvhcc_task.pk]))
    assert response.status_code == 302 and reverse("login") in response.url
