"""Report pages: a unit's periods, the report (draft form or frozen content), its files, the reviewer's list."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.reports import services
from apps.reports.content import ATTAINMENTS, BUCKETS
from apps.reports.excel import build_xlsx
from apps.reports.models import Report, ReportState
from apps.reports.word import build_docx
from apps.tracking.models import Period
from apps.units.access import Access
from apps.units.models import GOVERNING_KINDS, Unit
from cchc.confirm import Pending, confirm_page, is_confirmed
from cchc.versioning import Conflict, parse_etag

RETURN_QUESTION = "Trả lại báo cáo này cho đơn vị? Đơn vị sẽ nhận được lý do, sửa rồi gửi lại."

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_or_404(access: Access, pk: int) -> Report:
    report = get_object_or_404(Report.objects.select_related("unit", "unit__parent", "period"), pk=pk)
    access.require_view(report.unit)
    return report


def _posted_version(request) -> int | None:
    try:
        return parse_etag(request.POST.get("version"))
    except ValueError:
        return None


@login_required
def home(request):
    access = Access(request.user)
    if access.is_reviewer:
        return redirect("reports-review")
    unit = access.home_unit
    if unit is None:
        raise Http404("Không tìm thấy.")
    return redirect("reports-unit", unit_id=unit.pk)


@login_required
def unit_reports(request, unit_id: int):
    access = Access(request.user)
    unit = get_object_or_404(Unit, pk=unit_id, kind__in=GOVERNING_KINDS)
    access.require_view(unit)
    today = timezone.localdate()
    years = [today.year - 1, today.year]
    for year in years:
        Period.ensure_year(year)
    reports = {r.period_id: r for r in Report.objects.filter(unit=unit).select_related("period")}
    rows = []
    for period in Period.objects.filter(year__in=years).order_by("-end"):
        report = reports.get(period.pk)
        late = report.is_late(today) if report else today > period.due_on
        rows.append({"period": period, "report": report, "late": late})
    context = {"unit": unit, "rows": rows, "can_edit": access.can_manage(unit)}
    return render(request, "reports/unit.html", context)


@login_required
@require_POST
def create(request, unit_id: int, period_id: int):
    access = Access(request.user)
    unit = get_object_or_404(Unit, pk=unit_id, kind__in=GOVERNING_KINDS)
    access.require_view(unit)
    if not access.can_manage(unit):
        raise PermissionDenied(services.FORBIDDEN_EDIT)
    period = get_object_or_404(Period, pk=period_id)
    report, _ = services.open_draft(unit, period, request.user)
    return redirect("reports-detail", pk=report.pk)


@login_required
def detail(request, pk: int):
    access = Access(request.user)
    report = _report_or_404(access, pk)
    content, version = services.shown_content(report)
    sections = list(report.sections.all())
    context = {
        "report": report,
        "content": content,
        "version": version,
        "versions": list(report.versions.select_related("submitted_by")),
        "sections": sections,
        "frozen_sections": content.get("sections", []) if version else [],
        "changes": services.changes_since_frozen(report, version),
        "buckets": BUCKETS,
        "attainments": ATTAINMENTS,
        "can_edit": services.can_edit(access, report) and report.is_editable,
        "can_review": services.can_review(access, report) and report.state == ReportState.SUBMITTED,
        "return_question": RETURN_QUESTION,
        "late": report.is_late(),
    }
    return render(request, "reports/detail.html", context)


@login_required
@require_POST
def save(request, pk: int):
    access = Access(request.user)
    report = _report_or_404(access, pk)
    if not services.can_edit(access, report):
        raise PermissionDenied(services.FORBIDDEN_EDIT)
    texts = {s.key: request.POST.get(f"section-{s.key}", s.text) for s in report.sections.all()}
    try:
        services.save_draft(
            report,
            request.user,
            texts,
            _posted_version(request) or report.version,
            number=request.POST.get("number", ""),
            signer=request.POST.get("signer", ""),
        )
    except (Conflict, services.WorkflowError) as exc:
        messages.error(request, str(exc))
        return redirect("reports-detail", pk=report.pk)
    if request.POST.get("then") == "submit":
        return submit(request, pk)
    messages.success(request, "Đã lưu báo cáo.")
    return redirect("reports-detail", pk=report.pk)


@login_required
@require_POST
def submit(request, pk: int):
    access = Access(request.user)
    report = _report_or_404(access, pk)
    if not services.can_edit(access, report):
        raise PermissionDenied(services.FORBIDDEN_EDIT)
    try:
        version = services.submit(report, request.user)
    except (Conflict, services.WorkflowError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã gửi báo cáo (lần {version.number}) tới Sở Nội vụ để thẩm định.")
    return redirect("reports-detail", pk=report.pk)


def _review_step(request, pk: int, step) -> HttpResponse:
    access = Access(request.user)
    report = _report_or_404(access, pk)
    if refusal := services.review_refusal(access, report):
        raise PermissionDenied(refusal)
    try:
        message = step(report, access)
    except (Conflict, services.WorkflowError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, message)
    return redirect("reports-detail", pk=report.pk)


@login_required
@require_POST
def accept(request, pk: int):
    def step(report, access):
        services.accept(report, request.user, _posted_version(request))
        return "Đã chấp nhận báo cáo."

    return _review_step(request, pk, step)


@login_required
@require_POST
def return_(request, pk: int):
    reason = request.POST.get("reason", "").strip()
    if reason and not is_confirmed(request, "return", str(pk)):
        access = Access(request.user)
        report = _report_or_404(access, pk)
        if refusal := services.review_refusal(access, report):
            raise PermissionDenied(refusal)
        pending = Pending(RETURN_QUESTION, "return", str(pk), "Trả lại báo cáo")
        return confirm_page(request, pending, reverse("reports-detail", args=[pk]), [f"Lý do: {reason}"])

    def step(report, access):
        services.return_report(report, request.user, request.POST.get("reason", ""), _posted_version(request))
        return "Đã trả lại báo cáo; đơn vị sẽ sửa và gửi lại."

    return _review_step(request, pk, step)


def _file_name(report: Report, extension: str) -> str:
    return f"bao-cao-cchc-{report.unit.code}-{report.period.code}.{extension}"


def _day(report: Report, version) -> dt.date:
    """The date the document bears: the day it was sent, or today for a draft."""
    return timezone.localdate(version.submitted_at) if version else timezone.localdate()


@login_required
def download_docx(request, pk: int):
    access = Access(request.user)
    report = _report_or_404(access, pk)
    return docx_response(report)


@login_required
def download_xlsx(request, pk: int):
    access = Access(request.user)
    report = _report_or_404(access, pk)
    return xlsx_response(report)


def docx_response(report: Report) -> HttpResponse:
    content, version = services.shown_content(report)
    response = HttpResponse(build_docx(report.unit, content, _day(report, version)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(report, "docx")}"'
    return response


def xlsx_response(report: Report) -> HttpResponse:
    content, _ = services.shown_content(report)
    response = HttpResponse(build_xlsx(content), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(report, "xlsx")}"'
    return response


@login_required
def review(request):
    access = Access(request.user)
    if not access.is_reviewer:
        raise PermissionDenied(services.FORBIDDEN_REVIEW)
    reports = Report.objects.filter(state=ReportState.SUBMITTED).select_related("unit", "period", "submitted_by")
    others = Report.objects.exclude(state=ReportState.SUBMITTED).select_related("unit", "period")[:50]
    return render(request, "reports/review.html", {"reports": reports, "others": others})
