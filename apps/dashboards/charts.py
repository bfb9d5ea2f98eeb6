"""Tiny server-side SVG charts (no chart library, no CDN): a sparkline of a target's values across periods,
a progress bar, and a bar stacked by task status. Every chart has a viewBox so it scales on a phone; the
sparkline writes its values, its target and its periods on the chart, and the bars stand in table rows whose
cells give their numbers. Colours are the stylesheet's, readable at 4.5:1 on white."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from apps.plans.models import ReportStatus

COLOURS = {
    ReportStatus.DONE_ON_TIME: "#2e7d32",
    ReportStatus.DONE_LATE: "#a84300",
    ReportStatus.IN_PROGRESS: "#1565c0",
    ReportStatus.NOT_STARTED: "#78909c",
    ReportStatus.OVERDUE: "#c62828",
    "ok": "#2e7d32",
    "warn": "#a84300",
    "bad": "#c62828",
    "info": "#1565c0",
}


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def sparkline(
    values: Sequence[Decimal | float],
    target: Decimal | float | None = None,
    labels: Sequence[str] = (),
    width: int = 200,
    height: int = 56,
) -> SafeString:
    """A line through the values (oldest first) with a dot per value, each value written above its dot; the
    target as a dashed line labelled with its value; an x axis with the first and last periods under it."""
    if not values:
        return mark_safe("")
    points = [float(v) for v in values]
    bounds = points + ([float(target)] if target is not None else [])
    low, high = min(bounds), max(bounds)
    if high == low:
        low, high = low - 1, high + 1
    pad, top, axis = 16, 12, height - 13  # room for the values above the dots and the periods under the axis
    right = width - (40 if target is not None else pad)  # the target's label sits right of its line
    step = (right - 2 * pad) / max(len(points) - 1, 1)

    def y(v: float) -> float:
        return axis - 3 - (v - low) / (high - low) * (axis - 3 - top)

    xs = [pad + i * step if len(points) > 1 else (pad + right) / 2 for i in range(len(points))]
    line = " ".join(f"{_n(x)},{_n(y(v))}" for x, v in zip(xs, points, strict=True))
    titles = list(labels) + [""] * (len(points) - len(labels))
    parts = [format_html('<line x1="0" x2="{}" y1="{}" y2="{}" stroke="#5b6b7c" stroke-width="1"/>', right, axis, axis)]
    if target is not None:
        ty = _n(y(float(target)))
        parts.append(
            format_html(
                '<line x1="0" x2="{}" y1="{}" y2="{}" stroke="#c62828" stroke-dasharray="3 3" stroke-width="1"/>'
                '<text x="{}" y="{}" dominant-baseline="middle" fill="#c62828">{}</text>',
                right,
                ty,
                ty,
                right + 2,
                ty,
                f"MT {_n(float(target))}",
            )
        )
    if len(points) > 1:
        parts.append(format_html('<polyline points="{}" fill="none" stroke="#1565c0" stroke-width="2"/>', line))
    # a dot and its value per period: numbers written by _n need no escaping, so only the periods' names are escaped
    # (format_html per dot escaped seven arguments each, for 20 dots on each of a dashboard's 40 sparklines)
    for x, v, t in zip(xs, points, titles, strict=True):
        cx, cy, value = _n(x), _n(y(v)), _n(v)
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="3" fill="#1565c0"><title>{escape(f"{t}: ") if t else ""}{value}</title>'
            f'</circle><text x="{cx}" y="{_n(y(v) - 5)}" text-anchor="middle" class="value">{value}</text>'
        )
    ends = [(0, "start")] if len(points) == 1 else [(0, "start"), (len(points) - 1, "end")]
    parts.append(
        format_html_join(
            "",
            '<text x="{}" y="{}" text-anchor="{}" class="period">{}</text>',
            ((_n(xs[i] if len(points) > 1 else pad), height - 2, anchor, titles[i]) for i, anchor in ends if titles[i]),
        )
    )
    summary = ", ".join(f"{t} {_n(v)}" if t else _n(v) for v, t in zip(points, titles, strict=True))
    if target is not None:
        summary += f"; mục tiêu {_n(float(target))}"
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
