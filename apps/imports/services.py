"""The adapter between the importer library and the database: runs, drafts, publishing."""

from __future__ import annotations

from pathlib import Path

from apps.imports.models import ImportRun
from apps.plans.models import Plan
from apps.units.models import Unit


def import_file(
    unit: Unit, path: Path, user, *, background: bool = False, original_name: str | None = None
) -> ImportRun:
    """Store the file, run the importer (in a background thread when asked) and build the draft plan."""
    raise NotImplementedError


def publish(plan: Plan, user) -> Plan:
    """Publish a reviewed draft in one transaction: dates from deadlines, agencies, indicators, links."""
    raise NotImplementedError
