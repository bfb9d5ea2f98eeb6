"""A script's holder revokes the token it is using with POST /api/auth/revoke; the token then gives 401."""

from django.test import Client

from apps.api.models import ApiToken, RevokeReason
from apps.audit.models import AuditEntry


def test_it_revokes_the_current_token_and_keeps_it_for_the_record(officer, plan):
    _, token = ApiToken.issue(officer)
    _, other = ApiToken.issue(officer)
    client = Client(enforce_csrf_checks=True)
    auth = {"Authorization": f"Bearer {token}"}

    response = client.post("/api/auth/revoke", headers=auth)

    assert response.status_code == 200
    assert response.json()["detail"].startswith("Đã thu hồi mã truy cập.")
    after = client.get("/api/plans", headers=auth)
    assert after.status_code == 401 and "mã truy cập" in after.json()["detail"]
    assert client.get("/api/plans", headers={"Authorization": f"Bearer {other}"}).status_code == 200
    revoked = ApiToken.objects.get(revoked_at__isnull=False)
    assert revoked.revoke_reason == RevokeReason.HOLDER and revoked.revoked_by == officer
    entry = AuditEntry.objects.get(action="api_token.revoke")
    assert entry.user == officer and entry.unit == plan.unit and revoked.prefix in entry.summary


def test_it_answers_401_to_a_revoke_without_a_valid_token(client, officer):
    _, token = ApiToken.issue(officer)
    client.post("/api/auth/revoke", headers={"Authorization": f"Bearer {token}"})

    again = client.post("/api/auth/revoke", headers={"Authorization": f"Bearer {token}"})
    missing = client.post("/api/auth/revoke")

    assert again.status_code == 401 and missing.status_code == 401
    assert AuditEntry.objects.filter(action="api_token.revoke").count() == 1


def test_it_lists_the_revoke_operation_in_the_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "post" in paths["/api/auth/revoke"]
    assert "429" in paths["/api/auth/token"]["post"]["responses"]
