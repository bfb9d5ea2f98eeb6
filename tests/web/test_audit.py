"""The audit log: the unit's standing officer and the city read it; others get 404."""

from django.urls import reverse

from apps.plans.models import TaskState
from apps.tracking.services import submit_update


def test_it_shows_the_standing_officer_who_changed_what(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40)
    client.force_login(officer)
    response = client.get(reverse("audit-log", args=[plan.unit_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "kesat.pvhcc cập nhật nhiệm vụ II.1: Chưa thực hiện → Đang thực hiện, 40%" in html
    assert "not_started" not in html


def test_it_sends_the_standing_officer_from_the_menu_to_their_unit(client, plan, officer):
    client.force_login(officer)
    assert client.get(reverse("audit-home")).url == reverse("audit-log", args=[plan.unit_id])


def test_it_lets_the_city_read_every_unit(client, plan, reviewer, agency_officer):
    submit_update(plan.tasks.get(lead__code="ke-sat-pvhcc"), agency_officer, state=TaskState.DONE)
    client.force_login(reviewer)
    assert client.get(reverse("audit-log", args=[plan.unit_id])).status_code == 200
    assert "Xã Kẽ Sắt" in client.get(reverse("audit-home")).content.decode()


def test_it_hides_the_log_from_everybody_else(client, plan, agency_officer, leader, other_commune_officer):
    for user in (agency_officer, leader, other_commune_officer):
        client.force_login(user)
        assert client.get(reverse("audit-log", args=[plan.unit_id])).status_code == 404
    client.force_login(agency_officer)
    assert client.get(reverse("audit-home")).status_code == 404
