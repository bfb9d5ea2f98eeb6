"""Taking an anonymous survey answer: the visit token, the checks against abuse, and storing it under load; the
city's exclusions; the population N a unit enters.

Abuse, in the order a submission meets it: an address past ``SURVEY_RESPONSES_PER_ADDRESS`` is refused (429,
``apps/units/throttling.py``'s counters); the page's visit token (signed, one per opening of the page) is checked and
may be used once (a second send of the same page is told it was already received); then the answer is stored, with
flags when it looks wrong — the hidden honeypot field filled (excluded at once, with that reason), sent within
``SURVEY_MIN_SECONDS`` of opening the page, more than ``SURVEY_BURST_PER_ADDRESS`` from one address in a short time.
Nothing is deleted: the city sees the flags and excludes, or takes an exclusion back, with a reason.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from apps.api.schemas import NOT_TEXT
from apps.audit.models import record
from apps.surveys import questionnaire as q
from apps.surveys.models import Flag, Questionnaire, Response, Survey
from apps.units.models import GOVERNING_KINDS, Unit
from apps.units.throttling import SURVEY_ANSWERS, SURVEY_BURST, Lock

SALT = "surveys.visit"
HONEYPOT = "website"  # the hidden field's name: a person never sees it, a form-filling robot fills it
HONEYPOT_REASON = "Tự động loại: trường ẩn có nội dung (phiếu do máy tự điền)."
LOCK_RETRIES = 5
THROTTLED = "Địa chỉ mạng này đã gửi quá nhiều phiếu. Hãy thử lại sau {minutes} phút (lúc {at})."


class SurveyError(ValueError):
    """A submission that cannot be taken, with what the person should do."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.errors = errors or {}


class AlreadyReceived(SurveyError):
    """The same page sent twice (its visit token was used)."""


class Throttled(SurveyError):
    def __init__(self, lock: Lock):
        super().__init__(lock.message(THROTTLED))
        self.lock = lock


@dataclass
class Submission:
    """What a person sent, from the page's form or the API's body, not yet checked."""

    token: str
    items: Mapping[str, object] = field(default_factory=dict)  # item code -> level (1–5, 0 = no opinion)
    respondent: Mapping[str, object] = field(default_factory=dict)
    improve: list = field(default_factory=list)
    comment: str = ""
    honeypot: str = ""
    desk: int | None = None


def surveyed_units():
    """The units a survey is run for: communes, wards, special zones, departments (not the city, not an agency)."""
    return Unit.objects.filter(kind__in=GOVERNING_KINDS, dissolved_on__isnull=True).exclude(kind="city")


def visit_token(unit: Unit) -> str:
    """A new token for one opening of the unit's survey page: signed, with the time it was issued."""
    return signing.dumps({"u": unit.pk, "n": secrets.token_urlsafe(12), "t": int(time.time())}, salt=SALT)


def _read_token(unit: Unit, token: str) -> tuple[str, float]:
    try:
        data = signing.loads(token or "", salt=SALT, max_age=settings.SURVEY_VISIT_HOURS * 3600)
    except signing.SignatureExpired:
        raise SurveyError("Trang khảo sát đã mở quá lâu. Hãy tải lại trang rồi trả lời lại.") from None
    except signing.BadSignature:
        raise SurveyError("Phiếu không hợp lệ. Hãy mở lại trang khảo sát (quét lại mã QR) rồi trả lời.") from None
    if not isinstance(data, dict) or data.get("u") != unit.pk or not isinstance(data.get("n"), str):
        raise SurveyError("Phiếu này thuộc đơn vị khác. Hãy mở lại trang khảo sát của đơn vị rồi trả lời.")
    return data["n"], float(data.get("t") or 0)


def _level(raw) -> int | None:
    if raw in (None, ""):
        return None
    try:
        level = int(str(raw).strip())
    except ValueError:
        return -1
    return level if level == q.NO_OPINION or level in q.VALID_LEVELS else -1


def clean(form: q.Form, unit: Unit, sent: Submission) -> dict:
    """The answers to store, or SurveyError with one message per question that is wrong."""
    errors: dict[str, str] = {}
    items = {}
    for item in form.items:
        level = _level(sent.items.get(item.code))
        if level == -1:
            errors[item.code] = "Hãy chọn một mức từ 1 đến 5 (hoặc “Không ý kiến”)."
        elif level is not None:
            items[item.code] = level
    unknown = set(map(str, sent.items)) - {item.code for item in form.items}
    if unknown:
        errors["items"] = f"Phiếu không có câu hỏi {', '.join(sorted(unknown)[:5])}."
    if not errors and not any(level in q.VALID_LEVELS for level in items.values()):
        errors["items"] = "Hãy chọn mức hài lòng cho ít nhất một câu hỏi."
    respondent = {}
    for question in form.respondent:
        value = str(sent.respondent.get(question.code) or "").strip()
        if value and value not in question.choices:
            errors[question.code] = f"Hãy chọn một trong: {', '.join(question.choices)}."
        elif value:
            respondent[question.code] = value
    improve = [str(choice) for choice in sent.improve if str(choice).strip()]
    if any(choice not in form.improve.choices for choice in improve):
        errors[form.improve.code] = "Hãy chọn trong danh sách nội dung cần cải thiện."
    comment = NOT_TEXT.sub("", str(sent.comment or "")).strip()
    if len(comment) > q.COMMENT_MAX:
        errors["comment"] = f"Ý kiến dài {len(comment)} ký tự; hãy rút gọn dưới {q.COMMENT_MAX} ký tự."
    if sent.desk is not None and not unit.agencies().filter(pk=sent.desk).exists():
        errors["desk"] = "Nơi tiếp nhận không thuộc đơn vị này."
    if errors:
        raise SurveyError("Phiếu chưa gửi được: hãy xem lại các câu được đánh dấu.", errors)
    return {"items": items, "respondent": respondent, "improve": sorted(set(improve)), "comment": comment}


def address_key(address: str) -> str:
    """The address as stored with a response: a keyed hash, enough to see a burst, not to find the person."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def submit(unit: Unit, sent: Submission, address: str) -> Response:
    """Store one anonymous answer (short transaction, retried while SQLite is locked); raises Throttled,
    AlreadyReceived or SurveyError."""
    if lock := SURVEY_ANSWERS.lock(address):
        raise Throttled(lock)
    nonce, issued = _read_token(unit, sent.token)
    questionnaire = Questionnaire.current()
    answers = clean(questionnaire.form, unit, sent)
    flags = []
    if sent.honeypot.strip():
        flags.append(Flag.HONEYPOT)
    if issued and time.time() - issued < settings.SURVEY_MIN_SECONDS:
        flags.append(Flag.TOO_FAST)
    if SURVEY_BURST.lock(address):
        flags.append(Flag.BURST)
    response = Response(
        unit=unit,
        desk_id=sent.desk,
        questionnaire=questionnaire,
        submitted_at=timezone.now(),
        answers=answers,
        visit_token=nonce,
        address_hash=address_key(address),
        flags=[str(flag) for flag in flags],
        flagged=bool(flags),
        excluded=Flag.HONEYPOT in flags,
        exclude_reason=HONEYPOT_REASON if Flag.HONEYPOT in flags else "",
    )
    _store(response)
    SURVEY_ANSWERS.hit(address)
    SURVEY_BURST.hit(address)
    return response


def _store(response: Response) -> None:
    """One INSERT in its own transaction; a locked SQLite database (past its busy timeout) is tried again."""
    for attempt in range(LOCK_RETRIES):
        try:
            with transaction.atomic():
                response.save(force_insert=True)
            return
        except IntegrityError:
            if Response.objects.filter(visit_token=response.visit_token).exists():
                raise AlreadyReceived("Phiếu này đã được gửi rồi. Cảm ơn Ông/Bà đã tham gia khảo sát.") from None
            raise
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCK_RETRIES - 1:
                raise
            response.pk = None
            time.sleep(0.05 * (attempt + 1) + secrets.randbelow(50) / 1000)


EXCLUDE_NEEDS_REASON = "Hãy ghi lý do loại phiếu (ví dụ: nhiều phiếu giống nhau từ một địa chỉ trong vài phút)."


def exclude(response: Response, user, reason: str, *, excluded: bool = True) -> Response:
    """Exclude a response from the results (or take the exclusion back), with a reason; audited."""
    reason = (reason or "").strip()[:500]
    if excluded and not reason:
        raise SurveyError(EXCLUDE_NEEDS_REASON)
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        before = {"excluded": response.excluded, "reason": response.exclude_reason}
        response.excluded = excluded
        response.exclude_reason = reason
        response.excluded_by = user
        response.excluded_at = timezone.now()
        response.save(update_fields=["excluded", "exclude_reason", "excluded_by", "excluded_at"])
        record(
            user,
            "survey_response.exclude" if excluded else "survey_response.include",
            response,
            response.unit,
            before=before,
            after={"excluded": excluded, "reason": reason},
            summary=(
                f"Loại phiếu khảo sát số {response.pk}: {reason}"
                if excluded
                else f"Tính lại phiếu khảo sát số {response.pk}" + (f": {reason}" if reason else "")
            ),
        )
    return response


def set_population(unit: Unit, year: int, population: int | None, user) -> Survey:
    """N for the unit's year (people served, dossiers received), for the sample needed; audited."""
    with transaction.atomic():
        survey, _ = Survey.objects.select_for_update().get_or_create(unit=unit, year=year)
        before = {"population": survey.population}
        survey.population = population
        survey.updated_by = user
        survey.save()
        record(
            user,
            "survey.population",
            survey,
            unit,
            before=before,
            after={"population": population, "year": year},
            summary=f"Số người được phục vụ năm {year} (N) của {unit}: {population if population is not None else '—'}",
        )
    return survey
