"""Reminders of the periodic report: 7 days and 1 day before a period's due date, to the standing officer of each
unit whose report is not sent yet (not started, a draft, or returned). Once per officer, period, kind and day.

Called from ``apps.tracking.services.send_reminders`` (the daily job), so the same run sends both kinds.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from apps.reports.consolidation import reporting_units
from apps.reports.models import Report, ReportState
from apps.tracking.models import Notification, NotificationKind, Period
from apps.units.models import Membership
from cchc import mail

DAYS_BEFORE = {7: NotificationKind.REPORT_DUE_7, 1: NotificationKind.REPORT_DUE_1}


def report_reminders(today: dt.date) -> tuple[int, int]:
    """Send the day's report reminders; returns (notifications, emails)."""
    Period.ensure_year(today.year)
    notifications = emails = 0
    for days, kind in DAYS_BEFORE.items():
        for period in Period.objects.filter(due_on=today + dt.timedelta(days=days)):
            sent = set(
                Report.objects.filter(
                    period=period, state__in=(ReportState.SUBMITTED, ReportState.ACCEPTED)
                ).values_list("unit_id", flat=True)
            )
            units = {u.pk: u for u in reporting_units(period) if u.pk not in sent}
            officers = Membership.objects.standing_officers_of(units).select_related("user", "unit")
            for membership in officers:
                unit = units[membership.unit.governing_unit_id]
                message = (
                    f"Còn {days} ngày đến hạn gửi báo cáo CCHC {period.words} của {unit.name_in_sentence} "
                    f"(hạn {period.due_on:%d/%m/%Y}); báo cáo chưa được gửi."
                )
                with transaction.atomic():
                    if Notification.objects.filter(user=membership.user, unit=unit, kind=kind, sent_on=today).exists():
                        continue
                    Notification.objects.create(
                        user=membership.user, unit=unit, kind=kind, sent_on=today, message=message[:500]
                    )
                notifications += 1
                if membership.user.email:
                    link = settings.SITE_URL.rstrip("/") + reverse("reports-unit", args=[unit.pk])
                    body = f"{message}\n\nLập và gửi báo cáo: {link}\n"
                    emails += mail.send("[CCHC] Nhắc hạn gửi báo cáo định kỳ", body, [membership.user.email])
    return notifications, emails
