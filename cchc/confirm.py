"""Destructive or final actions (publish, merge rows, return) are done only when the user has said yes.

A button of such an action carries its question (``data-confirm``); ``static/js/confirm.js`` asks it and sends the
answer as ``confirmed=<button name>:<button value>``. The server does the action only with that answer, so a
browser without JavaScript, or a script posting directly, gets a confirmation step instead: ``confirm_page`` for a
small form (its fields sent again, hidden), or the page itself with a notice (``pending``) for a big one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render

FIELD = "confirmed"


@dataclass(frozen=True)
class Pending:
    """An action waiting for its yes: the question, and the button that says it."""

    question: str
    name: str
    value: str
    label: str

    @property
    def answer(self) -> str:
        return f"{self.name}:{self.value}"


def pressed(request, name: str) -> str | None:
    """The value of the button ``name`` the user pressed, directly or through its confirmation step."""
    value = request.POST.get(name)
    if value is None:
        answered, _, answer_value = request.POST.get(FIELD, "").partition(":")
        if answered == name:
            return answer_value
    return value


def is_confirmed(request, name: str, value: str) -> bool:
    return request.POST.get(FIELD) == f"{name}:{value}"


def confirm_page(request, pending: Pending, back: str, details: list[str] = ()):
    """The confirmation step of a small form: the question, the fields as they were posted, yes and no."""
    fields = [(k, v) for k, values in request.POST.lists() if k not in ("csrfmiddlewaretoken", FIELD) for v in values]
    context = {"pending": pending, "fields": fields, "back": back, "details": details}
    return render(request, "confirm.html", context, status=200)
