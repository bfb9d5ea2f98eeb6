"""The survey API: the form and the anonymous submission (the API's only write without a token), and the results
with the same permissions as the pages."""

from __future__ import annotations

from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from apps.api.schemas import Error, Id, Text
from apps.surveys import questionnaire as q
from apps.surveys import results, services
from apps.surveys.models import Questionnaire
from apps.tracking.figures import FigureError, parse_period
from apps.units.access import Access
from apps.units.models import Unit
from apps.units.throttling import client_address

router = Router(tags=["surveys"])


class ItemOut(Schema):
    code: str
    text: str


class FactorOut(Schema):
    code: str
    name: str
    items: list[ItemOut]


class ChoiceOut(Schema):
    code: str
    text: str
    choices: list[str]


class FormOut(Schema):
    unit: int
    unit_name: str
    questionnaire: int
    name: str
    scale: list[dict] = Field(description="Các mức trả lời: 5 Rất hài lòng … 1 Rất không hài lòng; 0 là Không ý kiến.")
    respondent: list[ChoiceOut]
    factors: list[FactorOut]
    overall: ItemOut
    improve: ChoiceOut
    comment: str
    visit_token: str = Field(description="Gửi lại trong visit_token khi nộp phiếu; mỗi mã dùng một lần.")


class ResponseIn(Schema):
    visit_token: Text = Field(max_length=500)
    answers: dict[str, int | None] = Field(description="Mã câu hỏi → mức 1–5 (0: Không ý kiến).")
    respondent: dict[str, Text] = {}
    improve: list[Text] = []
    comment: Text = Field("", max_length=5000)
    desk: Id | None = Field(None, description="Nơi tiếp nhận (cơ quan trực thuộc đơn vị), nếu có.")
    website: Text = Field("", max_length=500, description="Để trống (trường bẫy máy tự điền).")


class ResponseOut(Schema):
    id: int
    flags: list[str]
    detail: str


class ErrorsOut(Schema):
    detail: str
    errors: dict[str, str]


class RateOut(Schema):
    code: str
    name: str
    rate: Decimal | None
    answers: int | None = None


class ResultsOut(Schema):
    unit: int
    unit_name: str
    period: str
    responses: int
    flagged: int
    excluded: int
    factors: list[RateOut]
    items: list[RateOut]
    overall: Decimal | None
    population: int | None
    sample_needed: int | None
    method: str


def _unit(unit_id: int) -> Unit:
    return get_object_or_404(services.surveyed_units(), pk=unit_id)


@router.get(
    "/surveys/results",
    response={200: ResultsOut, 404: Error, 422: Error},
    summary="Kết quả khảo sát SIPAS của một đơn vị trong một kỳ (mặc định: năm nay), ví dụ ?unit=5&period=2026-year",
)
def survey_results(request, unit: Id, period: Text = ""):
    access = Access.of(request)
    found = _unit(unit)
    access.require_view(found)
    try:
        chosen = parse_period(period) if period else None
    except FigureError as error:
        raise HttpError(422, f"Kỳ '{period}' không hợp lệ: {error}.") from None
    if chosen is None:  # this year
        chosen = results.this_year()
    r = results.satisfaction(found, chosen)
    items = [i for f in r.factors for i in f.items] + [r.overall_question]
    return {
        "unit": found.pk,
        "unit_name": found.name,
        "period": chosen.code,
        "responses": r.responses,
        "flagged": r.flagged,
        "excluded": r.excluded,
        "factors": [{"code": f.code, "name": f.name, "rate": f.rate} for f in r.factors],
        "items": [{"code": i.code, "name": i.text, "rate": i.rate, "answers": i.valid} for i in items],
        "overall": r.overall,
        "population": r.population,
        "sample_needed": r.sample_needed,
        "method": r.method,
    }


@router.get("/surveys/{unit_id}/form", auth=None, response={200: FormOut, 404: Error}, summary="Phiếu khảo sát")
def survey_form(request, unit_id: int):
    unit = _unit(unit_id)
    questionnaire = Questionnaire.current()
    form = questionnaire.form
    return {
        "unit": unit.pk,
        "unit_name": unit.name,
        "questionnaire": questionnaire.pk,
        "name": questionnaire.name,
        "scale": [{"level": level, "label": label} for level, label in q.SCALE]
        + [{"level": 0, "label": "Không ý kiến"}],
        "respondent": [{"code": c.code, "text": c.text, "choices": list(c.choices)} for c in form.respondent],
        "factors": [
            {"code": f.code, "name": f.name, "items": [{"code": i.code, "text": i.text} for i in f.items]}
            for f in form.factors
        ],
        "overall": {"code": form.overall.code, "text": form.overall.text},
        "improve": {"code": form.improve.code, "text": form.improve.text, "choices": list(form.improve.choices)},
        "comment": form.comment,
        "visit_token": services.visit_token(unit),
    }


@router.post(
    "/surveys/{unit_id}/responses",
    auth=None,
    response={201: ResponseOut, 400: ErrorsOut, 404: Error, 409: Error, 429: Error},
    summary="Nộp một phiếu khảo sát (không cần đăng nhập)",
    description=(
        "Lấy `visit_token` từ `GET /api/surveys/{unit_id}/form`; mỗi mã dùng một lần (gửi lại: **409**). "
        "Một địa chỉ gửi quá nhiều phiếu: **429** với `Retry-After`. Câu trả lời sai: **400** với lỗi từng câu."
    ),
)
def survey_submit(request, unit_id: int, payload: ResponseIn):
    unit = _unit(unit_id)
    sent = services.Submission(
        token=payload.visit_token,
        items=payload.answers,
        respondent=payload.respondent,
        improve=payload.improve,
        comment=payload.comment,
        honeypot=payload.website,
        desk=payload.desk,
    )
    try:
        response = services.submit(unit, sent, client_address(request))
    except services.Throttled as refused:
        answer = router.api.create_response(request, {"detail": str(refused)}, status=429)
        answer["Retry-After"] = str(refused.lock.retry_after)
        return answer
    except services.AlreadyReceived as refused:
        raise HttpError(409, str(refused)) from None
    except services.SurveyError as refused:
        return Status(400, {"detail": str(refused), "errors": refused.errors})
    return Status(201, {"id": response.pk, "flags": response.flags, "detail": "Đã nhận phiếu. Xin cảm ơn!"})
