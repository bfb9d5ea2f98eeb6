"""GET /api/plans/{id}/alignment?with={other_id}: the plan's targets and tasks beside the other plan's, with the
kind of gap; with the same permissions as the page."""

from __future__ import annotations

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from apps.alignment import compare as alignment
from apps.alignment.views import _plan, other_plan
from apps.api.schemas import Error, Id
from apps.units.access import Access

router = Router(tags=["alignment"])


class AlignmentFilters(Schema):
    with_: Id | None = Field(None, alias="with")


@router.get(
    "/plans/{plan_id}/alignment",
    response={200: dict, 404: Error, 422: Error},
    summary="Đối chiếu với kế hoạch khác (mặc định: kế hoạch nó thực hiện): cặp chỉ tiêu, nhiệm vụ, chênh lệch",
)
def plan_alignment(request, plan_id: int, filters: Query[AlignmentFilters]):
    access = Access.of(request)
    plan = _plan(access, plan_id)
    other = other_plan(access, plan, str(filters.with_) if filters.with_ else None)
    if other is None:
        raise HttpError(
            422, "Hãy ghi kế hoạch cần đối chiếu: ?with=<mã kế hoạch> (kế hoạch này chưa gắn kế hoạch cấp trên)."
        )
    return alignment.as_api(alignment.compare(other, plan))
