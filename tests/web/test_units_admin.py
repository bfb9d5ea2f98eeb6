"""The administrator manages units, roles and accounts at /quan-tri/, in Vietnamese."""

from django.contrib.auth.models import User
from django.urls import reverse

from apps.units.models import Membership, Role


def test_it_shows_units_and_accounts_in_vietnamese(client, kesat, pvhcc, agency_officer):
    admin = User.objects.create_superuser("admin", "admin@example.vn", "demo12345")
    client.force_login(admin)
    index = client.get("/quan-tri/").content.decode()
    assert "Quản trị hệ thống theo dõi cải cách hành chính" in index
    units = client.get(reverse("admin:units_unit_changelist")).content.decode()
    assert "Xã Kẽ Sắt" in units and "Trung tâm Phục vụ hành chính công" in units
    account = client.get(reverse("admin:auth_user_change", args=[agency_officer.pk])).content.decode()
    assert "Vai trò tại đơn vị" in account
    accounts = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Cán bộ cơ quan, đơn vị – Trung tâm Phục vụ hành chính công" in accounts
    assert client.get(reverse("admin:units_unit_change", args=[kesat.pk])).status_code == 200
    assert client.get(reverse("admin:units_membership_changelist")).status_code == 200


def test_it_keeps_officers_out(client, officer):
    client.force_login(officer)
    assert client.get("/quan-tri/").status_code == 302
    assert Membership.objects.filter(user=officer, role=Role.STANDING_OFFICER).exists()
