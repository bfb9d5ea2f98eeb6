"""Task updates, returns and reminders: the writes of the tracking app, each audited in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import record, snapshot
from apps.plans.models import PlanStatus, Task, TaskState
from apps.tracking import notify
from apps.tracking.models import Notification, NotificationKind, TaskUpdate, UpdateStatus
from apps.tracking.uploads import store_evidence
from apps.units.access import Access
from apps.units.models import Role, person_name
from cchc.versioning import Conflict

TASK_FIELDS = ["state", "progress", "completed_on"]


class UpdateError(ValueError):
    """A change the rules do not allow; the message is for the user."""


def _lock(task: Task, expected_version: int | None = None) -> None:
    """Hold the task's row for this transaction and read its current state (another update may have landed
    since ``task`` was loaded); a named ``expected_version`` must still be the current one."""
    fields = [*TASK_FIELDS, "version"]
    current = Task.objects.select_for_update().values(*fields).get(pk=task.pk)
    for name in fields:
        setattr(task, name, current[name])
    if expected_version is not None and expected_version != task.version:
        raise Conflict(task, expected_version)


def _apply(task: Task, state: str, progress: int, completed_on: dt.date | None) -> None:
    task.state, task.progress, task.completed_on = state, progress, completed_on
    task.save(update_fields=TASK_FIELDS)


def normalize(
    state: str, progress: int | None, completed_on: dt.date | None, today: dt.date
) -> tuple[int, dt.date | None]:
    """Progress and completion date consistent with the state: done is 100% (today unless a date is given),
    not started is 0%, in progress keeps its percentage below 100."""
    if state == TaskState.DONE:
        return 100, completed_on or today
    if state == TaskState.NOT_STARTED:
        return 0, None
    return min(max(progress or 0, 0), 99), None


def contradiction(state: str, progress: int | None) -> str | None:
    """The question to ask when the state chosen and the percentage typed say different things ("Đang thực hiện"
    at 100%, "Đã hoàn thành" at 60%); None when they agree or no percentage was typed. Nothing is changed to make
    them agree without asking."""
    if progress is None:
        return None
    if state == TaskState.DONE and progress < 100:
        return (
            f"Bạn chọn “Đã hoàn thành” nhưng ghi tiến độ {progress}%. Nhiệm vụ đã hoàn thành (100%), hay vẫn đang "
            f"thực hiện ({progress}%)?"
        )
    if state == TaskState.IN_PROGRESS and progress >= 100:
        return (
            "Bạn chọn “Đang thực hiện” nhưng ghi tiến độ 100%. Nhiệm vụ đã hoàn thành, hay tiến độ chưa tới 100%? "
            "Chọn “Đã hoàn thành”, hoặc sửa lại tiến độ cho đúng."
        )
    if state == TaskState.NOT_STARTED and progress > 0:
        return (
            f"Bạn chọn “Chưa thực hiện” nhưng ghi tiến độ {progress}%. Nhiệm vụ đã bắt đầu ({progress}%), hay chưa "
            "thực hiện (0%)?"
        )
    return None


def resolutions(state: str, progress: int) -> list[tuple[str, str]]:
    """The answers to ``contradiction``'s question, as (state to keep, how it reads)."""
    if state == TaskState.DONE:
        return [(TaskState.DONE, "Đã hoàn thành (100%)"), (TaskState.IN_PROGRESS, f"Đang thực hiện, {progress}%")]
    if state == TaskState.IN_PROGRESS:
        return [(TaskState.DONE, "Đã hoàn thành (100%)")]
    return [(TaskState.IN_PROGRESS, f"Đang thực hiện, {progress}%"), (TaskState.NOT_STARTED, "Chưa thực hiện (0%)")]


def submit_update(
    task: Task,
    user,
    *,
    state: str,
    progress: int | None = None,
    comment: str = "",
    completed_on: dt.date | None = None,
    files: Iterable = (),
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> TaskUpdate:
    """Record an update and make it the task's current state, with its evidence files. An update is appended
    whatever the task's version, unless the caller names the version it was made from (``expected_version``).
    An agency's update waits for the standing officer's review (who is told); the standing officer's own is
    accepted as made."""
    if task.plan.status != PlanStatus.PUBLISHED:
        raise UpdateError("Kế hoạch chưa ban hành hoặc đã được thay thế; không cập nhật được nhiệm vụ.")
    today = today or timezone.localdate()
    progress, completed_on = normalize(state, progress, completed_on, today)
    unit = task.plan.unit
    own = Access(user).can_manage(unit)
    with transaction.atomic():
        _lock(task, expected_version)
        before = snapshot(task, TASK_FIELDS)
        update = TaskUpdate.objects.create(
            task=task,
            author=user,
            state=state,
            progress=progress,
            comment=comment,
            completed_on=completed_on,
            **({"status": UpdateStatus.ACCEPTED, "reviewed_by": user, "reviewed_at": timezone.now()} if own else {}),
        )
        names = [store_evidence(update, f, user).original_name for f in files]
        _apply(task, state, progress, completed_on)
        after = snapshot(task, TASK_FIELDS) | {"update": update.pk, "comment": comment, "evidence": names}
        record(
            user,
            "task.update",
            task,
            task.plan.unit,
            before=before,
            after=after,
            summary=f"Cập nhật nhiệm vụ {task.section}.{task.no}: {update.get_state_display()} ({progress}%)",
        )
        if not own:
            author = person_name(user)
            notify.tell(
                notify.standing_officers(unit),
                NotificationKind.WAITING,
                f"{author} cập nhật nhiệm vụ “{_short(task)}”: {update.get_state_display()} ({progress}%) — chờ duyệt.",
                unit=unit.governing_unit,
                task=task,
                link=reverse("tracking-review"),
                skip=user,
            )
    return update


def previous_state(task: Task, excluding: TaskUpdate) -> tuple[str, int, dt.date | None]:
    """The state of the latest update still standing once ``excluding`` is taken away."""
    latest = (
        task.updates.exclude(status=UpdateStatus.RETURNED).exclude(pk=excluding.pk).order_by("-created_at", "-pk")
    ).first()
    if latest is None:
        return TaskState.NOT_STARTED, 0, None
    return latest.state, latest.progress, latest.completed_on


def return_update(update: TaskUpdate, user, reason: str, today: dt.date | None = None) -> TaskUpdate:
    """The standing officer sends an update back (waiting, or accepted and found wrong later): the task returns to
    its previous state, the reports stop counting it, the author is told — each return its own notification."""
    reason = reason.strip()
    if not reason:
        raise UpdateError("Cần ghi lý do trả lại.")
    if update.status == UpdateStatus.RETURNED:
        raise UpdateError("Cập nhật này đã bị trả lại.")
    task = update.task
    with transaction.atomic():
        _lock(task)
        before = snapshot(task, TASK_FIELDS)
        was = update.status
        update.status = UpdateStatus.RETURNED
        update.return_reason = reason
        update.reviewed_by = user
        update.reviewed_at = timezone.now()
        update.save(update_fields=["status", "return_reason", "reviewed_by", "reviewed_at"])
        _apply(task, *previous_state(task, update))
        record(
            user,
            "task.update.return",
            task,
            task.plan.unit,
            before=before,
            after=snapshot(task, TASK_FIELDS) | {"update": update.pk, "reason": reason, "was": was},
            summary=f"Trả lại cập nhật nhiệm vụ {task.section}.{task.no}: {reason}",
        )
        if update.author_id and update.author_id != user.pk:
            notify.tell(
                [update.author],
                NotificationKind.RETURNED,
                f"Cập nhật nhiệm vụ “{_short(task)}” bị trả lại: {reason}",
                unit=task.plan.unit,
                task=task,
                link=reverse("tracking-task", args=[task.pk]),
            )
    return update


def tasks_for(access):
    """The tasks of published plans this user answers for: all of the units they manage, and those their
    agencies lead."""
    scope = Q(plan__unit_id__in=access.managed_unit_ids) | Q(lead_id__in=access.agency_ids)
    return Task.objects.filter(scope, plan__status=PlanStatus.PUBLISHED).order_by("due_on", "plan_id", "position")


def returned_updates(user):
    """Returned updates of this author with no later update of the task since."""
    rows = (
        TaskUpdate.objects.filter(author=user, status=UpdateStatus.RETURNED, task__plan__status=PlanStatus.PUBLISHED)
        .select_related("task", "task__plan", "reviewed_by")
        .order_by("-reviewed_at")
    )
    out = []
    for row in rows:
        if not row.task.updates.filter(created_at__gt=row.created_at).exclude(status=UpdateStatus.RETURNED).exists():
            out.append(row)
    return out


# --- reminders -------------------------------------------------------------------------------------------

DUE_SOON_DAYS = (7, 1)


def _short(task: Task, length: int = 90) -> str:
    return notify.short(task.content, length)


def reminder_kind(task: Task, today: dt.date) -> str | None:
    """due_7 / due_1 before the deadline; overdue on the day after it and every week after that."""
    if task.state == TaskState.DONE:
        return None
    due = task.current_due(today)
    if due is None:
        return None
    days_left = (due - today).days
    if days_left in DUE_SOON_DAYS:
        return f"due_{days_left}"
    if days_left < 0 and (-days_left) % 7 == 1:
        return "overdue"
    return None


def recipients(task: Task, kind: str) -> list:
    """Agency officers of the lead agency; the unit's standing officers too when overdue (or when nobody leads)."""
    users = notify.officers([task.lead_id], Role.AGENCY_OFFICER) if task.lead_id else []
    if kind == NotificationKind.OVERDUE or not users:
        users += notify.standing_officers(task.plan.unit)
    seen, out = set(), []
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            out.append(user)
    return out


def reminder_message(task: Task, kind: str, today: dt.date) -> str:
    due = task.current_due(today)
    when = due.strftime("%d/%m/%Y") if due else ""
    if kind == "overdue":
        days = (today - due).days
        return f"Nhiệm vụ “{_short(task)}” đã quá hạn {days} ngày (hạn {when}), chưa hoàn thành."
    days = (due - today).days
    return f"Nhiệm vụ “{_short(task)}” còn {days} ngày đến hạn ({when})."


@dataclass
class ReminderResult:
    notifications: int = 0
    emails: int = 0
    tasks: set = field(default_factory=set)


def send_reminders(today: dt.date | None = None) -> ReminderResult:
    """Remind about tasks due in 7 days and in 1 day, and overdue tasks; once per user, task, kind and day
    (``sent_on``), however often it runs. The e-mails go out through the job queue."""
    today = today or timezone.localdate()
    result = ReminderResult()
    tasks = (
        Task.objects.filter(plan__status=PlanStatus.PUBLISHED)
        .exclude(state=TaskState.DONE)
        .exclude(due_on__isnull=True, recurring=False)
        .select_related("plan", "plan__unit", "plan__unit__parent", "lead")
    )
    mailed = []
    for task in tasks:
        kind = reminder_kind(task, today)
        if kind is None:
            continue
        message = reminder_message(task, kind, today)
        link = reverse("tracking-task", args=[task.pk])
        for user in recipients(task, kind):
            with transaction.atomic():
                notification, created = Notification.objects.get_or_create(
                    user=user,
                    task=task,
                    kind=kind,
                    sent_on=today,
                    defaults={"unit": task.plan.unit, "message": message[:500], "link": link},
                )
            if not created:
                continue
            result.notifications += 1
            result.tasks.add(task.pk)
            if user.email:
                mailed.append(notification.pk)
    result.emails = notify.mail(mailed)
    from apps.reports.reminders import report_reminders  # the periodic report's due dates (apps.reports)

    notifications, emails = report_reminders(today)
    result.notifications, result.emails = result.notifications + notifications, result.emails + emails
    return result
