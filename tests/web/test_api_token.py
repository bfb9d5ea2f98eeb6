"""A user trades their password for a bearer token and uses it; nothing else gets in."""

import datetime as dt

import time_machine
from django.test import Client
from django.utils import timezone

from apps.api.models import ApiToken, hash_token
from apps.audit.models import AuditEntry
from tests.web.conftest import PASSWORD


def test_it_gives_a_token_for_good_credentials_and_accepts_it(officer, plan):
    client = Client(enforce_csrf_checks=True)  # scripts send no CSRF cookie
    response = client.post(
        "/api/auth/token", {"username": "kesat.vhxh", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    token = response.json()["token"]

    plans = client.get("/api/plans", headers={"Authorization": f"Bearer {token}"})

    assert plans.status_code == 200
    assert [row["number"] for row in plans.json()["items"]] == ["94/KH-UBND"]
    assert AuditEntry.objects.filter(action="api_token.issue", user=officer).count() == 1


def test_it_refuses_wrong_credentials_with_a_vietnamese_message(client, officer):
    response = client.post(
        "/api/auth/token", {"username": "kesat.vhxh", "password": "sai-mat-khau"}, content_type="application/json"
    )

    assert response.status_code == 401
    assert response.json() == {"detail": "Tên đăng nhập hoặc mật khẩu không đúng."}
    assert not ApiToken.objects.exists()


def test_it_answers_401_without_a_token_or_with_a_bad_one(client, officer, plan):
    _, token = ApiToken.issue(officer)

    missing = client.get("/api/plans")
    wrong = client.get("/api/plans", headers={"Authorization": f"Bearer {token}x"})
    not_bearer = client.get(f"/api/plans/{plan.pk}", headers={"Authorization": f"Token {token}"})

    for response in (missing, wrong, not_bearer):
        assert response.status_code == 401
        assert "mã truy cập" in response.json()["detail"]
    assert missing["WWW-Authenticate"] == "Bearer"


def test_it_stores_only_a_hash_of_the_token(client, officer):
    response = client.post(
        "/api/auth/token", {"username": "kesat.vhxh", "password": PASSWORD}, content_type="application/json"
    )
    token = response.json()["token"]

    stored = ApiToken.objects.get(user=officer)
    assert stored.key_hash == hash_token(token)
    assert token not in {stored.key_hash, stored.prefix}
    assert token.startswith(stored.prefix) and len(stored.prefix) < len(token)


def test_it_refuses_an_expired_token_and_one_of_an_inactive_user(client, officer, agency_officer):
    _, old = ApiToken.issue(officer)
    _, inactive = ApiToken.issue(agency_officer)
    agency_officer.is_active = False
    agency_officer.save()

    with time_machine.travel(timezone.now() + dt.timedelta(days=91)):
        expired = client.get("/api/plans", headers={"Authorization": f"Bearer {old}"})
    blocked = client.get("/api/plans", headers={"Authorization": f"Bearer {inactive}"})

    assert expired.status_code == 401
    assert blocked.status_code == 401
