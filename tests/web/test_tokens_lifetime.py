"""Tokens last API_TOKEN_LIFETIME_DAYS (7 by default); noting their use is rare, small and never fails a request."""

import datetime as dt
import threading
import time

import psycopg
import pytest
import time_machine
from django.db import DatabaseError, connection
from django.db.models.query import QuerySet
from django.test import Client
from django.utils import timezone

from apps.api.models import ApiToken
from tests.web.conftest import PASSWORD


def get(token):
    return Client().get("/api/plans", headers={"Authorization": f"Bearer {token}"})


def test_it_gives_tokens_a_week_by_default(client, officer):
    response = client.post(
        "/api/auth/token", {"username": "kesat.vhxh", "password": PASSWORD}, content_type="application/json"
    )

    expires = dt.datetime.fromisoformat(response.json()["expires_at"])
    assert dt.timedelta(days=6, hours=23) < expires - timezone.now() <= dt.timedelta(days=7)
    _, token = ApiToken.issue(officer)
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        assert get(token).status_code == 401


def test_it_takes_the_lifetime_from_the_setting(officer, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 2
    row, token = ApiToken.issue(officer)

    assert row.expires_at - row.created_at < dt.timedelta(days=2, seconds=1)
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        assert get(token).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=2, minutes=1)):
        assert get(token).status_code == 401


def test_it_notes_the_use_at_most_every_five_minutes(officer, plan):
    row, token = ApiToken.issue(officer)
    assert get(token).status_code == 200
    row.refresh_from_db()
    first = row.last_used_at
    assert first is not None

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        get(token)
    row.refresh_from_db()
    assert row.last_used_at == first
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=6)):
        get(token)
    row.refresh_from_db()
    assert row.last_used_at > first


def test_it_answers_even_when_the_use_cannot_be_noted(officer, plan, monkeypatch):
    _, token = ApiToken.issue(officer)
    real_update = QuerySet.update

    def locked(self, **kwargs):
        if "last_used_at" in kwargs:
            raise DatabaseError("database is locked")
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", locked)

    response = get(token)

    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQLite test database lives in this connection")
@pytest.mark.django_db(transaction=True)
def test_it_answers_at_once_while_another_transaction_holds_the_token(officer, plan):
    _, token = ApiToken.issue(officer)
    settings = connection.settings_dict
    other = psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
    )
    release = threading.Timer(5, other.rollback)  # a request that waits for the lock waits 5 s, not forever
    try:
        other.execute("SELECT 1 FROM api_apitoken FOR UPDATE")
        release.start()
        started = time.monotonic()
        response = get(token)
        took = time.monotonic() - started
    finally:
        release.cancel()
        other.rollback()
        other.close()

    assert response.status_code == 200
    assert took < 2
    assert ApiToken.objects.get().last_used_at is None
