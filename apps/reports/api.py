"""The reports API: periods, a unit's reports and their workflow, with the same permissions as the pages."""

import datetime as dt

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from apps.api.api import Pages
from apps.api.schemas import Error, Id, PeriodOut, Text
from apps.reports import city, services, views
from apps.reports import consolidation as consolidated
from apps.reports.models import CityDocument, CityReport, RenderState, Report
from apps.tracking.figures import FigureError, parse_period
from apps.tracking.models import Period
from apps.units.access import Access
from apps.units.models import GOVERNING_KINDS, Unit
from cchc.versioning import Conflict

router = Router(tags=["reports"])


class ReportOut(Schema):
    id: int
    unit: int
    unit_name: str
    period: str
    state: str
    state_label: str
    late: bool
    version: int
    return_reason: str
    submitted_at: dt.datetime | None
    versions: int


class ReportDetailOut(ReportOut):
    content: dict


class ReportIn(Schema):
    unit: Id
    period: Text


class ReturnIn(Schema):
    reason: Text = ""


def _period(code: str) -> Period:
    try:
        return parse_period(code)
    except FigureError as error:
        raise HttpError(422, f"Kỳ báo cáo '{code}' không hợp lệ: {error}.") from None


def _out(report: Report, versions: int | None = None) -> dict:
    return {
        "id": report.pk,
        "unit": report.unit_id,
        "unit_name": report.unit.name,
        "period": report.period.code,
        "state": report.state,
        "state_label": report.get_state_display(),
        "late": report.is_late(),
        "version": report.version,
        "return_reason": report.return_reason,
        "submitted_at": report.submitted_at,
        "versions": report.versions.count() if versions is None else versions,
    }


def _report(access: Access, report_id: int) -> Report:
    report = get_object_or_404(Report.objects.select_related("unit", "unit__parent", "period"), pk=report_id)
    access.require_view(report.unit)
    return report


@router.get("/periods", response=list[PeriodOut], summary="Các kỳ báo cáo (năm trước, năm nay)")
def periods(request):
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        Period.ensure_year(year)
    return Period.objects.order_by("end")


class ReportFilters(Schema):
    unit: Id | None = None
    period: Text | None = None


class _Shown:
    """The reports of a query, each told by ``_out`` only when its page is cut (``Pages`` slices and counts it)."""

    def __init__(self, queryset) -> None:
        self.queryset = queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, part: slice) -> list[dict]:
        return [_out(r, r.version_count) for r in self.queryset[part]]


@router.get("/reports", response={200: list[ReportOut], 422: Error}, summary="Báo cáo được xem")
@paginate(Pages)
def reports(request, filters: Query[ReportFilters]):
    access = Access.of(request)
    queryset = access.visible(Report.objects.select_related("unit", "period")).annotate(version_count=Count("versions"))
    if filters.unit is not None:
        queryset = queryset.filter(unit_id=filters.unit)
    if filters.period:
        queryset = queryset.filter(period=_period(filters.period))
    return _Shown(queryset.order_by("-period__end", "unit__name", "pk"))


@router.post(
    "/reports",
    response={200: ReportOut, 201: ReportOut, 403: Error, 404: Error, 422: Error},
    summary="Lập (hoặc lấy) báo cáo của đơn vị cho một kỳ: 201 khi lập mới",
)
def report_create(request, payload: ReportIn):
    access = Access.of(request)
    unit = get_object_or_404(Unit, pk=payload.unit, kind__in=GOVERNING_KINDS)
    access.require_view(unit)
    if not access.can_manage(unit):
        raise HttpError(403, services.FORBIDDEN_EDIT)
    report, created = services.open_draft(unit, _period(payload.period), request.user)
    return Status(201 if created else 200, _out(report))


@router.get("/reports/{report_id}", response={200: ReportDetailOut, 404: Error}, summary="Một báo cáo với nội dung")
def report_detail(request, report_id: int):
    report = _report(Access.of(request), report_id)
    content, _ = services.shown_content(report)
    return {**_out(report), "content": content}


@router.get("/reports/{report_id}/docx", response={404: Error}, summary="Tệp .docx của báo cáo")
def report_docx(request, report_id: int):
    return views.docx_response(_report(Access.of(request), report_id))


@router.get("/reports/{report_id}/xlsx", response={404: Error}, summary="Tệp .xlsx các bảng số liệu")
def report_xlsx(request, report_id: int):
    return views.xlsx_response(_report(Access.of(request), report_id))


def _step(step):
    try:
        return step()
    except Conflict as exc:
        raise HttpError(409, str(exc)) from exc
    except services.WorkflowError as exc:
        raise HttpError(409, str(exc)) from exc


@router.post(
    "/reports/{report_id}/submit",
    response={200: ReportOut, 403: Error, 404: Error, 409: Error},
    summary="Gửi báo cáo (lưu lại một lần gửi không đổi)",
)
def report_submit(request, report_id: int):
    access = Access.of(request)
    report = _report(access, report_id)
    if not services.can_edit(access, report):
        raise HttpError(403, services.FORBIDDEN_EDIT)
    _step(lambda: services.submit(report, request.user))
    return _out(report)


def _reviewed(request, report_id: int) -> Report:
    access = Access.of(request)
    report = _report(access, report_id)
    if refusal := services.review_refusal(access, report):
        raise HttpError(403, refusal)
    return report


@router.post(
    "/reports/{report_id}/accept", response={200: ReportOut, 403: Error, 404: Error, 409: Error}, summary="Chấp nhận"
)
def report_accept(request, report_id: int):
    report = _reviewed(request, report_id)
    _step(lambda: services.accept(report, request.user))
    return _out(report)


@router.post(
    "/reports/{report_id}/return",
    response={200: ReportOut, 403: Error, 404: Error, 409: Error, 422: Error},
    summary="Trả lại báo cáo (bắt buộc ghi lý do)",
)
def report_return(request, report_id: int, payload: ReturnIn):
    report = _reviewed(request, report_id)
    if not payload.reason.strip():
        raise HttpError(422, "Hãy ghi lý do trả lại (reason) để đơn vị biết cần sửa gì.")
    _step(lambda: services.return_report(report, request.user, payload.reason))
    return _out(report)


class ConsolidationUnitOut(Schema):
    unit: int
    unit_name: str
    block: str
    block_label: str
    state: str
    state_label: str
    late: bool
    return_reason: str
    report: int | None
    tasks: dict[str, int] | None
    targets: dict[str, int] | None
    completion_rate: float | None
    targets_met_rate: float | None
    rank: int | None


class ConsolidationFiguresOut(Schema):
    units: int
    tasks: dict[str, int]
    tasks_total: int
    targets: dict[str, int]
    targets_total: int
    completion_rate: float | None
    on_time_rate: float | None
    targets_met_rate: float | None


class ConsolidationBlockOut(ConsolidationFiguresOut):
    block: str
    label: str


class ConsolidationIndicatorOut(Schema):
    code: str
    label: str
    unit: str
    value: float | None
    numerator: float | None
    denominator: float | None
    units_counted: int
    units_without_counts: list[str]
    goal: str
    attainment: str


class ConsolidationOut(Schema):
    period: str
    due_on: dt.date
    submitted: int
    accepted: int
    late: int
    returned: int
    units: list[ConsolidationUnitOut]
    blocks: list[ConsolidationBlockOut]
    city: ConsolidationFiguresOut
    indicators: list[ConsolidationIndicatorOut]


class ConsolidationFilters(Schema):
    period: Text | None = None


@router.get(
    "/consolidation",
    response={200: ConsolidationOut, 403: Error, 422: Error},
    summary="Tổng hợp một kỳ toàn thành phố (chỉ từ báo cáo đã chấp nhận); không ghi kỳ: kỳ vừa đến hạn",
)
def consolidation(request, filters: Query[ConsolidationFilters]):
    access = Access.of(request)
    if not access.is_city:
        raise HttpError(403, views.FORBIDDEN_CITY)
    today = timezone.localdate()
    period = _period(filters.period) if filters.period else views.default_period(today)
    return consolidated.as_api(consolidated.consolidate(period, today))


# --- the city's consolidated report ----------------------------------------------------------------------------


class CityRenderingOut(Schema):
    id: int
    state: str
    state_label: str
    requested_at: dt.datetime
    finished_at: dt.datetime | None
    reports: int  # accepted unit reports it was built from


class CityDocumentOut(Schema):
    id: int
    period: str
    state: str
    state_label: str
    version: int
    number: str
    signer: str
    issued_on: dt.date | None
    issued_rendering: int | None
    up_to_date: bool  # the latest rendering is done and built from the narrative as it now is
    renderings: list[CityRenderingOut]


class CityDocumentDetailOut(CityDocumentOut):
    sections: list[dict]


class CityDocumentIn(Schema):
    period: Text


def _city_only(request) -> None:
    if not Access.of(request).is_city:
        raise HttpError(403, views.FORBIDDEN_CITY)


def _city_out(document: CityDocument, sections: bool = False) -> dict:
    renderings = list(CityReport.objects.filter(period=document.period))
    out = {
        "id": document.pk,
        "period": document.period.code,
        "state": document.state,
        "state_label": document.get_state_display(),
        "version": document.version,
        "number": document.number,
        "signer": document.signer,
        "issued_on": document.issued_on,
        "issued_rendering": document.issued_report_id,
        "up_to_date": city.is_current(renderings[0] if renderings else None, document),
        "renderings": [
            {
                "id": r.pk,
                "state": r.state,
                "state_label": r.get_state_display(),
                "requested_at": r.requested_at,
                "finished_at": r.finished_at,
                "reports": len(r.built_from),
            }
            for r in renderings
        ],
    }
    return out | ({"sections": document.sections} if sections else {})


def _city_document(request, document_id: int) -> CityDocument:
    _city_only(request)
    return get_object_or_404(CityDocument.objects.select_related("period"), pk=document_id)


@router.get(
    "/city-reports",
    response={200: list[CityDocumentOut], 403: Error, 422: Error},
    summary="Báo cáo tổng hợp của thành phố theo kỳ: trạng thái (đang soạn, đã ban hành) và các lần lập",
)
def city_reports(request, filters: Query[ConsolidationFilters]):
    _city_only(request)
    documents = CityDocument.objects.select_related("period").order_by("-period__end")
    if filters.period:
        documents = documents.filter(period=_period(filters.period))
    return [_city_out(d) for d in documents]


@router.post(
    "/city-reports",
    response={200: CityDocumentDetailOut, 201: CityDocumentDetailOut, 403: Error, 409: Error, 422: Error},
    summary="Lập (hoặc lấy) dự thảo báo cáo tổng hợp của một kỳ, viết sẵn từ số liệu: 201 khi lập mới, "
    "409 khi kỳ chưa có báo cáo nào của đơn vị được chấp nhận",
)
def city_report_create(request, payload: CityDocumentIn):
    _city_only(request)
    period = _period(payload.period)
    existed = CityDocument.objects.filter(period=period).exists()
    try:
        document = city.open_document(period, request.user)
    except city.WorkflowError as exc:
        raise HttpError(409, str(exc)) from None
    return Status(200 if existed else 201, _city_out(document, sections=True))


@router.get(
    "/city-reports/{document_id}",
    response={200: CityDocumentDetailOut, 403: Error, 404: Error},
    summary="Một báo cáo tổng hợp của thành phố với nội dung",
)
def city_report_detail(request, document_id: int):
    return _city_out(_city_document(request, document_id), sections=True)


def _city_rendering(document: CityDocument) -> CityReport:
    """The rendering whose files a download gives: the one issued, else the latest done."""
    if document.issued_report_id:
        return document.issued_report
    found = CityReport.objects.filter(period=document.period, state=RenderState.DONE).first()
    if found is None:
        raise HttpError(404, "Báo cáo tổng hợp chưa lập xong lần nào.")
    return found


@router.get("/city-reports/{document_id}/docx", response={403: Error, 404: Error}, summary="Tệp .docx (bản ban hành)")
def city_report_docx(request, document_id: int):
    document = _city_document(request, document_id)
    return views.city_file(_city_rendering(document), "docx", views.DOCX)


@router.get("/city-reports/{document_id}/xlsx", response={403: Error, 404: Error}, summary="Tệp .xlsx (bản ban hành)")
def city_report_xlsx(request, document_id: int):
    document = _city_document(request, document_id)
    return views.city_file(_city_rendering(document), "xlsx", views.XLSX)
