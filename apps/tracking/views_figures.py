"""Figures pages: a plan's targets with their values, entering a value for a period, the indicator catalogue,
and the plan's workbook (download, upload, preview, confirm)."""

from __future__ import annotations

import logging

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from apps.audit.models import record, snapshot
from apps.dashboards import charts
from apps.plans.indicators import bind_targets, catalogue_for
from apps.plans.models import Indicator, Plan, Target
from apps.tracking import spreadsheets
from apps.tracking.figures import (
    FigureError,
    compute,
    entry_periods,
    period_label,
    progress_of,
    save_measurement,
    targets_with_measurements,
)
from apps.tracking.forms import MultipleFileField
from apps.tracking.models import Evidence, Measurement, SheetUpload
from apps.tracking.uploads import ALLOWED_LABEL
from apps.units.access import Access
from apps.units.models import person_name
from cchc.versioning import Conflict
from importer.text import fold

log = logging.getLogger(__name__)


class MeasurementForm(forms.Form):
    period = forms.ModelChoiceField(label="Kỳ báo cáo", queryset=None, empty_label=None)
    value = forms.CharField(label="Giá trị", required=False, max_length=30, help_text="VD: 85,5 hoặc 85.5%")
    numerator = forms.CharField(label="Tử số", required=False, max_length=30)
    denominator = forms.CharField(label="Mẫu số", required=False, max_length=30)
    source = forms.CharField(label="Nguồn số liệu", required=False, max_length=300)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    files = MultipleFileField(label="Minh chứng (có thể chọn nhiều tệp)", required=False, help_text=ALLOWED_LABEL)
    # "<period id>:<version>" of the value being corrected; empty for a first value, which never overwrites one
    seen = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.fields["period"].label_from_instance = period_label

    @classmethod
    def correcting(cls, measurement: Measurement, periods) -> MeasurementForm:
        """The form to correct ``measurement``, filled with it and carrying its version."""
        initial = {
            "period": measurement.period_id,
            "value": _typed(measurement.value),
            "numerator": _typed(measurement.numerator),
            "denominator": _typed(measurement.denominator),
            "source": measurement.source,
            "note": measurement.note,
            "seen": f"{measurement.period_id}:{measurement.version}",
        }
        return cls(periods=periods, initial=initial)

    def expected_version(self) -> int | None:
        """The version of the chosen period's value the user is correcting; None for a first value."""
        period_id, _, version = (self.cleaned_data.get("seen") or "").partition(":")
        if period_id != str(self.cleaned_data["period"].pk) or not version.isdecimal() or len(version) > 9:
            return None
        return int(version)


def _typed(number) -> str:
    return "" if number is None else format(number.normalize(), "f").replace(".", ",")


class IndicatorChoiceForm(forms.Form):
    indicator = forms.ModelChoiceField(label="Chỉ số", queryset=None, required=False, empty_label="— Không gắn —")

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [i.pk for i in catalogue_for(unit)]
        self.fields["indicator"].queryset = Indicator.objects.filter(pk__in=ids)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "kind", "unit", "area", "source", "keywords", "higher_is_better"]
        widgets = {"keywords": forms.Textarea(attrs={"rows": 3})}


class UploadForm(forms.Form):
    """The file only: what it holds is checked by ``spreadsheets.read_workbook``, with a message per reason."""

    file = forms.FileField(label="Tệp bảng tính (.xlsx) đã điền")


def _plan_for(access: Access, plan_id: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=plan_id)
    access.require_view(plan.unit)
    return plan


def _target_for(access: Access, target_id: int) -> Target:
    target = get_object_or_404(Target.objects.select_related("plan", "plan__unit", "indicator", "agency"), pk=target_id)
    access.require_view(target.plan.unit)
    return target


ONLY_MANAGER = "Chỉ cán bộ thường trực CCHC của đơn vị được làm việc này."
ONLY_FILLERS = (
    "Chỉ cán bộ của cơ quan chủ trì nhiệm vụ hoặc theo dõi chỉ tiêu của kế hoạch này, và cán bộ thường trực CCHC của "
    "đơn vị, được gửi bảng tính cập nhật."
)


def _can_fill_sheet(access: Access, plan: Plan) -> bool:
    targets = list(plan.targets.all())
    tasks = list(plan.tasks.all())
    return any(access.can_enter_measurement(t) for t in targets) or any(access.can_update_task(t) for t in tasks)


def _indicator_owner(access: Access):
    """Who an indicator this user adds belongs to: None (shared) for the city, else the unit they manage."""
    if access.is_reviewer or access.is_administrator:
        return None, True
    for m in access.memberships:
        if m.unit.governing_unit.pk in access.managed_unit_ids:
            return m.unit.governing_unit, True
    return None, False


# --- a plan's figures ----------------------------------------------------------------------------------------


@login_required
def plan_figures(request, plan_id: int):
    access = Access.of(request)
    plan = _plan_for(access, plan_id)
    progress = progress_of(targets_with_measurements(plan.targets.all()))
    for row in progress:
        row.chart = charts.sparkline(row.values, row.target.value, [period_label(m.period) for m in row.measurements])
        row.can_enter = access.can_enter_measurement(row.target)
    context = {
        "plan": plan,
        "progress": progress,
        "can_manage": access.can_manage(plan.unit),
        "can_fill": _can_fill_sheet(access, plan),
    }
    return render(request, "tracking/figures_plan.html", context)


@login_required
@require_POST
def plan_bind(request, plan_id: int):
    access = Access.of(request)
    plan = _plan_for(access, plan_id)
    access.require_manage(plan.unit, ONLY_MANAGER)
    with transaction.atomic():
        targets = list(plan.targets.select_related("plan__unit").select_for_update())
        before = {t.pk: t.indicator_id for t in targets}
        count = bind_targets(targets)
        after = {t.pk: t.indicator_id for t in targets}
        record(
            request.user,
            "plan.bind_indicators",
            plan,
            plan.unit,
            before={"indicators": before},
            after={"indicators": after},
            summary=f"Tự gắn chỉ số cho {count} chỉ tiêu",
        )
    messages.success(request, f"Đã gắn chỉ số cho {count} chỉ tiêu.")
    return redirect("figures-plan", plan_id=plan.pk)


@login_required
def target_figures(request, target_id: int):
    access = Access.of(request)
    target = _target_for(access, target_id)
    plan = target.plan
    can_enter = access.can_enter_measurement(target)
    can_manage = access.can_manage(plan.unit)
    form, conflict, status = None, None, 200
    if can_enter:
        periods = entry_periods(plan)
        correcting = target.measurements.filter(period_id=_pk(request.GET.get("period"))).first()
        if correcting is not None:
            form = MeasurementForm.correcting(correcting, periods)
        else:
            form = MeasurementForm(periods=periods, initial={"period": _default_period(periods)})
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied(
                "Chỉ cán bộ của cơ quan theo dõi chỉ tiêu này hoặc cán bộ thường trực CCHC của đơn vị được nhập "
                "số liệu."
            )
        form = MeasurementForm(request.POST.copy(), request.FILES, periods=entry_periods(plan))
        if form.is_valid():
            data = form.cleaned_data
            expected = form.expected_version()
            try:
                save_measurement(
                    target,
                    data["period"],
                    request.user,
                    value=data["value"],
                    numerator=data["numerator"],
                    denominator=data["denominator"],
                    source=data["source"],
                    note=data["note"],
                    files=data["files"],
                    expected_version=expected,
                )
            except FigureError as error:
                form.add_error("value", str(error))
            except ValidationError as error:
                form.add_error("files", error)
            except Conflict as exc:
                conflict, status = _figure_conflict(form, target, exc, expected), 409
            else:
                messages.success(request, f"Đã lưu số liệu {period_label(data['period'])}.")
                return redirect("figures-target", target_id=target.pk)
    with_files = Measurement.objects.select_related("period", "entered_by").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("pk"))
    )
    rows = Target.objects.filter(pk=target.pk).prefetch_related(Prefetch("measurements", queryset=with_files))
    progress = progress_of(rows.select_related("plan"))[0]
    progress.chart = charts.sparkline(
        progress.values, target.value, [period_label(m.period) for m in progress.measurements], width=320, height=80
    )
    measurements = list(reversed(progress.measurements))
    for m in measurements:
        m.files = list(m.evidence.all())  # prefetched
    context = {
        "target": target,
        "plan": plan,
        "goal": target.goal_in_signs,
        "progress": progress,
        "measurements": measurements,
        "form": form,
        "conflict": conflict,
        "can_enter": can_enter,
        "can_manage": can_manage,
        "indicator_form": IndicatorChoiceForm(unit=plan.unit, initial={"indicator": target.indicator_id})
        if can_manage
        else None,
    }
    return render(request, "tracking/figures_target.html", context, status=status)


def _pk(value) -> int | None:
    return int(value) if value and str(value).isdecimal() and len(str(value)) < 10 else None


def _figure_conflict(form: MeasurementForm, target: Target, exc: Conflict, expected: int | None) -> dict:
    """What the page says when the period's value is not the one the user started from: the value there now, who
    entered it and when, the user's own (nothing is replaced); the form then carries the current version, so
    "Thay số liệu hiện có" replaces exactly the value shown."""
    data = form.cleaned_data
    current = exc.current
    form.data["seen"] = f"{data['period'].pk}:{current.version}" if current is not None else ""
    mine = compute(target, data["value"], data["numerator"], data["denominator"]).value
    conflict = {"period": period_label(data["period"]), "mine": mine, "current": current, "corrected": expected}
    if current is not None and current.entered_by is not None:
        conflict["who"] = person_name(current.entered_by)
    return conflict


def _default_period(periods):
    today = timezone.localdate()
    current = [p for p in periods if p.start <= today <= p.end]
    return min(current, key=lambda p: p.end - p.start) if current else (periods[0] if periods else None)


@login_required
@require_POST
def target_indicator(request, target_id: int):
    access = Access.of(request)
    target = _target_for(access, target_id)
    access.require_manage(target.plan.unit, ONLY_MANAGER)
    form = IndicatorChoiceForm(request.POST, unit=target.plan.unit)
    if form.is_valid():
        with transaction.atomic():
            before = snapshot(target, ["indicator_id"])
            target.indicator = form.cleaned_data["indicator"]
            target.save(update_fields=["indicator"])
            record(
                request.user,
                "target.indicator",
                target,
                target.plan.unit,
                before=before,
                after=snapshot(target, ["indicator_id"]),
                summary=f"Gắn chỉ số “{target.indicator or '—'}” cho chỉ tiêu “{target.text[:120]}”",
            )
        messages.success(request, "Đã cập nhật chỉ số của chỉ tiêu.")
    return redirect("figures-target", target_id=target.pk)


# --- the indicator catalogue ---------------------------------------------------------------------------------


@login_required
def indicators(request):
    access = Access.of(request)
    owner, can_add = _indicator_owner(access)
    form = IndicatorForm() if can_add else None
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied(
                "Chỉ cán bộ thường trực CCHC của một đơn vị hoặc cán bộ Sở Nội vụ được thêm chỉ số vào danh mục."
            )
        form = IndicatorForm(request.POST)
        if form.is_valid():
            indicator = form.save(commit=False)
            indicator.owner = owner
            indicator.code = _unique_code(indicator.name)
            with transaction.atomic():
                indicator.save()
                record(
                    request.user,
                    "indicator.create",
                    indicator,
                    owner,
                    after=snapshot(indicator),
                    summary=f"Thêm chỉ số “{indicator.name}”",
                )
            messages.success(request, f"Đã thêm chỉ số “{indicator.name}”.")
            return redirect("figures-indicators")
    rows = Indicator.objects.select_related("owner").order_by("area", "name")
    if not access.is_city:
        rows = rows.filter(Q(owner__isnull=True) | Q(owner_id__in=access.visible_unit_ids or ()))
    return render(request, "tracking/figures_indicators.html", {"indicators": rows, "form": form, "owner": owner})


def _unique_code(name: str) -> str:
    base = slugify(fold(name))[:50] or "chi-so"
    code, n = base, 2
    while Indicator.objects.filter(code=code).exists():
        code, n = f"{base}-{n}", n + 1
    return code


# --- the workbook --------------------------------------------------------------------------------------------


@login_required
def sheet_download(request, plan_id: int):
    access = Access.of(request)
    plan = _plan_for(access, plan_id)
    data = spreadsheets.export_plan(plan)
    name = slugify(fold(plan.number or f"ke-hoach-{plan.pk}")) or f"ke-hoach-{plan.pk}"
    response = HttpResponse(data, content_type=spreadsheets.XLSX)
    response["Content-Disposition"] = f'attachment; filename="so-lieu-{name}.xlsx"'
    return response


@login_required
def sheet_upload(request, plan_id: int):
    access = Access.of(request)
    plan = _plan_for(access, plan_id)
    if not _can_fill_sheet(access, plan):
        raise PermissionDenied(ONLY_FILLERS)
    form = UploadForm()
    problems = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            rows, problems = spreadsheets.read_workbook(upload)
            if not problems:
                SheetUpload.clear_expired()
                SheetUpload.objects.update_or_create(
                    user=request.user,
                    plan=plan,
                    defaults={"file_name": (upload.name or "")[:200], "rows": rows, "created_at": timezone.now()},
                )
                return redirect("figures-sheet-preview", plan_id=plan.pk)
    context = {"plan": plan, "form": form, "problems": problems, "limits": spreadsheets.limits()}
    return render(request, "tracking/figures_upload.html", context)


@login_required
def sheet_preview(request, plan_id: int):
    """Show what the uploaded rows would change and what conflicts with changes made since the download; on
    confirm, check them again and save all (with the conflicts the user ticked to overwrite) or nothing."""
    access = Access.of(request)
    plan = _plan_for(access, plan_id)
    if not _can_fill_sheet(access, plan):
        raise PermissionDenied(ONLY_FILLERS)
    stored = SheetUpload.objects.filter(user=request.user, plan=plan).first()
    if request.method == "POST" and "cancel" in request.POST:  # before reading the upload: it may be broken
        if stored is not None:
            stored.delete()
        messages.info(request, "Đã hủy, không có thay đổi nào được lưu.")
        return redirect("figures-plan", plan_id=plan.pk)
    if stored is None or stored.expired:
        if stored is not None:
            stored.delete()
            messages.info(request, "Tệp đã tải lên quá lâu mà chưa xác nhận nên đã bị xóa; hãy tải tệp lên lại.")
        else:
            messages.info(request, "Chưa có tệp nào đang chờ xác nhận; hãy tải tệp lên.")
        return redirect("figures-sheet-upload", plan_id=plan.pk)
    context = {"plan": plan, "file": stored.file_name, "overwrite": set(request.POST.getlist("overwrite"))}
    try:
        result = spreadsheets.review(plan, access, stored.rows)
    except Exception:  # a stored upload this code cannot read: say so, and keep the cancel button working
        log.exception("sheet upload %s of plan %s could not be reviewed", stored.pk, plan.pk)
        return render(request, "tracking/figures_preview.html", context | {"broken": True})
    if request.method == "POST" and result.ok and (result.count or result.conflicts):
        if request.POST.get("digest") != result.digest():
            messages.warning(request, "Số liệu đã thay đổi kể từ lúc xem trước; hãy xem lại rồi xác nhận.")
        elif not any(result.chosen(context["overwrite"])):
            messages.info(request, "Chưa lưu gì: tệp chỉ có dòng xung đột và bạn chưa chọn ghi đè dòng nào.")
        else:
            try:
                count = spreadsheets.apply(plan, request.user, result, stored.file_name, context["overwrite"])
            except Conflict as error:
                messages.error(request, f"Không lưu được dòng nào của tệp: {error}")
                result = spreadsheets.review(plan, access, stored.rows)
            except FigureError as error:
                messages.error(request, f"Không lưu được: {error}")
            else:
                stored.delete()
                messages.success(request, f"Đã lưu {count} thay đổi từ tệp {stored.file_name}.")
                return redirect("figures-plan", plan_id=plan.pk)
    return render(request, "tracking/figures_preview.html", context | {"result": result, "digest": result.digest()})
