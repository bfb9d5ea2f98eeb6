"""The real queue in tests: jobs go to the database and a worker run inside the test takes them."""

from __future__ import annotations

import io
import subprocess

from django.core.management import call_command

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work() -> str:
    """Run the worker until the queue is empty (what `manage.py run_worker` does, without waiting for more)."""
    out = io.StringIO()
    call_command("run_worker", batch=True, interval=0, stdout=out, stderr=out)
    return out.getvalue()


def dead_pid() -> int:
    """The id of a process that has ended: a worker that died."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
