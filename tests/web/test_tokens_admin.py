"""The administrator sees each account's API tokens and revokes them; revoked tokens stay listed for the record."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from apps.api.models import ApiToken, RevokeReason
from apps.audit.models import AuditEntry
from tests.web.conftest import PASSWORD


@pytest.fixture
def admin_client(client, db):
    admin = User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)
    client.force_login(admin)
    client.admin = admin
    return client


def works(token: str) -> bool:
    return Client().get("/api/plans", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_it_lists_the_tokens_on_the_account_page_and_in_the_token_list(admin_client, officer):
    row, _ = ApiToken.issue(officer)

    account = admin_client.get(reverse("admin:auth_user_change", args=[officer.pk])).content.decode()
    tokens = admin_client.get(reverse("admin:api_apitoken_changelist") + f"?q={officer.username}").content.decode()

    one = admin_client.get(reverse("admin:api_apitoken_change", args=[row.pk]))
    assert row.prefix in account and "Đang dùng" in account
    assert row.prefix in tokens and "Đang dùng" in tokens
    assert one.status_code == 200 and "lý do thu hồi" in one.content.decode().lower()


def test_it_revokes_selected_tokens_and_keeps_them(admin_client, officer, agency_officer):
    row, token = ApiToken.issue(officer)
    _, kept = ApiToken.issue(agency_officer)

    response = admin_client.post(
        reverse("admin:api_apitoken_changelist"), {"action": "revoke_tokens", "_selected_action": [row.pk]}
    )

    assert response.status_code == 302
    assert not works(token) and works(kept)
    row.refresh_from_db()
    assert row.revoke_reason == RevokeReason.ADMIN and row.revoked_by == admin_client.admin
    assert ApiToken.objects.count() == 2
    listed = admin_client.get(reverse("admin:api_apitoken_changelist") + "?tinh_trang=revoked").content.decode()
    assert row.prefix in listed and "Đã thu hồi" in listed
    entry = AuditEntry.objects.get(action="api_token.revoke")
    assert entry.user == admin_client.admin and "quản trị viên thu hồi" in entry.summary


def test_it_revokes_every_token_of_the_selected_accounts(admin_client, officer, agency_officer):
    _, first = ApiToken.issue(officer)
    _, second = ApiToken.issue(officer)
    _, kept = ApiToken.issue(agency_officer)

    admin_client.post(
        reverse("admin:auth_user_changelist"), {"action": "revoke_api_tokens", "_selected_action": [officer.pk]}
    )

    assert not works(first) and not works(second) and works(kept)
    assert AuditEntry.objects.filter(action="api_token.revoke", user=admin_client.admin).count() == 2


def test_it_records_a_deleted_token(admin_client, officer):
    row, _ = ApiToken.issue(officer)

    admin_client.post(reverse("admin:api_apitoken_delete", args=[row.pk]), {"post": "yes"})

    assert not ApiToken.objects.exists()
    entry = AuditEntry.objects.get(action="api_token.delete")
    assert entry.user == admin_client.admin and entry.before["prefix"] == row.prefix
