"""A unit's page lists its agencies, its people and its plans; other communes get 404."""

from django.urls import reverse


def test_it_lists_agencies_members_and_plans(client, plan, officer, agency_officer, vhxh, vanphong):
    client.force_login(officer)
    html = client.get(reverse("units-detail", args=[plan.unit_id])).content.decode()
    assert "Phòng Văn hóa - Xã hội" in html and "Văn phòng HĐND&amp;UBND" in html  # an alias
    assert "kesat.vhxh" in html and "kesat.pvhcc" in html and "Cán bộ thường trực CCHC" in html
    assert reverse("tracking-plan-tasks", args=[plan.pk]) in html
    assert reverse("audit-log", args=[plan.unit_id]) in html


def test_it_hides_the_audit_link_from_an_agency_officer(client, plan, agency_officer):
    client.force_login(agency_officer)
    html = client.get(reverse("units-detail", args=[plan.unit_id])).content.decode()
    assert reverse("audit-log", args=[plan.unit_id]) not in html


def test_it_answers_404_to_another_commune(client, kesat, pvhcc, other_commune_officer):
    client.force_login(other_commune_officer)
    assert client.get(reverse("units-detail", args=[kesat.pk])).status_code == 404
    assert client.get(reverse("units-detail", args=[pvhcc.pk])).status_code == 404


def test_it_lets_the_reviewer_open_any_unit(client, kesat, maodien, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("units-detail", args=[maodien.pk])).status_code == 200
