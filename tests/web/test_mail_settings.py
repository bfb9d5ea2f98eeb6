"""The e-mail variables of the environment make the default mailer on Django 5.2 (EMAIL_* settings) and on 6.1
(MAILERS, which deprecates EMAIL_*) alike, the console only in development, and starting the app warns of no
deprecated e-mail setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SHOW_MAILER = """
from django.core import mail
mailer = mail.mailers.default if hasattr(mail, "mailers") else mail.get_connection()
print(type(mailer).__module__, getattr(mailer, "host", "-"), getattr(mailer, "port", "-"))
"""


def mailer(tmp_path: Path, **variables: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'mail.sqlite3'}", **variables)
    warnings = ["-W", "error::DeprecationWarning", "-W", "error::PendingDeprecationWarning"]
    result = subprocess.run(
        [sys.executable, *warnings, "manage.py", "shell", "--no-imports", "-c", SHOW_MAILER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


def test_it_sends_through_the_smtp_server_of_the_environment(tmp_path):
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    shown = mailer(tmp_path, DEBUG="1", EMAIL_BACKEND=smtp, EMAIL_HOST="mail.example.vn", EMAIL_PORT="2525")

    assert shown == "django.core.mail.backends.smtp mail.example.vn 2525"


def test_it_prints_to_the_console_in_development(tmp_path):
    assert mailer(tmp_path, DEBUG="1").startswith("django.core.mail.backends.console ")


def test_it_sends_through_the_local_smtp_server_in_production(tmp_path):
    shown = mailer(tmp_path, DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="cchc.example.vn")

    assert shown == "django.core.mail.backends.smtp localhost 25"
