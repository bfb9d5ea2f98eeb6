"""The JSON API (django-ninja): the same plans, tasks and targets as the pages, with the same permissions.

Every operation but ``POST /auth/token`` needs ``Authorization: Bearer <token>``. Like the pages, each starts with
``access = Access.of(request)``: 404 for what the user may not see, 403 for a change they may not make.

Concurrency: a changeable record is read with its ``ETag`` (``"v<version>"``, cchc/versioning.py) and a change
names it in ``If-Match``; a change made from another version is refused with 412 and the record as it now is.
"""

import re
from typing import Annotated

from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Header, NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from apps.api.errors import TokenAuth, install_handlers, invalid
from apps.api.models import ApiToken, RevokeReason
from apps.api.schemas import (
    MAX_ID,
    Error,
    Id,
    MeasurementConflict,
    MeasurementIn,
    MeasurementOut,
    MeasurementSaved,
    PlanDetailOut,
    PlanOut,
    TargetOut,
    TaskConflict,
    TaskOut,
    TaskUpdateIn,
    TaskUpdateOut,
    TokenIn,
    TokenOut,
    ValidationErrorOut,
)
from apps.audit.models import record
from apps.dashboards import stats
from apps.plans.models import Plan, ReportStatus, Target, Task
from apps.plans.search import matching
from apps.tracking import services
from apps.tracking.figures import FigureError, compute, parse_period, period_label, plan_years, save_measurement
from apps.tracking.models import Measurement, Period
from apps.units.access import Access
from cchc.versioning import Conflict, parse_etag

api = NinjaAPI(
    title="CCHC – API kế hoạch cải cách hành chính",
    version="1",
    description=(
        "Kế hoạch, nhiệm vụ, chỉ tiêu và số liệu kỳ báo cáo, với đúng quyền như trên trang web. "
        "Lấy mã truy cập qua `POST /api/auth/token`, rồi gửi `Authorization: Bearer <mã>` ở mọi yêu cầu khác.\n\n"
        "**Nhiều người cùng sửa (ETag, If-Match).** Mỗi bản ghi sửa được (kế hoạch, chỉ tiêu, nhiệm vụ, số liệu "
        'một kỳ) có `version`; khi đọc một bản ghi, tiêu đề `ETag` cho biết phiên bản đó, dạng `"v3"`. Khi ghi, gửi '
        'kèm `If-Match: "v3"` (ETag bạn đã đọc): nếu trong lúc đó người khác đã sửa, yêu cầu bị từ chối với **412**, '
        "kèm bản ghi như hiện nay (trường `current`) và ETag mới ở tiêu đề `ETag`; không có gì bị ghi đè. "
        "`If-Match` sai dạng: **400**.\n\n"
        "- Cập nhật tiến độ nhiệm vụ chỉ thêm vào lịch sử: gửi không kèm `If-Match` vẫn được nhận (**201**), và kết "
        "quả cho biết nhiệm vụ đã ở tình trạng nào trước đó (trường `replaced`). Kèm `If-Match` thì chỉ nhận khi "
        "nhiệm vụ vẫn ở phiên bản đó.\n"
        "- Số liệu một kỳ: số liệu đầu tiên của kỳ → **201**. Kỳ đã có số liệu mà không gửi `If-Match` → **409** "
        "kèm số liệu hiện có và ETag của nó; muốn thay, gửi lại kèm `If-Match` đó → **200**, trường `replaced` là "
        "số liệu cũ. `If-Match: *` thay số liệu hiện có, bất kể phiên bản.\n\n"
        "**Giá trị không hợp lệ** được trả lời **422** với lời giải thích (`detail`): số quá lớn, kỳ báo cáo ngoài "
        "các năm 2000–2100, `limit` ngoài 1–500, `offset` ngoài 0–1.000.000.000, id ngoài phạm vi, văn bản có ký tự "
        "điều khiển (trừ tab và xuống dòng; ký tự đó không bị xóa thầm lặng, hãy xóa rồi gửi lại). "
        "Nội dung không phải JSON: **400**."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
)
install_handlers(api)

FORBIDDEN_TASK = "Bạn không có quyền cập nhật nhiệm vụ này."
FORBIDDEN_MEASUREMENT = "Bạn không có quyền nhập số liệu cho chỉ tiêu này."
BAD_IF_MATCH = 'Tiêu đề If-Match không hợp lệ: hãy gửi đúng ETag nhận được khi đọc bản ghi, ví dụ If-Match: "v3".'
IF_MATCH = (
    'ETag của bản ghi khi bạn đọc nó, ví dụ "v3". Nếu bản ghi đã được sửa kể từ đó, yêu cầu bị từ chối (412) '
    "kèm bản hiện tại."
)
PERIOD_ID = re.compile(r"\s*\d{1,19}\s*", re.ASCII)
TASK_BEFORE = ["state", "progress", "completed_on", "version"]
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000


class Pages(LimitOffsetPagination):
    """Pages of a list; a limit or offset out of range is refused (422) rather than sent to the database."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"Số mục mỗi trang, 1–{MAX_LIMIT} (mặc định 100).")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Bỏ qua bao nhiêu mục đầu, 0–1.000.000.000.")


def expected_version(if_match: str | None) -> int | None:
    """The version an ``If-Match`` header names (None when absent or ``*``); 400 when it is no ETag of ours."""
    try:
        return parse_etag(if_match)
    except ValueError:
        raise HttpError(400, BAD_IF_MATCH) from None


def with_etag(response: HttpResponse, obj):
    response["ETag"] = obj.etag
    return obj


def conflict(response: HttpResponse, status: int, detail: str, current) -> Status:
    """A refused change: what to do, and the record as it now is with its ETag (``current`` None when gone)."""
    if current is not None:
        with_etag(response, current)
    return Status(status, {"detail": detail, "current": current})


def targets_queryset():
    # a target's answer shows its latest figure only: one row per target, not five years of them. The figure whose
    # id is its target's latest (one step of the index on target, period end), rather than a sliced prefetch:
    # Django cuts that with a window over every figure, a query that costs ~5 ms of CPU to build for one plan
    newest = Measurement.objects.filter(target=OuterRef("target")).order_by("-period_end", "-pk").values("pk")[:1]
    latest = Measurement.objects.filter(pk=Subquery(newest)).select_related("period", "entered_by")
    return Target.objects.select_related("plan", "indicator", "agency").prefetch_related(
        Prefetch("measurements", queryset=latest, to_attr="latest_figures")
    )


def tasks_queryset():
    # into a list (TaskOut.resolve_partners): a prefetch kept as each task's partners.all() builds a queryset per task
    return Task.objects.select_related("lead").prefetch_related(Prefetch("partners", to_attr="partner_list"))


# --- authentication -------------------------------------------------------------------------------------------


class Detail(Schema):
    detail: str


@api.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 401: Error, 429: Error},
    tags=["auth"],
    summary="Lấy mã truy cập",
    description="Sai mật khẩu nhiều lần thì tài khoản hoặc địa chỉ bị tạm khóa: trả lời 429 với `Retry-After` (giây).",
)
def token(request, payload: TokenIn):
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        if lock := getattr(request, "login_lock", None):
            response = api.create_response(request, {"detail": lock.message()}, status=429)
            response["Retry-After"] = str(lock.retry_after)
            return response
        raise HttpError(401, "Tên đăng nhập hoặc mật khẩu không đúng.")
    with transaction.atomic():
        api_token, raw = ApiToken.issue(user)
        record(
            user,
            "api_token.issue",
            api_token,
            Access(user).home_unit,
            after={"prefix": api_token.prefix, "expires_at": api_token.expires_at},
            summary=f"Cấp mã truy cập API {api_token.prefix}… cho {user.username}",
        )
    return {"token": raw, "expires_at": api_token.expires_at}


@api.post("/auth/revoke", response={200: Detail, 401: Error}, tags=["auth"], summary="Thu hồi mã truy cập đang dùng")
def revoke(request):
    raw = request.headers.get("Authorization", "").partition(" ")[2].strip()
    api_token = ApiToken.find(raw)
    if api_token is not None:
        api_token.revoke(RevokeReason.HOLDER, by=request.user)
    return {"detail": "Đã thu hồi mã truy cập. Mã này không dùng được nữa; lấy mã mới qua /api/auth/token."}


# --- plans ----------------------------------------------------------------------------------------------------


class PlanFilters(Schema):
    unit: Id | None = None
    q: Annotated[str, Field(max_length=200, description="Tìm theo từ, không phân biệt dấu và chữ hoa")] | None = None


@api.get("/plans", response=list[PlanOut], tags=["plans"], summary="Các kế hoạch được xem")
@paginate(Pages)
def plans(request, filters: Query[PlanFilters]):
    access = Access.of(request)
    queryset = access.visible(Plan.objects.select_related("unit"))
    if filters.unit is not None:
        queryset = queryset.filter(unit_id=filters.unit)
    return matching(queryset, filters.q)


@api.get(
    "/plans/{plan_id}",
    response={200: PlanDetailOut, 404: Error},
    tags=["plans"],
    summary="Một kế hoạch",
    description="Tiêu đề ETag là phiên bản của chính kế hoạch; mỗi chỉ tiêu, nhiệm vụ có `version` riêng.",
)
def plan_detail(request, plan_id: int, response: HttpResponse):
    access = Access.of(request)
    plan = get_object_or_404(
        Plan.objects.select_related("unit").prefetch_related(
            Prefetch("targets", queryset=targets_queryset()), Prefetch("tasks", queryset=tasks_queryset())
        ),
        pk=plan_id,
    )
    access.require_view(plan.unit)
    return with_etag(response, plan)


# --- tasks ----------------------------------------------------------------------------------------------------


class TaskFilters(Schema):
    plan: Id | None = None
    agency: Id | None = None
    q: Annotated[str, Field(max_length=200, description="Tìm theo từ, không phân biệt dấu và chữ hoa")] | None = None
    status: ReportStatus | None = None
    overdue: bool | None = None


@api.get("/tasks", response=list[TaskOut], tags=["tasks"], summary="Nhiệm vụ (lọc theo kế hoạch, cơ quan, tình trạng)")
@paginate(Pages)
def tasks(request, filters: Query[TaskFilters]):
    access = Access.of(request)
    queryset = access.visible(tasks_queryset(), "plan__unit").order_by("plan_id", "position", "pk")
    if filters.plan is not None:
        queryset = queryset.filter(plan_id=filters.plan)
    if filters.agency is not None:
        queryset = queryset.filter(lead_id=filters.agency)
    queryset = matching(queryset, filters.q)
    if filters.status is None and filters.overdue is None:
        return queryset
    # the status as reports count it depends on today's date: the dashboards' SQL version of it filters the rows
    queryset = stats.with_status(queryset, timezone.localdate())
    if filters.status is not None:
        queryset = queryset.filter(status=filters.status)
    if filters.overdue is not None:
        overdue = Q(status=ReportStatus.OVERDUE)
        queryset = queryset.filter(overdue if filters.overdue else ~overdue)
    return queryset


@api.get(
    "/tasks/{task_id}",
    response={200: TaskOut, 404: Error},
    tags=["tasks"],
    summary="Một nhiệm vụ",
    description="Tiêu đề ETag là phiên bản của nhiệm vụ; gửi lại trong If-Match khi cập nhật để không ghi đè ai.",
)
def task_detail(request, task_id: int, response: HttpResponse):
    access = Access.of(request)
    task = get_object_or_404(tasks_queryset().select_related("plan__unit"), pk=task_id)
    access.require_view(task.plan.unit)
    return with_etag(response, task)


@api.post(
    "/tasks/{task_id}/updates",
    response={
        201: TaskUpdateOut,
        400: Error,
        403: Error,
        404: Error,
        412: TaskConflict,
        422: ValidationErrorOut,
    },
    tags=["tasks"],
    summary="Cập nhật tiến độ nhiệm vụ",
    description=(
        "Thêm một cập nhật vào lịch sử của nhiệm vụ; được nhận cả khi không kèm If-Match, và `replaced` cho biết "
        "tình trạng, tiến độ, phiên bản của nhiệm vụ ngay trước đó. Kèm If-Match mà nhiệm vụ đã sang phiên bản "
        "khác: 412 kèm nhiệm vụ như hiện nay."
    ),
)
def task_update(
    request,
    task_id: int,
    payload: TaskUpdateIn,
    response: HttpResponse,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH),
):
    access = Access.of(request)
    task = get_object_or_404(Task.objects.select_related("plan__unit", "lead"), pk=task_id)
    access.require_view(task.plan.unit)
    if not access.can_update_task(task):
        raise HttpError(403, FORBIDDEN_TASK)
    expected = expected_version(if_match)
    if payload.completed_on and payload.completed_on > timezone.localdate():
        return invalid(request, api, "Ngày hoàn thành không được sau ngày hôm nay.")
    if question := services.contradiction(payload.status, payload.progress):
        return invalid(request, api, question)
    try:
        with transaction.atomic():  # what it replaced is read under the same lock as the update is written
            before = Task.objects.select_for_update().filter(pk=task.pk).values(*TASK_BEFORE).first()
            if before is None:
                raise Http404
            update = services.submit_update(
                task,
                request.user,
                state=payload.status,
                progress=payload.progress,
                comment=payload.comment,
                completed_on=payload.completed_on,
                expected_version=expected,
            )
    except services.UpdateError as exc:
        return invalid(request, api, str(exc))
    except Conflict as exc:
        detail = f"{exc} Nhiệm vụ như hiện nay ở trường current; gửi lại với If-Match mới nếu vẫn muốn cập nhật."
        return conflict(response, 412, detail, exc.current and tasks_queryset().filter(pk=exc.current.pk).first())
    update.replaced = before
    return Status(201, update)


# --- targets and measurements ---------------------------------------------------------------------------------


class TargetFilters(Schema):
    plan: Id | None = None
    agency: Id | None = None
    q: Annotated[str, Field(max_length=200, description="Tìm theo từ, không phân biệt dấu và chữ hoa")] | None = None


@api.get("/targets", response=list[TargetOut], tags=["targets"], summary="Chỉ tiêu với số liệu gần nhất")
@paginate(Pages)
def targets(request, filters: Query[TargetFilters]):
    access = Access.of(request)
    queryset = access.visible(targets_queryset(), "plan__unit").order_by("plan_id", "position", "pk")
    if filters.plan is not None:
        queryset = queryset.filter(plan_id=filters.plan)
    if filters.agency is not None:
        queryset = queryset.filter(agency_id=filters.agency)
    return matching(queryset, filters.q)


@api.get(
    "/targets/{target_id}",
    response={200: TargetOut, 404: Error},
    tags=["targets"],
    summary="Một chỉ tiêu với số liệu gần nhất",
    description="Tiêu đề ETag là phiên bản của chỉ tiêu; số liệu mỗi kỳ có `version` riêng.",
)
def target_detail(request, target_id: int, response: HttpResponse):
    access = Access.of(request)
    target = get_object_or_404(targets_queryset(), pk=target_id)
    access.require_view(target.plan.unit)
    return with_etag(response, target)


@api.get(
    "/targets/{target_id}/measurements",
    response={200: list[MeasurementOut], 404: Error},
    tags=["targets"],
    summary="Số liệu các kỳ của một chỉ tiêu",
    description='Mỗi số liệu có `version`; ETag của nó là "v<version>", dùng trong If-Match khi sửa số liệu kỳ đó.',
)
def measurements(request, target_id: int):
    access = Access.of(request)
    target = get_object_or_404(Target.objects.select_related("plan__unit"), pk=target_id)
    access.require_view(target.plan.unit)
    return target.measurements.select_related("period", "entered_by").order_by("period_end")


@api.post(
    "/targets/{target_id}/measurements",
    response={
        200: MeasurementSaved,
        201: MeasurementSaved,
        400: Error,
        403: Error,
        404: Error,
        409: MeasurementConflict,
        412: MeasurementConflict,
        422: ValidationErrorOut,
    },
    tags=["targets"],
    summary="Nhập số liệu một kỳ",
    description=(
        "Số liệu đầu tiên của kỳ: 201. Kỳ đã có số liệu mà không kèm If-Match: 409 kèm số liệu hiện có (trường "
        "`current`, ETag ở tiêu đề); gửi lại kèm If-Match đó để thay: 200, `replaced` là số liệu cũ. If-Match của "
        "một phiên bản đã cũ: 412 kèm số liệu như hiện nay."
    ),
)
def measurement_save(
    request,
    target_id: int,
    payload: MeasurementIn,
    response: HttpResponse,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH),
):
    access = Access.of(request)
    target = get_object_or_404(Target.objects.select_related("plan__unit"), pk=target_id)
    access.require_view(target.plan.unit)
    if not access.can_enter_measurement(target):
        raise HttpError(403, FORBIDDEN_MEASUREMENT)
    expected = expected_version(if_match)
    any_version = if_match is not None and if_match.strip() == "*"
    try:
        period = find_period(payload.period, plan_years(target.plan))
        compute(target, payload.value, payload.numerator, payload.denominator)  # a bad value is told first
        existing = current_measurement(target, period)
        if existing is not None and expected is None and not any_version:
            detail = (
                f"{period_label(period)} của chỉ tiêu này đã có số liệu (phiên bản {existing.version}); số liệu bạn "
                f'gửi chưa được lưu. Muốn thay, hãy gửi lại kèm tiêu đề If-Match: "v{existing.version}".'
            )
            return conflict(response, 409, detail, existing)
        if existing is None and (expected is not None or any_version):
            detail = (
                f"{period_label(period)} của chỉ tiêu này chưa có số liệu nên không có bản nào để thay; hãy gửi lại "
                "không kèm If-Match để nhập số liệu đầu tiên."
            )
            return conflict(response, 412, detail, None)
        if any_version:
            expected = existing.version
        measurement = save_measurement(
            target, period, request.user, **payload.dict(exclude={"period"}), expected_version=expected
        )
    except FigureError as exc:
        message = str(exc)
        return invalid(request, api, message[:1].upper() + message[1:].rstrip(".") + ".")
    except Conflict as exc:
        current = exc.current and current_measurement(target, period)
        if expected is None and current is not None:  # a first value entered at the same moment by someone else
            detail = (
                f"Trong lúc bạn gửi, người khác vừa nhập số liệu {period_label(period)} của chỉ tiêu này (phiên bản "
                f'{current.version}); số liệu bạn gửi chưa được lưu. Muốn thay, gửi lại kèm If-Match: "{current.etag}".'
            )
            return conflict(response, 409, detail, current)
        detail = f"{exc} Số liệu như hiện nay ở trường current; gửi lại với If-Match mới nếu vẫn muốn thay."
        return conflict(response, 412, detail, current)
    saved = with_etag(response, Measurement.objects.select_related("period", "entered_by").get(pk=measurement.pk))
    saved.replaced = existing
    return Status(201 if existing is None else 200, saved)


def current_measurement(target: Target, period: Period) -> Measurement | None:
    return Measurement.objects.select_related("period", "entered_by").filter(target=target, period=period).first()


def find_period(value: str | int, years: list[int]) -> Period:
    """A period by its id, its code (``2026-q1``) or its name (``Quý I 2026``), within the plan's years."""
    if isinstance(value, int) or PERIOD_ID.fullmatch(value):
        number = int(value)
        period = Period.objects.filter(pk=number).first() if number <= MAX_ID else None
        if period is None:
            raise FigureError(f"không có kỳ báo cáo số {number}")
    else:
        period = parse_period(value)
    if period.year not in years:
        raise FigureError(f"năm {period.year} nằm ngoài thời gian nhập số liệu của kế hoạch")
    return period
