"""The JSON API (django-ninja): the same plans, tasks and targets as the pages, with the same permissions.

Every operation but ``POST /auth/token`` needs ``Authorization: Bearer <token>``. Like the pages, each starts with
``access = Access(request.user)``: 404 for what the user may not see, 403 for a change they may not make.
"""

import re

from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from apps.api.errors import TokenAuth, install_handlers, invalid
from apps.api.models import ApiToken, RevokeReason
from apps.api.schemas import (
    Error,
    MeasurementIn,
    MeasurementOut,
    PlanDetailOut,
    PlanOut,
    TargetOut,
    TaskOut,
    TaskUpdateIn,
    TaskUpdateOut,
    TokenIn,
    TokenOut,
    ValidationErrorOut,
)
from apps.audit.models import record
from apps.plans.models import Plan, ReportStatus, Target, Task
from apps.tracking import services
from apps.tracking.figures import FigureError, parse_period, plan_years, save_measurement
from apps.tracking.models import Measurement, Period, PeriodKind
from apps.units.access import Access

api = NinjaAPI(
    title="CCHC – API kế hoạch cải cách hành chính",
    version="1",
    description=(
        "Kế hoạch, nhiệm vụ, chỉ tiêu và số liệu kỳ báo cáo, với đúng quyền như trên trang web. "
        "Lấy mã truy cập qua `POST /api/auth/token`, rồi gửi `Authorization: Bearer <mã>` ở mọi yêu cầu khác."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
)
install_handlers(api)

FORBIDDEN_TASK = "Bạn không có quyền cập nhật nhiệm vụ này."
FORBIDDEN_MEASUREMENT = "Bạn không có quyền nhập số liệu cho chỉ tiêu này."
PERIOD_CODE = re.compile(r"^\s*(\d{4})\s*-\s*(" + "|".join(PeriodKind.values) + r")\s*$", re.IGNORECASE)


def targets_queryset():
    measurements = Measurement.objects.select_related("period", "entered_by")
    return Target.objects.select_related("plan", "indicator", "agency").prefetch_related(
        Prefetch("measurements", queryset=measurements)
    )


def tasks_queryset():
    return Task.objects.select_related("lead").prefetch_related("partners")


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
    unit: int | None = None


@api.get("/plans", response=list[PlanOut], tags=["plans"], summary="Các kế hoạch được xem")
@paginate(LimitOffsetPagination)
def plans(request, filters: Query[PlanFilters]):
    access = Access(request.user)
    queryset = access.visible(Plan.objects.select_related("unit"))
    if filters.unit is not None:
        queryset = queryset.filter(unit_id=filters.unit)
    return queryset


@api.get("/plans/{plan_id}", response={200: PlanDetailOut, 404: Error}, tags=["plans"], summary="Một kế hoạch")
def plan_detail(request, plan_id: int):
    access = Access(request.user)
    plan = get_object_or_404(
        Plan.objects.select_related("unit").prefetch_related(
            Prefetch("targets", queryset=targets_queryset()), Prefetch("tasks", queryset=tasks_queryset())
        ),
        pk=plan_id,
    )
    access.require_view(plan.unit)
    return plan


# --- tasks ----------------------------------------------------------------------------------------------------


class TaskFilters(Schema):
    plan: int | None = None
    agency: int | None = None
    status: ReportStatus | None = None
    overdue: bool | None = None


@api.get("/tasks", response=list[TaskOut], tags=["tasks"], summary="Nhiệm vụ (lọc theo kế hoạch, cơ quan, tình trạng)")
@paginate(LimitOffsetPagination)
def tasks(request, filters: Query[TaskFilters]):
    access = Access(request.user)
    queryset = access.visible(tasks_queryset(), "plan__unit").order_by("plan_id", "position", "pk")
    if filters.plan is not None:
        queryset = queryset.filter(plan_id=filters.plan)
    if filters.agency is not None:
        queryset = queryset.filter(lead_id=filters.agency)
    if filters.status is None and filters.overdue is None:
        return queryset
    # report status depends on today's date, so it is computed, not queried
    found = list(queryset)
    if filters.status is not None:
        found = [task for task in found if task.report_status() == filters.status]
    if filters.overdue is not None:
        found = [task for task in found if task.is_overdue() == filters.overdue]
    return found


@api.get("/tasks/{task_id}", response={200: TaskOut, 404: Error}, tags=["tasks"], summary="Một nhiệm vụ")
def task_detail(request, task_id: int):
    access = Access(request.user)
    task = get_object_or_404(tasks_queryset().select_related("plan__unit"), pk=task_id)
    access.require_view(task.plan.unit)
    return task


@api.post(
    "/tasks/{task_id}/updates",
    response={201: TaskUpdateOut, 403: Error, 404: Error, 422: ValidationErrorOut},
    tags=["tasks"],
    summary="Cập nhật tiến độ nhiệm vụ",
)
def task_update(request, task_id: int, payload: TaskUpdateIn):
    access = Access(request.user)
    task = get_object_or_404(Task.objects.select_related("plan__unit", "lead"), pk=task_id)
    access.require_view(task.plan.unit)
    if not access.can_update_task(task):
        raise HttpError(403, FORBIDDEN_TASK)
    if payload.completed_on and payload.completed_on > timezone.localdate():
        return invalid(request, api, "Ngày hoàn thành không được sau ngày hôm nay.")
    try:
        update = services.submit_update(
            task,
            request.user,
            state=payload.status,
            progress=payload.progress,
            comment=payload.comment,
            completed_on=payload.completed_on,
        )
    except services.UpdateError as exc:
        return invalid(request, api, str(exc))
    return Status(201, update)


# --- targets and measurements ---------------------------------------------------------------------------------


class TargetFilters(Schema):
    plan: int | None = None
    agency: int | None = None


@api.get("/targets", response=list[TargetOut], tags=["targets"], summary="Chỉ tiêu với số liệu gần nhất")
@paginate(LimitOffsetPagination)
def targets(request, filters: Query[TargetFilters]):
    access = Access(request.user)
    queryset = access.visible(targets_queryset(), "plan__unit").order_by("plan_id", "position", "pk")
    if filters.plan is not None:
        queryset = queryset.filter(plan_id=filters.plan)
    if filters.agency is not None:
        queryset = queryset.filter(agency_id=filters.agency)
    return queryset


@api.get(
    "/targets/{target_id}/measurements",
    response={200: list[MeasurementOut], 404: Error},
    tags=["targets"],
    summary="Số liệu các kỳ của một chỉ tiêu",
)
def measurements(request, target_id: int):
    access = Access(request.user)
    target = get_object_or_404(Target.objects.select_related("plan__unit"), pk=target_id)
    access.require_view(target.plan.unit)
    return target.measurements.select_related("period", "entered_by").order_by("period__end")


@api.post(
    "/targets/{target_id}/measurements",
    response={200: MeasurementOut, 201: MeasurementOut, 403: Error, 404: Error, 422: ValidationErrorOut},
    tags=["targets"],
    summary="Nhập số liệu một kỳ (201 khi tạo mới, 200 khi sửa số liệu đã có của kỳ đó)",
)
def measurement_save(request, target_id: int, payload: MeasurementIn):
    access = Access(request.user)
    target = get_object_or_404(Target.objects.select_related("plan__unit"), pk=target_id)
    access.require_view(target.plan.unit)
    if not access.can_enter_measurement(target):
        raise HttpError(403, FORBIDDEN_MEASUREMENT)
    try:
        period = find_period(payload.period, plan_years(target.plan))
        existing = Measurement.objects.filter(target=target, period=period).first()
        existed = existing is not None
        measurement = save_measurement(
            target,
            period,
            request.user,
            **payload.dict(exclude={"period"}),
            expected_version=existing.version if existing else None,
        )
    except FigureError as exc:
        message = str(exc)
        return invalid(request, api, message[:1].upper() + message[1:].rstrip(".") + ".")
    measurement = Measurement.objects.select_related("period", "entered_by").get(pk=measurement.pk)
    return Status(200 if existed else 201, measurement)


def find_period(value: str | int, years: list[int]) -> Period:
    """A period by its code (``2026-q1``), its id or its name (``Quý I 2026``), within the plan's years."""
    if isinstance(value, int) or value.strip().isdigit():
        period = Period.objects.filter(pk=int(value)).first()
        if period is None:
            raise FigureError(f"không có kỳ báo cáo số {value}")
    elif match := PERIOD_CODE.match(value):
        Period.ensure_year(int(match[1]))
        period = Period.objects.get(year=int(match[1]), kind=match[2].lower())
    else:
        period = parse_period(value)
    if period.year not in years:
        raise FigureError(f"năm {period.year} nằm ngoài thời gian nhập số liệu của kế hoạch")
    return period
