"""Plan pages: the list, a plan, the review of a draft, the edit of a published plan, the original file."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.audit.sentences import Sentences
from apps.imports import services
from apps.imports.review import PlanConflict, compare, save_plan, show_conflict, who_when
from apps.plans import bulk
from apps.plans.forms import plan_forms
from apps.plans.models import Plan, PlanStatus, ReportStatus, Target, Task
from apps.plans.search import matching, words
from apps.tracking import exports
from apps.units.access import Access
from apps.units.matching import candidates, rank, split_names
from apps.units.models import Unit
from cchc.confirm import Pending, is_confirmed, pressed
from cchc.form_limits import big_form
from cchc.listing import Column, sort_and_page
from importer.task_blocks import task_paragraphs


def _plan(access: Access, pk: int, *, manage: bool = False) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit", "unit__parent", "superseded_by"), pk=pk)
    access.require_view(plan.unit)
    if manage and not access.can_manage(plan.unit):
        raise PermissionDenied("Chỉ cán bộ thường trực CCHC của đơn vị được sửa kế hoạch.")
    return plan


PLAN_COLUMNS = [
    Column("so", "Số, ký hiệu", ("number",)),
    Column("trich-yeu", "Trích yếu", ("title",)),
    Column("don-vi", "Đơn vị", ("unit__name",)),
    Column("ngay", "Ngày", ("issued_on",)),
    Column("chi-tieu", "Chỉ tiêu", ("target_count",)),
    Column("nhiem-vu", "Nhiệm vụ", ("task_count",)),
    Column("trang-thai", "Trạng thái", ("status",)),
]


HISTORY_COLUMNS = [
    Column("luc", "Lúc", ("at",)),
    Column("thay-doi", "Thay đổi"),
    Column("chi-tiet", "Chi tiết"),
]


def count_of(model, **link) -> Coalesce:
    """The number of ``model`` rows pointing at the outer row, as a subquery: counting two reverse relations with
    joins multiplies the rows (tasks × targets per plan) before DISTINCT brings them back."""
    ((name, outer),) = link.items()
    rows = model.objects.filter(**{name: OuterRef(outer)}).order_by().values(name).annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n")), 0)


@login_required
def plan_list(request):
    access = Access.of(request)
    plans = access.visible(Plan.objects.select_related("unit", "superseded_by")).annotate(
        task_count=count_of(Task, plan="pk"), target_count=count_of(Target, plan="pk")
    )
    status = request.GET.get("status", "")
    if status in PlanStatus.values:
        plans = plans.filter(status=status)
    query = request.GET.get("q", "").strip()
    plans = matching(plans, query)
    managed = Unit.objects.filter(pk__in=access.managed_unit_ids).order_by("name")
    listing = sort_and_page(request, plans, PLAN_COLUMNS, "-ngay")
    if request.GET.get("xuat") == "xlsx":
        return _plans_xlsx(access, request.user, listing.page.paginator.object_list, query, status)
    context = {
        "plans": listing.page,
        "listing": listing,
        "status": status,
        "query": query,
        "statuses": PlanStatus.choices,
        "managed": managed,
    }
    return render(request, "plans/list.html", context)


PLAN_HEADERS = [("Số, ký hiệu", 16), ("Trích yếu", 60), ("Đơn vị", 24), ("Ngày ban hành", 13)]
PLAN_HEADERS += [("Chỉ tiêu", 9), ("Nhiệm vụ", 9), ("Trạng thái", 20)]


def _plans_xlsx(access, user, plans, query: str, status: str):
    """The plan list as filtered and sorted, every page of it."""
    title = "Kế hoạch CCHC"
    if query:
        title += f" có “{query}”"
    if status:
        title += f" ({PlanStatus(status).label.lower()})"
    rows = [
        [p.number, p.title, p.unit.name, p.issued_on, p.target_count, p.task_count, p.get_status_display()]
        for p in plans
    ]
    unit = access.home_unit.name if access.home_unit else ""
    return exports.table_xlsx(title, "Kế hoạch", unit, user, PLAN_HEADERS, rows, "ke-hoach")


SEARCH_LIMIT = 50  # rows shown per kind; the count says how many matched


@login_required
def search(request):
    """Plans, tasks and targets the user may read whose words contain every word searched, accents and case
    aside."""
    access = Access.of(request)
    query = request.GET.get("q", "").strip()[:200]
    found = []
    if words(query):
        plans = matching(access.visible(Plan.objects.select_related("unit")), query)
        tasks = matching(access.visible(Task.objects.select_related("plan", "plan__unit", "lead"), "plan__unit"), query)
        targets = access.visible(Target.objects.select_related("plan", "plan__unit", "agency"), "plan__unit")
        targets = matching(targets, query)
        kinds = (("plans", "Kế hoạch", plans), ("tasks", "Nhiệm vụ", tasks), ("targets", "Chỉ tiêu", targets))
        for key, label, rows in kinds:
            found.append({"key": key, "label": label, "count": rows.count(), "rows": list(rows[:SEARCH_LIMIT])})
    context = {"query": query, "found": found, "total": sum(group["count"] for group in found), "limit": SEARCH_LIMIT}
    return render(request, "plans/search.html", context)


def plan_history(plan: Plan):
    """Audit entries of the plan and of its targets and tasks (deleted ones included)."""
    rows = ("plans.target", "plans.task")
    # the rows' entries are the plan's unit's (looked up by the unit's index), the plan's own by the object's
    of_rows = (
        Q(object_type__in=rows, after__plan_id=plan.pk)
        | Q(object_type__in=rows, before__plan_id=plan.pk)
        | Q(object_type="plans.task", before__first__plan_id=plan.pk)
    )
    return AuditEntry.objects.filter(
        Q(object_type="plans.plan", object_id=str(plan.pk)) | Q(of_rows, unit_id=plan.unit_id)
    ).select_related("user")


def _partner_names(plan: Plan) -> dict[int, list[str]]:
    """{task id: its partners' names}, in the order of ``task.partners.all()``, from one query on the link table:
    for a plan of 40 tasks a prefetch of their partners costs more CPU than the tasks' own rows, and looping over
    each task's partners in the page as much again."""
    names: dict[int, list[str]] = {}
    links = Task.partners.through.objects.filter(task__plan=plan).order_by("unit__kind", "unit__name", "unit_id")
    for task_id, name in links.values_list("task_id", "unit__name"):
        names.setdefault(task_id, []).append(name)
    return names


@login_required
def plan_detail(request, pk: int):
    access = Access.of(request)
    plan = _plan(access, pk)
    today = timezone.localdate()
    tasks = list(plan.tasks.select_related("lead"))
    partners = _partner_names(plan)
    for task in tasks:
        task.status_now = task.report_status(today)
        task.status_label = ReportStatus(task.status_now).label
        task.partner_names = "; ".join(partners.get(task.pk, ()))
    history = None
    if access.can_read_audit(plan.unit):
        history = sort_and_page(request, plan_history(plan), HISTORY_COLUMNS, "-luc")
        list(Sentences(history.page))  # each entry of the page gets its sentence and its changes
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
    document = services.plan_document(plan)
    return services.source_lines(document) if document else []


def _with_suggestions(plan: Plan, targets, tasks) -> None:
    """Each task row gets the ranked agencies its printed lead may mean; each target without a tracking agency the
    agency to suggest for it, and why, chosen already in its select (unless the page shows what the user posted),
    so the officer only confirms it by saving or publishing."""
    tracking = services.tracking_suggestions(plan)
    for form in targets.forms:
        form.tracking_suggestion = tracking.get(form.instance.pk) if form.instance.pk else None
        if form.tracking_suggestion and not form.is_bound:
            form.initial["agency"] = form.tracking_suggestion[0].pk
    pool = candidates(plan.unit)
    ranked = {}  # a plan prints the same few agencies on many rows
    for form in tasks.forms:
        names = split_names(form.instance.lead_text) if form.instance.pk else []
        if names and names[0] not in ranked:
            ranked[names[0]] = rank(plan.unit, names[0], pool)[:3]
        form.suggestions = ranked[names[0]] if names else []


def _edit(request, plan: Plan, *, draft: bool):
    data = request.POST.copy() if request.method == "POST" else None  # mutable: a conflict shows rows as they now are
    header, targets, tasks = plan_forms(plan, data)
    here = "plans-review" if draft else "plans-edit"
    status = 200
    if request.method == "POST":
        if header.is_valid() and targets.is_valid() and tasks.is_valid():
            merge = pressed(request, "merge") or ""
            merge = int(merge) if draft and merge.isdecimal() and len(merge) < 10 else None
            action = pressed(request, "action")
            publish = draft and merge is None and action in PUBLISH_MODES
            pending = None
            if merge is not None and not is_confirmed(request, "merge", str(merge)):
                pending = Pending(_merge_question(plan, merge), "merge", str(merge), "Gộp hai dòng")
            elif publish and not is_confirmed(request, "action", action):
                question = _publish_questions(plan)[action]
                pending = Pending(question, "action", action, PUBLISH_LABELS[action])
            if pending is not None:  # nothing saved yet: the page again, with the question and the user's edits
                return _edit_page(request, plan, header, targets, tasks, draft=draft, pending=pending)
            try:
                with transaction.atomic():
                    changes = save_plan(plan, header, targets, tasks, request.user, merge=merge, whole=publish)
                    problems = _publish(plan, request.user, PUBLISH_MODES[action]) if publish else None
            except PlanConflict as conflict:
                show_conflict(conflict)
                status = 409
                messages.error(request, conflict.reason or _conflict_message(conflict))
            else:
                if merge is not None:
                    messages.success(request, "Đã gộp hai dòng nhiệm vụ.")
                    return redirect(here, pk=plan.pk)
                if problems:
                    for message in problems:
                        messages.error(request, message)
                    return redirect(here, pk=plan.pk)
                if publish:
                    messages.success(
                        request,
                        "Đã ban hành kế hoạch. Hạn của các nhiệm vụ đã được tính theo thời hạn ghi trong kế hoạch.",
                    )
                    for warning in services.publish_warnings(plan):
                        messages.warning(request, warning.replace("trên trang này", "trên trang Sửa kế hoạch"))
                    return redirect("plans-detail", pk=plan.pk)
                messages.success(request, f"Đã lưu {changes} thay đổi." if changes else "Không có gì thay đổi.")
                return redirect(here if draft else "plans-detail", pk=plan.pk)
        else:
            messages.error(request, "Có ô chưa hợp lệ (đánh dấu đỏ bên dưới). Hãy sửa rồi lưu lại.")
    return _edit_page(request, plan, header, targets, tasks, draft=draft, status=status)


# the review page's publish buttons: plainly, or as the replacement or the amendment of the plan it is a new version of
PUBLISH_MODES = {"publish": None, "replace": services.PublishMode.REPLACE, "amend": services.PublishMode.AMEND}
PUBLISH_LABELS = {"publish": "Đồng ý ban hành", "replace": "Đồng ý ban hành thay thế", "amend": "Đồng ý ban hành"}


def _publish_questions(plan: Plan) -> dict[str, str]:
    """What each publish button asks before it publishes (publishing is final: the agencies see the plan)."""
    before = services.predecessor(plan) if plan.is_draft else None
    old = (before.number or "kế hoạch cũ") if before else "kế hoạch cũ"
    after = " Các cơ quan được giao nhiệm vụ sẽ thấy kế hoạch và cập nhật tiến độ; kế hoạch không còn là bản nháp."
    return {
        "publish": f"Ban hành kế hoạch {plan.number or 'này'}?{after}",
        "replace": f"Ban hành kế hoạch này thay thế {old}? Kế hoạch {old} sẽ hết hiệu lực (nhiệm vụ, báo cáo tiến độ "
        f"và số liệu của nó được giữ).{after}",
        "amend": f"Ban hành kế hoạch này sửa đổi, bổ sung {old}? Kế hoạch {old} vẫn còn hiệu lực.{after}",
    }


def _merge_question(plan: Plan, pk: int) -> str:
    task = plan.tasks.filter(pk=pk).first()
    return merge_question(task) if task else "Gộp hai dòng nhiệm vụ?"


def merge_question(task: Task) -> str:
    code = ".".join(p for p in (task.section, task.no) if p) or f"“{task.content[:40]}”"
    return (
        f"Gộp dòng nhiệm vụ {code} với dòng dưới? Hai dòng thành một (nội dung nối lại); việc gộp được ghi vào lịch "
        "sử của kế hoạch."
    )


def _publish(plan: Plan, user, mode) -> list[str]:
    """Publish inside the save's transaction; what stops it is returned (and undone) while the save stays."""
    try:
        with transaction.atomic():
            services.publish(plan, user, mode)
    except ValidationError as exc:
        return exc.messages
    return []


def _conflict_message(conflict: PlanConflict) -> str:
    count = len(conflict.rows)
    return (
        f"Chưa lưu gì: {count} phần bạn sửa đã được người khác sửa trong lúc bạn sửa (đánh dấu đỏ bên dưới, kèm "
        "giá trị người đó đã lưu). Những gì bạn nhập vẫn còn; xem lại rồi bấm Lưu lần nữa."
    )


def _edit_page(request, plan: Plan, header, targets, tasks, *, draft: bool, status: int = 200, pending=None):
    run = plan.import_runs.first()
    if draft:
        _with_suggestions(plan, targets, tasks)
        for form in tasks.forms:
            form.merge_question = merge_question(form.instance) if form.instance.pk else ""
    context = {
        "plan": plan,
        "header": header,
        "targets": targets,
        "tasks": tasks,
        "draft": draft,
        "here": "plans-review" if draft else "plans-edit",
        "run": run,
        "warnings": (run.result or {}).get("warnings", []) if run else [],
        "coverage": services.coverage_note(run.result) if draft and run else "",
        "source": _source(plan) if draft else [],
        "is_pdf": PurePath(plan.source_name or plan.source_file.name or "").suffix.lower() == ".pdf",
        "problems": services.publish_problems(plan) if draft else [],
        "publish_warnings": services.publish_warnings(plan) if draft else [],
        "predecessor": services.predecessor(plan) if draft else None,
        "pending": pending,
        "questions": _publish_questions(plan) if draft else {},
    }
    return render(request, "plans/edit.html", context, status=status)


def _published_meanwhile(request, plan: Plan):
    """A review posted after someone else published the plan: nothing is saved; the page comes back as the edit of
    the published plan, with what the user typed."""
    header, targets, tasks = plan_forms(plan, request.POST.copy())
    if header.is_valid() and targets.is_valid() and tasks.is_valid():
        show_conflict(PlanConflict(compare(plan, header, targets, tasks)[1]))
    entry = AuditEntry.objects.filter(object_type="plans.plan", object_id=str(plan.pk), action="publish").first()
    messages.error(
        request,
        f"{who_when(entry)} đã ban hành kế hoạch này trong lúc bạn duyệt, nên chưa lưu gì. Những gì bạn nhập vẫn "
        "còn dưới đây, trên trang sửa kế hoạch đã ban hành: xem lại rồi bấm Lưu nếu vẫn cần sửa.",
    )
    return _edit_page(request, plan, header, targets, tasks, draft=False, status=409)


@big_form
@login_required
def plan_review(request, pk: int):
    access = Access.of(request)
    plan = _plan(access, pk, manage=True)
    if not plan.is_draft:
        if request.method == "POST":
            return _published_meanwhile(request, plan)
        return redirect("plans-edit", pk=plan.pk)
    return _edit(request, plan, draft=True)


@big_form
@login_required
def plan_edit(request, pk: int):
    access = Access.of(request)
    plan = _plan(access, pk, manage=True)
    if plan.is_draft:
        return redirect("plans-review", pk=plan.pk)
    return _edit(request, plan, draft=False)


@login_required
def plan_file(request, pk: int):
    """The original document, only to those who may read the plan; PDFs open in the browser."""
    access = Access.of(request)
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


@login_required
def plan_tasks_add(request, pk: int):
    """Several tasks at once: pasted from Excel or typed one per line, shown as rows to check, then saved."""
    access = Access.of(request)
    plan = _plan(access, pk, manage=True)
    if plan.status == PlanStatus.SUPERSEDED:
        raise PermissionDenied("Kế hoạch đã được thay thế; hãy thêm nhiệm vụ vào kế hoạch thay thế nó.")
    text = request.POST.get("text", "") if request.method == "POST" else ""
    paragraphs = _task_paragraphs(plan)
    rows, error = [], ""
    if request.method == "POST" and request.POST.get("action") == "paragraphs":
        chosen = [int(i) for i in request.POST.getlist("paragraph") if i.isdecimal() and int(i) < len(paragraphs)]
        text = "\n".join(bulk.paragraph_line(paragraphs[i]) for i in sorted(set(chosen)))
        if not chosen:
            error = "Chưa chọn đoạn nào: đánh dấu các đoạn là nhiệm vụ rồi bấm lại."
    if request.method == "POST" and not error:
        try:
            rows = bulk.parse_rows(text)
            if request.POST.get("action") == "save":
                made = bulk.create_tasks(plan, rows, request.user)
                messages.success(request, f"Đã thêm {len(made)} nhiệm vụ vào kế hoạch.")
                return redirect("plans-review" if plan.status == PlanStatus.DRAFT else "plans-detail", pk=plan.pk)
        except bulk.BulkError as exc:
            error = str(exc)
    context = {
        "plan": plan,
        "text": text,
        "rows": rows,
        "error": error,
        "has_errors": any(r.errors for r in rows),
        "max_rows": bulk.MAX_ROWS,
        "paragraphs": paragraphs,
    }
    return render(request, "plans/tasks_add.html", context)


def _task_paragraphs(plan: Plan) -> list:
    """The list items of the plan's task part, read from its file."""
    document = services.plan_document(plan)
    return task_paragraphs(document) if document else []
