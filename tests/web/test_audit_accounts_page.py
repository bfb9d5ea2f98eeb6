"""The audit page shows the account events with the others: the unit's standing officer sees those of its people,
the city also those that belong to no unit."""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from apps.api.models import ApiToken, RevokeReason
from apps.units.models import Membership, Role
from tests.web.conftest import PASSWORD


def test_it_shows_role_token_and_login_events_on_the_units_page(client, officer, agency_officer, kesat, pvhcc):
    Membership.objects.create(user=agency_officer, unit=kesat, role=Role.LEADER)
    token, _ = ApiToken.issue(agency_officer)
    token.revoke(RevokeReason.ADMIN)
    for _ in range(6):
        Client().post(reverse("login"), {"username": "kesat.pvhcc", "password": "sai"})
    client.force_login(officer)

    html = client.get(reverse("audit-log", args=[kesat.pk])).content.decode()

    assert "Hệ thống cấp vai trò Lãnh đạo tại Xã Kẽ Sắt cho kesat.pvhcc" in html
    assert f"thu hồi mã truy cập API {token.prefix}… của kesat.pvhcc" in html
    assert "Đăng nhập sai: kesat.pvhcc" in html and "Từ chối đăng nhập kesat.pvhcc" in html
    assert "Người chưa đăng nhập" in html
    assert "membership.grant" not in html and "login.throttled" not in html  # no internal codes on the page


def test_it_shows_the_city_events_without_a_unit(client, reviewer):
    User.objects.create_user("moi", "moi@example.vn", PASSWORD)
    Client().post(reverse("login"), {"username": "khong-ai", "password": "sai"})
    client.force_login(reviewer)

    html = client.get(reverse("audit-home")).content.decode()

    assert "Hệ thống tạo tài khoản moi" in html and "Đăng nhập sai: khong-ai" in html
