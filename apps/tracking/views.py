"""Task pages: my tasks, a plan's task list, a task with its updates, the update form, returns, evidence,
notifications."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.dashboards import stats
from apps.plans.models import Plan, ReportStatus, Task, TaskState
from apps.plans.search import matching
from apps.tracking import exports, notify, review, services
from apps.tracking.forms import ReturnForm, TaskFilterForm, TaskUpdateForm
from apps.tracking.models import Evidence, Notification, TaskUpdate, UpdateStatus
from apps.tracking.uploads import evidence_unit
from apps.units.access import Access
from apps.units.models import Unit, person_name
from cchc.confirm import Pending, confirm_page, is_confirmed
from cchc.listing import Column, paged, sort_and_page
from cchc.versioning import Conflict

TASK_RELATED = ("plan", "plan__unit", "plan__unit__parent", "lead")


def _annotate(tasks, today):
    """Attach what the templates show: the deadline that applies today and the status as reports count it."""
    for task in tasks:
        task.due = task.current_due(today)
        task.status = task.report_status(today)
        task.status_label = ReportStatus(task.status).label
    return tasks


def _task_or_404(access: Access, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related(*TASK_RELATED), pk=pk)
    access.require_view(task.plan.unit)
    return task


@login_required
def my_tasks(request):
    access = Access.of(request)
    today = timezone.localdate()
    query = request.GET.get("q", "").strip()[:200]
    tasks = stats.with_status(matching(services.tasks_for(access).select_related(*TASK_RELATED), query), today)
    open_tasks = tasks.exclude(state=TaskState.DONE)
    soon = today + dt.timedelta(days=stats.DUE_SOON_DAYS)
    listing = sort_and_page(request, open_tasks, MY_TASK_COLUMNS, "thoi-han")
    context = {
        "returned": services.returned_updates(request.user),
        "returned_figures": review.returned_figures(request.user),
        "overdue": _labelled(open_tasks.filter(status=ReportStatus.OVERDUE).order_by("due", "plan_id", "position")),
        "due_soon": _labelled(open_tasks.filter(due__gte=today, due__lte=soon).order_by("due", "plan_id", "position")),
        "open_tasks": _labelled(listing.page),
        "listing": listing,
        "open_count": listing.page.paginator.count,
        "done_count": tasks.filter(state=TaskState.DONE).count(),
        "has_scope": bool(access.managed_unit_ids or access.agency_ids),
        "today": today,
        "query": query,
        "none_found": f"Không tìm thấy nhiệm vụ chưa hoàn thành nào có “{query}”." if query else "",
    }
    if request.GET.get("xuat") == "xlsx":
        unit = access.home_unit.name if access.home_unit else ""
        sheets = [("Quá hạn", context["overdue"]), ("Sắp đến hạn", context["due_soon"])]
        sheets.append(("Chưa hoàn thành", _labelled(open_tasks.order_by("due", "plan_id", "position"))))
        title = f"Nhiệm vụ của tôi có “{query}”" if query else "Nhiệm vụ của tôi"
        return exports.tasks_xlsx(title, unit, request.user, sheets, "nhiem-vu-cua-toi")
    return render(request, "tracking/my_tasks.html", context)


def _labelled(tasks):
    """Tasks from ``stats.with_status`` with the label of their status, for the task tables."""
    tasks = list(tasks)
    for task in tasks:
        task.status_label = ReportStatus(task.status).label
    return tasks


TASK_COLUMNS = [
    Column("tt", "TT", ("position",)),
    Column("nhiem-vu", "Nhiệm vụ", ("content",)),
    Column("chu-tri", "Chủ trì", ("lead__name", "lead_text")),
    Column("thoi-han", "Thời hạn", ("due",)),
    Column("tinh-trang", "Tình trạng", ("status",)),
    Column("tien-do", "Tiến độ", ("progress",)),
]
MY_TASK_COLUMNS = [*TASK_COLUMNS[:2], Column("ke-hoach", "Kế hoạch", ("plan__number",)), *TASK_COLUMNS[2:]]


@login_required
def plan_tasks(request, plan_id: int):
    access = Access.of(request)
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=plan_id)
    access.require_view(plan.unit)
    today = timezone.localdate()
    lead_ids = set(plan.tasks.exclude(lead=None).values_list("lead_id", flat=True))
    agencies = list(Unit.objects.filter(pk__in=lead_ids | set(plan.unit.agencies().values_list("pk", flat=True))))
    form = TaskFilterForm(request.GET or None, agencies=sorted(agencies, key=lambda u: u.name))
    # the status as reports count it, in SQL: the page filters, counts and sorts in the database
    tasks = stats.with_status(plan.tasks.select_related(*TASK_RELATED), today)
    shown = tasks
    if form.is_valid():
        if form.cleaned_data["q"]:
            shown = matching(shown, form.cleaned_data["q"])
        if form.cleaned_data["agency"]:
            shown = shown.filter(lead_id=form.cleaned_data["agency"])
        if form.cleaned_data["status"]:
            shown = shown.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["overdue"]:
            shown = shown.filter(status=ReportStatus.OVERDUE)
    listing = sort_and_page(request, shown, TASK_COLUMNS, "tt")
    total = stats.total(stats.count_by(plan.tasks.all(), (), today))
    context = {
        "plan": plan,
        "tasks": _labelled(listing.page),
        "listing": listing,
        "shown": listing.page.paginator.count,
        "total": total.total,
        "form": form,
        "counts": [(ReportStatus(s).label, s, n) for s, n in total.by_status.items()],
        "can_manage": access.can_manage(plan.unit),
        "filtered": shown is not tasks,
    }
    if request.GET.get("xuat") == "xlsx":
        title = f"Danh mục nhiệm vụ {plan.number or plan.title}"
        sheet = "Nhiệm vụ (đã lọc)" if shown is not tasks else "Nhiệm vụ"
        return exports.tasks_xlsx(title, plan.unit.name, request.user, [(sheet, _labelled(shown))], "nhiem-vu-ke-hoach")
    return render(request, "tracking/plan_tasks.html", context)


@login_required
def task_detail(request, pk: int):
    access = Access.of(request)
    task = _task_or_404(access, pk)
    today = timezone.localdate()
    _annotate([task], today)
    reason = ReturnForm(auto_id=False)["reason"]
    updates = task.updates.select_related("author", "reviewed_by").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("pk"))
    )
    context = {
        "task": task,
        "plan": task.plan,
        "updates": updates,
        "partners": task.partners.all(),
        "can_update": access.can_update_task(task),
        "can_return": access.can_manage(task.plan.unit),
        "can_read_audit": access.can_read_audit(task.plan.unit),
        "return_question": RETURN_QUESTION,
        # the reason field rendered once for every update's form (a widget costs ~0.4 ms to render, a task may
        # have dozens of updates), without an id, which would repeat: its label holds it
        "return_label": reason.label,
        "return_field": str(reason),
    }
    return render(request, "tracking/task_detail.html", context)


@login_required
def task_update(request, pk: int):
    access = Access.of(request)
    task = _task_or_404(access, pk)
    if not access.can_update_task(task):
        raise PermissionDenied("Bạn không được cập nhật nhiệm vụ này.")
    if request.method == "POST":
        form = TaskUpdateForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                update = services.submit_update(
                    task,
                    request.user,
                    state=data["state"],
                    progress=data["progress"],
                    comment=data["comment"],
                    completed_on=data["completed_on"],
                    files=data["files"],
                )
            except services.UpdateError as exc:
                form.add_error(None, str(exc))
            else:
                replaced = _replaced(task, update, data["version"])
                if replaced:
                    messages.warning(request, replaced)
                else:
                    messages.success(request, "Đã ghi nhận cập nhật nhiệm vụ.")
                return redirect("tracking-task", pk=task.pk)
    else:
        form = TaskUpdateForm(
            initial={
                "state": task.state,
                "progress": task.progress,
                "shown_progress": task.progress,
                "completed_on": task.completed_on,
                "version": task.version,
            }
        )
    _annotate([task], timezone.localdate())
    return render(request, "tracking/task_update.html", {"task": task, "plan": task.plan, "form": form})


def _state(state: str, progress: int) -> str:
    return f"{TaskState(state).label} {progress}%"


def _replaced(task: Task, update: TaskUpdate, opened: int | None) -> str:
    """What the user's update replaced, when the task changed after the form was opened ("" when it did not)."""
    if opened is None or task.version - 1 == opened:  # the update itself moved the task one version on
        return ""
    mine = _state(update.state, update.progress)
    previous = (
        task.updates.exclude(status=UpdateStatus.RETURNED)
        .exclude(pk=update.pk)
        .select_related("author")
        .order_by("-created_at", "-pk")
        .first()
    )
    if previous is None:
        return (
            "Đã ghi nhận cập nhật nhiệm vụ. Lưu ý: trong lúc bạn nhập, nhiệm vụ đã được người khác thay đổi; "
            f"cập nhật của bạn ({mine}) là tình trạng hiện tại."
        )
    author = person_name(previous.author, "Người khác")
    when = timezone.localtime(previous.created_at)
    return (
        f"Đã ghi nhận cập nhật nhiệm vụ. Trong lúc bạn nhập, nhiệm vụ đã được cập nhật: trước đó {author} "
        f"(lúc {when:%H:%M ngày %d/%m/%Y}) đã cập nhật: {_state(previous.state, previous.progress)} → cập nhật "
        f"của bạn: {mine}. Nếu cập nhật của bạn chưa đúng, hãy gửi cập nhật mới."
    )


RETURN_QUESTION = (
    "Trả lại cập nhật này cho người đã gửi? Nhiệm vụ trở về tình trạng trước đó và người gửi nhận được thông báo "
    "kèm lý do."
)


@login_required
@require_POST
def update_return(request, pk: int):
    access = Access.of(request)
    update = get_object_or_404(TaskUpdate.objects.select_related("task", *(f"task__{r}" for r in TASK_RELATED)), pk=pk)
    unit = update.task.plan.unit
    access.require_manage(unit, "Chỉ cán bộ thường trực CCHC của đơn vị được trả lại cập nhật.")
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Cần ghi lý do trả lại.")
    elif update.status == UpdateStatus.RETURNED:
        messages.error(request, "Cập nhật này đã bị trả lại trước đó.")
    elif not is_confirmed(request, "return", str(update.pk)):
        pending = Pending(RETURN_QUESTION, "return", str(update.pk), "Trả lại cập nhật")
        back = reverse("tracking-task", args=[update.task_id])
        return confirm_page(request, pending, back, [f"Lý do: {form.cleaned_data['reason']}"])
    else:
        try:
            services.return_update(update, request.user, form.cleaned_data["reason"])
        except Conflict as exc:  # returned in another tab between this page's read and its save
            messages.error(request, _returned_meanwhile(exc.current))
        except services.UpdateError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Đã trả lại cập nhật; người cập nhật sẽ nhận được thông báo.")
    return redirect("tracking-task", pk=update.task_id)


def _returned_meanwhile(current: TaskUpdate | None) -> str:
    if current is None:
        return "Cập nhật này không còn nữa (đã bị xóa cùng nhiệm vụ); không có gì để trả lại."
    if current.status != UpdateStatus.RETURNED:
        return "Cập nhật này vừa được người khác thay đổi; hãy tải lại trang rồi thử lại."
    who = person_name(current.reviewed_by, "Người khác")
    when = timezone.localtime(current.reviewed_at) if current.reviewed_at else None
    at = f" lúc {when:%H:%M ngày %d/%m/%Y}" if when else ""
    return (
        f"Cập nhật này đã được {who} trả lại{at} (lý do: {current.return_reason}) trong lúc bạn trả lại; "
        "không cần trả lại lần nữa."
    )


@login_required
def evidence_download(request, pk: int):
    access = Access.of(request)
    evidence = get_object_or_404(Evidence, pk=pk)
    unit = evidence_unit(evidence)
    if unit is None or not access.can_view(unit):
        raise Http404("Không tìm thấy.")
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("Tệp minh chứng không còn trên máy chủ.") from exc
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_kind)


@login_required
def notifications(request):
    Access.of(request)  # every signed-in user reads their own notifications
    rows = Notification.objects.filter(user=request.user).select_related("task", "unit")  # newest first
    unread = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
    return render(request, "tracking/notifications.html", {"listing": paged(request, rows), "unread": unread})


@login_required
def notification_open(request, pk: int):
    Access.of(request)
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    notify.mark_read(request.user, [notification.pk])
    if notification.link.startswith("/") and not notification.link.startswith("//"):  # a path of this site
        return redirect(notification.link)
    if notification.task_id:
        return redirect("tracking-task", pk=notification.task_id)
    return redirect("tracking-notifications")


@login_required
@require_POST
def notifications_read(request):
    Access.of(request)
    count = notify.mark_read(request.user)
    messages.success(request, f"Đã đánh dấu {count} thông báo là đã đọc.")
    return redirect("tracking-notifications")
