"""Plan pages: the list, a plan, the review of a draft, the edit of a published plan, the original file."""

from __future__ import annotations

from pathlib import Path, PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.imports import services
from apps.imports.review import merge_tasks, save_plan
from apps.plans.forms import plan_forms
from apps.plans.models import Plan, PlanStatus, ReportStatus
from apps.units.access import Access
from apps.units.matching import candidates, rank, split_names
from apps.units.models import Unit


def _plan(access: Access, pk: int, *, manage: bool = False) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit", "unit__parent", "superseded_by"), pk=pk)
    access.require_view(plan.unit)
    if manage and not access.can_manage(plan.unit):
        raise PermissionDenied("Chỉ cán bộ thường trực CCHC của đơn vị được sửa kế hoạch.")
    return plan


@login_required
def plan_list(request):
    access = Access(request.user)
    plans = access.visible(Plan.objects.select_related("unit", "superseded_by")).annotate(
        task_count=Count("tasks", distinct=True), target_count=Count("targets", distinct=True)
    )
    status = request.GET.get("status", "")
    if status in PlanStatus.values:
        plans = plans.filter(status=status)
    query = request.GET.get("q", "").strip()
    if query:
        plans = plans.filter(Q(title__icontains=query) | Q(number__icontains=query) | Q(unit__name__icontains=query))
    managed = Unit.objects.filter(pk__in=access.managed_unit_ids).order_by("name")
    context = {"plans": plans, "status": status, "query": query, "statuses": PlanStatus.choices, "managed": managed}
    return render(request, "plans/list.html", context)


def plan_history(plan: Plan):
    """Audit entries of the plan and of its targets and tasks (deleted ones included)."""
    rows = ("plans.target", "plans.task")
    return AuditEntry.objects.filter(
        Q(object_type="plans.plan", object_id=str(plan.pk))
        | Q(object_type__in=rows, after__plan_id=plan.pk)
        | Q(object_type__in=rows, before__plan_id=plan.pk)
        | Q(object_type="plans.task", before__first__plan_id=plan.pk)
    ).select_related("user")[:200]


def changed_fields(before: dict | None, after: dict | None) -> list[tuple[str, object, object]]:
    """(field, before, after) for each field an audit entry changed; skips bookkeeping fields."""
    before, after = before or {}, after or {}
    if "first" in before:  # a merge keeps both rows
        before = before["first"]
    skip = {"id", "plan_id", "position", "created_at"}
    names = [k for k in dict.fromkeys([*before, *after]) if k not in skip]
    return [(k, before.get(k), after.get(k)) for k in names if before.get(k) != after.get(k)]


@login_required
def plan_detail(request, pk: int):
    access = Access(request.user)
    plan = _plan(access, pk)
    today = timezone.localdate()
    tasks = list(plan.tasks.select_related("lead").prefetch_related("partners"))
    for task in tasks:
        task.status_now = task.report_status(today)
        task.status_label = ReportStatus(task.status_now).label
    history = None
    if access.can_read_audit(plan.unit):
        history = list(plan_history(plan))
        for entry in history:
            entry.changes = changed_fields(entry.before, entry.after)
    context = {
        "plan": plan,
        "references": plan.references.select_related("linked_plan"),
        "targets": plan.targets.select_related("indicator", "agency"),
        "tasks": tasks,
        "replaced": plan.supersedes_plans.all(),
        "can_manage": access.can_manage(plan.unit),
        "history": history,
        "run": plan.import_runs.first(),
    }
    return render(request, "plans/detail.html", context)


def _source(plan: Plan) -> list[tuple[str, str]]:
    if not plan.source_file:
        return []
    try:
        path = Path(plan.source_file.path)
    except (ValueError, NotImplementedError):
        return []
    document = services.read_source(path) if path.exists() else None
    return services.source_lines(document) if document else []


def _with_suggestions(plan: Plan, tasks) -> None:
    """Each task row gets the ranked agencies its printed lead may mean."""
    pool = candidates(plan.unit)
    for form in tasks.forms:
        names = split_names(form.instance.lead_text) if form.instance.pk else []
        form.suggestions = rank(plan.unit, names[0], pool)[:3] if names else []


def _edit(request, plan: Plan, *, draft: bool):
    header, targets, tasks = plan_forms(plan, request.POST if request.method == "POST" else None)
    here = "plans-review" if draft else "plans-edit"
    if request.method == "POST":
        if header.is_valid() and targets.is_valid() and tasks.is_valid():
            changes = save_plan(plan, header, targets, tasks, request.user)
            merge = request.POST.get("merge", "")
            if draft and merge.isdigit():
                if merge_tasks(plan, int(merge), request.user):
                    messages.success(request, "Đã gộp hai dòng nhiệm vụ.")
                return redirect(here, pk=plan.pk)
            modes = {"publish": None, "replace": services.PublishMode.REPLACE, "amend": services.PublishMode.AMEND}
            if draft and request.POST.get("action") in modes:
                try:
                    services.publish(plan, request.user, modes[request.POST["action"]])
                except ValidationError as exc:
                    for message in exc.messages:
                        messages.error(request, message)
                    return redirect(here, pk=plan.pk)
                messages.success(
                    request, "Đã ban hành kế hoạch. Hạn của các nhiệm vụ đã được tính theo thời hạn ghi trong kế hoạch."
                )
                return redirect("plans-detail", pk=plan.pk)
            messages.success(request, f"Đã lưu {changes} thay đổi." if changes else "Không có gì thay đổi.")
            return redirect(here if draft else "plans-detail", pk=plan.pk)
        messages.error(request, "Có ô chưa hợp lệ (đánh dấu đỏ bên dưới). Hãy sửa rồi lưu lại.")
    run = plan.import_runs.first()
    if draft:
        _with_suggestions(plan, tasks)
    context = {
        "plan": plan,
        "header": header,
        "targets": targets,
        "tasks": tasks,
        "draft": draft,
        "run": run,
        "warnings": (run.result or {}).get("warnings", []) if run else [],
        "source": _source(plan) if draft else [],
        "is_pdf": PurePath(plan.source_name or plan.source_file.name or "").suffix.lower() == ".pdf",
        "problems": services.publish_problems(plan) if draft else [],
        "predecessor": services.predecessor(plan) if draft else None,
    }
    return render(request, "plans/edit.html", context)


@login_required
def plan_review(request, pk: int):
    access = Access(request.user)
    plan = _plan(access, pk, manage=True)
    if not plan.is_draft:
        return redirect("plans-edit", pk=plan.pk)
    return _edit(request, plan, draft=True)


@login_required
def plan_edit(request, pk: int):
    access = Access(request.user)
    plan = _plan(access, pk, manage=True)
    if plan.is_draft:
        return redirect("plans-review", pk=plan.pk)
    return _edit(request, plan, draft=False)


@login_required
def plan_file(request, pk: int):
    """The original document, only to those who may read the plan; PDFs open in the browser."""
    access = Access(request.user)
    plan = _plan(access, pk)
    if not plan.source_file:
        raise Http404("Kế hoạch này không có tệp gốc.")
    try:
        handle = plan.source_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Không tìm thấy tệp gốc.") from exc
    name = plan.source_name or PurePath(plan.source_file.name).name
    is_pdf = PurePath(name).suffix.lower() == ".pdf"
    response = FileResponse(handle, as_attachment=not is_pdf, filename=name)
    if is_pdf:
        response["Content-Type"] = "application/pdf"
    return response
