"""The bands a year's index is ranked in ("Xuất sắc" ≥ 93 …): read as the city types them, checked to cover 0 to 100
once (no overlap, no gap), and changed for a year at any time without reopening it — the ranking and its exports
read them when drawn, so they follow at once."""

from __future__ import annotations

import re
from decimal import Decimal

from django.db import transaction

from apps.audit.models import record
from apps.par.models import AssessmentYear
from cchc.versioning import claim

DEFAULT = [[93, "Xuất sắc"], [80, "Tốt"], [65, "Khá"], [0, "Trung bình"]]  # only "xuất sắc" ≥ 93 is known
TEXT_FORMAT = "viết như “93: Xuất sắc; 80: Tốt; 65: Khá; 0: Trung bình” (hoặc “80–93: Tốt”: từ 80 đến dưới 93)"
RANGE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–—]\s*(\d+(?:[.,]\d+)?)\s*)?$")


class BandError(ValueError):
    """A band set that cannot be used; the message says which band and why, in Vietnamese."""


def text(bands: list | None) -> str:
    """[[93, "Xuất sắc"], [80, "Tốt"]] → "93: Xuất sắc; 80: Tốt" (what the form shows)."""
    return "; ".join(f"{pts(minimum)}: {label}" for minimum, label in bands or DEFAULT)


def pts(number) -> str:
    """93 → "93", 92.5 → "92,5" (as the city writes them)."""
    return f"{Decimal(str(number)).normalize():f}".replace(".", ",")


def _number(raw: str) -> Decimal:
    return Decimal(raw.replace(",", "."))


def parse(typed: str) -> list | None:
    """'93: Xuất sắc; 80–93: Tốt; 0: Khá' → [[93.0, "Xuất sắc"], [80.0, "Tốt"], [0.0, "Khá"]], highest first; empty
    → None (the defaults). A band runs from its minimum to the next band's; one written with an upper end must end
    where the next begins. ``BandError`` for a band set that overlaps, leaves a gap or is not in that shape."""
    rows = []  # (minimum, upper end or None, label)
    for part in (typed or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        bounds, sep, label = part.partition(":")
        match = RANGE.match(bounds)
        if not sep or not label.strip() or match is None:
            raise BandError(f"Xếp loại “{part.strip()}” không đúng dạng; {TEXT_FORMAT}.")
        low, high = _number(match[1]), _number(match[2]) if match[2] else None
        if low > 100 or (high is not None and not low < high <= 100):
            raise BandError(f"Xếp loại “{part.strip()}”: điểm phải từ 0 đến 100, cận dưới nhỏ hơn cận trên.")
        rows.append((low, high, label.strip()))
    if not rows:
        return None
    rows.sort(key=lambda r: -r[0])
    for (low, _, label), (other_low, _, other) in zip(rows, rows[1:], strict=False):
        if low == other_low:
            raise BandError(f"“{label}” và “{other}” cùng bắt đầu từ {pts(low)} điểm: hai xếp loại chồng lên nhau.")
    top_low, top_high, top_label = rows[0]
    if top_high is not None and top_high != 100:
        raise BandError(
            f"Từ {pts(top_high)} đến 100 điểm không thuộc xếp loại nào (“{top_label}” dừng ở {pts(top_high)})."
        )
    for (upper_low, _, upper), (low, high, label) in zip(rows, rows[1:], strict=False):
        if high is not None and high > upper_low:
            raise BandError(
                f"“{label}” ({pts(low)}–{pts(high)}) chồng lên “{upper}” (từ {pts(upper_low)}): "
                f"“{label}” phải dừng ở {pts(upper_low)}."
            )
        if high is not None and high < upper_low:
            raise BandError(
                f"Từ {pts(high)} đến dưới {pts(upper_low)} điểm không thuộc xếp loại nào (giữa “{label}” và “{upper}”)."
            )
    bottom_low, _, bottom = rows[-1]
    if bottom_low != 0:
        raise BandError(
            f"Chỉ số dưới {pts(bottom_low)} không thuộc xếp loại nào: xếp loại thấp nhất (“{bottom}”) "
            "phải bắt đầu từ 0."
        )
    return [[float(low), label] for low, _, label in rows]


def set_bands(year: AssessmentYear, user, bands: list, expected_version: int | None = None) -> AssessmentYear:
    """Change the year's bands (checked by ``parse``), audited; the year stays as it is otherwise."""
    with transaction.atomic():
        claim(year, expected_version)
        before = year.bands
        year.bands = bands
        AssessmentYear.objects.filter(pk=year.pk).update(bands=bands)
        record(
            user,
            "par.bands_changed",
            year,
            None,
            before={"bands": before},
            after={"bands": bands},
            summary=f"Xếp loại Chỉ số CCHC năm {year.year}: {text(bands)}",
        )
    return year
