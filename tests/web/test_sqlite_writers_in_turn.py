"""On SQLite, a writer that waits for the database's write lock gets it before writers that came after it: one
that keeps writing cannot make another wait until its busy timeout runs out ("database is locked", a 500)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from apps.audit.models import AuditEntry, record

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL queues lock waiters itself"),
]


def write(order: list[str], name: str) -> None:
    order.append(name)
    record(None, "bench.write", None, None, summary=name)


def test_it_lets_a_waiting_writer_in_before_one_that_keeps_writing():
    order: list[str] = []
    other_waits = threading.Event()
    failures: list[BaseException] = []

    def other_person():
        try:
            other_waits.set()
            with transaction.atomic():  # waits: the first writer holds the lock
                write(order, "other")
        except BaseException as exc:  # noqa: BLE001 - shown by the assertion below
            failures.append(exc)
        finally:
            connection.close()

    waiting = threading.Thread(target=other_person)
    with transaction.atomic():
        write(order, "first 1")
        waiting.start()
        other_waits.wait(10)
        time.sleep(0.5)  # the other person's BEGIN is waiting for the lock by now
    for n in range(2, 6):  # the first writer goes on writing, one short transaction after another
        with transaction.atomic():
            write(order, f"first {n}")
            time.sleep(0.1)
    waiting.join(30)

    assert not failures, failures
    assert order == ["first 1", "other", "first 2", "first 3", "first 4", "first 5"]
    assert AuditEntry.objects.filter(action="bench.write").count() == 6
