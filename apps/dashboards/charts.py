"""Tiny server-side SVG charts (no chart library, no CDN): a sparkline of a target's values across periods,
a progress bar, a bar stacked by task status, and a line chart with axes (a rate over periods). Every chart has a
viewBox so it scales on a phone; the sparkline and the line chart write their values and periods on the chart,
and the bars stand in table rows whose cells give their numbers. Colours are the stylesheet's,
readable at 4.5:1 on white."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from apps.plans.models import ReportStatus
from cchc.numbers import num

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


def _shown(x: float) -> str:
    """A value as people read it, with the Vietnamese decimal comma (82,5); _n is for coordinates."""
    return _n(x).replace(".", ",")


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
                f"MT {_shown(float(target))}",
            )
        )
    if len(points) > 1:
        parts.append(format_html('<polyline points="{}" fill="none" stroke="#1565c0" stroke-width="2"/>', line))
    # a dot and its value per period: numbers written by _n need no escaping, so only the periods' names are escaped
    # (format_html per dot escaped seven arguments each, for 20 dots on each of a dashboard's 40 sparklines)
    for x, v, t in zip(xs, points, titles, strict=True):
        cx, cy, value = _n(x), _n(y(v)), _shown(v)
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
    summary = ", ".join(f"{t} {_shown(v)}" if t else _shown(v) for v, t in zip(points, titles, strict=True))
    if target is not None:
        summary += f"; mục tiêu {_shown(float(target))}"
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
        label or f"{_shown(pct)}%",
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


def line_chart(
    values: Sequence[Decimal | float | None],
    labels: Sequence[str],
    unit: str = "%",
    top: float = 100,
    width: int = 360,
    height: int = 190,
    title: str = "",
) -> SafeString:
    """A line chart of values over periods (oldest first) on a 0–``top`` axis: gridlines with their values on the
    left, every period named under its point (its first word or words, then its year), each value written above its
    dot, and a gap in the line where a period has no value ("–" on the axis). Sized by its viewBox, so it fits a
    390 px phone and prints as drawn; the table beside it keeps the figures for screen readers."""
    if not values:
        return mark_safe("")
    left, right, above, below = 34, 8, 28, 32  # room above the top line for a value near it
    plot_w, plot_h = width - left - right, height - above - below
    slot = plot_w / len(values)

    def x(i: int) -> float:
        return left + slot * (i + 0.5)

    def y(v: float) -> float:
        return above + plot_h - max(0.0, min(float(v), top)) / top * plot_h

    parts = []
    for tick in (0, top / 4, top / 2, top * 3 / 4, top):
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
                left,
                width - right,
                _n(y(tick)),
                _n(y(tick)),
                "#5b6b7c" if tick == 0 else "#cfd8dc",
                left - 4,
                _n(y(tick)),
                num(Decimal(str(tick)), unit),
            )
        )
    runs: list[list[str]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append(f"{_n(x(i))},{_n(y(v))}")
    parts += [
        format_html('<polyline points="{}" fill="none" stroke="#1565c0" stroke-width="2"/>', " ".join(run))
        for run in runs
        if len(run) > 1
    ]
    for i, (v, label) in enumerate(zip(values, labels, strict=False)):
        name, _, year = label.rpartition(" ")
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" class="period"><tspan x="{}">{}</tspan>'
                '<tspan x="{}" dy="11">{}</tspan></text>',
                _n(x(i)),
                height - below + 12,
                _n(x(i)),
                name or year,
                _n(x(i)),
                year if name else "",
            )
        )
        if v is None:
            parts.append(
                format_html('<text x="{}" y="{}" text-anchor="middle" fill="#5b6b7c">–</text>', _n(x(i)), _n(y(0) - 4))
            )
            continue
        shown = num(v, unit, places=1)
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="3" fill="#1565c0"/><text x="{}" y="{}" text-anchor="middle" '
                'class="value">{}</text>',
                _n(x(i)),
                _n(y(v)),
                _n(x(i)),
                _n(y(v) - 6),
                shown,
            )
        )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        width,
        height,
        title,
        mark_safe("".join(parts)),
    )
