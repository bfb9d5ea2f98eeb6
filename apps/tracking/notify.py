"""Telling people what waits for them: one Notification row per event and person, in the app, and by e-mail
(through the job queue) for those with an address. Counters count tasks, not events."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from apps.plans.models import Plan, Target, Task
from apps.tracking.models import Notification, NotificationKind
from apps.units.models import Membership, Role, Unit
from cchc import mail as email

SUBJECTS = {
    NotificationKind.WAITING: "[CCHC] Có cập nhật chờ duyệt",
    NotificationKind.RETURNED: "[CCHC] Cập nhật bị trả lại",
    NotificationKind.DUE_7: "[CCHC] Nhắc hạn nhiệm vụ",
    NotificationKind.DUE_1: "[CCHC] Nhắc hạn nhiệm vụ",
    NotificationKind.OVERDUE: "[CCHC] Nhiệm vụ quá hạn",
    NotificationKind.PLAN_PUBLISHED: "[CCHC] Kế hoạch mới ban hành",
    NotificationKind.PLAN_REPLACED: "[CCHC] Kế hoạch được thay thế",
}


def short(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def officers(unit_ids: Iterable[int], role: str) -> list:
    """Active users holding ``role`` at any of the units, in a stable order."""
    user_ids = Membership.objects.filter(unit_id__in=list(unit_ids), role=role, user__is_active=True).values("user_id")
    return list(get_user_model().objects.filter(pk__in=user_ids).order_by("pk"))


def standing_officers(unit: Unit) -> list:
    """Active standing officers of the unit's governing unit, wherever in it their account is registered."""
    user_ids = Membership.objects.standing_officers_of([unit.governing_unit.pk]).filter(user__is_active=True)
    return list(get_user_model().objects.filter(pk__in=user_ids.values("user_id")).order_by("pk"))


def tell(
    users: Iterable,
    kind: str,
    message: str,
    *,
    unit: Unit | None = None,
    task: Task | None = None,
    target: Target | None = None,
    plan: Plan | None = None,
    link: str = "",
    skip=None,
) -> list[Notification]:
    """One new notification per user (``skip``: the one who caused the event is not told of it); the e-mails are
    sent by the worker once the transaction commits. Inside ``one_notice`` the "waiting for review" events are
    gathered into one notification instead."""
    gathered = _gathered.get()
    if gathered is not None and kind == NotificationKind.WAITING:
        gathered.append((list(users), unit, skip))
        return []
    rows, seen = [], set()
    for user in users:
        if user.pk in seen or (skip is not None and user.pk == skip.pk):
            continue
        seen.add(user.pk)
        rows.append(
            Notification(
                user=user,
                kind=kind,
                message=message[:500],
                unit=unit,
                task=task,
                target=target,
                plan=plan,
                link=link[:300],
            )
        )
    created = Notification.objects.bulk_create(rows)
    mail_later([n.pk for n in created if n.user.email])
    return created


_gathered: ContextVar[list | None] = ContextVar("gathered_waiting", default=None)


@contextmanager
def one_notice(message: str, plan: Plan, link: str):
    """Many items sent at once (a spreadsheet): their standing officers get one "waiting" notification, not one per
    row."""
    token = _gathered.set([])
    try:
        yield
        events = _gathered.get()
    finally:
        _gathered.reset(token)
    if not events:
        return
    users, unit, skip = events[0]
    everyone = {u.pk: u for users_, _, _ in events for u in users_}
    tell(everyone.values(), NotificationKind.WAITING, message, unit=unit, plan=plan, link=link, skip=skip)


def mail_later(ids: list[int]) -> None:
    if not ids:
        return
    from cchc import jobs

    jobs.enqueue(jobs.mail_notifications, ids)


def mail(ids: Iterable[int]) -> int:
    """Send the e-mail of each notification not mailed yet (the worker's job); returns how many were sent."""
    sent = 0
    site = settings.SITE_URL.rstrip("/")
    rows = Notification.objects.filter(pk__in=list(ids), emailed_at__isnull=True).select_related("user")
    for n in rows:
        if not n.user.email:
            continue
        body = n.message + (f"\n\nXem: {site}{n.link}\n" if n.link else "\n")
        if email.send(SUBJECTS.get(n.kind, "[CCHC] Thông báo"), body, [n.user.email]):
            Notification.objects.filter(pk=n.pk).update(emailed_at=timezone.now())
            sent += 1
    return sent


def unread_count(user) -> int:
    """What the menu's badge shows: the tasks, targets (and plans) with unread notifications, however many each
    has."""
    if not getattr(user, "is_authenticated", False):
        return 0
    alone = Q(task__isnull=True, target__isnull=True)
    counts = Notification.objects.filter(user=user, read_at__isnull=True).aggregate(
        tasks=Count("task", distinct=True),
        targets=Count("target", distinct=True),
        plans=Count("plan", distinct=True, filter=alone),
        other=Count("pk", filter=alone & Q(plan__isnull=True)),
    )
    return counts["tasks"] + counts["targets"] + counts["plans"] + counts["other"]


def mark_read(user, ids: Iterable[int] | None = None) -> int:
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return rows.update(read_at=timezone.now())


def named_agencies(plan: Plan) -> dict[int, int]:
    """The agencies a plan names (leading or partnering a task, tracking a target), with how many rows name each."""
    counts: dict[int, int] = {}
    ids = [*plan.tasks.exclude(lead=None).values_list("lead_id", flat=True)]
    ids += Task.partners.through.objects.filter(task__plan=plan).values_list("unit_id", flat=True)
    ids += plan.targets.exclude(agency=None).values_list("agency_id", flat=True)
    for pk in ids:
        counts[pk] = counts.get(pk, 0) + 1
    return counts


def plan_published(plan: Plan, user, replaced: Plan | None = None) -> list[Notification]:
    """The officers of every agency the plan names learn that it is in force (and what it replaces)."""
    from django.urls import reverse

    counts = named_agencies(plan)
    title = plan.number or short(plan.title, 60)
    kind = NotificationKind.PLAN_REPLACED if replaced else NotificationKind.PLAN_PUBLISHED
    told = []
    for agency in Unit.objects.filter(pk__in=counts).order_by("pk"):
        if replaced is not None:
            old = replaced.number or short(replaced.title, 60)
            message = (
                f"Kế hoạch {title} thay thế kế hoạch {old}; {agency.name} có {counts[agency.pk]} nhiệm vụ, chỉ tiêu."
            )
        else:
            message = f"Kế hoạch {title} đã ban hành; {agency.name} có {counts[agency.pk]} nhiệm vụ, chỉ tiêu."
        told += tell(
            officers([agency.pk], Role.AGENCY_OFFICER),
            kind,
            message,
            unit=plan.unit,
            plan=plan,
            link=reverse("tracking-plan-tasks", args=[plan.pk]),
            skip=user,
        )
    return told
