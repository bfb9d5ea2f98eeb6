"""Filling in the SIPAS survey in tests: the page's fields from a level per item, and responses stored directly."""

from __future__ import annotations

import re

from django.utils import timezone

from apps.surveys.models import Questionnaire, Response

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def item_codes() -> list[str]:
    return [item.code for item in Questionnaire.current().form.items]


def page_fields(level: int | dict = 4, **extra) -> dict:
    """POST fields answering every item with ``level`` (or a dict code -> level), plus ``extra``."""
    levels = level if isinstance(level, dict) else dict.fromkeys(item_codes(), level)
    return {f"q-{code}": str(value) for code, value in levels.items()} | extra


def open_and_send(client, unit, level: int | dict = 4, address: str = "10.1.1.1", **extra):
    """Open the unit's public survey page as a visitor, then send it; the POST's response."""
    page = client.get(f"/khao-sat/{unit.pk}/", REMOTE_ADDR=address)
    token = TOKEN.search(page.content.decode())[1]
    return client.post(f"/khao-sat/{unit.pk}/", page_fields(level, token=token, **extra), REMOTE_ADDR=address)


def stored(unit, levels: dict[str, int], n: int = 1, **fields) -> list[Response]:
    """``n`` responses stored directly (for result tests), answering the given items."""
    questionnaire = Questionnaire.current()
    at = fields.pop("submitted_at", None)  # the same time for all n
    made = []
    for _ in range(n):
        made.append(
            Response.objects.create(
                unit=unit,
                questionnaire=questionnaire,
                submitted_at=at or timezone.now(),
                answers={"items": levels, "respondent": {}, "improve": [], "comment": ""},
                visit_token=f"t{Response.objects.count() + 1}-{len(made)}",
                **fields,
            )
        )
    return made
