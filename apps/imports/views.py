"""Uploading a plan file and following its import run."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from apps.imports import services
from apps.imports.forms import UploadForm
from apps.imports.models import ImportRun, RunStatus
from apps.plans.models import Plan
from apps.units.access import Access
from apps.units.models import Unit


def _managed_run(access: Access, pk: int) -> ImportRun:
    run = get_object_or_404(ImportRun.objects.select_related("unit", "plan"), pk=pk)
    access.require_manage(run.unit, "Chỉ cán bộ thường trực CCHC của đơn vị được xem lượt nhập này.")
    return run


@login_required
def upload_start(request):
    """The nav's entry: the upload page of the (first) unit this user manages."""
    access = Access.of(request)
    units = Unit.objects.filter(pk__in=access.managed_unit_ids).select_related("parent").order_by("name")
    if not units:
        raise PermissionDenied("Chỉ cán bộ thường trực CCHC của đơn vị được nhập kế hoạch.")
    return redirect("imports-upload", unit_id=units[0].governing_unit.pk)  # plans belong to units, not agencies


@login_required
def upload(request, unit_id: int):
    access = Access.of(request)
    unit = get_object_or_404(Unit.objects.select_related("parent"), pk=unit_id)
    access.require_manage(unit, "Chỉ cán bộ thường trực CCHC của đơn vị được nhập kế hoạch.")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name = PurePath(upload.name).name
        try:
            run = _import_upload(unit, upload, name, request.user)
        except services.WrongUnit as exc:
            form.add_error(None, exc.message)
        else:
            if run.status == RunStatus.DONE and run.plan_id:
                messages.success(request, f"Đã đọc xong tệp {name}. Hãy duyệt bản nháp rồi ban hành.")
                return redirect("plans-review", pk=run.plan_id)
            return redirect("imports-run", pk=run.pk)
    recent = ImportRun.objects.filter(unit=unit).select_related("plan")[:10]
    return render(request, "imports/upload.html", {"unit": unit, "form": form, "recent": recent})


def _import_upload(unit: Unit, upload, name: str, user) -> ImportRun:
    """The uploaded file through a temporary file; OCR in the worker, the rest at once."""
    with tempfile.TemporaryDirectory(prefix="cchc-upload-") as folder:
        path = Path(folder) / f"upload{PurePath(name).suffix.lower()}"
        with open(path, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        return services.import_file(unit, path, user, background=services.needs_ocr(path), original_name=name)


@login_required
def run_detail(request, pk: int):
    access = Access.of(request)
    run = _managed_run(access, pk)
    if services.sweep(ImportRun.objects.filter(pk=run.pk)):
        run.refresh_from_db()
    return render(request, "imports/run.html", {"run": run, "unit": run.unit, "working": run.working})


@login_required
@require_GET
def run_status(request, pk: int):
    access = Access.of(request)
    run = _managed_run(access, pk)
    if services.sweep(ImportRun.objects.filter(pk=run.pk)):
        run.refresh_from_db()
    return JsonResponse(
        {
            "status": run.status,
            "status_display": run.get_status_display(),
            "pages_done": run.pages_done,
            "pages_total": run.pages_total,
            "error": run.error,
            "review_url": reverse("plans-review", args=[run.plan_id]) if run.plan_id else None,
        }
    )


@login_required
def run_file(request, pk: int):
    access = Access.of(request)
    run = _managed_run(access, pk)
    return FileResponse(run.file.open("rb"), as_attachment=True, filename=run.original_name)


@login_required
def draft_delete(request, pk: int):
    """Delete a draft plan, after a confirm step; its import run and uploaded file are kept."""
    access = Access.of(request)
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=pk)
    access.require_manage(plan.unit, "Chỉ cán bộ thường trực CCHC của đơn vị được xóa bản nháp.")
    if not plan.is_draft:
        messages.error(request, "Kế hoạch này đã được ban hành nên không xóa được; chỉ bản nháp mới xóa được.")
        return redirect("plans-detail", pk=plan.pk)
    if request.method == "POST":
        unit_id = plan.unit_id
        if services.delete_draft(plan, request.user):
            messages.success(request, f"Đã xóa bản nháp “{plan}”. Tệp đã tải lên vẫn được giữ trong lịch sử nhập.")
        return redirect("imports-upload", unit_id=unit_id)
    counts = {"tasks": plan.tasks.count(), "targets": plan.targets.count()}
    context = {"plan": plan, "unit": plan.unit, "run": plan.import_runs.first(), **counts}
    return render(request, "imports/delete_draft.html", context)
