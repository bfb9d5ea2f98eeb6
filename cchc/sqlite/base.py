"""Django's SQLite backend, with the write transactions of one process taking turns before they ask SQLite.

SQLite lets one writer at a time; the others wait in its busy handler, which sleeps and retries (up to 100 ms
between tries) rather than queueing. Under gunicorn's threads (4 workers × 8) every waiting thread polls, and
the thread holding the lock competes for the interpreter with them, so at 50 clients a writer could wait the
whole busy timeout and fail with "database is locked" (bench/bench_concurrency.py, writes only). Here a write
transaction (``transaction.atomic``, which begins IMMEDIATE) first takes a lock shared by the process's
threads: a thread waiting for it sleeps without polling and without holding the interpreter, and SQLite sees at
most one writer per process. The wait is bounded by the connection's busy timeout, as before, so a stuck
writer still ends in the same error instead of a hang.
"""

from __future__ import annotations

import threading

from django.db import OperationalError
from django.db.backends.sqlite3 import base

_writers = threading.Lock()  # one write transaction at a time in this process


class DatabaseWrapper(base.DatabaseWrapper):
    def _start_transaction_under_autocommit(self) -> None:
        with self.cursor() as cursor:  # brief_lock_wait (apps/api/models.py) lowers it for one transaction
            cursor.execute("PRAGMA busy_timeout")
            timeout = cursor.fetchone()[0] / 1000
        if not _writers.acquire(timeout=timeout):
            raise OperationalError("database is locked (waited for this process's other writers)")
        self._holds_writers = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writers()
            raise

    def _release_writers(self) -> None:
        if getattr(self, "_holds_writers", False):
            self._holds_writers = False
            _writers.release()

    def _commit(self) -> None:
        try:
            super()._commit()
        finally:
            self._release_writers()

    def _rollback(self) -> None:
        try:
            super()._rollback()
        finally:
            self._release_writers()

    def _close(self) -> None:
        try:
            super()._close()
        finally:
            self._release_writers()
