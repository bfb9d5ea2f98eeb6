"""Accounts made, deleted, given or stripped of admin rights are in the audit log, with who did it."""

from django.contrib.auth.models import User
from django.urls import reverse

from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from tests.web.account_forms import account_form
from tests.web.conftest import PASSWORD


def test_it_records_staff_and_superuser_changes_made_in_the_admin(client, officer, kesat):
    admin = User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)
    client.force_login(admin)
    form = account_form(officer, []) | {"is_staff": "on", "is_superuser": "on"}

    response = client.post(reverse("admin:auth_user_change", args=[officer.pk]), form)

    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(action="user.flags")
    assert entry.user == admin and entry.unit == kesat
    assert entry.before == {"is_staff": False, "is_superuser": False}
    assert entry.after == {"is_staff": True, "is_superuser": True}
    assert entry.summary == (
        "Đổi quyền tài khoản kesat.vhxh: vào trang quản trị: không → có; toàn quyền quản trị: không → có"
    )


def test_it_records_flags_changed_in_code_and_a_login_is_not_a_change(client, officer):
    client.post(reverse("login"), {"username": "kesat.vhxh", "password": PASSWORD})
    officer.refresh_from_db()
    officer.is_active = False
    officer.save()

    entry = AuditEntry.objects.get(action="user.flags")
    assert entry.before == {"is_active": True} and entry.after == {"is_active": False} and entry.user is None
    assert "được đăng nhập: có → không" in entry.summary


def test_it_records_accounts_created_and_deleted_and_the_tokens_deleted_with_them(client, agency_officer, kesat):
    admin = User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)
    ApiToken.issue(agency_officer)
    client.force_login(admin)

    response = client.post(reverse("admin:auth_user_delete", args=[agency_officer.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="user.create", object_id=str(agency_officer.pk)).exists()
    actions = set(AuditEntry.objects.filter(user=admin).values_list("action", flat=True))
    assert actions == {"user.delete", "membership.revoke", "api_token.delete"}
    assert AuditEntry.objects.get(action="user.delete").summary == "Xóa tài khoản kesat.pvhcc"


def test_it_records_a_token_issued_with_the_unit(client, officer, kesat):
    client.post("/api/auth/token", {"username": "kesat.vhxh", "password": PASSWORD}, content_type="application/json")

    entry = AuditEntry.objects.get(action="api_token.issue")
    assert entry.user == officer and entry.unit == kesat and entry.summary.startswith("Cấp mã truy cập API cchc_")
