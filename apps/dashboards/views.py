"""Dashboards: a unit's tasks and targets at a glance, and every unit of the city side by side."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from apps.dashboards import charts, exports, stats
from apps.plans.models import Target, in_force
from apps.tracking.figures import period_label, progress_of, targets_with_measurements
from apps.tracking.models import Period
from apps.units.access import Access
from apps.units.models import GOVERNING_KINDS, Unit


@login_required
def home(request):
    access = Access.of(request)
    if access.is_city:
        return redirect("dashboards-city")
    if access.home_unit is not None:
        return redirect("dashboards-unit", unit_id=access.home_unit.pk)
    return render(request, "dashboards/home.html", {"unit": None})


def _as_of(request) -> tuple[Period | None, list[Period]]:
    """The period whose end the dashboard is seen at (``?ky=2026-q1``), None for today; and the periods ended
    so far, newest first, to choose from. An unknown period is said, and today shown."""
    today = timezone.localdate()
    periods = list(Period.objects.filter(end__lt=today).order_by("-end")[:12])
    code = request.GET.get("ky", "").strip()
    if not code:
        return None, periods
    chosen = next((p for p in periods if p.code == code), None)
    if chosen is None:
        messages.warning(request, "Không có kỳ báo cáo đã kết thúc nào như đã chọn; đang hiển thị số liệu đến hôm nay.")
    return chosen, periods


def _day(period: Period | None):
    return period.end if period is not None else timezone.localdate()


@login_required
def unit_dashboard(request, unit_id: int):
    access = Access.of(request)
    unit = get_object_or_404(Unit, pk=unit_id, kind__in=GOVERNING_KINDS)
    access.require_view(unit)
    period, periods = _as_of(request)
    today, as_of = _day(period), period is not None
    in_force_on = today if as_of else None
    tasks = stats.published_tasks([unit.pk], in_force_on)
    counts = stats.count_by(tasks, ("area", "lead"), today, as_of)
    areas, agencies = stats.by_area(counts), stats.by_agency(counts)
    for row in areas + agencies:
        row.chart = charts.stacked(row.by_status, label=f"{row.label}: {row.done}/{row.total} đã hoàn thành")
    targets = targets_with_measurements(
        Target.objects.filter(in_force(in_force_on, "plan__"), plan__unit=unit).order_by("plan_id", "position", "pk")
    )
    progress = progress_of(targets, today, as_of=as_of)
    for row in progress:
        row.chart = charts.sparkline(row.values, row.target.value, [period_label(m.period) for m in row.measurements])
    met = sum(1 for p in progress if p.attainment == "met")
    context = {
        "unit": unit,
        "today": today,
        "period": period,
        "periods": periods,
        "total": stats.total(counts),
        "areas": areas,
        "agencies": agencies,
        "overdue": stats.overdue(tasks, today, as_of=as_of),
        "due_soon": stats.due_soon(tasks, today, as_of=as_of),
        "due_soon_days": stats.DUE_SOON_DAYS,
        "progress": progress,
        "targets_met": met,
        "plans": unit.plans.filter(in_force(in_force_on)).order_by("-issued_on"),
        "is_city": access.is_city,
        "legend": [(s, charts.COLOURS[s]) for s in stats.ReportStatus],
    }
    if request.GET.get("xuat") == "xlsx":
        return exports.unit_xlsx(request.user, context)
    return render(request, "dashboards/unit.html", context)


@login_required
def city_dashboard(request):
    access = Access.of(request)
    if not access.is_city:
        raise PermissionDenied("Chỉ Sở Nội vụ xem được tổng hợp toàn thành phố.")
    period, periods = _as_of(request)
    today = _day(period)
    blocks = stats.city_rows(today, as_of=period is not None)
    for _, rows in blocks:
        for row in rows:
            row.done_bar = charts.bar(row.tasks.done_percent, "ok", f"{row.tasks.done_percent}% nhiệm vụ hoàn thành")
            row.met_bar = charts.bar(row.targets_met_percent, "info", f"{row.targets_met_percent}% chỉ tiêu đạt")
    context = {"blocks": blocks, "today": today, "period": period, "periods": periods}
    if request.GET.get("xuat") == "xlsx":
        return exports.city_xlsx(request.user, context)
    return render(request, "dashboards/city.html", context)
