"""The review queue API: what the unit's agencies sent and waits for the standing officer, accepted or returned
several at once — the page's rules and service (apps/tracking/review.py), with the API's answers: 403 for who is no
standing officer, 404 for an item not of their unit, 409/412 naming the items left undecided."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from apps.api.api import Pages
from apps.api.schemas import Error, Id, Text, UnitRef
from apps.tracking import review
from apps.tracking.figures import period_label
from apps.tracking.models import Measurement, TaskUpdate
from apps.units.access import Access
from apps.units.models import person_name

router = Router(tags=["review"])

KINDS = {"update": review.UPDATE, "figure": review.FIGURE}
NAMES = {code: name for name, code in KINDS.items()}
MAX_ITEMS = 500


class TaskRef(Schema):
    id: int
    section: str
    no: str
    content: str


class TargetRef(Schema):
    id: int
    text: str
    unit: str


class WaitingOut(Schema):
    kind: Literal["update", "figure"]
    id: int
    version: int = Field(
        description='Phiên bản khi đọc; gửi lại trong `items[].version` khi duyệt. ETag: "v<version>".'
    )
    etag: str
    plan: int
    task: TaskRef | None = Field(None, description="Nhiệm vụ được cập nhật (với `kind` = update).")
    target: TargetRef | None = Field(None, description="Chỉ tiêu có số liệu (với `kind` = figure).")
    agency: UnitRef | None = Field(description="Cơ quan chủ trì nhiệm vụ, hoặc cơ quan theo dõi chỉ tiêu.")
    sent_by: str
    sent_at: dt.datetime
    comment: str = Field(description="Nội dung cập nhật (update); ghi chú của số liệu (figure).")
    state: str | None = None
    state_label: str | None = None
    progress: int | None = None
    period: str | None = None
    value: Decimal | None = None
    evidence: int = Field(description="Số tệp minh chứng kèm theo.")


class ItemIn(Schema):
    kind: Literal["update", "figure"]
    id: Id
    version: int = Field(ge=1, le=999_999_999, description="`version` của mục khi bạn đọc hàng chờ duyệt.")


class DecisionIn(Schema):
    items: list[ItemIn] = Field(min_length=1, max_length=MAX_ITEMS)
    reason: Text = Field("", max_length=review.MAX_REASON, description="Lý do trả lại (bắt buộc khi trả lại).")


class ItemRef(Schema):
    kind: str
    id: int


class Refusal(ItemRef):
    why: str = Field(description="gone: không còn chờ duyệt; changed: đã sửa sau phiên bản gửi lên; raced, refused.")
    detail: str
    version: int | None = Field(description="Phiên bản hiện nay của mục đã được sửa (với `why` = changed).")


class DecisionOut(Schema):
    detail: str
    accepted: int
    returned: int
    decided: list[ItemRef]
    refused: list[Refusal]


def _managed(request) -> set[int]:
    unit_ids = Access.of(request).managed_unit_ids
    if not unit_ids:
        raise HttpError(403, review.NOT_A_MANAGER)
    return unit_ids


def _waiting(item: TaskUpdate | Measurement) -> dict:
    common = {"id": item.pk, "version": item.version, "etag": item.etag, "evidence": len(item.evidence.all())}
    if isinstance(item, TaskUpdate):
        task = item.task
        return common | {
            "kind": "update",
            "plan": task.plan_id,
            "task": task,
            "agency": task.lead,
            "sent_by": person_name(item.author),
            "sent_at": item.created_at,
            "comment": item.comment,
            "state": item.state,
            "state_label": item.get_state_display(),
            "progress": item.progress,
        }
    target = item.target
    return common | {
        "kind": "figure",
        "plan": target.plan_id,
        "target": {"id": target.pk, "text": target.text, "unit": target.unit},
        "agency": target.agency,
        "sent_by": person_name(item.entered_by),
        "sent_at": item.entered_at,
        "comment": item.note,
        "period": period_label(item.period),
        "value": item.value,
    }


@router.get(
    "/review",
    response={200: list[WaitingOut], 403: Error},
    summary="Hàng chờ duyệt: cập nhật nhiệm vụ và số liệu các cơ quan gửi, mới nhất trước",
)
@paginate(Pages)
def review_queue(request):
    return review.NewestFirst(_managed(request), shape=_waiting)


def _decide(request, payload: DecisionIn, action: str):
    unit_ids = _managed(request)
    items = [(KINDS[item.kind], item.id, item.version) for item in payload.items]
    if foreign := review.foreign_items(unit_ids, items):
        named = ", ".join(f"{NAMES[kind]} #{pk}" for kind, pk in foreign)
        raise HttpError(404, f"Không tìm thấy trong các kế hoạch của đơn vị bạn: {named}; chưa duyệt mục nào.")
    outcome = review.decide_many(request.user, unit_ids, items, action, payload.reason)
    if any(problem.pk is None for problem in outcome.problems):
        raise HttpError(422, outcome.problems[0].message)
    refused = [
        {"kind": NAMES[p.kind], "id": p.pk, "why": p.why, "detail": p.message, "version": p.version}
        for p in outcome.problems
    ]
    done = outcome.accepted + outcome.returned
    detail = f"Đã {'chấp nhận' if action == 'accept' else 'trả lại'} {done} mục"
    if refused:
        detail += f"; {len(refused)} mục chưa duyệt: " + " ".join(p.message for p in outcome.problems)
    body = {
        "detail": detail + ("" if refused else "."),
        "accepted": outcome.accepted,
        "returned": outcome.returned,
        "decided": [{"kind": NAMES[kind], "id": pk} for kind, pk in outcome.decided],
        "refused": refused,
    }
    if not refused:
        return body
    return Status(412 if any(p.why == review.CHANGED for p in outcome.problems) else 409, body)


DECIDED = {200: DecisionOut, 403: Error, 404: Error, 409: DecisionOut, 412: DecisionOut, 422: Error}
ANSWERS = (
    " Mỗi mục được duyệt đúng như phiên bản `version` bạn đã đọc. Mục đã được sửa kể từ đó: **412**; mục không "
    "còn chờ duyệt (đã duyệt ở nơi khác): **409**; cả hai trường hợp các mục khác vẫn được duyệt, `decided` và "
    "`refused` cho biết mục nào. Một mục không thuộc kế hoạch của đơn vị bạn: **404**, không mục nào được duyệt."
)


@router.post(
    "/review/accept",
    response=DECIDED,
    summary="Chấp nhận một hoặc nhiều mục chờ duyệt",
    description="Mục được chấp nhận là mục báo cáo định kỳ sẽ tính." + ANSWERS,
)
def review_accept(request, payload: DecisionIn):
    return _decide(request, payload, "accept")


@router.post(
    "/review/return",
    response=DECIDED,
    summary="Trả lại một hoặc nhiều mục chờ duyệt, kèm lý do",
    description=(
        "`reason` bắt buộc (thiếu: 422), được gửi cho người đã gửi mục. Cập nhật bị trả lại đưa nhiệm vụ về tình "
        "trạng trước đó; số liệu bị trả lại không được tính." + ANSWERS
    ),
)
def review_return(request, payload: DecisionIn):
    return _decide(request, payload, "return")
