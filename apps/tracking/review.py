"""The standing officer's review of what agencies send: task updates and figures waiting, accepted or returned
with a reason, one or several at once. Each decision is audited and the author told, in one transaction per item;
an item changed since the officer's page showed it (another figure entered, reviewed in another tab) is left as
it is and reported, never decided unseen."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import record
from apps.plans.models import PlanStatus, Target, Task
from apps.tracking import notify
from apps.tracking.figures import period_label
from apps.tracking.models import Measurement, Notification, NotificationKind, Period, TaskUpdate, UpdateStatus
from apps.units.models import person_name
from cchc.versioning import Conflict

UPDATE, FIGURE = "u", "m"
PER_PAGE = 25  # items of each kind on a page of the queue: cards to read and decide, not rows to scan


class ReviewError(ValueError):
    """A decision the rules do not allow; the message is for the user."""


def _published(model, unit_ids: set[int]):
    return model.objects.filter(plan__unit_id__in=unit_ids, plan__status=PlanStatus.PUBLISHED).values("pk")


def pending_updates(unit_ids: set[int]):
    return (
        # from the unit's tasks (an index step each), not from every waiting update in the city
        TaskUpdate.objects.filter(status=UpdateStatus.SUBMITTED, task__in=_published(Task, unit_ids))
        .select_related("task", "task__plan", "task__lead", "author")
        .prefetch_related("evidence")
        .order_by("created_at", "pk")
    )


def pending_figures(unit_ids: set[int]):
    rows = (
        Measurement.objects.filter(status=UpdateStatus.SUBMITTED, target__in=_published(Target, unit_ids))
        .select_related("target", "target__plan", "target__agency", "period", "entered_by")
        .prefetch_related("evidence")
    )
    return rows.order_by("entered_at", "pk")


def with_previous(rows):
    """The figures with their target's figure of the latest period before, to compare with, read in the same query
    (each a step down the target's latest-first index): ``previous_value`` and ``previous_period`` (a Period to
    show, or None)."""
    earlier = Measurement.objects.filter(target=OuterRef("target"), period_end__lt=OuterRef("period_end"))
    earlier = earlier.order_by("-period_end")
    return rows.annotate(
        previous_value=Subquery(earlier.values("value")[:1]),
        previous_kind=Subquery(earlier.values("period__kind")[:1]),
        previous_year=Subquery(earlier.values("period__year")[:1]),
    )


def previous_period(figure: Measurement) -> Period | None:
    """The period of the figure ``with_previous`` found before it, to show ("Quý I 2026")."""
    if figure.previous_value is None:
        return None
    return Period(kind=figure.previous_kind, year=figure.previous_year)


class NewestFirst:
    """The waiting updates and figures as one list, newest first, that reads from the database only the page
    asked for (``len`` and slices, as the API's pages take them); ``shape`` turns each item into the answer's."""

    def __init__(self, unit_ids: set[int], shape=lambda item: item) -> None:
        self.updates = pending_updates(unit_ids).order_by("-created_at", "-pk")
        self.figures = pending_figures(unit_ids).order_by("-entered_at", "-pk")
        self.shape = shape

    def __len__(self) -> int:
        return self.updates.count() + self.figures.count()

    def __getitem__(self, part: slice) -> list:
        first = [*self.updates[: part.stop], *self.figures[: part.stop]]  # the newest of each holds the page
        first.sort(key=lambda item: (_sent_at(item), item.pk), reverse=True)
        return [self.shape(item) for item in first[part]]


def _sent_at(item):
    return item.created_at if isinstance(item, TaskUpdate) else item.entered_at


def returned_figures(user) -> list[Measurement]:
    """The figures this user entered that were returned and not entered again since."""
    rows = Measurement.objects.filter(
        entered_by=user, status=UpdateStatus.RETURNED, target__plan__status=PlanStatus.PUBLISHED
    ).select_related("target", "period", "reviewed_by")
    return list(rows.order_by("-reviewed_at")[:100])


def waiting_count(unit_ids: set[int]) -> int:
    """The menu's count: tasks with an update waiting plus targets with a figure waiting (not events). Counted from
    the units' own tasks and targets (each asked whether something of it waits), so that the menu of every page
    costs what the unit holds, not what waits in the whole city."""
    if not unit_ids:
        return 0
    published = {"plan__unit_id__in": unit_ids, "plan__status": PlanStatus.PUBLISHED}
    waiting = {"status": UpdateStatus.SUBMITTED}
    tasks = Task.objects.filter(**published).filter(Exists(TaskUpdate.objects.filter(task=OuterRef("pk"), **waiting)))
    targets = Target.objects.filter(**published).filter(
        Exists(Measurement.objects.filter(target=OuterRef("pk"), **waiting))
    )
    return tasks.count() + targets.count()


def new_since_last_look(user, updates: list[TaskUpdate], figures: list[Measurement], everything: bool = True) -> int:
    """Mark ``is_new`` the items shown that were sent since the officer last looked at them — those whose "waiting"
    notification they had not read — and mark those notifications read: seeing an item on the queue's page is the
    look (an item on a page not opened yet stays new). When the page shows ``everything`` waiting, every "waiting"
    notification is read, those of items decided elsewhere too. Returns how many are new."""
    unread = Notification.objects.filter(user=user, kind=NotificationKind.WAITING, read_at__isnull=True)
    rows = list(unread.values_list("pk", "task_id", "target_id", "plan_id"))
    tasks, targets, plans = {}, {}, {}
    for pk, task, target, plan in rows:
        if task or target:
            (tasks if task else targets).setdefault(task or target, []).append(pk)
        elif plan:  # a whole spreadsheet
            plans.setdefault(plan, []).append(pk)
    looked: list[int] = []
    for item, own, plan in [
        *((u, tasks.get(u.task_id), u.task.plan_id) for u in updates),
        *((m, targets.get(m.target_id), m.target.plan_id) for m in figures),
    ]:
        item.is_new = bool(own) or plan in plans
        looked += (own or []) + plans.get(plan, [])
    if everything and rows:
        unread.update(read_at=timezone.now())
    elif looked:
        Notification.objects.filter(pk__in=set(looked)).update(read_at=timezone.now())
    return sum(item.is_new for item in [*updates, *figures])


# --- deciding ------------------------------------------------------------------------------------------------


def _decide(item, user, status: str, reason: str = "") -> None:
    item.status = status
    item.return_reason = reason
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save(update_fields=["status", "return_reason", "reviewed_by", "reviewed_at"])


def accept_update(update: TaskUpdate, user) -> None:
    """Accept a waiting update: from now on the reports count it."""
    if update.status != UpdateStatus.SUBMITTED:
        raise ReviewError("Cập nhật này đã được duyệt.")
    task = update.task
    with transaction.atomic():
        _decide(update, user, UpdateStatus.ACCEPTED)
        record(
            user,
            "task.update.accept",
            update,
            task.plan.unit,
            after={"task": task.pk, "state": update.state, "progress": update.progress},
            summary=f"Chấp nhận cập nhật nhiệm vụ {task.section}.{task.no}: {update.get_state_display()} "
            f"({update.progress}%)",
        )


def accept_figure(figure: Measurement, user) -> None:
    if figure.status != UpdateStatus.SUBMITTED:
        raise ReviewError("Số liệu này đã được duyệt.")
    target = figure.target
    with transaction.atomic():
        _decide(figure, user, UpdateStatus.ACCEPTED)
        record(
            user,
            "measurement.accept",
            figure,
            target.plan.unit,
            after={"target": target.pk, "period": period_label(figure.period), "value": f"{figure.value:f}"},
            summary=f"Chấp nhận số liệu {period_label(figure.period)} của chỉ tiêu “{target.text[:120]}”: "
            f"{figure.value:f}{target.unit}",
        )


def return_figure(figure: Measurement, user, reason: str) -> None:
    """Send a figure back: it stays on the target's page, marked returned, and the reports do not count it."""
    reason = reason.strip()
    if not reason:
        raise ReviewError("Cần ghi lý do trả lại.")
    if figure.status == UpdateStatus.RETURNED:
        raise ReviewError("Số liệu này đã bị trả lại.")
    target = figure.target
    with transaction.atomic():
        _decide(figure, user, UpdateStatus.RETURNED, reason)
        record(
            user,
            "measurement.return",
            figure,
            target.plan.unit,
            before={"status": UpdateStatus.SUBMITTED},
            after={"status": UpdateStatus.RETURNED, "reason": reason, "period": period_label(figure.period)},
            summary=f"Trả lại số liệu {period_label(figure.period)} của chỉ tiêu “{target.text[:100]}”: {reason}",
        )
        if figure.entered_by:
            notify.tell(
                [figure.entered_by],
                NotificationKind.RETURNED,
                f"Số liệu {period_label(figure.period)} của chỉ tiêu “{notify.short(target.text)}” bị trả lại: "
                f"{reason}",
                unit=target.plan.unit,
                target=target,
                link=reverse("figures-target", args=[target.pk]),
            )


MAX_REASON = 2000  # characters of a return's reason
NOT_A_MANAGER = (
    "Chỉ cán bộ thường trực CCHC của đơn vị (Phòng Văn hóa - Xã hội) duyệt cập nhật và số liệu của các cơ quan."
)
# why an item was left undecided
GONE, CHANGED, REFUSED, RACED = "gone", "changed", "refused", "raced"


@dataclass(frozen=True)
class Problem:
    """Why one item (or, with ``pk`` None, the whole request) was left undecided; ``message`` is for the user."""

    message: str
    kind: str = ""
    pk: int | None = None
    why: str = REFUSED
    version: int | None = None  # the item's version now, when it changed since it was shown


@dataclass
class Outcome:
    accepted: int = 0
    returned: int = 0
    decided: list[tuple[str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_items(values: list[str]) -> list[tuple[str, int, int]]:
    """``u:12:3`` (update 12 as seen at version 3), ``m:7:1`` (figure 7); anything else is dropped."""
    items = []
    for value in values:
        kind, _, rest = value.partition(":")
        pk, _, version = rest.partition(":")
        if kind in (UPDATE, FIGURE) and pk.isdecimal() and version.isdecimal() and len(pk) < 19 and len(version) < 10:
            items.append((kind, int(pk), int(version)))
    return items


def foreign_items(unit_ids: set[int], items: list[tuple[str, int, int]]) -> list[tuple[str, int]]:
    """The items that are no update or figure of a published plan of the units ``unit_ids``, whatever their
    review state: not the user's to decide, or not there at all."""
    wanted = {kind: {pk for k, pk, _ in items if k == kind} for kind in (UPDATE, FIGURE)}
    found = {
        UPDATE: set(
            TaskUpdate.objects.filter(
                pk__in=wanted[UPDATE], task__plan__unit_id__in=unit_ids, task__plan__status=PlanStatus.PUBLISHED
            ).values_list("pk", flat=True)
        ),
        FIGURE: set(
            Measurement.objects.filter(
                pk__in=wanted[FIGURE], target__plan__unit_id__in=unit_ids, target__plan__status=PlanStatus.PUBLISHED
            ).values_list("pk", flat=True)
        ),
    }
    return [(kind, pk) for kind, pk, _ in items if pk not in found[kind]]


def decide_many(user, unit_ids: set[int], items: list[tuple[str, int, int]], action: str, reason: str = "") -> Outcome:
    """Accept or return the chosen items of the units ``unit_ids`` (those the user manages), each as it was shown."""
    from apps.tracking.services import UpdateError, return_update

    outcome = Outcome()
    reason = reason.strip()
    if action == "return" and not reason:
        outcome.problems.append(Problem("Cần ghi lý do trả lại (lý do được gửi cho người cập nhật)."))
        return outcome
    updates = {u.pk: u for u in pending_updates(unit_ids).filter(pk__in=[pk for k, pk, _ in items if k == UPDATE])}
    figures = {m.pk: m for m in pending_figures(unit_ids).filter(pk__in=[pk for k, pk, _ in items if k == FIGURE])}
    for kind, pk, version in items:
        item = (updates if kind == UPDATE else figures).get(pk)
        label = _label(kind, item)
        if item is None:
            message = (
                f"{'Cập nhật' if kind == UPDATE else 'Số liệu'} #{pk} không còn chờ duyệt (đã được duyệt hoặc không "
                "thuộc đơn vị của bạn); không thay đổi gì."
            )
            outcome.problems.append(Problem(message, kind, pk, GONE))
            continue
        if item.version != version:
            message = (
                f"{label} đã được sửa sau khi trang hiện ra (giờ là giá trị khác); chưa duyệt — "
                "hãy xem lại rồi chọn lại."
            )
            outcome.problems.append(Problem(message, kind, pk, CHANGED, item.version))
            continue
        try:
            if action == "accept":
                (accept_update if kind == UPDATE else accept_figure)(item, user)
                outcome.accepted += 1
            else:
                if kind == UPDATE:
                    return_update(item, user, reason)
                else:
                    return_figure(item, user, reason)
                outcome.returned += 1
            outcome.decided.append((kind, pk))
        except (ReviewError, UpdateError) as exc:
            outcome.problems.append(Problem(f"{label}: {exc}", kind, pk))
        except Conflict:
            message = f"{label} vừa được người khác duyệt hoặc sửa; chưa thay đổi — hãy tải lại trang."
            outcome.problems.append(Problem(message, kind, pk, RACED))
    return outcome


def _label(kind: str, item) -> str:
    if item is None:
        return ""
    if kind == UPDATE:
        return f"Cập nhật nhiệm vụ {item.task.section}.{item.task.no} của {person_name(item.author)}"
    return f"Số liệu {period_label(item.period)} của chỉ tiêu “{notify.short(item.target.text, 60)}”"
