"""Pytest plugin loaded early (-p cchc.testenv): development settings unless the caller chose otherwise."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "test-secret-key")
os.environ.setdefault("TASKS_BACKEND", "immediate")  # jobs run at once; tests of the worker use the database queue
