"""Satisfaction per unit and period, the way the questionnaire's method says: per item (the satisfied levels over
the valid answers to that item), per factor (the mean of its items), overall; the sample needed for the margin
(n = N / (1 + N·e²)) against the responses counted; the trend over periods.

``satisfaction(unit, period)`` is the one entry point the PAR survey points and the satisfaction targets use.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from apps.surveys import questionnaire as q
from apps.surveys.models import Questionnaire, Response, Survey
from apps.tracking.models import Period, PeriodKind
from apps.units.models import Unit

HUNDREDTH = Decimal("0.01")


def _pct(part: Decimal | int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def _mean(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    if not known:
        return None
    return (sum(known) / len(known)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ItemResult:
    code: str
    text: str
    satisfied: int  # answers at a satisfied level
    valid: int  # answers on the scale (not "no opinion", not unanswered)
    levels: dict[int, int]  # level -> answers

    @property
    def rate(self) -> Decimal | None:
        return _pct(self.satisfied, self.valid)


@dataclass(frozen=True)
class FactorResult:
    code: str
    name: str
    items: tuple[ItemResult, ...]

    @property
    def rate(self) -> Decimal | None:
        return _mean([item.rate for item in self.items])


@dataclass(frozen=True)
class Result:
    unit: Unit
    period: Period
    questionnaire: Questionnaire
    responses: int  # counted (not excluded)
    flagged: int  # counted responses carrying a flag
    excluded: int
    factors: tuple[FactorResult, ...]
    overall_question: ItemResult
    improve: tuple[tuple[str, int], ...]  # what should improve, most chosen first
    comments: tuple[tuple[dt.datetime, str, str], ...]  # (sent at, desk, comment) of the counted responses
    population: int | None
    margin: Decimal
    overall_method: str

    @property
    def overall(self) -> Decimal | None:
        """The overall satisfaction rate (%) by the method: the mean of the factors, or the overall question."""
        if self.overall_method == "question":
            return self.overall_question.rate
        return _mean([factor.rate for factor in self.factors])

    @property
    def sample_needed(self) -> int | None:
        """n = N / (1 + N·e²), rounded up; None while N is not entered."""
        if not self.population:
            return None
        n = Decimal(self.population) / (1 + self.population * self.margin**2)
        return math.ceil(n)

    @property
    def sample_reached(self) -> bool | None:
        needed = self.sample_needed
        return None if needed is None else self.responses >= needed

    @property
    def method(self) -> str:
        return self.questionnaire.form.method.describe()


def this_year() -> Period:
    """This year's "Năm" period (its data window: 15/12 of last year to 14/12)."""
    year = timezone.localdate().year
    Period.ensure_year(year)
    return Period.objects.get(year=year, kind=PeriodKind.YEAR)


def window(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """The period's data window as aware datetimes: from its first day's start to the day after its last."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def responses_in(unit: Unit, period: Period, desk: Unit | None = None):
    start, end = window(period)
    queryset = Response.objects.filter(unit=unit, submitted_at__gte=start, submitted_at__lt=end)
    return queryset.filter(desk=desk) if desk is not None else queryset


def satisfaction(unit: Unit, period: Period | int, desk: Unit | None = None) -> Result:
    """The unit's satisfaction in the period's data window (a year: its "Năm" period), one desk's only when given."""
    if isinstance(period, int):
        Period.ensure_year(period)
        period = Period.objects.get(year=period, kind=PeriodKind.YEAR)
    fields = ("answers", "flags", "excluded", "questionnaire_id", "submitted_at", "desk__name")
    rows = list(responses_in(unit, period, desk).order_by("submitted_at").values_list(*fields))
    counted = [(answers, flags) for answers, flags, excluded, *_ in rows if not excluded]
    comments = tuple(
        (timezone.localtime(at), desk_name or "", answers["comment"])
        for answers, _, excluded, _, at, desk_name in rows
        if not excluded and answers.get("comment")
    )
    used = Counter(questionnaire for _, _, _, questionnaire, *_ in rows)
    questionnaire = Questionnaire.objects.get(pk=used.most_common(1)[0][0]) if used else Questionnaire.current()
    form = questionnaire.form
    satisfied_levels = form.method.satisfied
    levels: dict[str, Counter] = {item.code: Counter() for item in form.items}
    improve: Counter = Counter()
    for answers, _ in counted:
        for code, level in (answers.get("items") or {}).items():
            if code in levels and level in q.VALID_LEVELS:
                levels[code][level] += 1
        improve.update(answers.get("improve") or [])

    def item_result(item: q.Item) -> ItemResult:
        found = levels[item.code]
        return ItemResult(
            item.code,
            item.text,
            sum(n for level, n in found.items() if level in satisfied_levels),
            sum(found.values()),
            {level: found[level] for level, _ in q.SCALE},
        )

    survey = Survey.objects.filter(unit=unit, year=period.year).first()
    return Result(
        unit=unit,
        period=period,
        questionnaire=questionnaire,
        responses=len(counted),
        flagged=sum(1 for _, flags in counted if flags),
        excluded=len(rows) - len(counted),
        factors=tuple(FactorResult(f.code, f.name, tuple(item_result(i) for i in f.items)) for f in form.factors),
        overall_question=item_result(form.overall),
        improve=tuple(improve.most_common()),
        comments=comments,
        population=survey.population if survey else None,
        margin=form.method.margin,
        overall_method=form.method.overall,
    )


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    responses: int
    overall: Decimal | None


def trend(unit: Unit, years: list[int]) -> list[TrendPoint]:
    """The overall rate per quarter-based period (Q1, 6 months, Q3, year) of the given years, in order."""
    for year in years:
        Period.ensure_year(year)
    periods = Period.objects.filter(year__in=years, kind__in=[k.value for k in PeriodKind]).order_by("end")
    points = []
    for period in periods:
        result = satisfaction(unit, period)
        points.append(TrendPoint(period, result.responses, result.overall))
    return points


# --- results into the satisfaction targets' values (an explicit action of the standing officer) ---------------

# indicators of the catalogue (apps/plans/indicators.py) whose value a SIPAS survey measures
SATISFACTION_INDICATORS = ("sipas", "hai-long-tthc")


def satisfaction_targets(unit: Unit):
    """The targets of the unit's published plans bound to a satisfaction indicator."""
    from apps.plans.models import PlanStatus, Target

    return list(
        Target.objects.filter(
            plan__unit=unit, plan__status=PlanStatus.PUBLISHED, indicator__code__in=SATISFACTION_INDICATORS
        ).select_related("plan", "indicator", "agency")
    )


@dataclass
class Applied:
    written: int = 0
    problems: list[str] = field(default_factory=list)


def apply_to_targets(unit: Unit, period: Period, targets, user, *, replace: bool = False) -> Applied:
    """Enter the period's overall rate as each target's value (numerator: responses satisfied overall) through
    ``save_measurement`` (audited, versioned). A value already there is replaced only when ``replace`` is asked."""
    from apps.tracking.figures import FigureError, save_measurement
    from apps.tracking.models import Measurement
    from cchc.versioning import Conflict

    result = satisfaction(unit, period)
    outcome = Applied()
    if result.overall is None:
        outcome.problems.append(f"Chưa có phiếu khảo sát nào được tính trong {period}: không có gì để ghi.")
        return outcome
    source = f"Khảo sát SIPAS trên cchc: {result.responses} phiếu, {period}"
    for target in targets:
        current = Measurement.objects.filter(target=target, period=period).first()
        if current is not None and not replace:
            outcome.problems.append(
                f"Chỉ tiêu “{target.text[:80]}” đã có số liệu {period} ({current.value}): đánh dấu “Thay số liệu đã "
                "có” nếu muốn thay bằng kết quả khảo sát."
            )
            continue
        try:
            save_measurement(
                target,
                period,
                user,
                value=result.overall,
                source=source,
                note=result.method,
                expected_version=current.version if current else None,
            )
        except (Conflict, FigureError) as error:
            outcome.problems.append(f"Chỉ tiêu “{target.text[:80]}”: {error}")
        else:
            outcome.written += 1
    return outcome
