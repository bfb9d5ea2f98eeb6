"""Pytest plugin loaded early (-p cchc.testenv): development settings unless the caller chose otherwise."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "test-secret-key")
