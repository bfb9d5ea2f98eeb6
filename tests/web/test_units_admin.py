"""The administrator manages units, roles and accounts at /quan-tri/, in Vietnamese."""

from django.contrib.auth.models import User
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.units.matching import rank
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


def test_a_rename_keeps_the_former_name_for_history_and_matching(client, kesat, pvhcc):
    admin = User.objects.create_superuser("admin", "admin@example.vn", "demo12345")
    client.force_login(admin)
    url = reverse("admin:units_unit_change", args=[pvhcc.pk])
    form = {
        "name": "Trung tâm Hành chính công xã",
        "short_name": "",
        "kind": pvhcc.kind,
        "parent": kesat.pk,
        "code": pvhcc.code,
        "aliases": "",
        "email": "",
        "dissolved_on": "",
        "successor": "",
    }
    for prefix in ("former_names", "memberships"):
        form |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]

    pvhcc.refresh_from_db()
    assert pvhcc.name == "Trung tâm Hành chính công xã"
    assert list(pvhcc.former_names.values_list("name", flat=True)) == ["Trung tâm Phục vụ hành chính công"]
    entry = AuditEntry.objects.get(object_type="units.unit", object_id=str(pvhcc.pk))
    assert entry.user == admin and entry.before == {"name": "Trung tâm Phục vụ hành chính công"}
    assert [s.unit for s in rank(kesat, "Trung tâm Phục vụ hành chính công")][:1] == [pvhcc]
