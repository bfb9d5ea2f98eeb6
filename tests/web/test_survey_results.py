"""Kẽ Sắt's satisfaction for a period, as the questionnaire's method says: an item's rate is Hài lòng + Rất hài lòng
over the answers on the scale (no opinion not counted), a factor the mean of its items, overall the mean of the
factors; excluded responses do not count; the sample needed for 5% is n = N / (1 + N·e²)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from apps.surveys import results
from apps.surveys.models import Questionnaire, Survey
from apps.tracking.models import Period, PeriodKind
from tests.web.survey_answers import stored


def year_2026():
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.YEAR)


def in_2026(day=dt.date(2026, 5, 10)):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


def test_it_counts_satisfied_levels_over_valid_answers_per_item_factor_and_overall(kesat):
    codes = [i.code for f in Questionnaire.current().form.factors for i in f.items]
    everything_4 = dict.fromkeys(codes, 4) | {"overall": 4}
    stored(kesat, everything_4 | {"access.1": 5}, n=3, submitted_at=in_2026())
    stored(kesat, everything_4 | {"access.1": 2}, submitted_at=in_2026())
    stored(kesat, everything_4 | {"access.1": 0}, submitted_at=in_2026())  # no opinion: not a valid answer
    stored(kesat, everything_4 | {"access.1": 1}, submitted_at=in_2026(), excluded=True, exclude_reason="trùng")

    result = results.satisfaction(kesat, year_2026())

    access = result.factors[0]
    first = access.items[0]
    assert (first.satisfied, first.valid, first.rate) == (3, 4, Decimal("75.00"))
    assert access.rate == Decimal("93.75")  # (75 + 100 + 100 + 100) / 4
    assert [f.rate for f in result.factors[1:]] == [Decimal("100.00")] * 4
    assert result.overall == Decimal("98.75")  # mean of the five factors
    assert result.overall_question.rate == Decimal("100.00")
    assert (result.responses, result.excluded) == (5, 1)


def test_it_takes_the_overall_question_when_the_method_says_so(kesat):
    questionnaire = Questionnaire.current()
    questionnaire.method = {**questionnaire.method, "overall": "question"}
    questionnaire.save()
    stored(kesat, {"overall": 5, "access.1": 1}, submitted_at=in_2026())
    stored(kesat, {"overall": 3, "access.1": 1}, submitted_at=in_2026())

    result = results.satisfaction(kesat, year_2026())

    assert result.overall == Decimal("50.00")
    assert "câu hỏi đánh giá chung" in result.method


def test_it_counts_only_the_periods_data_window(kesat):
    stored(kesat, {"overall": 5}, submitted_at=in_2026(dt.date(2026, 2, 1)))
    stored(kesat, {"overall": 5}, submitted_at=in_2026(dt.date(2026, 4, 1)))
    Period.ensure_year(2026)
    q1 = Period.objects.get(year=2026, kind=PeriodKind.Q1)  # 15/12/2025 – 14/3/2026

    assert results.satisfaction(kesat, q1).responses == 1
    assert results.satisfaction(kesat, year_2026()).responses == 2
    assert results.satisfaction(kesat, 2026).period == year_2026()  # a year: its "Năm" period


def test_it_says_how_many_responses_the_sample_needs(kesat):
    Survey.objects.create(unit=kesat, year=2026, population=4500)
    stored(kesat, {"overall": 5}, n=3, submitted_at=in_2026())

    result = results.satisfaction(kesat, year_2026())

    assert result.sample_needed == 368  # 4500 / (1 + 4500 × 0.05²) = 367.3…, rounded up
    assert result.sample_reached is False


def test_it_has_no_rate_without_answers(kesat):
    result = results.satisfaction(kesat, year_2026())

    assert result.responses == 0 and result.overall is None and result.sample_needed is None
