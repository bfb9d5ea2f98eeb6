"""Django's SQLite backend, with a queue in front of the database's write lock.

SQLite lets one writer at a time in. A writer that finds the lock taken does not queue: it sleeps and tries again,
after 1, 2, 5… then every 100 ms until its busy timeout runs out. Whoever tries at the moment the lock is free gets
it, so a writer that has waited long (and so tries only every 100 ms) keeps losing to writers that have just
arrived (which try every few milliseconds). Under steady writes from many threads, some writer waits past its
timeout and fails with "database is locked" though the database was never stuck — the bench's 500s.

Here a write transaction (``transaction.atomic``, which begins IMMEDIATE: see settings) first takes its turn:
in order of arrival among the threads of this process, then among processes by a lock on a file beside the
database, held until the transaction commits or rolls back. Only one thread per process then asks SQLite for
the lock, and a writer waits for the transactions ahead of it, no longer. The wait is bounded by the
connection's busy timeout (``PRAGMA busy_timeout``, so a short wait set for one transaction holds here too);
past it the transaction fails as SQLite would ("database is locked"). Writes outside a transaction (one
statement in autocommit) do not queue: they are single statements that SQLite lets in between.
"""

from __future__ import annotations

import collections
import fcntl
import os
import threading
import time

from django.db import OperationalError
from django.db.backends.sqlite3 import base


class FairLock:
    """A lock handed to its waiters in the order they came (``threading.Lock`` promises no order)."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiters: collections.deque[threading.Lock] = collections.deque()
        self._held = False

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            turn = threading.Lock()
            turn.acquire()
            self._waiters.append(turn)
        if turn.acquire(timeout=max(timeout, 0)):
            return True  # handed over by release()
        with self._mutex:
            if turn in self._waiters:
                self._waiters.remove(turn)
                return False
        return True  # handed over just as the wait ran out

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().release()  # still held: by the next in line now
            else:
                self._held = False

    def waiting(self) -> int:
        """How many wait for the lock now."""
        with self._mutex:
            return len(self._waiters)


class WriteQueue:
    """The turn of one process's writers on one database file."""

    def __init__(self, lock_path: str) -> None:
        self.lock_path = lock_path
        self.threads = FairLock()
        self._file = None

    def acquire(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        if not self.threads.acquire(timeout):
            return False
        try:
            if self._file is None:
                self._file = open(self.lock_path, "a+b")  # noqa: SIM115 - kept open for the life of the process
            pause = 0.0005
            while True:
                try:
                    fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return True
                except BlockingIOError:
                    # only one thread per process tries here, so trying often is cheap and keeps processes fair
                    if time.monotonic() >= deadline:
                        break
                    time.sleep(pause)
                    pause = min(pause * 2, 0.005)
        except BaseException:
            self.threads.release()
            raise
        self.threads.release()
        return False

    def release(self) -> None:
        try:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        finally:
            self.threads.release()


_queues: dict[tuple[int, str], WriteQueue] = {}
_queues_mutex = threading.Lock()


def write_queue(database: str) -> WriteQueue:
    """This process's queue for a database file (a forked worker makes its own)."""
    key = (os.getpid(), os.path.abspath(database))
    with _queues_mutex:
        if key not in _queues:
            _queues[key] = WriteQueue(key[1] + "-writers.lock")
        return _queues[key]


class DatabaseWrapper(base.DatabaseWrapper):
    _in_queue: WriteQueue | None = None

    def _write_queue(self) -> WriteQueue | None:
        if self.is_in_memory_db() or self.transaction_mode not in ("IMMEDIATE", "EXCLUSIVE"):
            return None  # a DEFERRED transaction takes no lock when it begins: nothing to queue for
        return write_queue(self.settings_dict["NAME"])

    def _start_transaction_under_autocommit(self):
        queue = self._write_queue()
        if queue is None:
            return super()._start_transaction_under_autocommit()
        with self.wrap_database_errors:
            timeout = self.connection.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        if not queue.acquire(timeout):
            raise OperationalError(f"database is locked (waited {timeout:g} s for the writers ahead)")
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            queue.release()
            raise
        self._in_queue = queue

    def _leave_queue(self) -> None:
        queue, self._in_queue = self._in_queue, None
        if queue is not None:
            queue.release()

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._leave_queue()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._leave_queue()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._leave_queue()
