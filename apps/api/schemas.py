"""What the API reads and writes. Output schemas resolve derived values (report status, attainment) from the models."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, Discriminator, StrictInt, Tag
from pydantic_core import PydanticCustomError

from apps.plans.models import Area, Attainment, Comparator, PlanStatus, ReportStatus, TaskState, attainment
from apps.tracking.models import PeriodKind, UpdateStatus
from cchc.numbers import exponent_message

MAX_ID = 2**63 - 1  # the largest id a database row can have (64-bit)
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# C0 controls but tab and line breaks, DEL, and lone surrogates (not text: JSON lets "\ud800" through)
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def plain_text(value: str) -> str:
    """Text as people type it. A control character is refused, not stripped: NUL cannot be stored by
    PostgreSQL, the other controls cannot be written into a spreadsheet, and none is typed on purpose."""
    if found := NOT_TEXT.search(value):
        raise PydanticCustomError("control_character", "control character", {"code": f"U+{ord(found[0]):04X}"})
    return value


Text = Annotated[str, AfterValidator(plain_text)]


def written_out(value):
    """A number sent as text is written out, not in exponent form ("1E2"), like every number people type."""
    if message := exponent_message(value):
        raise PydanticCustomError("exponent", "{message}", {"message": message})
    return value


Number = Annotated[Decimal, BeforeValidator(written_out)]
# a period by id (a JSON number) or by code or name (a string); only the matching kind's errors are told
PeriodRef = Annotated[
    Annotated[Id, Tag("number")] | Annotated[Text, Tag("string")],
    Discriminator(lambda value: "number" if isinstance(value, int) else "string"),
]


class Error(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[dict]


class TokenIn(Schema):
    username: Text = Field(max_length=150)
    password: Text = Field(max_length=4096)


class TokenOut(Schema):
    token: str = Field(description="Mã truy cập; gửi kèm mọi yêu cầu khác: `Authorization: Bearer <token>`.")
    expires_at: dt.datetime


class UnitRef(Schema):
    id: int
    name: str


class TaskOut(Schema):
    id: int
    version: int = Field(description='Phiên bản; ETag của bản ghi là "v<version>", gửi lại trong If-Match khi sửa.')
    plan_id: int
    section: str
    no: str
    area: Area | Literal[""]
    content: str
    lead: UnitRef | None
    lead_text: str
    partners: list[UnitRef]
    partners_text: str
    deadline_text: str
    due_start: dt.date | None
    due_on: dt.date | None
    recurring: bool
    output: str
    state: TaskState
    progress: int
    completed_on: dt.date | None
    report_status: ReportStatus = Field(description="Tình trạng theo cách tính của báo cáo, theo ngày hôm nay.")

    @staticmethod
    def resolve_partners(obj) -> list:
        prefetched = getattr(obj, "partner_list", None)  # by api.tasks_queryset
        return prefetched if prefetched is not None else list(obj.partners.all())

    @staticmethod
    def resolve_report_status(obj) -> str:
        return obj.report_status(timezone.localdate())


class PeriodOut(Schema):
    id: int
    code: str = Field(description="Mã kỳ: năm-kỳ, ví dụ 2026-q1.")
    kind: PeriodKind
    year: int
    name: str
    start: dt.date
    end: dt.date
    due_on: dt.date

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class MeasurementOut(Schema):
    id: int
    version: int = Field(description='Phiên bản; ETag của bản ghi là "v<version>", gửi lại trong If-Match khi sửa.')
    target_id: int
    period: PeriodOut
    value: Decimal
    numerator: Decimal | None
    denominator: Decimal | None
    source: str
    note: str
    entered_by: str | None
    entered_at: dt.datetime
    status: UpdateStatus = Field(
        description="Duyệt: submitted (chờ cán bộ thường trực duyệt), accepted (báo cáo tính), returned (bị trả lại)."
    )
    return_reason: str = Field(description="Lý do trả lại, khi bị trả lại.")

    @staticmethod
    def resolve_entered_by(obj) -> str | None:
        return obj.entered_by.get_username() if obj.entered_by else None


class IndicatorRef(Schema):
    id: int
    code: str
    name: str


def latest_measurement(target):
    """The measurement of the latest period (the one ``targets_queryset`` prefetched, when it did)."""
    if (prefetched := getattr(target, "latest_figures", None)) is not None:
        return prefetched[0] if prefetched else None
    return max(target.measurements.all(), key=lambda m: m.period.end, default=None)


class TargetOut(Schema):
    id: int
    version: int = Field(description='Phiên bản; ETag của bản ghi là "v<version>", gửi lại trong If-Match khi sửa.')
    plan_id: int
    position: int
    text: str
    indicator: IndicatorRef | None
    value: Decimal
    unit: str
    comparator: Comparator
    area: Area | Literal[""]
    phase: str
    due_on: dt.date | None
    agency: UnitRef | None
    latest: MeasurementOut | None = Field(description="Số liệu của kỳ báo cáo gần nhất.")
    attainment: Attainment | None = Field(description="Mức đạt theo số liệu gần nhất; trống khi chưa có số liệu.")

    @staticmethod
    def resolve_latest(obj):
        return latest_measurement(obj)

    @staticmethod
    def resolve_attainment(obj) -> str | None:
        latest = latest_measurement(obj)
        return attainment(obj, latest.value, timezone.localdate()) if latest else None


class PlanOut(Schema):
    id: int
    version: int = Field(description='Phiên bản; ETag của bản ghi là "v<version>", gửi lại trong If-Match khi sửa.')
    unit: UnitRef
    status: PlanStatus
    number: str
    title: str
    issuer: str
    issued_on: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    superseded_by_id: int | None


class PlanDetailOut(PlanOut):
    targets: list[TargetOut]
    tasks: list[TaskOut]


class TaskUpdateIn(Schema):
    status: Literal["not_started", "in_progress", "done"] = Field(
        description="not_started, in_progress hoặc done; đúng hạn, quá hạn được tính từ thời hạn."
    )
    progress: StrictInt | None = Field(  # strict: 1E2 (a JSON float) is not a percentage
        None,
        ge=0,
        le=100,
        description=(
            "Tiến độ (%), 0–100: done là 100, not_started là 0, in_progress 0–99; bỏ trống thì theo status. "
            "Tiến độ trái với status (done với 60, in_progress với 100) bị từ chối (422), không tự sửa."
        ),
    )
    comment: Text = Field("", max_length=5000)
    completed_on: dt.date | None = Field(None, description="Ngày hoàn thành khi status là done; mặc định hôm nay.")


class TaskBefore(Schema):
    """What a task update replaced: the task as it stood just before it."""

    state: TaskState
    progress: int
    completed_on: dt.date | None
    version: int


class TaskUpdateOut(Schema):
    id: int
    task_id: int
    author: str | None
    created_at: dt.datetime
    state: TaskState
    progress: int
    comment: str
    completed_on: dt.date | None
    status: UpdateStatus
    task: TaskOut
    replaced: TaskBefore = Field(description="Tình trạng, tiến độ và phiên bản của nhiệm vụ ngay trước cập nhật này.")

    @staticmethod
    def resolve_author(obj) -> str | None:
        return obj.author.get_username() if obj.author else None


class MeasurementIn(Schema):
    period: PeriodRef = Field(
        description="Kỳ báo cáo: mã năm-kỳ (2026-q1, 2026-h1, 2026-q3, 2026-year), id, hoặc tên (Quý I 2026)."
    )
    value: Number | None = Field(
        None, description="Giá trị; bỏ trống khi gửi tử số và mẫu số (tỷ lệ = tử số / mẫu số × 100)."
    )
    numerator: Number | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    denominator: Number | None = Field(None, gt=0, max_digits=14, decimal_places=2)
    source: Text = Field("", max_length=300)
    note: Text = Field("", max_length=5000)


class MeasurementBefore(Schema):
    """The value a correction replaced."""

    value: Decimal
    numerator: Decimal | None
    denominator: Decimal | None
    source: str
    note: str
    version: int


class MeasurementSaved(MeasurementOut):
    replaced: MeasurementBefore | None = Field(
        description="Số liệu cũ mà lần gửi này thay thế (khi sửa với If-Match); trống khi là số liệu đầu tiên của kỳ."
    )


class TaskConflict(Schema):
    detail: str
    current: TaskOut | None = Field(description="Nhiệm vụ như hiện nay; ETag của nó ở tiêu đề ETag.")


class MeasurementConflict(Schema):
    detail: str
    current: MeasurementOut | None = Field(
        description="Số liệu của kỳ như hiện nay (trống khi không còn); ETag của nó ở tiêu đề ETag."
    )
