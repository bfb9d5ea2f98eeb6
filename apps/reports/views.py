"""Report pages: a unit's periods, the report (draft form or frozen content), its files, the reviewer's list."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.reports import city, guidance, services
from apps.reports import consolidation as consolidated
from apps.reports.content import ATTAINMENTS, BUCKETS
from apps.reports.excel import build_xlsx
from apps.reports.forms import HeadingFormSet, PeriodForm, StatRowFormSet
from apps.reports.models import (
    CityDocument,
    CityReport,
    RenderState,
    Report,
    ReportState,
    ReportType,
    SectionContribution,
)
from apps.reports.word import build_docx
from apps.tracking.figures import FigureError, parse_period
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
    access = Access.of(request)
    if access.is_reviewer:
        return redirect("reports-review")
    unit = access.home_unit
    if unit is None:
        raise Http404("Không tìm thấy.")
    return redirect("reports-unit", unit_id=unit.pk)


@login_required
def unit_reports(request, unit_id: int):
    access = Access.of(request)
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
    access = Access.of(request)
    unit = get_object_or_404(Unit, pk=unit_id, kind__in=GOVERNING_KINDS)
    access.require_manage(unit, services.FORBIDDEN_EDIT)
    period = get_object_or_404(Period, pk=period_id)
    report, _ = services.open_draft(unit, period, request.user)
    return redirect("reports-detail", pk=report.pk)


@login_required
def detail(request, pk: int):
    access = Access.of(request)
    report = _report_or_404(access, pk)
    content, version = services.shown_content(report)
    sections = services.outline_sections(report)
    prefetch_related_objects(sections, "contributions__agency")
    status = request.GET.get("tinh-trang", "")
    shown_tasks = [t for t in content["tasks"] if t["status"] == status] if status in BUCKETS else content["tasks"]
    context = {
        "shown_tasks": shown_tasks,
        "status_filter": BUCKETS.get(status, ""),
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
        "agency": services.contributing_agency(access, report),
    }
    return render(request, "reports/detail.html", context)


@login_required
@require_POST
def save(request, pk: int):
    access = Access.of(request)
    report = _report_or_404(access, pk)
    if not services.can_edit(access, report):
        raise PermissionDenied(services.FORBIDDEN_EDIT)
    texts = {s.key: request.POST.get(f"section-{s.key}", s.text) for s in services.outline_sections(report)}
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
    if merge := request.POST.get("merge", "").strip():
        anchor = ""
        try:
            merged = services.merge_contribution(report, int(merge) if merge.isdigit() else 0, request.user)
        except (Conflict, services.WorkflowError) as exc:
            messages.error(request, str(exc))
        else:
            anchor = f"#section-{merged.section.key}"
            messages.success(request, f"Đã lưu và gộp phần của {merged.agency.name} vào “{merged.section.title}”.")
        return redirect(reverse("reports-detail", args=[report.pk]) + anchor)
    if request.POST.get("then") == "submit":
        return submit(request, pk)
    messages.success(request, "Đã lưu báo cáo.")
    return redirect("reports-detail", pk=report.pk)


@login_required
@require_POST
def submit(request, pk: int):
    access = Access.of(request)
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
    access = Access.of(request)
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
        access = Access.of(request)
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
    return f"bao-cao-cchc-{report.unit.code}-{report.period.file_part}.{extension}"


def _day(report: Report, version) -> dt.date:
    """The date the document bears: the day it was sent, or today for a draft."""
    return timezone.localdate(version.submitted_at) if version else timezone.localdate()


@login_required
def download_docx(request, pk: int):
    access = Access.of(request)
    report = _report_or_404(access, pk)
    return docx_response(report)


@login_required
def download_xlsx(request, pk: int):
    access = Access.of(request)
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
    access = Access.of(request)
    if not access.is_reviewer:
        raise PermissionDenied(services.FORBIDDEN_REVIEW)
    reports = Report.objects.filter(state=ReportState.SUBMITTED).select_related("unit", "period", "submitted_by")
    others = Report.objects.exclude(state=ReportState.SUBMITTED).select_related("unit", "period")[:50]
    return render(request, "reports/review.html", {"reports": reports, "others": others})


# the four buckets as column headings of the wide consolidation tables (the full label as a tooltip)
SHORT_BUCKETS = {
    "done_on_time": "Xong đúng hạn",
    "done_late": "Xong quá hạn",
    "in_progress": "Trong hạn",
    "overdue": "Quá hạn",
}
FORBIDDEN_CITY = "Chỉ Sở Nội vụ và quản trị hệ thống xem được số liệu tổng hợp toàn thành phố."


def default_period(today: dt.date) -> Period:
    """The period the city is consolidating: the latest one already due, else the first one to come."""
    for year in (today.year - 1, today.year):
        Period.ensure_year(year)
    due = Period.objects.filter(due_on__lte=today).order_by("-due_on").first()
    return due or Period.objects.order_by("due_on").first()


def chosen_period(raw: str | None, today: dt.date) -> tuple[Period, str]:
    """The period a page asks for by its code (``2026-q1``), or the default one with a message saying why."""
    if raw:
        try:
            return parse_period(raw), ""
        except FigureError as error:
            return default_period(today), f"Kỳ báo cáo '{raw[:30]}' không hợp lệ: {error}. Đang hiện kỳ gần nhất."
    return default_period(today), ""


@login_required
def consolidation(request):
    access = Access.of(request)
    if not access.is_city:
        raise PermissionDenied(FORBIDDEN_CITY)
    today = timezone.localdate()
    period, problem = chosen_period(request.GET.get("period"), today)
    if problem:
        messages.warning(request, problem)
    context = {
        "c": consolidated.consolidate(period, today),
        "periods": Period.objects.filter(year__in=(today.year - 1, today.year)).order_by("-end"),
        "period": period,
        "buckets": BUCKETS,
        "attainments": ATTAINMENTS,
        "ranking_rule": consolidated.RANKING_RULE,
        "short_buckets": {key: (SHORT_BUCKETS[key], label) for key, label in BUCKETS.items()},
    }
    if not context["c"].city.units:  # nothing accepted yet: point at the latest period that has figures
        context["with_figures"] = (
            Period.objects.filter(reports__state=ReportState.ACCEPTED).exclude(pk=period.pk).order_by("-end").first()
        )
    context["job"] = job = city.latest(period)
    context["stale"] = job is not None and city.is_stale(job)
    context["document"] = CityDocument.objects.filter(period=period).first()
    return render(request, "reports/consolidation.html", context)


def _city_job_or_404(request, pk: int):
    access = Access.of(request)
    if not access.is_city:
        raise PermissionDenied(FORBIDDEN_CITY)
    return get_object_or_404(CityReport.objects.select_related("period", "requested_by"), pk=pk)


@login_required
@require_POST
def city_create(request):
    access = Access.of(request)
    if not access.is_city:
        raise PermissionDenied(FORBIDDEN_CITY)
    period, problem = chosen_period(request.POST.get("period"), timezone.localdate())
    if problem:
        messages.error(request, problem)
        return redirect("reports-consolidation")
    try:
        job, created = city.request(period, request.user)
    except city.WorkflowError as exc:
        messages.error(request, str(exc))
        document = CityDocument.objects.filter(period=period).first()
        if document is None:
            return redirect(f"{reverse('reports-consolidation')}?period={period.code}")
        return redirect("reports-city-document", pk=document.pk)
    if created:
        messages.success(request, f"Đã đưa việc lập báo cáo tổng hợp {period} vào hàng đợi; trang tự cập nhật.")
    else:
        messages.info(request, "Báo cáo tổng hợp của kỳ này đang được lập; chờ xong rồi tải về.")
    return redirect("reports-city", pk=job.pk)


@login_required
def city_status(request, pk: int):
    job = _city_job_or_404(request, pk)
    document = CityDocument.objects.filter(period=job.period).first()
    context = {"job": job, "stale": city.is_stale(job), "versions": len(job.built_from), "document": document}
    return render(request, "reports/city.html", context)


def _city_document_or_404(request, pk: int) -> CityDocument:
    access = Access.of(request)
    if not access.is_city:
        raise PermissionDenied(FORBIDDEN_CITY)
    return get_object_or_404(CityDocument.objects.select_related("period", "issued_by", "issued_report"), pk=pk)


@login_required
def city_document(request, pk: int):
    """The city's report of a period: its draft narrative, its renderings (each kept with its files), its issue."""
    document = _city_document_or_404(request, pk)
    renderings = list(CityReport.objects.filter(period=document.period).select_related("requested_by"))
    job = renderings[0] if renderings else None
    context = {
        "document": document,
        "renderings": renderings,
        "job": job,
        "stale": job is not None and city.is_stale(job),
        "up_to_date": city.is_current(job, document),
        "today": timezone.localdate(),
    }
    return render(request, "reports/city_document.html", context)


@login_required
@require_POST
def city_document_save(request, pk: int):
    document = _city_document_or_404(request, pk)
    texts = {s["key"]: request.POST.get(f"section-{s['key']}", s["text"])[:20000] for s in document.sections}
    try:
        city.save_document(
            document,
            request.user,
            texts,
            request.POST.get("number", ""),
            request.POST.get("signer", ""),
            _posted_version(request) or document.version,
        )
    except (Conflict, city.WorkflowError) as exc:
        messages.error(request, str(exc))
        return redirect("reports-city-document", pk=document.pk)
    if request.POST.get("then") != "render":
        messages.success(request, "Đã lưu dự thảo báo cáo tổng hợp.")
        return redirect("reports-city-document", pk=document.pk)
    try:
        job, _ = city.request(document.period, request.user)
    except city.WorkflowError as exc:
        messages.warning(request, f"Đã lưu dự thảo. {exc}")
        return redirect("reports-city-document", pk=document.pk)
    messages.success(request, "Đã lưu và đưa việc lập báo cáo theo nội dung mới vào hàng đợi.")
    return redirect("reports-city", pk=job.pk)


@login_required
@require_POST
def city_document_issue(request, pk: int):
    document = _city_document_or_404(request, pk)
    raw = request.POST.get("issued_on", "")
    try:
        issued_on = dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        messages.error(request, f"Ngày ban hành “{raw[:20]}” không hợp lệ; hãy chọn ngày trên lịch.")
        return redirect("reports-city-document", pk=document.pk)
    try:
        city.issue(document, request.user, issued_on, request.FILES.get("signed"), _posted_version(request))
    except (Conflict, city.WorkflowError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã ghi nhận báo cáo tổng hợp số {document.number} đã ký, ban hành.")
    return redirect("reports-city-document", pk=document.pk)


@login_required
def city_document_signed(request, pk: int):
    document = _city_document_or_404(request, pk)
    if not document.signed_file:
        raise Http404("Báo cáo tổng hợp chưa có bản đã ký.")
    try:
        handle = document.signed_file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ; hãy báo quản trị hệ thống.") from None
    return FileResponse(handle, as_attachment=True, filename=document.signed_name or "ban-da-ky")


def city_file(job: CityReport, field: str, content_type: str) -> FileResponse:
    stored = getattr(job, field)
    if job.state != RenderState.DONE or not stored:
        raise Http404("Báo cáo tổng hợp chưa lập xong.")
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=city.file_name(job.period, field),
        content_type=content_type,
    )


@login_required
def city_docx(request, pk: int):
    return city_file(_city_job_or_404(request, pk), "docx", DOCX)


@login_required
def city_xlsx(request, pk: int):
    return city_file(_city_job_or_404(request, pk), "xlsx", XLSX)


FORBIDDEN_PERIODS = "Chỉ quản trị hệ thống được sửa khoảng lấy số liệu và hạn gửi của kỳ báo cáo."


def _period_rows(forms_by_id: dict | None = None) -> list[dict]:
    today = timezone.localdate()
    years = (today.year - 1, today.year, today.year + 1)
    for year in years:
        Period.ensure_year(year)
    periods = Period.objects.filter(year__in=years).order_by("end", "kind")
    counts = dict(
        Report.objects.filter(period__in=periods, versions__isnull=False)
        .values_list("period")
        .annotate(n=Count("pk", distinct=True))
    )
    rows = []
    for period in periods:
        form = (forms_by_id or {}).get(period.pk) or PeriodForm(
            period=period,
            initial={
                "start": period.start,
                "end": period.end,
                "due_on": period.due_on,
                "was": PeriodForm.stamp(period),
            },
        )
        rows.append({"period": period, "form": form, "sent": counts.get(period.pk, 0)})
    return rows


@login_required
def periods(request):
    access = Access.of(request)
    context = {"rows": _period_rows(), "can_edit": access.is_administrator}
    return render(request, "reports/periods.html", context)


@login_required
@require_POST
def period_edit(request, period_id: int):
    access = Access.of(request)
    if not access.is_administrator:
        raise PermissionDenied(FORBIDDEN_PERIODS)
    period = get_object_or_404(Period, pk=period_id)
    form = PeriodForm(request.POST, period=period)
    if not form.is_valid():
        period.refresh_from_db()
        context = {"rows": _period_rows({period.pk: form}), "can_edit": True, "failed": period.pk}
        return render(request, "reports/periods.html", context, status=422)
    services.change_period(period, request.user, form.cleaned_data)
    messages.success(
        request,
        f"Đã lưu {period}: số liệu từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}, "
        f"hạn gửi {period.due_on:%d/%m/%Y}.",
    )
    return redirect("reports-periods")


@login_required
def contribute(request, pk: int):
    """An agency officer writes their agency's part of each narrative section; the standing officer merges it."""
    access = Access.of(request)
    report = _report_or_404(access, pk)
    agency = services.contributing_agency(access, report)
    if agency is None:
        raise PermissionDenied("Chỉ cán bộ các cơ quan, đơn vị của " + report.unit.name + " đóng góp vào báo cáo này.")
    sections = services.outline_sections(report)
    mine = {c.section_id: c for c in SectionContribution.objects.filter(section__report=report, agency=agency)}
    if request.method == "POST":
        texts = {}
        for section in sections:
            raw = request.POST.get(f"section-{section.key}")
            if raw is None:
                continue
            try:
                version = parse_etag(request.POST.get(f"version-{section.key}"))
            except ValueError:
                version = None
            texts[section.key] = (raw[:20000], version)
        try:
            changed = services.save_contributions(report, agency, request.user, texts)
        except (Conflict, services.WorkflowError) as exc:
            messages.error(request, str(exc) + " Hãy xem lại phần đã hiện rồi lưu lại.")
        else:
            messages.success(
                request, f"Đã lưu {changed} phần đóng góp của {agency.name}." if changed else "Không có gì thay đổi."
            )
        return redirect("reports-contribute", pk=report.pk)
    drafts = services.agency_drafts(report, agency) if report.is_editable else {}
    rows = [
        {"section": s, "mine": mine.get(s.pk), "text": mine[s.pk].text if s.pk in mine else drafts.get(s.key, "")}
        for s in sections
    ]
    context = {"report": report, "agency": agency, "rows": rows, "editable": report.is_editable}
    return render(request, "reports/contribute.html", context)


FORBIDDEN_GUIDANCE = "Chỉ Sở Nội vụ và quản trị hệ thống được sửa đề cương và biểu thống kê của báo cáo định kỳ."


def _guidance_page(request, report_type: ReportType, headings, stats, status: int = 200, **extra) -> HttpResponse:
    context = {
        "report_type": report_type,
        "headings": headings,
        "stats": stats,
        "loaded": json.dumps(guidance.guidance_of(report_type), ensure_ascii=False),
        **extra,
    }
    return render(request, "reports/guidance.html", context, status=status)


def _guidance_forms(report_type: ReportType, data=None):
    sources = guidance.source_choices()
    headings = HeadingFormSet(data, prefix="h", initial=None if data else guidance.heading_initial(report_type))
    stats = StatRowFormSet(
        data,
        prefix="s",
        initial=None if data else guidance.statistics_initial(report_type),
        form_kwargs={"sources": sources},
    )
    return headings, stats


@login_required
def guidance_edit(request):
    """The city edits the outline's headings and the statistics table of the report type in force."""
    access = Access.of(request)
    if not access.is_city:
        raise PermissionDenied(FORBIDDEN_GUIDANCE)
    report_type = ReportType.objects.filter(is_current=True).order_by("-pk").first()
    if report_type is None:
        raise Http404("Chưa có loại báo cáo nào đang áp dụng.")
    if request.method != "POST":
        return _guidance_page(request, report_type, *_guidance_forms(report_type))
    headings, stats = _guidance_forms(report_type, request.POST)
    if not (headings.is_valid() and stats.is_valid()):
        problem = "Các số thứ tự phải là số nguyên; hãy sửa các ô được đánh dấu."
        return _guidance_page(request, report_type, headings, stats, 422, problems=[problem])
    try:
        outline, statistics = guidance.read_outline(headings), guidance.read_statistics(stats)
        changed = guidance.change(
            report_type, request.user, outline, statistics, _posted_version(request) or report_type.version
        )
    except ValidationError as exc:
        return _guidance_page(request, report_type, headings, stats, 422, problems=exc.messages)
    except Conflict as exc:
        report_type.refresh_from_db()
        try:
            loaded = json.loads(request.POST.get("loaded", ""))
            meanwhile = guidance.changes(loaded, guidance.guidance_of(report_type))
        except (ValueError, KeyError, TypeError):
            meanwhile = []
        fresh = _guidance_forms(report_type)
        return _guidance_page(request, report_type, *fresh, 409, problems=[str(exc)], meanwhile=meanwhile)
    if changed:
        messages.success(request, "Đã lưu đề cương: " + " ".join(changed) + " Các báo cáo đang soạn theo đề cương mới.")
    else:
        messages.info(request, "Không có gì thay đổi.")
    return redirect("reports-guidance")
