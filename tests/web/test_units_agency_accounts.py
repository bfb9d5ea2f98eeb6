"""Kẽ Sắt's standing officer makes an account for an officer of one of Kẽ Sắt's agencies, audited, without the
administrator; nobody else may, and no agency of another commune can be chosen."""

from django.contrib.auth.models import User
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.units.models import Membership, Role, Unit, UnitKind


def new_officer(agency, **extra) -> dict:
    return {
        "agency": agency.pk,
        "full_name": "Nguyễn Thị Lan",
        "username": "kesat.pvhcc.lan",
        "email": "lan@example.vn",
        "password": "Cchc-2026-lan!",
    } | extra


def test_it_makes_an_agency_officer_account(client, kesat, officer, pvhcc):
    client.force_login(officer)

    response = client.post(reverse("units-account-create", args=[kesat.pk]), new_officer(pvhcc), follow=True)

    user = User.objects.get(username="kesat.pvhcc.lan")
    assert user.first_name == "Nguyễn Thị Lan" and user.check_password("Cchc-2026-lan!")
    assert list(Membership.objects.filter(user=user).values_list("unit", "role")) == [(pvhcc.pk, Role.AGENCY_OFFICER)]
    entry = AuditEntry.objects.get(action="account.create_agency_officer")
    assert entry.user == officer and entry.unit == kesat
    assert "Đã tạo tài khoản kesat.pvhcc.lan" in response.content.decode()
    assert client.login(username="kesat.pvhcc.lan", password="Cchc-2026-lan!")


def test_it_explains_a_taken_name_and_a_weak_password(client, kesat, officer, pvhcc, agency_officer):
    client.force_login(officer)

    page = client.post(
        reverse("units-account-create", args=[kesat.pk]), new_officer(pvhcc, username="KESAT.PVHCC", password="123")
    ).content.decode()

    assert "Đã có tài khoản “KESAT.PVHCC”" in page
    assert "Mật khẩu" in page and User.objects.filter(username__icontains="pvhcc").count() == 1


def test_it_offers_only_the_units_own_agencies(client, kesat, maodien, officer):
    other = Unit.objects.create(name="Phòng Kinh tế", kind=UnitKind.AGENCY, parent=maodien, code="md-kt")
    client.force_login(officer)

    page = client.post(reverse("units-account-create", args=[kesat.pk]), new_officer(other)).content.decode()

    assert "Hãy chọn một cơ quan của đơn vị bạn." in page
    assert not User.objects.filter(username="kesat.pvhcc.lan").exists()


def test_it_lets_only_the_units_standing_officer_make_accounts(
    client, kesat, pvhcc, agency_officer, leader, other_commune_officer, reviewer
):
    for user, status in ((agency_officer, 403), (leader, 403), (reviewer, 403), (other_commune_officer, 404)):
        client.force_login(user)
        assert client.post(reverse("units-account-create", args=[kesat.pk]), new_officer(pvhcc)).status_code == status
    assert not User.objects.filter(username="kesat.pvhcc.lan").exists()
