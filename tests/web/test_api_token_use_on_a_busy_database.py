"""Noting an API token's use waits briefly for a busy database, then gives up with one warning line (no
traceback in the log for an expected event) and the request goes on."""

from __future__ import annotations

import logging
import threading

import pytest
from django.db import connection, transaction

from apps.api.models import ApiToken

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_gives_up_noting_a_tokens_use_with_one_warning_line_while_another_writer_holds_the_lock(officer, caplog):
    token, raw = ApiToken.issue(officer)
    holding, done = threading.Event(), threading.Event()

    def other_writer():
        try:
            with transaction.atomic():
                ApiToken.objects.filter(pk=token.pk).update(revoke_reason="")  # the row (on SQLite the database)
                holding.set()
                done.wait(30)
        finally:
            connection.close()

    writer = threading.Thread(target=other_writer)
    writer.start()
    try:
        assert holding.wait(10)
        with caplog.at_level(logging.WARNING, logger="apps.api.models"):
            user = ApiToken.user_for(raw)
    finally:
        done.set()
        writer.join(30)

    assert user == officer
    [warning] = [r for r in caplog.records if r.name == "apps.api.models"]
    assert warning.getMessage().startswith(f"could not note the use of API token {token.prefix}: ")
    assert ("database is locked" if connection.vendor == "sqlite" else "lock timeout") in warning.getMessage()
    assert warning.exc_info is None and "\n" not in warning.getMessage()
    token.refresh_from_db()
    assert token.last_used_at is None
    ApiToken.user_for(raw)  # the database is free again: the use is noted
    token.refresh_from_db()
    assert token.last_used_at is not None
