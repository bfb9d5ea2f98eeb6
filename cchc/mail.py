"""Sending one e-mail, the same way on Django 5.2 and 6.1: a message that cannot be sent is logged and told by the
answer, never raised (what ``send_mail(fail_silently=True)`` did without a trace; Django 6.1 deprecates it)."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage

log = logging.getLogger(__name__)


def send(subject: str, body: str, to: list[str]) -> bool:
    """Send through the default mailer (MAILERS on Django 6.1, EMAIL_* on 5.2) from DEFAULT_FROM_EMAIL; whether it
    went. SMTP errors and a refused connection are OSErrors."""
    try:
        return EmailMessage(subject, body, None, to).send() > 0
    except OSError as error:
        log.warning("E-mail %r to %s not sent: %s", subject, ", ".join(to), error)
        return False
