"""Tiny server-side SVG charts (no chart library, no CDN): a sparkline of a target's values across periods,
a progress bar, and a bar stacked by task status. Every chart has a viewBox so it scales on a phone."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape, format_html
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
    ys = [_n(y(v)) for v in points]
    xs = [_n(x) for x in xs]
    shown = [_n(v) for v in points]
    titles = [escape(t) for t in labels] + [""] * (len(points) - len(labels))
    # built as plain strings: the numbers are ours and every label is escaped once (a page draws ~40 of these)
    parts = []
    if target is not None:
        ty = _n(y(float(target)))
        parts.append(
            f'<line x1="0" x2="{width}" y1="{ty}" y2="{ty}" stroke="#c62828" stroke-dasharray="3 3" stroke-width="1"/>'
        )
    if len(points) > 1:
        line = " ".join(f"{x},{y_}" for x, y_ in zip(xs, ys, strict=True))
        parts.append(f'<polyline points="{line}" fill="none" stroke="#1565c0" stroke-width="2"/>')
    parts.extend(
        f'<circle cx="{x}" cy="{y_}" r="3" fill="#1565c0"><title>{f"{t}: " if t else ""}{v}</title></circle>'
        for x, y_, t, v in zip(xs, ys, titles, shown, strict=True)
    )
    summary = ", ".join(f"{t} {v}" if t else v for v, t in zip(shown, titles, strict=True))
    return mark_safe(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="Diễn biến: {summary}">{"".join(parts)}</svg>'
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
