"""The demo's review: the task updates agencies sent more than a fortnight ago, and the figures of periods whose
report was due, were accepted by the standing officer (so the demo reports count them); the latest updates stay in
the queue. Idempotent: only waiting work is looked at."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from apps.tracking.models import Measurement, Notification, NotificationKind, TaskUpdate, UpdateStatus
from apps.units.models import Membership, Role

LEFT_WAITING_DAYS = 14


def accept_earlier_work(today: dt.date, report) -> None:
    cutoff = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=LEFT_WAITING_DAYS), dt.time.min))
    standing = {m.unit_id: m.user_id for m in Membership.objects.filter(role=Role.STANDING_OFFICER).order_by("-pk")}
    with transaction.atomic():
        for model, unit_path, waiting in (
            (TaskUpdate, "task__plan__unit_id", {"created_at__lt": cutoff}),
            (Measurement, "target__plan__unit_id", {"period__due_on__lt": today}),
        ):
            rows = model.objects.filter(status=UpdateStatus.SUBMITTED, **waiting).values_list("pk", unit_path)
            for pk, unit_id in rows:
                model.objects.filter(pk=pk).update(
                    status=UpdateStatus.ACCEPTED, reviewed_by_id=standing.get(unit_id), reviewed_at=timezone.now()
                )
                report.add("mục đã duyệt")
        # the notifications of what was accepted were read then
        waiting = TaskUpdate.objects.filter(status=UpdateStatus.SUBMITTED).values("task_id")
        Notification.objects.filter(kind=NotificationKind.WAITING, read_at__isnull=True).exclude(
            task_id__in=waiting
        ).filter(created_at__lt=cutoff).update(read_at=timezone.now())
