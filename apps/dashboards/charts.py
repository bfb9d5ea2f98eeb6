"""Tiny server-side SVG charts (no chart library, no CDN): a sparkline of a target's values across periods,
a progress bar, and a bar stacked by task status. Every chart has a viewBox so it scales on a phone."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from apps.plans.models import ReportStatus

COLOURS = {
    ReportStatus.DONE_ON_TIME: "#2e7d32",
    ReportStatus.DONE_LATE: "#ef6c00",
    ReportStatus.IN_PROGRESS: "#1565c0",
    ReportStatus.NOT_STARTED: "#b0bec5",
    ReportStatus.OVERDUE: "#c62828",
    "ok": "#2e7d32",
    "warn": "#ef6c00",
    "bad": "#c62828",
    "info": "#1565c0",
}


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def sparkline(
    values: Sequence[Decimal | float],
    target: Decimal | float | None = None,
    labels: Sequence[str] = (),
    width: int = 160,
    height: int = 40,
) -> SafeString:
    """A line through the values (oldest first) with a dot per value; the target as a dashed line."""
    if not values:
        return mark_safe("")
    points = [float(v) for v in values]
    bounds = points + ([float(target)] if target is not None else [])
    low, high = min(bounds), max(bounds)
    if high == low:
        low, high = low - 1, high + 1
    pad = 4
    step = (width - 2 * pad) / max(len(points) - 1, 1)

    def y(v: float) -> float:
        return height - pad - (v - low) / (high - low) * (height - 2 * pad)

    xs = [pad + i * step if len(points) > 1 else width / 2 for i in range(len(points))]
    line = " ".join(f"{_n(x)},{_n(y(v))}" for x, v in zip(xs, points, strict=True))
    parts = []
    if target is not None:
        ty = _n(y(float(target)))
        parts.append(
            format_html(
                '<line x1="0" x2="{}" y1="{}" y2="{}" stroke="#c62828" stroke-dasharray="3 3" stroke-width="1"/>',
                width,
                ty,
                ty,
            )
        )
    if len(points) > 1:
        parts.append(format_html('<polyline points="{}" fill="none" stroke="#1565c0" stroke-width="2"/>', line))
    titles = list(labels) + [""] * (len(points) - len(labels))
    parts.append(
        format_html_join(
            "",
            '<circle cx="{}" cy="{}" r="3" fill="#1565c0"><title>{}{}</title></circle>',
            ((_n(x), _n(y(v)), f"{t}: " if t else "", _n(v)) for x, v, t in zip(xs, points, titles, strict=True)),
        )
    )
    summary = ", ".join(f"{t} {_n(v)}" if t else _n(v) for v, t in zip(points, titles, strict=True))
    return format_html(
        '<svg class="spark" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">{}</svg>',
        width,
        height,
        width,
        height,
        f"Diễn biến: {summary}",
        mark_safe("".join(parts)),
    )


def bar(percent: float | None, colour: str = "ok", label: str = "") -> SafeString:
    """A horizontal bar 0–100%, stretching to its cell's width."""
    pct = max(0.0, min(100.0, float(percent or 0)))
    return format_html(
        '<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="{}">'
        '<rect width="100" height="8" fill="#eceff1"/><rect width="{}" height="8" fill="{}"/></svg>',
        label or f"{_n(pct)}%",
        _n(pct),
        COLOURS.get(colour, colour),
    )


def stacked(counts: dict[str, int], label: str = "") -> SafeString:
    """One bar split by task status, in the order reports list them."""
    total = sum(counts.values())
    if not total:
        return mark_safe("")
    x, rects = 0.0, []
    for status in (
        ReportStatus.DONE_ON_TIME,
        ReportStatus.DONE_LATE,
        ReportStatus.IN_PROGRESS,
        ReportStatus.NOT_STARTED,
        ReportStatus.OVERDUE,
    ):
        n = counts.get(status, 0)
        if not n:
            continue
        w = n / total * 100
        rects.append(
            format_html(
                '<rect x="{}" width="{}" height="8" fill="{}"><title>{}: {}</title></rect>',
                _n(x),
                _n(w),
                COLOURS[status],
                ReportStatus(status).label,
                n,
            )
        )
        x += w
    return format_html(
        '<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="{}">{}</svg>',
        label,
        mark_safe("".join(rects)),
    )
