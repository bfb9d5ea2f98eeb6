"""A queue of people at Kẽ Sắt's desk submit the survey at the same moment: every answer sent is stored, none lost,
against the real server (threads sending to the live server; SQLite waits its turn, PostgreSQL takes them at once).
The burst of 200 against gunicorn is bench/bench_survey.py."""

import json
import threading
import urllib.request

import pytest

from apps.surveys.models import Questionnaire, Response
from apps.units.models import Unit, UnitKind

SENDERS = 40


def send(base: str, unit_id: int, address: int, statuses: list) -> None:
    with urllib.request.urlopen(f"{base}/api/surveys/{unit_id}/form", timeout=60) as answer:
        token = json.loads(answer.read())["visit_token"]
    body = json.dumps({"visit_token": token, "answers": {"overall": 4 + address % 2, "servants.1": 5}}).encode()
    request = urllib.request.Request(
        f"{base}/api/surveys/{unit_id}/responses", body, {"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            statuses.append(answer.status)
    except urllib.error.HTTPError as error:
        statuses.append(error.code)


@pytest.mark.django_db(transaction=True)
def test_it_stores_every_one_of_many_simultaneous_submissions(live_server, settings):
    settings.SURVEY_RESPONSES_PER_ADDRESS = 1000  # all come from 127.0.0.1
    unit = Unit.objects.create(name="Xã Kẽ Sắt", kind=UnitKind.COMMUNE, code="ke-sat")
    Questionnaire.current()  # as the migration leaves it (a transactional test starts from empty tables)
    statuses: list[int] = []
    start = threading.Barrier(SENDERS)

    def one(n: int) -> None:
        start.wait()
        send(live_server.url, unit.pk, n, statuses)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [201] * SENDERS
    assert Response.objects.filter(unit=unit).count() == SENDERS
