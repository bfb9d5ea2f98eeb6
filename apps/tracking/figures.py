"""Figures: a target's value per reporting period (with numerator, denominator, source, evidence) and
how far each target has come. The writes are audited in one transaction; the reading side feeds the
plan's figures page, the spreadsheets and the dashboards."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import record, snapshot
from apps.plans.models import Attainment, IndicatorKind, Plan, Target, attainment
from apps.tracking import notify
from apps.tracking.models import Measurement, NotificationKind, Period, PeriodKind, UpdateStatus
from apps.tracking.uploads import store_evidence
from apps.units.access import Access
from apps.units.models import person_name
from cchc.numbers import exponent_message
from cchc.versioning import Conflict
from importer.text import fold

MEASUREMENT_FIELDS = ["value", "numerator", "denominator", "source", "note"]
CENT = Decimal("0.01")


class FigureError(ValueError):
    """A value the user must correct; the message is for the user."""


# --- reading numbers as people type them ---------------------------------------------------------------------

_THOUSANDS = re.compile(r"^[1-9]\d{0,2}([.,]\d{3})+$")
# the largest magnitude any stored figure holds (numerator and denominator: 14 digits, 2 of them decimals)
MAX_DIGITS = 12
MAX_NUMBER_TEXT = 40  # characters; longer text is no number a person typed


def _show(raw, length: int = 30) -> str:
    try:
        text = str(raw)
    except ValueError:  # an int of thousands of digits
        return "số quá dài"
    return text if len(text) <= length else text[: length - 1] + "…"


def _not_a_number(raw) -> FigureError:
    return FigureError(f"“{_show(raw)}” không phải là số: hãy ghi số, VD 85,5 hoặc 85,5%")


def parse_number(raw) -> Decimal | None:
    """'85,5', '85.5%', ' 1.234 ', 1234 → Decimal; '' or None → None; anything else → FigureError.

    Vietnamese writes a decimal comma and a thousands dot; a single separator followed by exactly three digits
    (1.234, 12,500) is read as thousands, any other single separator as the decimal mark. NaN, infinities and
    magnitudes of 10^12 or more (no figure stores them) are refused too."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise _not_a_number(raw)
    if isinstance(raw, int):
        number = Decimal(raw)  # exact, whatever its size (str() of a huge int raises)
    elif isinstance(raw, (float, Decimal)):
        number = Decimal(raw) if isinstance(raw, Decimal) else Decimal(str(raw))
    else:
        number = _parse_text(raw)
        if number is None:
            return None
    if not number.is_finite():
        raise _not_a_number(raw)
    if number and number.adjusted() >= MAX_DIGITS:  # adjusted(): no arithmetic, which overflows on 1e999999999
        raise FigureError(f"“{_show(raw)}” quá lớn (số liệu phải nhỏ hơn 1.000.000.000.000)")
    return number


def _parse_text(raw) -> Decimal | None:
    if message := exponent_message(str(raw)):
        raise FigureError(message)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if not text:
        return None
    if len(text) > MAX_NUMBER_TEXT:
        raise FigureError(f"“{_show(raw)}” không phải là số (quá dài)")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif _THOUSANDS.match(text):
        text = text.replace(",", "").replace(".", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _not_a_number(raw) from None


def _vi(number: Decimal) -> str:
    return f"{number.normalize():f}".replace(".", ",")


def is_rate(target: Target) -> bool:
    if target.indicator_id and target.indicator.kind == IndicatorKind.RATE:
        return True
    return target.unit.strip() == "%"


@dataclass(frozen=True)
class Figure:
    value: Decimal
    numerator: Decimal | None
    denominator: Decimal | None


def compute(target: Target, value, numerator=None, denominator=None) -> Figure:
    """The figure to store: from numerator and denominator when both are given (× 100 for a rate), else the
    value typed; all rounded to hundredths as stored. Raises FigureError with a Vietnamese message."""
    value, numerator, denominator = parse_number(value), parse_number(numerator), parse_number(denominator)
    numerator, denominator = _cents(numerator), _cents(denominator)
    if denominator is not None and denominator <= 0:
        raise FigureError("Mẫu số phải lớn hơn 0")
    if numerator is not None and numerator < 0:
        raise FigureError("Tử số không được âm")
    if numerator is not None and denominator is not None:
        value = numerator / denominator * (100 if is_rate(target) else 1)
    elif numerator is not None or denominator is not None:
        if value is None:
            raise FigureError("Cần nhập cả tử số và mẫu số, hoặc nhập giá trị")
    if value is None:
        raise FigureError("Cần nhập giá trị, hoặc tử số và mẫu số")
    value = _cents(value)
    if is_rate(target) and not (0 <= value <= 100):
        raise FigureError(f"tỷ lệ {_vi(value)}% phải nằm trong khoảng 0–100%")
    if value < 0:  # rates, counts, scores and levels: no CCHC figure is below zero
        raise FigureError(f"giá trị {_vi(value)} không được âm")
    if value >= Decimal("1e10"):
        raise FigureError(f"'{_vi(value)}' quá lớn (giá trị phải nhỏ hơn 10.000.000.000)")
    return Figure(value, numerator, denominator)


def _cents(number: Decimal | None) -> Decimal | None:
    """Rounded to hundredths (numbers from ``parse_number`` are small enough for this to be exact)."""
    return None if number is None else number.quantize(CENT, rounding=ROUND_HALF_UP)


# --- periods -------------------------------------------------------------------------------------------------

_KIND_WORDS = [  # folded; the most specific first
    (PeriodKind.Q3, ("quy iii", "quy 3", "q3", "9 thang")),
    (PeriodKind.Q1, ("quy i", "quy 1", "q1")),
    (PeriodKind.H1, ("6 thang", "sau thang", "h1", "nua nam")),
    (PeriodKind.YEAR, ("nam", "ca nam", "year")),
]


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a reporting period may belong to
_PERIOD_EXAMPLES = "VD: Quý I 2026, 6 tháng 2026, Năm 2026, 2026-q1"


def check_year(year: int) -> int:
    """The year of a reporting period, or FigureError when it is outside the years the system keeps."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FigureError(f"năm {year} không hợp lệ: kỳ báo cáo phải thuộc các năm {FIRST_YEAR}–{LAST_YEAR}")
    return year


def parse_period(raw, years: Iterable[int] | None = None) -> Period:
    """'Quý I 2026', '6 tháng 2026', 'Q3/2026', 'Năm 2026', '2026-q1' → Period (created from the default
    windows); with ``years``, only a period of one of those years."""
    text = " " + re.sub(r"[^0-9a-z]+", " ", fold(str(raw if raw is not None else ""))).strip() + " "
    found = re.findall(r"\b(\d{4})\b", text)
    if len(found) != 1:
        raise FigureError(f"'{_show(raw or '')}' không phải là kỳ báo cáo ({_PERIOD_EXAMPLES})")
    year = check_year(int(found[0]))
    if years is not None and year not in set(years):
        raise FigureError(f"năm {year} nằm ngoài thời gian nhập số liệu của kế hoạch")
    for kind, words in _KIND_WORDS:
        if any(f" {w} " in text for w in words):
            Period.ensure_year(year)
            return Period.objects.get(kind=kind, year=year)
    raise FigureError(f"'{_show(raw)}' không phải là kỳ báo cáo ({_PERIOD_EXAMPLES})")


PERIOD_NAMES = dict(PeriodKind.choices)


def period_label(period: Period) -> str:
    """``Quý I 2026``; a dashboard names ~800 figures' periods, so this is a dictionary look-up."""
    return f"{PERIOD_NAMES.get(period.kind, period.kind)} {period.year}"


def plan_years(plan: Plan, today: dt.date | None = None) -> list[int]:
    """Years a plan's figures may be entered for: its period up to this year (at least this year), within the
    years a reporting period may belong to."""
    today = today or timezone.localdate()
    first = plan.period_start.year if plan.period_start else today.year
    last = min(plan.period_end.year, today.year) if plan.period_end else today.year
    first, last = (min(max(year, FIRST_YEAR), LAST_YEAR) for year in (first, last))
    first = min(first, last)
    return list(range(first, last + 1))


def entry_periods(plan: Plan, today: dt.date | None = None):
    """The periods a plan's figures may be entered for, latest first (a queryset)."""
    years = plan_years(plan, today)
    Period.ensure_years(years)
    return Period.objects.filter(year__in=years).order_by("-end")


# --- writing -------------------------------------------------------------------------------------------------


def save_measurement(
    target: Target,
    period: Period,
    user,
    *,
    value=None,
    numerator=None,
    denominator=None,
    source: str = "",
    note: str = "",
    files: Iterable = (),
    expected_version: int | None = None,
) -> Measurement:
    """Enter the target's first value for the period (``expected_version`` None) or correct the value the user
    saw (its version), with its evidence files; audited. A value entered or changed meanwhile by someone else
    raises ``Conflict`` carrying it, never overwritten."""
    figure = compute(target, value, numerator, denominator)
    try:
        with transaction.atomic():
            return _save_measurement(target, period, user, figure, source, note, files, expected_version)
    except IntegrityError as exc:  # a first value entered at the same moment by someone else
        raise Conflict(Measurement.objects.filter(target=target, period=period).first(), expected_version) from exc


def _save_measurement(target, period, user, figure, source, note, files, expected_version) -> Measurement:
    """The body of ``save_measurement``, inside its transaction."""
    measurement = Measurement.objects.select_for_update().filter(target=target, period=period).first()
    if measurement is None and expected_version is not None:
        raise Conflict(None, expected_version, "số liệu")
    if measurement is not None and measurement.version != expected_version:
        raise Conflict(measurement, expected_version)
    before = snapshot(measurement, MEASUREMENT_FIELDS) if measurement else None
    if measurement is None:
        measurement = Measurement(target=target, period=period)
    measurement.value = figure.value
    measurement.numerator = figure.numerator
    measurement.denominator = figure.denominator
    measurement.source = (source or "").strip()[:300]
    measurement.note = (note or "").strip()
    measurement.entered_by = user
    # the standing officer's figure is accepted as entered; an agency's (a first one or a change) waits for review
    own = Access(user).can_manage(target.plan.unit)
    measurement.status = UpdateStatus.ACCEPTED if own else UpdateStatus.SUBMITTED
    measurement.return_reason = ""
    measurement.reviewed_by = user if own else None
    measurement.reviewed_at = timezone.now() if own else None
    measurement.save()
    names = [store_evidence(measurement, f, user).original_name for f in files]
    after = snapshot(measurement, MEASUREMENT_FIELDS) | {"period": period_label(period), "evidence": names}
    record(
        user,
        "measurement.create" if before is None else "measurement.update",
        measurement,
        target.plan.unit,
        before=before,
        after=after,
        summary=f"Số liệu {period_label(period)} của chỉ tiêu “{target.text[:120]}”: {figure.value:f}{target.unit}",
    )
    if not own:
        author = person_name(user)
        notify.tell(
            notify.standing_officers(target.plan.unit),
            NotificationKind.WAITING,
            f"{author} nhập số liệu {period_label(period)} của chỉ tiêu “{notify.short(target.text)}”: "
            f"{figure.value:f}{target.unit} — chờ duyệt.",
            unit=target.plan.unit.governing_unit,
            target=target,
            link=reverse("tracking-review"),
            skip=user,
        )
    return measurement


# --- reading -------------------------------------------------------------------------------------------------


@dataclass
class TargetProgress:
    """A target with its values in period order, its latest value and its attainment."""

    target: Target
    measurements: list[Measurement] = field(default_factory=list)
    attainment: str | None = None

    @property
    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None

    @property
    def values(self) -> list[Decimal]:
        return [m.value for m in self.measurements]

    @property
    def goal(self) -> str:
        return self.target.goal_in_signs

    @property
    def attainment_label(self) -> str:
        return Attainment(self.attainment).label if self.attainment else "Chưa có số liệu"


# what a target's progress shows of each figure; its source, note and author are read on the target's own page
PROGRESS_FIELDS = ("id", "target_id", "period_id", "value", "version")


def targets_with_measurements(targets):
    """A target queryset with what the progress needs, in few queries: each figure's value and period id (the
    periods themselves are read once by ``progress_of``, not once per figure: a plan of 40 targets has 800)."""
    return targets.select_related("plan", "plan__unit", "indicator", "agency").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.only(*PROGRESS_FIELDS).order_by())
    )


def progress_of(targets: Iterable[Target], today: dt.date | None = None, as_of: bool = False) -> list[TargetProgress]:
    """Progress per target; pass targets from ``targets_with_measurements`` to avoid a query per target.
    ``as_of=True``: as it stood at the end of ``today`` (only the periods ended by then)."""
    today = today or timezone.localdate()
    periods = {p.pk: p for p in Period.objects.all()}
    out = []
    for target in targets:
        rows = list(target.measurements.all())
        for m in rows:
            m.period = periods[m.period_id]
        rows.sort(key=lambda m: m.period.end)
        if as_of:
            rows = [m for m in rows if m.period.end <= today]
        state = attainment(target, rows[-1].value, today) if rows else None
        out.append(TargetProgress(target, rows, state))
    return out
