"""Production settings pass Django's deploy checks, and a server without a secret key or host names refuses to start."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# what a real server's environment would not carry: the settings under test, and the browser tests' async switch
CLEARED = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def manage(tmp_path: Path, *args: str, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}", MEDIA_ROOT=str(tmp_path / "media"))
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_it_passes_the_deploy_checks_with_production_settings(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="cchc.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_flags_a_weak_secret_key(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="change-me",
        ALLOWED_HOSTS="cchc.example.vn",
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off(tmp_path):
    result = manage(tmp_path, "check", DEBUG="0", ALLOWED_HOSTS="cchc.example.vn")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_it_refuses_to_start_without_allowed_hosts_when_debug_is_off(tmp_path):
    result = manage(tmp_path, "check", DEBUG="0", SECRET_KEY=secrets.token_urlsafe(60))
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


def test_it_refuses_an_unreadable_debug_value(tmp_path):
    result = manage(tmp_path, "check", DEBUG="maybe", SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="x.vn")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_it_starts_in_development_without_any_secrets(tmp_path):
    result = manage(tmp_path, "check", DEBUG="1")
    assert result.returncode == 0, result.stderr
