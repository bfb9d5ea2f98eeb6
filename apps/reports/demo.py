"""Demo reports for 2025–2026 in every state: accepted, submitted, returned with a reason, a draft, one late.

Called by ``load_demo`` after the plans have their activity; a report already there is left alone, so running it
twice changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.plans.models import Plan
from apps.reports import services
from apps.reports.models import Report, ReportVersion
from apps.tracking.models import Period
from apps.units.models import Membership, Role

RETURN_REASON = "Đề nghị bổ sung số liệu hồ sơ trực tuyến và nguyên nhân các nhiệm vụ quá hạn."


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def _backdate(report: Report, day: dt.date) -> None:
    """Put a submission on the day it is meant to have been sent."""
    moment = _at(day)
    Report.objects.filter(pk=report.pk).update(submitted_at=moment, first_submitted_at=moment)
    ReportVersion.objects.filter(report=report).update(submitted_at=moment)


def add_reports(plans: list[Plan], today: dt.date, report) -> None:
    reviewer = get_user_model().objects.filter(memberships__role=Role.CITY_REVIEWER).order_by("pk").first()
    for year in (2025, 2026):
        Period.ensure_year(year)
    periods = list(Period.objects.filter(year__in=(2025, 2026)).order_by("end"))
    past = [p for p in periods if p.due_on < today]
    upcoming = [p for p in periods if p.due_on >= today][:1]
    units = sorted({plan.unit for plan in plans}, key=lambda unit: unit.code)
    for n, unit in enumerate(units):
        officer = (
            Membership.objects.filter(unit=unit, role=Role.STANDING_OFFICER)
            .order_by("pk")
            .values_list("user", flat=True)
        ).first()
        if officer is None or reviewer is None:
            continue
        officer = get_user_model().objects.get(pk=officer)
        for i, period in enumerate(past + upcoming):
            if Report.objects.filter(unit=unit, period=period).exists():
                continue
            draft, _ = services.open_draft(unit, period, officer)
            report.add("báo cáo")
            if period in upcoming:
                continue  # the current period's draft
            services.submit(draft, officer)
            late = n == 0 and i == len(past) - 1
            _backdate(draft, period.due_on + dt.timedelta(days=4 if late else -2))
            if i == len(past) - 1:
                continue  # awaiting review
            if i == len(past) - 2 and n % 2 == 0:
                services.return_report(draft, reviewer, RETURN_REASON)
                continue
            services.accept(draft, reviewer)
