"""The notifications API: the caller's own notifications, newest first, with their read state, and marking them
read. Nobody reads another person's notifications, so no unit check is needed beyond being signed in."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from apps.api.api import Pages
from apps.api.schemas import Id
from apps.tracking import notify
from apps.tracking.models import Notification
from apps.units.access import Access

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    kind_label: str
    message: str
    created_at: dt.datetime
    read: bool
    read_at: dt.datetime | None
    task: int | None
    plan: int | None
    link: str

    @staticmethod
    def resolve_kind_label(obj: Notification) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_read(obj: Notification) -> bool:
        return obj.read_at is not None

    @staticmethod
    def resolve_task(obj: Notification) -> int | None:
        return obj.task_id

    @staticmethod
    def resolve_plan(obj: Notification) -> int | None:
        return obj.plan_id


class NotificationFilters(Schema):
    unread: bool = Field(False, description="Chỉ các thông báo chưa đọc.")


class ReadIn(Schema):
    ids: list[Id] | None = Field(None, max_length=1000, description="Các thông báo cần đánh dấu; bỏ trống: tất cả.")


class ReadOut(Schema):
    marked: int
    unread: int


@router.get("/notifications", response=list[NotificationOut], summary="Thông báo của tôi, mới nhất trước")
@paginate(Pages)
def notifications(request, filters: Query[NotificationFilters]):
    Access.of(request)  # everyone reads only their own
    rows = Notification.objects.filter(user=request.user).order_by("-created_at", "-pk")
    if filters.unread:
        rows = rows.filter(read_at__isnull=True)
    return rows


@router.post("/notifications/read", response=ReadOut, summary="Đánh dấu thông báo đã đọc")
def notifications_read(request, payload: ReadIn):
    Access.of(request)
    marked = notify.mark_read(request.user, payload.ids)
    return {"marked": marked, "unread": notify.unread_count(request.user)}
