"""On SQLite a submission that meets the database locked by another writer past the busy timeout is tried again
a moment later and stored, not lost (a real lock held by a second connection, not a simulated error)."""

import sqlite3
import threading
import time

import pytest
from django.db import connection

from apps.surveys import services
from apps.surveys.models import Questionnaire, Response
from apps.units.models import Unit, UnitKind

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's database lock")
def test_it_stores_an_answer_that_met_a_locked_database(settings):
    settings.SURVEY_MIN_SECONDS = 0
    unit = Unit.objects.create(name="Xã Kẽ Sắt", kind=UnitKind.COMMUNE, code="ke-sat")
    Questionnaire.current()
    token = services.visit_token(unit)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout = 100")  # give up waiting quickly, so the retry is what saves it
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the database
    held = threading.Event()

    def release_later():
        held.set()
        time.sleep(0.5)
        other.execute("ROLLBACK")

    releaser = threading.Thread(target=release_later)
    releaser.start()
    held.wait()
    started = time.monotonic()
    try:
        response = services.submit(unit, services.Submission(token=token, items={"overall": 5}), "10.0.0.1")
    finally:
        releaser.join()
        other.close()

    assert time.monotonic() - started >= 0.4  # it did wait for the lock to go
    assert Response.objects.filter(pk=response.pk).exists()
