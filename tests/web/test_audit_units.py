"""A deleted unit is in the audit log of the unit above it (the city for a commune), with what it was."""

from django.contrib.auth.models import User
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.units.models import Unit, UnitKind
from tests.web.conftest import PASSWORD, make_user


def test_it_records_an_agency_deleted_in_the_admin_with_its_roles(client, kesat, pvhcc, agency_officer):
    admin = User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)
    client.force_login(admin)

    response = client.post(reverse("admin:units_unit_delete", args=[pvhcc.pk]), {"post": "yes"})

    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="unit.delete")
    assert entry.user == admin and entry.unit == kesat and entry.summary == f"Xóa đơn vị {pvhcc.name}"
    assert entry.before["code"] == "ke-sat-pvhcc"
    assert AuditEntry.objects.filter(action="membership.revoke", unit=kesat, user=admin).exists()


def test_it_records_a_commune_deleted_in_code_on_the_city(city):
    commune = Unit.objects.create(name="Xã Thử", kind=UnitKind.COMMUNE, parent=city, code="xa-thu")
    make_user("xathu.vhxh", commune, "standing_officer")

    commune.delete()

    entry = AuditEntry.objects.get(action="unit.delete")
    assert entry.unit == city and entry.before["name"] == "Xã Thử"
    assert AuditEntry.objects.get(action="membership.revoke").unit == city
