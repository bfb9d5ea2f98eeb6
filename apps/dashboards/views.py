"""Dashboards: a unit's tasks and targets at a glance, and every unit of the city side by side."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from apps.dashboards import charts, stats
from apps.plans.models import PlanStatus, Target
from apps.tracking.figures import period_label, progress_of, targets_with_measurements
from apps.units.access import Access
from apps.units.models import GOVERNING_KINDS, Unit


@login_required
def home(request):
    access = Access(request.user)
    if access.is_city:
        return redirect("dashboards-city")
    if access.home_unit is not None:
        return redirect("dashboards-unit", unit_id=access.home_unit.pk)
    return render(request, "dashboards/home.html", {"unit": None})


@login_required
def unit_dashboard(request, unit_id: int):
    access = Access(request.user)
    unit = get_object_or_404(Unit, pk=unit_id, kind__in=GOVERNING_KINDS)
    access.require_view(unit)
    today = timezone.localdate()
    tasks = stats.published_tasks([unit.pk])
    areas = stats.by_area(tasks, today)
    agencies = stats.by_agency(tasks, today)
    for row in areas + agencies:
        row.chart = charts.stacked(row.by_status, label=f"{row.label}: {row.done}/{row.total} đã hoàn thành")
    targets = targets_with_measurements(
        Target.objects.filter(plan__unit=unit, plan__status=PlanStatus.PUBLISHED).order_by("plan_id", "position", "pk")
    )
    progress = progress_of(targets, today)
    for row in progress:
        row.chart = charts.sparkline(row.values, row.target.value, [period_label(m.period) for m in row.measurements])
    met = sum(1 for p in progress if p.attainment == "met")
    context = {
        "unit": unit,
        "today": today,
        "total": stats.total(tasks, today),
        "areas": areas,
        "agencies": agencies,
        "overdue": stats.overdue(tasks, today),
        "due_soon": stats.due_soon(tasks, today),
        "due_soon_days": stats.DUE_SOON_DAYS,
        "progress": progress,
        "targets_met": met,
        "plans": unit.plans.filter(status=PlanStatus.PUBLISHED).order_by("-issued_on"),
        "is_city": access.is_city,
        "legend": [(s, charts.COLOURS[s]) for s in stats.ReportStatus],
    }
    return render(request, "dashboards/unit.html", context)


@login_required
def city_dashboard(request):
    access = Access(request.user)
    if not access.is_city:
        raise PermissionDenied("Chỉ Sở Nội vụ xem được tổng hợp toàn thành phố.")
    today = timezone.localdate()
    blocks = stats.city_rows(today)
    for _, rows in blocks:
        for row in rows:
            row.done_bar = charts.bar(row.tasks.done_percent, "ok", f"{row.tasks.done_percent}% nhiệm vụ hoàn thành")
            row.met_bar = charts.bar(row.targets_met_percent, "info", f"{row.targets_met_percent}% chỉ tiêu đạt")
    return render(request, "dashboards/city.html", {"blocks": blocks, "today": today})
