"""A changed or reset password ends every API token of the account, wherever the password was changed."""

import re

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse

from apps.api.models import ApiToken, RevokeReason
from apps.audit.models import AuditEntry
from tests.web.conftest import PASSWORD

NEW_PASSWORD = "Mat-khau-moi-2026"


def works(token: str) -> bool:
    return Client().get("/api/plans", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_it_revokes_the_tokens_when_the_officer_changes_their_password_on_the_page(client, officer, agency_officer):
    _, mine = ApiToken.issue(officer)
    _, theirs = ApiToken.issue(agency_officer)
    client.force_login(officer)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert "Mọi mã truy cập API của tài khoản (nếu có) đã bị thu hồi" in client.get(response.url).content.decode()
    assert not works(mine) and works(theirs)
    token = ApiToken.objects.get(user=officer)
    assert token.revoke_reason == RevokeReason.PASSWORD and token.revoked_by == officer
    entry = AuditEntry.objects.get(action="user.password_change")
    assert entry.user == officer and entry.unit.code == "ke-sat"
    assert "đổi mật khẩu" in entry.summary and "thu hồi 1 mã truy cập API" in entry.summary


def test_it_revokes_the_tokens_when_the_administrator_sets_a_new_password(client, officer):
    _, token = ApiToken.issue(officer)
    admin = User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)
    client.force_login(admin)

    response = client.post(
        reverse("admin:auth_user_password_change", args=[officer.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not works(token)
    entry = AuditEntry.objects.get(action="user.password_set")
    assert entry.user == admin and "kesat.vhxh" in entry.summary
    assert ApiToken.objects.get(user=officer).revoked_by == admin


def test_it_revokes_the_tokens_when_code_calls_set_password_or_disables_the_password(officer, agency_officer):
    _, first = ApiToken.issue(officer)
    officer.set_password(NEW_PASSWORD)
    officer.save()
    _, second = ApiToken.issue(agency_officer)
    agency_officer.set_unusable_password()
    agency_officer.save()

    assert not works(first) and not works(second)
    assert AuditEntry.objects.filter(action="user.password_set").count() == 2
    assert AuditEntry.objects.get(object_id=str(agency_officer.pk), action="user.password_set").summary.startswith(
        "Khóa mật khẩu"
    )


def test_it_revokes_the_tokens_when_the_password_is_reset_by_email(client, officer):
    _, token = ApiToken.issue(officer)

    sent = client.post(reverse("password_reset"), {"email": officer.email}, follow=True)
    assert "chúng tôi đã gửi hướng dẫn đặt lại mật khẩu" in sent.content.decode()
    link = re.search(r"/mat-khau/dat-lai/\S+/", mail.outbox[0].body).group(0)
    form = client.get(link, follow=True)
    response = client.post(form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302 and response.url == reverse("password_reset_complete")
    assert "Mật khẩu đã được đặt lại" in client.get(response.url).content.decode()
    assert "không còn hiệu lực" in client.get(link, follow=True).content.decode()
    assert not works(token)
    entry = AuditEntry.objects.get(action="user.password_reset")
    assert entry.user == officer and "đặt lại mật khẩu qua thư" in entry.summary


def test_it_keeps_the_tokens_when_a_login_only_upgrades_the_password_hash(client, officer, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    User.objects.filter(pk=officer.pk).update(password=make_password(PASSWORD, hasher="md5"))
    _, token = ApiToken.issue(officer)

    assert client.post(reverse("login"), {"username": "kesat.vhxh", "password": PASSWORD}).status_code == 302

    officer.refresh_from_db()
    assert officer.password.startswith("pbkdf2_sha256$")
    assert works(token)
    assert not AuditEntry.objects.filter(action__startswith="user.password").exists()


def test_it_keeps_the_tokens_when_the_password_change_is_rolled_back(officer):
    _, token = ApiToken.issue(officer)

    with pytest.raises(RuntimeError), transaction.atomic():
        officer.set_password(NEW_PASSWORD)
        officer.save()
        raise RuntimeError("rolled back")

    assert works(token)
    assert not AuditEntry.objects.filter(action__startswith="user.password").exists()
