"""The demo's review: the standing officer has accepted what agencies sent (so the demo reports count it) but the
latest few task updates and figures of each unit sent by agencies, which wait in the queue; their own figures
(entered directly by the demo) are accepted. Idempotent: only waiting work is looked
at, and a unit that already has accepted work is left as it is."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from apps.tracking.models import Measurement, Notification, NotificationKind, TaskUpdate, UpdateStatus
from apps.units.models import Membership, Role

LEFT_WAITING = {TaskUpdate: 3, Measurement: 2}  # per unit: the latest ones sent


def accept_earlier_work(today: dt.date, report) -> None:
    standing = {m.unit_id: m.user_id for m in Membership.objects.filter(role=Role.STANDING_OFFICER).order_by("-pk")}
    with transaction.atomic():
        for model, unit_path, author, latest in (
            (TaskUpdate, "task__plan__unit_id", "author_id", ("-created_at", "-pk")),
            (Measurement, "target__plan__unit_id", "entered_by_id", ("-period_end", "-pk")),
        ):
            accepted_units = set(model.objects.filter(status=UpdateStatus.ACCEPTED).values_list(unit_path, flat=True))
            rows = model.objects.filter(status=UpdateStatus.SUBMITTED).order_by(unit_path, *latest)
            kept: dict[int, int] = {}
            for pk, unit_id, by in rows.values_list("pk", unit_path, author):
                if unit_id in accepted_units:
                    continue  # reviewed on an earlier run: what waits now was sent since
                own = by is not None and by == standing.get(unit_id)  # the standing officer's own figures
                kept[unit_id] = kept.get(unit_id, 0) + (0 if own else 1)
                if not own and kept[unit_id] <= LEFT_WAITING[model]:
                    continue
                model.objects.filter(pk=pk).update(
                    status=UpdateStatus.ACCEPTED, reviewed_by_id=standing.get(unit_id), reviewed_at=timezone.now()
                )
                report.add("mục đã duyệt")
        # the notifications of what was accepted were read then
        waiting_tasks = TaskUpdate.objects.filter(status=UpdateStatus.SUBMITTED).values("task_id")
        waiting_targets = Measurement.objects.filter(status=UpdateStatus.SUBMITTED).values("target_id")
        Notification.objects.filter(kind=NotificationKind.WAITING, read_at__isnull=True).exclude(
            task_id__in=waiting_tasks
        ).exclude(target_id__in=waiting_targets).update(read_at=timezone.now())
