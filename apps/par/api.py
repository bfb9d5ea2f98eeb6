"""The PAR Index API: frameworks, assessments with every leaf, self-scores and appraisal, the ranking — with the
same permissions as the pages (apps/par/services.py). A leaf's score is changed with ``If-Match`` (its ETag);
a stale one is refused with 412 and the leaf as it now is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, File, Header, Query, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from pydantic import model_validator

from apps.api.api import IF_MATCH, expected_version, with_etag
from apps.api.schemas import Error, Id, Text
from apps.par import frameworks, services
from apps.par.models import Assessment, AssessmentYear, Framework, Score
from apps.par.services import WorkflowError
from apps.units.access import Access
from cchc.versioning import Conflict

router = Router(tags=["par"])
# two decimals at most; the services check it against the leaf's maximum
Points = Annotated[Decimal, Field(ge=0, le=1000, max_digits=6, decimal_places=2)]


class FrameworkOut(Schema):
    id: int
    name: str
    decision_number: str
    decision_date: dt.date | None
    year: int
    groups: list[str]
    is_sample: bool
    version: int


class FrameworkDetailOut(FrameworkOut):
    criteria: list[dict]
    problems: list[str]


class AssessmentOut(Schema):
    id: int
    unit: int
    unit_name: str
    year: int
    group: str
    state: str
    state_label: str
    self_open: bool
    self_deadline: dt.date
    version: int
    max_points: Decimal
    points: Decimal
    index: Decimal | None


class EntryOut(Schema):
    stage: str
    points: Decimal | None
    applicable: bool
    note: str
    by: str
    at: dt.datetime


class LeafOut(Schema):
    id: int
    criterion: int
    code: str
    title: str
    part: str
    max_points: Decimal
    method: str
    applicable: bool
    proposed: Decimal | None
    computation: str
    self_score: Decimal | None
    self_note: str
    evidence: list[str]
    round1: Decimal | None
    round1_note: str
    explanation_asked: bool
    explanation: str
    round2: Decimal | None
    round2_note: str
    version: int
    history: list[EntryOut]


class AssessmentDetailOut(AssessmentOut):
    leaves: list[LeafOut]


class SelfScoreIn(Schema):
    score: Points | None = Field(
        None, description="Điểm tự chấm, từ 0 đến điểm tối đa của tiêu chí (2 chữ số thập phân)."
    )
    note: Text = ""
    applicable: bool = True


class AppraisalIn(Schema):
    round: int = Field(1, ge=1, le=2)
    score: Points
    note: Text = ""
    ask_explanation: bool = False


class LeafConflict(Schema):
    detail: str
    current: LeafOut | None


class TagItemOut(Schema):
    kind: str = Field(..., description="`task` hoặc `target`")
    id: int
    plan: int
    label: str
    criterion: int | None
    code: str = Field(..., description="Mã tiêu chí được gắn (trống khi chưa gắn)")


class TagLeafOut(Schema):
    id: int
    code: str
    title: str


class TagsOut(Schema):
    assessment: int
    version: int
    items: list[TagItemOut]
    criteria: list[TagLeafOut]


class TagIn(Schema):
    task: Id | None = None
    target: Id | None = None
    criterion: Id | None = Field(None, description="Tiêu chí (lá) được gắn; null: bỏ gắn")

    @model_validator(mode="after")
    def one_of_task_or_target(self):
        if (self.task is None) == (self.target is None):
            raise ValueError("mỗi mục gắn có đúng một trong hai trường task hoặc target")
        return self


class TagsIn(Schema):
    tags: list[TagIn] = Field(..., max_length=10000)


class RankOut(Schema):
    unit: int
    unit_name: str
    block: str
    state: str
    points: Decimal
    max_points: Decimal
    index: Decimal | None
    rank: int
    band: str
    change: Decimal | None


def _assessment_out(assessment: Assessment) -> dict:
    totals = services.totals(assessment)
    return {
        "id": assessment.pk,
        "unit": assessment.unit_id,
        "unit_name": assessment.unit.name,
        "year": assessment.year.year,
        "group": assessment.group,
        "state": assessment.state,
        "state_label": assessment.get_state_display(),
        "self_open": assessment.self_open(),
        "self_deadline": assessment.year.self_deadline,
        "version": assessment.version,
        "max_points": totals.max_points,
        "points": totals.points,
        "index": totals.index,
    }


def _leaf_out(score: Score) -> dict:
    c = score.criterion
    return {
        "id": score.pk,
        "criterion": c.pk,
        "code": c.code,
        "title": c.title,
        "part": c.part,
        "max_points": c.max_points,
        "method": c.method,
        "applicable": score.applicable,
        "proposed": score.proposed,
        "computation": score.computation,
        "self_score": score.self_score,
        "self_note": score.self_note,
        "evidence": [e.original_name for e in score.evidence.all()],
        "round1": score.round1,
        "round1_note": score.round1_note,
        "explanation_asked": score.explanation_asked,
        "explanation": score.explanation,
        "round2": score.round2,
        "round2_note": score.round2_note,
        "version": score.version,
        "history": [
            {
                "stage": e.stage,
                "points": e.points,
                "applicable": e.applicable,
                "note": e.note,
                "by": e.by.username if e.by else "",
                "at": e.at,
            }
            for e in score.entries.all()
        ],
    }


def _acting(request, assessment_id: int, role) -> Assessment:
    """The assessment for a change by the caller in ``role`` (``services.SELF`` …); else 403 saying who may."""
    access = Access.of(request)
    assessment = services.visible_assessment(access, assessment_id)
    if refused := services.refusal(access, assessment, role):
        raise HttpError(403, refused)
    return assessment


def _leaf(assessment: Assessment, score_id: int) -> Score:
    return get_object_or_404(
        Score.objects.select_related("criterion", "assessment__year", "assessment__unit"),
        pk=score_id,
        assessment=assessment,
    )


def _current(score_id: int) -> dict | None:
    score = Score.objects.select_related("criterion").filter(pk=score_id).first()
    return _leaf_out(score) if score else None


@router.get("/par/frameworks", response=list[FrameworkOut], summary="Các bộ tiêu chí Chỉ số CCHC")
def framework_list(request):
    return Framework.objects.all()


@router.get(
    "/par/frameworks/{framework_id}",
    response={200: FrameworkDetailOut, 404: Error},
    summary="Một bộ tiêu chí: cây tiêu chí với điểm và cách chấm",
)
def framework_detail(request, framework_id: int):
    framework = get_object_or_404(Framework, pk=framework_id)
    fields = ("id", "name", "decision_number", "decision_date", "year", "groups", "is_sample", "version")
    return {
        **{name: getattr(framework, name) for name in fields},
        "criteria": frameworks.to_dict(framework)["criteria"],
        "problems": frameworks.check_framework(framework),
    }


class AssessmentFilters(Schema):
    unit: Id | None = None
    year: int | None = Field(None, ge=2000, le=2100)


@router.get("/par/assessments", response=list[AssessmentOut], summary="Các bản chấm được xem")
def assessment_list(request, filters: Query[AssessmentFilters]):
    access = Access.of(request)
    queryset = access.visible(Assessment.objects.select_related("unit", "year"))
    if filters.unit is not None:
        queryset = queryset.filter(unit_id=filters.unit)
    if filters.year is not None:
        queryset = queryset.filter(year__year=filters.year)
    return [_assessment_out(a) for a in queryset]


@router.get(
    "/par/assessments/{assessment_id}",
    response={200: AssessmentDetailOut, 404: Error},
    summary="Một bản chấm: mọi tiêu chí với điểm tối đa, điểm đề xuất và cách tính, tự chấm, minh chứng, thẩm định",
)
def assessment_detail(request, assessment_id: int, response: HttpResponse):
    assessment = services.visible_assessment(Access.of(request), assessment_id)
    response["ETag"] = assessment.etag
    scores = assessment.scores.select_related("criterion").prefetch_related("evidence", "entries__by")
    return {**_assessment_out(assessment), "leaves": [_leaf_out(s) for s in scores]}


def _changed(response: HttpResponse, score_id: int, change):
    try:
        change()
    except Conflict as exc:
        detail = f"{exc} Tiêu chí như hiện nay ở trường current; gửi lại với If-Match mới nếu vẫn muốn sửa."
        current = Score.objects.filter(pk=score_id).first()
        if current is not None:
            with_etag(response, current)
        return Status(412, {"detail": detail, "current": _current(score_id)})
    except WorkflowError as exc:
        raise HttpError(409, str(exc)) from exc
    score = Score.objects.select_related("criterion").get(pk=score_id)
    with_etag(response, score)
    return _leaf_out(score)


@router.patch(
    "/par/assessments/{assessment_id}/scores/{score_id}",
    response={200: LeafOut, 400: Error, 403: Error, 404: Error, 409: Error, 412: LeafConflict, 422: Error},
    summary="Tự chấm một tiêu chí (khi bản chấm còn mở)",
    description="`score` từ 0 đến điểm tối đa; `applicable: false` khi tiêu chí không áp dụng với đơn vị. "
    "Kèm If-Match (ETag của tiêu chí) để không ghi đè người khác: 412 nếu đã có người sửa.",
)
def self_score(
    request,
    assessment_id: int,
    score_id: int,
    payload: SelfScoreIn,
    response: HttpResponse,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH),
):
    assessment = _acting(request, assessment_id, services.SELF)
    score = _leaf(assessment, score_id)
    expected = expected_version(if_match)
    value = None if payload.score is None else payload.score.quantize(Decimal("0.01"))
    return _changed(
        response,
        score.pk,
        lambda: services.set_self_score(
            score, request.user, value, payload.note, payload.applicable, expected_version=expected
        ),
    )


@router.patch(
    "/par/assessments/{assessment_id}/scores/{score_id}/appraisal",
    response={200: LeafOut, 400: Error, 403: Error, 404: Error, 409: Error, 412: LeafConflict, 422: Error},
    summary="Thẩm định một tiêu chí (vòng 1 hoặc 2), chỉ Sở Nội vụ; đơn vị không tự thẩm định (403)",
    description="Điểm khác điểm trước đó thì bắt buộc `note` (lý do). Vòng 1 có thể yêu cầu giải trình.",
)
def appraisal(
    request,
    assessment_id: int,
    score_id: int,
    payload: AppraisalIn,
    response: HttpResponse,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH),
):
    assessment = _acting(request, assessment_id, services.APPRAISE)
    score = _leaf(assessment, score_id)
    expected = expected_version(if_match)
    return _changed(
        response,
        score.pk,
        lambda: services.appraise(
            score,
            request.user,
            payload.round,
            payload.score.quantize(Decimal("0.01")),
            payload.note,
            payload.ask_explanation,
            expected_version=expected,
        ),
    )


@router.post(
    "/par/assessments/{assessment_id}/lock",
    response={200: AssessmentOut, 400: Error, 403: Error, 404: Error, 409: Error, 412: Error, 422: Error},
    summary="Khóa bản tự chấm (mọi tiêu chí đã chấm, có minh chứng hoặc giải thích)",
    description="Gửi kèm bản tự chấm đã ký ở trường `signed` (multipart/form-data; PDF, Word hoặc ảnh). "
    "Kèm If-Match (ETag của bản chấm) nếu muốn chắc không ai vừa đổi trạng thái.",
)
def lock(
    request,
    assessment_id: int,
    response: HttpResponse,
    signed: File[UploadedFile] = None,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH),
):
    assessment = _acting(request, assessment_id, services.SELF)
    expected = expected_version(if_match)
    try:
        services.lock(assessment, request.user, signed, expected_version=expected)
    except Conflict as exc:
        raise HttpError(412, str(exc)) from exc
    except WorkflowError as exc:
        raise HttpError(409, str(exc)) from exc
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from exc
    response["ETag"] = assessment.etag
    return _assessment_out(assessment)


def _tags_out(assessment: Assessment) -> dict:
    tasks, targets = services.taggable(assessment)
    leaves = assessment.framework.leaves()
    codes = {leaf.pk: leaf.code for leaf in leaves}
    current = services.tags_of(assessment)
    items = [("task", t) for t in tasks] + [("target", t) for t in targets]
    return {
        "assessment": assessment.pk,
        "version": assessment.version,
        "items": [
            {
                "kind": kind,
                "id": obj.pk,
                "plan": obj.plan_id,
                "label": str(obj),
                "criterion": current.get(f"{kind}-{obj.pk}"),
                "code": codes.get(current.get(f"{kind}-{obj.pk}"), ""),
            }
            for kind, obj in items
        ],
        "criteria": [{"id": leaf.pk, "code": leaf.code, "title": leaf.title} for leaf in leaves],
    }


@router.get(
    "/par/assessments/{assessment_id}/tags",
    response={200: TagsOut, 403: Error, 404: Error},
    summary="Nhiệm vụ, chỉ tiêu của đơn vị và tiêu chí mỗi mục được gắn",
    description="Như trang “Gắn nhiệm vụ, chỉ tiêu với tiêu chí”: chỉ cán bộ thường trực CCHC của đơn vị. "
    "ETag là phiên bản của bản chấm.",
)
def tags(request, assessment_id: int, response: HttpResponse):
    assessment = _acting(request, assessment_id, services.SELF)
    response["ETag"] = assessment.etag
    return _tags_out(assessment)


@router.put(
    "/par/assessments/{assessment_id}/tags",
    response={200: TagsOut, 400: Error, 403: Error, 404: Error, 412: Error, 422: Error},
    summary="Gắn nhiệm vụ, chỉ tiêu với tiêu chí (thay cả danh sách)",
    description='`tags`: mỗi mục `{"task": id}` hoặc `{"target": id}` với `criterion` (id tiêu chí lá, null để '
    "bỏ gắn). Mục của đơn vị không có trong danh sách bị bỏ gắn. Kèm If-Match (ETag của bản chấm): 412 nếu đã có "
    "người đổi. Điểm đề xuất được tính lại.",
)
def tags_set(
    request,
    assessment_id: int,
    payload: TagsIn,
    response: HttpResponse,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH),
):
    assessment = _acting(request, assessment_id, services.SELF)
    expected = expected_version(if_match)
    tasks, targets = services.taggable(assessment)
    chosen: dict[str, int | None] = {f"task-{t.pk}": None for t in tasks} | {f"target-{t.pk}": None for t in targets}
    for tag in payload.tags:
        chosen[f"task-{tag.task}" if tag.task is not None else f"target-{tag.target}"] = tag.criterion
    try:
        services.set_tags(assessment, request.user, chosen, expected, strict=True)
    except Conflict as exc:
        raise HttpError(412, f"{exc} Đọc lại bằng GET rồi gửi lại với If-Match mới.") from exc
    except WorkflowError as exc:
        raise HttpError(422, str(exc)) from exc
    assessment.refresh_from_db(fields=["version"])
    response["ETag"] = assessment.etag
    return _tags_out(assessment)


class RankingFilters(Schema):
    year: int = Field(..., ge=2000, le=2100)


@router.get(
    "/par/ranking",
    response={200: list[RankOut], 404: Error},
    summary="Xếp hạng một năm: mỗi đơn vị với khối, điểm, chỉ số, hạng trong khối",
)
def ranking(request, filters: Query[RankingFilters]):
    access = Access.of(request)
    year = get_object_or_404(AssessmentYear, year=filters.year)
    out = []
    for group, rows in services.ranking(year).items():
        for r in rows:
            a = r.assessment
            if not access.is_city and a.state != "final" and not access.can_view(a.unit):
                continue
            out.append(
                {
                    "unit": a.unit_id,
                    "unit_name": a.unit.name,
                    "block": group,
                    "state": a.state,
                    "points": r.totals.points,
                    "max_points": r.totals.max_points,
                    "index": r.totals.index,
                    "rank": r.rank,
                    "band": r.band,
                    "change": r.change,
                }
            )
    return out
