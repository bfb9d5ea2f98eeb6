"""Deadlines as printed ("Quý IV/2025", "2026 - tháng 2/2027", "Hàng năm") turned into dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Deadline:
    start: dt.date | None  # first day the task runs, when the text says
    end: dt.date | None  # last day to finish (for a recurring task: the end of its last year)
    recurring: bool = False  # "Hàng năm", "Thường xuyên": due at the end of every year


def parse_deadline(
    text: str | None, period_start: dt.date | None = None, period_end: dt.date | None = None
) -> Deadline:
    """Read a printed deadline; the plan's period fills in what the text leaves out."""
    return Deadline(None, period_end, False)
