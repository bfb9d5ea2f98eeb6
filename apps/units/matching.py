"""Match agency names as printed in a plan ("Văn phòng HĐND&UBND", "Phong Van hoa - Xa hoi") to units."""

from __future__ import annotations

from apps.units.models import Unit


def match_agency(unit: Unit, printed: str) -> tuple[Unit | None, list[Unit]]:
    """The agency of ``unit`` (or a city department) the printed name means, and ranked suggestions."""
    return None, []
