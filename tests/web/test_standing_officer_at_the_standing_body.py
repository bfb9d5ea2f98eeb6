"""A standing officer whose account is attached to the standing body (Phòng Văn hóa - Xã hội, an agency of Kẽ Sắt)
manages Kẽ Sắt as one attached to the commune does: its plans' pages open, updates waiting for review reach them,
and so do the periodic report's reminders."""

import datetime as dt

import time_machine
from django.core.management import call_command
from django.urls import reverse

from apps.plans.models import TaskState
from apps.tracking.models import Notification
from apps.tracking.services import submit_update
from apps.units.access import Access
from apps.units.models import Role
from tests.web.conftest import PASSWORD, make_user


def test_it_lets_the_standing_officer_of_the_standing_body_manage_the_commune(client, plan, kesat, vhxh, maodien):
    at_vhxh = make_user("kesat.vhxh2", vhxh, Role.STANDING_OFFICER)

    access = Access(at_vhxh)
    assert access.managed_unit_ids == {kesat.pk}
    assert access.can_manage(kesat) and access.can_manage(vhxh) and not access.can_manage(maodien)
    client.login(username="kesat.vhxh2", password=PASSWORD)
    assert client.get(reverse("plans-edit", args=[plan.pk])).status_code == 200


def test_it_tells_the_standing_officer_of_the_standing_body_what_waits_for_review(plan, vhxh, agency_officer):
    at_vhxh = make_user("kesat.vhxh2", vhxh, Role.STANDING_OFFICER)

    submit_update(plan.tasks.get(lead__code="ke-sat-pvhcc"), agency_officer, state=TaskState.DONE)

    assert Notification.objects.filter(user=at_vhxh, kind="waiting").count() == 1


def test_it_reminds_the_standing_officer_of_the_standing_body_of_the_report(kesat, vhxh):
    at_vhxh = make_user("kesat.vhxh2", vhxh, Role.STANDING_OFFICER)

    with time_machine.travel(dt.datetime(2026, 3, 13, 1, 0)):
        call_command("send_reminders")

    notes = Notification.objects.filter(user=at_vhxh, kind="report_due_7")
    assert [n.unit for n in notes] == [kesat]
