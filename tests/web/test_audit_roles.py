"""Granting, changing and removing a role is in the audit log of the unit, from the admin or from code."""

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.units.models import Membership, Role
from tests.web.account_forms import account_form
from tests.web.conftest import PASSWORD


@pytest.fixture
def admin(db):
    return User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)


def test_it_records_a_role_granted_and_removed_in_code(agency_officer, pvhcc, kesat):
    membership = Membership.objects.get(user=agency_officer)
    granted = AuditEntry.objects.get(action="membership.grant", object_id=str(membership.pk))

    membership.delete()

    removed = AuditEntry.objects.get(action="membership.revoke")
    assert granted.unit == kesat and removed.unit == kesat
    assert granted.summary == f"Cấp vai trò Cán bộ cơ quan, đơn vị tại {pvhcc.name} cho kesat.pvhcc"
    assert removed.before == {"user": "kesat.pvhcc", "unit": pvhcc.name, "role": "agency_officer"}
    assert removed.summary.startswith("Thu hồi vai trò Cán bộ cơ quan, đơn vị")


def test_it_records_roles_granted_changed_and_removed_in_the_admin(client, admin, agency_officer, pvhcc, kesat):
    membership = Membership.objects.get(user=agency_officer)
    client.force_login(admin)
    url = reverse("admin:auth_user_change", args=[agency_officer.pk])

    changed = client.post(
        url,
        account_form(
            agency_officer,
            [
                {"id": membership.pk, "unit": pvhcc.pk, "role": Role.LEADER},
                {"unit": kesat.pk, "role": Role.STANDING_OFFICER},
            ],
        ),
    )
    assert changed.status_code == 302, changed.content.decode()[:3000]
    standing = Membership.objects.get(user=agency_officer, role=Role.STANDING_OFFICER)
    removed = client.post(
        url,
        account_form(
            agency_officer,
            [
                {"id": membership.pk, "unit": pvhcc.pk, "role": Role.LEADER},
                {"id": standing.pk, "unit": kesat.pk, "role": Role.STANDING_OFFICER, "DELETE": "on"},
            ],
        ),
    )
    assert removed.status_code == 302

    entries = AuditEntry.objects.filter(user=admin, action__startswith="membership.").order_by("pk")
    assert [(e.action, e.unit) for e in entries] == [
        ("membership.change", kesat),
        ("membership.grant", kesat),
        ("membership.revoke", kesat),
    ]
    change = entries[0]
    assert change.before["role"] == "agency_officer" and change.after["role"] == "leader"
    assert "Cán bộ cơ quan, đơn vị tại" in change.summary and "→ Lãnh đạo tại" in change.summary


def test_it_writes_the_entry_in_the_transaction_of_the_change(agency_officer, kesat):
    with pytest.raises(RuntimeError), transaction.atomic():
        Membership.objects.create(user=agency_officer, unit=kesat, role=Role.LEADER)
        raise RuntimeError("rolled back")

    assert not AuditEntry.objects.filter(action="membership.grant", unit=kesat, after__role="leader").exists()


def test_it_tells_both_units_when_a_role_moves_to_another_commune(agency_officer, kesat, maodien):
    membership = Membership.objects.get(user=agency_officer)
    membership.unit = maodien
    membership.save()

    entries = AuditEntry.objects.filter(action="membership.change")
    assert {e.unit for e in entries} == {kesat, maodien}
    assert entries[0].before["unit"] == "Trung tâm Phục vụ hành chính công"
    assert entries[0].after["unit"] == "Xã Mao Điền"
