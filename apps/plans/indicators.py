"""The indicator catalogue (766 index, SIPAS, seeds' targets) and binding targets to indicators."""

from __future__ import annotations

from apps.plans.models import Indicator


def bind_indicator(text: str) -> Indicator | None:
    """The catalogue indicator a target's wording measures, or None."""
    return None
